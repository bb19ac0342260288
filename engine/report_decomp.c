/*
** The decomposition by lever (the note's fifth section): the change
** against the baseline split by lever, in sentences, stacked bars by year
** and tables, from decomposition.csv. The sentence is also the batch
** note's, for each scenario.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report_note.h"

/* A lever of the decomposition ("shock.gdp (line 21)") in plain words. */
static const char *group_label(note *n, int i, const char *g) {
    char kind[64], key[128];
    int line;
    vg_sb *b = nt_slot(n, i);
    if (strcmp(g, "on_year hooks") == 0) {
        vg_sb_puts(b, T(n, "group.hooks"));
    } else if (sscanf(g, "%63s (line %d)", kind, &line) == 2) {
        char ln[16];
        const char *s = vg_cat_find(n->cat, n->lang, nt_key2(key, sizeof key, "short", kind));
        snprintf(ln, sizeof ln, "%d", line);
        vg_cat_fmt(n->cat, n->lang, b, "group.line", "lever", s ? s : kind, "line", ln,
                   (const char *)NULL);
    } else {
        vg_sb_printf(b, RP_V "%s" RP_VEND, g);
    }
    return vg_sb_str(b);
}

static double contribution(const rp_run *r, const char *ind, long g, int y) {
    char key[512];
    const double *v = rp_cube_get(&r->dec, rp_key(key, ind, "World", r->group.s[g]), y);
    return v ? v[0] : (double)NAN;
}

/* "+8.9 million children in child labour in 2023 against the baseline:
** +6.1 million from ..., +2.8 million from ...", levers by size; nothing
** (and 0 returned) when the levers change nothing that year. */
int nt_decomposition_sentence(note *n, const char *ind, int y) {
    const rp_run *r = n->r;
    long g, order[256], m = 0, i, j;
    double total = 0;
    vg_sb parts = {0}, part = {0};
    for (g = 0; g < r->group.n && m < 256; g++) {
        double v = contribution(r, ind, g, y);
        if (isfinite(v)) total += v;
        if (isfinite(v) && fabs(v) >= 0.5) order[m++] = g;
    }
    if (fabs(total) < 0.5) return 0;
    for (i = 1; i < m; i++) /* by decreasing size */
        for (j = i; j > 0 && fabs(contribution(r, ind, order[j], y)) >
                                 fabs(contribution(r, ind, order[j - 1], y)); j--) {
            long t = order[j];
            order[j] = order[j - 1], order[j - 1] = t;
        }
    if (m > 0) vg_sb_puts(&parts, T(n, "dec.of_which"));
    for (i = 0; i < m; i++) {
        vg_sb_reset(&part);
        vg_cat_fmt(n->cat, n->lang, &part, "dec.part", "value",
                   nt_count(n, 0, contribution(r, ind, order[i], y), 1), "lever",
                   group_label(n, 1, r->group.s[order[i]]), (const char *)NULL);
        if (i > 0) vg_sb_puts(&parts, T(n, i + 1 == m ? "sep.and" : "sep.list"));
        vg_sb_puts(&parts, vg_sb_str(&part));
    }
    rp_p(n->d, nt_say(n, strcmp(ind, "child_labour") == 0 ? "p.dec_cl" : "p.dec_fl", "total",
                      nt_count(n, 2, total, 1), "y", nt_year(n, 3, y), "parts", vg_sb_str(&parts),
                      (const char *)NULL));
    nt_sb_done(n, &parts);
    nt_sb_done(n, &part);
    return 1;
}

static const int dec_colour[] = {RP_BLUE, RP_ORANGE, RP_GREEN, RP_VERMILLION, RP_PURPLE,
                                 RP_SKY, RP_YELLOW, RP_GREY};

/* Stacked bars by year of each lever's part of the change of world child
** labour; beyond eight levers the rest are summed as "other levers". */
static void decomposition_chart(note *n) {
    const rp_run *r = n->r;
    double v[9][64], total[64];
    vg_sb lab[8] = {{0}};
    rp_chart c;
    long g;
    int y, s;
    nt_init_chart(n, &c, RP_STACK, "decomposition", T(n, "chart.title.decomposition"));
    c.xlabel = T(n, "axis.year");
    c.ylabel = T(n, "axis.millions.children");
    c.nser = (int)(r->group.n > 8 ? 8 : r->group.n);
    for (y = 0; y < c.n; y++) total[y] = 0;
    for (s = 0; s < c.nser; s++)
        for (y = 0; y < c.n; y++) v[s][y] = 0;
    for (g = 0; g < r->group.n; g++) {
        s = g < 7 || r->group.n <= 8 ? (int)g : 7;
        for (y = 0; y < c.n; y++) {
            double x = contribution(r, "child_labour", g, r->y0 + y) / 1e6;
            if (isfinite(x)) v[s][y] += x, total[y] += x;
        }
    }
    for (s = 0; s < c.nser; s++) {
        if (s == 7 && r->group.n > 8) vg_sb_puts(&lab[s], T(n, "group.other"));
        else vg_sb_puts(&lab[s], group_label(n, 0, r->group.s[s]));
        c.ser[s] = (rp_series){vg_sb_str(&lab[s]), NULL, v[s], NULL, NULL, dec_colour[s], 0};
    }
    c.total = total;
    c.total_label = T(n, "legend.total");
    c.from_zero = 1;
    rp_figure(n->d, &c, T(n, "fig.decomposition"));
    for (s = 0; s < 8; s++) nt_sb_done(n, &lab[s]);
}

/* Each lever's part in the years of the headline table. */
static void decomposition_table(note *n, const char *ind, const char *id, const char *cap) {
    const rp_run *r = n->r;
    const char *head[8], *cells[8];
    int ys[8], ny = nt_table_years(r, ys), k;
    long g;
    head[0] = T(n, "col.lever");
    for (k = 1; k < ny; k++) head[k] = nt_year(n, k, ys[k]);
    rp_table_begin(n->d, id, cap, ny, head, "lrrrrrr");
    for (g = 0; g <= r->group.n; g++) {
        cells[0] = g < r->group.n ? group_label(n, 0, r->group.s[g]) : T(n, "legend.total");
        for (k = 1; k < ny; k++) {
            double v = 0;
            long h;
            if (g < r->group.n) v = contribution(r, ind, g, ys[k]);
            else
                for (h = 0; h < r->group.n; h++) v += contribution(r, ind, h, ys[k]);
            cells[k] = nt_cell_mn(n, k, v, NAN, NAN, 1);
        }
        rp_table_row(n->d, cells);
    }
    rp_table_end(n->d);
}

void nt_sec_decomposition(note *n) {
    const rp_run *r = n->r;
    int ys[2], k, ny = nt_change_years(r, ys), said = 0;
    rp_h(n->d, 2, "decomposition", T(n, "h.decomposition"));
    if (!r->has_dec || r->group.n == 0) {
        rp_p(n->d, T(n, "p.dec_none"));
        return;
    }
    for (k = 0; k < ny; k++) said += nt_decomposition_sentence(n, "child_labour", ys[k]);
    for (k = 0; k < ny; k++) said += nt_decomposition_sentence(n, "forced_labour", ys[k]);
    if (!said) rp_p(n->d, T(n, "p.dec_zero"));
    rp_note(n->d, nt_say(n, "p.dec_method", "method", nt_verbatim(n, 0, r->decomposition),
                         (const char *)NULL));
    decomposition_chart(n);
    decomposition_table(n, "child_labour", "table-decomposition-cl", T(n, "cap.dec_cl"));
    decomposition_table(n, "forced_labour", "table-decomposition-fl", T(n, "cap.dec_fl"));
}
