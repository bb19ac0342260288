/*
** The economy of one year under final-demand and trade shocks.
**
** shock.demand scales consuming regions' final demand for a sector's
** products. trade.tariff and trade.ban change where buyers in the
** importing regions source a product: with an Armington elasticity sigma
** (Armington 1969, IMF Staff Papers 16(1)), the quantity bought from a
** taxed origin falls by the factor (1 + rate)^(-sigma) and, holding the
** buyer's total use of the product fixed (substitution only, a first-order
** simplification documented in docs/MODEL.md), the other sources of the
** same product - domestic ones included - make up the difference in
** proportion to what they supplied. A ban is the limit (factor 0); a share
** `leakage` of the lost exports is sold to the origin's own final demand.
** The changed technical coefficients and final demand are solved for the
** new output x' = (I - A')^-1 y' and the new accounts.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model.h"

#define VG_ECON_CACHE 8

static int is_econ_lever(const vigil_lever *l) {
    return l->kind == VIGIL_SHOCK_DEMAND || l->kind == VIGIL_TRADE_TARIFF ||
           l->kind == VIGIL_TRADE_BAN;
}

static double param(const vg_run *r, long li, const char *key, double def) {
    const vigil_lever *l = vigil_scenario_lever(r->s, li);
    int k;
    for (k = 0; k < l->nparam; k++)
        if (strcmp(l->key[k], key) == 0) return r->pv[li * VIGIL_LEVER_MAXPARAM + k];
    return def;
}

/* The cache key of year t: the active levers and their drawn values. */
static int make_key(const vg_run *r, int t, const unsigned char *mask, char *key, size_t n) {
    long li, used = 0;
    int any = 0, k;
    key[0] = '\0';
    for (li = 0; r->s && li < vigil_scenario_nlevers(r->s); li++) {
        const vigil_lever *l = vigil_scenario_lever(r->s, li);
        if (!is_econ_lever(l) || !vg_lever_on(r, li, mask) || t < l->from || t > l->to) continue;
        any = 1;
        used += snprintf(key + used, n - (size_t)used, "%ld:", li);
        for (k = 0; k < l->nparam && (size_t)used < n; k++)
            used += snprintf(key + used, n - (size_t)used, "%.17g,",
                             r->pv[li * VIGIL_LEVER_MAXPARAM + k]);
        if ((size_t)used >= n) return -1;
    }
    return any;
}

/* Final demand: consuming regions covered by the lever buy (1 + change)
** of the sector's products (from the origin regions, when given). */
static void apply_demand(const vg_run *r, long li, vigil_table *t) {
    const vigil_lever *l = vigil_scenario_lever(r->s, li);
    double f = 1 + param(r, li, "change", 0);
    long i, j, ny = t->Y.ncol;
    for (j = 0; j < ny; j++) {
        if (!vigil_world_region_covers(r->w, l->region, t->y_region[j])) continue;
        for (i = 0; i < t->n; i++)
            if (vigil_sector_covers_cell(r->w, l->sector, i) &&
                (l->origin == NULL || vigil_world_region_covers(r->w, l->origin, t->cell_region[i])))
                t->Y.v[i * ny + j] *= fmax(0, f);
    }
}

/*
** Re-sources one buyer's purchases of one product: v[k*stride] for the
** supplying cells idx[0..ns) (all cells of the product's sector). The
** origin cell `from` is scaled by f; the other sources absorb the
** difference in proportion to what they supply. Returns the quantity the
** origin lost.
*/
static double resource(double *v, size_t stride, const long *idx, long ns, long from,
                       double f) {
    double *p = v + (size_t)from * stride, lost = *p * (1 - f), other = 0;
    long k;
    *p *= f;
    for (k = 0; k < ns; k++)
        if (idx[k] != from) other += v[(size_t)idx[k] * stride];
    if (other > 0)
        for (k = 0; k < ns; k++)
            if (idx[k] != from) v[(size_t)idx[k] * stride] *= 1 + lost / other;
    return lost;
}

/* The cells (indices) that produce the same sector as cell i. */
static long same_sector(const vigil_table *t, long i, long *idx) {
    const char *s = strchr(t->Z.col[i], '_') + 1;
    long j, ns = 0;
    for (j = 0; j < t->n; j++)
        if (strcmp(strchr(t->Z.col[j], '_') + 1, s) == 0) idx[ns++] = j;
    return ns;
}

