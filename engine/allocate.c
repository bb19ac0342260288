/*
** Attaching labour to cells, calibrating export intensities, and the
** attribution of each labour region's labour to exports and to consumers.
**
** Allocation (docs/WORLD.md): the count of labour region g in broad sector
** b goes to g's MRIO regions by their share of g's population (the
** concordance), then to the cells of sector b in each by gross output.
** Totals are preserved: every count lands somewhere, or it is an error.
**
** Export intensity: a cell's labour L_gi is split between its output for
** the domestic market v_i and for exports u_i (local Leontief, accounts.c),
** with an intensity rho_g times higher on exports:
**     L_gi = q_gi (v_i + rho_g u_i),  export-linked = q_gi rho_g u_i.
** rho_g = 1 is the plain MRIO attribution; a calibration target (the 2019
** Alliance 8.7 shares: child labour concentrates in domestic chains and
** subsistence farming) fixes rho_g by bisection, since the share grows
** monotonically with rho_g.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "world_int.h"

/* Distributes amount (labour of region g in broad sector b, all sectors
** when b < 0) over cells, adding into cell[0..n): to g's MRIO regions by
** population share (renormalised over the regions that have output in b),
** then within a region by gross output. */
static int spread_by_region(vigil_ctx *ctx, const vigil_world *w, const vg_family *f,
                            long g, int b, double amount, double *cell) {
    const vigil_table *t = w->table;
    long i, m, R = t->nreg;
    double *out = vg_calloc((size_t)R, sizeof *out), kept = 0;
    int rc = VIGIL_OK;
    if (out == NULL) return vigil_nomem(ctx, "vg_allocate");
    for (i = 0; i < t->n; i++)
        if (b < 0 || w->broad[i] == b) out[t->cell_region[i]] += t->x[i];
    for (m = 0; m < R; m++)
        if (out[m] > 0) kept += f->share[g * R + m];
    if (amount != 0 && !(kept > 0))
        rc = vigil_seterr(ctx, VIGIL_EDATA,
                          "%s: labour region '%s' has labour in %s but its MRIO regions "
                          "have no output there", f->region_path, f->name[g],
                          b < 0 ? "all sectors" : vigil_sector_name(b));
    for (i = 0; rc == VIGIL_OK && i < t->n; i++) {
        long r = t->cell_region[i];
        if ((b < 0 || w->broad[i] == b) && out[r] > 0)
            cell[i] += amount * (f->share[g * R + r] / kept) * (t->x[i] / out[r]);
    }
    vg_free(out);
    return rc;
}

static int allocate_child(vigil_ctx *ctx, vigil_world *w) {
    vg_family *f = &w->fam[VIGIL_CHILD];
    long g, n = w->table->n;
    int b, rc = VIGIL_OK;
    for (g = 0; rc == VIGIL_OK && g < f->n; g++)
        for (b = 0; rc == VIGIL_OK && b < VIGIL_NSECTORS; b++)
            rc = spread_by_region(ctx, w, f, g, b, w->cl_sector[g * 3 + b], f->cell + g * n);
    return rc;
}

/* Forced labour: private-economy exploitation by the world's sector split,
** commercial sexual exploitation in services, state-imposed forced labour
** over all sectors by output (no sector split is published for either). */
static int allocate_forced(vigil_ctx *ctx, vigil_world *w) {
    vg_family *f = &w->fam[VIGIL_FORCED];
    long h, i, n = w->table->n;
    int b, rc = VIGIL_OK;
    w->fl_cell = vg_calloc((size_t)(3 * f->n * n), sizeof *w->fl_cell);
    if (w->fl_cell == NULL) return vigil_nomem(ctx, "vg_allocate");
    for (h = 0; rc == VIGIL_OK && h < f->n; h++) {
        double *priv = w->fl_cell + (0 * f->n + h) * n;
        double *sex = w->fl_cell + (1 * f->n + h) * n;
        double *state = w->fl_cell + (2 * f->n + h) * n;
        for (b = 0; rc == VIGIL_OK && b < VIGIL_NSECTORS; b++)
            rc = spread_by_region(ctx, w, f, h, b,
                                  w->fl_type[h * 3] * w->fl_private_sector[b], priv);
        if (rc == VIGIL_OK)
            rc = spread_by_region(ctx, w, f, h, 2, w->fl_type[h * 3 + 1], sex);
        if (rc == VIGIL_OK)
            rc = spread_by_region(ctx, w, f, h, -1, w->fl_type[h * 3 + 2], state);
        for (i = 0; i < n; i++) f->cell[h * n + i] = priv[i] + sex[i] + state[i];
    }
    return rc;
}

int vg_allocate(vigil_ctx *ctx, vigil_world *w) {
    int fam, rc = VIGIL_OK;
    long g;
    for (fam = 0; fam < 2 && rc == VIGIL_OK; fam++) {
        vg_family *f = &w->fam[fam];
        f->cell = vg_calloc((size_t)(f->n * w->table->n), sizeof *f->cell);
        f->rho = vg_malloc_array((size_t)f->n, sizeof *f->rho);
        f->target = vg_malloc_array((size_t)f->n, sizeof *f->target);
        f->split = vg_calloc((size_t)f->n, sizeof *f->split);
        f->foot = vg_calloc((size_t)w->table->nreg, sizeof *f->foot);
        if (!f->cell || !f->rho || !f->target || !f->split || !f->foot)
            return vigil_nomem(ctx, "vg_allocate");
        for (g = 0; g < f->n; g++) {
            f->rho[g] = 1.0;
            f->target[g] = NAN;
        }
    }
    rc = allocate_child(ctx, w);
    return rc == VIGIL_OK ? allocate_forced(ctx, w) : rc;
}

