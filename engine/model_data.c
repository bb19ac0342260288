/*
** Reading the model's default coefficients and region inputs.
*/
#include <stdio.h>
#include <string.h>

#include "model_data.h"
#include "tidy.h"

static const char *const coef_names[VG_NCOEF] = {
    "cl_trend", "fl_trend", "poverty_growth_elasticity", "cl_poverty_semi", "sp_semi",
    "school_effect", "school_persistence", "labour_demand_elasticity",
    "farm_income_offset", "dd_displacement", "armington_sigma", "ban_leakage",
    "fl_poverty_semi", "victim_id_share", "risk_concentration"};

const char *vg_coef_name(int k) { return coef_names[k]; }

double *vg_coef_field(vg_coef *c, int k) { return (double *)c + k; }

/* Levenshtein distance, for "did you mean" hints (Wagner and Fischer 1974). */
static size_t edit_distance(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b), i, j, row[64];
    if (lb >= 64) return lb;
    for (j = 0; j <= lb; j++) row[j] = j;
    for (i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            diag = up;
            row[j] = best;
        }
    }
    return row[lb];
}

int vg_coef_find(const char *name, const char **hint) {
    size_t best = (size_t)-1;
    int k;
    for (k = 0; k < VG_NCOEF; k++) {
        size_t d;
        if (strcmp(name, coef_names[k]) == 0) return k;
        d = edit_distance(name, coef_names[k]);
        if (d < best) {
            best = d;
            if (hint) *hint = coef_names[k];
        }
    }
    return -1;
}

static int load_coef(vigil_ctx *ctx, const char *path, vg_coef *c) {
    static const char *const req[] = {"name", "value", NULL};
    int seen[VG_NCOEF] = {0}, k, rc;
    long r;
    vg_tidy t;
    if ((rc = vg_tidy_read(ctx, path, req, &t)) != VIGIL_OK) return rc;
    for (r = 0; rc == VIGIL_OK && r < t.nrow; r++) {
        const char *hint = NULL;
        k = vg_coef_find(vg_tidy_str(&t, r, vg_tidy_col(&t, "name")), &hint);
        if (k < 0)
            rc = vg_tidy_err(ctx, &t, r, vg_tidy_col(&t, "name"), VIGIL_EDATA,
                             "unknown coefficient '%s' (did you mean '%s'?)",
                             vg_tidy_str(&t, r, vg_tidy_col(&t, "name")), hint);
        else if ((rc = vg_tidy_num(ctx, &t, r, vg_tidy_col(&t, "value"),
                                   vg_coef_field(c, k))) == VIGIL_OK)
            seen[k] = 1;
    }
    for (k = 0; rc == VIGIL_OK && k < VG_NCOEF; k++)
        if (!seen[k])
            rc = vigil_seterr(ctx, VIGIL_EDATA, "%s: no value for coefficient '%s'", path,
                              coef_names[k]);
    vg_tidy_free(&t);
    return rc;
}

/* A number cell that may be empty (then def). */
static int opt_num(vigil_ctx *ctx, const vg_tidy *t, long r, const char *col, double def,
                   double *out) {
    long c = vg_tidy_col(t, col);
    *out = def;
    if (c < 0 || *vg_tidy_str(t, r, c) == '\0') return VIGIL_OK;
    return vg_tidy_num(ctx, t, r, c, out);
}

static int load_regions(vigil_ctx *ctx, const char *path, const vigil_world *w,
                        vg_model_data *d) {
    static const char *const req[] = {"family", "labour_region", "poverty_rate_pct",
                                      "sp_coverage_pct", NULL};
    long r, g;
    int k, rc;
    vg_tidy t;
    char *seen[2];
    if ((rc = vg_tidy_read(ctx, path, req, &t)) != VIGIL_OK) return rc;
    seen[0] = vg_calloc((size_t)vigil_world_nlabour(w, VIGIL_CHILD) + 1, 1);
    seen[1] = vg_calloc((size_t)vigil_world_nlabour(w, VIGIL_FORCED) + 1, 1);
    if (!seen[0] || !seen[1]) rc = vigil_nomem(ctx, path);
    for (r = 0; rc == VIGIL_OK && r < t.nrow; r++) {
        const char *fam = vg_tidy_str(&t, r, vg_tidy_col(&t, "family"));
        vg_region_in *in;
        k = strcmp(fam, "child") == 0 ? 0 : strcmp(fam, "forced") == 0 ? 1 : -1;
        if (k < 0) {
            rc = vg_tidy_err(ctx, &t, r, vg_tidy_col(&t, "family"), VIGIL_EDATA,
                             "family is 'child' or 'forced', not '%s'", fam);
            break;
        }
        for (g = 0; g < vigil_world_nlabour(w, (enum vigil_labour)k); g++)
            if (strcmp(vigil_world_labour_region(w, (enum vigil_labour)k, g),
                       vg_tidy_str(&t, r, vg_tidy_col(&t, "labour_region"))) == 0)
                break;
        if (g == vigil_world_nlabour(w, (enum vigil_labour)k)) continue; /* not in this world */
        in = k ? &d->forced[g] : &d->child[g];
        seen[k][g] = 1;
        rc = opt_num(ctx, &t, r, "children_5_17", 0, &in->children);
        if (rc == VIGIL_OK) rc = opt_num(ctx, &t, r, "child_growth_pct", 0, &in->growth);
        if (rc == VIGIL_OK) rc = opt_num(ctx, &t, r, "poverty_rate_pct", 0, &in->poverty);
        if (rc == VIGIL_OK) rc = opt_num(ctx, &t, r, "sp_coverage_pct", 0, &in->coverage);
    }
    for (k = 0; rc == VIGIL_OK && k < 2; k++)
        for (g = 0; rc == VIGIL_OK && g < vigil_world_nlabour(w, (enum vigil_labour)k); g++)
            if (!seen[k][g])
                rc = vigil_seterr(ctx, VIGIL_EDATA, "%s: no row for %s labour region '%s'",
                                  path, k ? "forced" : "child",
                                  vigil_world_labour_region(w, (enum vigil_labour)k, g));
    vg_free(seen[0]);
    vg_free(seen[1]);
    vg_tidy_free(&t);
    return rc;
}

int vg_model_data_load(vigil_ctx *ctx, const char *dir, const vigil_world *w,
                       vg_model_data *d) {
    char path[4096];
    int rc;
    memset(d, 0, sizeof *d);
    d->child = vg_calloc((size_t)vigil_world_nlabour(w, VIGIL_CHILD) + 1, sizeof *d->child);
    d->forced = vg_calloc((size_t)vigil_world_nlabour(w, VIGIL_FORCED) + 1, sizeof *d->forced);
    if (!d->child || !d->forced) {
        vg_model_data_free(d);
        return vigil_nomem(ctx, "model data");
    }
    snprintf(path, sizeof path, "%s/coefficients.csv", dir);
    d->coef_path = vg_strdup(path);
    rc = load_coef(ctx, path, &d->coef);
    snprintf(path, sizeof path, "%s/regions.csv", dir);
    d->regions_path = vg_strdup(path);
    if (rc == VIGIL_OK) rc = load_regions(ctx, path, w, d);
    if (rc == VIGIL_OK && (!d->coef_path || !d->regions_path)) rc = vigil_nomem(ctx, dir);
    if (rc != VIGIL_OK) vg_model_data_free(d);
    return rc;
}

void vg_model_data_free(vg_model_data *d) {
    vg_free(d->child);
    vg_free(d->forced);
    vg_free(d->coef_path);
    vg_free(d->regions_path);
    memset(d, 0, sizeof *d);
}
