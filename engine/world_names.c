/*
** Region names a scenario may use: an MRIO region code of the table, a
** labour region name of either family (covering the MRIO regions that hold
** part of it), a group of the world (groups.csv in the world's folder:
** group,member, members being MRIO region codes), or "*" for all.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "world_int.h"

int vg_world_groups_load(vigil_ctx *ctx, vigil_world *w) {
    static const char *const req[] = {"group", "member", NULL};
    char path[4200];
    FILE *f;
    long r, m;
    int rc;
    snprintf(path, sizeof path, "%s/groups.csv", w->dir);
    if ((f = fopen(path, "rb")) == NULL) return VIGIL_OK; /* optional */
    fclose(f);
    if ((rc = vg_tidy_read(ctx, path, req, &w->groups)) != VIGIL_OK) return rc;
    for (r = 0; r < w->groups.nrow; r++) {
        const char *mem = vg_tidy_str(&w->groups, r, vg_tidy_col(&w->groups, "member"));
        for (m = 0; m < w->table->nreg; m++)
            if (strcmp(w->table->region[m], mem) == 0) break;
        if (m == w->table->nreg)
            return vg_tidy_err(ctx, &w->groups, r, vg_tidy_col(&w->groups, "member"),
                               VIGIL_EDATA, "'%s' is not a region of the table", mem);
    }
    return VIGIL_OK;
}

static int in_group(const vigil_world *w, const char *name, long m) {
    long r, cg, cm;
    if (w->groups.nrow == 0) return -1;
    cg = vg_tidy_col(&w->groups, "group");
    cm = vg_tidy_col(&w->groups, "member");
    for (r = 0; r < w->groups.nrow; r++)
        if (strcmp(vg_tidy_str(&w->groups, r, cg), name) == 0) {
            if (strcmp(vg_tidy_str(&w->groups, r, cm), w->table->region[m]) == 0) return 1;
        }
    for (r = 0; r < w->groups.nrow; r++)
        if (strcmp(vg_tidy_str(&w->groups, r, cg), name) == 0) return 0;
    return -1; /* not a group */
}

int vigil_world_region_covers(const vigil_world *w, const char *name, long m) {
    int k, grp;
    long g;
    if (name == NULL) return 0;
    if (strcmp(name, "*") == 0) return 1;
    if (strcmp(w->table->region[m], name) == 0) return 1;
    if ((grp = in_group(w, name, m)) >= 0) return grp;
    for (k = 0; k < 2; k++) {
        const vg_family *f = &w->fam[k];
        for (g = 0; g < f->n; g++)
            if (strcmp(f->name[g], name) == 0) return f->share[g * w->table->nreg + m] > 0;
    }
    return 0;
}

int vigil_world_region_known(const vigil_world *w, const char *name) {
    long m, g;
    int k;
    if (strcmp(name, "*") == 0) return 1;
    for (m = 0; m < w->table->nreg; m++)
        if (strcmp(w->table->region[m], name) == 0 || in_group(w, name, m) >= 0) return 1;
    for (k = 0; k < 2; k++)
        for (g = 0; g < w->fam[k].n; g++)
            if (strcmp(w->fam[k].name[g], name) == 0) return 1;
    return 0;
}

/* Index of a labour region of a family by name, or -1. */
static long labour_index(const vigil_world *w, int fam, const char *name) {
    long g;
    for (g = 0; g < w->fam[fam].n; g++)
        if (strcmp(w->fam[fam].name[g], name) == 0) return g;
    return -1;
}

int vigil_world_labour_covered(const vigil_world *w, const char *name, enum vigil_labour fam,
                               long g) {
    const vg_family *f = &w->fam[fam];
    long m, R = w->table->nreg;
    if (name == NULL) return 0;
    if (strcmp(name, "*") == 0 || strcmp(f->name[g], name) == 0) return 1;
    if (labour_index(w, fam, name) >= 0) return 0; /* another region of the family */
    /* an MRIO region, a group, or a region of the other family: covers g when
    ** they share an MRIO region */
    for (m = 0; m < R; m++)
        if (f->share[g * R + m] > 0 && vigil_world_region_covers(w, name, m)) return 1;
    return 0;
}

