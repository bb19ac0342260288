/*
** The Lua host: one sandboxed Lua 5.4 state per scenario (issue 4; see
** STYLE.md section 3 and DESIGN.md section 5). This file owns the state's
** allocator (memory cap, fault injection through vg_realloc), the
** instruction budget (a count hook), the allow-listed libraries, the
** locked per-scenario _ENV, the seeded math.random, and the one docall
** through which every call into Lua goes. The scenario language (lua_api.c)
** is a client of vg_lua_state.
**
** Layout of the sandbox, all built in protected mode by pmain:
**   G    the real global table (LUA_RIDX_GLOBALS): the libraries live
**        here. Scripts never get a reference to it.
**   B    the base: a copy of G made at set-up, whose metatable makes reads
**        of unknown names an error (and finds names added to G later).
**   env  one fresh table per scenario file, module or load(): metatable
**        {__index = B, __newindex = error, __metatable = false}, and
**        env._G = env. Its metatable is shared (registry[ENVMT]).
*/
#include <assert.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_rng.h>
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "lua_host.h"

#ifdef VIGIL_SOURCE_DIR
#define LIBDIR_DEFAULT VIGIL_SOURCE_DIR "/scenarios/lib"
#else
#define LIBDIR_DEFAULT "scenarios/lib"
#endif

#define HOOK_PERIOD 1000   /* instructions between two budget checks */
#define MODNAME_MAX 64     /* longest module name `require` accepts */
#define ENVMT "vigil.envmt" /* registry key of the shared env metatable */

enum { FAIL_NONE, FAIL_CAP, FAIL_SYS };  /* why an allocation was refused */

struct vg_lua {
    lua_State *L;           /* owned; NULL until lua_newstate succeeds */
    gsl_rng rng;            /* math.random; rng.state from vg_malloc */
    unsigned long seed;     /* the run's seed, for math.randomseed() */
    size_t mem_used;        /* bytes held by Lua, as Lua counts them */
    size_t mem_limit;       /* the limit scripts are held to */
    size_t mem_ceiling;     /* never exceeded: mem_limit + mem_limit/8 */
    int mem_check;          /* over mem_limit: check at next instruction */
    int fail;               /* FAIL_*: why the last growth was refused */
    long long instr_limit;  /* budget of one top-level call */
    long long instr_used;   /* spent in the current top-level call */
    int step;               /* the count hook's current period */
    int depth;              /* nesting of docall; 0 outside Lua */
};

/* The host of a state, kept in the state's extra space by vg_lua_open:
** hooks have no upvalues, so count_hook finds its host there. */
static vg_lua *host_of(lua_State *L) {
    return *(vg_lua **)lua_getextraspace(L);
}

/* "256 MiB", "1536 KiB" or "1000 bytes": the limit as the user set it. */
static void fmt_size(char *buf, size_t n, size_t bytes) {
    if (bytes % ((size_t)1 << 20) == 0)
        snprintf(buf, n, "%zu MiB", bytes >> 20);
    else if (bytes % 1024 == 0)
        snprintf(buf, n, "%zu KiB", bytes >> 10);
    else
        snprintf(buf, n, "%zu bytes", bytes);
}

static void mem_message(const vg_lua *h, char *buf, size_t n) {
    char size[48];
    fmt_size(size, sizeof size, h->mem_limit);
    snprintf(buf, n, "memory limit exceeded (%s); raise it with --max-memory",
             size);
}

static void instr_message(const vg_lua *h, char *buf, size_t n) {
    snprintf(buf, n, "instruction limit exceeded (%lld instructions); "
             "raise it with --max-instructions", h->instr_limit);
}

/*
** {======================================================================
** Budgets: the allocator and the count hook
** =======================================================================
*/

static void count_hook(lua_State *L, lua_Debug *ar);

/* Sets the count hook of thread L (the running one) to fire in n
** instructions. */
static void set_step(vg_lua *h, lua_State *L, int n) {
    h->step = n;
    lua_sethook(L, count_hook, LUA_MASKCOUNT, n);
}

/* Arms the hook for the next check: every instruction once a budget is
** spent (so that a script's pcall cannot swallow the error), else in
** periods of HOOK_PERIOD instructions. */
static void rearm(vg_lua *h, lua_State *L) {
    long long left = h->instr_limit - h->instr_used;
    if (h->mem_check || left <= 1) set_step(h, L, 1);
    else set_step(h, L, left < HOOK_PERIOD ? (int)left : HOOK_PERIOD);
}

