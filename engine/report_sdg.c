/*
** SDG target 8.7 (the note's seventh section): child labour in 2025
** against zero, the yearly fall it needed against the projected one, by
** region and on a chart; forced labour in 2030.
*/
#include <math.h>
#include <string.h>

#include "report_note.h"

/* A value of sdg87.csv (k: 0 mean, 1 p05, 2 p95), else of summary.csv. */
static double sdg(const rp_run *r, const char *ind, const char *reg, int y, int k) {
    char key[512];
    const double *v = rp_cube_get(&r->sdg, rp_key(key, ind, reg, NULL), y);
    if (v) return v[k];
    if (strcmp(ind, "decline_needed_per_year") == 0)
        return rp_get(r, "child_labour", reg, r->y0, RP_MEAN) / (2025.0 - r->y0);
    return rp_get(r, ind, reg, y, k == 0 ? RP_MEAN : k == 1 ? RP_P05 : RP_P95);
}

static void sdg_chart(note *n) {
    const rp_run *r = n->r;
    double v[3][64];
    rp_chart c;
    nt_init_chart(n, &c, RP_LINES, "sdg87", T(n, "chart.title.sdg87"));
    c.xlabel = T(n, "axis.year");
    c.ylabel = T(n, "axis.millions.children");
    nt_series(r, "child_labour", "World", RP_MEAN, v[0]);
    nt_series(r, "child_labour", "World", RP_P05, v[1]);
    nt_series(r, "child_labour", "World", RP_P95, v[2]);
    c.ser[0] = (rp_series){T(n, "legend.projected"), T(n, "legend.proj_interval"), v[0], v[1],
                           v[2], RP_BLUE, 0};
    nt_visible_band(&c.ser[0], c.n);
    c.nser = 1;
    c.ref_label = T(n, "legend.target_path");
    c.ref[0] = r->y0, c.ref[1] = v[0][0], c.ref[2] = 2025, c.ref[3] = 0;
    c.from_zero = 1;
    rp_figure(n->d, &c, T(n, "fig.sdg87"));
}

static void sdg_table(note *n) {
    const rp_run *r = n->r;
    const char *head[4] = {T(n, "col.region"), T(n, "col.cl2025"), T(n, "col.needed"),
                           T(n, "col.actual")};
    const char *cells[4];
    long i;
    rp_table_begin(n->d, "table-sdg87", T(n, "cap.sdg87"), 4, head, "lrrr");
    for (i = 0; i <= r->creg.n; i++) {
        const char *reg = i < r->creg.n ? r->creg.s[i] : "World";
        double now = sdg(r, "child_labour", reg, 2025, 0);
        double start = rp_get(r, "child_labour", reg, r->y0, RP_MEAN);
        cells[0] = i < r->creg.n ? nt_region(n, reg) : T(n, "region.World");
        cells[1] = nt_cell_mn(n, 0, now, sdg(r, "child_labour", reg, 2025, 1),
                              sdg(r, "child_labour", reg, 2025, 2), 0);
        cells[2] = nt_cell_mn(n, 1, -sdg(r, "decline_needed_per_year", reg, r->y0, 0), NAN, NAN, 1);
        cells[3] = nt_cell_mn(n, 2, (now - start) / (2025.0 - r->y0), NAN, NAN, 1);
        rp_table_row(n->d, cells);
    }
    rp_table_end(n->d);
}

static void sdg_forced(note *n) {
    const rp_run *r = n->r;
    const char *head[2] = {T(n, "col.region"), T(n, "col.fl2030")}, *cells[2];
    long i;
    if (!nt_in_run(r, 2030)) return;
    rp_p(n->d, nt_say(n, "p.sdg_fl", "v",
                      nt_noun(n, 0, sdg(r, "forced_labour", "World", 2030, 0), "people"),
                      "ci", nt_ci(n, 1, sdg(r, "forced_labour", "World", 2030, 1),
                                  sdg(r, "forced_labour", "World", 2030, 2), 0),
                      (const char *)NULL));
    rp_table_begin(n->d, "table-sdg87-fl", T(n, "cap.sdg87_fl"), 2, head, "lr");
    for (i = 0; i <= r->freg.n; i++) {
        const char *reg = i < r->freg.n ? r->freg.s[i] : "World";
        cells[0] = i < r->freg.n ? nt_region(n, reg) : T(n, "region.World");
        cells[1] = nt_cell_mn(n, 0, sdg(r, "forced_labour", reg, 2030, 0),
                              sdg(r, "forced_labour", reg, 2030, 1),
                              sdg(r, "forced_labour", reg, 2030, 2), 0);
        rp_table_row(n->d, cells);
    }
    rp_table_end(n->d);
}

void nt_sec_sdg(note *n) {
    const rp_run *r = n->r;
    rp_h(n->d, 2, "sdg87", T(n, "h.sdg87"));
    if (!nt_in_run(r, 2025) || r->y0 >= 2025) {
        rp_p(n->d, T(n, "p.sdg_none"));
    } else {
        double now = sdg(r, "child_labour", "World", 2025, 0);
        double start = rp_get(r, "child_labour", "World", r->y0, RP_MEAN);
        rp_p(n->d, nt_say(n, "p.sdg_cl", "v", nt_noun(n, 0, now, "children"), "ci",
                          nt_ci(n, 1, sdg(r, "child_labour", "World", 2025, 1),
                                sdg(r, "child_labour", "World", 2025, 2), 0),
                          "y0", nt_year(n, 4, r->y0), "need",
                          nt_count(n, 5, sdg(r, "decline_needed_per_year", "World", r->y0, 0), 0),
                          "actual", nt_count(n, 6, (now - start) / (2025.0 - r->y0), 1),
                          (const char *)NULL));
        sdg_chart(n);
        sdg_table(n);
    }
    sdg_forced(n);
}
