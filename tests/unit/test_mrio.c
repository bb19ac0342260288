/*
** Known answers on the textbook table (tests/data/textbook: a two-region
** table built from Miller & Blair 2009, Table 2.3; exact answers from
** fractions in solve.py), identities of the accounts, the solves against
** the explicit inverse, and allocation failures at every site.
*/
#include <math.h>

#include "mrio_testutil.h"

static vigil_table *load(vigil_ctx *ctx, const char *dir) {
    vigil_table_opts o;
    vigil_table *t = NULL;
    memset(&o, 0, sizeof o);
    o.dir = dir;
    if (vigil_table_load(ctx, &o, &t) != VIGIL_OK)
        fprintf(stderr, "load %s: %s\n", dir, vigil_errmsg(ctx));
    return t;
}

/* Index of a label among n labels given by an accessor, or -1. */
static long find(const vigil_table *t, long n, const char *(*get)(const vigil_table *, long),
                 const char *lab) {
    long i;
    for (i = 0; i < n; i++)
        if (strcmp(get(t, i), lab) == 0) return i;
    return -1;
}

static const struct { const char *q; int which; } regional[] = {
    {"D_cba_reg", VIGIL_D_CBA}, {"D_pba_reg", VIGIL_D_PBA},
    {"D_imp_reg", VIGIL_D_IMP}, {"D_exp_reg", VIGIL_D_EXP},
    {"local_domestic", VIGIL_LOCAL_DOMESTIC},
    {"local_export_direct", VIGIL_LOCAL_EXPORT_DIRECT},
    {"local_export_upstream", VIGIL_LOCAL_EXPORT_UPSTREAM},
    {"global_domestic", VIGIL_GLOBAL_DOMESTIC},
    {"global_export_direct", VIGIL_GLOBAL_EXPORT_DIRECT},
    {"global_export_upstream", VIGIL_GLOBAL_EXPORT_UPSTREAM}};

/* The value vigil computed for one row of expected.csv, or NAN. */
static double computed(const vigil_table *t, const vigil_accounts *a,
                       const double *l, const char *q, const char *row, const char *col) {
    long n = vigil_table_ncells(t), R = vigil_table_nregions(t), k, i, j;
    size_t w;
    if (strcmp(q, "x_model") == 0)
        return vigil_accounts_x(a)[find(t, n, vigil_table_cell, row)];
    if (strcmp(q, "L") == 0) {
        i = find(t, n, vigil_table_cell, row);
        j = find(t, n, vigil_table_cell, col);
        return l[i * n + j];
    }
    k = find(t, vigil_table_nstressors(t), vigil_table_stressor, row);
    if (strcmp(q, "M") == 0)
        return vigil_accounts_multipliers(a)[k * n + find(t, n, vigil_table_cell, col)];
    for (w = 0; w < sizeof regional / sizeof regional[0]; w++)
        if (strcmp(q, regional[w].q) == 0)
            return vigil_accounts_get(a, regional[w].which)[k * R +
                                      find(t, R, vigil_table_region, col)];
    return NAN;
}

typedef struct expect_state {
    const vigil_table *t;
    const vigil_accounts *a;
    const double *l;
    char f[4][64];
    int checked;
} expect_state;

static int on_field(void *ud, const char *s, size_t len, long line, long col) {
    expect_state *st = ud;
    (void)len;
    (void)line;
    if (col <= 4) snprintf(st->f[col - 1], sizeof st->f[0], "%s", s);
    return VIGIL_OK;
}

static int on_record(void *ud, long line, long nf) {
    expect_state *st = ud;
    double want, got;
    if (line == 1 || nf != 4 || strcmp(st->f[0], "A") == 0) return VIGIL_OK;
    want = strtod(st->f[3], NULL);
    got = computed(st->t, st->a, st->l, st->f[0], st->f[1], st->f[2]);
    if (!CHECK_ABS(got, want, 1e-12 * fmax(1.0, fabs(want))))
        fprintf(stderr, "  at %s[%s, %s]\n", st->f[0], st->f[1], st->f[2]);
    st->checked++;
    return VIGIL_OK;
}

