/*
** The model's inputs that are data, not code: default coefficients with
** their sources (scenarios/data/model/coefficients.csv) and the region
** inputs (children, poverty, coverage: regions.csv).
*/
#ifndef VIGIL_MODEL_DATA_H
#define VIGIL_MODEL_DATA_H

#include "vigil/world.h"
#include "vigil_int.h"

/* Coefficients, by name; the order of vg_coef's fields. */
typedef struct vg_coef {
    double cl_trend, fl_trend, poverty_growth_elasticity, cl_poverty_semi, sp_semi;
    double school_effect, school_persistence, labour_demand_elasticity;
    double farm_income_offset, dd_displacement, armington_sigma, ban_leakage;
    double fl_poverty_semi, victim_id_share, risk_concentration;
} vg_coef;

#define VG_NCOEF 15

/* The name of coefficient k, and a pointer to its field in c. */
const char *vg_coef_name(int k);
double *vg_coef_field(vg_coef *c, int k);
/* The index of a coefficient by name, or -1; *hint gets the nearest name. */
int vg_coef_find(const char *name, const char **hint);

/* Region inputs of one labour region. */
typedef struct vg_region_in {
    double children, growth, poverty, coverage; /* persons, %/yr, %, % */
} vg_region_in;

typedef struct vg_model_data {
    vg_coef coef;
    vg_region_in *child;  /* by the world's child labour regions */
    vg_region_in *forced; /* by the world's forced labour regions */
    char *coef_path, *regions_path;
} vg_model_data;

/* Loads dir/coefficients.csv and dir/regions.csv for world w; every labour
** region of w must have a row. Free with vg_model_data_free. */
int vg_model_data_load(vigil_ctx *ctx, const char *dir, const vigil_world *w,
                       vg_model_data *out);
void vg_model_data_free(vg_model_data *d);

#endif
