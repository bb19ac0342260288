/*
** The yearly model (docs/MODEL.md). Year t is the state on 1 January of
** t, the convention of the ILO-UNICEF estimates ("beginning of 2020"): a
** lever acting during year t shows from t + 1 on.
**
** Child labour of SDG region g in cell i (world.c allocates the 2020
** baseline L0):
**   L_gi(t) = L0_gi G_g(t) exp(C_g(t) + S_g,b(i)(t)) D_i(t)
**   G_g     = ((1 + children's growth)(1 + prevalence trend))^(t - 2020)
**   C_g     = beta dP_g - eta dc_g + school_g   (poverty, social protection,
**             school closures; beta, eta in percent per percentage point)
**   S_g,b   = log(1 - support) for family-farm support (agriculture) and
**             formalisation (industry, services)
**   D_i     = exp(lambda_b dlog x_i)          (labour demand from the MRIO,
**             lambda_agr = lambda (1 - farm income offset))
**   dP_g    = P0_g ((y/y0)^(-e) - 1) + direct poverty shocks
** Each cell's labour is then split into domestic and export-linked parts
** with the world's export-intensity factor rho_g (allocate.c), and due
** diligence removes a share of the export-linked labour that serves the
** covered importers, part of which (displacement) reappears domestically.
** Forced labour follows the same pattern by ILO region and type.
*/
#include <gsl/gsl_blas.h>
#include <math.h>
#include <string.h>

#include "draws.h"
#include "model.h"

/* A lever's drawn parameter by key, or def. */
static double pval(const vg_run *r, long li, const char *key, double def) {
    const vigil_lever *l = vigil_scenario_lever(r->s, li);
    int k;
    for (k = 0; k < l->nparam; k++)
        if (strcmp(l->key[k], key) == 0) return r->pv[li * VIGIL_LEVER_MAXPARAM + k];
    return def;
}

static int has_param(const vigil_lever *l, const char *key) {
    return vigil_lever_param(l, key) != NULL;
}

/* The state that carries over from year to year. */
typedef struct carry {
    double *inc_c, *inc_f;   /* log income level change, child / forced regions */
    double *school;          /* school-closure effect, child regions */
} carry;

/* Policy levels in force during year t - 1, for one evaluation. */
typedef struct policy {
    double *cov;             /* child regions: coverage, percent */
    double *farm, *form;     /* child regions: share of labour removed */
    double *povdev_c, *povdev_f, *tmp_c, *tmp_f; /* direct poverty pp, temporary log income */
    double *enf, *vict;      /* forced regions */
} policy;

static long nlevers(const vg_run *r) { return r->s ? vigil_scenario_nlevers(r->s) : 0; }

static int acts(const vigil_lever *l, int year) { return l->from <= year && year <= l->to; }

/* The share of a policy's full effect reached in `year`: linear over
** phase_in years from its first year (docs/SCENARIOS.md). */
static double phase(const vg_run *r, long li, const vigil_lever *l, int year) {
    double n = pval(r, li, "phase_in", 1);
    return n > 1 ? fmin(1.0, (year - l->from + 1) / n) : 1.0;
}

/* Social protection: absolute coverage or a relative change, phased in
** linearly over phase_in years from the lever's first year. */
static void social(const vg_run *r, long li, const vigil_lever *l, int year, long g,
                   double *cov) {
    double c0 = r->md.child[g].coverage, target = c0, frac = phase(r, li, l, year);
    if (has_param(l, "coverage")) target = 100 * pval(r, li, "coverage", c0 / 100);
    else if (has_param(l, "change")) target = c0 * (1 + pval(r, li, "change", 0));
    *cov = fmin(100, fmax(0, c0 + frac * (target - c0)));
}

/* Log change of household income from shock.income: a share `affected`
** of households lose `loss` of their income during the year. */
static double income_loss(const vg_run *r, long li) {
    double loss = fmin(0.99, pval(r, li, "loss", 0)) * pval(r, li, "affected", 1);
    return log(1 - loss);
}

