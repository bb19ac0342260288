/*
** A batch's note (docs/REPORTS.md): its scenarios, the comparison table
** and charts against the baseline, each scenario in short, and what they
** share. Built from the same words and sections as a run's note.
*/
#include <stdio.h>
#include <string.h>

#include "report_note.h"

static const int cmp_colour[] = {RP_BLUE, RP_VERMILLION, RP_GREEN, RP_ORANGE, RP_PURPLE,
                                 RP_SKY, RP_YELLOW};

/* The world paths of every scenario of the batch, the baseline first
** (grey, dashed), each with its band. */
static void batch_chart(note *n, const rp_batch *b, const char *name, const char *ind,
                        const char *what) {
    static double v[RP_MAXSER][3][64];
    const rp_run *r = &b->run[0];
    char key[128], tkey[128];
    vg_sb title = {0};
    rp_chart c;
    int i, s = 0, col = 0;
    vg_cat_fmt(n->cat, n->lang, &title, nt_key2(tkey, sizeof tkey, "chart.title", name), "y0",
               nt_year(n, 0, r->y0), "y1", nt_year(n, 1, r->y1), (const char *)NULL);
    nt_init_chart(n, &c, RP_LINES, name, vg_sb_str(&title));
    c.n = r->ny > 64 ? 64 : r->ny;
    c.xlabel = T(n, "axis.year");
    c.ylabel = T(n, nt_key2(key, sizeof key, "axis.millions", what));
    for (i = -1; i < b->n && s < RP_MAXSER; i++) {
        const rp_run *x = i < 0 ? (b->base >= 0 ? &b->run[b->base] : NULL) : &b->run[i];
        if (x == NULL || (i >= 0 && i == b->base) || x->y0 != r->y0) continue;
        nt_series(x, ind, "World", RP_MEAN, v[s][0]);
        nt_series(x, ind, "World", RP_P05, v[s][1]);
        nt_series(x, ind, "World", RP_P95, v[s][2]);
        c.ser[s] = (rp_series){x->scenario, NULL, v[s][0], v[s][1], v[s][2],
                               i < 0 ? RP_GREY : cmp_colour[col++ % 7], i < 0};
        s++;
    }
    c.nser = s;
    rp_figure(n->d, &c, nt_say(n, "fig.batch", "draws", nt_num(n, 0, r->draws, 0, 0),
                               (const char *)NULL));
    nt_sb_done(n, &title);
}

/* One row of the comparison table: the scenario's child labour (2025 and
** last year) and forced labour (last year), each with its difference. */
static void batch_row(note *n, const rp_run *x, int is_base, const int *ys) {
    static const char *const ind[3] = {"child_labour", "child_labour", "forced_labour"};
    const char *cells[7];
    int k;
    n->r = x;
    cells[0] = nt_verbatim(n, 0, x->scenario);
    for (k = 0; k < 3; k++) {
        double d, lo, hi;
        cells[1 + 2 * k] = nt_cell_mn(n, 1 + 2 * k, rp_get(x, ind[k], "World", ys[k], RP_MEAN),
                                      rp_get(x, ind[k], "World", ys[k], RP_P05),
                                      rp_get(x, ind[k], "World", ys[k], RP_P95), 0);
        if (is_base) cells[2 + 2 * k] = T(n, "cmp.reference");
        else if (nt_diff(n, ind[k], "World", ys[k], &d, &lo, &hi))
            cells[2 + 2 * k] = nt_cell_mn(n, 2 + 2 * k, d, lo, hi, 1);
        else cells[2 + 2 * k] = "\xe2\x80\x93";
    }
    rp_table_row(n->d, cells);
}

