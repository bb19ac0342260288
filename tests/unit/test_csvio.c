/*
** The CSV reader's line and column tracking (BOM, CRLF, quoted fields over
** several lines, blank lines, no final newline) and number parsing.
*/
#include "csvio.h"
#include "test.h"

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

static const char *parse(vigil_ctx *ctx, const char *text, rec *r) {
    char path[] = "/tmp/vigil_csvio_XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "wb");
    vg_csv_cb cb = {on_field, on_record, NULL};
    fputs(text, f);
    fclose(f);
    memset(r, 0, sizeof *r);
    cb.ud = r;
    if (vg_csv_read(ctx, path, &cb) != VIGIL_OK) snprintf(r->log, sizeof r->log, "%s",
                                                          vigil_errmsg(ctx));
    remove(path);
    return r->log;
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
    char *p = strstr(parse(ctx, "a,b\n1,\"2\n", &r), ":");
    CHECK_STR(p, ":2:2: unterminated quoted field");
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

int main(void) {
    vigil_ctx *ctx = vigil_open();
    tracking(ctx);
    errors(ctx);
    round_trip();
    vigil_close(ctx);
    return test_done();
}
