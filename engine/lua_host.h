/*
** The Lua host (issue 4): one sandboxed Lua 5.4 state per scenario, with
** a memory cap, an instruction budget, allow-listed libraries, a fresh
** locked _ENV per scenario file, a seeded math.random, and one protected
** call through which every call into Lua goes.
**
** Only engine/lua_*.c include the Lua headers. Other engine files see
** lua_State as an incomplete type (vg_lua_state is for lua_api.c).
*/
#ifndef VIGIL_LUA_HOST_H
#define VIGIL_LUA_HOST_H

#include <stddef.h>

#include "vigil_int.h"

struct lua_State;

/* Defaults, used when an option is 0. */
#define VG_LUA_MEM_DEFAULT ((size_t)256 << 20)   /* 256 MiB */
#define VG_LUA_INSTR_DEFAULT 100000000LL         /* 1e8 VM instructions */

typedef struct vg_lua vg_lua;

/* Options of vg_lua_open; a zeroed struct (or NULL) gives the defaults. */
typedef struct vg_lua_opts {
    size_t mem_limit;       /* bytes Lua may hold; 0: VG_LUA_MEM_DEFAULT */
    long long instr_limit;  /* VM instructions per top-level call into
                               Lua; <= 0: VG_LUA_INSTR_DEFAULT */
    unsigned long seed;     /* math.random's seed (GSL mt19937 uses its
                               low 32 bits) */
    const char *lib_dir;    /* the only folder `require` reads; NULL:
                               VIGIL_SOURCE_DIR "/scenarios/lib". Copied. */
} vg_lua_opts;

/*
** Creates a sandboxed state. On success *out holds the host (caller frees
** with vg_lua_close) and VIGIL_OK is returned. On failure *out is NULL
** and the status is VIGIL_ENOMEM (the system refused memory) or
** VIGIL_ESCRIPT (the memory limit is too small to set up Lua).
*/
int vg_lua_open(vigil_ctx *ctx, const vg_lua_opts *opts, vg_lua **out);

/* Closes the state and frees the host; accepts NULL. */
void vg_lua_close(vg_lua *h);

/*
** Loads a scenario file (text only; chunkname "@path", so errors read
** "path:line: message") and runs it in its own fresh _ENV. Returns
** VIGIL_OK, VIGIL_EIO (file unreadable), VIGIL_ESCRIPT (syntax or
** runtime error, a limit exceeded) or VIGIL_ENOMEM; the message is in ctx.
** The Lua stack is left as it was.
*/
int vg_lua_dofile(vg_lua *h, vigil_ctx *ctx, const char *path);

/*
** Like vg_lua_dofile for a string of Lua source (the prelude, tests).
** chunkname follows Lua's convention ("@file" or "=name"; NULL gives
** "=(string)"); errors are placed by it.
*/
int vg_lua_dostring(vg_lua *h, vigil_ctx *ctx, const char *chunkname,
                    const char *code);

/*
** The single protected call: the function and its nargs arguments are on
** top of the stack (pushed by the caller). On success they are replaced by
** nres results; on failure they are popped, and the message (first line
** "file:line: message", then the traceback) and status are stored in ctx.
** Instruction budget: each top-level call starts a fresh budget.
*/
int vg_lua_pcall(vg_lua *h, vigil_ctx *ctx, int nargs, int nres);

/* The state, for lua_api.c; borrowed, valid until vg_lua_close. Globals
** set in it with lua_setglobal are visible (read-only) to scenarios. */
struct lua_State *vg_lua_state(vg_lua *h);

#endif
