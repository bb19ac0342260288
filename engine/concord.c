/*
** Concordances: the table's sectors onto the three broad sectors of the
** labour statistics, and its regions onto labour regions (many to many,
** with weights). A region or sector without an entry is an error that
** names it: silently dropping labour would break the published totals.
*/
#include <math.h>
#include <string.h>

#include "world_int.h"

static const char *const sector_names[VIGIL_NSECTORS] = {"agriculture", "industry",
                                                         "services"};

const char *vigil_sector_name(int b) { return sector_names[b]; }

static int broad_index(const char *s) {
    int b;
    for (b = 0; b < VIGIL_NSECTORS; b++)
        if (strcmp(s, sector_names[b]) == 0) return b;
    return -1;
}

/* The sector code of a cell label (after the first '_'). */
static const char *sector_of(const char *label) { return strchr(label, '_') + 1; }

int vg_concord_sectors(vigil_ctx *ctx, vigil_world *w, const char *path) {
    static const char *const req[] = {"mrio_sector", "broad_sector", NULL};
    const vigil_table *t = w->table;
    vg_tidy c;
    long i, r, cs, cb;
    int rc = vg_tidy_read(ctx, path, req, &c);
    if (rc != VIGIL_OK) return rc;
    cs = vg_tidy_col(&c, "mrio_sector");
    cb = vg_tidy_col(&c, "broad_sector");
    w->broad = vg_malloc_array((size_t)t->n, sizeof *w->broad);
    if (w->broad == NULL) rc = vigil_nomem(ctx, path);
    for (i = 0; rc == VIGIL_OK && i < t->n; i++) w->broad[i] = -1;
    for (r = 0; rc == VIGIL_OK && r < c.nrow; r++) {
        int b = broad_index(vg_tidy_str(&c, r, cb));
        if (b < 0) {
            rc = vg_tidy_err(ctx, &c, r, cb, VIGIL_EDATA,
                             "broad sector '%s' is not agriculture, industry or services",
                             vg_tidy_str(&c, r, cb));
            break;
        }
        for (i = 0; i < t->n; i++)
            if (strcmp(sector_of(t->Z.col[i]), vg_tidy_str(&c, r, cs)) == 0) {
                if (w->broad[i] >= 0 && w->broad[i] != b) {
                    rc = vg_tidy_err(ctx, &c, r, cs, VIGIL_EDATA,
                                     "sector '%s' is mapped twice", vg_tidy_str(&c, r, cs));
                    break;
                }
                w->broad[i] = b;
            }
    }
    for (i = 0; rc == VIGIL_OK && i < t->n; i++)
        if (w->broad[i] < 0)
            rc = vigil_seterr(ctx, VIGIL_EDATA,
                              "%s: sector '%s' of the table (cell '%s') has no broad sector",
                              path, sector_of(t->Z.col[i]), t->Z.col[i]);
    vg_tidy_free(&c);
    return rc;
}

long vg_family_find(const vg_family *f, const char *name) {
    long g;
    for (g = 0; g < f->n; g++)
        if (strcmp(f->name[g], name) == 0) return g;
    return -1;
}

static long add_labour_region(vg_family *f, const char *name) {
    long g = vg_family_find(f, name);
    char **nm;
    if (g >= 0) return g;
    nm = vg_realloc(f->name, sizeof *nm * (size_t)(f->n + 1));
    if (nm == NULL) return -1;
    f->name = nm;
    if ((nm[f->n] = vg_strdup(name)) == NULL) return -1;
    return f->n++;
}

static long table_region(const vigil_table *t, const char *code) {
    long m;
    for (m = 0; m < t->nreg; m++)
        if (strcmp(t->region[m], code) == 0) return m;
    return -1;
}

/* Gross output of MRIO region m: the fallback key when a concordance row
** has no population. */
static double region_output(const vigil_table *t, long m) {
    double s = 0;
    long i;
    for (i = 0; i < t->n; i++)
        if (t->cell_region[i] == m) s += t->x[i];
    return s;
}

