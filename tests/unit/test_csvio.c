/*
** The CSV reader's line and column tracking (BOM, CRLF, quoted fields over
** several lines, blank lines, no final newline), number parsing, the
** limits of the reader (NUL bytes, the field length limit), and CSV output
** through an output set on a full disk.
*/
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include "csvio.h"
#include "outfile.h"
#include "test.h"

#define MIB ((size_t)1 << 20)

typedef struct rec {
    char log[1024];
} rec;

static int on_field(void *ud, const char *s, size_t len, long line, long col) {
    rec *r = ud;
    size_t n = strlen(r->log);
    (void)len;
    snprintf(r->log + n, sizeof r->log - n, "[%ld:%ld %s]", line, col, s);
    return VIGIL_OK;
}

static int on_record(void *ud, long line, long nf) {
    rec *r = ud;
    size_t n = strlen(r->log);
    snprintf(r->log + n, sizeof r->log - n, "{%ld #%ld}", line, nf);
    return VIGIL_OK;
}

/* Fields logged by their length alone, for the long ones. */
static int on_field_len(void *ud, const char *s, size_t len, long line, long col) {
    rec *r = ud;
    size_t n = strlen(r->log);
    (void)s;
    snprintf(r->log + n, sizeof r->log - n, "[%ld:%ld %zu]", line, col, len);
    return VIGIL_OK;
}

/* Reads text[0..n) (NUL bytes allowed) from a file through cb; returns the
** log of the callbacks, or the error message (from its first ':', the path
** being a temporary name) with the status in *rc if rc is not NULL. */
static const char *parse_cb(vigil_ctx *ctx, const char *text, size_t n, rec *r,
                            vg_csv_cb cb, int *rc) {
    char path[] = "/tmp/vigil_csvio_XXXXXX";
    int fd = mkstemp(path), st;
    FILE *f = fdopen(fd, "wb");
    fwrite(text, 1, n, f);
    fclose(f);
    memset(r, 0, sizeof *r);
    cb.ud = r;
    if ((st = vg_csv_read(ctx, path, &cb)) != VIGIL_OK) {
        const char *m = strchr(vigil_errmsg(ctx), ':');
        snprintf(r->log, sizeof r->log, "%s", m ? m : vigil_errmsg(ctx));
    }
    if (rc) *rc = st;
    remove(path);
    return r->log;
}

static const char *parse(vigil_ctx *ctx, const char *text, rec *r) {
    vg_csv_cb cb = {on_field, on_record, NULL};
    return parse_cb(ctx, text, strlen(text), r, cb, NULL);
}

static const char *parse_len(vigil_ctx *ctx, const char *text, size_t n, rec *r) {
    vg_csv_cb cb = {on_field_len, on_record, NULL};
    return parse_cb(ctx, text, n, r, cb, NULL);
}

static void tracking(vigil_ctx *ctx) {
    rec r;
    CHECK_STR(parse(ctx, "a,b\n1,2\n", &r), "[1:1 a][1:2 b]{1 #2}[2:1 1][2:2 2]{2 #2}");
    CHECK_STR(parse(ctx, "\xEF\xBB\xBFh,x\r\n1,2\r\n", &r),
              "[1:1 h][1:2 x]{1 #2}[2:1 1][2:2 2]{2 #2}");
    CHECK_STR(parse(ctx, "a\n\n\nb,c", &r), "[1:1 a]{1 #1}[4:1 b][4:2 c]{4 #2}");
    CHECK_STR(parse(ctx, "\"x\ny\",z\nw\n", &r), "[1:1 x\ny][2:2 z]{1 #2}[3:1 w]{3 #1}");
    CHECK_STR(parse(ctx, "\"a,b\",\"c\"\"d\"\n", &r), "[1:1 a,b][1:2 c\"d]{1 #2}");
    CHECK_STR(parse(ctx, "a\rb,c\r\rd", &r), "[1:1 a]{1 #1}[2:1 b][2:2 c]{2 #2}[4:1 d]{4 #1}");
}

