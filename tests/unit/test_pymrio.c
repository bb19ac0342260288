/*
** Cross-check against pymrio (calc_all) on the three tables of
** ../shared/data/mrio: multipliers M and the four regional accounts to a
** relative 1e-9, with the published x as pymrio used it. Skips, saying
** why, when the shared folder is absent.
*/
#include "mrio_testutil.h"

typedef struct refcase {
    const char *dir;    /* under data/mrio */
    const char *z_dir;  /* where Z.csv and Y.csv are */
    const char *f;      /* the stressor file */
    const char *fy;     /* F_Y, or NULL */
    const char *prefix; /* reference file prefix, e.g. results/emissions_ */
} refcase;

static const refcase cases[] = {
    {"pymrio_test", "inputs", "inputs/emissions_F.csv", "inputs/emissions_F_Y.csv",
     "results/emissions_"},
    {"wiod2013_7reg_2011", ".", "va.csv", NULL, "pymrio_reference/va_"},
    {"wiod2013_2011", ".", "va.csv", NULL, "pymrio_reference/va_"},
};

static const char *cell(const vigil_table *t, long i) { return vigil_table_cell(t, i); }
static const char *region(const vigil_table *t, long i) { return vigil_table_region(t, i); }

static double compare_file(vigil_ctx *ctx, const vigil_table *t, const char *base,
                           const char *name, const double *v, int by_cell) {
    char path[4096];
    vg_matcsv ref;
    double worst;
    snprintf(path, sizeof path, "%s%s.csv", base, name);
    if (!tu_read(ctx, path, &ref)) return 1;
    worst = by_cell ? tu_compare(t, v, vigil_table_ncells(t), cell, &ref)
                    : tu_compare(t, v, vigil_table_nregions(t), region, &ref);
    printf("  %-10s %-12s max rel diff %.3g\n", name, "", worst);
    vg_matcsv_free(&ref);
    return worst;
}

static void one(vigil_ctx *ctx, const char *shared, const refcase *c) {
    static const struct { const char *name; int which; } acc[] = {
        {"D_cba_reg", VIGIL_D_CBA}, {"D_pba_reg", VIGIL_D_PBA},
        {"D_imp_reg", VIGIL_D_IMP}, {"D_exp_reg", VIGIL_D_EXP}};
    char dir[4096], f[4096], fy[4096], base[4096];
    vigil_table_opts o;
    vigil_table *t = NULL;
    vigil_mrio *m = NULL;
    vigil_accounts *a = NULL;
    size_t w;
    memset(&o, 0, sizeof o);
    snprintf(dir, sizeof dir, "%s/data/mrio/%s/%s", shared, c->dir, c->z_dir);
    snprintf(f, sizeof f, "%s/data/mrio/%s/%s", shared, c->dir, c->f);
    snprintf(base, sizeof base, "%s/data/mrio/%s/%s", shared, c->dir, c->prefix);
    o.dir = dir;
    o.f_path = f;
    if (c->fy) {
        snprintf(fy, sizeof fy, "%s/data/mrio/%s/%s", shared, c->dir, c->fy);
        o.fy_path = fy;
    }
    printf("%s\n", c->dir);
    if (!CHECK(vigil_table_load(ctx, &o, &t) == VIGIL_OK)) {
        fprintf(stderr, "%s\n", vigil_errmsg(ctx));
        return;
    }
    CHECK(vigil_mrio_factor(ctx, t, &m) == VIGIL_OK);
    CHECK(vigil_accounts_compute(ctx, t, m, &a) == VIGIL_OK);
    if (a) {
        CHECK(compare_file(ctx, t, base, "M", vigil_accounts_multipliers(a), 1) <= 1e-9);
        for (w = 0; w < sizeof acc / sizeof acc[0]; w++)
            CHECK(compare_file(ctx, t, base, acc[w].name,
                               vigil_accounts_get(a, acc[w].which), 0) <= 1e-9);
    }
    vigil_accounts_free(a);
    vigil_mrio_free(m);
    vigil_table_free(t);
}

int main(void) {
    char probe[4096];
    const char *shared = getenv("VIGIL_SHARED");
    vigil_ctx *ctx;
    size_t i;
    if (shared == NULL) shared = "../shared";
    snprintf(probe, sizeof probe, "%s/data/mrio/README.md", shared);
    if (!tu_exists(probe))
        return test_skip("the shared MRIO tables (../shared/data/mrio) are absent: "
                         "they are third-party data, read in place, never copied");
    ctx = vigil_open();
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) one(ctx, shared, &cases[i]);
    vigil_close(ctx);
    return test_done();
}
