/*
** Tests of the Lua host (engine/lua_host.c): the sandbox's negative tests
** (every forbidden global or library is absent), exact error messages with
** file:line, the instruction and memory limits, require, the seeded
** math.random, and allocation failures (fault injection).
**
** Fixtures are in tests/lua/host/. The test runs from the source tree
** (VIGIL_SOURCE, else VIGIL_SOURCE_DIR) so that the paths in messages are
** short and the same on every machine: Lua cuts chunk names beyond
** LUA_IDSIZE (60) characters.
*/
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lua_host.h"
#include "test.h"

#define FIX "tests/lua/host/"
#define LIB "tests/lua/host/lib"

static char last_msg[VIGIL_ERRMAX];  /* the message of the last run */
static char last_line[VIGIL_ERRMAX]; /* its first line */

static vg_lua_opts opts(void) {
    vg_lua_opts o = {0, 0, 87, LIB};
    return o;
}

static int keep_message(vigil_ctx *ctx, int rc) {
    size_t n;
    snprintf(last_msg, sizeof last_msg, "%s", vigil_errmsg(ctx));
    n = strcspn(last_msg, "\n");
    memcpy(last_line, last_msg, n);
    last_line[n] = '\0';
    return rc;
}

/* Runs a fixture file (path) or a string (code, chunk "=check") in a
** fresh host; returns the status, with the message in last_msg/line. */
static int run(const vg_lua_opts *o, const char *path, const char *code) {
    vigil_ctx *ctx = vigil_open();
    vg_lua *h = NULL;
    int rc = vg_lua_open(ctx, o, &h);
    if (rc == VIGIL_OK)
        rc = path ? vg_lua_dofile(h, ctx, path)
                  : vg_lua_dostring(h, ctx, "=check", code);
    keep_message(ctx, rc);
    vg_lua_close(h);
    vigil_close(ctx);
    return rc;
}

static int run_file(const char *path) {
    vg_lua_opts o = opts();
    return run(&o, path, NULL);
}

static int run_code(const char *code) {
    vg_lua_opts o = opts();
    return run(&o, NULL, code);
}

/* The script fails with exactly this first line. */
static void check_fails(int rc, const char *line) {
    CHECK(rc == VIGIL_ESCRIPT);
    CHECK_STR(last_line, line);
}

static void test_open_close(void) {
    vigil_ctx *ctx = vigil_open();
    vg_lua *h = NULL;
    CHECK(vg_lua_open(ctx, NULL, &h) == VIGIL_OK);  /* all defaults */
    CHECK(h != NULL && vg_lua_state(h) != NULL);
    CHECK(vg_lua_dostring(h, ctx, NULL, "local x = 1") == VIGIL_OK);
    CHECK(vg_lua_dofile(h, ctx, FIX "ok.lua") == VIGIL_ESCRIPT); /* no lib */
    vg_lua_close(h);
    vg_lua_close(NULL);
    vigil_close(ctx);
    CHECK(run_file(FIX "ok.lua") == VIGIL_OK);
}

/* Every library and function left out of the sandbox is absent. */
static void test_absent(void) {
    static const char *const names[] = {"io", "os", "debug", "package",
        "dofile", "loadfile", "coroutine", "require_path", NULL};
    const char *const *p;
    char code[64], want[128];
    for (p = names; *p; p++) {
        snprintf(code, sizeof code, "return %s", *p);
        snprintf(want, sizeof want, "check:1: undefined global '%s'", *p);
        check_fails(run_code(code), want);
    }
    CHECK(run_code("assert(print and pairs and ipairs and next and select "
                   "and type and tostring and tonumber and pcall and xpcall "
                   "and error and assert and rawget and rawset and rawequal "
                   "and rawlen and getmetatable and setmetatable and load "
                   "and require and _VERSION and string and table and math "
                   "and utf8 and warn)") == VIGIL_OK);  /* the allow-list */
    CHECK(run_code("assert(string.dump == nil and ('').dump == nil)") ==
          VIGIL_OK);
    check_fails(run_code("collectgarbage('collect')"), "check:1: bad "
                "argument #1 to 'collectgarbage' (invalid option 'collect')");
    check_fails(run_code("collectgarbage('stop')"), "check:1: bad "
                "argument #1 to 'collectgarbage' (invalid option 'stop')");
    CHECK(run_code("assert(collectgarbage('count') > 0)") == VIGIL_OK);
    /* _G is the scenario's own env, never the real global table */
    CHECK(run_code("assert(_G == _ENV and getmetatable(_ENV) == false)") ==
          VIGIL_OK);
    check_fails(run_code("_G = nil; local g = _G"),
                "check:1: undefined global '_G'");
    check_fails(run_code("setmetatable(_ENV, nil)"),
                "check:1: cannot change a protected metatable");
    check_fails(run_code("_G.x = 1"), "check:1: assignment to undeclared "
                "global 'x' (declare it with 'local x')");
    check_fails(run_code("print = nil"), "check:1: assignment to "
                "undeclared global 'print' (declare it with 'local print')");
}

