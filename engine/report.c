/*
** The briefing notes (docs/REPORTS.md), the entry point: vigil_report_write
** finds the run or batch folder, the baseline of a run, and writes the
** notes of each folder in every language and format asked for, all or
** nothing. A run's note is the list of its sections here; the sections are
** in report_levers.c, report_headline.c, report_paths.c, report_regions.c,
** report_decomp.c, report_supply.c, report_sdg.c and report_provenance.c,
** the batch's note in report_batch.c, their words and numbers in
** report_words.c (report_note.h). Every word comes from the catalogue
** (report_i18n.h); every number from the run's files, rounded as the
** language writes it.
*/
#include <stdio.h>
#include <string.h>

#include "report_note.h"

/* {==================================================================
** A run's note
** =================================================================== */

static void note_init(note *n, vigil_ctx *ctx, vg_cat *cat, int lang, rp_doc *d,
                      const rp_run *r, const rp_run *base, const char *base_note) {
    int y;
    memset(n, 0, sizeof *n);
    n->ctx = ctx, n->cat = cat, n->lang = lang, n->d = d, n->r = r, n->base = base;
    n->base_note = base_note;
    for (y = 0; y < 64; y++) n->x[y] = r->y0 + y;
}

static void note_free(note *n) {
    int i;
    vg_sb_free(&n->s);
    for (i = 0; i < NTMP; i++) vg_sb_free(&n->tmp[i]);
}

/* Any string built while out of memory? */
int nt_oom(const note *n) {
    int i, oom = n->s.oom;
    for (i = 0; i < NTMP; i++) oom |= n->tmp[i].oom;
    return oom;
}

void nt_subtitle(note *n, const rp_run *r, vg_sb *b) {
    vg_cat_fmt(n->cat, n->lang, b, "sub.run", "engine", r->engine ? r->engine : "vigil",
               "world", nt_verbatim(n, 0, r->world), "draws", nt_num(n, 1, r->draws, 0, 0), "seed",
               r->seed, "y0", nt_year(n, 2, r->y0), "y1", nt_year(n, 3, r->y1), (const char *)NULL);
}

static void run_note(note *n) {
    const rp_run *r = n->r;
    vg_sb title = {0}, sub = {0};
    vg_cat_fmt(n->cat, n->lang, &title, "title.run", "name", nt_verbatim(n, 0, r->scenario),
               (const char *)NULL);
    nt_subtitle(n, r, &sub);
    rp_doc_begin(n->d, vg_sb_str(&title), vg_sb_str(&sub));
    if (r->stylised) rp_banner(n->d, T(n, "banner.stylised"));
    nt_sec_question(n);
    nt_sec_headline(n);
    nt_sec_paths(n);
    nt_sec_regions(n);
    nt_sec_decomposition(n);
    nt_sec_supply(n);
    nt_sec_sdg(n);
    nt_sec_provenance(n);
    nt_sec_caveats(n);
    rp_note(n->d, nt_say(n, "p.footer", "engine", nt_verbatim(n, 0, r->engine),
                         (const char *)NULL));
    rp_doc_end(n->d);
    if (title.oom || sub.oom || nt_oom(n)) n->d->rc = vigil_nomem(n->ctx, "report");
    nt_sb_done(n, &title);
    nt_sb_done(n, &sub);
}

/* }================================================================== */

/* {==================================================================
** Writing the files
** =================================================================== */

typedef struct job {
    const rp_run *r, *base;
    const char *base_note;
    const rp_batch *b;         /* a batch's note; NULL: a run's */
    int langs[VG_NLANG], nlang, formats;
} job;

