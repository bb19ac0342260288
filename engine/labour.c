/*
** Labour baselines: tidy tables of published counts (one value per row,
** with source and status columns the engine does not need). Child labour:
** ILO and UNICEF (2021), Child Labour: Global estimates 2020, by SDG
** region, broad sector, age group and hazardous work (regional splits are
** documented estimates, docs/DATA.md). Forced labour: ILO, Walk Free and
** IOM (2022), Global Estimates of Modern Slavery, by ILO region and type,
** with the world's sector split of private-economy exploitation.
*/
#include <math.h>
#include <string.h>

#include "world_int.h"

static const char *const age_names[VIGIL_NAGES] = {"5-11", "12-14", "15-17"};
static const char *const fltype_names[VIGIL_NFLTYPES] = {
    "private_exploitation", "commercial_sexual_exploitation", "state_imposed"};

const char *vigil_age_name(int a) { return age_names[a]; }
const char *vigil_fltype_name(int f) { return fltype_names[f]; }

static int name_index(const char *const *names, int n, const char *s) {
    int i;
    for (i = 0; i < n; i++)
        if (strcmp(names[i], s) == 0) return i;
    return -1;
}

/* Columns of a baseline table. */
typedef struct cols {
    long region, measure, age, sex, sector, type, value;
} cols;

static cols find_cols(const vg_tidy *t) {
    cols c;
    c.region = vg_tidy_col(t, "region");
    c.measure = vg_tidy_col(t, "measure");
    c.age = vg_tidy_col(t, "age_group");
    c.sex = vg_tidy_col(t, "sex");
    c.sector = vg_tidy_col(t, "sector");
    c.type = vg_tidy_col(t, "type");
    c.value = vg_tidy_col(t, "value");
    return c;
}

static int is_all(const vg_tidy *t, long r, long col) {
    return col < 0 || strcmp(vg_tidy_str(t, r, col), "all") == 0;
}

/* Counts of people are below this: a larger one is a typo or a unit error
** (and sums of several near DBL_MAX would overflow to inf). */
#define MAX_PERSONS 1e10

/* A published count at (r, col): a number, not negative, not more than
** MAX_PERSONS. */
static int count(vigil_ctx *ctx, const vg_tidy *t, long r, long col, double *v) {
    int rc = vg_tidy_num(ctx, t, r, col, v);
    if (rc != VIGIL_OK) return rc;
    if (*v < 0) return vg_tidy_err(ctx, t, r, col, VIGIL_EDATA, "negative count %.15g", *v);
    if (*v > MAX_PERSONS)
        return vg_tidy_err(ctx, t, r, col, VIGIL_EDATA,
                           "count %.15g is more than the world's population (a unit "
                           "error?)", *v);
    return VIGIL_OK;
}

/* Checks that parts add up to a total (published splits are rounded to
** 0.1 M, so the data files scale them; see docs/DATA.md). */
static int check_sum(vigil_ctx *ctx, const char *path, const char *region,
                     const char *what, const double *part, int n, double total) {
    double s = 0;
    int i;
    for (i = 0; i < n; i++) s += part[i];
    if (fabs(s - total) > 0.5)
        return vigil_seterr(ctx, VIGIL_EDATA,
                            "%s: the %s of '%s' add up to %.0f, not its total %.0f",
                            path, what, region, s, total);
    return VIGIL_OK;
}

