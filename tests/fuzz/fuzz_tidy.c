/*
** Fuzzing the tidy-table reader (engine/tidy.c) and the files of a world
** that go through it: world.csv (engine/world_conf.c), the concordances
** (engine/concord.c), the labour baselines (engine/labour.c), the
** calibration targets (engine/allocate.c), groups.csv and risk_lists.csv
** (engine/world_names.c).
**
** A small valid world (tests/fuzz/world/: 2 regions x 3 sectors) is copied
** to a scratch folder once. The first byte of the input chooses the file
** the rest of the input replaces:
**
**   '0' sectors.csv   '1' sdg.csv (child_regions)   '2' ilo.csv (forced_regions)
**   '3' child.csv     '4' forced.csv                '5' calibration.csv
**   '6' groups.csv    '7' risk_lists.csv            '8' world.csv
**
** and the world is loaded (then the file is put back). Any other first
** byte: the rest goes through the tidy reader alone, every cell read as a
** number. world.csv inputs that hold '/' or ".." are skipped: a world.csv
** names the files the engine reads, and the fuzzer must not wander off to
** /dev/zero (world folders are trusted, docs/SECURITY.md).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "tidy.h"
#include "vigil/world.h"

#define NFILES 12

/* The fixture's files; the first nine can be replaced by the input. */
static const char *const files[NFILES] = {
    "sectors.csv", "sdg.csv",        "ilo.csv",   "child.csv",
    "forced.csv",  "calibration.csv", "groups.csv", "risk_lists.csv",
    "world.csv",   "Z.csv",          "Y.csv",     "x.csv"};
static char *orig[NFILES];
static size_t orig_len[NFILES];

static void free_fixture(void) {
    int k;
    for (k = 0; k < NFILES; k++) free(orig[k]);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    char src[4096], dst[512];
    FILE *f;
    int k;
    (void)argc;
    (void)argv;
    for (k = 0; k < NFILES; k++) {
        snprintf(src, sizeof src, "%s/tests/fuzz/world/%s", fz_source_dir(), files[k]);
        if ((f = fopen(src, "rb")) == NULL) continue; /* x.csv is optional */
        fclose(f);
        orig[k] = fz_read(src, &orig_len[k]);
        fz_write(fz_path(dst, sizeof dst, files[k]), orig[k], orig_len[k]);
    }
    atexit(free_fixture);
    return 0;
}

/* Whether the input names a path: '/' or "..". */
static int has_path(const uint8_t *data, size_t size) {
    size_t i;
    for (i = 0; i < size; i++)
        if (data[i] == '/' || (data[i] == '.' && i + 1 < size && data[i + 1] == '.'))
            return 1;
    return 0;
}

/* The tidy reader alone; every cell as a number, every error placed. */
static void tidy_only(vigil_ctx *ctx, const uint8_t *data, size_t size) {
    static const char *const req[] = {"key", NULL};
    char path[512];
    vg_tidy t;
    long r, c;
    double v;
    fz_write(fz_path(path, sizeof path, "tidy.csv"), data, size);
    if (vg_tidy_read(ctx, path, NULL, &t) == VIGIL_OK) {
        if (t.ncol < 1 || (t.nrow > 0 && t.line == NULL)) abort();
        for (r = 0; r < t.nrow; r++)
            for (c = 0; c < t.ncol; c++) {
                vg_tidy_num(ctx, &t, r, c, &v);
                (void)vg_tidy_str(&t, r, c);
            }
        if (t.nrow > 0) vg_tidy_err(ctx, &t, t.nrow - 1, t.ncol - 1, VIGIL_EDATA, "x");
        (void)vg_tidy_col(&t, "value");
        vg_tidy_free(&t);
    }
    if (vg_tidy_read(ctx, path, req, &t) == VIGIL_OK) vg_tidy_free(&t);
}

/* What a loaded world promises (docs/WORLD.md): finite, non-negative
** labour in cells adding up to each labour region's published total,
** footprints adding up to the world total, a positive finite rho. A
** broken promise is a wrong number vigil would print: abort (a finding). */
static void check_world(const vigil_world *w) {
    const vigil_table *t = vigil_world_table(w);
    long n = vigil_table_ncells(t), R = vigil_table_nregions(t), g, i;
    int f;
    for (f = 0; f < 2; f++) {
        enum vigil_labour fam = (enum vigil_labour)f;
        double world = 0, foot = 0;
        for (g = 0; g < vigil_world_nlabour(w, fam); g++) {
            double total = f == 0 ? vigil_world_child_labour(w, g, -1)
                                  : vigil_world_forced_labour(w, g, -1);
            double sum = 0, rho = vigil_world_rho(w, fam, g);
            vigil_split s = vigil_world_split(w, fam, g);
            for (i = 0; i < n; i++) {
                double v = vigil_world_cell_labour(w, fam, g, i);
                if (!isfinite(v) || v < 0) {
                    fprintf(stderr, "fuzz_tidy: cell labour %g\n", v);
                    abort();
                }
                sum += v;
            }
            if (!isfinite(total) || fabs(sum - total) > 1e-6 * fmax(1, total) ||
                !isfinite(rho) || !(rho > 0) || !isfinite(s.domestic) ||
                !isfinite(s.export_direct) || !isfinite(s.export_upstream)) {
                fprintf(stderr, "fuzz_tidy: region %ld of family %d: total %g, cells %g, "
                        "rho %g\n", g, f, total, sum, rho);
                abort();
            }
            world += total;
        }
        for (i = 0; i < R; i++) foot += vigil_world_footprint(w, fam, i);
        if (!isfinite(foot) || fabs(foot - world) > 1e-6 * fmax(1, world)) {
            fprintf(stderr, "fuzz_tidy: footprints %g, world total %g\n", foot, world);
            abort();
        }
    }
}

/* Everything a scenario may ask of a world's names. */
static void query(const vigil_world *w) {
    static const char *const names[] = {"*", "A", "B", "North", "Both", "x", ""};
    size_t i;
    long g, m;
    int f;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        (void)vigil_world_region_known(w, names[i]);
        for (m = 0; m < vigil_table_nregions(vigil_world_table(w)); m++)
            (void)vigil_world_region_covers(w, names[i], m);
        for (f = 0; f < 2; f++)
            for (g = 0; g < vigil_world_nlabour(w, (enum vigil_labour)f); g++)
                (void)vigil_world_labour_covered(w, names[i], (enum vigil_labour)f, g);
        (void)vigil_world_has_risk_list(w, names[i]);
        (void)vigil_world_risk_share(w, names[i], 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    vigil_ctx *ctx;
    vigil_world *w = NULL;
    char path[512];
    int k;
    if (size == 0) return 0;
    k = data[0] - '0';
    if ((ctx = vigil_open()) == NULL) abort();
    if (k < 0 || k > 8) {
        tidy_only(ctx, data + 1, size - 1);
    } else if (k == 8 && has_path(data, size)) {
        /* paths: see above */
    } else {
        fz_write(fz_path(path, sizeof path, files[k]), data + 1, size - 1);
        if (vigil_world_load(ctx, fz_tmpdir(), &w) == VIGIL_OK) {
            check_world(w);
            query(w);
        } else if (vigil_errmsg(ctx)[0] == '\0') abort();
        vigil_world_free(w);
        fz_write(path, orig[k], orig_len[k]);
    }
    vigil_close(ctx);
    return 0;
}