static void known_answers(vigil_ctx *ctx) {
    char dir[4096], exp[4096];
    vigil_table *t = load(ctx, tu_path(dir, sizeof dir, "VIGIL_SOURCE", "tests/data/textbook"));
    vigil_mrio *m = NULL;
    vigil_accounts *a = NULL;
    expect_state st;
    vg_csv_cb cb = {on_field, on_record, NULL};
    double *l;
    if (!CHECK(t != NULL)) return;
    CHECK(vigil_mrio_factor(ctx, t, &m) == VIGIL_OK);
    CHECK(vigil_accounts_compute(ctx, t, m, &a) == VIGIL_OK);
    l = malloc(sizeof *l * 16);
    CHECK(vigil_mrio_leontief(ctx, m, l) == VIGIL_OK);
    memset(&st, 0, sizeof st);
    st.t = t;
    st.a = a;
    st.l = l;
    cb.ud = &st;
    tu_path(exp, sizeof exp, "VIGIL_SOURCE", "tests/data/textbook/expected.csv");
    CHECK(vg_csv_read(ctx, exp, &cb) == VIGIL_OK);
    CHECK(st.checked == 68); /* expected.csv: 84 rows, 16 of them A (not kept) */
    free(l);
    vigil_accounts_free(a);
    vigil_mrio_free(m);
    vigil_table_free(t);
}

/* Conservation: what consumers are attributed equals what producers emit
** (sum D_cba = sum D_pba), D_pba = D_cba - D_imp + D_exp region by region,
** and on a balanced table the local decomposition adds up to F. */
static void identities(vigil_ctx *ctx) {
    char dir[4096];
    vigil_table *t = load(ctx, tu_path(dir, sizeof dir, "VIGIL_SOURCE", "tests/data/textbook"));
    vigil_mrio *m = NULL;
    vigil_accounts *a = NULL;
    long k, r, R, n, i;
    if (!CHECK(t != NULL)) return;
    CHECK(vigil_mrio_factor(ctx, t, &m) == VIGIL_OK);
    CHECK(vigil_accounts_compute(ctx, t, m, &a) == VIGIL_OK);
    R = vigil_table_nregions(t);
    n = vigil_table_ncells(t);
    for (k = 0; k < vigil_table_nstressors(t); k++) {
        double cba = 0, pba = 0;
        for (r = 0; r < R; r++) {
            const double *g = vigil_accounts_get(a, VIGIL_D_CBA);
            double f = 0, loc = 0;
            cba += g[k * R + r];
            pba += vigil_accounts_get(a, VIGIL_D_PBA)[k * R + r];
            CHECK_REL(vigil_accounts_get(a, VIGIL_D_PBA)[k * R + r],
                      g[k * R + r] - vigil_accounts_get(a, VIGIL_D_IMP)[k * R + r] +
                          vigil_accounts_get(a, VIGIL_D_EXP)[k * R + r], 1e-13);
            for (i = 0; i < n; i++)
                if (vigil_table_cell_region(t, i) == r)
                    f += vigil_accounts_intensities(a)[k * n + i] * vigil_table_x(t)[i];
            loc = vigil_accounts_get(a, VIGIL_LOCAL_DOMESTIC)[k * R + r] +
                  vigil_accounts_get(a, VIGIL_LOCAL_EXPORT_DIRECT)[k * R + r] +
                  vigil_accounts_get(a, VIGIL_LOCAL_EXPORT_UPSTREAM)[k * R + r];
            CHECK_REL(loc, f, 1e-13);
            CHECK_REL(vigil_accounts_get(a, VIGIL_GLOBAL_DOMESTIC)[k * R + r] +
                          vigil_accounts_get(a, VIGIL_D_EXP)[k * R + r],
                      vigil_accounts_get(a, VIGIL_D_PBA)[k * R + r], 1e-13);
        }
        CHECK_REL(cba, pba, 1e-13);
    }
    vigil_accounts_free(a);
    vigil_mrio_free(m);
    vigil_table_free(t);
}