/* Share of child labour removed by family-farm support or formalisation. */
static double support(const vg_run *r, long li, const vigil_lever *l, int year) {
    return pval(r, li, "coverage", 0) * pval(r, li, "effectiveness", 0) * phase(r, li, l, year);
}

static void child_policy(const vg_run *r, long li, const vigil_lever *l, int year,
                         policy *p) {
    long g;
    for (g = 0; g < r->ng; g++) {
        if (!vigil_lever_covers_labour(l, r->w, VIGIL_CHILD, g)) continue;
        switch (l->kind) {
        case VIGIL_SHOCK_POVERTY: p->povdev_c[g] += pval(r, li, "change", 0); break;
        case VIGIL_SHOCK_INCOME: p->tmp_c[g] += income_loss(r, li); break;
        case VIGIL_POLICY_SOCIAL: social(r, li, l, year, g, &p->cov[g]); break;
        case VIGIL_POLICY_FAMILY_FARM:
            p->farm[g] += support(r, li, l, year); break;
        case VIGIL_POLICY_FORMALISATION:
            p->form[g] += support(r, li, l, year); break;
        default: break;
        }
    }
}

static void forced_policy(const vg_run *r, long li, const vigil_lever *l, int year,
                          policy *p) {
    long h;
    for (h = 0; h < r->nh; h++) {
        if (!vigil_lever_covers_labour(l, r->w, VIGIL_FORCED, h)) continue;
        switch (l->kind) {
        case VIGIL_SHOCK_POVERTY: p->povdev_f[h] += pval(r, li, "change", 0); break;
        case VIGIL_SHOCK_INCOME: p->tmp_f[h] += income_loss(r, li); break;
        case VIGIL_POLICY_ENFORCEMENT: /* detected and, when given, prosecuted */
            p->enf[h] += pval(r, li, "detection", 0) * pval(r, li, "prosecution", 1) *
                         phase(r, li, l, year);
            break;
        case VIGIL_POLICY_VICTIM_ID:
            p->vict[h] = p->vict[h] + (pval(r, li, "identified", 0) - p->vict[h]) *
                                          phase(r, li, l, year);
            break;
        default: break;
        }
    }
}

/* Policy levels for state year t (levers acting during t - 1). */
static void policies(const vg_run *r, const unsigned char *mask, int t, policy *p) {
    long g, li;
    for (g = 0; g < r->ng; g++) {
        p->cov[g] = r->md.child[g].coverage;
        p->farm[g] = p->form[g] = p->povdev_c[g] = p->tmp_c[g] = 0;
    }
    for (g = 0; g < r->nh; g++) {
        p->enf[g] = p->povdev_f[g] = p->tmp_f[g] = 0;
        p->vict[g] = r->coef.victim_id_share;
    }
    for (li = 0; li < nlevers(r); li++) {
        const vigil_lever *l = vigil_scenario_lever(r->s, li);
        if (!vg_lever_on(r, li, mask) || !acts(l, t - 1)) continue;
        child_policy(r, li, l, t - 1, p);
        forced_policy(r, li, l, t - 1, p);
    }
    for (g = 0; g < r->ng; g++) {
        p->farm[g] = fmin(0.95, fmax(0, p->farm[g]));
        p->form[g] = fmin(0.95, fmax(0, p->form[g]));
    }
    for (g = 0; g < r->nh; g++) p->enf[g] = fmin(0.95, fmax(0, p->enf[g]));
}

/* Carries GDP shocks and school closures of year t into the state of t+1. */
static void advance(const vg_run *r, const unsigned char *mask, int t, carry *c) {
    long li, g;
    for (g = 0; g < r->ng; g++) c->school[g] *= r->coef.school_persistence;
    for (li = 0; li < nlevers(r); li++) {
        const vigil_lever *l = vigil_scenario_lever(r->s, li);
        if (!vg_lever_on(r, li, mask) || !acts(l, t)) continue;
        if (l->kind == VIGIL_SHOCK_GDP) {
            double gr = pval(r, li, "growth", 0) / 100;
            for (g = 0; g < r->ng; g++)
                if (vigil_lever_covers_labour(l, r->w, VIGIL_CHILD, g)) c->inc_c[g] += log1p(gr);
            for (g = 0; g < r->nh; g++)
                if (vigil_lever_covers_labour(l, r->w, VIGIL_FORCED, g)) c->inc_f[g] += log1p(gr);
        } else if (l->kind == VIGIL_SHOCK_SCHOOL) {
            double eff = pval(r, li, "months", 0) / 12 * (1 - pval(r, li, "mitigation", 0));
            for (g = 0; g < r->ng; g++)
                if (vigil_lever_covers_labour(l, r->w, VIGIL_CHILD, g))
                    c->school[g] += r->coef.school_effect / 100 * eff;
        }
    }
}

