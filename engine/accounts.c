/*
** Regional accounts of a stressor (pymrio's calc_accounts, Stadler et al.
** 2018 for EXIOBASE; pymrio/tools/iomath.py) and the export-linked
** decomposition of the 2019 Alliance 8.7 report (ILO, OECD, IOM and UNICEF
** 2019, "Ending child labour, forced labour and human trafficking in global
** supply chains", method in Alsamawi et al. 2019, OECD).
**
** With X = L Y_reg (column d: output driven by region d's final demand),
** S = F diag(x)^-1 and F_Y the stressors of final demand itself:
**   D_cba[k,d] = sum_i S[k,i] X[i,d] + F_Y[k,d]
**   D_pba[k,r] = sum_{i in r} S[k,i] (L y)_i + F_Y[k,r]
**   D_imp[k,d] = sum_{i not in d} S[k,i] X[i,d]
**   D_exp[k,r] = sum_{i in r} S[k,i] sum_{d != r} X[i,d]
** Export-linked, local Leontief, per producer region r with its own block:
**   e_r = exports of r (intermediate and final), y_rr = r's own final demand
**   export-linked = S_r (I - A_rr)^-1 e_r, of which direct S_r e_r;
**   domestic = S_r (I - A_rr)^-1 y_rr.
** Global Leontief: domestic = D_cba's own-region part, export-linked =
** D_exp, of which direct = S_r times r's final exports.
*/
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <string.h>

#include "mrio_int.h"

/* Final demand summed by consuming region: n x nreg. */
static void y_by_region(const vigil_table *t, double *yr) {
    long i, j, R = t->nreg, ny = t->Y.ncol;
    memset(yr, 0, sizeof *yr * (size_t)t->n * (size_t)R);
    for (i = 0; i < t->n; i++)
        for (j = 0; j < ny; j++)
            yr[i * R + t->y_region[j]] += t->Y.v[i * ny + j];
}

/* F_Y summed by consuming region, added to acc (k x nreg). */
static void add_fy(const vigil_table *t, double *acc) {
    long k, j, R = t->nreg, ny = t->Y.ncol;
    if (t->FY.nrow == 0) return;
    for (k = 0; k < t->FY.nrow; k++)
        for (j = 0; j < ny; j++) acc[k * R + t->y_region[j]] += t->FY.v[k * ny + j];
}

static void intensities(const vigil_table *t, double *S) {
    long k, i, n = t->n;
    for (k = 0; k < t->F.nrow; k++)
        for (i = 0; i < n; i++)
            S[k * n + i] = t->x[i] > 0 ? t->F.v[k * n + i] / t->x[i] : 0.0;
}

/* The four regional accounts from X = L Y_reg. */
static void regional(const vigil_table *t, vigil_accounts *a, const double *X) {
    long k, i, d, n = t->n, R = t->nreg;
    for (k = 0; k < a->k; k++) {
        double *cba = a->acc[VIGIL_D_CBA] + k * R, *pba = a->acc[VIGIL_D_PBA] + k * R;
        double *imp = a->acc[VIGIL_D_IMP] + k * R, *exp = a->acc[VIGIL_D_EXP] + k * R;
        for (i = 0; i < n; i++) {
            double s = a->S[k * n + i];
            long r = t->cell_region[i];
            for (d = 0; d < R; d++) {
                double v = s * X[i * R + d];
                cba[d] += v;
                pba[r] += v;
                if (d != r) {
                    imp[d] += v;
                    exp[r] += v;
                }
            }
        }
    }
    add_fy(t, a->acc[VIGIL_D_CBA]);
    add_fy(t, a->acc[VIGIL_D_PBA]);
}

/* Global-Leontief export-linked parts, from D_exp and X. */
static void global_split(const vigil_table *t, vigil_accounts *a,
                         const double *X, const double *yr) {
    long k, i, d, n = t->n, R = t->nreg;
    for (k = 0; k < a->k; k++)
        for (i = 0; i < n; i++) {
            double s = a->S[k * n + i], fexp = 0;
            long r = t->cell_region[i];
            for (d = 0; d < R; d++)
                if (d != r) fexp += yr[i * R + d];
            a->acc[VIGIL_GLOBAL_DOMESTIC][k * R + r] += s * X[i * R + r];
            a->acc[VIGIL_GLOBAL_EXPORT_DIRECT][k * R + r] += s * fexp;
        }
    for (k = 0; k < a->k * R; k++)
        a->acc[VIGIL_GLOBAL_EXPORT_UPSTREAM][k] =
            a->acc[VIGIL_D_EXP][k] - a->acc[VIGIL_GLOBAL_EXPORT_DIRECT][k];
}

