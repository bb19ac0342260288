/*
** The labelled-matrix reader: a state machine driven by the CSV reader's
** field and record callbacks. The header fixes the number of columns; each
** later record must have exactly one label and that many numbers.
*/
#include <string.h>

#include "csvio.h"
#include "matcsv.h"
#include "strmap.h"

typedef struct state {
    vigil_ctx *ctx;
    const char *path;
    const vg_matcsv_spec *spec;
    vg_matcsv *m;
    vg_strmap labels;   /* header labels */
    vg_strmap rowlabels; /* row labels, when free-form */
    long rows_cap;
    long nrecords;      /* records seen, header included */
    long last_line;
} state;

/* The file the expected column labels come from. */
static const char *cols_from(const vg_matcsv_spec *sp) {
    return sp->cols_from ? sp->cols_from : sp->labels_from;
}

static int add_col(state *st, const char *s, long line, long col) {
    const vg_matcsv_spec *sp = st->spec;
    vg_matcsv *m = st->m;
    long k = col - 2, prev;
    char *lab;
    if (*s == '\0')
        return vigil_seterr(st->ctx, VIGIL_EDATA, "%s:%ld:%ld: empty column label",
                            st->path, line, col);
    if (sp->cols && k >= sp->ncols)
        return vigil_seterr(st->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: extra column '%s': %s has %ld",
                            st->path, line, col, s, cols_from(sp), sp->ncols);
    if (sp->cols && strcmp(s, sp->cols[k]) != 0)
        return vigil_seterr(st->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: column '%s' does not match '%s' in %s",
                            st->path, line, col, s, sp->cols[k], cols_from(sp));
    if ((k & (k - 1)) == 0) { /* grow at powers of two */
        char **c = vg_realloc(m->col, sizeof *c * (size_t)(k ? 2 * k : 1));
        if (c == NULL) return vigil_nomem(st->ctx, st->path);
        m->col = c;
    }
    if ((lab = vg_strdup(s)) == NULL) return vigil_nomem(st->ctx, st->path);
    m->col[m->ncol++] = lab;
    prev = vg_strmap_add(&st->labels, lab, col);
    if (prev == -2) return vigil_nomem(st->ctx, st->path);
    if (prev >= 0)
        return vigil_seterr(st->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: duplicate column label '%s' (also column %ld)",
                            st->path, line, col, s, prev);
    return VIGIL_OK;
}

/* The label expected for data row r, or NULL when free-form. */
static const char *expected_row(const state *st, long r) {
    const vg_matcsv_spec *sp = st->spec;
    if (sp->rows_are_cols) return st->m->col[r];
    return sp->rows ? sp->rows[r] : NULL;
}

static long expected_nrows(const state *st) {
    if (st->spec->rows_are_cols) return st->m->ncol;
    return st->spec->rows ? st->spec->nrows : -1;
}

static int grow_rows(state *st) {
    vg_matcsv *m = st->m;
    long cap = st->rows_cap ? 2 * st->rows_cap : 16;
    char **row;
    long *line;
    double *v;
    if (expected_nrows(st) > 0 && st->rows_cap == 0) cap = expected_nrows(st);
    row = vg_realloc(m->row, sizeof *row * (size_t)cap);
    if (row) m->row = row;
    line = vg_realloc(m->line, sizeof *line * (size_t)cap);
    if (line) m->line = line;
    v = (row && line && (size_t)cap <= (size_t)-1 / sizeof *v / (size_t)(m->ncol + 1))
            ? vg_realloc(m->v, sizeof *v * (size_t)cap * (size_t)m->ncol) : NULL;
    if (v == NULL) return vigil_nomem(st->ctx, st->path);
    m->v = v;
    st->rows_cap = cap;
    return VIGIL_OK;
}

static int start_row(state *st, const char *s, long line) {
    vg_matcsv *m = st->m;
    long r = m->nrow, nexp = expected_nrows(st), prev;
    const char *want;
    char *lab;
    if (nexp >= 0 && r >= nexp)
        return vigil_seterr(st->ctx, VIGIL_EDATA,
                            "%s:%ld:1: unexpected row '%s': %s has %ld",
                            st->path, line, s,
                            st->spec->rows_are_cols ? "the header" : st->spec->labels_from,
                            nexp);
    want = expected_row(st, r);
    if (want && strcmp(s, want) != 0)
        return vigil_seterr(st->ctx, VIGIL_EDATA,
                            "%s:%ld:1: row '%s' does not match '%s' in %s",
                            st->path, line, s, want,
                            st->spec->rows_are_cols ? "the header" : st->spec->labels_from);
    if (r == st->rows_cap && grow_rows(st) != VIGIL_OK) return VIGIL_ENOMEM;
    if ((lab = vg_strdup(s)) == NULL) return vigil_nomem(st->ctx, st->path);
    m->row[r] = lab;
    m->line[r] = line;
    m->nrow++;
    if (want) return VIGIL_OK;
    if (*s == '\0')
        return vigil_seterr(st->ctx, VIGIL_EDATA, "%s:%ld:1: empty row label",
                            st->path, line);
    prev = vg_strmap_add(&st->rowlabels, lab, line);
    if (prev == -2) return vigil_nomem(st->ctx, st->path);
    if (prev >= 0)
        return vigil_seterr(st->ctx, VIGIL_EDATA,
                            "%s:%ld:1: duplicate row label '%s' (also line %ld)",
                            st->path, line, s, prev);
    return VIGIL_OK;
}