/* Poverty rate (percent) from the baseline, income and direct shocks. */
static double poverty(const vg_run *r, double p0, double inc, double dev) {
    return fmin(100, fmax(0, p0 * exp(-r->coef.poverty_growth_elasticity * inc) + dev));
}

/* Accumulators of one labour region in one year. */
typedef struct acc {
    double total, sector[3], dom, ex, dir, type[3];
} acc;

static void dd_masks(const vg_run *r, const vigil_lever *l, unsigned char *m) {
    const vigil_table *t = vigil_world_table(r->w);
    const char *imp = l->importer ? l->importer : l->region;
    long d, i;
    for (d = 0; d < r->R; d++) m[d] = (unsigned char)vigil_world_region_covers(r->w, imp, d);
    for (i = 0; i < r->n; i++)
        m[r->R + i] = (unsigned char)(vigil_sector_covers_cell(r->w, l->sector, i) &&
                                      (l->origin == NULL ||
                                       vigil_world_region_covers(r->w, l->origin,
                                                                 vigil_table_cell_region(t, i))));
}

/* The masks of lever li: cached for the scenario's own levers, rebuilt in
** the entry's buffer for those on_year hooks add (they change by draw). */
static const unsigned char *dd_lever_masks(vg_run *r, long li, const vigil_lever *l,
                                           vg_dd *e) {
    size_t w = (size_t)(r->R + r->n);
    if (li < r->nstatic && !l->dynamic) {
        if (!r->dd_ready[li]) {
            dd_masks(r, l, r->dd_mask + (size_t)li * w);
            r->dd_ready[li] = 1;
        }
        return r->dd_mask + (size_t)li * w;
    }
    dd_masks(r, l, e->own);
    return e->own;
}

/* Grows the list of due-diligence entries to hold n. */
static int dd_reserve(vg_run *r, long n) {
    long k, cap = r->dd_cap;
    vg_dd *dd;
    if (n <= cap) return VIGIL_OK;
    cap = 2 * n + 4;
    if ((dd = vg_realloc(r->dd, sizeof *dd * (size_t)cap)) == NULL) return VIGIL_ENOMEM;
    r->dd = dd;
    for (k = r->dd_cap; k < cap; k++)
        if ((dd[k].own = vg_malloc((size_t)(r->R + r->n))) == NULL) {
            r->dd_cap = k;
            return VIGIL_ENOMEM;
        }
    r->dd_cap = cap;
    return VIGIL_OK;
}

/* The due-diligence levers in force during year t - 1, into r->dd. */
static int dd_year(vg_run *r, const unsigned char *mask, int t, long *ndd) {
    long li;
    *ndd = 0;
    for (li = 0; li < nlevers(r); li++) {
        const vigil_lever *l = vigil_scenario_lever(r->s, li);
        const unsigned char *m;
        vg_dd *e;
        if (l->kind != VIGIL_POLICY_DUE_DILIGENCE || !vg_lever_on(r, li, mask) ||
            !acts(l, t - 1))
            continue;
        if (dd_reserve(r, *ndd + 1) != VIGIL_OK) return VIGIL_ENOMEM;
        e = &r->dd[(*ndd)++];
        e->k = pval(r, li, "coverage", 0) * pval(r, li, "firm_share", 1) *
               pval(r, li, "effectiveness", 0) * phase(r, li, l, t - 1);
        e->displacement = pval(r, li, "displacement", r->coef.dd_displacement);
        m = dd_lever_masks(r, li, l, e);
        e->imp = m;
        e->cell = m + r->R;
    }
    return VIGIL_OK;
}

