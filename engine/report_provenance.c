/*
** Provenance and caveats (the note's last two sections): the world, the
** scenario file and its hash, seed, draws, baseline and engine, the
** model's coefficients with their status, the world's data sources; then
** the standing caveats of docs/MODEL.md. The batch note shares the
** provenance rows, the sources and the caveats.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_note.h"

/* The value of key in a world folder's world.csv (key,value), or "". */
static void world_setting(note *n, const char *key, char *out, size_t size) {
    static const char *const req[] = {"key", "value", NULL};
    char path[4200];
    vg_tidy t;
    long i;
    out[0] = '\0';
    snprintf(path, sizeof path, "%s/world.csv", n->r->world_dir ? n->r->world_dir : "");
    if (!n->r->world_dir || vg_tidy_read(n->ctx, path, req, &t) != VIGIL_OK) {
        nt_optional_failed(n);
        return;
    }
    for (i = 0; i < t.nrow; i++)
        if (strcmp(vg_tidy_str(&t, i, vg_tidy_col(&t, "key")), key) == 0)
            snprintf(out, size, "%s", vg_tidy_str(&t, i, vg_tidy_col(&t, "value")));
    vg_tidy_free(&t);
}

/* The data sources of the world (its sources.csv), as a list. */
void nt_sources(note *n) {
    static const char *const req[] = {"citation", NULL};
    char rel[1024], path[4200];
    vg_tidy t;
    long i;
    world_setting(n, "sources", rel, sizeof rel);
    if (rel[0] == '\0') return;
    snprintf(path, sizeof path, "%s%s%s", rel[0] == '/' ? "" : n->r->world_dir,
             rel[0] == '/' ? "" : "/", rel);
    if (vg_tidy_read(n->ctx, path, req, &t) != VIGIL_OK) {
        nt_optional_failed(n);
        return;
    }
    rp_p(n->d, T(n, "p.sources"));
    rp_ul_begin(n->d);
    for (i = 0; i < t.nrow; i++)
        rp_li(n->d, nt_verbatim(n, 0, vg_tidy_str(&t, i, vg_tidy_col(&t, "citation"))));
    rp_ul_end(n->d);
    vg_tidy_free(&t);
}

void nt_prov_row(note *n, const char *label, const char *value) {
    const char *cells[2] = {label, value};
    rp_table_row(n->d, cells);
}

/* Opens the provenance table with its world rows (a run's note and a
** batch's share them). */
void nt_prov_world(note *n) {
    const rp_run *r = n->r;
    const char *head[2] = {T(n, "col.item"), T(n, "col.value")};
    rp_table_begin(n->d, "table-provenance", NULL, 2, head, "ll");
    nt_prov_row(n, T(n, "prov.world"),
                nt_say(n, r->stylised ? "prov.stylised" : "prov.real", "world",
                       nt_verbatim(n, 0, r->world), (const char *)NULL));
    nt_code(n, 1, r->world_dir);
    nt_prov_row(n, T(n, "prov.world_dir"), vg_sb_str(&n->tmp[1]));
}

static void provenance_table(note *n) {
    const rp_run *r = n->r;
    nt_prov_world(n);
    nt_code(n, 2, r->file);
    nt_prov_row(n, T(n, "prov.file"), vg_sb_str(&n->tmp[2]));
    nt_code(n, 3, r->sha);
    nt_prov_row(n, T(n, "prov.sha"), vg_sb_str(&n->tmp[3]));
    nt_prov_row(n, T(n, "prov.seed"), r->seed);
    nt_prov_row(n, T(n, "prov.draws"), nt_num(n, 4, r->draws, 0, 0));
    nt_prov_row(n, T(n, "prov.years"), nt_say(n, "prov.years_v", "y0", nt_year(n, 5, r->y0), "y1",
                                              nt_year(n, 6, r->y1), (const char *)NULL));
    nt_prov_row(n, T(n, "prov.decomposition"), nt_verbatim(n, 7, r->decomposition));
    nt_prov_row(n, T(n, "prov.baseline"),
                n->base ? nt_verbatim(n, 8, n->base->dir)
                        : r->has_cmp ? T(n, "prov.baseline_cmp") : T(n, "prov.baseline_none"));
    nt_prov_row(n, T(n, "prov.engine"), nt_verbatim(n, 9, r->engine));
    nt_code(n, 10, r->dir);
    nt_prov_row(n, T(n, "prov.files"), vg_sb_str(&n->tmp[10]));
    rp_table_end(n->d);
}

/* A coefficient: as many decimals as it has, up to three (2.08, 0.92). */
static const char *num_short(note *n, int i, double v) {
    char buf[VG_NUMBUF];
    vg_sb *b = nt_slot(n, i);
    int dec = 0;
    while (dec < 3 && fabs(v * pow(10, dec) - round(v * pow(10, dec))) > 1e-6) dec++;
    vg_fmt_num(n->lang, v, dec, 0, buf);
    if (dec > 0) { /* 0.920 -> 0.92 */
        size_t len = strlen(buf);
        while (len > 1 && buf[len - 1] == '0') buf[--len] = '\0';
    }
    vg_sb_puts(b, buf);
    return vg_sb_str(b);
}

