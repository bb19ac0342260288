/*
** The regional picture (the note's fourth section): child labour by SDG
** region, its sentence, table and bar chart, and forced labour by ILO
** region.
*/
#include <math.h>

#include "report_note.h"

/* The child labour regions' chart: the first and last year, the last
** with its interval. */
static void regions_chart(note *n) {
    const rp_run *r = n->r;
    double v[4][64];
    const char *cat[64];
    vg_sb title = {0}, label = {0};
    rp_chart c;
    long i;
    vg_cat_fmt(n->cat, n->lang, &title, "chart.title.regions", "y0", nt_year(n, 0, r->y0), "y1",
               nt_year(n, 1, r->y1), (const char *)NULL);
    vg_cat_fmt(n->cat, n->lang, &label, "legend.year_interval", "y", nt_year(n, 0, r->y1),
               (const char *)NULL);
    nt_init_chart(n, &c, RP_HBARS, "regions", vg_sb_str(&title));
    c.n = (int)(r->creg.n > 64 ? 64 : r->creg.n);
    for (i = 0; i < c.n; i++) {
        cat[i] = nt_region(n, r->creg.s[i]);
        v[0][i] = rp_get(r, "child_labour", r->creg.s[i], r->y0, RP_MEAN) / 1e6;
        v[1][i] = rp_get(r, "child_labour", r->creg.s[i], r->y1, RP_MEAN) / 1e6;
        v[2][i] = rp_get(r, "child_labour", r->creg.s[i], r->y1, RP_P05) / 1e6;
        v[3][i] = rp_get(r, "child_labour", r->creg.s[i], r->y1, RP_P95) / 1e6;
    }
    c.cat = cat;
    c.xlabel = T(n, "axis.millions.children");
    c.ser[0] = (rp_series){nt_year(n, 2, r->y0), NULL, v[0], NULL, NULL, RP_SKY, 0};
    c.ser[1] = (rp_series){vg_sb_str(&label), NULL, v[1], v[2], v[3], RP_BLUE, 0};
    c.nser = 2;
    if (c.n > 0) rp_figure(n->d, &c, T(n, "fig.regions"));
    nt_sb_done(n, &title);
    nt_sb_done(n, &label);
}

/* A region table of an indicator: first, focus and last year (the last
** with its interval), the change and the share of the world. */
static void region_table(note *n, const char *id, const char *ind, const rp_names *regs,
                         const char *caption) {
    const rp_run *r = n->r;
    const char *head[6], *cells[6];
    int fy = nt_focus_year(r), mid = fy > r->y0 && fy < r->y1, k = 0;
    long i;
    vg_sb chg = {0}, shr = {0};
    vg_cat_fmt(n->cat, n->lang, &chg, "col.change", "y0", nt_year(n, 0, r->y0), "y1",
               nt_year(n, 1, r->y1), (const char *)NULL);
    vg_cat_fmt(n->cat, n->lang, &shr, "col.share", "y", nt_year(n, 0, r->y1), (const char *)NULL);
    head[k++] = T(n, "col.region");
    head[k++] = nt_year(n, 2, r->y0);
    if (mid) head[k++] = nt_year(n, 3, fy);
    head[k++] = nt_year(n, 4, r->y1);
    head[k++] = vg_sb_str(&chg);
    head[k++] = vg_sb_str(&shr);
    rp_table_begin(n->d, id, caption, k, head, "lrrrrr");
    for (i = 0; i <= regs->n; i++) {
        const char *reg = i < regs->n ? regs->s[i] : "World";
        double a = rp_get(r, ind, reg, r->y0, RP_MEAN), z = rp_get(r, ind, reg, r->y1, RP_MEAN);
        double w = rp_get(r, ind, "World", r->y1, RP_MEAN);
        k = 0;
        cells[k++] = i < regs->n ? nt_region(n, reg) : T(n, "region.World");
        cells[k++] = nt_cell_mn(n, 0, a, NAN, NAN, 0);
        if (mid) cells[k++] = nt_cell_mn(n, 1, rp_get(r, ind, reg, fy, RP_MEAN), NAN, NAN, 0);
        cells[k++] = nt_cell_mn(n, 2, z, rp_get(r, ind, reg, r->y1, RP_P05),
                                rp_get(r, ind, reg, r->y1, RP_P95), 0);
        cells[k++] = a > 0 ? nt_pct(n, 3, 100 * (z - a) / a, 1) : "\xe2\x80\x93";
        cells[k++] = w > 0 ? nt_pct(n, 4, 100 * z / w, 0) : "\xe2\x80\x93";
        rp_table_row(n->d, cells);
    }
    rp_table_end(n->d);
    nt_sb_done(n, &chg);
    nt_sb_done(n, &shr);
}

/* The region with the most child labour in the last year, and the one
** whose child labour rises (or falls least) the most in relative terms. */
static void regions_sentence(note *n) {
    const rp_run *r = n->r;
    long i, top = -1, up = -1;
    double best = -1, rise = -INFINITY, w = rp_get(r, "child_labour", "World", r->y1, RP_MEAN);
    for (i = 0; i < r->creg.n; i++) {
        double a = rp_get(r, "child_labour", r->creg.s[i], r->y0, RP_MEAN);
        double z = rp_get(r, "child_labour", r->creg.s[i], r->y1, RP_MEAN);
        if (z > best) best = z, top = i;
        if (a > 0 && (z - a) / a > rise) rise = (z - a) / a, up = i;
    }
    if (top < 0 || up < 0 || !(w > 0)) return;
    rp_p(n->d, nt_say(n, "p.regions", "y1", nt_year(n, 0, r->y1), "top",
                      nt_region(n, r->creg.s[top]), "share", nt_pct(n, 1, 100 * best / w, 0),
                      "up", nt_region(n, r->creg.s[up]), "rise", nt_pct(n, 2, 100 * rise, 1),
                      "y0", nt_year(n, 3, r->y0), (const char *)NULL));
}

void nt_sec_regions(note *n) {
    rp_h(n->d, 2, "regions", T(n, "h.regions"));
    regions_sentence(n);
    region_table(n, "table-regions-cl", "child_labour", &n->r->creg, T(n, "cap.regions_cl"));
    regions_chart(n);
    region_table(n, "table-regions-fl", "forced_labour", &n->r->freg, T(n, "cap.regions_fl"));
}