/* Due diligence: the share of cell i's foreign final demand that comes from
** the covered importers (global Leontief X). */
static double covered_share(const vg_run *r, const vg_econ *ec, const vg_dd *e, long i,
                            long home) {
    long d, R = r->R;
    const double *X = ec->X + i * R;
    double cov = 0, all = 0;
    for (d = 0; d < R; d++) {
        if (d == home || !(X[d] > 0)) continue;
        all += X[d];
        if (e->imp[d]) cov += X[d];
    }
    return all > 0 ? cov / all : 0;
}

/* Splits a cell's labour L with factor rho and applies the year's due
** diligence (ndd entries of r->dd); adds to a, the domestic part to the
** home region's footprint and the export-linked part to ex_cell[i] (which
** the caller spreads over the consumers once per year, econ_spread). */
static void split_cell(const vg_run *r, long ndd, const vg_econ *ec, long i, long home,
                       double L, double rho, acc *a, double *foot) {
    double den = fmax(ec->v[i], 0) + rho * ec->u[i];
    double q = den > 0 ? L / den : 0, ex = q * rho * ec->u[i], dir = q * rho * ec->e[i];
    double dom = L - ex;
    long k;
    for (k = 0; k < ndd && ex > 0; k++) {
        const vg_dd *e = &r->dd[k];
        double cut;
        if (!e->cell[i]) continue;
        cut = e->k * covered_share(r, ec, e, i, home) * ex;
        dir *= (ex - cut) / ex;
        ex -= cut;
        dom += e->displacement * cut;
    }
    a->total += dom + ex;
    a->dom += dom;
    a->ex += ex;
    a->dir += dir;
    foot[home] += dom;
    r->ex_cell[i] += ex;
}

/* Spreads the export-linked labour of each cell over the consumer regions
** by their shares of its foreign output, foot += share' ex_cell (a BLAS
** dgemv: this product was a third of a draw on WIOD), and clears ex_cell. */
static void econ_spread(const vg_run *r, const vg_econ *ec, double *foot) {
    gsl_matrix_const_view sh = gsl_matrix_const_view_array(ec->share, (size_t)r->n, (size_t)r->R);
    gsl_vector_const_view ex = gsl_vector_const_view_array(r->ex_cell, (size_t)r->n);
    gsl_vector_view f = gsl_vector_view_array(foot, (size_t)r->R);
    gsl_blas_dgemv(CblasTrans, 1.0, &sh.matrix, &ex.vector, 1.0, &f.vector);
    memset(r->ex_cell, 0, sizeof *r->ex_cell * (size_t)r->n);
}

/* A labour region's row of the bilateral matrix (central path only,
** vg_run.bil): its domestic labour is already at home in row; its
** export-linked labour is spread over the consumers now, rather than with
** the other regions' at the end of the year; the row adds to the
** footprints. */
static void bilateral_row(const vg_run *r, const vg_econ *ec, double *row, double *foot) {
    long d;
    econ_spread(r, ec, row);
    for (d = 0; d < r->R; d++) foot[d] += row[d];
}

/* Labour-demand factor D_i of every cell for this year's economy, into
** r->dem (once per year rather than once per labour region and cell). */
static void labour_demand(vg_run *r, const vg_econ *ec) {
    long i;
    for (i = 0; i < r->n; i++) {
        double lam = r->coef.labour_demand_elasticity;
        if (r->w->broad[i] == 0) lam *= 1 - r->coef.farm_income_offset;
        r->dem[i] = ec->dlnx[i] == 0 ? 1 : exp(lam * ec->dlnx[i]);
    }
}

