/*
** The OECD Inter-Country Input-Output (ICIO) table, from its published
** CSV layout to vigil's canonical one. The layout (docs/IMPORT.md) was
** learnt from the parsers that read it, chiefly pymrio's parse_oecd
** (IndEcol/pymrio, pymrio/tools/ioparser.py) and its test tables
** (tests/mock_mrios/oecd_mock/ICIO2018_2010.CSV), exvatools
** (cran/exvatools, R/extract_icio.R) and iotr (okrebs/iotr,
** R/io_tidy_icio_v2.R for the 2023 edition):
**
**   <label>, AUS_A01_02, ..., ROW_T,  AUS_HFCE, ..., ROW_DPABR, OUT
**   AUS_A01_02  Z ...                 Y ...                     x
**   ...
**   TLS          taxes less subsidies (one row, or AUS_TAXSUB ... per region)
**   VA           value added (VALU in the 2018 and 2021 editions)
**   OUT          output (OUTPUT in the 2018 and 2021 editions)
**
** Columns are told apart by their labels, as pymrio does; the industry
** rows must repeat the industry columns in order. China and Mexico may be
** split into CN1/CN2 and MX1/MX2 (processing trade): like pymrio, the
** parts are added into CHN and MEX unless the caller keeps them.
*/
#include <stdio.h>
#include <string.h>

#include "csvio.h"
#include "import.h"
#include "strmap.h"

enum { COL_CELL, COL_FD, COL_OUT };  /* kinds of header column */
enum { ROW_CELL, ROW_VA, ROW_OUT };  /* kinds of row */

typedef struct icio {
    vigil_ctx *ctx;
    const char *path;
    /* header */
    long ncol, colcap;   /* header fields after the label column */
    char **col;          /* their labels, from vg_malloc */
    unsigned char *kind; /* COL_* of each */
    long *idx;           /* index among the cells, or the FD columns */
    long *cellcol;       /* header column of each cell */
    long *fdcol;         /* header column of each FD column */
    long n, ny;          /* cells, final-demand columns */
    long outcol;         /* field number of the output column, 0 if none */
    vg_strmap colmap;    /* label -> field number (keys borrowed from col) */
    /* body */
    long nrec;           /* records seen, header included */
    long last_line;
    long rows;           /* industry rows read */
    int rkind;           /* ROW_* of the current row */
    long ridx;           /* its index among cells or stressors */
    long outline;        /* line of the output row, 0 if none yet */
    double *Z, *Y, *x;   /* n x n, n x ny, n (from vg_malloc) */
    long nf, fcap;
    char **stressor;     /* value-added row labels, from vg_malloc */
    double *F, *FY;      /* nf x n, nf x ny */
    vg_strmap rowmap;    /* value-added row label -> line */
} icio;

/* {=============================================================
** Labels
** ============================================================== */

/* Final-demand categories: the words of pymrio's regex (HFCE|NPISH|NPS|
** GGFC|GFCF|INVNT|INV|DIRP|DPABR|P33, less FD, DISC and OUT, which match
** too much) and NONRES of older editions. The 2023 edition uses the first
** six. pymrio matches them anywhere in a label; we ask the code after the
** region to begin with one (INVNT, DIRPA ...), which no ISIC industry code
** does. */
static const char *const fd_categories[] = {
    "HFCE", "NPISH", "GGFC", "GFCF", "INV", "DPABR",
    "NPS", "DIRP", "P33", "NONRES", NULL};

/* Does the code s[0..len) begin with a final-demand category? With exact,
** it must be one (for the 2016 edition's category-first labels). */
static int is_fd_category(const char *s, size_t len, int exact) {
    int i;
    for (i = 0; fd_categories[i]; i++) {
        size_t m = strlen(fd_categories[i]);
        if (m <= len && strncmp(s, fd_categories[i], m) == 0 && (!exact || m == len))
            return 1;
    }
    return 0;
}

static int is_out_col(const char *s) {
    return strcmp(s, "OUT") == 0 || strcmp(s, "TOTAL") == 0;
}