/* The factor applied to the quantity importers buy from origin cell i: a
** tariff's (1 + rate)^-sigma; for a ban, 1 - effectiveness, times the
** cell's flagged share when the ban names a risk list of goods. */
static double trade_factor(const vg_run *r, long li, const vigil_lever *l, long i) {
    double sigma = param(r, li, "elasticity", r->coef.armington_sigma), eff;
    if (l->kind == VIGIL_TRADE_TARIFF) return pow(1 + param(r, li, "rate", 0), -sigma);
    eff = param(r, li, "effectiveness", 1);
    if (l->goods) eff *= vigil_world_risk_share(r->w, l->goods, i);
    return 1 - eff;
}

/* The at-risk sales a ban on a list of goods took from each cell, net of
** what leaked to the home market, by list (simulate.c gives them the
** labour of the risk list's goods: risk_concentration, docs/MODEL.md). */
static int record_risk_lost(vigil_ctx *ctx, const vg_run *r, const vigil_lever *l,
                            const double *lost, double kept, vg_econ *ec) {
    long i, k;
    for (k = 0; k < VG_RISK_LISTS; k++)
        if (strcmp(l->goods, vg_risk_list_name(k)) == 0) break;
    if (k == VG_RISK_LISTS) return VIGIL_OK;
    if (ec->risk_lost == NULL &&
        (ec->risk_lost = vg_calloc((size_t)(VG_RISK_LISTS * r->n), sizeof *ec->risk_lost)) == NULL)
        return vigil_nomem(ctx, "trade");
    for (i = 0; i < r->n; i++) ec->risk_lost[k * r->n + i] += lost[i] * fmax(0, kept);
    return VIGIL_OK;
}

/* A tariff or a ban on (origin, sector) into the importers: applied to the
** buyers' columns of A (cells of the importers) and Y (their final demand). */
static int apply_trade(vigil_ctx *ctx, const vg_run *r, long li, vigil_table *t, double *A,
                       long *idx, double *lost_by_cell, vg_econ *ec) {
    const vigil_lever *l = vigil_scenario_lever(r->s, li);
    long i, j, n = t->n, ny = t->Y.ncol;
    /* this lever's losses only: the leakage below must not sell again what
    ** an earlier lever lost */
    memset(lost_by_cell, 0, sizeof *lost_by_cell * (size_t)n);
    for (i = 0; i < n; i++) {
        long ns;
        double f;
        if (!vigil_sector_covers_cell(r->w, l->sector, i)) continue;
        if (l->origin && !vigil_world_region_covers(r->w, l->origin, t->cell_region[i])) continue;
        if ((f = trade_factor(r, li, l, i)) == 1) continue;
        ns = same_sector(t, i, idx);
        for (j = 0; j < n; j++)
            if (vigil_world_region_covers(r->w, l->importer, t->cell_region[j]) &&
                t->cell_region[j] != t->cell_region[i])
                lost_by_cell[i] += resource(A + j, (size_t)n, idx, ns, i, f) * t->x[j];
        for (j = 0; j < ny; j++)
            if (vigil_world_region_covers(r->w, l->importer, t->y_region[j]) &&
                t->y_region[j] != t->cell_region[i])
                lost_by_cell[i] += resource(t->Y.v + j, (size_t)ny, idx, ns, i, f);
    }
    if (l->kind == VIGIL_TRADE_BAN) { /* leakage: sold at home instead */
        double leak = param(r, li, "diversion", r->coef.ban_leakage);
        for (i = 0; i < n; i++)
            for (j = 0; j < ny && lost_by_cell[i] > 0; j++)
                if (t->y_region[j] == t->cell_region[i]) {
                    t->Y.v[i * ny + j] += leak * lost_by_cell[i];
                    break;
                }
        if (l->goods) return record_risk_lost(ctx, r, l, lost_by_cell, 1 - leak, ec);
    }
    return VIGIL_OK;
}