/*
** The labour of the at-risk sales a ban took (docs/MODEL.md, "Bans on
** lists of goods"). A risk list gives the share of cell i's exports that
** are goods on the list; times the cell's exports over its output, s is
** their share of its output (what the list tells of it: at-risk goods sold
** at home are not counted). With kappa = risk_concentration times the
** labour per unit of its other goods, they hold phi = kappa s / (1 +
** (kappa - 1) s) of its labour. D_i already takes lambda u of it, u the
** lost at-risk sales over the cell's output (u <= s); the lost sales' own
** labour is lambda u phi / s (at most phi, all of the listed goods'
** labour). Each cell's factor is 1 - the difference: 1 when kappa = 1
** (phi = s), the uniform model.
*/
static void risk_factors(vg_run *r, const vg_econ *ec) {
    const vigil_accounts *wa = vigil_world_accounts(r->w);
    const double *x0 = vigil_accounts_x(wa), *e0 = vigil_accounts_exports(wa);
    double kappa = r->coef.risk_concentration;
    long i, k;
    r->risk_on = ec->risk_lost != NULL;
    for (k = 0; r->risk_on && k < VG_RISK_LISTS; k++)
        for (i = 0; i < r->n; i++) {
            double lam = r->coef.labour_demand_elasticity, s, u, phi, own;
            double *f = &r->risk_adj[k * r->n + i];
            *f = 1;
            if (!(x0[i] > 0) || !(ec->risk_lost[k * r->n + i] > 0)) continue;
            s = fmin(1, r->risk_share[k * r->n + i] * fmax(0, e0[i]) / x0[i]);
            if (!(s > 0)) continue;
            if (r->w->broad[i] == 0) lam *= 1 - r->coef.farm_income_offset;
            u = fmin(s, ec->risk_lost[k * r->n + i] / x0[i]);
            phi = kappa * s / (1 + (kappa - 1) * s);
            own = fmin(phi, lam * u * phi / s);
            *f = 1 - fmax(0, own - lam * u);
        }
}

static void put(const vg_run *r, double *row, int ind, long reg, double v) {
    row[r->off[ind] + reg] += v;
}

static void child_year(const vg_run *r, long ndd, int t, const vg_econ *ec, const carry *c,
                       const policy *p, double *row) {
    const vigil_world *w = r->w;
    const vigil_table *tab = vigil_world_table(w);
    long g, i, n = r->n;
    double *foot = row + r->off[IND_CL_FOOT], kids = 0;
    for (g = 0; g < r->ng; g++) {
        const vg_region_in *in = &r->md.child[g];
        double G = pow((1 + in->growth / 100) * (1 + r->coef.cl_trend / 100), t - 2020);
        double P = poverty(r, in->poverty, c->inc_c[g] + p->tmp_c[g], p->povdev_c[g]);
        double C = r->coef.cl_poverty_semi / 100 * (P - in->poverty) -
                   r->coef.sp_semi / 100 * (p->cov[g] - in->coverage) + c->school[g];
        /* G exp(C + S) for agriculture and for the other sectors */
        double f_agr = G * exp(C + log(1 - p->farm[g])), f_oth = G * exp(C + log(1 - p->form[g]));
        double cl0 = vigil_world_child_labour(w, g, -1);
        double *fg = r->bil_year ? r->bil_year + g * r->R : foot;
        acc a;
        int b;
        memset(&a, 0, sizeof a);
        for (i = 0; i < n; i++) {
            double L0 = w->fam[VIGIL_CHILD].cell[g * n + i], L, before;
            if (L0 == 0) continue;
            L = L0 * (w->broad[i] == 0 ? f_agr : f_oth) * r->dem[i];
            if (r->risk_on) L *= r->risk_adj[1 * n + i];
            before = a.total;
            split_cell(r, ndd, ec, i, vigil_table_cell_region(tab, i), L,
                       w->fam[VIGIL_CHILD].rho[g], &a, fg);
            a.sector[w->broad[i]] += a.total - before;
        }
        if (fg != foot) bilateral_row(r, ec, fg, foot);
        put(r, row, IND_CL, g, a.total);
        put(r, row, IND_HAZ, g, a.total * vigil_world_hazardous(w, g) / cl0);
        for (b = 0; b < 3; b++) {
            put(r, row, IND_CL_5_11 + b, g, a.total * vigil_world_child_labour_age(w, g, b) / cl0);
            put(r, row, IND_CL_AGR + b, g, a.sector[b]);
        }
        put(r, row, IND_CL_EXP, g, a.ex);
        put(r, row, IND_CL_EXP_DIR, g, a.dir);
        put(r, row, IND_CL_EXP_UP, g, a.ex - a.dir);
        put(r, row, IND_POVERTY, g, P);
        put(r, row, IND_SP, g, p->cov[g]);
        kids += in->children * pow(1 + in->growth / 100, t - 2020);
        row[r->off[IND_POVERTY] + r->ng] += P * in->children * pow(1 + in->growth / 100, t - 2020);
        row[r->off[IND_SP] + r->ng] += p->cov[g] * in->children * pow(1 + in->growth / 100, t - 2020);
    }
    econ_spread(r, ec, foot);
    if (kids > 0) {
        row[r->off[IND_POVERTY] + r->ng] /= kids;
        row[r->off[IND_SP] + r->ng] /= kids;
    }
}

