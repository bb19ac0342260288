/*
** Supply chains and footprints (the note's sixth section): how much child
** labour and forced labour is linked to exports, by region, and the
** consumption footprints of the EU-27 and of France where the world has
** them.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report_note.h"

static void supply_sentence(note *n, int y) {
    const rp_run *r = n->r;
    double cl = rp_get(r, "child_labour", "World", y, RP_MEAN);
    double ex = rp_get(r, "cl_export_linked", "World", y, RP_MEAN);
    double dir = rp_get(r, "cl_export_direct", "World", y, RP_MEAN);
    double up = rp_get(r, "cl_export_upstream", "World", y, RP_MEAN);
    double fl = rp_get(r, "forced_labour", "World", y, RP_MEAN);
    double fx = rp_get(r, "fl_export_linked", "World", y, RP_MEAN);
    if (!(cl > 0) || !isfinite(ex)) return;
    rp_p(n->d, nt_say(n, "p.supply_cl", "total", nt_noun(n, 0, cl, "children"), "y",
                      nt_year(n, 1, y), "exp", nt_count(n, 2, ex, 0), "share",
                      nt_pct(n, 3, 100 * ex / cl, 0), "dir", nt_count(n, 4, dir, 0), "up",
                      nt_count(n, 5, up, 0), "dom", nt_count(n, 6, cl - ex, 0), "dshare",
                      nt_pct(n, 7, 100 * (cl - ex) / cl, 0), (const char *)NULL));
    if (fl > 0 && isfinite(fx))
        rp_p(n->d, nt_say(n, "p.supply_fl", "total", nt_noun(n, 0, fl, "people"), "y",
                          nt_year(n, 1, y), "exp", nt_count(n, 2, fx, 0), "share",
                          nt_pct(n, 3, 100 * fx / fl, 0), (const char *)NULL));
}

static void supply_table(note *n, int y) {
    const rp_run *r = n->r;
    const char *head[5] = {T(n, "col.region"), T(n, "col.domestic"), T(n, "col.direct"),
                           T(n, "col.upstream"), T(n, "col.export_share")};
    const char *cells[5];
    long i;
    rp_table_begin(n->d, "table-supply",
                   nt_say(n, "cap.supply", "y", nt_year(n, 0, y), (const char *)NULL), 5, head,
                   "lrrrr");
    for (i = 0; i <= r->creg.n; i++) {
        const char *reg = i < r->creg.n ? r->creg.s[i] : "World";
        double cl = rp_get(r, "child_labour", reg, y, RP_MEAN);
        double ex = rp_get(r, "cl_export_linked", reg, y, RP_MEAN);
        cells[0] = i < r->creg.n ? nt_region(n, reg) : T(n, "region.World");
        cells[1] = nt_cell_mn(n, 0, cl - ex, NAN, NAN, 0);
        cells[2] = nt_cell_mn(n, 1, rp_get(r, "cl_export_direct", reg, y, RP_MEAN), NAN, NAN, 0);
        cells[3] = nt_cell_mn(n, 2, rp_get(r, "cl_export_upstream", reg, y, RP_MEAN), NAN, NAN, 0);
        cells[4] = cl > 0 ? nt_pct(n, 3, 100 * ex / cl, 0) : "\xe2\x80\x93";
        rp_table_row(n->d, cells);
    }
    rp_table_end(n->d);
}

static void supply_chart(note *n, int y) {
    const rp_run *r = n->r;
    double v[3][64];
    const char *cat[64];
    vg_sb title = {0};
    rp_chart c;
    long i;
    vg_cat_fmt(n->cat, n->lang, &title, "chart.title.supply", "y", nt_year(n, 0, y),
               (const char *)NULL);
    nt_init_chart(n, &c, RP_HBARS, "supply_chain", vg_sb_str(&title));
    c.n = (int)(r->creg.n > 64 ? 64 : r->creg.n);
    for (i = 0; i < c.n; i++) {
        double cl = rp_get(r, "child_labour", r->creg.s[i], y, RP_MEAN);
        double ex = rp_get(r, "cl_export_linked", r->creg.s[i], y, RP_MEAN);
        cat[i] = nt_region(n, r->creg.s[i]);
        v[0][i] = (cl - ex) / 1e6;
        v[1][i] = rp_get(r, "cl_export_direct", r->creg.s[i], y, RP_MEAN) / 1e6;
        v[2][i] = rp_get(r, "cl_export_upstream", r->creg.s[i], y, RP_MEAN) / 1e6;
    }
    c.cat = cat;
    c.stacked = 1;
    c.xlabel = T(n, "axis.millions.children");
    c.ser[0] = (rp_series){T(n, "col.domestic"), NULL, v[0], NULL, NULL, RP_SKY, 0};
    c.ser[1] = (rp_series){T(n, "col.direct"), NULL, v[1], NULL, NULL, RP_VERMILLION, 0};
    c.ser[2] = (rp_series){T(n, "col.upstream"), NULL, v[2], NULL, NULL, RP_ORANGE, 0};
    c.nser = 3;
    if (c.n > 0) rp_figure(n->d, &c, T(n, "fig.supply"));
    nt_sb_done(n, &title);
}

/* The members of the EU-27 among the run's MRIO regions: the world's
** groups.csv when it has an EU27 group, else FRA and EU26 (the stylised
** world's split). Returns how many, 0 when the EU-27 cannot be formed. */
static int eu27(note *n, const char **mem, int max) {
    static const char *const req[] = {"group", "member", NULL};
    const rp_run *r = n->r;
    char path[4200];
    vg_tidy t;
    long i, j;
    int m = 0;
    snprintf(path, sizeof path, "%s/groups.csv", r->world_dir ? r->world_dir : "");
    if (r->world_dir && vg_tidy_read(n->ctx, path, req, &t) == VIGIL_OK) {
        for (i = 0; i < t.nrow; i++)
            if (strcmp(vg_tidy_str(&t, i, vg_tidy_col(&t, "group")), "EU27") == 0)
                for (j = 0; j < r->mreg.n && m < max; j++)
                    if (strcmp(r->mreg.s[j], vg_tidy_str(&t, i, vg_tidy_col(&t, "member"))) == 0)
                        mem[m++] = r->mreg.s[j];
        vg_tidy_free(&t);
    } else {
        nt_optional_failed(n);
        for (j = 0; j < r->mreg.n && m < max; j++)
            if (strcmp(r->mreg.s[j], "FRA") == 0 || strcmp(r->mreg.s[j], "EU26") == 0)
                mem[m++] = r->mreg.s[j];
        if (m != 2) m = 0;
    }
    return m;
}

