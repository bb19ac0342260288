/*
** `vigil mrio`: load a table, factor I - A once, compute the accounts and
** write them. Nothing is written unless everything succeeded.
*/
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "vigil/mrio.h"

static const char *const help =
    "usage: vigil mrio --table DIR [--out DIR] [options]\n"
    "\n"
    "Reads an MRIO table in vigil's canonical layout (docs/FORMATS.md) and writes\n"
    "pymrio-compatible accounts to --out (default: mrio-out):\n"
    "  x.csv              gross output L y for the table's final demand\n"
    "  multipliers.csv    M = S L (rows stressor, columns REGION_SECTOR)\n"
    "  D_cba_reg.csv      consumption-based account by consuming region\n"
    "  D_pba_reg.csv      production-based account by producing region\n"
    "  D_imp_reg.csv      footprint of each region's final demand abroad\n"
    "  D_exp_reg.csv      stressor in each region serving foreign final demand\n"
    "  export_linked.csv  export-linked part of each region's stressor, direct\n"
    "                     and upstream (methods local and global Leontief)\n"
    "\n"
    "Options:\n"
    "  --table DIR        the table: DIR/Z.csv, DIR/Y.csv, optional DIR/x.csv,\n"
    "                     DIR/F.csv (stressors) and DIR/F_Y.csv\n"
    "  --Z/--Y/--x/--F/--FY FILE   take that file from elsewhere\n"
    "  --out DIR          output folder (created if missing)\n"
    "  --balance-tol T    tolerated |rowsum(Z) + rowsum(Y) - x| as a share of\n"
    "                     max(x_i, mean x) (default 0.01)\n"
    "  --no-balance-check do not compare x.csv with the table's row sums\n"
    "  --with-L           also write L.csv, the Leontief inverse (n x n)\n";

typedef struct mrio_args {
    vigil_table_opts t;
    const char *out;
    int with_l;
} mrio_args;

/* Parses one option at argv[*i]; returns 0 ok, or an exit code. */
static int parse_one(int argc, char **argv, int *i, mrio_args *a) {
    static const char *const names[] = {"--table", "--Z", "--Y", "--x", "--F", "--FY", "--out"};
    const char **dest[] = {&a->t.dir, &a->t.z_path, &a->t.y_path, &a->t.x_path,
                           &a->t.f_path, &a->t.fy_path, &a->out};
    const char *tol;
    size_t k;
    int got;
    for (k = 0; k < sizeof names / sizeof names[0]; k++) {
        got = vigil_opt_str(argc, argv, i, names[k], dest[k]);
        if (got < 0) return vigil_cli_usage("mrio", "%s needs a value", names[k]);
        if (got) return 0;
    }
    got = vigil_opt_str(argc, argv, i, "--balance-tol", &tol);
    if (got < 0) return vigil_cli_usage("mrio", "%s needs a value", "--balance-tol");
    if (got) {
        if (!vigil_parse_double(tol, &a->t.balance_tol) || !(a->t.balance_tol > 0))
            return vigil_cli_usage("mrio", "--balance-tol takes a positive number, not '%s'", tol);
        return 0;
    }
    if (strcmp(argv[*i], "--no-balance-check") == 0) a->t.balance_tol = -1;
    else if (strcmp(argv[*i], "--with-L") == 0) a->with_l = 1;
    else return vigil_cli_usage("mrio", "unknown option '%s'", argv[*i]);
    return 0;
}

static int run(vigil_ctx *ctx, const mrio_args *a) {
    vigil_table *t = NULL;
    vigil_mrio *m = NULL;
    vigil_accounts *acc = NULL;
    int rc = vigil_table_load(ctx, &a->t, &t);
    /* the job needs Z no further: I - A takes its place (one n x n array) */
    if (rc == VIGIL_OK) rc = vigil_accounts_compute_consume(ctx, t, &m, &acc);
    if (rc == VIGIL_OK) rc = vigil_mrio_write(ctx, t, m, acc, a->out, a->with_l);
    if (rc == VIGIL_OK && vigil_table_nstressors(t) == 0)
        fprintf(stderr, "vigil: note: the table has no F.csv: only x.csv was written\n");
    if (rc == VIGIL_OK)
        printf("vigil mrio: %ld cells, %ld regions, %ld stressors -> %s\n",
               vigil_table_ncells(t), vigil_table_nregions(t),
               vigil_table_nstressors(t), a->out);
    vigil_accounts_free(acc);
    vigil_mrio_free(m);
    vigil_table_free(t);
    return rc;
}

int vigil_cmd_mrio(int argc, char **argv) {
    mrio_args a;
    vigil_ctx *ctx;
    int i, rc;
    memset(&a, 0, sizeof a);
    a.out = "mrio-out";
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(help, stdout);
            return 0;
        }
        if ((rc = parse_one(argc, argv, &i, &a)) != 0) return rc;
    }
    if (a.t.dir == NULL && (a.t.z_path == NULL || a.t.y_path == NULL))
        return vigil_cli_usage("mrio", "%s", "--table DIR is required");
    if ((ctx = vigil_open()) == NULL) {
        fputs("vigil: out of memory\n", stderr);
        return 4;
    }
    rc = run(ctx, &a);
    rc = rc == VIGIL_OK ? 0 : vigil_cli_fail(ctx);
    vigil_close(ctx);
    return rc;
}