static void forced_year(const vg_run *r, long ndd, int t, const vg_econ *ec, const carry *c,
                        const policy *p, double *row) {
    const vigil_world *w = r->w;
    const vigil_table *tab = vigil_world_table(w);
    long h, i, n = r->n, nh = r->nh;
    double *foot = row + r->off[IND_FL_FOOT];
    for (h = 0; h < nh; h++) {
        const vg_region_in *in = &r->md.forced[h];
        double G = pow(1 + r->coef.fl_trend / 100, t - 2021);
        double P = poverty(r, in->poverty, c->inc_f[h] + p->tmp_f[h], p->povdev_f[h]);
        double market = exp(r->coef.fl_poverty_semi / 100 * (P - in->poverty)) * (1 - p->enf[h]);
        double *fg = r->bil_year ? r->bil_year + (r->ng + h) * r->R : foot;
        acc a;
        memset(&a, 0, sizeof a);
        for (i = 0; i < n; i++) {
            double priv = w->fl_cell[(0 * nh + h) * n + i] * G * market * r->dem[i] *
                          (r->risk_on ? r->risk_adj[0 * n + i] : 1);
            double sex = w->fl_cell[(1 * nh + h) * n + i] * G * market;
            double state = w->fl_cell[(2 * nh + h) * n + i] * G;
            if (priv + sex + state == 0) continue;
            a.type[0] += priv;
            a.type[1] += sex;
            a.type[2] += state;
            split_cell(r, ndd, ec, i, vigil_table_cell_region(tab, i), priv + sex + state,
                       w->fam[VIGIL_FORCED].rho[h], &a, fg);
        }
        if (fg != foot) bilateral_row(r, ec, fg, foot);
        /* due diligence removed part of the export-linked labour: take it
        ** from private exploitation, the type it reaches */
        a.type[0] += a.total - (a.type[0] + a.type[1] + a.type[2]);
        put(r, row, IND_FL, h, a.total);
        put(r, row, IND_FL_PRIV, h, a.type[0]);
        put(r, row, IND_FL_SEX, h, a.type[1]);
        put(r, row, IND_FL_STATE, h, a.type[2]);
        put(r, row, IND_FL_EXP, h, a.ex);
        put(r, row, IND_VICTIMS, h, p->vict[h] * a.total);
    }
    econ_spread(r, ec, foot);
}

/* World totals of the additive indicators, and of the footprints. */
static void world_totals(const vg_run *r, double *row) {
    int ind;
    for (ind = 0; ind < NIND; ind++) {
        long nreg, k;
        double s = 0;
        if (ind == IND_POVERTY || ind == IND_SP) continue;
        nreg = vg_indicator_regions(ind) == RS_CHILD ? r->ng
             : vg_indicator_regions(ind) == RS_FORCED ? r->nh : r->R;
        for (k = 0; k < nreg; k++) s += row[r->off[ind] + k];
        row[r->off[ind] + nreg] = s;
    }
}

