/*
** CSV input through libcsv with line and column tracking, and CSV output.
**
** libcsv reports fields and records but not where they are. We feed it
** one physical line at a time, so that when a callback fires we know the
** line being parsed; a field starts on the line of the delimiter before
** it (or the line after the previous record ends), which we track too.
** Complete lines without a quote, nearly every line of a table, are split
** here instead (split_line), the way libcsv would, with the same callbacks.
**
** Two things are refused as soon as they are read, before libcsv buffers
** them: a NUL byte, and a field longer than the limit (VG_CSV_MAX_FIELD_MIB).
** libcsv holds a field whole until it ends, so without them a binary file,
** or a header followed by a 2 GB hole, became one 2 GB field in memory
** before any check could look at it.
*/
#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"

#define CHUNK (1 << 20)
/* The least libcsv grows its field buffer by. Its default, 128 bytes, made
** 8,192 reallocs for a 1 MiB field, each a copy under ASan (2 MiB: 87 s). */
#define BLOCK ((size_t)1 << 16)
/* The environment variable that raises the field length limit. */
#define LIMIT_ENV "VIGIL_MAX_FIELD_MIB"

typedef struct reader {
    vigil_ctx *ctx;
    const char *path;
    const vg_csv_cb *cb;
    long line;        /* physical line being fed to libcsv */
    long field_line;  /* line where the current field started */
    long rec_line;    /* line where the current record started */
    long col;         /* fields seen in the current record */
    int status;       /* first non-OK status of a callback */
    int after_cr;     /* the last byte fed was a CR */
    size_t max_field; /* longest field accepted, in bytes */
} reader;

/* The message for a field longer than the limit; the field is the one
** after the r->col complete ones, started on r->field_line. */
static int too_long(reader *r) {
    return vigil_seterr(r->ctx, VIGIL_EDATA,
                        "%s:%ld:%ld: field length limit exceeded (%zu MiB); "
                        "raise it with " LIMIT_ENV, r->path, r->field_line,
                        r->col + 1, r->max_field >> 20);
}

/* One field, to the caller's callback. inline: split_line calls it for
** nearly every field, and gcc -O2 stopped inlining it there once
** on_csv_field called it too (reading WIOD's Z.csv took 6 % longer). */
static inline void on_field(void *s, size_t len, void *data) {
    reader *r = data;
    if (r->status != VIGIL_OK) return;
    if (r->col == 0) r->rec_line = r->field_line;
    r->col++;
    r->status = r->cb->field(r->cb->ud, s ? (const char *)s : "", len,
                             r->field_line, r->col);
    r->field_line = r->line; /* the next field starts after this delimiter */
}

/* The least field length limit is 1 MiB: a field of a line that split_line
** splits, within one read, cannot be longer, and is not measured. */
_Static_assert(CHUNK <= 1 << 20, "a read longer than the least field limit");

/* A field from libcsv, which can have held it over many lines and reads:
** refused when longer than the limit. */
static void on_csv_field(void *s, size_t len, void *data) {
    reader *r = data;
    if (r->status == VIGIL_OK && len > r->max_field) {
        r->status = too_long(r);
        return;
    }
    on_field(s, len, data);
}

static void on_record(int c, void *data) {
    reader *r = data;
    UNUSED(c);
    if (r->status == VIGIL_OK && r->cb->record)
        r->status = r->cb->record(r->cb->ud, r->rec_line, r->col);
    r->col = 0;
    r->field_line = r->line + 1;
}

/* The length of the next physical line in buf[0..n), its end included:
** LF, CRLF or a lone CR (old Mac files) each end a line. *lf is the next
** LF at or after buf (buf + n when there is none, NULL before the first
** search), kept by the caller across lines: searching for it afresh on
** every line would make a file with CR line ends quadratic in its chunk
** size. The CR is looked for only before that LF, so each byte is
** scanned about twice, by memchr. */
static size_t line_length(const char *buf, size_t n, const char **lf) {
    const char *cr;
    size_t before;
    if (*lf == NULL || *lf < buf) {
        *lf = memchr(buf, '\n', n);
        if (*lf == NULL) *lf = buf + n;
    }
    before = (size_t)(*lf - buf);
    cr = memchr(buf, '\r', before);
    if (cr != NULL) {
        size_t i = (size_t)(cr - buf);
        return (i + 1 < n && buf[i + 1] == '\n') ? i + 2 : i + 1;
    }
    return before < n ? before + 1 : n;
}