/* Over mem_limit: check at the very next VM instruction. The interrupted
** period is charged in full (the hook cannot tell how much of it ran), so
** the budget errs on the safe side. lua_sethook is safe here: lua.c calls
** it from a signal handler. Only the main thread runs Lua (no coroutine
** library), so h->L is the running thread. */
static void mem_arm(vg_lua *h) {
    if (h->mem_check) return;
    h->mem_check = 1;
    h->instr_used += h->step;
    set_step(h, h->L, 1);
}

/*
** Admits a growth of delta bytes. Within mem_limit: yes. Beyond it, once
** the state exists: yes up to mem_ceiling, and the count hook checks at
** the next instruction (so the error carries the script's file:line).
** Otherwise the growth is refused; Lua then runs an emergency collection,
** retries, and raises LUA_ERRMEM (reported without a line).
*/
static int mem_admit(vg_lua *h, size_t delta) {
    size_t used = h->mem_used;
    if (used <= h->mem_limit && delta <= h->mem_limit - used) return 1;
    if (h->L && used <= h->mem_ceiling && delta <= h->mem_ceiling - used) {
        mem_arm(h);
        return 1;
    }
    h->fail = FAIL_CAP;
    return 0;
}

/*
** The lua_Alloc of every state (the manual's lua_Alloc, and ltests.c's
** memlimit). ptr == NULL means a new block, and osize is then a type tag.
** Memory comes from vg_realloc so that fault injection reaches Lua. Lua
** assumes that shrinking never fails: a refused shrink keeps the old,
** larger block, and the count follows Lua's view of the sizes.
*/
static void *l_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    vg_lua *h = ud;
    size_t old = ptr ? osize : 0;
    void *p;
    if (nsize == 0) {
        vg_free(ptr);
        h->mem_used -= old;
        return NULL;
    }
    if (nsize > old && !mem_admit(h, nsize - old)) return NULL;
    p = vg_realloc(ptr, nsize);
    if (p == NULL && nsize > old) {
        h->fail = FAIL_SYS;
        return NULL;
    }
    h->mem_used = h->mem_used - old + nsize;
    return p ? p : ptr;
}

/* Raises msg at the running function's file:line. In a hook, level 0 is
** the Lua function being executed (hooks get no CallInfo), which is why
** this is not luaL_error (level 1, its caller). */
static int hook_error(lua_State *L, const char *msg) {
    luaL_where(L, 0);
    lua_pushstring(L, msg);
    lua_concat(L, 2);
    return lua_error(L);
}

/* Over the limit: collect everything first (Lua's emergency collection,
** at a point where we can still raise with a location). Still over: an
** error, and the check stays armed until memory is released. */
static void check_memory(vg_lua *h, lua_State *L) {
    char msg[128];
    lua_gc(L, LUA_GCCOLLECT);
    if (h->mem_used <= h->mem_limit) {
        h->mem_check = 0;
        return;
    }
    mem_message(h, msg, sizeof msg);
    hook_error(L, msg);
}

/*
** The count hook: charges the period that just elapsed, enforces the
** memory limit when armed, then the instruction budget. [-0, +0, v]
*/
static void count_hook(lua_State *L, lua_Debug *ar) {
    vg_lua *h = host_of(L);
    char msg[128];
    UNUSED(ar);
    h->instr_used += h->step;
    if (h->mem_check) check_memory(h, L);
    if (h->instr_used >= h->instr_limit) {
        set_step(h, L, 1);
        instr_message(h, msg, sizeof msg);
        hook_error(L, msg);
    }
    rearm(h, L);
}

/* Charges n units of work done in a C loop (table.move ...) to the
** instruction budget, raising at the caller's line when it runs out.
** [-0, +0, v] */
static void charge(lua_State *L, vg_lua *h, lua_Integer n) {
    char msg[128];
    if (n <= 0) return;
    if (n >= h->instr_limit - h->instr_used) {
        h->instr_used = h->instr_limit;
        set_step(h, L, 1);
        instr_message(h, msg, sizeof msg);
        luaL_error(L, "%s", msg);
    }
    h->instr_used += n;
}

/* }====================================================================== */

/*
** {======================================================================
** docall: the single protected call
** =======================================================================
*/

