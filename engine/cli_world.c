/*
** `vigil world`: what a world holds: its economy, the baselines of child
** and forced labour by labour region, where that labour sits (domestic or
** export-linked, direct or upstream), calibration, footprints, sources.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "csvio.h"
#include "tidy.h"
#include "vigil/world.h"

static const char *const help =
    "usage: vigil world [--world DIR] [--csv] [--sources]\n"
    "\n"
    "Shows a world: its economy, child labour (start of 2020) and forced labour\n"
    "(2021) by labour region, the share linked to exports (local Leontief,\n"
    "direct and upstream), calibration, and consumption footprints.\n"
    "\n"
    "  --world DIR   a world folder with a world.csv (default: the built-in\n"
    "                stylised world, scenarios/worlds/stylised)\n"
    "  --csv         the same numbers as CSV on stdout\n"
    "                (family,region,indicator,value)\n"
    "  --sources     the baseline figures with their status and source\n";

/* 12345678 -> "12,345,678" */
/* v with thousands separators into buf[32]. Counts are at most about
** 1e10; anything of 1e20 or more (or not finite) is written with %.3g
** instead, so the commas can never overrun buf. */
static const char *grouped(char *buf, double v) {
    char raw[32];
    int n, i, j = 0, lead;
    if (!(fabs(v) < 1e20)) {
        snprintf(buf, 32, "%.3g", v);
        return buf;
    }
    snprintf(raw, sizeof raw, "%.0f", v);
    n = (int)strlen(raw); /* at most 21: 20 digits and a sign */
    lead = raw[0] == '-';
    for (i = 0; i < n; i++) {
        buf[j++] = raw[i];
        if (i >= lead && i < n - 1 && (n - 1 - i) % 3 == 0) buf[j++] = ',';
    }
    buf[j] = '\0';
    return buf;
}

static void header(const vigil_world *w) {
    const vigil_table *t = vigil_world_table(w);
    long r;
    printf("World: %s\n", vigil_world_name(w));
    if (vigil_world_stylised(w))
        printf("       STYLISED WORLD: built from published aggregates, not a real "
               "MRIO table (docs/WORLD.md)\n");
    printf("Folder: %s\n", vigil_world_dir(w));
    printf("Economy: %ld regions x %ld cells:", vigil_table_nregions(t), vigil_table_ncells(t));
    for (r = 0; r < vigil_table_nregions(t); r++) printf(" %s", vigil_table_region(t, r));
    printf("\n\n");
}

static void child_table(const vigil_world *w) {
    long g, n = vigil_world_nlabour(w, VIGIL_CHILD);
    double tot[8] = {0};
    char b[8][32];
    printf("Child labour, start of 2020 (ILO-UNICEF 2021), persons; export-linked "
           "share (local Leontief)\n");
    printf("%-33s %12s %12s %11s %11s %11s   %6s %6s %6s  %6s %6s\n", "SDG region", "total",
           "hazardous", "agriculture", "industry", "services", "export", "direct", "upstr.",
           "target", "rho");
    for (g = 0; g < n; g++) {
        vigil_split s = vigil_world_split(w, VIGIL_CHILD, g);
        double all = s.domestic + s.export_direct + s.export_upstream;
        double tg = vigil_world_target(w, VIGIL_CHILD, g);
        char tgs[16];
        int k;
        double v[5] = {vigil_world_child_labour(w, g, -1), vigil_world_hazardous(w, g),
                       vigil_world_child_labour(w, g, 0), vigil_world_child_labour(w, g, 1),
                       vigil_world_child_labour(w, g, 2)};
        for (k = 0; k < 5; k++) tot[k] += v[k];
        tot[5] += s.export_direct + s.export_upstream;
        snprintf(tgs, sizeof tgs, isnan(tg) ? "-" : "%.1f%%", 100 * tg);
        printf("%-33s %12s %12s %11s %11s %11s   %5.1f%% %5.1f%% %5.1f%%  %6s %6.3f\n",
               vigil_world_labour_region(w, VIGIL_CHILD, g), grouped(b[0], v[0]),
               grouped(b[1], v[1]), grouped(b[2], v[2]), grouped(b[3], v[3]),
               grouped(b[4], v[4]), 100 * (s.export_direct + s.export_upstream) / all,
               100 * s.export_direct / all, 100 * s.export_upstream / all, tgs,
               vigil_world_rho(w, VIGIL_CHILD, g));
    }
    printf("%-33s %12s %12s %11s %11s %11s   %5.1f%%\n\n", "World", grouped(b[0], tot[0]),
           grouped(b[1], tot[1]), grouped(b[2], tot[2]), grouped(b[3], tot[3]),
           grouped(b[4], tot[4]), 100 * tot[5] / tot[0]);
}

