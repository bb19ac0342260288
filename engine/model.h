/*
** Internal interfaces of the projection (docs/MODEL.md): the run, the
** yearly simulation, the economy under trade and demand shocks, and the
** series of results.
*/
#ifndef VIGIL_MODEL_H
#define VIGIL_MODEL_H

#include <gsl/gsl_rng.h>

#include "model_data.h"
#include "vigil/project.h"
#include "world_int.h"

/* Indicators, in output order. */
enum {
    IND_CL, IND_HAZ, IND_CL_5_11, IND_CL_12_14, IND_CL_15_17, IND_CL_AGR, IND_CL_IND,
    IND_CL_SRV, IND_FL, IND_FL_PRIV, IND_FL_SEX, IND_FL_STATE, IND_CL_EXP, IND_CL_EXP_DIR,
    IND_CL_EXP_UP, IND_FL_EXP, IND_CL_FOOT, IND_FL_FOOT, IND_VICTIMS, IND_POVERTY,
    IND_SP, NIND
};
/* Which regions an indicator is reported for. */
enum { RS_CHILD, RS_FORCED, RS_MRIO };

const char *vg_indicator_name(int ind);
int vg_indicator_regions(int ind);

/* The lists of goods a ban can name whose labour the model concentrates:
** 0 forced_labour_risk (private forced labour), 1 child_labour_risk. */
#define VG_RISK_LISTS 2
const char *vg_risk_list_name(int k);

/* The economy of one year: unchanged (the world's accounts) or re-solved
** after demand and trade shocks. */
typedef struct vg_econ {
    int changed;
    int borrowed;                /* another run's: never freed here */
    const double *u, *v, *e, *X; /* as vigil_accounts_*; borrowed */
    double *dlnx;                /* n: log change of each cell's output */
    double *share;               /* n x R: share of cell i's foreign output
                                    bought by consumer region d (0 at home;
                                    1 at home when the cell sells nothing
                                    abroad), for the consumption footprints */
    /* owned when changed */
    vigil_table *table;
    vigil_mrio *mrio;
    vigil_accounts *acc;
    double *risk_lost;           /* VG_RISK_LISTS x n, or NULL: at-risk sales
                                    lost to bans on each list, net of
                                    leakage (values of the table) */
    char *key;                   /* cache key: the shocks that made it */
} vg_econ;

/* A due-diligence lever in force in one year, its strings resolved once:
** looking names up per cell was most of a draw's time on WIOD
** (simulate.c). */
typedef struct vg_dd {
    double k;                  /* coverage x firm_share x effectiveness x phase */
    double displacement;       /* share of the removed labour that reappears */
    const unsigned char *imp;  /* R: importer regions covered */
    const unsigned char *cell; /* n: cells covered (sector and origin) */
    unsigned char *own;        /* R + n: the masks of a dynamic lever */
} vg_dd;

typedef struct vg_run {
    const vigil_world *w;
    vigil_scenario *s;
    vg_model_data md;
    vg_coef coef;        /* this draw's coefficients */
    int y0, y1, ny;
    long n, R, ng, nh, nser;
    long off[NIND];      /* first series of each indicator */
    char **ser_region;   /* region name of each series (borrowed) */
    const char *world_name;
    /* lever parameters of the current evaluation, nlever x MAXPARAM */
    double *pv;
    long pv_cap;
    long ngroups;        /* decomposition groups (lever calls) */
    long *group;         /* group of each static lever; dynamic: ngroups - 1 when hooks */
    char **group_name;
    int hooks_group;     /* index of the on_year group, or -1 */
    vg_econ *cache;      /* economies by key */
    long ncache, cache_cap;
    double *ex_cell;     /* n: scratch, export-linked labour by cell */
    double *dem;         /* n: scratch, this year's labour-demand factors */
    double *risk_share;  /* VG_RISK_LISTS x n: each cell's share of output on
                            each risk list (the world's risk_lists.csv) */
    double *risk_adj;    /* VG_RISK_LISTS x n: scratch, this year's factors
                            for the labour of lost at-risk sales */
    int risk_on;         /* this year's economy has at-risk sales lost */
    double *bil;         /* NULL, or ny x (ng + nh) x R: labour by producing
                            labour region (child, then forced) and consuming
                            MRIO region, filled by vg_simulate (zeroed by
                            the caller) */
    double *bil_year;    /* this year's block of bil, or NULL */
    vg_dd *dd;           /* scratch: the due-diligence levers of a year */
    long dd_cap;
    unsigned char *dd_mask; /* per static lever: importer regions (R bytes)
                               then covered cells (n bytes), built lazily */
    unsigned char *dd_ready;
    long nstatic;        /* static levers (those dd_mask covers) */
    unsigned long seed;  /* the run's seed */
} vg_run;

/* Runs one evaluation: parameters in r->pv for the levers of groups in
** mask (NULL: all), hooks run when their group is on (draw number for
** messages), into out[ny][nser]. */
int vg_simulate(vigil_ctx *ctx, vg_run *r, const unsigned char *mask, int draw,
                gsl_rng *rng, double *out);

/* Draws (or centres, when rng is NULL) the parameters of levers [from,
** nlevers) into r->pv, growing it as needed. */
int vg_draw_levers(vigil_ctx *ctx, vg_run *r, long from, gsl_rng *rng);

/* The economy of year t under the demand and trade levers of the mask
** acting in t (cached by their values). *out is borrowed from the run. */
int vg_econ_year(vigil_ctx *ctx, vg_run *r, int t, const unsigned char *mask,
                 const vg_econ **out);
void vg_econ_cache_free(vg_run *r);
/* Starts r's cache with src's economies, borrowed: r never frees them, and
** src must not change its cache while r uses them. */
int vg_econ_cache_borrow(vigil_ctx *ctx, vg_run *r, const vg_run *src);

/* Shapley decomposition of the central path by lever group, into
** dec[ngroups][ny][nser] (contribution to the change against the
** baseline). Exact up to 10 groups, sampled beyond (*sampled set). */
int vg_shapley(vigil_ctx *ctx, vg_run *r, double *dec, int *sampled);

/* Does lever l belong to the evaluation (its group is on in mask)? */
int vg_lever_on(const vg_run *r, long li, const unsigned char *mask);

#endif
