/*
** `vigil import FORMAT FILE --out DIR`: convert a published or hand-made
** table to the canonical layout (docs/IMPORT.md). Nothing is written
** unless the whole table was read.
*/
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "import.h"

static const char *const help =
    "usage: vigil import FORMAT FILE --out DIR [options]\n"
    "\n"
    "Converts a table to vigil's canonical layout (docs/FORMATS.md): Z.csv, Y.csv\n"
    "and, when the source has them, x.csv, F.csv and F_Y.csv, ready for\n"
    "`vigil mrio --table DIR`. Nothing is written unless the whole table was read.\n"
    "\n"
    "Formats (`vigil import FORMAT --help` for each):\n"
    "  icio    the OECD Inter-Country Input-Output table in its published CSV\n"
    "          layout (2018, 2021 and 2023 editions)\n"
    "  csv     a long table, one flow per row: from,to,value[,kind]\n"
    "\n"
    "docs/IMPORT.md describes both layouts and what is done with each part.\n";

static const char *const help_icio =
    "usage: vigil import icio FILE --out DIR [--keep-splits]\n"
    "\n"
    "Reads one year of the OECD ICIO table in its published CSV layout (the 2018,\n"
    "2021 and 2023 editions: ICIO2018_2015.CSV, ICIO2021_2018.csv, 2020_SML.csv ...)\n"
    "and writes to DIR:\n"
    "  Z.csv    intermediate flows between the REGION_INDUSTRY cells\n"
    "  Y.csv    final demand, one column per REGION_CATEGORY (HFCE, NPISH, GGFC,\n"
    "           GFCF, INVNT, DPABR ...)\n"
    "  x.csv    output, from the OUT (or TOTAL) column\n"
    "  F.csv    the value-added rows as stressors: TLS and VA (REGION_TAXSUB and\n"
    "           VALU in the older editions)\n"
    "  F_Y.csv  the same rows' final-demand columns (taxes on final products)\n"
    "China and Mexico split into CN1, CN2 and MX1, MX2 are added into CHN and MEX,\n"
    "as pymrio does.\n"
    "\n"
    "Options:\n"
    "  --out DIR       output folder (created if missing); required\n"
    "  --keep-splits   keep CN1, CN2, MX1, MX2 as regions of their own\n";

static const char *const help_csv =
    "usage: vigil import csv FILE --out DIR\n"
    "\n"
    "Reads a long table, one flow per row, with the header from,to,value or\n"
    "from,to,value,kind, and writes Z.csv, Y.csv and, with stressors, F.csv and\n"
    "F_Y.csv to DIR:\n"
    "  from    the supplying cell, REGION_SECTOR (for kind F: the stressor)\n"
    "  to      the buying cell, or a final-demand column REGION_CATEGORY (for\n"
    "          kind F: the cell or final-demand column it belongs to)\n"
    "  value   a number; a pair not listed is 0, a pair listed twice an error\n"
    "  kind    Z (intermediate), Y (final demand) or F (stressor). Without this\n"
    "          column, a row is intermediate when its `to` is the `from` of some\n"
    "          row, and final demand otherwise\n"
    "Cells, final-demand columns and stressors keep their order of first\n"
    "appearance. No x.csv is written: vigil mrio takes x = rowsum(Z) + rowsum(Y).\n"
    "\n"
    "Options:\n"
    "  --out DIR   output folder (created if missing); required\n";

typedef struct import_args {
    int icio;            /* the format: icio, or csv */
    const char *cmd;     /* "import icio" or "import csv", for messages */
    const char *file;
    const char *out;
    vg_icio_opts opts;
} import_args;

/* Parses one word at argv[*i]; returns 0 ok, -1 for --help, or an exit code. */
static int parse_one(int argc, char **argv, int *i, import_args *a) {
    const char *w = argv[*i];
    int got = vigil_opt_str(argc, argv, i, "--out", &a->out);
    if (got < 0) return vigil_cli_usage(a->cmd, "%s needs a value", "--out");
    if (got) return 0;
    if (strcmp(w, "--help") == 0 || strcmp(w, "-h") == 0) return -1;
    if (a->icio && strcmp(w, "--keep-splits") == 0) a->opts.keep_splits = 1;
    else if (w[0] == '-' && w[1] != '\0') return vigil_cli_usage(a->cmd, "unknown option '%s'", w);
    else if (a->file) return vigil_cli_usage(a->cmd, "one FILE only, not also '%s'", w);
    else a->file = w;
    return 0;
}

static int run(vigil_ctx *ctx, const import_args *a) {
    vg_canon t;
    int rc = a->icio ? vg_import_icio(ctx, a->file, &a->opts, &t)
                     : vg_import_csv(ctx, a->file, &t);
    if (rc == VIGIL_OK) rc = vg_canon_write(ctx, &t, a->out);
    if (rc == VIGIL_OK && t.note)
        fprintf(stderr, "vigil: note: split countries added up as pymrio does: %s "
                        "(--keep-splits keeps them)\n", t.note);
    if (rc == VIGIL_OK)
        printf("vigil %s: %ld cells, %ld regions, %ld final-demand columns, "
               "%ld stressors -> %s\n", a->cmd, t.n, vg_canon_nregions(&t), t.ny, t.nf,
               a->out);
    vg_canon_free(&t);
    return rc;
}

static int format_cmd(int argc, char **argv, import_args *a) {
    vigil_ctx *ctx;
    int i, rc;
    for (i = 2; i < argc; i++) {
        if ((rc = parse_one(argc, argv, &i, a)) < 0) {
            fputs(a->icio ? help_icio : help_csv, stdout);
            return 0;
        }
        if (rc) return rc;
    }
    if (a->file == NULL) return vigil_cli_usage(a->cmd, "%s", "FILE is required");
    if (a->out == NULL) return vigil_cli_usage(a->cmd, "%s", "--out DIR is required");
    if ((ctx = vigil_open()) == NULL) {
        fputs("vigil: out of memory\n", stderr);
        return 4;
    }
    rc = run(ctx, a);
    rc = rc == VIGIL_OK ? 0 : vigil_cli_fail(ctx);
    vigil_close(ctx);
    return rc;
}

int vigil_cmd_import(int argc, char **argv) {
    import_args a;
    memset(&a, 0, sizeof a);
    if (argc < 2) return vigil_cli_usage("import", "%s", "which format? icio or csv");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(help, stdout);
        return 0;
    }
    if (strcmp(argv[1], "icio") == 0) a.icio = 1, a.cmd = "import icio";
    else if (strcmp(argv[1], "csv") == 0) a.cmd = "import csv";
    else return vigil_cli_usage("import", "unknown format '%s': icio or csv", argv[1]);
    return format_cmd(argc, argv, &a);
}
