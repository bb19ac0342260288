/*
** Scenarios, the engine side (issue 4): the vigil_scenario object, the
** table of levers and their keys (what each lever accepts, with units,
** ranges and defaults), validation of names and numbers against a world,
** and the instruction list. No Lua here: engine/lua_api.c turns Lua calls
** into the calls below, and engine/scenario.c owns everything else.
*/
#ifndef VIGIL_SCENARIO_INT_H
#define VIGIL_SCENARIO_INT_H

#include "lua_host.h"
#include "sha256.h"
#include "strmap.h"
#include "vigil/scenario.h"
#include "vigil_int.h"

/*
** {======================================================================
** The levers and their keys
** =======================================================================
*/

typedef enum vg_keytype {
    VG_K_REGION,   /* a region name -> lever.region */
    VG_K_IMPORTER, /* a region name -> lever.importer (and lever.region) */
    VG_K_ORIGIN,   /* a region name -> lever.origin */
    VG_K_SECTOR,   /* broad sector, MRIO sector or "*" -> lever.sector */
    VG_K_GOODS,    /* a named risk list -> lever.goods */
    VG_K_YEAR,     /* the one year of a shock */
    VG_K_FROM,     /* first year */
    VG_K_TO,       /* last year (default: the end of the run) */
    VG_K_NUMBER,   /* a number or a distribution -> a parameter */
    VG_K_BOOL,     /* true/false -> a parameter 1/0 */
    VG_K_COVERAGE  /* a level (number, distribution) or a relative change
                      written "-10%", stored as the parameter "change" */
} vg_keytype;

#define VG_REQUIRED 1  /* the key must be given */
#define VG_MAIN 2      /* [year] = value entries of a shock set this key */

typedef struct vg_keyspec {
    const char *name;
    vg_keytype type;
    int flags;
    double lo, hi;      /* valid range of a number (-HUGE_VAL/HUGE_VAL) */
    double def;         /* default of an optional number; NAN: none (the
                           model's own coefficient applies) */
    const char *defstr; /* default of an optional name (NULL: none) */
    const char *unit;   /* "pp", "share", "months", "years", ... */
    const char *what;   /* plain words, for vigil check */
} vg_keyspec;

typedef enum vg_timing {
    VG_T_SHOCK,  /* year = Y, from/to, or values by year */
    VG_T_POLICY  /* from (required) .. to (default: end of the run) */
} vg_timing;

typedef struct vg_leverspec {
    vigil_lever_kind kind;
    const char *name;       /* "shock.gdp" */
    const char *lib;        /* "shock" */
    const char *field;      /* "gdp" */
    vg_timing timing;
    const vg_keyspec *key;  /* ends with a NULL name */
    const char *one_of[3];  /* exactly (exactly = 1) or at least one of */
    int exactly;            /* these keys must be given (NULL: none) */
    const char *what;       /* plain words */
} vg_leverspec;

/* The spec of a lever kind (every kind but VIGIL_PARAM_SET, whose call is
** param.set(name, value)); NULL for VIGIL_PARAM_SET. */
const vg_leverspec *vg_lever_spec(vigil_lever_kind k);
/* The spec of a key of a lever, or NULL. */
const vg_keyspec *vg_lever_key(const vg_leverspec *ls, const char *name);

/* Named risk lists of trade.ban's goods. */
extern const char *const vg_goods_lists[];

/* }====================================================================== */

/*
** {======================================================================
** The scenario object
** =======================================================================
*/

/* What the scenario is doing, for the bindings. */
enum { VG_PHASE_LOAD, VG_PHASE_REPLAY, VG_PHASE_HOOK };

#define VG_DEFAULT_FROM 2020
#define VG_DEFAULT_TO 2030
#define VG_DEFAULT_DRAWS 1
#define VG_DEFAULT_SEED 87UL

struct vigil_scenario {
    char *path;                 /* from vg_malloc */
    char *name, *description;   /* from vg_malloc */
    char *world_name;           /* scenario{world=}; NULL when none */
    char *lib_dir;              /* where require reads; from vg_malloc */
    int year_from, year_to, draws;
    unsigned long seed;
    int declared_line;          /* line of scenario{}; 0: not called */
    char hash[VG_SHA256_HEX];
    vigil_scenario_opts opts;

