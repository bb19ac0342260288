/*
** The scenario language (issue 4; docs/SCENARIOS.md): the Lua bindings
** scenario{}, shock.*, policy.*, trade.*, param.set, the distributions
** normal/lognormal/uniform/triangular/beta, on_year and the read-only
** state views hooks receive. Every lever call is checked completely
** (names, years, ranges) before anything is allocated in C, and then
** becomes one instruction per year span (engine/scenario.c holds the
** list). Errors are raised with luaL_error, so they carry the caller's
** file:line, i.e. the analyst's line.
**
** Determinism: the keys of a lever table are never taken in pairs()
** order (which changes from run to run with Lua's string hash seed):
** known keys are read in the lever's own order, years are sorted, and of
** several unknown keys the alphabetically first is reported.
**
** Upvalue 1 of every binding is the scenario (light userdata); lever
** bindings also carry their vg_leverspec as upvalue 2.
*/
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "scenario_int.h"

#define DISTMT "vigil.dist"       /* metatable of distributions */
#define STATEMT "vigil.state"     /* of the state a hook receives */
#define INDMT "vigil.indicator"   /* of one indicator of that state */
#define MAXKEYS 16                /* keys of the largest lever */
#define MSGMAX 600

static vigil_scenario *scn(lua_State *L) {
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* Raises "who: message" at the caller's line. [-0, +0, v] */
static int fail(lua_State *L, const char *who, const char *fmt, ...)
    VIGIL_PRINTF(3, 4);
static int fail(lua_State *L, const char *who, const char *fmt, ...) {
    char msg[MSGMAX];
    int n = snprintf(msg, sizeof msg, "%s: ", who);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
    va_end(ap);
    return luaL_error(L, "%s", msg);
}

/* An engine allocation failed: remembered, so that the load reports
** VIGIL_ENOMEM even if the script catches the error. [-0, +0, v] */
static int nomem(lua_State *L, vigil_scenario *s) {
    s->nomem = 1;
    return luaL_error(L, "not enough memory");
}

/* Makes sure the world is loaded (scenario{} or the first lever). A
** failure is remembered with its own status and message. [-0, +0, v] */
static void need_world(lua_State *L, vigil_scenario *s) {
    int rc;
    if (s->ready) return;
    rc = vg_scn_use_world(s->ctx, s);
    if (rc == VIGIL_OK) return;
    if (rc == VIGIL_ENOMEM) nomem(L, s);
    s->world_rc = rc;
    snprintf(s->world_msg, sizeof s->world_msg, "%s", vigil_errmsg(s->ctx));
    luaL_error(L, "the world could not be loaded");
}

/*
** {======================================================================
** Distributions: normal, lognormal, uniform, triangular, beta
** =======================================================================
*/

/* Checks the arguments and pushes a distribution (full userdata holding a
** vigil_dist, no truncation yet). [-0, +1, v] */
static int dist_new(lua_State *L, vigil_dist_kind k, const char *name, int n) {
    vigil_dist d = {k, 0, 0, 0, -HUGE_VAL, HUGE_VAL}, *p;
    char msg[MSGMAX];
    if (lua_gettop(L) != n)
        return luaL_error(L, "%s takes %d numbers (got %d argument%s)", name,
                          n, lua_gettop(L), lua_gettop(L) == 1 ? "" : "s");
    d.a = luaL_checknumber(L, 1);
    d.b = luaL_checknumber(L, 2);
    if (n == 3) d.c = luaL_checknumber(L, 3);
    if (!vg_dist_check_params(&d, msg, sizeof msg))
        return luaL_error(L, "%s", msg);
    p = lua_newuserdatauv(L, sizeof *p, 0);
    *p = d;
    luaL_setmetatable(L, DISTMT);
    return 1;
}

/* normal(mean, sd) [-2, +1, v] */
static int api_normal(lua_State *L) {
    return dist_new(L, VIGIL_DIST_NORMAL, "normal", 2);
}
/* lognormal(logmean, logsd) [-2, +1, v] */
static int api_lognormal(lua_State *L) {
    return dist_new(L, VIGIL_DIST_LOGNORMAL, "lognormal", 2);
}
/* uniform(min, max) [-2, +1, v] */
static int api_uniform(lua_State *L) {
    return dist_new(L, VIGIL_DIST_UNIFORM, "uniform", 2);
}
/* triangular(min, mode, max) [-3, +1, v] */
static int api_triangular(lua_State *L) {
    return dist_new(L, VIGIL_DIST_TRIANGULAR, "triangular", 3);
}
/* beta(alpha, beta) [-2, +1, v] */
static int api_beta(lua_State *L) {
    return dist_new(L, VIGIL_DIST_BETA, "beta", 2);
}

/* __tostring of a distribution: "normal(0.2, 0.05)". [-1, +1, m] */
static int dist_tostring(lua_State *L) {
    char buf[128];
    lua_pushstring(L, vg_dist_format(buf, sizeof buf,
                                     luaL_checkudata(L, 1, DISTMT)));
    return 1;
}

/* }====================================================================== */

/*
** {======================================================================
** Reading a lever table
** =======================================================================
*/

typedef struct pval {
    int set;          /* given (or filled in from "-10%") */
    const char *str;  /* names: borrowed from the Lua table */
    int year;         /* year, from, to */
    vigil_dist d;     /* numbers and booleans */
} pval;

typedef struct pcall {
    vigil_scenario *s;
    const vg_leverspec *ls;
    const char *who;  /* "shock.gdp" */
    int t;            /* stack index of the table */
    pval v[MAXKEYS];  /* by key, in the spec's order */
    int yk;           /* the key given by year, -1 when none */
    long ny;          /* years given by year */
    int *years;       /* sorted; in a userdata on the stack */
    vigil_dist *yval; /* their values; in a userdata on the stack */
    int from, to;     /* the span when not by year */
} pcall;

static int key_index(const vg_leverspec *ls, const char *name) {
    int i;
    for (i = 0; ls->key[i].name; i++)
        if (strcmp(ls->key[i].name, name) == 0) return i;
    return -1;
}

/* The valid keys of a lever, for a message: "region, year, from, ...". */
static void key_list(const vg_leverspec *ls, char *buf, size_t n) {
    size_t used = 0;
    int i;
    buf[0] = '\0';
    for (i = 0; ls->key[i].name && used < n; i++)
        used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? ", " : "",
                                 ls->key[i].name);
}