/* One child-labour row into the arrays of labour region g. */
static int child_row(vigil_ctx *ctx, vigil_world *w, const vg_tidy *t, const cols *c,
                     long r, long g, double *total) {
    const char *measure = vg_tidy_str(t, r, c->measure);
    double v;
    int b, a, rc;
    if (!is_all(t, r, c->sex) && strcmp(vg_tidy_str(t, r, c->sex), "boys") != 0 &&
        strcmp(vg_tidy_str(t, r, c->sex), "girls") != 0)
        return vg_tidy_err(ctx, t, r, c->sex, VIGIL_EDATA, "unknown category '%s'",
                           vg_tidy_str(t, r, c->sex));
    if ((rc = count(ctx, t, r, c->value, &v)) != VIGIL_OK) return rc;
    if (!is_all(t, r, c->sex)) return VIGIL_OK; /* by sex: not modelled yet */
    b = is_all(t, r, c->sector) ? -1 : name_index((const char *const[]){
        "agriculture", "industry", "services"}, 3, vg_tidy_str(t, r, c->sector));
    a = is_all(t, r, c->age) ? -1 : name_index(age_names, VIGIL_NAGES, vg_tidy_str(t, r, c->age));
    if ((!is_all(t, r, c->sector) && b < 0) || (!is_all(t, r, c->age) && a < 0))
        return vg_tidy_err(ctx, t, r, b < 0 && !is_all(t, r, c->sector) ? c->sector : c->age,
                           VIGIL_EDATA, "unknown category '%s'",
                           vg_tidy_str(t, r, b < 0 && !is_all(t, r, c->sector) ? c->sector : c->age));
    if (strcmp(measure, "hazardous_work") == 0 && b < 0 && a < 0) w->cl_haz[g] = v;
    else if (strcmp(measure, "child_labour") != 0) return VIGIL_OK;
    else if (b >= 0 && a < 0) w->cl_sector[g * 3 + b] = v;
    else if (a >= 0 && b < 0) w->cl_age[g * 3 + a] = v;
    else if (a < 0 && b < 0) total[g] = v;
    return VIGIL_OK;
}

/* Rows of labour regions absent from the concordance must hold no labour. */
static int unmapped(vigil_ctx *ctx, const vg_tidy *t, const cols *c, long r,
                    const vg_family *f) {
    const char *reg = vg_tidy_str(t, r, c->region);
    double v;
    int rc;
    if (strcmp(reg, "World") == 0) return VIGIL_OK;
    if ((rc = count(ctx, t, r, c->value, &v)) != VIGIL_OK) return rc;
    if (v > 0)
        return vg_tidy_err(ctx, t, r, c->region, VIGIL_EDATA,
                           "labour region '%s' is in no row of %s", reg, f->region_path);
    return VIGIL_OK;
}

static int child_checks(vigil_ctx *ctx, vigil_world *w, const char *path,
                        const double *total) {
    const vg_family *f = &w->fam[VIGIL_CHILD];
    long g;
    int rc = VIGIL_OK;
    for (g = 0; rc == VIGIL_OK && g < f->n; g++) {
        if (!(total[g] > 0))
            return vigil_seterr(ctx, VIGIL_EDATA, "%s: no child_labour total for '%s'",
                                path, f->name[g]);
        rc = check_sum(ctx, path, f->name[g], "sectors", w->cl_sector + g * 3, 3, total[g]);
        if (rc == VIGIL_OK)
            rc = check_sum(ctx, path, f->name[g], "age groups", w->cl_age + g * 3, 3, total[g]);
        if (rc == VIGIL_OK && w->cl_haz[g] > total[g])
            rc = vigil_seterr(ctx, VIGIL_EDATA,
                              "%s: hazardous work in '%s' (%.0f) exceeds its child labour (%.0f)",
                              path, f->name[g], w->cl_haz[g], total[g]);
    }
    return rc;
}

int vg_labour_child(vigil_ctx *ctx, vigil_world *w, const char *path) {
    static const char *const req[] = {"region", "measure", "age_group", "sex",
                                      "sector", "value", NULL};
    long ng = w->fam[VIGIL_CHILD].n, r;
    double *total;
    vg_tidy t;
    cols c;
    int rc = vg_tidy_read(ctx, path, req, &t);
    if (rc != VIGIL_OK) return rc;
    c = find_cols(&t);
    w->cl_sector = vg_calloc((size_t)ng * 3, sizeof *w->cl_sector);
    w->cl_age = vg_calloc((size_t)ng * 3, sizeof *w->cl_age);
    w->cl_haz = vg_calloc((size_t)ng, sizeof *w->cl_haz);
    total = vg_calloc((size_t)ng, sizeof *total);
    if (!w->cl_sector || !w->cl_age || !w->cl_haz || !total) rc = vigil_nomem(ctx, path);
    for (r = 0; rc == VIGIL_OK && r < t.nrow; r++) {
        long g = vg_family_find(&w->fam[VIGIL_CHILD], vg_tidy_str(&t, r, c.region));
        rc = g >= 0 ? child_row(ctx, w, &t, &c, r, g, total)
                    : unmapped(ctx, &t, &c, r, &w->fam[VIGIL_CHILD]);
    }
    if (rc == VIGIL_OK) rc = child_checks(ctx, w, path, total);
    vg_free(total);
    vg_tidy_free(&t);
    return rc;
}