/* The message handler (lua.c's): makes the error a string and appends the
** traceback. Not called for memory errors. [-1, +1, m] */
static int msghandler(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
            msg = lua_tostring(L, -1);
        else
            msg = lua_pushfstring(L, "(error object is a %s value)",
                                  luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

/* Does the first line of msg end in Lua's memory message? (A memory error
** re-raised as a string: by require after a failed load, or by a script
** that caught it with pcall.) */
static int is_memmsg(const char *msg) {
    static const char mem[] = "not enough memory";
    size_t n = strcspn(msg, "\n");
    return n >= sizeof mem - 1 && memcmp(msg + n - (sizeof mem - 1), mem,
                                         sizeof mem - 1) == 0;
}

/* A memory error: the system's (VIGIL_ENOMEM) or our limit's. */
static int report_memory(vg_lua *h, vigil_ctx *ctx, const char *where) {
    char msg[128];
    if (h->fail != FAIL_CAP) return vigil_nomem(ctx, where);
    mem_message(h, msg, sizeof msg);
    return vigil_seterr(ctx, VIGIL_ESCRIPT, "%s: %s", where, msg);
}

/* Stores the error on top of the stack (left there) in ctx. */
static int report(vg_lua *h, vigil_ctx *ctx, int status, const char *where) {
    const char *msg = lua_tostring(h->L, -1);
    if (status == LUA_ERRMEM || (h->fail != FAIL_NONE && msg && is_memmsg(msg)))
        return report_memory(h, ctx, where);
    if (msg == NULL) msg = "(error object is not a string)";
    if (status == LUA_ERRERR)   /* "error in error handling": no location */
        return vigil_seterr(ctx, VIGIL_ESCRIPT, "%s: %s", where, msg);
    return vigil_seterr(ctx, VIGIL_ESCRIPT, "%s", msg);
}

/* The callee's short source ("scenario.lua"), to place errors that carry
** no line (memory). The function is at index fn. */
static const char *callee_source(lua_State *L, int fn, char *buf, size_t n) {
    lua_Debug ar;
    lua_pushvalue(L, fn);
    lua_getinfo(L, ">S", &ar);
    if (strcmp(ar.what, "C") == 0) return "vg_lua_pcall";
    snprintf(buf, n, "%s", ar.short_src);
    return buf;
}

/*
** Calls the function below the nargs arguments on top of the stack, with
** msghandler under it (lua.c's docall). A top-level call (depth 0) starts
** a fresh instruction budget. where places errors without a line (NULL:
** the callee's source). On error, the function, arguments and message
** are popped and the status returned.
*/
static int docall(vg_lua *h, vigil_ctx *ctx, int nargs, int nres,
                  const char *where) {
    lua_State *L = h->L;
    int base = lua_gettop(L) - nargs, status, rc = VIGIL_OK;
    char src[LUA_IDSIZE];
    if (h->depth == 0) {
        h->instr_used = 0;
        h->fail = FAIL_NONE;
        rearm(h, L);
    }
    if (!lua_checkstack(L, 2)) {
        lua_settop(L, base - 1);
        return report_memory(h, ctx, where ? where : "vg_lua_pcall");
    }
    if (where == NULL) where = callee_source(L, base, src, sizeof src);
    lua_pushcfunction(L, msghandler);
    lua_insert(L, base);                 /* handler under the function */
    h->depth++;
    status = lua_pcall(L, nargs, nres, base);
    h->depth--;
    lua_remove(L, base);                 /* the handler */
    if (status != LUA_OK) {
        rc = report(h, ctx, status, where);
        lua_pop(L, 1);                   /* the message */
    }
    return rc;
}

/* }====================================================================== */

/*
** {======================================================================
** Environments: the locked _ENV of scenarios, modules and load()
** =======================================================================
*/

/* The key as text for messages (a global's name, normally). [-0, +1, e] */
static const char *keyname(lua_State *L, int idx) {
    return luaL_tolstring(L, idx, NULL);
}

/* __index of the base B: a name added to G after set-up (lua_api) is
** found there; any other name is an error at the reader's line.
** Upvalue 1: G. [-0, +1, e] */
static int base_index(lua_State *L) {
    lua_settop(L, 2);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) return 1;
    return luaL_error(L, "undefined global '%s'", keyname(L, 2));
}

/* __newindex of every env: globals cannot be created. [-0, +0, e] */
static int env_newindex(lua_State *L) {
    const char *name = keyname(L, 2);
    return luaL_error(L, "assignment to undeclared global '%s' (declare it "
                      "with 'local %s')", name, name);
}

/* Pushes a fresh env: {_G = itself} with the shared locked metatable.
** [-0, +1, m] */
static void new_env(lua_State *L) {
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, -2, "_G");           /* raw: no metatable yet */
    lua_getfield(L, LUA_REGISTRYINDEX, ENVMT);
    lua_setmetatable(L, -2);
}

/* Sets the _ENV (first upvalue) of the main chunk on top to a fresh env.
** [-0, +0, m] */
static void set_fresh_env(lua_State *L) {
    new_env(L);
    lua_setupvalue(L, -2, 1);
}