/*
** Local Leontief for one producer region r whose cells are idx[0..s-1]:
** fills, for those cells, e (exports), u = (I - A_rr)^-1 e_r (output
** driven by exports) and v = (I - A_rr)^-1 y_rr (output driven by r's own
** final demand). work holds s*s doubles.
*/
static int local_region(vigil_ctx *ctx, const vigil_table *t, vigil_accounts *a,
                        long r, const long *idx, long s, const double *yr,
                        double *work, gsl_permutation *p) {
    long i, j, n = t->n, R = t->nreg;
    gsl_matrix_view bv = gsl_matrix_view_array(work, (size_t)s, (size_t)s);
    gsl_vector *ev = gsl_vector_alloc((size_t)s), *yv = gsl_vector_alloc((size_t)s);
    int signum, rc = VIGIL_OK;
    if (ev == NULL || yv == NULL) rc = vigil_nomem(ctx, "vigil_accounts");
    for (i = 0; rc == VIGIL_OK && i < s; i++) {
        const double *z = t->Z.v + idx[i] * n;
        double ex = 0;
        for (j = 0; j < n; j++)
            if (t->cell_region[j] != r) ex += z[j];
        for (j = 0; j < R; j++)
            if (j != r) ex += yr[idx[i] * R + j];
        a->e[idx[i]] = ex;
        gsl_vector_set(ev, (size_t)i, ex);
        gsl_vector_set(yv, (size_t)i, yr[idx[i] * R + r]);
        for (j = 0; j < s; j++) {
            double xj = t->x[idx[j]];
            work[i * s + j] = (i == j) - (xj > 0 ? z[idx[j]] / xj : 0.0);
        }
    }
    if (rc == VIGIL_OK && (gsl_linalg_LU_decomp(&bv.matrix, p, &signum) != GSL_SUCCESS ||
                           gsl_linalg_LU_svx(&bv.matrix, p, ev) != GSL_SUCCESS ||
                           gsl_linalg_LU_svx(&bv.matrix, p, yv) != GSL_SUCCESS))
        rc = vigil_seterr(ctx, VIGIL_ENUM, "%s: I - A is singular within region '%s'",
                          t->path[VG_Z], t->region[r]);
    for (i = 0; rc == VIGIL_OK && i < s; i++) {
        a->u[idx[i]] = gsl_vector_get(ev, (size_t)i);
        a->v[idx[i]] = gsl_vector_get(yv, (size_t)i);
    }
    if (ev) gsl_vector_free(ev);
    if (yv) gsl_vector_free(yv);
    return rc;
}

/* The stressors' local decomposition from the per-cell e, u and v. */
static void local_accounts(const vigil_table *t, vigil_accounts *a) {
    long k, i, n = t->n, R = t->nreg;
    for (k = 0; k < a->k; k++)
        for (i = 0; i < n; i++) {
            double s = a->S[k * n + i];
            long r = t->cell_region[i];
            a->acc[VIGIL_LOCAL_EXPORT_DIRECT][k * R + r] += s * a->e[i];
            a->acc[VIGIL_LOCAL_EXPORT_UPSTREAM][k * R + r] += s * (a->u[i] - a->e[i]);
            a->acc[VIGIL_LOCAL_DOMESTIC][k * R + r] += s * a->v[i];
        }
}

/* The largest region, in cells. */
static long max_region_size(const vigil_table *t, long *count) {
    long i, r, most = 0;
    memset(count, 0, sizeof *count * (size_t)t->nreg);
    for (i = 0; i < t->n; i++) count[t->cell_region[i]]++;
    for (r = 0; r < t->nreg; r++)
        if (count[r] > most) most = count[r];
    return most;
}