static int is_out_row(const char *s) {
    return strcmp(s, "OUT") == 0 || strcmp(s, "OUTPUT") == 0;
}

static int ends_with(const char *s, const char *tail) {
    size_t n = strlen(s), m = strlen(tail);
    return n > m && strcmp(s + n - m, tail) == 0;
}

/* Value-added rows: TLS and VA (2023); REGION_TAXSUB and VALU (2018,
** 2021); REGION_TLS as the 2023 edition's per-region form. */
static int is_va_row(const char *s) {
    return strcmp(s, "TLS") == 0 || strcmp(s, "VA") == 0 || strcmp(s, "VALU") == 0 ||
           ends_with(s, "_TAXSUB") || ends_with(s, "_TLS");
}

/* }============================================================= */

/* {=============================================================
** Header
** ============================================================== */

static int grow_cols(icio *t) {
    long cap = t->colcap ? 2 * t->colcap : 64;
    char **col = vg_realloc(t->col, sizeof *col * (size_t)cap);
    unsigned char *kind;
    long *idx;
    if (col) t->col = col;
    kind = col ? vg_realloc(t->kind, (size_t)cap) : NULL;
    if (kind) t->kind = kind;
    idx = kind ? vg_realloc(t->idx, sizeof *idx * (size_t)cap) : NULL;
    if (idx == NULL) return vigil_nomem(t->ctx, t->path);
    t->idx = idx;
    t->colcap = cap;
    return VIGIL_OK;
}

/* The kind of header label s at field col, or a status after an error. */
static int classify_col(icio *t, const char *s, long line, long col, int *kind) {
    const char *u = strchr(s, '_');
    if (is_out_col(s)) {
        if (t->outcol)
            return vigil_seterr(t->ctx, VIGIL_EDATA,
                                "%s:%ld:%ld: second output column '%s' (the first is "
                                "column %ld)", t->path, line, col, s, t->outcol);
        *kind = COL_OUT;
        return VIGIL_OK;
    }
    if (u == NULL)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: unknown column '%s': expected REGION_INDUSTRY, "
                            "REGION_CATEGORY (final demand) or the output column "
                            "(OUT, TOTAL)", t->path, line, col, s);
    if (u == s || u[1] == '\0')
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: column '%s' has an empty region or industry "
                            "code", t->path, line, col, s);
    if (is_fd_category(s, (size_t)(u - s), 1))
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: '%s' is a final-demand label of the 2016 "
                            "edition (category first): vigil reads the 2018, 2021 and "
                            "2023 editions (docs/IMPORT.md)", t->path, line, col, s);
    *kind = is_fd_category(u + 1, strlen(u + 1), 0) ? COL_FD : COL_CELL;
    return VIGIL_OK;
}

static int add_col(icio *t, const char *s, long line, long col) {
    long k = t->ncol, prev;
    int kind = COL_CELL, rc;
    if (*s == '\0')
        return vigil_seterr(t->ctx, VIGIL_EDATA, "%s:%ld:%ld: empty column label",
                            t->path, line, col);
    if ((rc = classify_col(t, s, line, col, &kind)) != VIGIL_OK) return rc;
    if (k == t->colcap && grow_cols(t) != VIGIL_OK) return VIGIL_ENOMEM;
    if ((t->col[k] = vg_strdup(s)) == NULL) return vigil_nomem(t->ctx, t->path);
    t->ncol++;
    prev = vg_strmap_add(&t->colmap, t->col[k], col);
    if (prev == -2) return vigil_nomem(t->ctx, t->path);
    if (prev >= 0)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: duplicate column label '%s' (also column %ld)",
                            t->path, line, col, s, prev);
    t->kind[k] = (unsigned char)kind;
    t->idx[k] = kind == COL_CELL ? t->n++ : kind == COL_FD ? t->ny++ : 0;
    if (kind == COL_OUT) t->outcol = col;
    return VIGIL_OK;
}