static void errors(vigil_ctx *ctx) {
    rec r;
    double v;
    CHECK_STR(parse(ctx, "a,b\n1,\"2\n", &r), ":2:2: unterminated quoted field");
    CHECK(vg_csv_number(ctx, "f.csv", 3, 4, " 1.5e3 ", &v) == VIGIL_OK && v == 1500);
    CHECK(vg_csv_number(ctx, "f.csv", 3, 4, "n/a", &v) == VIGIL_EDATA);
    CHECK_STR(vigil_errmsg(ctx), "f.csv:3:4: expected a number, got \"n/a\"");
    CHECK(vg_csv_number(ctx, "f.csv", 3, 4, "", &v) == VIGIL_EDATA);
    CHECK_STR(vigil_errmsg(ctx), "f.csv:3:4: expected a number, got an empty cell");
    CHECK(vg_csv_number(ctx, "f.csv", 3, 4, "nan", &v) == VIGIL_EDATA);
    CHECK_STR(vigil_errmsg(ctx), "f.csv:3:4: not a finite number: \"nan\"");
    CHECK(vg_csv_number(ctx, "f.csv", 3, 4, "1e999", &v) == VIGIL_EDATA);
    CHECK(vg_csv_number(ctx, "f.csv", 1, 1, "1e-320", &v) == VIGIL_OK && v > 0);
    CHECK(vg_csv_number(ctx, "f.csv", 1, 2, "0xA0", &v) == VIGIL_EDATA);
    CHECK_STR(vigil_errmsg(ctx), "f.csv:1:2: expected a decimal number, got \"0xA0\"");
    CHECK(vg_csv_number(ctx, "f.csv", 1, 2,
                        "a very long cell value that goes on\nand on beyond forty characters", &v) == VIGIL_EDATA);
    CHECK_STR(vigil_errmsg(ctx), "f.csv:1:2: expected a number, got "
              "\"a very long cell value that goes on and on b...\"");
    CHECK(vg_csv_read(ctx, "/nonexistent/x.csv", NULL) == VIGIL_EIO);
    CHECK_STR(vigil_errmsg(ctx), "/nonexistent/x.csv: cannot open: No such file or directory");
}

static void round_trip(void) {
    static const double v[] = {0.1, 1.0 / 3.0, 2e-308, 1e300, 123456789.123, -0.0, 5e-324};
    char buf[32];
    size_t i;
    for (i = 0; i < sizeof v / sizeof v[0]; i++)
        CHECK(strtod(vg_fmt_double(buf, v[i]), NULL) == v[i]);
    CHECK_STR(vg_fmt_double(buf, 0.1), "0.1");
    CHECK_STR(vg_fmt_double(buf, -0.0), "0");
    CHECK_STR(vg_fmt_double(buf, 2200), "2200");
}

/* ================================================= NUL bytes */

#define NUL_MSG ": a NUL byte in the field (a UTF-16 or binary file? vigil reads UTF-8 text)"

/* A NUL byte is refused where it is read, located like the field it is in
** (where that field starts), across blank lines, quoted line breaks, the
** BOM, and reads (CHUNK, 1 MiB). */
static void nul_bytes(vigil_ctx *ctx) {
    static const struct { const char *text; size_t n; const char *want; } c[] = {
        {"a,b\n1,\0", 8, ":2:2" NUL_MSG},
        {"\0a", 2, ":1:1" NUL_MSG},
        {"a\n\n\0", 5, ":3:1" NUL_MSG},
        {"a\r\n\r\n c,\0", 10, ":3:2" NUL_MSG},
        {"a\rb\r\0", 5, ":3:1" NUL_MSG},
        {"x,\"a\nb\0\"", 9, ":1:2" NUL_MSG},
        {"\xEF\xBB\xBF\0", 4, ":1:1" NUL_MSG},
        {"a,\"b\"\0", 7, ":1:2" NUL_MSG},
    };
    size_t i, n = 300000, len = 4 * n + 3;
    char *big = malloc(len);
    rec r;
    for (i = 0; i < sizeof c / sizeof c[0]; i++)
        if (!CHECK_STR(parse_len(ctx, c[i].text, c[i].n, &r), c[i].want))
            fprintf(stderr, "  case %zu\n", i);
    if (!CHECK(big != NULL)) return;
    for (i = 0; i < n; i++) memcpy(big + 4 * i, "1,2\n", 4); /* 1.2 MB */
    memcpy(big + 4 * n, "3,\0", 3);
    CHECK_STR(parse_len(ctx, big, len, &r), ":300001:2" NUL_MSG);
    free(big);
}

