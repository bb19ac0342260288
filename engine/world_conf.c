/*
** world.csv: a world's settings as key,value rows. Paths are relative to
** the world's folder; "$SHARED/..." names the shared third-party data
** folder ($VIGIL_SHARED, else ../shared beside the source tree). Keys: name, stylised (yes/no), table (folder of the
** MRIO table), stressors (optional F file), child_regions, forced_regions,
** sectors (concordances), child_labour, forced_labour (baselines),
** calibration (optional export-linked targets), sources (optional list of
** citations by source_id).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "world_int.h"

typedef struct key {
    const char *name;
    size_t off;    /* offset of the char * field in vg_world_conf */
    int required;
    int path;      /* resolved against the world folder */
} key;

static const key keys[] = {
    {"name", offsetof(vg_world_conf, name), 1, 0},
    {"table", offsetof(vg_world_conf, table), 1, 1},
    {"stressors", offsetof(vg_world_conf, f_path), 0, 1},
    {"child_regions", offsetof(vg_world_conf, child_regions), 1, 1},
    {"forced_regions", offsetof(vg_world_conf, forced_regions), 1, 1},
    {"sectors", offsetof(vg_world_conf, sectors), 1, 1},
    {"child_labour", offsetof(vg_world_conf, child_labour), 1, 1},
    {"forced_labour", offsetof(vg_world_conf, forced_labour), 1, 1},
    {"calibration", offsetof(vg_world_conf, calibration), 0, 1},
    {"sources", offsetof(vg_world_conf, sources), 0, 1},
};
#define NKEYS (sizeof keys / sizeof keys[0])

/* The folder of shared third-party data: $VIGIL_SHARED, else the folder
** "shared" beside the source tree (where the developers and CI have it). */
static const char *shared_dir(char *buf, size_t n) {
    const char *env = getenv("VIGIL_SHARED");
    if (env && *env) return env;
    snprintf(buf, n, "%s/../shared", VIGIL_SOURCE_DIR);
    return buf;
}

/* A path of world.csv: "$SHARED/..." is under the shared folder, a
** relative path is relative to the world's folder. */
static char *resolve(const char *dir, const char *rel, int path) {
    size_t n;
    char *p, sh[4096];
    if (path && strncmp(rel, "$SHARED/", 8) == 0) {
        const char *base = shared_dir(sh, sizeof sh);
        n = strlen(base) + strlen(rel);
        if ((p = vg_malloc(n)) != NULL) snprintf(p, n, "%s/%s", base, rel + 8);
        return p;
    }
    if (!path || rel[0] == '/') return vg_strdup(rel);
    n = strlen(dir) + strlen(rel) + 2;
    if ((p = vg_malloc(n)) != NULL) snprintf(p, n, "%s/%s", dir, rel);
    return p;
}

/* Whether key k appears in an earlier row than r. */
static int seen_before(const vg_tidy *t, long r, const char *k) {
    long q;
    for (q = 0; q < r; q++)
        if (strcmp(vg_tidy_str(t, q, 0), k) == 0) return 1;
    return 0;
}

static int set_key(vigil_ctx *ctx, const vg_tidy *t, long r, const char *dir,
                   vg_world_conf *c) {
    const char *k = vg_tidy_str(t, r, 0), *v = vg_tidy_str(t, r, 1);
    size_t i;
    if (seen_before(t, r, k))
        return vg_tidy_err(ctx, t, r, 0, VIGIL_EDATA, "'%s' is set twice", k);
    if (strcmp(k, "stylised") == 0) {
        if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
            return vg_tidy_err(ctx, t, r, 1, VIGIL_EDATA,
                               "stylised is 'yes' or 'no', not '%s'", v);
        c->stylised = strcmp(v, "yes") == 0;
        return VIGIL_OK;
    }
    for (i = 0; i < NKEYS; i++) {
        char **field = (char **)((char *)c + keys[i].off);
        if (strcmp(k, keys[i].name) != 0) continue;
        if (*v == '\0')
            return keys[i].required ? vg_tidy_err(ctx, t, r, 1, VIGIL_EDATA,
                                                  "'%s' needs a value", k)
                                    : VIGIL_OK;
        if ((*field = resolve(dir, v, keys[i].path)) == NULL)
            return vigil_nomem(ctx, t->path);
        return VIGIL_OK;
    }
    return vg_tidy_err(ctx, t, r, 0, VIGIL_EDATA, "unknown setting '%s'", k);
}

int vg_world_conf_read(vigil_ctx *ctx, const char *dir, vg_world_conf *c) {
    static const char *const req[] = {"key", "value", NULL};
    char path[4096];
    vg_tidy t;
    long r;
    size_t i;
    int rc;
    memset(c, 0, sizeof *c);
    snprintf(path, sizeof path, "%s/world.csv", dir);
    if ((rc = vg_tidy_read(ctx, path, req, &t)) != VIGIL_OK) return rc;
    if (vg_tidy_col(&t, "key") != 0 || vg_tidy_col(&t, "value") != 1)
        rc = vigil_seterr(ctx, VIGIL_EDATA, "%s:1:1: the header must be 'key,value'", path);
    for (r = 0; rc == VIGIL_OK && r < t.nrow; r++) rc = set_key(ctx, &t, r, dir, c);
    for (i = 0; rc == VIGIL_OK && i < NKEYS; i++)
        if (keys[i].required && *(char **)((char *)c + keys[i].off) == NULL)
            rc = vigil_seterr(ctx, VIGIL_EDATA, "%s: missing setting '%s'", path,
                              keys[i].name);
    vg_tidy_free(&t);
    if (rc != VIGIL_OK) vg_world_conf_free(c);
    return rc;
}

void vg_world_conf_free(vg_world_conf *c) {
    size_t i;
    for (i = 0; i < NKEYS; i++) {
        char **field = (char **)((char *)c + keys[i].off);
        vg_free(*field);
        *field = NULL;
    }
}