/* After the header: the parts the layout needs, then the arrays. */
static int end_header(icio *t, long line, long nfields) {
    long k;
    if (t->outcol == 0)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: no output column (OUT, or TOTAL in the 2018 "
                            "and 2021 editions): not an ICIO table of a supported "
                            "edition (docs/IMPORT.md)", t->path, line, nfields + 1);
    if (t->n == 0)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:2: no industry columns (REGION_INDUSTRY) in the "
                            "header", t->path, line);
    if (t->ny == 0)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: no final-demand columns (REGION_HFCE ...) in "
                            "the header", t->path, line, nfields + 1);
    t->cellcol = vg_malloc_array((size_t)t->n, sizeof *t->cellcol);
    t->fdcol = vg_malloc_array((size_t)t->ny, sizeof *t->fdcol);
    t->Z = vg_calloc((size_t)t->n * (size_t)t->n, sizeof *t->Z);
    t->Y = vg_calloc((size_t)t->n * (size_t)t->ny, sizeof *t->Y);
    t->x = vg_calloc((size_t)t->n, sizeof *t->x);
    if (!t->cellcol || !t->fdcol || !t->Z || !t->Y || !t->x)
        return vigil_nomem(t->ctx, t->path);
    for (k = 0; k < t->ncol; k++) {
        if (t->kind[k] == COL_CELL) t->cellcol[t->idx[k]] = k;
        if (t->kind[k] == COL_FD) t->fdcol[t->idx[k]] = k;
    }
    return VIGIL_OK;
}

/* }============================================================= */

/* {=============================================================
** Rows
** ============================================================== */

/* Room for one more value-added row in stressor, F and FY. */
static int grow_f(icio *t) {
    long cap = t->fcap ? 2 * t->fcap : 4;
    char **s = vg_realloc(t->stressor, sizeof *s * (size_t)cap);
    double *f, *fy;
    if (s) t->stressor = s;
    f = s ? vg_realloc(t->F, sizeof *f * (size_t)cap * (size_t)t->n) : NULL;
    if (f) t->F = f;
    fy = f ? vg_realloc(t->FY, sizeof *fy * (size_t)cap * (size_t)t->ny) : NULL;
    if (fy == NULL) return vigil_nomem(t->ctx, t->path);
    t->FY = fy;
    t->fcap = cap;
    return VIGIL_OK;
}

static int add_va_row(icio *t, const char *s, long line) {
    long prev;
    if (t->nf == t->fcap && grow_f(t) != VIGIL_OK) return VIGIL_ENOMEM;
    if ((t->stressor[t->nf] = vg_strdup(s)) == NULL) return vigil_nomem(t->ctx, t->path);
    prev = vg_strmap_add(&t->rowmap, t->stressor[t->nf], line);
    t->nf++;
    if (prev == -2) return vigil_nomem(t->ctx, t->path);
    if (prev >= 0)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:1: duplicate row '%s' (also line %ld)",
                            t->path, line, s, prev);
    t->rkind = ROW_VA;
    t->ridx = t->nf - 1;
    return VIGIL_OK;
}

/* A row after the industry rows: value added, or the output row. */
static int start_trailing_row(icio *t, const char *s, long line) {
    long c = vg_strmap_get(&t->colmap, s);
    if (is_out_row(s)) {
        if (t->outline)
            return vigil_seterr(t->ctx, VIGIL_EDATA,
                                "%s:%ld:1: duplicate output row '%s' (also line %ld)",
                                t->path, line, s, t->outline);
        t->outline = line;
        t->rkind = ROW_OUT;
        return VIGIL_OK;
    }
    if (is_va_row(s)) return add_va_row(t, s, line);
    if (c > 0 && t->kind[c - 2] == COL_CELL)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:1: industry row '%s' again, after the %ld industry "
                            "rows", t->path, line, s, t->n);
    return vigil_seterr(t->ctx, VIGIL_EDATA,
                        "%s:%ld:1: unknown row '%s' after the industry rows: expected "
                        "value-added rows (TLS, VA, VALU, REGION_TAXSUB, REGION_TLS) or "
                        "the output row (OUT, OUTPUT)", t->path, line, s);
}