static int one_lang(vigil_ctx *ctx, vg_cat *cat, vg_outset *set, const job *j, int lang) {
    static const char *const code[VG_NLANG] = {"en", "fr"};
    char name[64];
    rp_doc d;
    note n;
    int rc = VIGIL_OK;
    memset(&d, 0, sizeof d);
    d.ctx = ctx, d.cat = cat, d.lang = lang, d.set = set;
    snprintf(name, sizeof name, "report.%s.html", code[lang]);
    if (j->formats & VIGIL_REPORT_HTML) rc = vg_out_open(ctx, set, name, &d.html);
    snprintf(name, sizeof name, "report.%s.md", code[lang]);
    if (rc == VIGIL_OK && (j->formats & VIGIL_REPORT_MD)) rc = vg_out_open(ctx, set, name, &d.md);
    if (rc != VIGIL_OK) return rc;
    note_init(&n, ctx, cat, lang, &d, j->r, j->base, j->base_note);
    if (j->b) nt_batch_note(&n, j->b);
    else run_note(&n);
    note_free(&n);
    if (d.sb.oom && d.rc == VIGIL_OK) d.rc = vigil_nomem(ctx, "report");
    vg_sb_free(&d.sb);
    return d.rc;
}

/* The notes of one folder, in every language asked for: one output set,
** all or nothing. */
static int write_folder(vigil_ctx *ctx, vg_cat *cat, const char *dir, const job *j) {
    vg_outset set;
    char charts[4200];
    int rc = vg_out_begin(ctx, &set, dir), k;
    snprintf(charts, sizeof charts, "%s/charts", dir);
    if (rc == VIGIL_OK && (j->formats & VIGIL_REPORT_MD)) rc = vg_mkdirs(ctx, charts);
    for (k = 0; rc == VIGIL_OK && k < j->nlang; k++) rc = one_lang(ctx, cat, &set, j, j->langs[k]);
    if (rc == VIGIL_OK) return vg_out_commit(ctx, &set);
    vg_out_abort(&set);
    return rc;
}

/* The folder holding dir (".", when dir has no slash), in buf. */
static const char *parent(const char *dir, char *buf, size_t n) {
    const char *slash = strrchr(dir, '/');
    if (slash == NULL) return strcpy(buf, ".");
    snprintf(buf, n, "%.*s", slash == dir ? 1 : (int)(slash - dir), dir);
    return buf;
}

/* Is the run the reference projection itself (no lever, no hook)? */
static int is_reference(const rp_run *r) {
    return r->lever.n == 0 && !nt_has_group(r, "on_year hooks");
}

/* The baseline of a run: the one given; else the batch's (manifest
** "batch_baseline"), else a folder named "baseline" beside the run. It
** must be another run on the same world and years. *why: the catalogue
** key saying why there is none. */
static int find_baseline(vigil_ctx *ctx, const rp_run *r, const char *given, rp_run *base,
                         int *have, const char **why) {
    char up[4200], path[4400];
    const char *name = r->batch_baseline && *r->batch_baseline &&
                               strcmp(r->batch_baseline, "no_lever") != 0
                           ? r->batch_baseline : "baseline";
    int rc;
    *have = 0;
    *why = is_reference(r) ? "p.is_base" : "p.no_base";
    if (given) snprintf(path, sizeof path, "%s", given);
    else if (is_reference(r) || strcmp(r->name, name) == 0) return VIGIL_OK;
    else snprintf(path, sizeof path, "%s/%s", parent(r->dir, up, sizeof up), name);
    if (!given && !rp_is_run(path)) return VIGIL_OK;
    if ((rc = rp_run_load(ctx, path, base)) != VIGIL_OK) {
        rp_run_free(base);
        if (given || rc == VIGIL_ENOMEM) return rc;
        vigil_clearerr(ctx); /* an unreadable folder beside: no baseline */
        return VIGIL_OK;
    }
    if (strcmp(base->world ? base->world : "", r->world ? r->world : "") != 0 ||
        base->y0 != r->y0 || base->y1 != r->y1) {
        rp_run_free(base);
        *why = "p.base_other";
        if (given)
            return vigil_seterr(ctx, VIGIL_EUSAGE, "report: the baseline %s is not on the same "
                                "world and years as %s", path, r->dir);
        return VIGIL_OK;
    }
    *have = 1;
    return VIGIL_OK;
}