/* Output x' = (I - A')^-1 y' and the new Z' = A' diag(x'). */
static int solve_economy(vigil_ctx *ctx, vg_econ *ec, double *A) {
    vigil_table *t = ec->table;
    long i, j, n = t->n, ny = t->Y.ncol;
    int rc;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) t->Z.v[i * n + j] = A[i * n + j] * t->x[j];
    /* factor with the current x (A' = Z'/x), then solve for the new x */
    if ((rc = vigil_mrio_factor(ctx, t, &ec->mrio)) != VIGIL_OK) return rc;
    for (i = 0; i < n; i++) {
        double y = 0;
        for (j = 0; j < ny; j++) y += t->Y.v[i * ny + j];
        A[i] = y; /* reuse the first row of A as the right-hand side */
    }
    if ((rc = vigil_mrio_solve(ctx, ec->mrio, A, 1)) != VIGIL_OK) return rc;
    for (j = 0; j < n; j++) {
        double xn = fmax(A[j], 0), xo = t->x[j];
        for (i = 0; i < n; i++) t->Z.v[i * n + j] *= xo > 0 ? xn / xo : 0;
        t->x[j] = xn;
    }
    /* A' = Z'/x' is what was factored: the factors stay valid */
    return vigil_accounts_compute(ctx, t, ec->mrio, &ec->acc);
}

/* The consumers' shares of each cell's foreign output (allocate.c's
** footprint rule: export-linked labour follows the cell's output bought by
** final demand abroad, X[i][d] of the global Leontief model), computed once
** per economy rather than once per labour region and year. */
static int econ_shares(vigil_ctx *ctx, const vg_run *r, vg_econ *ec) {
    const vigil_table *t = vigil_world_table(r->w);
    long i, d, n = r->n, R = r->R;
    if ((ec->share = vg_calloc((size_t)(n * R), sizeof *ec->share)) == NULL)
        return vigil_nomem(ctx, "trade");
    for (i = 0; i < n; i++) {
        long home = vigil_table_cell_region(t, i);
        const double *X = ec->X + i * R;
        double fx = 0;
        for (d = 0; d < R; d++)
            if (d != home && X[d] > 0) fx += X[d];
        if (!(fx > 0)) {
            ec->share[i * R + home] = 1;
            continue;
        }
        for (d = 0; d < R; d++)
            if (d != home && X[d] > 0) ec->share[i * R + d] = X[d] / fx;
    }
    return VIGIL_OK;
}

static int build(vigil_ctx *ctx, vg_run *r, int t, const unsigned char *mask, vg_econ *ec) {
    const vigil_table *base = vigil_world_table(r->w);
    const double *x0 = vigil_accounts_x(vigil_world_accounts(r->w));
    long i, j, li, n = base->n;
    double *A = vg_malloc_array((size_t)(n * n), sizeof *A);
    long *idx = vg_malloc_array((size_t)n, sizeof *idx);
    double *lost = vg_calloc((size_t)n, sizeof *lost);
    int rc = (A && idx && lost) ? vg_table_clone(ctx, base, &ec->table)
                                : vigil_nomem(ctx, "trade");
    if (rc == VIGIL_OK) {
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                A[i * n + j] = base->x[j] > 0 ? base->Z.v[i * n + j] / base->x[j] : 0;
        for (li = 0; li < vigil_scenario_nlevers(r->s); li++) {
            const vigil_lever *l = vigil_scenario_lever(r->s, li);
            if (!is_econ_lever(l) || !vg_lever_on(r, li, mask) || t < l->from || t > l->to)
                continue;
            if (l->goods && !vigil_world_has_risk_list(r->w, l->goods)) {
                rc = vigil_seterr(ctx, VIGIL_ESCRIPT,
                                  "%s:%d: this world has no list of goods '%s' "
                                  "(risk_lists.csv in its folder)", l->file, l->line, l->goods);
                break;
            }
            if (l->kind == VIGIL_SHOCK_DEMAND) apply_demand(r, li, ec->table);
            else if ((rc = apply_trade(ctx, r, li, ec->table, A, idx, lost, ec)) != VIGIL_OK)
                break;
        }
        if (rc == VIGIL_OK) rc = solve_economy(ctx, ec, A);
    }
    if (rc == VIGIL_OK && (ec->dlnx = vg_malloc_array((size_t)n, sizeof *ec->dlnx)) == NULL)
        rc = vigil_nomem(ctx, "trade");
    for (i = 0; rc == VIGIL_OK && i < n; i++) {
        double xn = vigil_accounts_x(ec->acc)[i];
        ec->dlnx[i] = x0[i] > 0 && xn > 0 ? log(xn / x0[i]) : 0;
    }
    if (rc == VIGIL_OK) {
        ec->changed = 1;
        ec->u = vigil_accounts_export_output(ec->acc);
        ec->v = vigil_accounts_domestic_output(ec->acc);
        ec->e = vigil_accounts_exports(ec->acc);
        ec->X = vigil_accounts_output_by_region(ec->acc);
        rc = econ_shares(ctx, r, ec);
    }
    vg_free(A);
    vg_free(idx);
    vg_free(lost);
    return rc;
}

