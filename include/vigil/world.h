/*
** A world: an economy (an MRIO table) with child labour and forced labour
** attached to its cells, from published baselines by labour region
** (ILO-UNICEF SDG regions for child labour, ILO regions for forced labour)
** through concordances. See docs/WORLD.md and docs/FORMATS.md.
*/
#ifndef VIGIL_WORLD_H
#define VIGIL_WORLD_H

#include "vigil/mrio.h"
#include "vigil/vigil.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct vigil_world vigil_world;

/* The two families of labour regions. */
enum vigil_labour { VIGIL_CHILD = 0, VIGIL_FORCED = 1 };

/* Broad sectors, age groups and forced-labour types, in this order. */
#define VIGIL_NSECTORS 3 /* agriculture, industry, services */
#define VIGIL_NAGES 3    /* 5-11, 12-14, 15-17 */
#define VIGIL_NFLTYPES 3 /* private_exploitation, commercial_sexual_exploitation, state_imposed */
const char *vigil_sector_name(int b);
const char *vigil_age_name(int a);
const char *vigil_fltype_name(int f);

/* Loads the world in dir (its world.csv names the table, concordances and
** baselines), or the built-in stylised world when dir is NULL. Validates
** everything, allocates labour to cells and calibrates export intensities.
** The caller frees *out with vigil_world_free. */
int vigil_world_load(vigil_ctx *ctx, const char *dir, vigil_world **out);
void vigil_world_free(vigil_world *w); /* accepts NULL */

/* The built-in world's folder (borrowed). */
const char *vigil_world_builtin_dir(void);

const char *vigil_world_name(const vigil_world *w);
const char *vigil_world_dir(const vigil_world *w);
/* The baseline files (0: child labour, 1: forced labour) and the list of
** citations (2; NULL when none), for listing sources. Borrowed. */
const char *vigil_world_source_file(const vigil_world *w, int which);
int vigil_world_stylised(const vigil_world *w);
const vigil_table *vigil_world_table(const vigil_world *w);
const vigil_mrio *vigil_world_mrio(const vigil_world *w);
const vigil_accounts *vigil_world_accounts(const vigil_world *w);

/* Labour regions of a family. */
long vigil_world_nlabour(const vigil_world *w, enum vigil_labour fam);
const char *vigil_world_labour_region(const vigil_world *w, enum vigil_labour fam, long g);

/* Baselines by labour region (persons): child labour (start of 2020) by
** sector (b = -1: all), by age group, hazardous; forced labour (2021) by
** type (f = -1: all). */
double vigil_world_child_labour(const vigil_world *w, long g, int b);
double vigil_world_child_labour_age(const vigil_world *w, long g, int a);
double vigil_world_hazardous(const vigil_world *w, long g);
double vigil_world_forced_labour(const vigil_world *w, long h, int f);

/* Labour of region g of a family located in cell i (persons). */
double vigil_world_cell_labour(const vigil_world *w, enum vigil_labour fam, long g, long i);

/* The local-Leontief split of a labour region's labour (docs/WORLD.md). */
typedef struct vigil_split {
    double domestic, export_direct, export_upstream;
} vigil_split;
vigil_split vigil_world_split(const vigil_world *w, enum vigil_labour fam, long g);
/* Export-intensity factor rho of a labour region (1 when not calibrated)
** and its calibration target share (NAN when none). */
double vigil_world_rho(const vigil_world *w, enum vigil_labour fam, long g);
double vigil_world_target(const vigil_world *w, enum vigil_labour fam, long g);
/* Consumption footprint of MRIO region d: labour anywhere serving d's
** final demand (sum over d equals the world total). */
double vigil_world_footprint(const vigil_world *w, enum vigil_labour fam, long d);

/* Region names in scenarios: an MRIO region code, a labour region name of
** either family, a group of the world (its groups.csv: group,member), or
** "*". Whether name is one of these: */
int vigil_world_region_known(const vigil_world *w, const char *name);
/* Whether name covers MRIO region m (a labour region covers the MRIO
** regions that hold part of it). */
int vigil_world_region_covers(const vigil_world *w, const char *name, long m);
/* Whether name covers labour region g of a family: "*", its own name, or
** an MRIO region or group holding part of it. */
int vigil_world_labour_covered(const vigil_world *w, const char *name, enum vigil_labour fam,
                               long g);

/* Named lists of goods at risk (risk_lists.csv in the world's folder:
** list,cell,share): whether the world has list, and the share of cell i's
** exports it flags (0 when not listed). */
int vigil_world_has_risk_list(const vigil_world *w, const char *list);
double vigil_world_risk_share(const vigil_world *w, const char *list, long i);

#ifdef __cplusplus
}
#endif
#endif