/* An unknown key: the nearest valid one, or the list. [-0, +0, v] */
static void unknown_key(lua_State *L, const pcall *c, const char *key) {
    const char *cand[MAXKEYS];
    char list[MSGMAX];
    const char *best;
    int n;
    for (n = 0; c->ls->key[n].name; n++) cand[n] = c->ls->key[n].name;
    if (c->ls->timing == VG_T_POLICY && strcmp(key, "year") == 0)
        fail(L, c->who, "unknown key 'year': policies start with 'from' (and "
             "may end with 'to')");
    best = vg_nearest(key, cand, n);
    if (best) fail(L, c->who, "unknown key '%s' (did you mean '%s'?)", key, best);
    key_list(c->ls, list, sizeof list);
    fail(L, c->who, "unknown key '%s' (valid keys: %s)", key, list);
}

/*
** First look at every key of the table (raw, in any order): unknown names
** (the alphabetically first is reported), positional values, keys that
** are neither names nor years. Returns how many year keys there are.
** [-0, +0, v]
*/
static long scan_keys(lua_State *L, const pcall *c) {
    const char *bad = NULL;
    lua_Integer pos = 0;
    long ny = 0;
    int other = 0;
    lua_pushnil(L);
    while (lua_next(L, c->t)) {
        lua_pop(L, 1);                          /* the value; key stays */
        if (lua_type(L, -1) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -1);
            if (key_index(c->ls, k) < 0 && (!bad || strcmp(k, bad) < 0)) bad = k;
        } else if (lua_isinteger(L, -1)) {
            lua_Integer y = lua_tointeger(L, -1);
            if (y >= 1 && y < 1000) {
                if (pos == 0 || y < pos) pos = y;
            } else {
                ny++;
            }
        } else {
            other = 1;
        }
    }
    if (bad) unknown_key(L, c, bad);
    if (pos)
        fail(L, c->who, "unexpected value at position %d: write key = value",
             (int)pos);
    if (other)
        fail(L, c->who, "keys must be names or years (as in [2020] = value)");
    return ny;
}

/* A year's validity: inside the run, and after the hook's year in a hook.
** label: "from = 2035", "[2035]"... [-0, +0, v] */
static void check_year(lua_State *L, const pcall *c, int y, const char *label) {
    const vigil_scenario *s = c->s;
    if (y < s->year_from || y > s->year_to)
        fail(L, c->who, "%s is outside the run (%d-%d)", label, s->year_from,
             s->year_to);
    if (s->phase == VG_PHASE_HOOK && y <= s->hook_year)
        fail(L, c->who, "a hook called in %d can only act in later years "
             "(from %d on), not in %d", s->hook_year, s->hook_year + 1, y);
}

/* The integer year at idx. [-0, +0, v] */
static int get_year(lua_State *L, const pcall *c, int idx, const char *key) {
    int isint;
    lua_Integer y = lua_tointegerx(L, idx, &isint);
    if (lua_type(L, idx) != LUA_TNUMBER)
        fail(L, c->who, "%s must be a whole year (got %s)", key,
             luaL_typename(L, idx));
    if (!isint || y < -99999 || y > 99999)
        fail(L, c->who, "%s must be a whole year (got %g)", key,
             (double)lua_tonumber(L, idx));
    return (int)y;
}

/* A number or a distribution at idx, checked against the key's range.
** label names it in messages. [-0, +0, v] */
static vigil_dist get_number(lua_State *L, const pcall *c, int idx,
                             const vg_keyspec *ks, const char *label) {
    vigil_dist d = {VIGIL_DIST_FIXED, 0, 0, 0, -HUGE_VAL, HUGE_VAL}, *p;
    char msg[MSGMAX];
    if (lua_type(L, idx) == LUA_TNUMBER) {
        d.a = lua_tonumber(L, idx);
        if (!isfinite(d.a))
            fail(L, c->who, "%s must be a finite number", label);
    } else if ((p = luaL_testudata(L, idx, DISTMT)) != NULL) {
        d = *p;
    } else {
        fail(L, c->who, "%s must be a number or a distribution (got %s)", label,
             luaL_typename(L, idx));
    }
    if (!vg_dist_check_range(&d, label, ks->unit, ks->lo, ks->hi, msg, sizeof msg))
        fail(L, c->who, "%s", msg);
    return d;
}

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/*
** Values by year: the integer keys of the table at t (all its keys when
** only_years) become c->years (sorted) and c->yval, for key k. The arrays
** live in a userdata left on the stack. [-0, +1, v]
*/
static void by_year(lua_State *L, pcall *c, int t, int k, long ny, int only_years) {
    const vg_keyspec *ks = &c->ls->key[k];
    char label[64];
    long i = 0;
    if (c->ls->timing != VG_T_SHOCK)
        fail(L, c->who, "values by year are for shocks; policies use from/to");
    if (c->yk >= 0 && c->yk != k)
        fail(L, c->who, "only one key can be given by year in one call (%s "
             "and %s); split the call", c->ls->key[c->yk].name, ks->name);
    if (ny == 0) fail(L, c->who, "%s: give at least one [year] = value", ks->name);
    c->years = lua_newuserdatauv(L, (size_t)(ny + 1) * sizeof(int) +
                                        (size_t)ny * sizeof(vigil_dist), 0);
    c->yval = (vigil_dist *)(void *)(c->years + ny + (ny & 1));
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_isinteger(L, -1)) {
            if (i < ny) c->years[i++] = get_year(L, c, -1, ks->name);
        } else if (only_years) {
            fail(L, c->who, "%s: keys must be years (as in [2020] = value)",
                 ks->name);
        }
    }
    qsort(c->years, (size_t)ny, sizeof *c->years, cmp_int);
    for (i = 0; i < ny; i++) {
        snprintf(label, sizeof label, "[%d]", c->years[i]);
        check_year(L, c, c->years[i], label);
        snprintf(label, sizeof label, "%s for %d", ks->name, c->years[i]);
        lua_rawgeti(L, t, c->years[i]);
        c->yval[i] = get_number(L, c, -1, ks, label);
        lua_pop(L, 1);
    }
    c->yk = k;
    c->ny = ny;
}