static int start_row(icio *t, const char *s, long line) {
    const char *want;
    if (t->rows == t->n) return start_trailing_row(t, s, line);
    want = t->col[t->cellcol[t->rows]];
    if (strcmp(s, want) != 0 && (is_va_row(s) || is_out_row(s)))
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:1: row '%s' where the industry row '%s' was "
                            "expected: %ld industry rows for %ld industry columns (is "
                            "'%s' a final-demand column of a category vigil does not "
                            "know? docs/IMPORT.md)", t->path, line, s, want, t->rows,
                            t->n, want);
    if (strcmp(s, want) != 0)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:1: row '%s' where the industry row '%s' was "
                            "expected (industry rows follow the header's industry "
                            "columns, in order)", t->path, line, s, want);
    t->rkind = ROW_CELL;
    t->ridx = t->rows++;
    return VIGIL_OK;
}

/* One number of the body, stored by the kinds of its row and column. The
** output row and the output column of value-added rows are totals that
** the canonical layout does not keep; they are still checked. */
static int put_number(icio *t, const char *s, long line, long col) {
    long k = col - 2, j;
    double v;
    int rc;
    if (k >= t->ncol)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: row has more fields than the header (%ld)",
                            t->path, line, col, t->ncol + 1);
    if ((rc = vg_csv_number(t->ctx, t->path, line, col, s, &v)) != VIGIL_OK) return rc;
    j = t->idx[k];
    if (t->rkind == ROW_CELL) {
        if (t->kind[k] == COL_CELL) t->Z[t->ridx * t->n + j] = v;
        else if (t->kind[k] == COL_FD) t->Y[t->ridx * t->ny + j] = v;
        else t->x[t->ridx] = v;
    } else if (t->rkind == ROW_VA) {
        if (t->kind[k] == COL_CELL) t->F[t->ridx * t->n + j] = v;
        else if (t->kind[k] == COL_FD) t->FY[t->ridx * t->ny + j] = v;
    }
    return VIGIL_OK;
}

static int on_field(void *ud, const char *s, size_t len, long line, long col) {
    icio *t = ud;
    UNUSED(len);
    if (t->nrec == 0) return col == 1 ? VIGIL_OK : add_col(t, s, line, col);
    if (col == 1) return start_row(t, s, line);
    return put_number(t, s, line, col);
}

static int on_record(void *ud, long line, long nfields) {
    icio *t = ud;
    t->last_line = line;
    if (t->nrec++ == 0) {
        if (t->ncol == 0)
            return vigil_seterr(t->ctx, VIGIL_EDATA,
                                "%s:%ld:2: the header has no column labels", t->path, line);
        return end_header(t, line, nfields);
    }
    if (nfields != t->ncol + 1) /* the column of the first missing field */
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: row has %ld field%s, the header has %ld",
                            t->path, line, nfields + 1, nfields,
                            nfields == 1 ? "" : "s", t->ncol + 1);
    return VIGIL_OK;
}

/* The parts that must follow the header, checked at the end of the file. */
static int check_end(icio *t) {
    if (t->nrec == 0)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:1:1: empty file: expected a header row", t->path);
    if (t->rows < t->n)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:1: the file ends after %ld of the %ld industry rows "
                            "(next expected: '%s')", t->path, t->last_line, t->rows,
                            t->n, t->col[t->cellcol[t->rows]]);
    if (t->outline == 0)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:1: no output row (OUT, or OUTPUT in the 2018 and "
                            "2021 editions) after the industry rows", t->path,
                            t->last_line);
    return VIGIL_OK;
}

/* }============================================================= */

/* {=============================================================
** China and Mexico
** ============================================================== */