/* Builds B from the global table and stores the env metatable in the
** registry. Called last in pmain, once the libraries are trimmed.
** [-0, +0, m] */
static void seal_base(lua_State *L) {
    int g, b;
    lua_pushglobaltable(L);
    g = lua_gettop(L);
    lua_newtable(L);                     /* B */
    b = g + 1;
    lua_pushnil(L);
    while (lua_next(L, g)) {             /* key, value */
        lua_pushvalue(L, -2);
        lua_insert(L, -2);               /* key, key, value */
        lua_rawset(L, b);                /* B[key] = value; key stays */
    }
    lua_pushnil(L);
    lua_setfield(L, b, "_G");            /* each env has its own _G */
    lua_createtable(L, 0, 2);            /* B's metatable */
    lua_pushvalue(L, g);
    lua_pushcclosure(L, base_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, b);
    lua_createtable(L, 0, 3);            /* the env metatable */
    lua_pushvalue(L, b);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, env_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setfield(L, LUA_REGISTRYINDEX, ENVMT);
    lua_settop(L, g - 1);
}

/* }====================================================================== */

/*
** {======================================================================
** Base library replacements: load, require, setmetatable, collectgarbage
** =======================================================================
*/

/* Calls upvalue 2 (the stock function) with all the arguments.
** [-n, +r, e] */
static int forward(lua_State *L) {
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

/*
** load(chunk [, chunkname [, mode [, env]]]): the stock load with mode
** forced to "t" (no bytecode, whatever was asked) and, when env is
** absent, a fresh locked env instead of the real global table.
** Upvalues: host, stock load. [-(1..4), +(1|2), -]
*/
static int base_load(lua_State *L) {
    int has_env = !lua_isnone(L, 4);
    if (lua_type(L, 1) != LUA_TSTRING)   /* checked here, at the caller's */
        luaL_checktype(L, 1, LUA_TFUNCTION);   /* line, not in stock load */
    luaL_optstring(L, 2, NULL);
    lua_settop(L, 4);
    lua_pushliteral(L, "t");
    lua_replace(L, 3);
    if (!has_env) {
        new_env(L);
        lua_replace(L, 4);
    }
    return forward(L);
}

/* Module names are letters, digits and '_' (Lua's ^[%w_]+$ in the C
** locale): no dots, slashes or drive letters, so no path escapes. */
static int valid_modname(const char *s, size_t n) {
    size_t i;
    if (n == 0 || n > MODNAME_MAX) return 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
              (c >= 'A' && c <= 'Z')))
            return 0;
    }
    return 1;
}

/* The reason at the end of luaL_loadfilex's "cannot open F: reason". */
static const char *file_reason(const char *msg) {
    const char *p = strrchr(msg, ':');
    return (p && p[1] == ' ') ? p + 2 : msg;
}

/* Loads lib_dir/name.lua (text only) with a fresh env; pushes the path
** and the chunk. A syntax or memory error is re-raised as it is. Upvalue
** 2 of require: lib_dir. [-0, +2, e] */
static void load_module(lua_State *L, const char *name) {
    const char *path = lua_pushfstring(L, "%s/%s.lua",
                                       lua_tostring(L, lua_upvalueindex(2)),
                                       name);
    int status = luaL_loadfilex(L, path, "t");
    if (status == LUA_ERRFILE)
        luaL_error(L, "module '%s' not found (%s: %s)", name, path,
                   file_reason(lua_tostring(L, -1)));
    else if (status != LUA_OK)
        lua_error(L);
    set_fresh_env(L);
}

/*
** require(name): runs lib_dir/name.lua once, in its own locked env, and
** caches its result (true when it returns nothing). The module runs with
** lua_call on purpose: this binding is itself inside a docall, whose
** handler gives the traceback through the module. A module that failed
** (or requires itself) stays marked as loading, and requiring it again
** says so. Upvalues: host (the loading mark), lib_dir, cache.
** [-1, +1, e]
*/
static int base_require(lua_State *L) {
    size_t len;
    const char *name = luaL_checklstring(L, 1, &len);
    if (!valid_modname(name, len))
        return luaL_argerror(L, 1, lua_pushfstring(L,
            "invalid module name '%s': letters, digits and '_' only", name));
    lua_settop(L, 1);
    if (lua_getfield(L, lua_upvalueindex(3), name) != LUA_TNIL) {
        if (lua_touserdata(L, -1) == lua_touserdata(L, lua_upvalueindex(1)))
            return luaL_error(L, "loop or previous error loading module "
                              "'%s'", name);
        return 1;
    }
    lua_pop(L, 1);
    load_module(L, name);                /* name, path, chunk */
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_setfield(L, lua_upvalueindex(3), name);   /* mark as loading */
    lua_insert(L, 1);                    /* chunk, name, path */
    lua_call(L, 2, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, lua_upvalueindex(3), name);
    return 1;
}