/* How many integer keys the table at t has. [-0, +0, -] */
static long count_years(lua_State *L, int t) {
    long n = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_isinteger(L, -1)) n++;
    }
    return n;
}

/* "-10%" -> -0.10; 0 when s is not a percentage. */
static int percent(const char *s, double *out) {
    char *end;
    double v = strtod(s, &end);
    if (end == s || strcmp(end, "%") != 0 || !isfinite(v)) return 0;
    *out = v / 100;
    return 1;
}

/* A coverage given as a string: the relative change "-10%" goes to the
** key "change". [-0, +0, v] */
static void coverage_text(lua_State *L, pcall *c, int idx) {
    int k = key_index(c->ls, "change");
    vigil_dist d = {VIGIL_DIST_FIXED, 0, 0, 0, -HUGE_VAL, HUGE_VAL};
    char msg[MSGMAX];
    if (!percent(lua_tostring(L, idx), &d.a))
        fail(L, c->who, "coverage must be a share, a distribution, or a "
             "relative change such as \"-10%%\" (got \"%s\")",
             lua_tostring(L, idx));
    if (!vg_dist_check_range(&d, "coverage change", c->ls->key[k].unit,
                             c->ls->key[k].lo, c->ls->key[k].hi, msg, sizeof msg))
        fail(L, c->who, "%s", msg);
    c->v[k].set = 1;
    c->v[k].d = d;
}

/* The name at idx (region, sector, goods), checked. [-0, +0, v] */
static const char *get_name(lua_State *L, const pcall *c, int idx,
                            const vg_keyspec *ks) {
    char msg[MSGMAX];
    const char *name;
    int ok;
    if (lua_type(L, idx) != LUA_TSTRING)
        fail(L, c->who, "%s must be a string (got %s)", ks->name,
             luaL_typename(L, idx));
    name = lua_tostring(L, idx);
    if (ks->type == VG_K_SECTOR) ok = vg_scn_check_sector(c->s, name, msg, sizeof msg);
    else if (ks->type == VG_K_GOODS) ok = vg_scn_check_goods(c->s, name, msg, sizeof msg);
    else ok = vg_scn_check_region(c->s, name, msg, sizeof msg);
    if (!ok) fail(L, c->who, "%s", msg);
    return name;
}

/* Reads key k (its value on top of the stack). Values by year leave their
** userdata on the stack under the value. [-0, +(0|1), v] */
static void read_key(lua_State *L, pcall *c, int k) {
    const vg_keyspec *ks = &c->ls->key[k];
    pval *v = &c->v[k];
    int idx = lua_gettop(L);
    switch (ks->type) {
    case VG_K_REGION: case VG_K_IMPORTER: case VG_K_ORIGIN:
    case VG_K_SECTOR: case VG_K_GOODS:
        v->str = get_name(L, c, idx, ks);
        break;
    case VG_K_YEAR: case VG_K_FROM: case VG_K_TO:
        v->year = get_year(L, c, idx, ks->name);
        break;
    case VG_K_BOOL:
        if (!lua_isboolean(L, idx))
            fail(L, c->who, "%s must be true or false (got %s)", ks->name,
                 luaL_typename(L, idx));
        v->d.kind = VIGIL_DIST_FIXED;
        v->d.a = lua_toboolean(L, idx);
        v->d.lo = 0;
        v->d.hi = 1;
        break;
    default:   /* numbers, coverage */
        if (ks->type == VG_K_COVERAGE && lua_type(L, idx) == LUA_TSTRING) {
            coverage_text(L, c, idx);
            return;
        }
        if (lua_type(L, idx) == LUA_TTABLE && c->ls->timing == VG_T_SHOCK) {
            by_year(L, c, idx, k, count_years(L, idx), 1);
            lua_insert(L, idx);          /* the arrays under the value */
            break;
        }
        v->d = get_number(L, c, idx, ks, ks->name);
        break;
    }
    if (v->set && ks->type == VG_K_NUMBER)   /* "change" after "-10%" */
        fail(L, c->who, "give coverage or change, not both");
    v->set = 1;
}

/* Required keys, and the groups of which one (or at least one) must be
** given. [-0, +0, v] */
static void check_required(lua_State *L, const pcall *c) {
    const vg_leverspec *ls = c->ls;
    int i, n = 0, given = 0;
    for (i = 0; ls->key[i].name; i++) {
        const vg_keyspec *ks = &ls->key[i];
        if ((ks->flags & VG_REQUIRED) && !c->v[i].set && c->yk != i)
            fail(L, c->who, "missing required key '%s'", ks->name);
    }
    for (i = 0; i < 3 && ls->one_of[i]; i++, n++)
        if (c->v[key_index(ls, ls->one_of[i])].set) given++;
    if (n == 0) return;
    if (ls->exactly && given != 1)
        fail(L, c->who, given ? "give %s or %s, not both"
                              : "give one of %s or %s", ls->one_of[0], ls->one_of[1]);
    if (!ls->exactly && given == 0)
        fail(L, c->who, "give at least one of %s, %s or %s", ls->one_of[0],
             ls->one_of[1], ls->one_of[2]);
}

