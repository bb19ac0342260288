/*
** Loading a world: its settings, the MRIO table and its accounts, the
** concordances, the baselines, then allocation, calibration and
** attribution (each step in its own file; this one orders them).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "world_int.h"

const char *vigil_world_builtin_dir(void) {
    static char buf[4096];
    const char *home = getenv("VIGIL_HOME");
    snprintf(buf, sizeof buf, "%s/scenarios/worlds/stylised", home ? home : VIGIL_SOURCE_DIR);
    return buf;
}

static int load_economy(vigil_ctx *ctx, vigil_world *w, const vg_world_conf *c) {
    vigil_table_opts o;
    int rc;
    memset(&o, 0, sizeof o);
    o.dir = c->table;
    o.f_path = c->f_path;
    if ((rc = vigil_table_load(ctx, &o, &w->table)) != VIGIL_OK) return rc;
    if ((rc = vigil_mrio_factor(ctx, w->table, &w->mrio)) != VIGIL_OK) return rc;
    return vigil_accounts_compute(ctx, w->table, w->mrio, &w->acc);
}

static int load_steps(vigil_ctx *ctx, vigil_world *w, const vg_world_conf *c) {
    int rc = load_economy(ctx, w, c);
    if (rc == VIGIL_OK) rc = vg_concord_sectors(ctx, w, c->sectors);
    if (rc == VIGIL_OK) rc = vg_concord_regions(ctx, w, VIGIL_CHILD, c->child_regions);
    if (rc == VIGIL_OK) rc = vg_concord_regions(ctx, w, VIGIL_FORCED, c->forced_regions);
    if (rc == VIGIL_OK) rc = vg_labour_child(ctx, w, w->path_child);
    if (rc == VIGIL_OK) rc = vg_labour_forced(ctx, w, w->path_forced);
    if (rc == VIGIL_OK) rc = vg_allocate(ctx, w);
    if (rc == VIGIL_OK) rc = vg_calibrate(ctx, w, c->calibration);
    if (rc == VIGIL_OK) vg_attribute(w);
    if (rc == VIGIL_OK) rc = vg_world_groups_load(ctx, w);
    if (rc == VIGIL_OK) rc = vg_world_risk_load(ctx, w);
    return rc;
}

int vigil_world_load(vigil_ctx *ctx, const char *dir, vigil_world **out) {
    vigil_world *w = vg_calloc(1, sizeof *w);
    vg_world_conf c;
    int rc;
    *out = NULL;
    if (w == NULL) return vigil_nomem(ctx, "vigil_world_load");
    if (dir == NULL) dir = vigil_world_builtin_dir();
    if ((w->dir = vg_strdup(dir)) == NULL) {
        vg_free(w);
        return vigil_nomem(ctx, "vigil_world_load");
    }
    rc = vg_world_conf_read(ctx, dir, &c);
    if (rc == VIGIL_OK) {
        w->stylised = c.stylised;
        w->name = c.name;
        w->path_child = c.child_labour;
        w->path_forced = c.forced_labour;
        w->path_sources = c.sources;
        c.name = c.child_labour = c.forced_labour = c.sources = NULL; /* taken */
        rc = load_steps(ctx, w, &c);
        vg_world_conf_free(&c);
    }
    if (rc != VIGIL_OK) {
        vigil_world_free(w);
        return rc;
    }
    *out = w;
    return VIGIL_OK;
}

static void free_family(vg_family *f) {
    long g;
    for (g = 0; g < f->n; g++) vg_free(f->name[g]);
    vg_free(f->name);
    vg_free(f->share);
    vg_free(f->cell);
    vg_free(f->rho);
    vg_free(f->target);
    vg_free(f->split);
    vg_free(f->foot);
    vg_free(f->region_path);
}

void vigil_world_free(vigil_world *w) {
    if (w == NULL) return;
    free_family(&w->fam[0]);
    free_family(&w->fam[1]);
    vigil_accounts_free(w->acc);
    vigil_mrio_free(w->mrio);
    vigil_table_free(w->table);
    vg_free(w->broad);
    vg_free(w->cl_sector);
    vg_free(w->cl_age);
    vg_free(w->cl_haz);
    vg_free(w->fl_type);
    vg_free(w->fl_cell);
    vg_tidy_free(&w->groups);
    vg_tidy_free(&w->risk);
    vg_free(w->name);
    vg_free(w->dir);
    vg_free(w->path_child);
    vg_free(w->path_forced);
    vg_free(w->path_sources);
    vg_free(w);
}

const char *vigil_world_name(const vigil_world *w) { return w->name; }
const char *vigil_world_dir(const vigil_world *w) { return w->dir; }
const char *vigil_world_source_file(const vigil_world *w, int which) {
    return which == 0 ? w->path_child : which == 1 ? w->path_forced : w->path_sources;
}
int vigil_world_stylised(const vigil_world *w) { return w->stylised; }
const vigil_table *vigil_world_table(const vigil_world *w) { return w->table; }
const vigil_mrio *vigil_world_mrio(const vigil_world *w) { return w->mrio; }
const vigil_accounts *vigil_world_accounts(const vigil_world *w) { return w->acc; }

long vigil_world_nlabour(const vigil_world *w, enum vigil_labour fam) {
    return w->fam[fam].n;
}

const char *vigil_world_labour_region(const vigil_world *w, enum vigil_labour fam, long g) {
    return w->fam[fam].name[g];
}

double vigil_world_child_labour(const vigil_world *w, long g, int b) {
    const double *s = w->cl_sector + g * 3;
    return b >= 0 ? s[b] : s[0] + s[1] + s[2];
}

double vigil_world_child_labour_age(const vigil_world *w, long g, int a) {
    return w->cl_age[g * 3 + a];
}

double vigil_world_hazardous(const vigil_world *w, long g) { return w->cl_haz[g]; }

double vigil_world_forced_labour(const vigil_world *w, long h, int f) {
    const double *s = w->fl_type + h * 3;
    return f >= 0 ? s[f] : s[0] + s[1] + s[2];
}

double vigil_world_cell_labour(const vigil_world *w, enum vigil_labour fam, long g, long i) {
    return w->fam[fam].cell[g * w->table->n + i];
}

vigil_split vigil_world_split(const vigil_world *w, enum vigil_labour fam, long g) {
    return w->fam[fam].split[g];
}

double vigil_world_rho(const vigil_world *w, enum vigil_labour fam, long g) {
    return w->fam[fam].rho[g];
}

double vigil_world_target(const vigil_world *w, enum vigil_labour fam, long g) {
    return w->fam[fam].target[g];
}

double vigil_world_footprint(const vigil_world *w, enum vigil_labour fam, long d) {
    return w->fam[fam].foot[d];
}