static void batch_table(note *n, const rp_batch *b) {
    const rp_run *r0 = &b->run[0], *keep = n->r, *base = n->base;
    const char *head[7];
    vg_sb h[3] = {{0}};
    int ys[3], i;
    ys[0] = nt_focus_year(r0), ys[1] = r0->y1, ys[2] = r0->y1;
    vg_cat_fmt(n->cat, n->lang, &h[0], "col.cl_year", "y", nt_year(n, 0, ys[0]),
               (const char *)NULL);
    vg_cat_fmt(n->cat, n->lang, &h[1], "col.cl_year", "y", nt_year(n, 0, ys[1]),
               (const char *)NULL);
    vg_cat_fmt(n->cat, n->lang, &h[2], "col.fl_year", "y", nt_year(n, 0, ys[2]),
               (const char *)NULL);
    head[0] = T(n, "col.scenario");
    for (i = 0; i < 3; i++) head[1 + 2 * i] = vg_sb_str(&h[i]), head[2 + 2 * i] = T(n, "col.diff");
    rp_table_begin(n->d, "table-comparison", T(n, "cap.comparison"), 7, head, "lrrrrrr");
    n->wrap = 1;
    if (b->base >= 0) batch_row(n, &b->run[b->base], 1, ys);
    for (i = 0; i < b->n; i++)
        if (i != b->base && b->run[i].y0 == r0->y0 && b->run[i].y1 == r0->y1)
            batch_row(n, &b->run[i], 0, ys);
    n->wrap = 0;
    rp_table_end(n->d);
    n->r = keep, n->base = base;
    for (i = 0; i < 3; i++) nt_sb_done(n, &h[i]);
}

static void batch_question(note *n, const rp_batch *b) {
    long i;
    char cnt[16];
    snprintf(cnt, sizeof cnt, "%d", b->n);
    rp_h(n->d, 2, "question", T(n, "h.batch_question"));
    rp_p(n->d, nt_say(n, "p.batch_intro", "n", cnt, "base",
                      b->base >= 0 ? nt_verbatim(n, 0, b->run[b->base].scenario)
                                   : T(n, "base.engine"),
                      (const char *)NULL));
    rp_ul_begin(n->d);
    for (i = 0; i < b->n; i++) {
        vg_sb *s = nt_slot(n, 1);
        vg_sb_printf(s, "**" RP_V "%s" RP_VEND "**", b->run[i].scenario);
        if (b->run[i].description && *b->run[i].description)
            vg_sb_printf(s, "%s" RP_V "%s" RP_VEND, T(n, "sep.colon"), b->run[i].description);
        rp_li(n->d, vg_sb_str(s));
    }
    rp_ul_end(n->d);
    if (b->failed.n == 0) return;
    rp_p(n->d, T(n, "p.batch_failed"));
    rp_ul_begin(n->d);
    for (i = 0; i < b->failed.n; i++) {
        vg_sb *s = nt_slot(n, 1);
        vg_sb_printf(s, "`%s`%s" RP_V "%s" RP_VEND, b->failed.s[i], T(n, "sep.colon"),
                     b->failed_error.s[i]);
        rp_li(n->d, vg_sb_str(s));
    }
    rp_ul_end(n->d);
}

/* Each scenario in short: its levers, headline and decomposition. */
static void batch_scenarios(note *n, const rp_batch *b) {
    const rp_run *keep = n->r, *base = n->base;
    int i, k, ys[2];
    rp_h(n->d, 2, "scenarios", T(n, "h.scenarios"));
    for (i = 0; i < b->n; i++) {
        const rp_run *x = &b->run[i];
        char id[64];
        snprintf(id, sizeof id, "scenario-%d", i + 1);
        n->r = x;
        n->base = i == b->base || b->base < 0 ? NULL : &b->run[b->base];
        rp_h(n->d, 3, id, nt_verbatim(n, 0, x->scenario));
        nt_levers(n, x);
        nt_headline_sentences(n);
        for (k = 0; x->has_dec && x->group.n && k < nt_change_years(x, ys); k++)
            nt_decomposition_sentence(n, "child_labour", ys[k]);
        nt_code(n, 1, x->name);
        rp_note(n->d, nt_say(n, "p.see_note", "dir", vg_sb_str(&n->tmp[1]), "lang",
                             n->lang == VG_FR ? "fr" : "en", (const char *)NULL));
    }
    n->r = keep, n->base = base;
}