static const char *parse_error(int err) {
    if (err == CSV_EPARSE)
        return "misplaced quote: quote the whole field and double any quote inside it";
    return csv_strerror(err);
}

static int is_blank(char c) { return c == ' ' || c == '\t'; }

/*
** A complete line without quotes, split in place exactly as libcsv 3.0
** (csv_parse, CSV_STRICT | CSV_APPEND_NULL) would split it, with the same
** callbacks: fields end at commas, blanks (space, tab) around a field are
** dropped, and a line of blanks alone makes no record. s[0..len) is the
** line without its end; each field is NUL-terminated where its comma,
** trailing blank or the line end was, so no byte is copied. This skips
** libcsv's byte-at-a-time state machine and copy for the common line;
** lines with a quote, and the part of a line split between two reads, go
** to libcsv.
*/
static void split_line(reader *r, char *s, size_t len) {
    size_t i = 0, f, e, stop;
    while (i < len && is_blank(s[i])) i++;
    if (i == len) return; /* blank line: libcsv submits no row */
    for (;;) {
        const char *comma;
        for (f = i; f < len && is_blank(s[f]); f++) continue;
        comma = f < len ? memchr(s + f, ',', len - f) : NULL;
        stop = comma ? (size_t)(comma - s) : len;
        for (e = stop; e > f && is_blank(s[e - 1]); e--) continue;
        s[e] = '\0';
        on_field(s + f, e - f, r);
        if (comma == NULL) break;
        i = stop + 1;
    }
    on_record(0, r);
}

/* The length of a line's end (LF, CR or CRLF) among its last len bytes. */
static size_t end_length(const char *buf, size_t len) {
    if (buf[len - 1] == '\r') return 1;
    return len >= 2 && buf[len - 2] == '\r' ? 2 : 1;
}

/* The status for a line libcsv refused. */
static int parse_failed(struct csv_parser *p, reader *r) {
    if (csv_error(p) == CSV_ENOMEM) return vigil_nomem(r->ctx, r->path);
    return vigil_seterr(r->ctx, VIGIL_EDATA, "%s:%ld:%ld: %s", r->path, r->line,
                        r->col + 1, parse_error(csv_error(p)));
}

/* The length of the field libcsv is holding, without the blanks it will
** trim, but with the closing quote of a quoted field when it holds one
** (libcsv drops it only when the field ends): at most one byte more than
** the field it will hand over. */
static size_t held(const struct csv_parser *p) {
    return p->entry_pos - p->spaces;
}

/* Hands buf[0..len) to libcsv and stops a field that grows past the limit
** there, at most one read (CHUNK) later rather than when it ends. Its
** buffer grows by half its size (BLOCK at least), so that a limit raised
** far does not make a long field quadratic. Returns a status. */
static int parse_piece(struct csv_parser *p, reader *r, const char *buf,
                       size_t len) {
    csv_set_blk_size(p, p->entry_size / 2 > BLOCK ? p->entry_size / 2 : BLOCK);
    if (csv_parse(p, buf, len, on_csv_field, on_record, r) != len)
        return parse_failed(p, r);
    if (r->status == VIGIL_OK && held(p) > r->max_field + 1) return too_long(r);
    return VIGIL_OK;
}

/*
** The message for a NUL byte just after what was fed. In C strings it
** would end the cell silently (120<NUL>999 read as 120), and it is the
** mark of a UTF-16 or binary file; refusing it here, before libcsv sees
** it, also spares buffering a file of NUL bytes as one field. It is in the
** field after the r->col complete ones, which starts on this line when no
** record is under way (blank lines make no callback to say so).
*/
static int nul_byte(const struct csv_parser *p, reader *r) {
    if (p->pstate == 0 && r->col == 0) r->field_line = r->line;
    return vigil_seterr(r->ctx, VIGIL_EDATA,
                        "%s:%ld:%ld: a NUL byte in the field (a UTF-16 or binary "
                        "file? vigil reads UTF-8 text)", r->path, r->field_line,
                        r->col + 1);
}