/* The span of years when not by year. [-0, +0, v] */
static void timing(lua_State *L, pcall *c) {
    int ky = key_index(c->ls, "year");
    const pval *yr = ky >= 0 ? &c->v[ky] : NULL;
    const pval *fr = &c->v[key_index(c->ls, "from")];
    const pval *to = &c->v[key_index(c->ls, "to")];
    char label[64];
    if (c->yk >= 0) {
        if ((yr && yr->set) || fr->set || to->set)
            fail(L, c->who, "give either year/from/to or values by year, not both");
        return;
    }
    if (yr && yr->set && (fr->set || to->set))
        fail(L, c->who, "give either year or from/to, not both");
    if (to->set && !fr->set) fail(L, c->who, "'to' needs 'from'");
    if (yr && !yr->set && !fr->set)
        fail(L, c->who, "missing the year: give year = Y, from = Y (and to), "
             "or values by year ([Y] = value)");
    c->from = yr && yr->set ? yr->year : fr->year;
    c->to = yr && yr->set ? yr->year : to->set ? to->year : c->s->year_to;
    snprintf(label, sizeof label, "%s = %d", yr && yr->set ? "year" : "from",
             c->from);
    check_year(L, c, c->from, label);
    if (to->set) {
        snprintf(label, sizeof label, "to = %d", c->to);
        if (c->to < c->from)
            fail(L, c->who, "from = %d is after to = %d", c->from, c->to);
        check_year(L, c, c->to, label);
    }
}

/* }====================================================================== */

/*
** {======================================================================
** Making the instructions
** =======================================================================
*/

/* The caller's file (its full name) and line. [-0, +0, -] */
static void caller(lua_State *L, const char **file, int *line) {
    lua_Debug ar;
    *file = "?";
    *line = 0;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) {
        *file = ar.source[0] == '@' ? ar.source + 1 : ar.short_src;
        *line = ar.currentline;
    }
}

/* Interns a name of the call; raises on memory failure. [-0, +0, v] */
static const char *keep(lua_State *L, vigil_scenario *s, const char *str) {
    const char *p;
    if (str == NULL) return NULL;
    p = vg_scn_intern(s, str);
    if (p == NULL) nomem(L, s);
    return p;
}

/* Adds the parameter key = d to l. */
static void add_param(vigil_lever *l, const char *key, vigil_dist d) {
    l->key[l->nparam] = key;
    l->value[l->nparam++] = d;
}

/* Fills the names and the parameters of l from the call (the value of
** the key given by year: yval). [-0, +0, v] */
static void fill(lua_State *L, const pcall *c, vigil_lever *l,
                 const vigil_dist *yval) {
    const vg_keyspec *ks;
    int k;
    for (k = 0; (ks = &c->ls->key[k])->name; k++) {
        const pval *v = &c->v[k];
        const char *str = v->set ? v->str : ks->defstr;
        vigil_dist d = {VIGIL_DIST_FIXED, ks->def, 0, 0, ks->lo, ks->hi};
        switch (ks->type) {
        case VG_K_REGION: l->region = keep(L, c->s, str); break;
        case VG_K_IMPORTER:
            l->importer = l->region = keep(L, c->s, str);
            break;
        case VG_K_ORIGIN: l->origin = keep(L, c->s, str); break;
        case VG_K_SECTOR: l->sector = keep(L, c->s, str); break;
        case VG_K_GOODS: l->goods = keep(L, c->s, str); break;
        case VG_K_YEAR: case VG_K_FROM: case VG_K_TO: break;
        default:
            if (k == c->yk) add_param(l, ks->name, *yval);
            else if (v->set) add_param(l, ks->name, v->d);
            else if (!isnan(ks->def)) add_param(l, ks->name, d);
            break;
        }
    }
}

/* Appends the instructions of a checked call: one per year when by year,
** else one for the span. A replay only counts them. [-0, +0, v] */
static void emit(lua_State *L, const pcall *c) {
    vigil_scenario *s = c->s;
    long i, n = c->yk >= 0 ? c->ny : 1, before = s->nlever;
    const char *file;
    int line;
    if (s->phase == VG_PHASE_REPLAY) {
        s->nreplay += n;
        return;
    }
    caller(L, &file, &line);
    if ((file = vg_scn_intern(s, file)) == NULL) nomem(L, s);
    for (i = 0; i < n; i++) {
        vigil_lever *l = vg_scn_push(s);
        if (l == NULL) {
            s->nlever = before;
            nomem(L, s);
        }
        l->kind = c->ls->kind;
        l->file = file;
        l->line = line;
        l->from = c->yk >= 0 ? c->years[i] : c->from;
        l->to = c->yk >= 0 ? c->years[i] : c->to;
        l->dynamic = s->phase == VG_PHASE_HOOK;
        s->nlever--;              /* not listed until complete */
        fill(L, c, l, c->yk >= 0 ? &c->yval[i] : NULL);
        s->nlever++;
    }
}

/*
** Every lever: shock.gdp{...}, policy.due_diligence{...} ... Upvalues:
** the scenario, the lever's spec. [-1, +0, v]
*/
static int api_lever(lua_State *L) {
    pcall c;
    long ny;
    int k;
    memset(&c, 0, sizeof c);
    c.s = scn(L);
    c.ls = lua_touserdata(L, lua_upvalueindex(2));
    c.who = c.ls->name;
    c.yk = -1;
    c.t = 1;
    if (lua_gettop(L) != 1 || !lua_istable(L, 1))
        fail(L, c.who, "expects one table: %s { key = value, ... } (got %s)",
             c.who, lua_gettop(L) ? luaL_typename(L, 1) : "nothing");
    need_world(L, c.s);
    ny = scan_keys(L, &c);
    for (k = 0; c.ls->key[k].name; k++) {
        lua_pushstring(L, c.ls->key[k].name);
        if (lua_rawget(L, 1) == LUA_TNIL) {
            lua_pop(L, 1);
            continue;
        }
        read_key(L, &c, k);
        lua_pop(L, 1);
    }
    for (k = 0; ny > 0 && c.ls->key[k].name; k++)
        if (c.ls->key[k].flags & VG_MAIN) {
            if (c.v[k].set)
                fail(L, c.who, "give %s either as a value or by year ([%d] = "
                     "...), not both", c.ls->key[k].name, c.s->year_from);
            by_year(L, &c, 1, k, ny, 0);
        }
    check_required(L, &c);
    timing(L, &c);
    emit(L, &c);
    return 0;
}

/* }====================================================================== */

/*
** {======================================================================
** scenario{}, param.set, on_year
** =======================================================================
*/

static const char *const scenario_keys[] = {"name", "years", "world", "draws",
                                            "seed", "description", NULL};