/* The status of each coefficient (scenarios/data/model/coefficients.csv
** beside the catalogue), or "" when the file cannot be read. */
typedef struct coef_status {
    vg_tidy t;
    int ok;
} coef_status;

static void coef_status_load(note *n, coef_status *cs) {
    static const char *const req[] = {"name", "status", NULL};
    char path[4200];
    const char *home = getenv("VIGIL_HOME");
    snprintf(path, sizeof path, "%s/scenarios/data/model/coefficients.csv",
             home ? home : VIGIL_SOURCE_DIR);
    cs->ok = vg_tidy_read(n->ctx, path, req, &cs->t) == VIGIL_OK;
    if (!cs->ok) nt_optional_failed(n);
}

static const char *coef_status_of(const coef_status *cs, const char *name) {
    long i;
    for (i = 0; cs->ok && i < cs->t.nrow; i++)
        if (strcmp(vg_tidy_str(&cs->t, i, vg_tidy_col(&cs->t, "name")), name) == 0)
            return vg_tidy_str(&cs->t, i, vg_tidy_col(&cs->t, "status"));
    return "";
}

static void coefficients(note *n, const coef_status *cs) {
    const rp_run *r = n->r;
    const char *head[4] = {T(n, "col.coefficient"), T(n, "col.value"), T(n, "col.status"),
                           T(n, "col.meaning")};
    const char *cells[4];
    char key[160];
    long i;
    if (r->coef.n == 0) return;
    rp_table_begin(n->d, "table-coefficients", T(n, "cap.coefficients"), 4, head, "lrll");
    for (i = 0; i < r->coef.n; i++) {
        const char *st = coef_status_of(cs, r->coef.s[i]);
        const char *mean =
            vg_cat_find(n->cat, n->lang, nt_key2(key, sizeof key, "coef", r->coef.s[i]));
        nt_code(n, 0, r->coef.s[i]);
        cells[0] = vg_sb_str(&n->tmp[0]);
        cells[1] = num_short(n, 1, r->coefv[i]);
        cells[2] = *st ? T(n, nt_key2(key, sizeof key, "status", st)) : "\xe2\x80\x93";
        cells[3] = mean ? mean : "\xe2\x80\x93";
        rp_table_row(n->d, cells);
    }
    rp_table_end(n->d);
}

void nt_sec_provenance(note *n) {
    coef_status cs;
    rp_h(n->d, 2, "provenance", T(n, "h.provenance"));
    if (n->r->stylised) rp_banner(n->d, T(n, "banner.stylised"));
    provenance_table(n);
    coef_status_load(n, &cs);
    coefficients(n, &cs);
    if (cs.ok) vg_tidy_free(&cs.t);
    nt_sources(n);
}

/* The value of a coefficient of the run, as text. */
static const char *coef_value(note *n, int i, const char *name) {
    long k;
    for (k = 0; k < n->r->coef.n; k++)
        if (strcmp(n->r->coef.s[k], name) == 0)
            return num_short(n, i, n->r->coefv[k]);
    return "?";
}

/* The assumed (UNCONFIRMED) coefficients with their values. */
static const char *assumed(note *n, vg_sb *b) {
    coef_status cs;
    long k;
    coef_status_load(n, &cs);
    for (k = 0; k < n->r->coef.n; k++)
        if (strcmp(coef_status_of(&cs, n->r->coef.s[k]), "UNCONFIRMED") == 0) {
            if (b->n) vg_sb_puts(b, T(n, "sep.list"));
            vg_sb_printf(b, "`%s` = %s", n->r->coef.s[k], num_short(n, 0, n->r->coefv[k]));
        }
    if (cs.ok) vg_tidy_free(&cs.t);
    return vg_sb_str(b);
}

void nt_sec_caveats(note *n) {
    vg_sb list = {0};
    rp_h(n->d, 2, "caveats", T(n, "h.caveats"));
    rp_ul_begin(n->d);
    rp_li(n->d, T(n, "caveat.exposure"));
    rp_li(n->d, T(n, n->r->stylised ? "caveat.stylised" : "caveat.real"));
    rp_li(n->d, T(n, "caveat.shares"));
    rp_li(n->d, nt_say(n, "caveat.calibration", "cl", coef_value(n, 0, "cl_poverty_semi"), "sp",
                       coef_value(n, 1, "sp_semi"), (const char *)NULL));
    rp_li(n->d, nt_say(n, "caveat.unconfirmed", "list", assumed(n, &list), (const char *)NULL));
    rp_li(n->d, T(n, "caveat.time"));
    rp_li(n->d, T(n, "caveat.decomposition"));
    rp_ul_end(n->d);
    nt_sb_done(n, &list);
}