static void forced_table(const vigil_world *w) {
    long h, n = vigil_world_nlabour(w, VIGIL_FORCED);
    double tot[4] = {0}, ex = 0;
    char b[4][32];
    printf("Forced labour, 2021 (ILO, Walk Free, IOM 2022), persons; export-linked share\n");
    printf("%-33s %12s %12s %12s %12s   %6s %6s %6s\n", "ILO region", "total", "private",
           "sexual expl.", "state-imp.", "export", "direct", "upstr.");
    for (h = 0; h < n; h++) {
        vigil_split s = vigil_world_split(w, VIGIL_FORCED, h);
        double all = s.domestic + s.export_direct + s.export_upstream;
        int f;
        tot[0] += vigil_world_forced_labour(w, h, -1);
        for (f = 0; f < 3; f++) tot[f + 1] += vigil_world_forced_labour(w, h, f);
        ex += s.export_direct + s.export_upstream;
        printf("%-33s %12s %12s %12s %12s   %5.1f%% %5.1f%% %5.1f%%\n",
               vigil_world_labour_region(w, VIGIL_FORCED, h),
               grouped(b[0], vigil_world_forced_labour(w, h, -1)),
               grouped(b[1], vigil_world_forced_labour(w, h, 0)),
               grouped(b[2], vigil_world_forced_labour(w, h, 1)),
               grouped(b[3], vigil_world_forced_labour(w, h, 2)),
               100 * (s.export_direct + s.export_upstream) / all,
               100 * s.export_direct / all, 100 * s.export_upstream / all);
    }
    printf("%-33s %12s %12s %12s %12s   %5.1f%%\n\n", "World", grouped(b[0], tot[0]),
           grouped(b[1], tot[1]), grouped(b[2], tot[2]), grouped(b[3], tot[3]),
           100 * ex / tot[0]);
}

static void footprints(const vigil_world *w) {
    const vigil_table *t = vigil_world_table(w);
    long d;
    char b[2][32];
    printf("Consumption footprints: labour anywhere serving each region's final demand\n");
    printf("%-8s %14s %14s\n", "region", "child labour", "forced labour");
    for (d = 0; d < vigil_table_nregions(t); d++)
        printf("%-8s %14s %14s\n", vigil_table_region(t, d),
               grouped(b[0], vigil_world_footprint(w, VIGIL_CHILD, d)),
               grouped(b[1], vigil_world_footprint(w, VIGIL_FORCED, d)));
    printf("\nRun `vigil world --sources` for where each figure comes from.\n");
}

static void csv_row(const char *fam, const char *region, const char *ind, double v) {
    char buf[32];
    vg_csv_put_field(stdout, fam);
    putchar(',');
    vg_csv_put_field(stdout, region);
    printf(",%s,%s\n", ind, vg_fmt_double(buf, v));
}