/* The on_year hooks see this year's indicators by labour region. */
static int run_hooks(vigil_ctx *ctx, vg_run *r, int t, int draw, const double *row) {
    static const int shown[] = {IND_CL, IND_HAZ, IND_FL, IND_POVERTY, IND_SP, IND_VICTIMS};
    const char *ind[6], **reg;
    double *val;
    vigil_state_view v;
    long g, k, nreg = r->ng + r->nh + 1;
    int rc;
    reg = vg_malloc_array((size_t)nreg, sizeof *reg);
    val = vg_calloc(6 * (size_t)nreg, sizeof *val);
    if (!reg || !val) {
        vg_free(reg);
        vg_free(val);
        return vigil_nomem(ctx, "on_year");
    }
    for (g = 0; g < r->ng; g++) reg[g] = vigil_world_labour_region(r->w, VIGIL_CHILD, g);
    for (g = 0; g < r->nh; g++) reg[r->ng + g] = vigil_world_labour_region(r->w, VIGIL_FORCED, g);
    reg[nreg - 1] = "World";
    for (k = 0; k < 6; k++) {
        int fam = vg_indicator_regions(shown[k]);
        long base = fam == RS_CHILD ? 0 : r->ng, cnt = fam == RS_CHILD ? r->ng : r->nh;
        ind[k] = vg_indicator_name(shown[k]);
        for (g = 0; g < cnt; g++) val[k * nreg + base + g] = row[r->off[shown[k]] + g];
        val[k * nreg + nreg - 1] = row[r->off[shown[k]] + cnt];
    }
    v.year = t;
    v.draw = draw;
    v.nregion = nreg;
    v.region = reg;
    v.nindicator = 6;
    v.indicator = ind;
    v.value = val;
    rc = vigil_scenario_on_year(ctx, r->s, &v);
    vg_free(reg);
    vg_free(val);
    return rc;
}

static int alloc_state(vg_run *r, carry *c, policy *p, double **buf) {
    long ng = r->ng, nh = r->nh;
    *buf = vg_calloc((size_t)(4 * ng + 6 * nh + 5 * ng), sizeof **buf);
    if (*buf == NULL) return VIGIL_ENOMEM;
    c->inc_c = *buf;
    c->school = c->inc_c + ng;
    p->cov = c->school + ng;
    p->farm = p->cov + ng;
    p->form = p->farm + ng;
    p->povdev_c = p->form + ng;
    p->tmp_c = p->povdev_c + ng;
    c->inc_f = p->tmp_c + ng;
    p->povdev_f = c->inc_f + nh;
    p->tmp_f = p->povdev_f + nh;
    p->enf = p->tmp_f + nh;
    p->vict = p->enf + nh;
    return VIGIL_OK;
}

int vg_simulate(vigil_ctx *ctx, vg_run *r, const unsigned char *mask, int draw,
                gsl_rng *rng, double *out) {
    carry c;
    policy p;
    double *buf;
    int t, rc = VIGIL_OK;
    int hooks = r->s && vigil_scenario_has_hooks(r->s) &&
                (mask == NULL || r->hooks_group < 0 || mask[r->hooks_group]);
    if (alloc_state(r, &c, &p, &buf) != VIGIL_OK) return vigil_nomem(ctx, "vg_simulate");
    memset(out, 0, sizeof *out * (size_t)(r->ny * r->nser));
    for (t = r->y0; rc == VIGIL_OK && t <= r->y1; t++) {
        double *row = out + (t - r->y0) * r->nser;
        const vg_econ *ec;
        long before = nlevers(r), ndd;
        if ((rc = vg_econ_year(ctx, r, t - 1, mask, &ec)) != VIGIL_OK) break;
        if (dd_year(r, mask, t, &ndd) != VIGIL_OK) {
            rc = vigil_nomem(ctx, "vg_simulate");
            break;
        }
        labour_demand(r, ec);
        risk_factors(r, ec);
        if (r->bil) r->bil_year = r->bil + (size_t)(t - r->y0) * (size_t)((r->ng + r->nh) * r->R);
        policies(r, mask, t, &p);
        child_year(r, ndd, t, ec, &c, &p, row);
        forced_year(r, ndd, t, ec, &c, &p, row);
        world_totals(r, row);
        if (hooks && (rc = run_hooks(ctx, r, t, draw, row)) != VIGIL_OK) break;
        if (nlevers(r) > before) rc = vg_draw_levers(ctx, r, before, rng);
        advance(r, mask, t, &c);
    }
    vg_free(buf);
    return rc;
}