/*
** setmetatable(t, mt): lbaselib's, refusing a metatable with a __gc
** field. Finalizers run with hooks off (lgc.c GCTM), so the instruction
** budget could not stop a looping one. [-2, +1, e]
*/
static int base_setmetatable(lua_State *L) {
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_argerror(L, 2, "__gc metamethods are not allowed "
                                 "in scenarios");
        lua_pop(L, 1);
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/* collectgarbage("count"): memory in use, in KiB. The other options are
** gone: "stop" would defeat the memory limit's collection, and a loop of
** "collect" costs far more than the instructions it is charged. [-1, +1, e] */
static int base_collectgarbage(lua_State *L) {
    static const char *const opts[] = {"count", NULL};
    luaL_checkoption(L, 1, NULL, opts);
    lua_pushnumber(L, (lua_Number)lua_gc(L, LUA_GCCOUNT) +
                          (lua_Number)lua_gc(L, LUA_GCCOUNTB) / 1024);
    return 1;
}

/* }====================================================================== */

/*
** {======================================================================
** Library functions whose C loops are bounded or charged
** Adapted from Lua 5.4.4 lstrlib.c and ltablib.c (MIT licence). The stock
** versions loop in C, where the count hook never runs: string.rep("", n)
** loops n times, table.move runs over any integer range, and insert and
** remove shift #t elements, which a __len metamethod makes arbitrary.
** These take tables only (not proxies with metamethods instead).
** Upvalue 1 of the table functions: the host.
** =======================================================================
*/

#define REP_MAX ((size_t)INT_MAX)  /* lstrlib's MAXSIZE on 64-bit */

/* string.rep(s, n [, sep]) [-(2|3), +1, m] */
static int str_rep(lua_State *L) {
    size_t l, lsep;
    const char *s = luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    const char *sep = luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || l + lsep == 0) {
        lua_pushliteral(L, "");
    } else if (l + lsep < l || l + lsep > REP_MAX / (size_t)n) {
        return luaL_error(L, "resulting string too large");
    } else {
        size_t total = (size_t)n * l + (size_t)(n - 1) * lsep;
        luaL_Buffer b;
        char *p = luaL_buffinitsize(L, &b, total);
        for (; n > 1; n--) {
            memcpy(p, s, l);
            p += l;
            if (lsep > 0) {
                memcpy(p, sep, lsep);
                p += lsep;
            }
        }
        memcpy(p, s, l);
        luaL_pushresultsize(&b, total);
    }
    return 1;
}

static const luaL_Reg str_funcs[] = {
    {"rep", str_rep},
    {NULL, NULL}
};

/* table.insert(t, [pos,] v) [-(2|3), +0, e] */
static int tab_insert(lua_State *L) {
    vg_lua *h = lua_touserdata(L, lua_upvalueindex(1));
    lua_Integer e, pos, i;
    luaL_checktype(L, 1, LUA_TTABLE);
    e = luaL_len(L, 1);
    e = (lua_Integer)((lua_Unsigned)e + 1u);   /* first empty element */
    switch (lua_gettop(L)) {
    case 2:
        pos = e;
        break;
    case 3:
        pos = luaL_checkinteger(L, 2);
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2,
                      "position out of bounds");
        charge(L, h, e > pos ? e - pos : 0);
        for (i = e; i > pos; i--) {      /* t[i] = t[i - 1] */
            lua_geti(L, 1, i - 1);
            lua_seti(L, 1, i);
        }
        break;
    default:
        return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, pos);                 /* t[pos] = v */
    return 0;
}

/* table.remove(t [, pos]) [-(1|2), +1, e] */
static int tab_remove(lua_State *L) {
    vg_lua *h = lua_touserdata(L, lua_upvalueindex(1));
    lua_Integer size, pos;
    luaL_checktype(L, 1, LUA_TTABLE);
    size = luaL_len(L, 1);
    pos = luaL_optinteger(L, 2, size);
    if (pos != size)
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2,
                      "position out of bounds");
    charge(L, h, size > pos ? size - pos : 0);
    lua_geti(L, 1, pos);                 /* result = t[pos] */
    for (; pos < size; pos++) {          /* t[pos] = t[pos + 1] */
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}