/* solve and solve_t against the explicit inverse on a real table when
** present (245 cells), else on the textbook table. */
static void solves(vigil_ctx *ctx) {
    char dir[4096];
    vigil_table *t;
    vigil_mrio *m = NULL;
    long n, i, j;
    double *l, *b, *bt, worst = 0;
    tu_path(dir, sizeof dir, "VIGIL_SHARED", "data/mrio/wiod2013_7reg_2011/Z.csv");
    if (tu_exists(dir)) tu_path(dir, sizeof dir, "VIGIL_SHARED", "data/mrio/wiod2013_7reg_2011");
    else tu_path(dir, sizeof dir, "VIGIL_SOURCE", "tests/data/textbook");
    if (!CHECK((t = load(ctx, dir)) != NULL)) return;
    CHECK(vigil_mrio_factor(ctx, t, &m) == VIGIL_OK);
    n = vigil_table_ncells(t);
    l = malloc(sizeof *l * (size_t)(n * n));
    b = malloc(sizeof *b * (size_t)n);
    bt = malloc(sizeof *bt * (size_t)n);
    CHECK(vigil_mrio_leontief(ctx, m, l) == VIGIL_OK);
    for (i = 0; i < n; i++) b[i] = bt[i] = 1.0 + (double)(i % 7);
    CHECK(vigil_mrio_solve(ctx, m, b, 1) == VIGIL_OK);
    CHECK(vigil_mrio_solve_t(ctx, m, bt, 1) == VIGIL_OK);
    for (i = 0; i < n; i++) {
        double s = 0, st = 0;
        for (j = 0; j < n; j++) {
            s += l[i * n + j] * (1.0 + (double)(j % 7));
            st += l[j * n + i] * (1.0 + (double)(j % 7));
        }
        worst = fmax(worst, fmax(fabs(b[i] - s) / fabs(s), fabs(bt[i] - st) / fabs(st)));
    }
    CHECK(worst < 1e-12);
    free(l);
    free(b);
    free(bt);
    vigil_mrio_free(m);
    vigil_table_free(t);
}

/* Every allocation of load + factor + accounts may fail: each failure is
** reported as out of memory, never a crash (leaks show under ASan). */
static void alloc_failures(void) {
    char dir[4096];
    long k, refused;
    tu_path(dir, sizeof dir, "VIGIL_SOURCE", "tests/data/textbook");
    for (k = 0;; k++) {
        vigil_ctx *ctx;
        vigil_table_opts o;
        vigil_table *t = NULL;
        vigil_mrio *m = NULL;
        vigil_accounts *a = NULL;
        int rc;
        memset(&o, 0, sizeof o);
        o.dir = dir;
        if ((ctx = vigil_open()) == NULL) break;
        vg_alloc_fail_after(k);
        rc = vigil_table_load(ctx, &o, &t);
        if (rc == VIGIL_OK) rc = vigil_mrio_factor(ctx, t, &m);
        if (rc == VIGIL_OK) rc = vigil_accounts_compute(ctx, t, m, &a);
        refused = vg_alloc_fail_after(-1);
        if (refused == 0) {
            CHECK(rc == VIGIL_OK);
            vigil_accounts_free(a);
            vigil_mrio_free(m);
            vigil_table_free(t);
            vigil_close(ctx);
            break;
        }
        if (!CHECK(rc == VIGIL_ENOMEM)) fprintf(stderr, "  k=%ld rc=%d %s\n", k, rc, vigil_errmsg(ctx));
        vigil_accounts_free(a);
        vigil_mrio_free(m);
        vigil_table_free(t);
        vigil_close(ctx);
    }
    CHECK(k > 20); /* the walk really went through the allocation sites */
}

int main(void) {
    vigil_ctx *ctx = vigil_open();
    known_answers(ctx);
    identities(ctx);
    solves(ctx);
    alloc_failures();
    vigil_close(ctx);
    return test_done();
}
