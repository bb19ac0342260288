/*
** Multi-regional input-output (MRIO) tables and their accounts.
**
** A table is a directory in vigil's canonical layout (docs/FORMATS.md):
** Z.csv (intermediate flows), Y.csv (final demand, columns REGION_CATEGORY),
** optional x.csv (gross output) and F.csv (satellite stressors, rows =
** stressor, columns = REGION_SECTOR), optional F_Y.csv (stressors emitted
** by final demand directly, columns as Y.csv). The accounts follow pymrio's
** definitions (D_cba, D_pba, D_imp, D_exp by region) and the export-linked
** decomposition of the 2019 Alliance 8.7 supply-chain report.
*/
#ifndef VIGIL_MRIO_H
#define VIGIL_MRIO_H

#include "vigil/vigil.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct vigil_table vigil_table;
typedef struct vigil_mrio vigil_mrio;
typedef struct vigil_accounts vigil_accounts;

/* Where a table's files are and how strictly to check it. Unset paths
** (NULL) default to dir/Z.csv, dir/Y.csv, dir/x.csv, dir/F.csv and
** dir/F_Y.csv; x, F and F_Y are optional unless given explicitly. */
typedef struct vigil_table_opts {
    const char *dir;
    const char *z_path, *y_path, *x_path, *f_path, *fy_path;
    /* A row fails the balance check when |rowsum(Z) + rowsum(Y) - x| >
    ** balance_tol * max(|x_i|, mean |x|). Published tables are rounded,
    ** so the default (opts zeroed) is 0.01; negative turns the check off. */
    double balance_tol;
} vigil_table_opts;

/* Loads and validates a table; the caller frees *out with vigil_table_free.
** On bad data returns VIGIL_EDATA with a "file:line:col: message". */
int vigil_table_load(vigil_ctx *ctx, const vigil_table_opts *opts,
                     vigil_table **out);
void vigil_table_free(vigil_table *t); /* accepts NULL */

long vigil_table_ncells(const vigil_table *t);
long vigil_table_nregions(const vigil_table *t);
long vigil_table_nstressors(const vigil_table *t);
const char *vigil_table_cell(const vigil_table *t, long i);      /* borrowed */
const char *vigil_table_region(const vigil_table *t, long r);    /* borrowed */
const char *vigil_table_stressor(const vigil_table *t, long k);  /* borrowed */
long vigil_table_cell_region(const vigil_table *t, long i);
/* Gross output used for A = Z diag(x)^-1: x.csv when given, else
** rowsum(Z) + rowsum(Y). Borrowed, n values. */
const double *vigil_table_x(const vigil_table *t);

/* Factors (I - A) once (LU with partial pivoting: LAPACK dgetrf from
** OpenBLAS, docs/DECISIONS.md); the
** caller frees *out with vigil_mrio_free. The table must outlive it. */
int vigil_mrio_factor(vigil_ctx *ctx, const vigil_table *t, vigil_mrio **out);
void vigil_mrio_free(vigil_mrio *m); /* accepts NULL */

/* Solves (I - A) X = B in place for nrhs right-hand sides stored as the
** columns of B (n x nrhs, row-major): X = L B. */
int vigil_mrio_solve(vigil_ctx *ctx, const vigil_mrio *m, double *b, long nrhs);
/* Solves (I - A)' X = B in place, same layout: X = L' B. */
int vigil_mrio_solve_t(vigil_ctx *ctx, const vigil_mrio *m, double *b, long nrhs);
/* Writes L = (I - A)^-1 into l (n x n row-major). Only when asked for. */
int vigil_mrio_leontief(vigil_ctx *ctx, const vigil_mrio *m, double *l);

/* The accounts of a table (all regional arrays are nstressors x nregions,
** row-major). The caller frees with vigil_accounts_free. */
int vigil_accounts_compute(vigil_ctx *ctx, const vigil_table *t,
                           const vigil_mrio *m, vigil_accounts **out);
void vigil_accounts_free(vigil_accounts *a);
/* vigil_mrio_factor and vigil_accounts_compute in one call, for a job that
** needs the table's intermediate flows no further (vigil mrio): I - A is
** formed and factored in the storage of the table's Z, so the job holds one
** n x n array instead of two. The results are the same, bit for bit. THE
** TABLE'S Z IS CONSUMED (count on it whether or not the call succeeds):
** afterwards t keeps its labels, x, Y and F, and may go to vigil_mrio_write,
** the vigil_table_ getters and vigil_table_free, but vigil_mrio_factor and
** vigil_accounts_compute refuse it (VIGIL_EUSAGE). The caller frees *m with vigil_mrio_free and *out with
** vigil_accounts_free (both NULL on failure). */
int vigil_accounts_compute_consume(vigil_ctx *ctx, vigil_table *t, vigil_mrio **m,
                                   vigil_accounts **out);

enum vigil_account {
    VIGIL_D_CBA, VIGIL_D_PBA, VIGIL_D_IMP, VIGIL_D_EXP,
    /* export-linked decomposition, local Leontief (per producer region) */
    VIGIL_LOCAL_DOMESTIC, VIGIL_LOCAL_EXPORT_DIRECT, VIGIL_LOCAL_EXPORT_UPSTREAM,
    /* the same with the global Leontief inverse */
    VIGIL_GLOBAL_DOMESTIC, VIGIL_GLOBAL_EXPORT_DIRECT, VIGIL_GLOBAL_EXPORT_UPSTREAM,
    VIGIL_NACCOUNTS
};
/* Borrowed views, valid while a lives. */
const double *vigil_accounts_get(const vigil_accounts *a, enum vigil_account which);
const double *vigil_accounts_x(const vigil_accounts *a);           /* L y, n */
const double *vigil_accounts_multipliers(const vigil_accounts *a); /* M = S L, k x n */
const double *vigil_accounts_intensities(const vigil_accounts *a); /* S = F / x, k x n */
/* Per-cell vectors of the decompositions, so that any intensity q (per
** unit of output) can be attributed: with cells i of producer region r,
** local export-linked = sum q_i u_i, of which direct sum q_i e_i;
** local domestic = sum q_i v_i; global: X[i, d] is the output of cell i
** driven by region d's final demand (n x nreg). */
const double *vigil_accounts_exports(const vigil_accounts *a);         /* e, n */
const double *vigil_accounts_export_output(const vigil_accounts *a);   /* u, n */
const double *vigil_accounts_domestic_output(const vigil_accounts *a); /* v, n */
const double *vigil_accounts_output_by_region(const vigil_accounts *a); /* X, n x nreg */

/* Writes x.csv, multipliers.csv, D_*_reg.csv and export_linked.csv into
** out_dir (created if missing), plus L.csv when with_l. Every file is
** written under a temporary name and renamed only when all are complete. */
int vigil_mrio_write(vigil_ctx *ctx, const vigil_table *t, const vigil_mrio *m,
                     const vigil_accounts *a, const char *out_dir, int with_l);

#ifdef __cplusplus
}
#endif
#endif