/* load is text only, and a loaded chunk gets a locked env of its own. */
static void test_load(void) {
    check_fails(run_code("local f, e = load('\\27Lua', 'bc', 'b')\n"
                         "assert(f == nil)\nerror(e, 0)"),
                "attempt to load a binary chunk (mode is 't')");
    check_fails(run_code("error(select(2, load(string.char(27) .. 'Lua')), 0)"),
                "attempt to load a binary chunk (mode is 't')");
    CHECK(run_code("assert(load('return 1 + 1')() == 2)") == VIGIL_OK);
    check_fails(run_code("load('y = 1', '=loaded')()"), "loaded:1: "
                "assignment to undeclared global 'y' (declare it with "
                "'local y')");
    check_fails(run_code("load(42)"), "check:1: bad argument #1 to 'load' "
                "(function expected, got number)");
    CHECK(run_code("local e = {}\nload('y = 1', '=l', 't', e)()\n"
                   "assert(e.y == 1)") == VIGIL_OK);
}

static void test_messages(void) {
    check_fails(run_file(FIX "undefined_global.lua"), FIX "undefined_global"
                ".lua:3: undefined global 'scenario_yeras'");
    check_fails(run_file(FIX "global_write.lua"), FIX "global_write.lua:2: "
                "assignment to undeclared global 'total' (declare it with "
                "'local total')");
    check_fails(run_file(FIX "syntax_error.lua"),
                FIX "syntax_error.lua:3: unexpected symbol near '='");
    check_fails(run_file(FIX "runtime_error.lua"), FIX "runtime_error.lua:3:"
                " attempt to index a nil value (local 'region')");
    CHECK(strstr(last_msg, "\nstack traceback:\n") != NULL);
    CHECK(strstr(last_msg, FIX "runtime_error.lua:5: in main chunk") != NULL);
    CHECK(run_file(FIX "nope.lua") == VIGIL_EIO);
    CHECK_STR(last_line, FIX "nope.lua: cannot read scenario file: "
              "No such file or directory");
    check_fails(run_code("error({})"), "(error object is a table value)");
    check_fails(run_code("error(setmetatable({}, {__tostring = function() "
                         "return 'custom' end}))"), "custom");
    check_fails(run_file(FIX "finalizer.lua"), FIX "finalizer.lua:2: bad "
                "argument #2 to 'setmetatable' (__gc metamethods are not "
                "allowed in scenarios)");
}

/* The instruction budget, including the C loops it is charged for. */
static void test_instructions(void) {
    vg_lua_opts o = opts();
    o.instr_limit = 1000000;
    check_fails(run(&o, FIX "infinite_loop.lua", NULL), FIX "infinite_loop"
                ".lua:3: instruction limit exceeded (1000000 instructions); "
                "raise it with --max-instructions");
    check_fails(run(&o, FIX "swallow_loop.lua", NULL), FIX "swallow_loop"
                ".lua:3: instruction limit exceeded (1000000 instructions); "
                "raise it with --max-instructions");
    check_fails(run(&o, NULL, "table.move({}, 1, 1e15, 1, {})"),
                "check:1: instruction limit exceeded (1000000 instructions); "
                "raise it with --max-instructions");
    check_fails(run(&o, NULL, "local t = setmetatable({}, {__len = "
                    "function() return 1e15 end})\ntable.insert(t, 1, 0)"),
                "check:2: instruction limit exceeded (1000000 instructions); "
                "raise it with --max-instructions");
    CHECK(run(&o, NULL, "assert(string.rep('', 1e15) == '' and "
              "('ab'):rep(3, ',') == 'ab,ab,ab' and ('x'):rep(0) == '')") ==
          VIGIL_OK);
    CHECK(run(&o, NULL, "local t = {1, 2, 3}\ntable.insert(t, 1, 0)\n"
              "assert(table.remove(t, 2) == 1 and #t == 3)\n"
              "assert(table.concat(table.move(t, 1, 3, 2), ',') == "
              "'0,0,2,3')") == VIGIL_OK);
}

static void test_memory(void) {
    vg_lua_opts o = opts();
    check_fails(run(&o, FIX "memory_bomb.lua", NULL), FIX "memory_bomb.lua:2:"
                " memory limit exceeded (256 MiB); raise it with --max-memory");
    check_fails(run(&o, FIX "big_alloc.lua", NULL), FIX "big_alloc.lua: "
                "memory limit exceeded (256 MiB); raise it with --max-memory");
    /* a refusal caught by the script does not poison the state */
    CHECK(run(&o, NULL, "assert(not pcall(string.rep, 'x', 1 << 30))\n"
              "assert(('y'):rep(3) == 'yyy')") == VIGIL_OK);
    o.mem_limit = (size_t)16 << 20;
    check_fails(run(&o, FIX "memory_bomb.lua", NULL), FIX "memory_bomb.lua:2:"
                " memory limit exceeded (16 MiB); raise it with --max-memory");
    o.mem_limit = 1024;
    check_fails(run(&o, FIX "ok.lua", NULL), "vg_lua_open: memory limit "
                "exceeded (1 KiB); raise it with --max-memory");
}

