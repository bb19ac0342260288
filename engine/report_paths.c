/*
** The paths (the note's third section): world child labour and forced
** labour every year with their 90 % bands, against the baseline's. Also
** the helpers every chart of the note starts from: a series over the
** run's years, a chart set up on them, a band too thin to see dropped.
*/
#include <math.h>
#include <string.h>

#include "report_note.h"

/* Values of an indicator in a region over the run's years, in millions. */
void nt_series(const rp_run *r, const char *ind, const char *reg, int stat, double *out) {
    int y;
    for (y = 0; y < r->ny && y < 64; y++) out[y] = rp_get(r, ind, reg, r->y0 + y, stat) / 1e6;
}

/* Drops a band no reader could see (at most 1.5 % of the path's range
** wide: the draws hardly move this path), with its legend entry. */
void nt_visible_band(rp_series *s, int n) {
    double w = 0, lo = INFINITY, hi = -INFINITY;
    int i;
    for (i = 0; i < n; i++)
        if (isfinite(s->v[i])) lo = fmin(lo, s->v[i]), hi = fmax(hi, s->v[i]);
    for (i = 0; s->lo && s->hi && i < n; i++)
        if (isfinite(s->hi[i] - s->lo[i])) w = fmax(w, s->hi[i] - s->lo[i]);
    if (w <= 0.015 * fmax(hi - lo, 1e-9)) s->lo = s->hi = NULL, s->band_label = NULL;
}

/* Sets up a chart of kind over the run's years (at most 64); the rest zeroed. */
void nt_init_chart(note *n, rp_chart *c, int kind, const char *name, const char *title) {
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->name = name;
    c->title = title;
    c->lang = n->lang;
    c->x = n->x;
    c->n = n->r->ny > 64 ? 64 : n->r->ny;
}

/* The world path of an indicator with its band, against the baseline's
** (its run, with a band; else comparison.csv's baseline mean). */
static void path_chart(note *n, const char *name, const char *ind, const char *what) {
    const rp_run *r = n->r;
    double v[6][64];
    char key[128], tkey[128];
    rp_chart c;
    vg_sb title = {0};
    int y;
    vg_cat_fmt(n->cat, n->lang, &title, nt_key2(tkey, sizeof tkey, "chart.title", name), "y0",
               nt_year(n, 0, r->y0), "y1", nt_year(n, 1, r->y1), (const char *)NULL);
    nt_init_chart(n, &c, RP_LINES, name, vg_sb_str(&title));
    c.xlabel = T(n, "axis.year");
    c.ylabel = T(n, nt_key2(key, sizeof key, "axis.millions", what));
    nt_series(r, ind, "World", RP_MEAN, v[0]);
    nt_series(r, ind, "World", RP_P05, v[1]);
    nt_series(r, ind, "World", RP_P95, v[2]);
    c.ser[0] = (rp_series){T(n, "legend.mean"), T(n, "legend.interval"), v[0], v[1], v[2],
                           RP_BLUE, 0};
    c.nser = 1;
    nt_visible_band(&c.ser[0], c.n);
    if (n->base) {
        nt_series(n->base, ind, "World", RP_MEAN, v[3]);
        nt_series(n->base, ind, "World", RP_P05, v[4]);
        nt_series(n->base, ind, "World", RP_P95, v[5]);
        c.ser[c.nser++] = (rp_series){T(n, "legend.base"), T(n, "legend.base_interval"), v[3],
                                      v[4], v[5], RP_GREY, 1};
        nt_visible_band(&c.ser[1], c.n);
    } else if (r->has_cmp) {
        for (y = 0; y < c.n; y++) {
            const double *cv = rp_cube_get(&r->cmp, rp_key(key, ind, "World", NULL), r->y0 + y);
            v[3][y] = cv ? cv[RP_C_BASE] / 1e6 : (double)NAN;
        }
        c.ser[c.nser++] = (rp_series){T(n, "legend.base"), NULL, v[3], NULL, NULL, RP_GREY, 1};
    }
    rp_figure(n->d, &c, nt_say(n, n->base || r->has_cmp ? "fig.path_base" : "fig.path",
                               "draws", nt_num(n, 0, r->draws, 0, 0), (const char *)NULL));
    nt_sb_done(n, &title);
}

void nt_sec_paths(note *n) {
    const rp_run *r = n->r;
    rp_h(n->d, 2, "paths", nt_say(n, "h.paths", "y0", nt_year(n, 0, r->y0), "y1",
                                  nt_year(n, 1, r->y1), (const char *)NULL));
    if (!n->base && !r->has_cmp) rp_note(n->d, T(n, n->base_note ? n->base_note : "p.no_base"));
    path_chart(n, "cl_path", "child_labour", "children");
    path_chart(n, "fl_path", "forced_labour", "people");
}