/* Export-linked share of labour region g's labour for a given rho. */
static double share_at(const vigil_world *w, const vg_family *f, long g, double rho) {
    const double *u = w->acc->u, *v = w->acc->v, *L = f->cell + g * w->table->n;
    double ex = 0, tot = 0;
    long i;
    for (i = 0; i < w->table->n; i++) {
        double den = fmax(v[i], 0) + rho * u[i];
        tot += L[i];
        if (den > 0) ex += L[i] * rho * u[i] / den;
    }
    return tot > 0 ? ex / tot : 0;
}

/* rho such that share_at(rho) = target, by bisection on log(rho). */
static int solve_rho(vigil_ctx *ctx, const vigil_world *w, vg_family *f, long g,
                     double target, const char *where) {
    double lo = -12, hi = 12; /* log(rho) */
    double slo = share_at(w, f, g, exp(lo)), shi = share_at(w, f, g, exp(hi));
    int it;
    if (target < slo || target > shi)
        return vigil_seterr(ctx, VIGIL_EDATA,
                            "%s: target share %.15g for '%s' is out of reach: the table "
                            "allows %.6g to %.6g", where, target, f->name[g], slo, shi);
    for (it = 0; it < 200 && hi - lo > 1e-14; it++) {
        double mid = 0.5 * (lo + hi);
        if (share_at(w, f, g, exp(mid)) < target) lo = mid;
        else hi = mid;
    }
    f->rho[g] = exp(0.5 * (lo + hi));
    f->target[g] = target;
    return VIGIL_OK;
}

int vg_calibrate(vigil_ctx *ctx, vigil_world *w, const char *path) {
    static const char *const req[] = {"family", "labour_region", "export_linked_share", NULL};
    vg_tidy t;
    long r, cf, cg, cs;
    int rc;
    if (path == NULL) return VIGIL_OK;
    if ((rc = vg_tidy_read(ctx, path, req, &t)) != VIGIL_OK) return rc;
    cf = vg_tidy_col(&t, "family");
    cg = vg_tidy_col(&t, "labour_region");
    cs = vg_tidy_col(&t, "export_linked_share");
    for (r = 0; rc == VIGIL_OK && r < t.nrow; r++) {
        const char *fam = vg_tidy_str(&t, r, cf);
        int k = strcmp(fam, "child") == 0 ? 0 : strcmp(fam, "forced") == 0 ? 1 : -1;
        double target;
        long g;
        char where[4200];
        if (k < 0) {
            rc = vg_tidy_err(ctx, &t, r, cf, VIGIL_EDATA,
                             "family is 'child' or 'forced', not '%s'", fam);
            break;
        }
        g = vg_family_find(&w->fam[k], vg_tidy_str(&t, r, cg));
        if (g < 0) {
            rc = vg_tidy_err(ctx, &t, r, cg, VIGIL_EDATA, "unknown labour region '%s'",
                             vg_tidy_str(&t, r, cg));
            break;
        }
        if ((rc = vg_tidy_num(ctx, &t, r, cs, &target)) != VIGIL_OK) break;
        if (!(target > 0 && target < 1)) {
            rc = vg_tidy_err(ctx, &t, r, cs, VIGIL_EDATA,
                             "a share is strictly between 0 and 1, not %.15g", target);
            break;
        }
        snprintf(where, sizeof where, "%s:%ld:%ld", t.path, t.line[r], cs + 1);
        rc = solve_rho(ctx, w, &w->fam[k], g, target, where);
    }
    vg_tidy_free(&t);
    return rc;
}

/* Export-linked labour of a cell is shared among foreign consumers as its
** output for their final demand (global Leontief, X); domestic labour goes
** to the home region. Sum over consumers = the cell's labour. */
static void footprint_cell(const vigil_world *w, vg_family *f, long i, double dom,
                           double exp_) {
    const vigil_table *t = w->table;
    long d, R = t->nreg, r = t->cell_region[i];
    double fx = 0;
    for (d = 0; d < R; d++)
        if (d != r) fx += fmax(w->acc->X[i * R + d], 0);
    f->foot[r] += dom;
    if (!(fx > 0)) {
        f->foot[r] += exp_;
        return;
    }
    for (d = 0; d < R; d++)
        if (d != r) f->foot[d] += exp_ * fmax(w->acc->X[i * R + d], 0) / fx;
}

void vg_attribute(vigil_world *w) {
    const double *u = w->acc->u, *v = w->acc->v, *e = w->acc->e;
    long n = w->table->n, i, g;
    int k;
    for (k = 0; k < 2; k++) {
        vg_family *f = &w->fam[k];
        memset(f->foot, 0, sizeof *f->foot * (size_t)w->table->nreg);
        for (g = 0; g < f->n; g++) {
            vigil_split s = {0, 0, 0};
            for (i = 0; i < n; i++) {
                double L = f->cell[g * n + i], den = fmax(v[i], 0) + f->rho[g] * u[i];
                double q = den > 0 ? L / den : 0, ex = q * f->rho[g] * u[i];
                double dir = q * f->rho[g] * e[i];
                s.domestic += L - ex;
                s.export_direct += dir;
                s.export_upstream += ex - dir;
                footprint_cell(w, f, i, L - ex, ex);
            }
            f->split[g] = s;
        }
    }
}
