/*
** The headline numbers (the note's second section): world child labour
** and forced labour in the last year against the first, the difference
** with the baseline, and the headline table of the world's indicators.
** The difference with the baseline (nt_diff) is also the batch note's.
*/
#include <math.h>
#include <string.h>

#include "report_note.h"

/* The difference with the baseline of an indicator in a region and year:
** from comparison.csv (draw by draw, with its interval), else from the
** baseline run (difference of means), else from the decomposition (the
** central path). Returns the source's catalogue key, or NULL. */
const char *nt_diff(const note *n, const char *ind, const char *reg, int y, double *d,
                    double *lo, double *hi) {
    const rp_run *r = n->r;
    char key[512];
    const double *v;
    long g;
    *lo = *hi = NAN;
    if (r->has_cmp && (v = rp_cube_get(&r->cmp, rp_key(key, ind, reg, NULL), y)) != NULL &&
        isfinite(v[RP_C_DIFF])) {
        *d = v[RP_C_DIFF], *lo = v[RP_C_LO], *hi = v[RP_C_HI];
        return "src.cmp";
    }
    if (n->base) {
        *d = rp_get(r, ind, reg, y, RP_MEAN) - rp_get(n->base, ind, reg, y, RP_MEAN);
        return isfinite(*d) ? "src.base" : NULL;
    }
    if (!r->has_dec || r->group.n == 0) return NULL;
    for (*d = 0, g = 0; g < r->group.n; g++) {
        v = rp_cube_get(&r->dec, rp_key(key, ind, reg, r->group.s[g]), y);
        if (v && isfinite(v[0])) *d += v[0];
    }
    return "src.dec";
}

static void headline_vs_base(note *n) {
    int ys[2], k, ny = nt_change_years(n->r, ys);
    for (k = 0; k < ny; k++) {
        double dc, lc, hc, df, lf, hf;
        const char *src = nt_diff(n, "child_labour", "World", ys[k], &dc, &lc, &hc);
        const char *srf = nt_diff(n, "forced_labour", "World", ys[k], &df, &lf, &hf);
        if (src == NULL || srf == NULL) return;
        if (fabs(dc) < 0.5 && fabs(df) < 0.5) continue; /* the levers act later */
        rp_p(n->d, nt_say(n, "p.head_base", "y", nt_year(n, 0, ys[k]), "dcl", nt_count(n, 1, dc, 1),
                          "cicl", nt_ci(n, 2, lc, hc, 1), "dfl", nt_count(n, 5, df, 1), "cifl",
                          nt_ci(n, 6, lf, hf, 1), "src", T(n, src), (const char *)NULL));
    }
}

/* "Children in child labour, world: 182.6 million in 2030 (90% interval
** ...), against 160.0 million at the start of 2020." (key: p.head_cl/fl) */
static void headline_one(note *n, const char *ind, const char *key) {
    const rp_run *r = n->r;
    double m = rp_get(r, ind, "World", r->y1, RP_MEAN);
    double m0 = rp_get(r, ind, "World", r->y0, RP_MEAN);
    double lo = rp_get(r, ind, "World", r->y1, RP_P05), hi = rp_get(r, ind, "World", r->y1, RP_P95);
    rp_p(n->d, nt_say(n, key, "v", nt_count(n, 0, m, 0), "y", nt_year(n, 1, r->y1), "ci",
                      nt_ci(n, 2, lo, hi, 0), "v0", nt_count(n, 5, m0, 0), "y0",
                      nt_year(n, 6, r->y0), (const char *)NULL));
}

void nt_headline_sentences(note *n) {
    headline_one(n, "child_labour", "p.head_cl");
    headline_one(n, "forced_labour", "p.head_fl");
    headline_vs_base(n);
}

/* The headline table: World, by year, mean and 90 % interval. */
static void headline_table(note *n) {
    static const char *const inds[] = {"child_labour", "hazardous", "cl_export_linked",
        "forced_labour", "fl_export_linked", "victims_identified", "poverty_rate", "sp_coverage"};
    const rp_run *r = n->r;
    const char *head[8], *cells[8];
    char key[128];
    int ys[8], ny = nt_table_years(r, ys), k;
    size_t i;
    head[0] = T(n, "col.indicator");
    for (k = 0; k < ny; k++) head[k + 1] = nt_year(n, k, ys[k]);
    rp_table_begin(n->d, "table-headline", T(n, "cap.headline"), ny + 1, head, "lrrrrrr");
    for (i = 0; i < sizeof inds / sizeof inds[0]; i++) {
        int percent = i >= 6;
        if (strcmp(inds[i], "victims_identified") == 0 &&
            !(rp_get(r, inds[i], "World", r->y1, RP_MEAN) > 0))
            continue; /* no identification modelled: a row of zeros says nothing */
        cells[0] = T(n, nt_key2(key, sizeof key, "ind", inds[i]));
        for (k = 0; k < ny; k++) {
            double m = rp_get(r, inds[i], "World", ys[k], RP_MEAN);
            cells[k + 1] = percent ? nt_pct(n, k, m, 0)
                                   : nt_cell_mn(n, k, m, rp_get(r, inds[i], "World", ys[k], RP_P05),
                                                rp_get(r, inds[i], "World", ys[k], RP_P95), 0);
        }
        rp_table_row(n->d, cells);
    }
    rp_table_end(n->d);
}

void nt_sec_headline(note *n) {
    rp_h(n->d, 2, "headline", T(n, "h.headline"));
    nt_headline_sentences(n);
    headline_table(n);
}
