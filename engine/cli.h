/*
** The command line: dispatch and one function per command. Only these
** files print; the engine below them records errors on the context.
*/
#ifndef VIGIL_CLI_H
#define VIGIL_CLI_H

#include "vigil/scenario.h"
#include "vigil_int.h"

/* Runs vigil with its arguments; returns the process exit code. */
int vigil_cli_main(int argc, char **argv);

/* Commands: argv[0] is the command name. Each returns an exit code. */
int vigil_cmd_mrio(int argc, char **argv);
int vigil_cmd_import(int argc, char **argv);
int vigil_cmd_world(int argc, char **argv);
int vigil_cmd_check(int argc, char **argv);
int vigil_cmd_run(int argc, char **argv);
int vigil_cmd_report(int argc, char **argv);
int vigil_cmd_batch(int argc, char **argv);

/* Prints "vigil: message" on stderr for the context's error and returns
** the exit code for it. */
int vigil_cli_fail(vigil_ctx *ctx);
/* One note on stderr, after prefix, per instruction of s with keys the
** model does not use yet (vigil_lever_unmodelled): said, not silently
** ignored. */
void vigil_cli_unmodelled_notes(const vigil_scenario *s, const char *prefix);
/* Prints "vigil: <fmt>" and a hint to use --help; returns 1 (usage). */
int vigil_cli_usage(const char *cmd, const char *fmt, ...) VIGIL_PRINTF(2, 3);

/* Option parsing helpers: when argv[*i] is opt, takes its value (next
** argument) into *val and returns 1; returns -1 when the value is missing. */
int vigil_opt_str(int argc, char **argv, int *i, const char *opt, const char **val);
/* Parses a double option value; returns 0 when it is not a number. */
int vigil_parse_double(const char *s, double *out);

#endif