static void test_require(void) {
    CHECK(run_file(FIX "require_ok.lua") == VIGIL_OK);
    check_fails(run_file(FIX "require_parent.lua"), FIX "require_parent.lua"
                ":2: bad argument #1 to 'require' (invalid module name "
                "'../x': letters, digits and '_' only)");
    check_fails(run_file(FIX "require_absolute.lua"), FIX "require_absolute"
                ".lua:2: bad argument #1 to 'require' (invalid module name "
                "'/etc/passwd': letters, digits and '_' only)");
    check_fails(run_file(FIX "require_missing.lua"), FIX "require_missing"
                ".lua:2: module 'missing' not found (" LIB "/missing.lua: "
                "No such file or directory)");
    check_fails(run_file(FIX "require_global.lua"), LIB "/writes_global.lua"
                ":2: assignment to undeclared global 'counter' (declare it "
                "with 'local counter')");
    check_fails(run_code("local ok = pcall(require, 'writes_global')\n"
                         "require 'writes_global'"), "check:2: loop or "
                "previous error loading module 'writes_global'");
    check_fails(run_code("require 'loop'"), LIB "/loop.lua:2: loop or "
                "previous error loading module 'loop'");
    check_fails(run_code("require 'helper.x'"), "check:1: bad argument #1 to"
                " 'require' (invalid module name 'helper.x': letters, "
                "digits and '_' only)");
}

/* No file can be read or written: no io/os, require stays in lib_dir. */
static void test_files(void) {
    check_fails(run_file(FIX "reads_file.lua"),
                FIX "reads_file.lua:2: undefined global 'io'");
    check_fails(run_file(FIX "writes_file.lua"),
                FIX "writes_file.lua:2: undefined global 'os'");
    check_fails(run_code("return loadfile('/etc/passwd')"),
                "check:1: undefined global 'loadfile'");
}

#define DRAWS "error(string.format('%.17g %d %d %d %d', math.random(), " \
    "math.random(6), math.random(-5, 5), math.random(0), " \
    "math.random(1 << 40)), 0)"

/* math.random is the seeded mt19937: the same seed repeats exactly. */
static void test_random(void) {
    vg_lua_opts o = opts();
    char first[VIGIL_ERRMAX];
    run(&o, NULL, DRAWS);
    snprintf(first, sizeof first, "%s", last_line);
    CHECK_STR(first, "0.65626418523295682 4 4 -2423127652860606240 "
              "262204099695");
    run(&o, NULL, DRAWS);
    CHECK_STR(last_line, first);
    o.seed = 88;
    run(&o, NULL, DRAWS);
    CHECK(strcmp(last_line, first) != 0);
    CHECK(run_code("local a = math.random()\nmath.random(10)\n"
                   "math.randomseed()\nassert(math.random() == a)\n"
                   "math.randomseed(5)\nlocal b = math.random(100)\n"
                   "math.randomseed(5)\nassert(math.random(100) == b)") ==
          VIGIL_OK);
    CHECK(run_code("for i = 1, 1000 do\nlocal r = math.random(-3, 3)\n"
                   "assert(r >= -3 and r <= 3 and math.type(r) == "
                   "'integer')\nlocal x = math.random()\n"
                   "assert(x >= 0 and x < 1)\nend") == VIGIL_OK);
    check_fails(run_code("math.random(3, 1)"), "check:1: bad argument #1 "
                "to 'random' (interval is empty)");
    check_fails(run_code("math.random(1, 2, 3)"),
                "check:1: wrong number of arguments");
}

/* Every allocation of open + dofile fails in turn: a status each time,
** never a crash (and no leak, under LeakSanitizer). */
static void test_fault_injection(void) {
    vg_lua_opts o = opts();
    long k, refused;
    int rc;
    for (k = 0;; k++) {
        vigil_ctx *ctx = vigil_open();
        vg_lua *h = NULL;
        vg_alloc_fail_after(k);
        rc = vg_lua_open(ctx, &o, &h);
        if (rc == VIGIL_OK) rc = vg_lua_dofile(h, ctx, FIX "ok.lua");
        vg_lua_close(h);
        refused = vg_alloc_fail_after(-1);
        if (refused == 0) {
            CHECK(rc == VIGIL_OK);
            vigil_close(ctx);
            break;
        }
        if (!CHECK(rc == VIGIL_ENOMEM))
            fprintf(stderr, "  k=%ld rc=%d %s\n", k, rc, vigil_errmsg(ctx));
        vigil_close(ctx);
    }
    printf("fault injection: %ld allocation sites\n", k);
    CHECK(k > 100);
}

int main(void) {
    const char *src = getenv("VIGIL_SOURCE");
#ifdef VIGIL_SOURCE_DIR
    if (src == NULL) src = VIGIL_SOURCE_DIR;
#endif
    if (src == NULL || chdir(src) != 0) return test_skip("no source tree");
    test_open_close();
    test_absent();
    test_load();
    test_messages();
    test_instructions();
    test_memory();
    test_require();
    test_files();
    test_random();
    test_fault_injection();
    return test_done();
}
