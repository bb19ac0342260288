/*
** vigil's command dispatch, help and version.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *const usage =
    "usage: vigil COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  run     project child and forced labour under a scenario (Lua), with\n"
    "          uncertainty, supply-chain attribution and a decomposition\n"
    "  world   a world: child and forced labour by region, export-linked\n"
    "          shares, footprints, sources (default: the built-in world)\n"
    "  mrio    MRIO accounts of a table (pymrio-compatible): output,\n"
    "          multipliers, D_cba/D_pba/D_imp/D_exp by region, export-linked\n"
    "          shares (direct and upstream)\n"
    "  import  convert a table to the canonical layout: OECD ICIO, long CSV\n"
    "  check   validate a scenario (Lua) and print the levers it understood\n"
    "  report  the briefing notes of a run or batch, English and French, HTML\n"
    "          and Markdown with PLplot charts (also written by run)\n"
    "  batch   run many scenarios (same world, seed, draws), compare them with\n"
    "          the baseline; --resume, --shard/--merge, --db (SQLite)\n"
    "\n"
    "Options:\n"
    "  --help       this help; `vigil COMMAND --help` for a command's\n"
    "  --version    the engine version\n"
    "\n"
    "Exit codes: 0 ok, 1 usage, 2 bad input data, 3 scenario error,\n"
    "4 system failure (memory, files, numerics). Errors are printed as\n"
    "`vigil: file:line:col: message`.\n";

int vigil_cli_fail(vigil_ctx *ctx) {
    fprintf(stderr, "vigil: %s\n", vigil_errmsg(ctx));
    return vigil_exit_code(vigil_errcode(ctx));
}

int vigil_cli_usage(const char *cmd, const char *fmt, ...) {
    va_list ap;
    fputs("vigil: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'vigil %s%s--help'.\n", cmd, *cmd ? " " : "");
    return 1;
}

int vigil_opt_str(int argc, char **argv, int *i, const char *opt, const char **val) {
    if (strcmp(argv[*i], opt) != 0) return 0;
    if (*i + 1 >= argc) return -1;
    *val = argv[++*i];
    return 1;
}

int vigil_parse_double(const char *s, double *out) {
    char *end;
    *out = strtod(s, &end);
    return end != s && *end == '\0';
}

int vigil_cli_main(int argc, char **argv) {
    static const struct { const char *name; int (*fn)(int, char **); } cmds[] = {
        {"mrio", vigil_cmd_mrio},
        {"import", vigil_cmd_import},
        {"world", vigil_cmd_world},
        {"check", vigil_cmd_check},
        {"run", vigil_cmd_run},
        {"report", vigil_cmd_report},
        {"batch", vigil_cmd_batch},
    };
    size_t i;
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 1 : 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("vigil %s\n", VIGIL_VERSION);
        return 0;
    }
    for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
        if (strcmp(argv[1], cmds[i].name) == 0) return cmds[i].fn(argc - 1, argv + 1);
    return vigil_cli_usage("", "unknown command '%s'", argv[1]);
}
