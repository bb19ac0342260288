/*
** vigil's entry point (like lua.c: all printing and exit codes are in the
** command-line layer, engine/cli*.c).
*/
#include "cli.h"

int main(int argc, char **argv) { return vigil_cli_main(argc, argv); }
