/*
** Internal layout of a world and the steps that build it.
*/
#ifndef VIGIL_WORLD_INT_H
#define VIGIL_WORLD_INT_H

#include "mrio_int.h"
#include "tidy.h"
#include "vigil/world.h"

/* A family of labour regions (child: SDG regions; forced: ILO regions)
** and how the table's MRIO regions map onto them. */
typedef struct vg_family {
    long n;           /* labour regions */
    char **name;      /* from vg_malloc */
    double *share;    /* n x nreg: share of labour region g located in MRIO
                      ** region m (population overlap), rows sum to 1 */
    double *cell;     /* n x ncells: allocated baseline labour */
    double *rho;      /* n: export-intensity factor */
    double *target;   /* n: target export-linked share, NAN when none */
    vigil_split *split; /* n */
    double *foot;     /* nreg: consumption footprint */
    char *region_path; /* the concordance file, for messages */
} vg_family;

struct vigil_world {
    char *dir, *name;
    char *path_child, *path_forced, *path_sources; /* baselines, for --sources */
    int stylised;
    vigil_table *table;
    vigil_mrio *mrio;
    vigil_accounts *acc;
    int *broad;        /* broad sector of each cell */
    vg_family fam[2];
    double *cl_sector; /* ng x 3 */
    double *cl_age;    /* ng x 3 */
    double *cl_haz;    /* ng */
    double *fl_type;   /* nh x 3 */
    double *fl_cell;   /* 3 x nh x ncells: forced labour by type in each cell */
    vg_tidy groups;    /* groups.csv of the world folder (empty when none) */
    vg_tidy risk;      /* risk_lists.csv (empty when none) */
    double fl_private_sector[VIGIL_NSECTORS]; /* world shares of private exploitation */
};

/* Settings of world.csv, paths resolved against the world's folder. */
typedef struct vg_world_conf {
    char *name, *table, *f_path, *child_regions, *forced_regions, *sectors;
    char *child_labour, *forced_labour, *calibration, *sources;
    int stylised;
} vg_world_conf;

int vg_world_conf_read(vigil_ctx *ctx, const char *dir, vg_world_conf *c);
void vg_world_conf_free(vg_world_conf *c);

/* concord.c */
int vg_concord_sectors(vigil_ctx *ctx, vigil_world *w, const char *path);
int vg_concord_regions(vigil_ctx *ctx, vigil_world *w, enum vigil_labour fam,
                       const char *path);
/* The index of a labour region of a family by name, or -1. */
long vg_family_find(const vg_family *f, const char *name);

/* labour.c */
int vg_labour_child(vigil_ctx *ctx, vigil_world *w, const char *path);
int vg_labour_forced(vigil_ctx *ctx, vigil_world *w, const char *path);

/* world_names.c */
int vg_world_groups_load(vigil_ctx *ctx, vigil_world *w);
int vg_world_risk_load(vigil_ctx *ctx, vigil_world *w);

/* allocate.c */
int vg_allocate(vigil_ctx *ctx, vigil_world *w);
int vg_calibrate(vigil_ctx *ctx, vigil_world *w, const char *path);
void vg_attribute(vigil_world *w);

#endif