/* Reads the rows into weights (per MRIO region) and population keys. */
static int read_region_rows(vigil_ctx *ctx, vigil_world *w, vg_family *f,
                            const vg_tidy *c, double *wsum, double *key) {
    const vigil_table *t = w->table;
    long r, cm = vg_tidy_col(c, "mrio_region"), cg = vg_tidy_col(c, "labour_region");
    long cw = vg_tidy_col(c, "weight"), cp = vg_tidy_col(c, "overlap_population");
    int rc = VIGIL_OK;
    for (r = 0; rc == VIGIL_OK && r < c->nrow; r++) {
        long m = table_region(t, vg_tidy_str(c, r, cm)), g;
        double wt, pop;
        if (m < 0)
            return vg_tidy_err(ctx, c, r, cm, VIGIL_EDATA,
                               "'%s' is not a region of the table",
                               vg_tidy_str(c, r, cm));
        if ((rc = vg_tidy_num(ctx, c, r, cw, &wt)) != VIGIL_OK) return rc;
        if (wt < 0 || wt > 1)
            return vg_tidy_err(ctx, c, r, cw, VIGIL_EDATA,
                               "weight %.15g is outside [0, 1]", wt);
        if ((g = add_labour_region(f, vg_tidy_str(c, r, cg))) < 0)
            return vigil_nomem(ctx, c->path);
        wsum[m] += wt;
        if (cp >= 0 && *vg_tidy_str(c, r, cp)) {
            if ((rc = vg_tidy_num(ctx, c, r, cp, &pop)) != VIGIL_OK) return rc;
            if (pop < 0)
                return vg_tidy_err(ctx, c, r, cp, VIGIL_EDATA, "negative population %.15g", pop);
            if (pop > 1e10) /* sums of several near DBL_MAX would overflow */
                return vg_tidy_err(ctx, c, r, cp, VIGIL_EDATA,
                                   "population %.15g is more than the world's (a unit "
                                   "error?)", pop);
        } else {
            pop = -1; /* no population: the output fallback, marked by a negative key */
        }
        key[r] = pop < 0 ? -wt * region_output(t, m) : pop;
    }
    return rc;
}

/* share[g][m] from the keys: population overlaps where every row of g
** has one, else each MRIO region's weighted gross output. */
static int fill_shares(vigil_ctx *ctx, vigil_world *w, vg_family *f, const vg_tidy *c,
                       const double *key) {
    long R = w->table->nreg, r, g, cm = vg_tidy_col(c, "mrio_region");
    long cg = vg_tidy_col(c, "labour_region");
    f->share = vg_calloc((size_t)(f->n * R), sizeof *f->share);
    if (f->share == NULL) return vigil_nomem(ctx, c->path);
    for (g = 0; g < f->n; g++) {
        int by_output = 0;
        double tot = 0;
        for (r = 0; r < c->nrow; r++)
            if (strcmp(vg_tidy_str(c, r, cg), f->name[g]) == 0 && key[r] < 0) by_output = 1;
        for (r = 0; r < c->nrow; r++) {
            long m;
            if (strcmp(vg_tidy_str(c, r, cg), f->name[g]) != 0) continue;
            m = table_region(w->table, vg_tidy_str(c, r, cm));
            f->share[g * R + m] += by_output ? fabs(key[r]) : key[r];
        }
        for (r = 0; r < R; r++) tot += f->share[g * R + r];
        if (!(tot > 0))
            return vigil_seterr(ctx, VIGIL_EDATA,
                                "%s: labour region '%s' has no population or output "
                                "in the table's regions", c->path, f->name[g]);
        for (r = 0; r < R; r++) f->share[g * R + r] /= tot;
    }
    return VIGIL_OK;
}

int vg_concord_regions(vigil_ctx *ctx, vigil_world *w, enum vigil_labour fam,
                       const char *path) {
    static const char *const req[] = {"mrio_region", "labour_region", "weight", NULL};
    vg_family *f = &w->fam[fam];
    const vigil_table *t = w->table;
    double *wsum = NULL, *key = NULL;
    vg_tidy c;
    long m;
    int rc = vg_tidy_read(ctx, path, req, &c);
    if (rc != VIGIL_OK) return rc;
    if ((f->region_path = vg_strdup(path)) == NULL) rc = vigil_nomem(ctx, path);
    wsum = vg_calloc((size_t)t->nreg, sizeof *wsum);
    key = vg_calloc((size_t)(c.nrow ? c.nrow : 1), sizeof *key);
    if (rc == VIGIL_OK && (wsum == NULL || key == NULL)) rc = vigil_nomem(ctx, path);
    if (rc == VIGIL_OK) rc = read_region_rows(ctx, w, f, &c, wsum, key);
    for (m = 0; rc == VIGIL_OK && m < t->nreg; m++)
        if (wsum[m] == 0)
            rc = vigil_seterr(ctx, VIGIL_EDATA, "%s: region '%s' of the table has no entry",
                              path, t->region[m]);
        else if (fabs(wsum[m] - 1.0) > 1e-6)
            rc = vigil_seterr(ctx, VIGIL_EDATA,
                              "%s: the weights of region '%s' add up to %.6g, not 1",
                              path, t->region[m], wsum[m]);
    if (rc == VIGIL_OK) rc = fill_shares(ctx, w, f, &c, key);
    vg_free(wsum);
    vg_free(key);
    vg_tidy_free(&c);
    return rc;
}