/* What every scenario of the batch shares (the first one's manifest). */
static void batch_common(note *n, const rp_batch *b) {
    const rp_run *r = n->r;
    nt_prov_world(n);
    nt_prov_row(n, T(n, "prov.seed"), r->seed);
    nt_prov_row(n, T(n, "prov.draws"), nt_num(n, 4, r->draws, 0, 0));
    nt_prov_row(n, T(n, "prov.years"), nt_say(n, "prov.years_v", "y0", nt_year(n, 5, r->y0), "y1",
                                              nt_year(n, 6, r->y1), (const char *)NULL));
    nt_prov_row(n, T(n, "prov.baseline"),
                b->base >= 0 ? nt_verbatim(n, 8, b->run[b->base].scenario) : T(n, "base.engine"));
    nt_prov_row(n, T(n, "prov.engine"), nt_verbatim(n, 9, r->engine));
    nt_code(n, 10, b->dir);
    nt_prov_row(n, T(n, "prov.batch"), vg_sb_str(&n->tmp[10]));
    rp_table_end(n->d);
}

static void batch_provenance(note *n, const rp_batch *b) {
    const char *head[3] = {T(n, "col.scenario"), T(n, "prov.file"), T(n, "prov.sha")};
    const char *cells[3];
    int i;
    rp_h(n->d, 2, "provenance", T(n, "h.provenance"));
    batch_common(n, b);
    rp_table_begin(n->d, "table-scenarios", T(n, "cap.batch_files"), 3, head, "lll");
    for (i = 0; i < b->n; i++) {
        cells[0] = nt_verbatim(n, 0, b->run[i].scenario);
        nt_code(n, 1, b->run[i].file);
        nt_code(n, 2, b->run[i].sha);
        cells[1] = vg_sb_str(&n->tmp[1]), cells[2] = vg_sb_str(&n->tmp[2]);
        rp_table_row(n->d, cells);
    }
    rp_table_end(n->d);
    nt_sources(n);
}

void nt_batch_note(note *n, const rp_batch *b) {
    vg_sb title = {0}, sub = {0};
    char cnt[16];
    int i, stylised = 0, cmp;
    for (i = 0; i < b->n; i++) stylised |= b->run[i].stylised;
    snprintf(cnt, sizeof cnt, "%d", b->n);
    vg_cat_fmt(n->cat, n->lang, &title, "title.batch", "n", cnt, (const char *)NULL);
    nt_subtitle(n, n->r, &sub);
    rp_doc_begin(n->d, vg_sb_str(&title), vg_sb_str(&sub));
    if (stylised) rp_banner(n->d, T(n, "banner.stylised"));
    batch_question(n, b);
    rp_h(n->d, 2, "comparison", T(n, "h.comparison"));
    for (i = 0, cmp = b->has_cmp; i < b->n; i++) cmp |= b->run[i].has_cmp;
    rp_note(n->d, T(n, cmp ? "p.cmp_draws" : "p.cmp_means"));
    batch_table(n, b);
    batch_chart(n, b, "compare_cl", "child_labour", "children");
    batch_chart(n, b, "compare_fl", "forced_labour", "people");
    batch_scenarios(n, b);
    batch_provenance(n, b);
    nt_sec_caveats(n);
    rp_note(n->d, nt_say(n, "p.footer", "engine", nt_verbatim(n, 0, n->r->engine),
                         (const char *)NULL));
    rp_doc_end(n->d);
    if (title.oom || sub.oom || nt_oom(n)) n->d->rc = vigil_nomem(n->ctx, "report");
    nt_sb_done(n, &title);
    nt_sb_done(n, &sub);
}