/* One forced-labour row: by type in an ILO region, or the world's sector
** split of private-economy exploitation. */
static int forced_row(vigil_ctx *ctx, vigil_world *w, const vg_tidy *t, const cols *c,
                      long r, double *total) {
    const char *reg = vg_tidy_str(t, r, c->region);
    long h = vg_family_find(&w->fam[VIGIL_FORCED], reg);
    int f, b, rc;
    double v;
    if (strcmp(vg_tidy_str(t, r, c->measure), "forced_labour") != 0) return VIGIL_OK;
    if (!is_all(t, r, c->sex) || !is_all(t, r, c->age)) return VIGIL_OK;
    if (h < 0 && strcmp(reg, "World") != 0) return unmapped(ctx, t, c, r, &w->fam[VIGIL_FORCED]);
    if ((rc = count(ctx, t, r, c->value, &v)) != VIGIL_OK) return rc;
    f = is_all(t, r, c->type) ? -1 : name_index(fltype_names, VIGIL_NFLTYPES,
                                                  vg_tidy_str(t, r, c->type));
    if (!is_all(t, r, c->type) && f < 0)
        return vg_tidy_err(ctx, t, r, c->type, VIGIL_EDATA, "unknown type '%s'",
                           vg_tidy_str(t, r, c->type));
    b = is_all(t, r, c->sector) ? -1 : name_index((const char *const[]){
        "agriculture", "industry", "services"}, 3, vg_tidy_str(t, r, c->sector));
    if (!is_all(t, r, c->sector) && b < 0)
        return vg_tidy_err(ctx, t, r, c->sector, VIGIL_EDATA, "unknown category '%s'",
                           vg_tidy_str(t, r, c->sector));
    if (h < 0) { /* World */
        if (f == 0 && b >= 0) w->fl_private_sector[b] = v;
        return VIGIL_OK;
    }
    if (b >= 0 || !is_all(t, r, c->sector)) return VIGIL_OK;
    if (f < 0) total[h] = v;
    else w->fl_type[h * 3 + f] = v;
    return VIGIL_OK;
}

int vg_labour_forced(vigil_ctx *ctx, vigil_world *w, const char *path) {
    static const char *const req[] = {"region", "type", "measure", "sector", "value", NULL};
    const vg_family *fam = &w->fam[VIGIL_FORCED];
    double *total, s = 0;
    long r, h;
    int b, rc;
    vg_tidy t;
    cols c;
    if ((rc = vg_tidy_read(ctx, path, req, &t)) != VIGIL_OK) return rc;
    c = find_cols(&t);
    w->fl_type = vg_calloc((size_t)fam->n * 3, sizeof *w->fl_type);
    total = vg_calloc((size_t)fam->n, sizeof *total);
    if (!w->fl_type || !total) rc = vigil_nomem(ctx, path);
    for (r = 0; rc == VIGIL_OK && r < t.nrow; r++) rc = forced_row(ctx, w, &t, &c, r, total);
    for (h = 0; rc == VIGIL_OK && h < fam->n; h++) {
        if (!(total[h] > 0))
            rc = vigil_seterr(ctx, VIGIL_EDATA, "%s: no forced_labour total for '%s'",
                              path, fam->name[h]);
        else
            rc = check_sum(ctx, path, fam->name[h], "types", w->fl_type + h * 3, 3, total[h]);
    }
    for (b = 0; b < VIGIL_NSECTORS; b++) s += w->fl_private_sector[b];
    if (rc == VIGIL_OK && !(s > 0))
        rc = vigil_seterr(ctx, VIGIL_EDATA,
                          "%s: no World rows of private_exploitation by sector", path);
    for (b = 0; rc == VIGIL_OK && b < VIGIL_NSECTORS; b++) w->fl_private_sector[b] /= s;
    vg_free(total);
    vg_tidy_free(&t);
    return rc;
}