/* table.move(a1, f, e, t [, a2]) [-(4|5), +1, e] */
static int tab_move(lua_State *L) {
    vg_lua *h = lua_touserdata(L, lua_upvalueindex(1));
    lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
    lua_Integer t = luaL_checkinteger(L, 4), n, i;
    int tt = !lua_isnoneornil(L, 5) ? 5 : 1;   /* destination table */
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, tt, LUA_TTABLE);
    if (e >= f) {
        luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3,
                      "too many elements to move");
        n = e - f + 1;
        luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4,
                      "destination wrap around");
        charge(L, h, n);
        if (t > e || t <= f || (tt != 1 && !lua_rawequal(L, 1, tt))) {
            for (i = 0; i < n; i++) {
                lua_geti(L, 1, f + i);
                lua_seti(L, tt, t + i);
            }
        } else {
            for (i = n - 1; i >= 0; i--) {
                lua_geti(L, 1, f + i);
                lua_seti(L, tt, t + i);
            }
        }
    }
    lua_pushvalue(L, tt);
    return 1;
}

static const luaL_Reg tab_funcs[] = {
    {"insert", tab_insert},
    {"remove", tab_remove},
    {"move", tab_move},
    {NULL, NULL}
};

/* }====================================================================== */

/*
** {======================================================================
** math.random on the host's gsl_rng (mt19937), with Lua's semantics
** =======================================================================
*/

/* 64 random bits from two 32-bit mt19937 outputs (range 0..2^32-1). */
static lua_Unsigned draw64(vg_lua *h) {
    lua_Unsigned hi = gsl_rng_get(&h->rng);
    return (hi << 32) | (lua_Unsigned)gsl_rng_get(&h->rng);
}

/* A float in [0, 1) with 53 random bits (genrand_res53 of the mt19937
** reference code): (a * 2^26 + b) / 2^53 with a, b of 27 and 26 bits. */
static lua_Number draw_float(vg_lua *h) {
    unsigned long a = gsl_rng_get(&h->rng) >> 5;
    unsigned long b = gsl_rng_get(&h->rng) >> 6;
    return ((lua_Number)a * 67108864.0 + (lua_Number)b) *
           (1.0 / 9007199254740992.0);
}

/* A uniform integer in [0, n]: lmathlib's 'project', by rejection on the
** smallest 2^b - 1 >= n, so unbiased. */
static lua_Unsigned project(vg_lua *h, lua_Unsigned ran, lua_Unsigned n) {
    lua_Unsigned lim = n;
    if ((n & (n + 1)) == 0) return ran & n;   /* n + 1 is a power of 2 */
    lim |= lim >> 1;
    lim |= lim >> 2;
    lim |= lim >> 4;
    lim |= lim >> 8;
    lim |= lim >> 16;
    lim |= lim >> 32;
    while ((ran &= lim) > n) ran = draw64(h);
    return ran;
}

/*
** math.random([m [, n]]): as in Lua 5.4: no argument, a float in [0, 1);
** random(0), a full 64-bit integer; random(n), an integer in [1, n];
** random(m, n), an integer in [m, n]. Arguments are checked before any
** draw. Upvalue 1: the host. [-(0|1|2), +1, v]
*/
static int math_random(lua_State *L) {
    vg_lua *h = lua_touserdata(L, lua_upvalueindex(1));
    lua_Integer low, up;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, draw_float(h));
        return 1;
    case 1:
        low = 1;
        up = luaL_checkinteger(L, 1);
        if (up == 0) {
            lua_pushinteger(L, (lua_Integer)draw64(h));
            return 1;
        }
        break;
    case 2:
        low = luaL_checkinteger(L, 1);
        up = luaL_checkinteger(L, 2);
        break;
    default:
        return luaL_error(L, "wrong number of arguments");
    }
    luaL_argcheck(L, low <= up, 1, "interval is empty");
    lua_pushinteger(L, (lua_Integer)(project(h, draw64(h), (lua_Unsigned)up -
                                     (lua_Unsigned)low) + (lua_Unsigned)low));
    return 1;
}

/* math.randomseed([n]): reseeds with n (an integer; mt19937 keeps its low
** 32 bits), or with the run's seed when n is absent: never from the
** clock, so runs repeat. Upvalue 1: the host. [-(0|1), +0, v] */
static int math_randomseed(lua_State *L) {
    vg_lua *h = lua_touserdata(L, lua_upvalueindex(1));
    if (lua_isnone(L, 1))
        gsl_rng_set(&h->rng, h->seed);
    else
        gsl_rng_set(&h->rng, (unsigned long)luaL_checkinteger(L, 1));
    return 0;
}

static const luaL_Reg math_funcs[] = {
    {"random", math_random},
    {"randomseed", math_randomseed},
    {NULL, NULL}
};

/* }====================================================================== */

/*
** {======================================================================
** Set-up (in protected mode) and the public API
** =======================================================================
*/

