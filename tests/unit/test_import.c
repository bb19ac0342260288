/*
** The importers through the library: numbers and labels of the converted
** test tables (tests/data/icio, tests/data/longcsv), the refusal to leave
** a stale canonical file beside a new table, and allocation failures at
** every site of both importers and of the writer. The command line, the
** files byte for byte and every error message are checked by the cases
** of tests/import.cmake.
*/
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import.h"
#include "test.h"

static char src[4096];

static const char *data(char *buf, size_t n, const char *rel) {
    const char *base = getenv("VIGIL_SOURCE");
    snprintf(buf, n, "%s/tests/data/%s", base ? base : VIGIL_SOURCE_DIR, rel);
    return buf;
}

static long cell(const vg_canon *t, const char *lab) {
    long i;
    for (i = 0; i < t->n; i++)
        if (strcmp(t->cell[i], lab) == 0) return i;
    return -1;
}

/* The 2023 table: labels split at the first '_', x from OUT, F and F_Y
** from TLS and VA (numbers from tests/data/icio/make_fixtures.py). */
static void icio_2023(vigil_ctx *ctx) {
    vg_canon t;
    long i;
    CHECK(vg_import_icio(ctx, data(src, sizeof src, "icio/icio2023.csv"), NULL, &t) ==
          VIGIL_OK);
    CHECK(t.n == 6 && t.ny == 18 && t.nf == 2 && t.note == NULL);
    CHECK(vg_canon_nregions(&t) == 3);
    CHECK_STR(t.cell[1], "AUS_C10T12");
    CHECK_STR(t.ycol[17], "ROW_DPABR");
    CHECK_STR(t.stressor[0], "TLS");
    i = cell(&t, "ROW_C10T12");
    CHECK(i == 5 && t.Z[i * 6 + 5] == 80.1 && t.x[i] == 303.35);
    CHECK(t.F[1 * 6 + 5] == 152.50000000000003); /* VA = x - colsum - TLS */
    CHECK(t.FY[0 * 18 + 0] == 2.5 && t.FY[1 * 18 + 0] == 0);
    CHECK(t.Y[0 * 18 + 4] == -1.25);
    vg_canon_free(&t);
    CHECK(t.cell == NULL && t.n == 0);
}

/* A category that begins with a known one (DIRPA, as exvatools names
** direct purchases) is final demand too; the 2023 table with DPABR so
** renamed, written to a temporary file. */
static void icio_prefix(vigil_ctx *ctx, const char *dir) {
    char tmp[512], line[8192];
    FILE *in = fopen(data(src, sizeof src, "icio/icio2023.csv"), "r"), *out;
    vg_canon t;
    snprintf(tmp, sizeof tmp, "%s/dirpa.csv", dir);
    out = fopen(tmp, "w");
    if (!CHECK(in && out)) return;
    while (fgets(line, sizeof line, in)) {
        char *p;
        while ((p = strstr(line, "DPABR")) != NULL) memcpy(p, "DIRPA", 5);
        fputs(line, out);
    }
    fclose(in);
    fclose(out);
    CHECK(vg_import_icio(ctx, tmp, NULL, &t) == VIGIL_OK);
    CHECK(t.n == 6 && t.ny == 18);
    CHECK(t.ny == 18 && strcmp(t.ycol[5], "AUS_DIRPA") == 0);
    vg_canon_free(&t);
    remove(tmp);
}

/* The 2018 table: CN1 + CN2 into CHN, MX1 + MX2 into MEX, in place. */
static void icio_2018(vigil_ctx *ctx) {
    vg_canon t, k;
    vg_icio_opts keep = {1};
    long c, m;
    const char *path = data(src, sizeof src, "icio/icio2018.csv");
    CHECK(vg_import_icio(ctx, path, NULL, &t) == VIGIL_OK);
    CHECK(vg_import_icio(ctx, path, &keep, &k) == VIGIL_OK);
    CHECK(t.n == 8 && k.n == 16 && t.nf == 5 && k.nf == 5);
    CHECK_STR(t.note, "CN1 -> CHN, CN2 -> CHN, MX1 -> MEX, MX2 -> MEX");
    CHECK(k.note == NULL);
    c = cell(&t, "CHN_10T12");
    m = cell(&t, "MEX_01T02");
    CHECK(c == 3 && m == 4);
    CHECK(t.x[c] == k.x[cell(&k, "CN1_10T12")] + k.x[cell(&k, "CN2_10T12")]);
    CHECK(t.Z[c * 8 + m] == k.Z[cell(&k, "CN1_10T12") * 16 + cell(&k, "MX1_01T02")] +
                                k.Z[cell(&k, "CN1_10T12") * 16 + cell(&k, "MX2_01T02")] +
                                k.Z[cell(&k, "CN2_10T12") * 16 + cell(&k, "MX1_01T02")] +
                                k.Z[cell(&k, "CN2_10T12") * 16 + cell(&k, "MX2_01T02")]);
    CHECK(t.F[4 * 8 + c] == k.F[4 * 16 + cell(&k, "CN1_10T12")] +
                                k.F[4 * 16 + cell(&k, "CN2_10T12")]);
    CHECK(memcmp(t.FY, k.FY, sizeof *t.FY * 5 * 24) == 0);
    vg_canon_free(&t);
    vg_canon_free(&k);
}