/* The string field k of the table at 1, or NULL. [-0, +0, v] */
static const char *opt_string(lua_State *L, const char *k) {
    const char *v;
    lua_pushstring(L, k);
    if (lua_rawget(L, 1) == LUA_TNIL) {
        lua_pop(L, 1);
        return NULL;
    }
    if (lua_type(L, -1) != LUA_TSTRING)
        fail(L, "scenario", "%s must be a string (got %s)", k, luaL_typename(L, -1));
    v = lua_tostring(L, -1);
    lua_pop(L, 1);                       /* still referenced by the table */
    return v;
}

/* The integer field k in [lo, hi], or def. [-0, +0, v] */
static lua_Integer opt_integer(lua_State *L, const char *k, lua_Integer lo,
                               lua_Integer hi, lua_Integer def) {
    lua_Integer v;
    int isint;
    lua_pushstring(L, k);
    if (lua_rawget(L, 1) == LUA_TNIL) {
        lua_pop(L, 1);
        return def;
    }
    v = lua_tointegerx(L, -1, &isint);
    if (!isint || v < lo || v > hi)
        fail(L, "scenario", "%s must be a whole number in [%lld, %lld]", k,
             (long long)lo, (long long)hi);
    lua_pop(L, 1);
    return v;
}

/* years = {from, to} [-0, +0, v] */
static void get_years(lua_State *L, vigil_scenario *s) {
    lua_Integer y[2];
    int i, isint;
    lua_pushliteral(L, "years");
    if (lua_rawget(L, 1) == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (!lua_istable(L, -1) || luaL_len(L, -1) != 2)
        fail(L, "scenario", "years must be {from, to}, as in years = {2020, 2030}");
    for (i = 0; i < 2; i++) {
        lua_rawgeti(L, -1, i + 1);
        y[i] = lua_tointegerx(L, -1, &isint);
        if (!isint || y[i] < 1990 || y[i] > 2100)
            fail(L, "scenario", "years must be whole years in [1990, 2100]");
        lua_pop(L, 1);
    }
    if (y[0] > y[1])
        fail(L, "scenario", "years = {%d, %d}: the first year is after the last",
             (int)y[0], (int)y[1]);
    lua_pop(L, 1);
    s->year_from = (int)y[0];
    s->year_to = (int)y[1];
}

/* Sets a string field of the scenario; raises when out of memory. */
static void set_field(lua_State *L, vigil_scenario *s, char **field, const char *v) {
    char *copy;
    if (v == NULL) return;
    if ((copy = vg_strdup(v)) == NULL) nomem(L, s);
    vg_free(*field);
    *field = copy;
}

/* Reseeds math.random (the host's math.randomseed). [-0, +0, e] */
static void reseed(lua_State *L, lua_Integer seed) {
    lua_getglobal(L, "math");
    lua_getfield(L, -1, "randomseed");
    lua_pushinteger(L, seed);
    lua_call(L, 1, 0);
    lua_pop(L, 1);
}

/* The checks of scenario{} before any field is read. [-0, +0, v] */
static void scenario_checks(lua_State *L, vigil_scenario *s) {
    const char *bad = NULL;
    int i, known;
    if (s->phase == VG_PHASE_HOOK)
        fail(L, "scenario", "scenario { ... } belongs at the top of the file, "
             "not in a hook");
    if (s->declared_line)
        fail(L, "scenario", "scenario { ... } is already given (line %d)",
             s->declared_line);
    if (s->nlever > 0)
        fail(L, "scenario", "scenario { ... } must come before the first lever "
             "(line %d)", s->lever[0].line);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            fail(L, "scenario", "keys must be names (name, years, world, draws, "
                 "seed, description)");
        }
        for (i = 0, known = 0; scenario_keys[i]; i++)
            known |= strcmp(scenario_keys[i], lua_tostring(L, -1)) == 0;
        if (!known && (!bad || strcmp(lua_tostring(L, -1), bad) < 0))
            bad = lua_tostring(L, -1);
    }
    if (bad && vg_nearest(bad, scenario_keys, 6))
        fail(L, "scenario", "unknown key '%s' (did you mean '%s'?)", bad,
             vg_nearest(bad, scenario_keys, 6));
    if (bad)
        fail(L, "scenario", "unknown key '%s' (valid keys: name, years, world, "
             "draws, seed, description)", bad);
}

/* scenario { name, years = {from, to}, world, draws, seed, description }
** [-1, +0, v] */
static int api_scenario(lua_State *L) {
    vigil_scenario *s = scn(L);
    const char *name, *desc, *world;
    char msg[MSGMAX];
    lua_Integer draws, seed;
    lua_Debug ar;
    if (s->phase == VG_PHASE_REPLAY) {   /* the same file, run again */
        reseed(L, (lua_Integer)s->seed);
        return 0;
    }
    scenario_checks(L, s);
    name = opt_string(L, "name");
    desc = opt_string(L, "description");
    world = opt_string(L, "world");
    draws = opt_integer(L, "draws", 1, 10000000, VG_DEFAULT_DRAWS);
    seed = opt_integer(L, "seed", 0, LUA_MAXINTEGER, (lua_Integer)VG_DEFAULT_SEED);
    get_years(L, s);
    if (world && !vg_scn_check_world(world, msg, sizeof msg))
        fail(L, "scenario", "%s", msg);
    set_field(L, s, &s->name, name);
    set_field(L, s, &s->description, desc);
    set_field(L, s, &s->world_name, world);
    s->draws = (int)draws;
    s->seed = (unsigned long)seed;
    s->declared_line = lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar)
                           ? ar.currentline : 1;
    reseed(L, seed);
    need_world(L, s);
    return 0;
}