/* risk_lists.csv of the world folder (optional): list,cell,share - the
** share of a cell's exports flagged by a named list of goods at risk. */
/* A (list, cell) pair given twice would have its second share ignored. */
static int risk_unique(vigil_ctx *ctx, const vigil_world *w, long r) {
    long q, cl = vg_tidy_col(&w->risk, "list"), cc = vg_tidy_col(&w->risk, "cell");
    for (q = 0; q < r; q++)
        if (strcmp(vg_tidy_str(&w->risk, q, cl), vg_tidy_str(&w->risk, r, cl)) == 0 &&
            strcmp(vg_tidy_str(&w->risk, q, cc), vg_tidy_str(&w->risk, r, cc)) == 0)
            return vg_tidy_err(ctx, &w->risk, r, cc, VIGIL_EDATA,
                               "'%s' is already in list '%s' (line %ld)",
                               vg_tidy_str(&w->risk, r, cc), vg_tidy_str(&w->risk, r, cl), q + 2);
    return VIGIL_OK;
}

int vg_world_risk_load(vigil_ctx *ctx, vigil_world *w) {
    static const char *const req[] = {"list", "cell", "share", NULL};
    char path[4200];
    FILE *f;
    long r, i;
    int rc;
    snprintf(path, sizeof path, "%s/risk_lists.csv", w->dir);
    if ((f = fopen(path, "rb")) == NULL) return VIGIL_OK;
    fclose(f);
    if ((rc = vg_tidy_read(ctx, path, req, &w->risk)) != VIGIL_OK) return rc;
    for (r = 0; r < w->risk.nrow; r++) {
        long cc = vg_tidy_col(&w->risk, "cell"), cs = vg_tidy_col(&w->risk, "share");
        double v;
        for (i = 0; i < w->table->n; i++)
            if (strcmp(w->table->Z.col[i], vg_tidy_str(&w->risk, r, cc)) == 0) break;
        if (i == w->table->n)
            return vg_tidy_err(ctx, &w->risk, r, cc, VIGIL_EDATA, "'%s' is not a cell of the table",
                               vg_tidy_str(&w->risk, r, cc));
        if ((rc = risk_unique(ctx, w, r)) != VIGIL_OK) return rc;
        if ((rc = vg_tidy_num(ctx, &w->risk, r, cs, &v)) != VIGIL_OK) return rc;
        if (v < 0 || v > 1)
            return vg_tidy_err(ctx, &w->risk, r, cs, VIGIL_EDATA,
                               "a share is between 0 and 1, not %g", v);
    }
    return VIGIL_OK;
}

int vigil_world_has_risk_list(const vigil_world *w, const char *list) {
    long r, cl = vg_tidy_col(&w->risk, "list");
    for (r = 0; r < w->risk.nrow; r++)
        if (strcmp(vg_tidy_str(&w->risk, r, cl), list) == 0) return 1;
    return 0;
}

double vigil_world_risk_share(const vigil_world *w, const char *list, long i) {
    long r, cl, cc, cs;
    if (w->risk.nrow == 0) return 0;
    cl = vg_tidy_col(&w->risk, "list");
    cc = vg_tidy_col(&w->risk, "cell");
    cs = vg_tidy_col(&w->risk, "share");
    for (r = 0; r < w->risk.nrow; r++)
        if (strcmp(vg_tidy_str(&w->risk, r, cl), list) == 0 &&
            strcmp(vg_tidy_str(&w->risk, r, cc), w->table->Z.col[i]) == 0)
            return strtod(vg_tidy_str(&w->risk, r, cs), NULL);
    return 0;
}