/* The allow-list (linit.c's, edited): no io, os, debug, package,
** coroutine. */
static const luaL_Reg loadedlibs[] = {
    {LUA_GNAME, luaopen_base},
    {LUA_STRLIBNAME, luaopen_string},
    {LUA_TABLIBNAME, luaopen_table},
    {LUA_MATHLIBNAME, luaopen_math},
    {LUA_UTF8LIBNAME, luaopen_utf8},
    {NULL, NULL}
};

/* Sets field name of the table at t to fn with upvalues (host, the stock
** t[name]). [-0, +0, m] */
static void wrap(lua_State *L, vg_lua *h, int t, const char *name,
                 lua_CFunction fn) {
    lua_pushlightuserdata(L, h);
    lua_getfield(L, t, name);
    lua_pushcclosure(L, fn, 2);
    lua_setfield(L, t, name);
}

/* Sets t[name] = nil for the table at index t. [-0, +0, e] */
static void drop(lua_State *L, int t, const char *name) {
    lua_pushnil(L);
    lua_setfield(L, t, name);
}

/* Trims the base library in the global table (at g). [-0, +0, m] */
static void trim_base(lua_State *L, vg_lua *h, int g, const char *libdir) {
    drop(L, g, "dofile");
    drop(L, g, "loadfile");
    wrap(L, h, g, "load", base_load);
    lua_pushcfunction(L, base_setmetatable);
    lua_setfield(L, g, "setmetatable");
    lua_pushcfunction(L, base_collectgarbage);
    lua_setfield(L, g, "collectgarbage");
    lua_pushlightuserdata(L, h);
    lua_pushstring(L, libdir);
    lua_newtable(L);                     /* require's cache */
    lua_pushcclosure(L, base_require, 3);
    lua_setfield(L, g, "require");
}

/* Replaces functions of the library g[lib] by funcs (upvalue: host);
** dump, when given, is removed. [-0, +0, m] */
static void patch_lib(lua_State *L, vg_lua *h, int g, const char *lib,
                      const luaL_Reg *funcs, const char *dump) {
    lua_getfield(L, g, lib);
    if (dump) drop(L, lua_gettop(L), dump);
    lua_pushlightuserdata(L, h);
    luaL_setfuncs(L, funcs, 1);
    lua_pop(L, 1);
}