/* A parameter name: ^[%a_][%w_]*$ in the C locale. */
static int param_name(const char *p) {
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_'))
        return 0;
    for (p++; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9') || *p == '_'))
            return 0;
    return 1;
}

/* param.set(name, value): any model coefficient, from the start of the
** run (in a hook: from the next year) to its end. [-2, +0, v] */
static int api_param_set(lua_State *L) {
    static const vg_keyspec any = {"value", VG_K_NUMBER, 0, -HUGE_VAL, HUGE_VAL,
                                   NAN, NULL, "", "value"};
    vigil_scenario *s = scn(L);
    pcall c;
    const char *name, *file;
    vigil_lever *l;
    vigil_dist d;
    int from, line;
    memset(&c, 0, sizeof c);
    c.s = s;
    c.who = "param.set";
    if (lua_gettop(L) != 2)
        fail(L, c.who, "takes a name and a value: param.set(\"name\", value) "
             "(got %d argument%s)", lua_gettop(L), lua_gettop(L) == 1 ? "" : "s");
    if (lua_type(L, 1) != LUA_TSTRING)
        fail(L, c.who, "the name must be a string (got %s)", luaL_typename(L, 1));
    name = lua_tostring(L, 1);
    if (!param_name(name))
        fail(L, c.who, "invalid parameter name '%s' (letters, digits and '_', "
             "not starting with a digit)", name);
    d = get_number(L, &c, 2, &any, name);
    need_world(L, s);
    from = s->phase == VG_PHASE_HOOK ? s->hook_year + 1 : s->year_from;
    if (from > s->year_to)
        fail(L, c.who, "a hook called in %d, the last year of the run, cannot "
             "set parameters", s->hook_year);
    if (s->phase == VG_PHASE_REPLAY) {
        s->nreplay++;
        return 0;
    }
    caller(L, &file, &line);
    if ((file = vg_scn_intern(s, file)) == NULL ||
        (name = vg_scn_intern(s, name)) == NULL || (l = vg_scn_push(s)) == NULL)
        return nomem(L, s);
    l->kind = VIGIL_PARAM_SET;
    l->file = file;
    l->line = line;
    l->from = from;
    l->to = s->year_to;
    l->region = "*";
    l->dynamic = s->phase == VG_PHASE_HOOK;
    add_param(l, name, d);
    return 0;
}

/* on_year(function(year, state) ... end): registers a hook, run for every
** year of every draw. [-1, +0, v] */
static int api_on_year(lua_State *L) {
    vigil_scenario *s = scn(L);
    if (s->phase == VG_PHASE_HOOK)
        fail(L, "on_year", "hooks are registered at the top of the file, not "
             "in a hook");
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->hooks_ref);
    lua_pushvalue(L, 1);
    lua_rawseti(L, -2, s->nhook + 1);
    s->nhook++;
    return 0;
}

/* }====================================================================== */

/*
** {======================================================================
** The state a hook reads: state.year, state.draw, state.regions,
** state.<indicator>[<region>]. Read-only, and valid only during the call
** it was made for (it points at the model's view).
** =======================================================================
*/

typedef struct stateud {
    const vigil_state_view *v;   /* borrowed; NULL once the call is over */
    int year;
} stateud;

static const vigil_state_view *view_of(lua_State *L, const stateud *st) {
    if (st->v == NULL)
        luaL_error(L, "the state of %d can only be read during its on_year "
                   "call", st->year);
    return st->v;
}

/* state.x [-2, +1, v] */
static int state_index(lua_State *L) {
    stateud *st = luaL_checkudata(L, 1, STATEMT);
    const vigil_state_view *v = view_of(L, st);
    const char *key = lua_tostring(L, 2), *best;
    long i;
    if (key == NULL) return luaL_error(L, "state fields are names");
    if (strcmp(key, "year") == 0) lua_pushinteger(L, v->year);
    else if (strcmp(key, "draw") == 0) lua_pushinteger(L, v->draw);
    else if (strcmp(key, "regions") == 0) {
        lua_createtable(L, (int)v->nregion, 0);
        for (i = 0; i < v->nregion; i++) {
            lua_pushstring(L, v->region[i]);
            lua_rawseti(L, -2, i + 1);
        }
    } else {
        for (i = 0; i < v->nindicator; i++)
            if (strcmp(v->indicator[i], key) == 0) break;
        if (i == v->nindicator) {
            best = vg_nearest(key, v->indicator, v->nindicator);
            if (best)
                return luaL_error(L, "the state has no indicator '%s' (did you "
                                  "mean '%s'?)", key, best);
            return luaL_error(L, "the state has no indicator '%s'", key);
        }
        *(long *)lua_newuserdatauv(L, sizeof(long), 1) = i;
        lua_pushvalue(L, 1);
        lua_setiuservalue(L, -2, 1);     /* keeps the state alive */
        luaL_setmetatable(L, INDMT);
    }
    return 1;
}

static int readonly(lua_State *L) {
    return luaL_error(L, "the state is read-only");
}

/* The view and indicator of an indicator userdata at 1. [-0, +0, v] */
static const vigil_state_view *ind_view(lua_State *L, long *ind) {
    const vigil_state_view *v;
    *ind = *(long *)luaL_checkudata(L, 1, INDMT);
    lua_getiuservalue(L, 1, 1);
    v = view_of(L, lua_touserdata(L, -1));
    lua_pop(L, 1);
    return v;
}

/* state.child_labour["Sub-Saharan Africa"] [-2, +1, v] */
static int ind_index(lua_State *L) {
    long ind, r;
    const vigil_state_view *v = ind_view(L, &ind);
    const char *key = lua_tostring(L, 2), *best;
    for (r = 0; key && r < v->nregion; r++)
        if (strcmp(v->region[r], key) == 0) {
            lua_pushnumber(L, v->value[ind * v->nregion + r]);
            return 1;
        }
    if (key == NULL) return luaL_error(L, "regions of the state are names");
    best = vg_nearest(key, v->region, v->nregion);
    if (best)
        return luaL_error(L, "%s has no region '%s' (did you mean '%s'?)",
                          v->indicator[ind], key, best);
    return luaL_error(L, "%s has no region '%s'", v->indicator[ind], key);
}

/* The iterator of pairs(indicator): regions in the view's order.
** [-2, +2, v] */
static int ind_next(lua_State *L) {
    long ind, r = 0;
    const vigil_state_view *v = ind_view(L, &ind);
    if (!lua_isnil(L, 2)) {
        const char *key = lua_tostring(L, 2);
        for (r = 0; key && r < v->nregion; r++)
            if (strcmp(v->region[r], key) == 0) break;
        r++;
    }
    if (r >= v->nregion) return 0;
    lua_pushstring(L, v->region[r]);
    lua_pushnumber(L, v->value[ind * v->nregion + r]);
    return 2;
}