/* The long table with kinds: order of first appearance, missing pairs 0,
** stressors of cells and of final demand. */
static void long_kind(vigil_ctx *ctx) {
    vg_canon t;
    CHECK(vg_import_csv(ctx, data(src, sizeof src, "longcsv/flows_kind.csv"), &t) ==
          VIGIL_OK);
    CHECK(t.n == 2 && t.ny == 3 && t.nf == 2 && t.x == NULL);
    CHECK_STR(t.cell[1], "R2_food, drinks");
    CHECK_STR(t.ycol[2], "R2_inv");
    CHECK_STR(t.stressor[1], "jobs");
    CHECK(t.Z[0] == 10 && t.Z[1] == 4 && t.Z[2] == 6 && t.Z[3] == 5);
    CHECK(t.Y[1] == 0 && t.Y[2] == -1.5);
    CHECK(t.F[0] == 12.5 && t.F[3] == 0 && t.FY[1] == 3);
    vg_canon_free(&t);
}

static int exists(const char *dir, const char *name) {
    char p[4096];
    struct stat st;
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return stat(p, &st) == 0;
}

static void rm(const char *dir, const char *name) {
    char p[4096];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    remove(p);
}

static void clean(const char *dir) {
    static const char *const names[] = {"Z.csv", "Y.csv", "x.csv", "F.csv", "F_Y.csv"};
    size_t i;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) rm(dir, names[i]);
}

/* A table without x.csv is not written beside an older x.csv. */
static void stale(vigil_ctx *ctx, const char *dir) {
    vg_canon t;
    char p[512], msg[1024];
    FILE *f;
    snprintf(p, sizeof p, "%s/x.csv", dir);
    f = fopen(p, "w");
    if (f) fputs("region_sector,x\nA_x,1\n", f), fclose(f);
    CHECK(vg_import_csv(ctx, data(src, sizeof src, "longcsv/flows_nokind.csv"), &t) ==
          VIGIL_OK);
    CHECK(vg_canon_write(ctx, &t, dir) == VIGIL_EUSAGE);
    snprintf(msg, sizeof msg, "%s: left from another table: vigil mrio would read it "
             "with the new one; remove it or choose another output folder", p);
    CHECK_STR(vigil_errmsg(ctx), msg);
    CHECK(!exists(dir, "Z.csv") && !exists(dir, "Y.csv"));
    rm(dir, "x.csv");
    CHECK(vg_canon_write(ctx, &t, dir) == VIGIL_OK);
    CHECK(exists(dir, "Z.csv") && exists(dir, "Y.csv") && !exists(dir, "F.csv"));
    vg_canon_free(&t);
    clean(dir);
}

/* Every allocation of an import and a write, made to fail in turn: the
** status is VIGIL_ENOMEM, the result is empty and nothing is written
** (ASan builds also find what is not freed). */
static void alloc_failures(int which, const char *rel, const char *dir) {
    char path[4096];
    long k, refused;
    data(path, sizeof path, rel);
    for (k = 0;; k++) {
        vigil_ctx *ctx = vigil_open();
        vg_canon t;
        int rc;
        vg_alloc_fail_after(k);
        rc = which == 0 ? vg_import_icio(ctx, path, NULL, &t) : vg_import_csv(ctx, path, &t);
        if (rc == VIGIL_OK) rc = vg_canon_write(ctx, &t, dir);
        refused = vg_alloc_fail_after(-1);
        vg_canon_free(&t);
        vigil_close(ctx);
        if (refused == 0) {
            CHECK(rc == VIGIL_OK && exists(dir, "Z.csv"));
            clean(dir);
            break;
        }
        if (!CHECK(rc == VIGIL_ENOMEM && !exists(dir, "Z.csv")))
            fprintf(stderr, "  %s: k=%ld rc=%d\n", rel, k, rc);
        clean(dir);
    }
    CHECK(k > 10);
}

int main(void) {
    vigil_ctx *ctx = vigil_open();
    char dir[] = "/tmp/vigil_import_XXXXXX";
    if (mkdtemp(dir) == NULL) return test_skip("no temporary folder");
    icio_2023(ctx);
    icio_prefix(ctx, dir);
    icio_2018(ctx);
    long_kind(ctx);
    stale(ctx, dir);
    alloc_failures(0, "icio/icio2018.csv", dir);
    alloc_failures(1, "longcsv/flows_kind.csv", dir);
    rmdir(dir);
    vigil_close(ctx);
    return test_done();
}