    const vigil_world *world;   /* borrowed, or own_world */
    vigil_world *own_world;     /* loaded from scenario{world=}; owned */
    char **sector;              /* MRIO sector codes; owned */
    long nsector;
    int ready;                  /* the world and its sectors are there */

    vigil_lever *lever;         /* static levers, then dynamic ones */
    long nlever, caplever, nstatic;

    vg_strmap names;            /* interned strings -> index in pool */
    char **pool;                /* owned strings */
    long npool, cappool;

    vg_lua *lua;                /* the Lua host; owned */
    int nhook;                  /* on_year hooks registered */
    int phase;                  /* VG_PHASE_* */
    int hook_year;              /* during a hook */
    int dirty;                  /* a hook ran since the file last ran */
    long nreplay;               /* static levers seen by a replay */
    vigil_ctx *ctx;             /* borrowed during a call into Lua */
    int nomem;                  /* an engine allocation failed in Lua */
    int world_rc;               /* loading the world failed in Lua */
    char world_msg[VIGIL_ERRMAX]; /* ... with this message */
    int hooks_ref;              /* registry ref of the hooks' array */
};

/* A new scenario with its defaults (no Lua yet). */
int vg_scn_new(vigil_ctx *ctx, const char *path, const vigil_world *w,
               const vigil_scenario_opts *opts, vigil_scenario **out);

/* Makes sure the world is there: loads the one scenario{world=} names (or
** the built-in one) unless a world was given, then its sector names. VIGIL_OK, or a status with the message in ctx. */
int vg_scn_use_world(vigil_ctx *ctx, vigil_scenario *s);

/* A copy of str owned by the scenario (the same pointer for equal
** strings); NULL when out of memory. */
const char *vg_scn_intern(vigil_scenario *s, const char *str);

/* A new zeroed instruction at the end of the list (dynamic when added by
** a hook), or NULL when out of memory. Pointers into the list are valid
** until the next push. */
vigil_lever *vg_scn_push(vigil_scenario *s);

/* Validation. Each returns 1 when valid, else 0 with the message (no
** location) in msg. */
int vg_scn_check_region(const vigil_scenario *s, const char *name, char *msg,
                        size_t n);
int vg_scn_check_sector(const vigil_scenario *s, const char *name, char *msg,
                        size_t n);
int vg_scn_check_goods(const vigil_scenario *s, const char *name, char *msg, size_t n);
/* The same scenario in a Lua state of its own (the same file, options and
** world), for a thread of draws (project.c). */
int vg_scn_clone(vigil_ctx *ctx, const vigil_scenario *s, vigil_scenario **out);
/* A world name of scenario{world=}: a folder of scenarios/worlds. */
int vg_scn_check_world(const char *name, char *msg, size_t n);
/* The parameters of a distribution as its constructor received them. */
int vg_dist_check_params(const vigil_dist *d, char *msg, size_t n);
/* A parameter's value against its valid range [lo, hi]: fixed values
** inside, bounded distributions inside, unbounded ones centred inside with
** at least 1% of their mass there; sets the truncation to [lo, hi]. key
** and unit make the message. */
int vg_dist_check_range(vigil_dist *d, const char *key, const char *unit,
                        double lo, double hi, char *msg, size_t n);

/* "normal(0.2, 0.05)" or "0.3". */
char *vg_dist_format(char *buf, size_t n, const vigil_dist *d);

/* The nearest of n candidate names to name (Levenshtein distance, case
** folded), or NULL when none is near enough to suggest. */
const char *vg_nearest(const char *name, const char *const *cand, long n);

/* Sets the scenario's hash from its file and the modules it required
** (paths, sorted by module name). */
int vg_scn_hash(vigil_ctx *ctx, vigil_scenario *s, const char *const *mod,
                const char *const *modpath, long nmod);

/* }====================================================================== */

/*
** {======================================================================
** The Lua side (engine/lua_api.c)
** =======================================================================
*/

/* Opens the Lua host, registers the language, runs the file, and hashes
** it with its modules. */
int vg_api_load(vigil_ctx *ctx, vigil_scenario *s);
/* Starts a draw: fresh hook state (the file runs again if a hook ran),
** math.random reseeded. */
int vg_api_begin_draw(vigil_ctx *ctx, vigil_scenario *s, unsigned long seed);
/* Runs the hooks for one year. */
int vg_api_on_year(vigil_ctx *ctx, vigil_scenario *s, const vigil_state_view *v);

/* }====================================================================== */

#endif