/* pairs(state.child_labour) [-1, +3, -] */
static int ind_pairs(lua_State *L) {
    luaL_checkudata(L, 1, INDMT);
    lua_pushcfunction(L, ind_next);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* }====================================================================== */

/*
** {======================================================================
** Registration, and the entry points of engine/scenario.c
** =======================================================================
*/

static const luaL_Reg dist_funcs[] = {
    {"normal", api_normal},
    {"lognormal", api_lognormal},
    {"uniform", api_uniform},
    {"triangular", api_triangular},
    {"beta", api_beta},
    {NULL, NULL}
};

/* __newindex of the library proxies. Upvalue 1: the library's name. */
static int lib_readonly(lua_State *L) {
    return luaL_error(L, "the %s library is read-only",
                      lua_tostring(L, lua_upvalueindex(1)));
}

/* Sets global name to a read-only proxy of the table on top (popped).
** [-1, +0, m] */
static void set_readonly_global(lua_State *L, const char *name) {
    lua_newtable(L);                     /* real, proxy */
    lua_createtable(L, 0, 3);            /* real, proxy, mt */
    lua_rotate(L, -3, -1);               /* proxy, mt, real */
    lua_setfield(L, -2, "__index");
    lua_pushstring(L, name);
    lua_pushcclosure(L, lib_readonly, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_setglobal(L, name);
}

/* The metatables of distributions and state views. [-0, +0, m] */
static void metatables(lua_State *L) {
    luaL_newmetatable(L, DISTMT);
    lua_pushcfunction(L, dist_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    luaL_newmetatable(L, STATEMT);
    lua_pushcfunction(L, state_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, readonly);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    luaL_newmetatable(L, INDMT);
    lua_pushcfunction(L, ind_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, readonly);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, ind_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 3);
}

/*
** Registers the language in a fresh host (run protected). Argument: the
** scenario. [-1, +0, m]
*/
static int p_register(lua_State *L) {
    static const char *const libs[] = {"shock", "policy", "trade"};
    vigil_scenario *s = lua_touserdata(L, 1);
    const vg_leverspec *ls;
    int i, k;
    metatables(L);
    for (i = 0; i < 3; i++) {
        lua_newtable(L);
        for (k = 0; k < VIGIL_NLEVER_KINDS; k++) {
            ls = vg_lever_spec((vigil_lever_kind)k);
            if (ls == NULL || strcmp(ls->lib, libs[i]) != 0) continue;
            lua_pushlightuserdata(L, s);
            lua_pushlightuserdata(L, (void *)ls);
            lua_pushcclosure(L, api_lever, 2);
            lua_setfield(L, -2, ls->field);
        }
        set_readonly_global(L, libs[i]);
    }
    lua_newtable(L);
    lua_pushlightuserdata(L, s);
    lua_pushcclosure(L, api_param_set, 1);
    lua_setfield(L, -2, "set");
    set_readonly_global(L, "param");
    lua_pushglobaltable(L);
    luaL_setfuncs(L, dist_funcs, 0);
    lua_pushlightuserdata(L, s);
    lua_pushcclosure(L, api_scenario, 1);
    lua_setfield(L, -2, "scenario");
    lua_pushlightuserdata(L, s);
    lua_pushcclosure(L, api_on_year, 1);
    lua_setfield(L, -2, "on_year");
    lua_pop(L, 1);
    lua_newtable(L);
    s->hooks_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

/* A fresh host with the language registered. */
static int open_host(vigil_ctx *ctx, vigil_scenario *s) {
    vg_lua_opts o;
    lua_State *L;
    int rc;
    memset(&o, 0, sizeof o);
    o.mem_limit = s->opts.max_memory;
    o.instr_limit = s->opts.max_instructions;
    o.seed = s->seed;
    o.lib_dir = s->lib_dir;
    vg_lua_close(s->lua);
    s->lua = NULL;
    if ((rc = vg_lua_open(ctx, &o, &s->lua)) != VIGIL_OK) return rc;
    L = vg_lua_state(s->lua);
    if (!lua_checkstack(L, 2)) return vigil_nomem(ctx, "vigil_scenario_load");
    lua_pushcfunction(L, p_register);
    lua_pushlightuserdata(L, s);
    return vg_lua_pcall(s->lua, ctx, 1, 0);
}

/* The status of a call into Lua, given what the bindings remembered. */
static int settle(vigil_ctx *ctx, vigil_scenario *s, int rc) {
    if (s->nomem) {
        s->nomem = 0;
        return vigil_nomem(ctx, "vigil_scenario_load");
    }
    if (s->world_rc) {
        rc = s->world_rc;
        s->world_rc = 0;
        return vigil_seterr(ctx, rc, "%s", s->world_msg);
    }
    return rc;
}

/* Pushes require's cache of modules (upvalue 3 of the host's require,
** engine/lua_host.c), or nil. [-0, +1, m] */
static int p_modules(lua_State *L) {
    lua_getglobal(L, "require");
    if (lua_getupvalue(L, -1, 3) == NULL) lua_pushnil(L);
    return 1;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Hashes the file with the modules it required (sorted by name). */
static int hash_modules(vigil_ctx *ctx, vigil_scenario *s) {
    lua_State *L = vg_lua_state(s->lua);
    const char **mod = NULL;
    char **path = NULL;
    long n = 0, i;
    int rc = VIGIL_OK;
    if (!lua_checkstack(L, 4)) return vigil_nomem(ctx, "vigil_scenario_load");
    lua_pushcfunction(L, p_modules);
    if ((rc = vg_lua_pcall(s->lua, ctx, 0, 1)) != VIGIL_OK) return rc;
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        return vigil_seterr(ctx, VIGIL_ESCRIPT, "vigil_scenario_load: cannot "
                            "list the modules required (lua_host.c changed?)");
    }
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        n++;
    }
    mod = vg_calloc((size_t)n + 1, sizeof *mod);
    path = vg_calloc((size_t)n + 1, sizeof *path);
    if (mod == NULL || path == NULL) rc = vigil_nomem(ctx, "vigil_scenario_load");
    for (i = 0, lua_pushnil(L); lua_next(L, -2); lua_pop(L, 1))
        if (rc == VIGIL_OK && lua_type(L, -2) == LUA_TSTRING && i < n)
            mod[i++] = lua_tostring(L, -2);
    n = i;
    if (rc == VIGIL_OK) qsort(mod, (size_t)n, sizeof *mod, cmp_str);
    for (i = 0; rc == VIGIL_OK && i < n; i++) {
        size_t len = strlen(s->lib_dir) + strlen(mod[i]) + 6;
        if ((path[i] = vg_malloc(len)) == NULL)
            rc = vigil_nomem(ctx, "vigil_scenario_load");
        else
            snprintf(path[i], len, "%s/%s.lua", s->lib_dir, mod[i]);
    }
    if (rc == VIGIL_OK)
        rc = vg_scn_hash(ctx, s, mod, (const char *const *)path, n);
    for (i = 0; path && i < n; i++) vg_free(path[i]);
    vg_free(path);
    vg_free(mod);
    lua_pop(L, 1);
    return rc;
}

int vg_api_load(vigil_ctx *ctx, vigil_scenario *s) {
    int rc = open_host(ctx, s);
    s->ctx = ctx;
    s->phase = VG_PHASE_LOAD;
    if (rc == VIGIL_OK) rc = vg_lua_dofile(s->lua, ctx, s->path);
    rc = settle(ctx, s, rc);
    s->nstatic = s->nlever;
    if (rc == VIGIL_OK) rc = hash_modules(ctx, s);
    s->ctx = NULL;
    return rc;
}

/* Runs the file again in a fresh host (a hook ran: its upvalues may have
** changed), checking that it makes the same instructions. */
static int replay(vigil_ctx *ctx, vigil_scenario *s) {
    int nhook = s->nhook, rc = open_host(ctx, s);
    s->phase = VG_PHASE_REPLAY;
    s->nreplay = 0;
    s->nhook = 0;
    if (rc == VIGIL_OK) rc = vg_lua_dofile(s->lua, ctx, s->path);
    rc = settle(ctx, s, rc);
    if (rc == VIGIL_OK && (s->nreplay != s->nstatic || s->nhook != nhook))
        rc = vigil_seterr(ctx, VIGIL_ESCRIPT, "%s: the file made %ld "
                          "instructions and %d hooks when run again for a new "
                          "draw, %ld and %d the first time", s->path,
                          s->nreplay, s->nhook, s->nstatic, nhook);
    s->dirty = 0;
    return rc;
}

/* Calls math.randomseed(seed). [-1, +0, e] */
static int p_reseed(lua_State *L) {
    reseed(L, lua_tointeger(L, 1));
    return 0;
}

int vg_api_begin_draw(vigil_ctx *ctx, vigil_scenario *s, unsigned long seed) {
    lua_State *L;
    int rc = VIGIL_OK;
    s->ctx = ctx;
    if (s->dirty) rc = replay(ctx, s);
    if (rc == VIGIL_OK) {
        L = vg_lua_state(s->lua);
        if (!lua_checkstack(L, 2)) {
            s->ctx = NULL;
            return vigil_nomem(ctx, "vigil_scenario_begin_draw");
        }
        lua_pushcfunction(L, p_reseed);
        lua_pushinteger(L, (lua_Integer)seed);
        rc = vg_lua_pcall(s->lua, ctx, 1, 0);
    }
    s->ctx = NULL;
    return rc;
}

/* Pushes the state userdata for view (light userdata 1). [-1, +1, m] */
static int p_state(lua_State *L) {
    const vigil_state_view *v = lua_touserdata(L, 1);
    stateud *st = lua_newuserdatauv(L, sizeof *st, 0);
    st->v = v;
    st->year = v->year;
    luaL_setmetatable(L, STATEMT);
    return 1;
}

/* Adds " (year Y, draw K)" to the first line of the error in ctx. */
static int hook_error(vigil_ctx *ctx, int rc, const vigil_state_view *v) {
    char msg[VIGIL_ERRMAX];
    size_t n;
    if (rc == VIGIL_ENOMEM) return rc;
    snprintf(msg, sizeof msg, "%s", vigil_errmsg(ctx));
    n = strcspn(msg, "\n");
    return vigil_seterr(ctx, rc, "%.*s (year %d, draw %d)%s", (int)n, msg,
                        v->year, v->draw, msg + n);
}

int vg_api_on_year(vigil_ctx *ctx, vigil_scenario *s, const vigil_state_view *v) {
    lua_State *L = vg_lua_state(s->lua);
    int i, top = lua_gettop(L), rc;
    s->ctx = ctx;
    s->phase = VG_PHASE_HOOK;
    s->hook_year = v->year;
    s->dirty = 1;
    if (!lua_checkstack(L, 6)) {
        rc = vigil_nomem(ctx, "vigil_scenario_on_year");
        goto done;
    }
    lua_pushcfunction(L, p_state);
    lua_pushlightuserdata(L, (void *)v);
    if ((rc = vg_lua_pcall(s->lua, ctx, 1, 1)) != VIGIL_OK) goto done;
    for (i = 1; rc == VIGIL_OK && i <= s->nhook; i++) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, s->hooks_ref);
        lua_rawgeti(L, -1, i);           /* state, hooks, fn */
        lua_remove(L, -2);
        lua_pushinteger(L, v->year);
        lua_pushvalue(L, top + 1);       /* state, fn, year, state */
        rc = settle(ctx, s, vg_lua_pcall(s->lua, ctx, 2, 0));
    }
    ((stateud *)lua_touserdata(L, top + 1))->v = NULL;   /* stale from now */
done:
    lua_settop(L, top);
    s->ctx = NULL;
    return rc == VIGIL_OK ? rc : hook_error(ctx, rc, v);
}

/* }====================================================================== */