/*
** Builds the sandbox (STYLE.md 3.2): runs under lua_pcall, so a memory
** error is a status, not a panic. Arguments: the host and lib_dir, as
** light userdata. [-2, +0, m]
*/
static int pmain(lua_State *L) {
    vg_lua *h = lua_touserdata(L, 1);
    const char *libdir = lua_touserdata(L, 2);
    const luaL_Reg *lib;
    int g;
    luaL_checkversion(L);
    for (lib = loadedlibs; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    lua_pushglobaltable(L);
    g = lua_gettop(L);
    trim_base(L, h, g, libdir);
    patch_lib(L, h, g, LUA_STRLIBNAME, str_funcs, "dump");
    patch_lib(L, h, g, LUA_TABLIBNAME, tab_funcs, NULL);
    patch_lib(L, h, g, LUA_MATHLIBNAME, math_funcs, NULL);
    drop(L, g, LUA_GNAME);   /* else B's fallback would hand out G */
    lua_pop(L, 1);
    seal_base(L);
    return 0;
}

/* Allocates the host and its RNG; the gsl_rng is built by hand (as
** gsl_rng_alloc does) so that its state comes from vg_malloc and GSL's
** error handler is never involved. NULL when out of memory. */
static vg_lua *host_new(const vg_lua_opts *o) {
    vg_lua *h = vg_calloc(1, sizeof *h);
    if (h == NULL) return NULL;
    h->rng.type = gsl_rng_mt19937;
    h->rng.state = vg_malloc(gsl_rng_mt19937->size);
    if (h->rng.state == NULL) {
        vg_free(h);
        return NULL;
    }
    h->seed = o->seed;
    gsl_rng_set(&h->rng, h->seed);
    h->mem_limit = o->mem_limit ? o->mem_limit : VG_LUA_MEM_DEFAULT;
    h->mem_ceiling = h->mem_limit + (h->mem_limit / 8 < SIZE_MAX - h->mem_limit
                                         ? h->mem_limit / 8
                                         : SIZE_MAX - h->mem_limit);
    h->instr_limit = o->instr_limit > 0 ? o->instr_limit : VG_LUA_INSTR_DEFAULT;
    return h;
}

int vg_lua_open(vigil_ctx *ctx, const vg_lua_opts *opts, vg_lua **out) {
    static const vg_lua_opts defaults = {0, 0, 0, NULL};
    const vg_lua_opts *o = opts ? opts : &defaults;
    vg_lua *h = host_new(o);
    int rc;
    *out = NULL;
    if (h == NULL) return vigil_nomem(ctx, "vg_lua_open");
    h->L = lua_newstate(l_alloc, h);
    if (h->L == NULL) {
        rc = report_memory(h, ctx, "vg_lua_open");
        vg_lua_close(h);
        return rc;
    }
    *(vg_lua **)lua_getextraspace(h->L) = h;
    lua_pushcfunction(h->L, pmain);
    lua_pushlightuserdata(h->L, h);
    lua_pushlightuserdata(h->L, (void *)(o->lib_dir ? o->lib_dir
                                                    : LIBDIR_DEFAULT));
    rc = docall(h, ctx, 2, 0, "vg_lua_open");
    if (rc != VIGIL_OK) {
        vg_lua_close(h);
        return rc;
    }
    *out = h;
    return VIGIL_OK;
}

void vg_lua_close(vg_lua *h) {
    if (h == NULL) return;
    if (h->L) lua_close(h->L);
    vg_free(h->rng.state);
    vg_free(h);
}

/* Loads a chunk from the file (light userdata 1) or the string (2, with
** chunkname 3) and gives it a fresh env. Returns chunk, nil, LUA_OK; or
** nil, message, status, so that the C side can tell a file error from a
** syntax error. [-3, +3, m] */
static int p_load(lua_State *L) {
    const char *path = lua_touserdata(L, 1);
    const char *code = lua_touserdata(L, 2);
    const char *name = lua_touserdata(L, 3);
    int status = path ? luaL_loadfilex(L, path, "t")
                      : luaL_loadbufferx(L, code, strlen(code), name, "t");
    if (status != LUA_OK) {
        lua_pushnil(L);
        lua_insert(L, -2);               /* nil, message */
    } else {
        set_fresh_env(L);
        lua_pushnil(L);                  /* chunk, nil */
    }
    lua_pushinteger(L, status);
    return 3;
}

/* Reports a load failure (p_load's results on top); where names the
** file or the chunk. */
static int load_error(vg_lua *h, vigil_ctx *ctx, int status,
                      const char *where) {
    const char *msg = lua_tostring(h->L, -2);
    switch (status) {
    case LUA_ERRFILE:
        return vigil_seterr(ctx, VIGIL_EIO, "%s: cannot read scenario file: "
                            "%s", where, file_reason(msg));
    case LUA_ERRMEM:
        return report_memory(h, ctx, where);
    default:   /* LUA_ERRSYNTAX: "where:line: message near 'x'" */
        return vigil_seterr(ctx, VIGIL_ESCRIPT, "%s", msg);
    }
}

/* Loads (p_load) then runs a chunk: the body of vg_lua_dofile and
** vg_lua_dostring. where places errors without a line. */
static int load_and_run(vg_lua *h, vigil_ctx *ctx, const char *path,
                        const char *code, const char *name,
                        const char *where) {
    lua_State *L = h->L;
    int top = lua_gettop(L), rc, status;
    if (!lua_checkstack(L, 4)) return report_memory(h, ctx, where);
    lua_pushcfunction(L, p_load);
    lua_pushlightuserdata(L, (void *)path);
    lua_pushlightuserdata(L, (void *)code);
    lua_pushlightuserdata(L, (void *)name);
    rc = docall(h, ctx, 3, 3, where);
    if (rc != VIGIL_OK) return rc;
    status = (int)lua_tointeger(L, -1);
    if (status != LUA_OK) {
        rc = load_error(h, ctx, status, where);
        lua_settop(L, top);
        return rc;
    }
    lua_pop(L, 2);                       /* the chunk stays */
    rc = docall(h, ctx, 0, 0, where);
    assert(lua_gettop(L) == top);
    return rc;
}

int vg_lua_dofile(vg_lua *h, vigil_ctx *ctx, const char *path) {
    return load_and_run(h, ctx, path, NULL, NULL, path);
}

int vg_lua_dostring(vg_lua *h, vigil_ctx *ctx, const char *chunkname,
                    const char *code) {
    const char *name = chunkname ? chunkname : "=(string)";
    const char *where = (name[0] == '@' || name[0] == '=') ? name + 1 : name;
    return load_and_run(h, ctx, NULL, code, name, where);
}

int vg_lua_pcall(vg_lua *h, vigil_ctx *ctx, int nargs, int nres) {
    return docall(h, ctx, nargs, nres, NULL);
}

lua_State *vg_lua_state(vg_lua *h) { return h->L; }

/* }====================================================================== */