/* Feeds the bytes of a line before a NUL byte (no line end among them),
** then returns the NUL byte's message (or the status they made). */
static int feed_to_nul(struct csv_parser *p, reader *r, const char *buf,
                       size_t len) {
    int rc;
    if (p->pstate == 0 && r->col == 0) r->field_line = r->line;
    if (len > 0 && (rc = parse_piece(p, r, buf, len)) != VIGIL_OK) return rc;
    return r->status != VIGIL_OK ? r->status : nul_byte(p, r);
}

/* Feeds one buffer, line by line, up to its first NUL byte; returns a
** status. Each line is searched for a NUL byte while it is in cache. */
static int feed(struct csv_parser *p, reader *r, char *buf, size_t n) {
    const char *lf = NULL; /* not searched yet */
    int rc;
    while (n > 0 && r->status == VIGIL_OK) {
        size_t len = line_length(buf, n, &lf);
        const char *nul = memchr(buf, '\0', len);
        int ends = buf[len - 1] == '\n' || buf[len - 1] == '\r';
        int cr = buf[len - 1] == '\r', between = p->pstate == 0 && r->col == 0;
        if (nul != NULL) return feed_to_nul(p, r, buf, (size_t)(nul - buf));
        if (r->after_cr && buf[0] == '\n') {
            ends = 0; /* the LF of a CRLF split between two reads */
            len = 1;
            cr = 0;
        }
        /* Between records (libcsv's ROW_NOT_BEGUN, 0 in csv.c 3.0), the
        ** next field starts on this line: blank lines make no callback. */
        if (between) r->field_line = r->line;
        if (between && ends && memchr(buf, '"', len) == NULL)
            split_line(r, buf, len - end_length(buf, len));
        else if ((rc = parse_piece(p, r, buf, len)) != VIGIL_OK)
            return rc;
        r->after_cr = cr;
        if (ends) r->line++;
        buf += len;
        n -= len;
    }
    return r->status;
}

/* Reads the whole stream into the parser. */
static int read_stream(FILE *f, struct csv_parser *p, reader *r, char *buf) {
    int first = 1, rc = VIGIL_OK;
    size_t n;
    while (rc == VIGIL_OK && (n = fread(buf, 1, CHUNK, f)) > 0) {
        char *b = buf;
        if (first && n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0) {
            b += 3; /* UTF-8 byte-order mark */
            n -= 3;
        }
        first = 0;
        rc = feed(p, r, b, n);
    }
    if (rc == VIGIL_OK && ferror(f))
        rc = vigil_seterr(r->ctx, VIGIL_EIO, "%s: read error: %s", r->path,
                          strerror(errno));
    if (rc == VIGIL_OK && csv_fini(p, on_csv_field, on_record, r) != 0)
        rc = vigil_seterr(r->ctx, VIGIL_EDATA, "%s:%ld:%ld: %s", r->path,
                          r->field_line, r->col + 1,
                          "unterminated quoted field");
    return rc == VIGIL_OK ? r->status : rc;
}

static void *csv_realloc(void *p, size_t n) { return vg_realloc(p, n); }

/* The field length limit in bytes: VG_CSV_MAX_FIELD_MIB MiB, or as many
** as the environment variable LIMIT_ENV says (1 to 1024). */
static int field_limit(vigil_ctx *ctx, size_t *max) {
    const char *env = getenv(LIMIT_ENV);
    long mib = VG_CSV_MAX_FIELD_MIB;
    if (env != NULL && *env != '\0') {
        char *end;
        errno = 0;
        mib = strtol(env, &end, 10);
        if (errno != 0 || end == env || *end != '\0' || mib < 1 || mib > 1024)
            return vigil_seterr(ctx, VIGIL_EUSAGE,
                                LIMIT_ENV ": expected a number of MiB from 1 to "
                                "1024, got '%s'", env);
    }
    *max = (size_t)mib << 20;
    return VIGIL_OK;
}