static void csv_out(const vigil_world *w) {
    const vigil_table *t = vigil_world_table(w);
    long g, d;
    int k;
    printf("family,region,indicator,value\n");
    for (k = 0; k < 2; k++)
        for (g = 0; g < vigil_world_nlabour(w, (enum vigil_labour)k); g++) {
            const char *nm = vigil_world_labour_region(w, (enum vigil_labour)k, g);
            const char *fam = k ? "forced" : "child";
            vigil_split s = vigil_world_split(w, (enum vigil_labour)k, g);
            int j;
            if (k == 0) {
                csv_row(fam, nm, "total", vigil_world_child_labour(w, g, -1));
                csv_row(fam, nm, "hazardous", vigil_world_hazardous(w, g));
                for (j = 0; j < VIGIL_NSECTORS; j++)
                    csv_row(fam, nm, vigil_sector_name(j), vigil_world_child_labour(w, g, j));
                for (j = 0; j < VIGIL_NAGES; j++)
                    csv_row(fam, nm, vigil_age_name(j), vigil_world_child_labour_age(w, g, j));
            } else {
                csv_row(fam, nm, "total", vigil_world_forced_labour(w, g, -1));
                for (j = 0; j < VIGIL_NFLTYPES; j++)
                    csv_row(fam, nm, vigil_fltype_name(j), vigil_world_forced_labour(w, g, j));
            }
            csv_row(fam, nm, "domestic", s.domestic);
            csv_row(fam, nm, "export_direct", s.export_direct);
            csv_row(fam, nm, "export_upstream", s.export_upstream);
            csv_row(fam, nm, "rho", vigil_world_rho(w, (enum vigil_labour)k, g));
        }
    for (k = 0; k < 2; k++)
        for (d = 0; d < vigil_table_nregions(t); d++)
            csv_row(k ? "forced" : "child", vigil_table_region(t, d), "footprint",
                    vigil_world_footprint(w, (enum vigil_labour)k, d));
}

/* --sources: each baseline figure with its status and source, then the
** citations. */
static int sources(vigil_ctx *ctx, const vigil_world *w) {
    static const char *const req[] = {"region", "measure", "value", "status", "source_id", NULL};
    int which, rc = VIGIL_OK;
    for (which = 0; which < 2 && rc == VIGIL_OK; which++) {
        vg_tidy t;
        long r;
        if ((rc = vg_tidy_read(ctx, vigil_world_source_file(w, which), req, &t)) != VIGIL_OK)
            break;
        printf("%s\n", t.path);
        for (r = 0; r < t.nrow; r++) {
            long j;
            printf("  ");
            for (j = 0; j < t.ncol; j++)
                if (strcmp(t.head[j], "note") && strcmp(t.head[j], "unit") &&
                    strcmp(t.head[j], "fact_ref"))
                    printf("%s%s", j ? " " : "", vg_tidy_str(&t, r, j));
            printf("\n");
        }
        vg_tidy_free(&t);
    }
    if (rc == VIGIL_OK && vigil_world_source_file(w, 2)) {
        static const char *const sreq[] = {"source_id", "citation", NULL};
        vg_tidy t;
        long r;
        if ((rc = vg_tidy_read(ctx, vigil_world_source_file(w, 2), sreq, &t)) == VIGIL_OK) {
            printf("\nSources\n");
            for (r = 0; r < t.nrow; r++)
                printf("  %s: %s\n", vg_tidy_str(&t, r, 0), vg_tidy_str(&t, r, 1));
            vg_tidy_free(&t);
        }
    }
    return rc;
}

int vigil_cmd_world(int argc, char **argv) {
    const char *dir = NULL;
    int i, csv = 0, src = 0, rc, got;
    vigil_ctx *ctx;
    vigil_world *w = NULL;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(help, stdout);
            return 0;
        }
        if ((got = vigil_opt_str(argc, argv, &i, "--world", &dir)) < 0)
            return vigil_cli_usage("world", "--world needs a folder");
        if (got) continue;
        if (strcmp(argv[i], "--csv") == 0) csv = 1;
        else if (strcmp(argv[i], "--sources") == 0) src = 1;
        else return vigil_cli_usage("world", "unknown option '%s'", argv[i]);
    }
    if ((ctx = vigil_open()) == NULL) return 4;
    rc = vigil_world_load(ctx, dir, &w);
    if (rc == VIGIL_OK && src) rc = sources(ctx, w);
    else if (rc == VIGIL_OK && csv) csv_out(w);
    else if (rc == VIGIL_OK) {
        header(w);
        child_table(w);
        forced_table(w);
        footprints(w);
    }
    rc = rc == VIGIL_OK ? 0 : vigil_cli_fail(ctx);
    vigil_world_free(w);
    vigil_close(ctx);
    return rc;
}