static int local_split(vigil_ctx *ctx, const vigil_table *t, vigil_accounts *a,
                       const double *yr) {
    long r, i, s, most, *idx = vg_malloc_array((size_t)t->n, sizeof *idx);
    long *count = vg_malloc_array((size_t)t->nreg, sizeof *count);
    double *work = NULL;
    gsl_permutation *p = NULL;
    int rc = VIGIL_OK;
    if (idx == NULL || count == NULL) rc = vigil_nomem(ctx, "vigil_accounts");
    if (rc == VIGIL_OK) {
        most = max_region_size(t, count);
        work = vg_malloc_array((size_t)(most * most), sizeof *work);
        p = gsl_permutation_alloc((size_t)most);
        if (work == NULL || p == NULL) rc = vigil_nomem(ctx, "vigil_accounts");
    }
    for (r = 0; rc == VIGIL_OK && r < t->nreg; r++) {
        gsl_permutation pv;
        for (i = 0, s = 0; i < t->n; i++)
            if (t->cell_region[i] == r) idx[s++] = i;
        pv.size = (size_t)s; /* a view of the first s entries */
        pv.data = p->data;
        rc = local_region(ctx, t, a, r, idx, s, yr, work, &pv);
    }
    if (p) gsl_permutation_free(p);
    vg_free(work);
    vg_free(count);
    vg_free(idx);
    return rc;
}

static int alloc_accounts(vigil_ctx *ctx, const vigil_table *t, vigil_accounts **out) {
    vigil_accounts *a = vg_calloc(1, sizeof *a);
    size_t kn, kr;
    int w, ok;
    *out = a;
    if (a == NULL) return vigil_nomem(ctx, "vigil_accounts");
    a->n = t->n;
    a->k = t->F.nrow;
    a->nreg = t->nreg;
    kn = (size_t)a->k * (size_t)a->n;
    kr = (size_t)a->k * (size_t)a->nreg;
    a->x = vg_calloc((size_t)a->n, sizeof *a->x);
    a->S = vg_calloc(kn, sizeof *a->S);
    a->M = vg_calloc(kn, sizeof *a->M);
    a->e = vg_calloc((size_t)a->n, sizeof *a->e);
    a->u = vg_calloc((size_t)a->n, sizeof *a->u);
    a->v = vg_calloc((size_t)a->n, sizeof *a->v);
    a->X = vg_malloc_array((size_t)a->n * (size_t)a->nreg, sizeof *a->X);
    ok = a->x && a->S && a->M && a->e && a->u && a->v && a->X;
    for (w = 0; w < VIGIL_NACCOUNTS; w++)
        ok = (a->acc[w] = vg_calloc(kr, sizeof *a->acc[w])) != NULL && ok;
    return ok ? VIGIL_OK : vigil_nomem(ctx, "vigil_accounts");
}

/* M = S L by the transposed solve (I - A)' M' = S'. */
static int multipliers(vigil_ctx *ctx, const vigil_mrio *m, vigil_accounts *a) {
    long k, i, n = a->n;
    double *mt = vg_malloc_array((size_t)n * (size_t)(a->k ? a->k : 1), sizeof *mt);
    int rc;
    if (mt == NULL) return vigil_nomem(ctx, "vigil_accounts");
    for (i = 0; i < n; i++)
        for (k = 0; k < a->k; k++) mt[i * a->k + k] = a->S[k * n + i];
    rc = vigil_mrio_solve_t(ctx, m, mt, a->k);
    for (i = 0; rc == VIGIL_OK && i < n; i++)
        for (k = 0; k < a->k; k++) a->M[k * n + i] = mt[i * a->k + k];
    vg_free(mt);
    return rc;
}

/* The parts that need Z but not the factors of I - A: S, and the local
** Leontief split (e, u, v) with its accounts. Fills yr (n x nreg). */
static int local_phase(vigil_ctx *ctx, const vigil_table *t, vigil_accounts *a,
                       double *yr) {
    int rc;
    y_by_region(t, yr);
    intensities(t, a->S);
    rc = local_split(ctx, t, a, yr);
    if (rc == VIGIL_OK) local_accounts(t, a);
    return rc;
}