int vg_csv_read(vigil_ctx *ctx, const char *path, const vg_csv_cb *cb) {
    struct csv_parser p;
    reader r = {ctx, path, cb, 1, 1, 1, 0, VIGIL_OK, 0, 0};
    char *buf;
    FILE *f;
    int rc;
    if ((rc = field_limit(ctx, &r.max_field)) != VIGIL_OK) return rc;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return vigil_nomem(ctx, path);
    csv_set_realloc_func(&p, csv_realloc);
    csv_set_free_func(&p, vg_free);
    f = fopen(path, "rb");
    if (f == NULL) {
        csv_free(&p);
        return vigil_seterr(ctx, VIGIL_EIO, "%s: cannot open: %s", path,
                            strerror(errno));
    }
    buf = vg_malloc(CHUNK);
    rc = buf ? read_stream(f, &p, &r, buf) : vigil_nomem(ctx, path);
    vg_free(buf);
    fclose(f);
    csv_free(&p);
    return rc;
}

/* A short printable excerpt of a cell for messages: control characters
** become spaces and a long cell ends with "...". */
static const char *excerpt(char *buf, size_t size, const char *s) {
    size_t i, max = size - 4;
    for (i = 0; s[i] && i < max; i++)
        buf[i] = (unsigned char)s[i] < 0x20 ? ' ' : s[i];
    if (s[i]) memcpy(buf + i, "...", 4);
    else buf[i] = '\0';
    return buf;
}

/* The bytes of decimal notation, with the blanks a cell may be padded with
** (a table: this runs on every byte of every number). */
static const unsigned char decimal_byte[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
    ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['+'] = 1, ['-'] = 1,
    ['.'] = 1, ['e'] = 1, ['E'] = 1, [' '] = 1, ['\t'] = 1};

/* Only decimal notation: strtod would also take "0x1p3", "nan", "inf". */
static int is_decimal(const char *q) {
    for (; *q; q++)
        if (!decimal_byte[(unsigned char)*q]) return 0;
    return 1;
}

int vg_csv_number(vigil_ctx *ctx, const char *path, long line, long col,
                  const char *s, double *out) {
    const char *q = s;
    char *end, ex[48];
    double v;
    while (is_blank(*q)) q++;
    if (*q == '\0')
        return vigil_seterr(ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: expected a number, got an empty cell",
                            path, line, col);
    errno = 0;
    v = strtod(q, &end);
    while (is_blank(*end)) end++;
    if (end == q || *end != '\0')
        return vigil_seterr(ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: expected a number, got \"%s\"",
                            path, line, col, excerpt(ex, sizeof ex, s));
    if (!isfinite(v) || (errno == ERANGE && fabs(v) > 1.0))
        return vigil_seterr(ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: not a finite number: \"%s\"",
                            path, line, col, excerpt(ex, sizeof ex, s));
    if (!is_decimal(q))
        return vigil_seterr(ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: expected a decimal number, got \"%s\"",
                            path, line, col, excerpt(ex, sizeof ex, s));
    *out = v;
    return VIGIL_OK;
}

char *vg_fmt_double(char *buf, double v) {
    int prec;
    if (v == 0.0) v = 0.0; /* no "-0" */
    for (prec = 15; prec <= 17; prec++) {
        snprintf(buf, 32, "%.*g", prec, v);
        if (strtod(buf, NULL) == v) break;
    }
    return buf;
}

int vg_csv_put_field(FILE *f, const char *s) {
    if (strpbrk(s, ",\"\r\n") == NULL) return fputs(s, f) < 0 ? EOF : 0;
    if (fputc('"', f) == EOF) return EOF;
    for (; *s; s++) {
        if (*s == '"' && fputc('"', f) == EOF) return EOF;
        if (fputc(*s, f) == EOF) return EOF;
    }
    return fputc('"', f) == EOF ? EOF : 0;
}