/* When label is a part of a split country (CN<digits>_X or MX<digits>_X)
** returns the country (CHN, MEX), else NULL. pymrio matches CN\d and MX\d
** as a prefix; we ask for the whole region code. */
static const char *split_parent(const char *label) {
    const char *u = strchr(label, '_'), *p;
    const char *parent = strncmp(label, "CN", 2) == 0 ? "CHN"
                         : strncmp(label, "MX", 2) == 0 ? "MEX" : NULL;
    if (parent == NULL || u == NULL || u == label + 2) return NULL;
    for (p = label + 2; p < u; p++)
        if (*p < '0' || *p > '9') return NULL;
    return parent;
}

/* The label of cell label s after merging: a new string from vg_malloc. */
static char *merged_label(const char *s) {
    const char *parent = split_parent(s);
    char *out;
    size_t n;
    if (parent == NULL) return vg_strdup(s);
    n = strlen(parent) + strlen(strchr(s, '_')) + 1;
    if ((out = vg_malloc(n)) != NULL) snprintf(out, n, "%s%s", parent, strchr(s, '_'));
    return out;
}

/* Appends "CN1 -> CHN" (for the region of label s) to the note, once. */
static void note_part(char *note, size_t size, const char *s) {
    char entry[48];
    size_t len = (size_t)(strchr(s, '_') - s), at = strlen(note);
    if (len > 16) len = 16;
    snprintf(entry, sizeof entry, "%.*s -> %s", (int)len, s, split_parent(s));
    if (strstr(note, entry)) return; /* "CN1 -> " is not in "CN10 -> " */
    snprintf(note + at, size - at, "%s%s", at ? ", " : "", entry);
}

/* The cells of the result: labels in order of first appearance, and the
** result cell of each source cell. Caller frees c->cell. */
static int merge_map(icio *t, vg_canon *c, long *to, char *note, size_t nsize) {
    vg_strmap m;
    long k, prev;
    int rc = VIGIL_OK;
    if ((c->cell = vg_calloc((size_t)t->n, sizeof *c->cell)) == NULL ||
        vg_strmap_init(&m, t->n) != VIGIL_OK)
        return vigil_nomem(t->ctx, t->path);
    for (k = 0; k < t->n && rc == VIGIL_OK; k++) {
        const char *s = t->col[t->cellcol[k]];
        char *lab = merged_label(s);
        if (lab == NULL) { rc = vigil_nomem(t->ctx, t->path); break; }
        if (split_parent(s)) note_part(note, nsize, s);
        prev = vg_strmap_add(&m, lab, c->n);
        if (prev == -2) rc = vigil_nomem(t->ctx, t->path);
        if (prev < 0) c->cell[c->n++] = lab; /* added, or out of memory */
        else vg_free(lab);
        to[k] = prev >= 0 ? prev : c->n - 1;
    }
    vg_strmap_free(&m);
    return rc;
}

/* Adds the source arrays into the result's: Z' = P Z P', Y' = P Y,
** x' = P x, F' = F P', where P sums each part into its country. */
static int merge_sums(icio *t, vg_canon *c, const long *to) {
    long i, j, n = t->n, m = c->n, ny = t->ny;
    c->Z = vg_calloc((size_t)m * (size_t)m, sizeof *c->Z);
    c->Y = vg_calloc((size_t)m * (size_t)ny, sizeof *c->Y);
    c->x = vg_calloc((size_t)m, sizeof *c->x);
    c->F = t->nf ? vg_calloc((size_t)t->nf * (size_t)m, sizeof *c->F) : NULL;
    if (!c->Z || !c->Y || !c->x || (t->nf && !c->F)) return vigil_nomem(t->ctx, t->path);
    for (i = 0; i < n; i++) {
        for (j = 0; j < n; j++) c->Z[to[i] * m + to[j]] += t->Z[i * n + j];
        for (j = 0; j < ny; j++) c->Y[to[i] * ny + j] += t->Y[i * ny + j];
        c->x[to[i]] += t->x[i];
    }
    for (i = 0; i < t->nf; i++)
        for (j = 0; j < n; j++) c->F[i * m + to[j]] += t->F[i * n + j];
    return VIGIL_OK;
}

/* }============================================================= */