/* ===================================================== field length */

#define LIMIT_MSG ": field length limit exceeded (1 MiB); raise it with VIGIL_MAX_FIELD_MIB"

/* "a," + pre + n times c + post + ",b\n" in a fresh buffer (*len bytes). */
static char *long_line(const char *pre, size_t n, char c, const char *post, size_t *len) {
    size_t a = strlen(pre), b = strlen(post);
    char *s = malloc(a + n + b + 6);
    if (s == NULL) return NULL;
    memcpy(s, "a,", 2);
    memcpy(s + 2, pre, a);
    memset(s + 2 + a, c, n);
    memcpy(s + 2 + a + n, post, b);
    memcpy(s + 2 + a + n + b, ",b\n", 4);
    *len = a + n + b + 5;
    return s;
}

/* Reads "a," pre + n bytes c + post ",b" and returns the log. */
static const char *parse_long(vigil_ctx *ctx, const char *pre, size_t n, char c,
                              const char *post, rec *r) {
    size_t len;
    char *s = long_line(pre, n, c, post, &len);
    if (s == NULL) return "(no memory)";
    parse_len(ctx, s, len, r);
    free(s);
    return r->log;
}

/* The limit (1 MiB) on what the field holds, quoted or not, blanks around
** it dropped: up to it is accepted, one byte more refused. */
static void field_limit(vigil_ctx *ctx) {
    rec r;
    char want[64];
    snprintf(want, sizeof want, "[1:1 1][1:2 %zu][1:3 1]{1 #3}", MIB);
    CHECK_STR(parse_long(ctx, "", MIB, '7', "", &r), want);
    CHECK_STR(parse_long(ctx, "\"", MIB, '7', "\"   ", &r), want);
    CHECK_STR(parse_long(ctx, "  ", MIB, '7', "   ", &r), want);
    CHECK_STR(parse_long(ctx, "", MIB + 1, '7', "", &r), ":1:2" LIMIT_MSG);
    CHECK_STR(parse_long(ctx, "\"", MIB + 1, '7', "\"", &r), ":1:2" LIMIT_MSG);
    CHECK_STR(parse_long(ctx, "\"x\n", MIB, '7', "\"", &r), ":1:2" LIMIT_MSG);
    /* stopped before the field ends: an unterminated one is not read to
    ** its end (it would be "unterminated quoted field") */
    {
        char *s = malloc(3 * MIB + 3);
        if (CHECK(s != NULL)) {
            memcpy(s, "x,\"", 3);
            memset(s + 3, '7', 3 * MIB);
            CHECK_STR(parse_len(ctx, s, 3 * MIB + 3, &r), ":1:2" LIMIT_MSG);
        }
        free(s);
    }
}