static void econ_free(vg_econ *ec) {
    if (ec->borrowed) {
        memset(ec, 0, sizeof *ec);
        return;
    }
    vigil_accounts_free(ec->acc);
    vigil_mrio_free(ec->mrio);
    vigil_table_free(ec->table);
    vg_free(ec->dlnx);
    vg_free(ec->share);
    vg_free(ec->risk_lost);
    vg_free(ec->key);
    memset(ec, 0, sizeof *ec);
}

int vg_econ_year(vigil_ctx *ctx, vg_run *r, int t, const unsigned char *mask,
                 const vg_econ **out) {
    char key[8192];
    vg_econ *ec;
    long k;
    int any, rc;
    if (r->ncache == 0) { /* entry 0: the world's own economy */
        if ((r->cache = vg_calloc(8, sizeof *r->cache)) == NULL) return vigil_nomem(ctx, "trade");
        r->cache_cap = 8;
        ec = &r->cache[0];
        ec->u = vigil_accounts_export_output(vigil_world_accounts(r->w));
        ec->v = vigil_accounts_domestic_output(vigil_world_accounts(r->w));
        ec->e = vigil_accounts_exports(vigil_world_accounts(r->w));
        ec->X = vigil_accounts_output_by_region(vigil_world_accounts(r->w));
        ec->dlnx = vg_calloc((size_t)r->n, sizeof *ec->dlnx);
        if (ec->dlnx == NULL) return vigil_nomem(ctx, "trade");
        if ((rc = econ_shares(ctx, r, ec)) != VIGIL_OK) {
            vg_free(ec->dlnx);
            ec->dlnx = NULL;
            return rc;
        }
        r->ncache = 1;
    }
    any = r->s ? make_key(r, t, mask, key, sizeof key) : 0;
    if (any < 0) return vigil_seterr(ctx, VIGIL_EUSAGE, "trade: too many trade levers in %d", t);
    if (any == 0) {
        *out = &r->cache[0];
        return VIGIL_OK;
    }
    for (k = 1; k < r->ncache; k++)
        if (strcmp(r->cache[k].key, key) == 0) {
            *out = &r->cache[k];
            return VIGIL_OK;
        }
    /* Bounded: uncertain trade parameters make a new economy every draw,
    ** so beyond VG_ECON_CACHE entries the built ones are dropped (the
    ** world's own economy, entry 0, stays). */
    if (r->ncache > VG_ECON_CACHE) {
        for (k = 1; k < r->ncache; k++) econ_free(&r->cache[k]);
        r->ncache = 1;
    }
    if (r->ncache == r->cache_cap) {
        vg_econ *c = vg_realloc(r->cache, sizeof *c * (size_t)(2 * r->cache_cap));
        if (c == NULL) return vigil_nomem(ctx, "trade");
        r->cache = c;
        r->cache_cap *= 2;
    }
    ec = &r->cache[r->ncache];
    memset(ec, 0, sizeof *ec);
    if ((ec->key = vg_strdup(key)) == NULL) return vigil_nomem(ctx, "trade");
    if ((rc = build(ctx, r, t, mask, ec)) != VIGIL_OK) {
        econ_free(ec);
        return rc;
    }
    r->ncache++;
    *out = ec;
    return VIGIL_OK;
}

void vg_econ_cache_free(vg_run *r) {
    long k;
    if (r->cache == NULL) return;
    if (!r->cache[0].borrowed) {
        vg_free(r->cache[0].dlnx);
        vg_free(r->cache[0].share);
    }
    for (k = 1; k < r->ncache; k++) econ_free(&r->cache[k]);
    vg_free(r->cache);
    r->cache = NULL;
    r->ncache = r->cache_cap = 0;
}

int vg_econ_cache_borrow(vigil_ctx *ctx, vg_run *r, const vg_run *src) {
    long k, cap = src->ncache > 8 ? src->ncache : 8;
    if (src->ncache == 0) return VIGIL_OK;
    if ((r->cache = vg_calloc((size_t)cap, sizeof *r->cache)) == NULL)
        return vigil_nomem(ctx, "trade");
    for (k = 0; k < src->ncache; k++) {
        r->cache[k] = src->cache[k];
        r->cache[k].borrowed = 1;
    }
    r->ncache = src->ncache;
    r->cache_cap = cap;
    return VIGIL_OK;
}