/* The parts that need the factors but not Z: X = L Y_reg, x = L y, the
** regional accounts, the global split and M. */
static int global_phase(vigil_ctx *ctx, const vigil_table *t, const vigil_mrio *m,
                        vigil_accounts *a, const double *yr) {
    long i, d, R = t->nreg;
    double *X = a->X;
    int rc;
    memcpy(X, yr, sizeof *X * (size_t)t->n * (size_t)R);
    if ((rc = vigil_mrio_solve(ctx, m, X, R)) != VIGIL_OK) return rc;
    for (i = 0; i < t->n; i++)
        for (d = 0; d < R; d++) a->x[i] += X[i * R + d];
    regional(t, a, X);
    global_split(t, a, X, yr);
    return multipliers(ctx, m, a);
}

/* The accounts and yr (n x nreg scratch) for t; on failure *a may hold a
** part, for finish to free. where names the caller in messages. */
static int begin(vigil_ctx *ctx, const vigil_table *t, const char *where,
                 vigil_accounts **a, double **yr) {
    int rc = vg_table_check_flows(ctx, t, where);
    *a = NULL;
    *yr = NULL;
    gsl_set_error_handler_off();
    if (rc != VIGIL_OK) return rc;
    *yr = vg_malloc_array((size_t)t->n * (size_t)t->nreg, sizeof **yr);
    if (*yr == NULL) return vigil_nomem(ctx, "vigil_accounts");
    return alloc_accounts(ctx, t, a);
}

/* Frees yr, and a on failure; hands a out on success. Returns rc. */
static int finish(int rc, double *yr, vigil_accounts *a, vigil_accounts **out) {
    vg_free(yr);
    if (rc != VIGIL_OK) {
        vigil_accounts_free(a);
        a = NULL;
    }
    *out = a;
    return rc;
}

int vigil_accounts_compute(vigil_ctx *ctx, const vigil_table *t,
                           const vigil_mrio *m, vigil_accounts **out) {
    vigil_accounts *a;
    double *yr;
    int rc = begin(ctx, t, "vigil_accounts_compute", &a, &yr);
    if (rc == VIGIL_OK) rc = local_phase(ctx, t, a, yr);
    if (rc == VIGIL_OK) rc = global_phase(ctx, t, m, a, yr);
    return finish(rc, yr, a, out);
}

/*
** The two steps of vigil_mrio_factor + vigil_accounts_compute with one
** n x n array instead of two: everything that reads Z comes first, then
** I - A is formed and factored in Z's storage (vg_mrio_factor_in_place),
** then the solves. Each account is the same sum, in the same order, as in
** the two calls, so the results are identical.
*/
int vigil_accounts_compute_consume(vigil_ctx *ctx, vigil_table *t, vigil_mrio **m,
                                   vigil_accounts **out) {
    vigil_accounts *a;
    double *yr;
    int rc = begin(ctx, t, "vigil_accounts_compute_consume", &a, &yr);
    *m = NULL;
    if (rc == VIGIL_OK) rc = local_phase(ctx, t, a, yr);
    if (rc == VIGIL_OK) rc = vg_mrio_factor_in_place(ctx, t, m);
    if (rc == VIGIL_OK) rc = global_phase(ctx, t, *m, a, yr);
    if (rc != VIGIL_OK) {
        vigil_mrio_free(*m);
        *m = NULL;
    }
    return finish(rc, yr, a, out);
}

void vigil_accounts_free(vigil_accounts *a) {
    int w;
    if (a == NULL) return;
    vg_free(a->x);
    vg_free(a->S);
    vg_free(a->M);
    vg_free(a->e);
    vg_free(a->u);
    vg_free(a->v);
    vg_free(a->X);
    for (w = 0; w < VIGIL_NACCOUNTS; w++) vg_free(a->acc[w]);
    vg_free(a);
}

const double *vigil_accounts_get(const vigil_accounts *a, enum vigil_account w) {
    return a->acc[w];
}
const double *vigil_accounts_x(const vigil_accounts *a) { return a->x; }
const double *vigil_accounts_multipliers(const vigil_accounts *a) { return a->M; }
const double *vigil_accounts_intensities(const vigil_accounts *a) { return a->S; }
const double *vigil_accounts_exports(const vigil_accounts *a) { return a->e; }
const double *vigil_accounts_export_output(const vigil_accounts *a) { return a->u; }
const double *vigil_accounts_domestic_output(const vigil_accounts *a) { return a->v; }
const double *vigil_accounts_output_by_region(const vigil_accounts *a) { return a->X; }