/* VIGIL_MAX_FIELD_MIB raises the limit; the field is measured as it will
** be handed over, whatever libcsv holds at the end of a read: blanks it
** will trim, and the closing quote of a field that ends exactly there. */
static void field_limit_env(vigil_ctx *ctx) {
    rec r;
    char want[64];
    int rc;
    vg_csv_cb cb = {on_field_len, on_record, NULL};
    snprintf(want, sizeof want, "[1:1 1][1:2 %zu][1:3 1]{1 #3}", 2 * MIB);
    setenv("VIGIL_MAX_FIELD_MIB", "2", 1);
    CHECK_STR(parse_long(ctx, "", 2 * MIB, '7', "", &r), want);
    /* the third read ends inside the blanks after the field */
    {
        char *blanks = malloc(MIB + 1);
        if (CHECK(blanks != NULL)) {
            memset(blanks, ' ', MIB);
            blanks[MIB] = '\0';
            CHECK_STR(parse_long(ctx, "", 2 * MIB, '7', blanks, &r), want);
        }
        free(blanks);
    }
    /* the third read (3 MiB) ends just after the closing quote: a first
    ** line of MIB - 4 bytes, "a," then the quoted field */
    {
        char *s = malloc(4 * MIB);
        size_t len = MIB - 4;
        if (CHECK(s != NULL)) {
            memset(s, 'h', len - 1);
            s[len - 1] = '\n';
            memcpy(s + len, "a,\"", 3);
            memset(s + len + 3, '7', 2 * MIB);
            len += 3 + 2 * MIB;
            CHECK(len + 1 == 3 * MIB);
            memcpy(s + len, "\",b\n", 4);
            snprintf(want, sizeof want, "[1:1 %zu]{1 #1}[2:1 1][2:2 %zu][2:3 1]{2 #3}",
                     MIB - 5, 2 * MIB);
            CHECK_STR(parse_len(ctx, s, len + 4, &r), want);
        }
        free(s);
    }
    CHECK_STR(parse_long(ctx, "", 2 * MIB + 1, '7', "", &r),
              ":1:2: field length limit exceeded (2 MiB); raise it with VIGIL_MAX_FIELD_MIB");
    setenv("VIGIL_MAX_FIELD_MIB", "0x10", 1);
    CHECK_STR(parse_cb(ctx, "a\n", 2, &r, cb, &rc),
              ": expected a number of MiB from 1 to 1024, got '0x10'");
    CHECK(rc == VIGIL_EUSAGE);
    setenv("VIGIL_MAX_FIELD_MIB", "1025", 1);
    CHECK(parse_cb(ctx, "a\n", 2, &r, cb, &rc) && rc == VIGIL_EUSAGE);
    unsetenv("VIGIL_MAX_FIELD_MIB");
}

/* ====================================================== full disk */

/* Writes nlines lines of 100 bytes into dir/t.csv with writes failing
** beyond 2 KiB (RLIMIT_FSIZE: EFBIG, as a full disk fails with ENOSPC);
** returns the status of the commit. */
static int write_full(vigil_ctx *ctx, const char *dir, int nlines) {
    vg_outset s;
    FILE *f;
    struct rlimit old, lim;
    int i, rc;
    if ((rc = vg_out_begin(ctx, &s, dir)) != VIGIL_OK) return rc;
    if ((rc = vg_out_open(ctx, &s, "t.csv", &f)) != VIGIL_OK) {
        vg_out_abort(&s);
        return rc;
    }
    getrlimit(RLIMIT_FSIZE, &old);
    lim = old;
    lim.rlim_cur = 2048;
    setrlimit(RLIMIT_FSIZE, &lim);
    for (i = 0; i < nlines; i++)
        fprintf(f, "%099d\n", i);
    rc = vg_out_commit(ctx, &s);
    setrlimit(RLIMIT_FSIZE, &old);
    return rc;
}

/* The cause of a failed write is in the message, whether the stream still
** buffers bytes at the commit or not (41 and 82 lines leave its 4 KiB
** buffer empty after the failed write), and no file is left. */
static void disk_full(vigil_ctx *ctx) {
    static const int nlines[] = {21, 41, 50, 82, 100};
    char dir[] = "/tmp/vigil_outfile_XXXXXX", want[128];
    size_t i;
    if (!CHECK(mkdtemp(dir) != NULL)) return;
    snprintf(want, sizeof want, "%s/t.csv: write failed: File too large", dir);
    signal(SIGXFSZ, SIG_IGN);
    for (i = 0; i < sizeof nlines / sizeof nlines[0]; i++) {
        int rc = write_full(ctx, dir, nlines[i]);
        if (!CHECK(rc == VIGIL_EIO) || !CHECK_STR(vigil_errmsg(ctx), want))
            fprintf(stderr, "  %d lines\n", nlines[i]);
    }
    signal(SIGXFSZ, SIG_DFL);
    CHECK(rmdir(dir) == 0); /* empty: no file left */
}

int main(void) {
    vigil_ctx *ctx = vigil_open();
    tracking(ctx);
    errors(ctx);
    round_trip();
    nul_bytes(ctx);
    field_limit(ctx);
    field_limit_env(ctx);
    disk_full(ctx);
    vigil_close(ctx);
    return test_done();
}