/* A footprint (family child_labour or forced_labour) of the consuming
** regions mem[0..m) in year y: attribution.csv, else summary.csv. */
static double footprint(const rp_run *r, const char *family, const char *const *mem, int m, int y) {
    double sum = 0;
    int k;
    for (k = 0; k < m; k++) {
        char key[512];
        const double *v = rp_cube_get(&r->fp, rp_key(key, family, mem[k], NULL), y);
        double x = v ? v[0]
                     : rp_get(r, family[0] == 'c' ? "cl_footprint" : "fl_footprint", mem[k], y,
                              RP_MEAN);
        if (!isfinite(x)) return NAN;
        sum += x;
    }
    return sum;
}

static void footprint_rows(note *n, const char *label, const char *const *mem, int m,
                           const int *ys, int ny) {
    static const char *const fam[] = {"child_labour", "forced_labour"};
    const char *cells[8];
    char key[64];
    int f, k;
    for (f = 0; f < 2; f++) {
        cells[0] = label;
        cells[1] = T(n, nt_key2(key, sizeof key, "fp", fam[f]));
        for (k = 0; k < ny; k++)
            cells[k + 2] = nt_cell_mn(n, k, footprint(n->r, fam[f], mem, m, ys[k]), NAN, NAN, 0);
        rp_table_row(n->d, cells);
    }
}

static void sec_footprints(note *n) {
    const rp_run *r = n->r;
    const char *eu[64], *fra[1] = {"FRA"}, *head[8];
    int m = eu27(n, eu, 64), has_fra = 0, ys[8], ny = nt_table_years(r, ys), k;
    long j;
    for (j = 0; j < r->mreg.n; j++) has_fra |= strcmp(r->mreg.s[j], "FRA") == 0;
    rp_h(n->d, 3, "footprints", T(n, "h.footprints"));
    if (m == 0 && !has_fra) {
        rp_p(n->d, T(n, "p.fp_none"));
        return;
    }
    rp_p(n->d, T(n, "p.footprints"));
    head[0] = T(n, "col.consumer"), head[1] = T(n, "col.indicator");
    for (k = 0; k < ny; k++) head[k + 2] = nt_year(n, k, ys[k]);
    rp_table_begin(n->d, "table-footprints", T(n, "cap.footprints"), ny + 2, head, "llrrrrr");
    if (m) footprint_rows(n, nt_region(n, "EU27"), eu, m, ys, ny);
    if (has_fra) footprint_rows(n, nt_region(n, "FRA"), fra, 1, ys, ny);
    rp_table_end(n->d);
}

void nt_sec_supply(note *n) {
    int y = nt_focus_year(n->r);
    rp_h(n->d, 2, "supply", T(n, "h.supply"));
    supply_sentence(n, y);
    rp_note(n->d, T(n, "caveat.exposure"));
    supply_chart(n, y);
    supply_table(n, y);
    sec_footprints(n);
}