static int put_number(state *st, const char *s, long line, long col) {
    vg_matcsv *m = st->m;
    long r = m->nrow - 1, k = col - 2;
    double v;
    int rc;
    if (k >= m->ncol)
        return vigil_seterr(st->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: row has more fields than the header (%ld)",
                            st->path, line, col, m->ncol + 1);
    if ((rc = vg_csv_number(st->ctx, st->path, line, col, s, &v)) != VIGIL_OK)
        return rc;
    if (st->spec->nonneg && v < 0)
        return vigil_seterr(st->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: negative %s %s (row '%s', column '%s')",
                            st->path, line, col, st->spec->what, s, m->row[r], m->col[k]);
    m->v[r * m->ncol + k] = v;
    return VIGIL_OK;
}

static int on_field(void *ud, const char *s, size_t len, long line, long col) {
    state *st = ud;
    if (strlen(s) != len) /* else the cell would silently end at the NUL */
        return vigil_seterr(st->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: a NUL byte in the field (a UTF-16 or binary "
                            "file? vigil reads UTF-8 text)", st->path, line, col);
    if (st->nrecords == 0) return col == 1 ? VIGIL_OK : add_col(st, s, line, col);
    if (col == 1) return start_row(st, s, line);
    return put_number(st, s, line, col);
}

static int on_record(void *ud, long line, long nfields) {
    state *st = ud;
    st->last_line = line;
    if (st->nrecords++ == 0) {
        if (st->m->ncol == 0)
            return vigil_seterr(st->ctx, VIGIL_EDATA,
                                "%s:%ld:2: the header has no column labels",
                                st->path, line);
        if (st->spec->cols && st->m->ncol < st->spec->ncols)
            return vigil_seterr(st->ctx, VIGIL_EDATA,
                                "%s:%ld:%ld: %ld column%s, but %s has %ld",
                                st->path, line, nfields + 1, st->m->ncol,
                                st->m->ncol == 1 ? "" : "s", cols_from(st->spec),
                                st->spec->ncols);
        return VIGIL_OK;
    }
    if (nfields != st->m->ncol + 1) /* the column of the first missing field */
        return vigil_seterr(st->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: row has %ld field%s, the header has %ld",
                            st->path, line, nfields + 1, nfields,
                            nfields == 1 ? "" : "s", st->m->ncol + 1);
    return VIGIL_OK;
}

static int check_end(state *st) {
    long nexp = expected_nrows(st);
    if (st->nrecords == 0)
        return vigil_seterr(st->ctx, VIGIL_EDATA,
                            "%s:1:1: empty file: expected a header row", st->path);
    if (nexp >= 0 && st->m->nrow < nexp)
        return vigil_seterr(st->ctx, VIGIL_EDATA,
                            "%s:%ld:1: %ld rows, expected %ld (the rows of %s)",
                            st->path, st->last_line, st->m->nrow, nexp,
                            st->spec->rows_are_cols ? "the header" : st->spec->labels_from);
    return VIGIL_OK;
}

int vg_matcsv_read(vigil_ctx *ctx, const char *path,
                   const vg_matcsv_spec *spec, vg_matcsv *out) {
    state st;
    vg_csv_cb cb = {on_field, on_record, NULL};
    int rc;
    memset(out, 0, sizeof *out);
    memset(&st, 0, sizeof st);
    st.ctx = ctx;
    st.path = path;
    st.spec = spec;
    st.m = out;
    cb.ud = &st;
    if (vg_strmap_init(&st.labels, spec->cols ? spec->ncols : 64) != VIGIL_OK)
        return vigil_nomem(ctx, path);
    rc = vg_csv_read(ctx, path, &cb);
    vg_strmap_free(&st.rowlabels);
    if (rc == VIGIL_OK) rc = check_end(&st);
    vg_strmap_free(&st.labels);
    if (rc != VIGIL_OK) vg_matcsv_free(out);
    return rc;
}

void vg_matcsv_free(vg_matcsv *m) {
    long i;
    if (m == NULL) return;
    for (i = 0; i < m->ncol; i++) vg_free(m->col[i]);
    for (i = 0; i < m->nrow; i++) vg_free(m->row[i]);
    vg_free(m->col);
    vg_free(m->row);
    vg_free(m->line);
    vg_free(m->v);
    memset(m, 0, sizeof *m);
}