static int report_run(vigil_ctx *ctx, vg_cat *cat, const char *dir, job *j, const char *given) {
    rp_run r, base;
    int rc, have = 0;
    memset(&base, 0, sizeof base);
    rc = rp_run_load(ctx, dir, &r);
    if (rc == VIGIL_OK) rc = find_baseline(ctx, &r, given, &base, &have, &j->base_note);
    j->r = &r;
    j->base = have ? &base : NULL;
    if (rc == VIGIL_OK) rc = write_folder(ctx, cat, r.dir, j);
    rp_run_free(&r);
    if (have) rp_run_free(&base);
    return rc;
}

/* A batch: its note, then each scenario folder's own note. */
static int report_batch(vigil_ctx *ctx, vg_cat *cat, const char *dir, job *j) {
    rp_batch b;
    int rc = rp_batch_load(ctx, dir, &b), i;
    if (rc == VIGIL_OK) {
        j->b = &b;
        j->r = &b.run[0];
        j->base = b.base >= 0 ? &b.run[b.base] : NULL;
        j->base_note = "p.no_base";
        rc = write_folder(ctx, cat, dir, j);
    }
    j->b = NULL;
    for (i = 0; rc == VIGIL_OK && i < b.n; i++) {
        j->r = &b.run[i];
        j->base = b.base >= 0 && b.base != i ? &b.run[b.base] : NULL;
        j->base_note = i == b.base || is_reference(j->r) ? "p.is_base" : "p.no_base";
        rc = write_folder(ctx, cat, b.run[i].dir, j);
    }
    rp_batch_free(&b);
    return rc;
}

static int parse_lang(vigil_ctx *ctx, const char *lang, job *j) {
    if (lang == NULL || strcmp(lang, "both") == 0) {
        j->langs[0] = VG_EN, j->langs[1] = VG_FR, j->nlang = 2;
    } else if (strcmp(lang, "en") == 0 || strcmp(lang, "fr") == 0) {
        j->langs[0] = lang[0] == 'e' ? VG_EN : VG_FR, j->nlang = 1;
    } else {
        return vigil_seterr(ctx, VIGIL_EUSAGE, "report: the language must be en, fr or both, "
                            "not '%s'", lang);
    }
    return VIGIL_OK;
}

int vigil_report_write_opts(vigil_ctx *ctx, const char *dir, const vigil_report_opts *o) {
    vigil_report_opts none;
    vg_cat cat;
    job j;
    int rc;
    memset(&j, 0, sizeof j);
    memset(&none, 0, sizeof none);
    if (o == NULL) o = &none;
    if (dir == NULL || *dir == '\0') return vigil_seterr(ctx, VIGIL_EUSAGE, "report: no folder");
    if ((rc = parse_lang(ctx, o->lang, &j)) != VIGIL_OK) return rc;
    j.formats = o->formats ? o->formats : VIGIL_REPORT_BOTH;
    if (j.formats & ~VIGIL_REPORT_BOTH)
        return vigil_seterr(ctx, VIGIL_EUSAGE, "report: unknown formats %d", j.formats);
    if (!rp_is_run(dir) && !rp_is_batch(dir))
        return vigil_seterr(ctx, VIGIL_EIO, "%s: neither the folder of a run (summary.csv, "
                            "manifest.json) nor of a batch (scenario folders)", dir);
    if ((rc = rp_chart_available(ctx)) != VIGIL_OK) return rc;
    if ((rc = vg_cat_load(ctx, o->catalogue, &cat)) != VIGIL_OK) return rc;
    rc = rp_is_run(dir) ? report_run(ctx, &cat, dir, &j, o->baseline)
                        : report_batch(ctx, &cat, dir, &j);
    vg_cat_free(&cat);
    return rc;
}

int vigil_report_write(vigil_ctx *ctx, const char *run_dir, const char *lang, int formats) {
    vigil_report_opts o;
    memset(&o, 0, sizeof o);
    o.lang = lang;
    o.formats = formats;
    return vigil_report_write_opts(ctx, run_dir, &o);
}

/* }================================================================== */