/* Moves the cells of t into c unchanged. */
static int take_cells(icio *t, vg_canon *c) {
    if ((c->cell = vg_calloc((size_t)t->n, sizeof *c->cell)) == NULL)
        return vigil_nomem(t->ctx, t->path);
    for (c->n = 0; c->n < t->n; c->n++)
        if ((c->cell[c->n] = vg_strdup(t->col[t->cellcol[c->n]])) == NULL)
            return vigil_nomem(t->ctx, t->path);
    c->Z = t->Z, c->Y = t->Y, c->x = t->x;
    t->Z = t->Y = t->x = NULL;
    if (t->nf) c->F = t->F, t->F = NULL;
    return VIGIL_OK;
}

/* The cells of c: those of t, with the parts of split countries added
** into their country unless opts keeps them. */
static int build_cells(icio *t, const vg_icio_opts *opts, vg_canon *c) {
    char note[256] = "";
    long *to;
    int rc;
    if (opts && opts->keep_splits) return take_cells(t, c);
    if ((to = vg_malloc_array((size_t)t->n, sizeof *to)) == NULL)
        return vigil_nomem(t->ctx, t->path);
    rc = merge_map(t, c, to, note, sizeof note);
    if (rc == VIGIL_OK && *note == '\0') { /* no split country */
        vg_canon_free(c);
        rc = take_cells(t, c);
    } else if (rc == VIGIL_OK) {
        rc = merge_sums(t, c, to);
    }
    vg_free(to);
    if (rc == VIGIL_OK && *note && (c->note = vg_strdup(note)) == NULL)
        rc = vigil_nomem(t->ctx, t->path);
    return rc;
}

/* The table of c: cells, then the final-demand columns and stressors,
** which merging leaves as they are. */
static int build(icio *t, const vg_icio_opts *opts, vg_canon *c) {
    long k;
    int rc = build_cells(t, opts, c);
    if (rc != VIGIL_OK) return rc;
    c->ycol = vg_calloc((size_t)t->ny, sizeof *c->ycol);
    c->stressor = vg_calloc((size_t)(t->nf ? t->nf : 1), sizeof *c->stressor);
    if (!c->ycol || !c->stressor) return vigil_nomem(t->ctx, t->path);
    for (c->ny = 0; c->ny < t->ny; c->ny++)
        if ((c->ycol[c->ny] = vg_strdup(t->col[t->fdcol[c->ny]])) == NULL)
            return vigil_nomem(t->ctx, t->path);
    for (k = 0; k < t->nf; k++) c->stressor[k] = t->stressor[k];
    c->nf = t->nf;
    t->nf = 0; /* the labels now belong to c */
    if (c->nf) c->FY = t->FY, t->FY = NULL;
    return VIGIL_OK;
}

static void icio_free(icio *t) {
    long k;
    for (k = 0; k < t->ncol; k++) vg_free(t->col[k]);
    for (k = 0; k < t->nf; k++) vg_free(t->stressor[k]);
    vg_free(t->col);
    vg_free(t->kind);
    vg_free(t->idx);
    vg_free(t->cellcol);
    vg_free(t->fdcol);
    vg_free(t->Z);
    vg_free(t->Y);
    vg_free(t->x);
    vg_free(t->stressor);
    vg_free(t->F);
    vg_free(t->FY);
    vg_strmap_free(&t->colmap);
    vg_strmap_free(&t->rowmap);
}

int vg_import_icio(vigil_ctx *ctx, const char *path, const vg_icio_opts *opts,
                   vg_canon *out) {
    icio t;
    vg_csv_cb cb = {on_field, on_record, NULL};
    int rc;
    memset(out, 0, sizeof *out);
    memset(&t, 0, sizeof t);
    t.ctx = ctx;
    t.path = path;
    cb.ud = &t;
    rc = vg_csv_read(ctx, path, &cb);
    if (rc == VIGIL_OK) rc = check_end(&t);
    if (rc == VIGIL_OK) rc = build(&t, opts, out);
    icio_free(&t);
    if (rc != VIGIL_OK) vg_canon_free(out);
    return rc;
}
