/*
** Reading tidy tables into memory, with the CSV reader's positions.
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "csvio.h"
#include "tidy.h"

typedef struct state {
    vigil_ctx *ctx;
    vg_tidy *t;
    long cap;      /* rows allocated */
    long nfield;   /* -1 while reading the header */
} state;

static int push_head(state *st, const char *s) {
    vg_tidy *t = st->t;
    char **h = vg_realloc(t->head, sizeof *h * (size_t)(t->ncol + 1));
    if (h == NULL) return vigil_nomem(st->ctx, t->path);
    t->head = h;
    if ((h[t->ncol] = vg_strdup(s)) == NULL) return vigil_nomem(st->ctx, t->path);
    t->ncol++;
    return VIGIL_OK;
}

static int grow(state *st) {
    vg_tidy *t = st->t;
    long cap = st->cap ? 2 * st->cap : 32;
    char **c = vg_realloc(t->cell, sizeof *c * (size_t)cap * (size_t)t->ncol);
    long *l;
    if (c == NULL) return vigil_nomem(st->ctx, t->path);
    t->cell = c;
    memset(c + st->cap * t->ncol, 0, sizeof *c * (size_t)(cap - st->cap) * (size_t)t->ncol);
    l = vg_realloc(t->line, sizeof *l * (size_t)cap);
    if (l == NULL) return vigil_nomem(st->ctx, t->path);
    t->line = l;
    st->cap = cap;
    return VIGIL_OK;
}

static int on_field(void *ud, const char *s, size_t len, long line, long col) {
    state *st = ud;
    vg_tidy *t = st->t;
    char **slot;
    if (strlen(s) != len) /* else the cell would silently end at the NUL */
        return vigil_seterr(st->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: a NUL byte in the field (a UTF-16 or binary "
                            "file? vigil reads UTF-8 text)", t->path, line, col);
    if (st->nfield == -1) return push_head(st, s); /* still in the header */
    if (col > t->ncol)
        return vigil_seterr(st->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: row has more fields than the header (%ld)",
                            t->path, line, col, t->ncol);
    if (col == 1) {
        if (t->nrow == st->cap && grow(st) != VIGIL_OK) return VIGIL_ENOMEM;
        t->line[t->nrow++] = line;
    }
    slot = &t->cell[(t->nrow - 1) * t->ncol + (col - 1)];
    if ((*slot = vg_strdup(s)) == NULL) return vigil_nomem(st->ctx, t->path);
    return VIGIL_OK;
}

static int on_record(void *ud, long line, long nfields) {
    state *st = ud;
    vg_tidy *t = st->t;
    if (st->nfield == -1) { /* the header just ended */
        st->nfield = 0;
        return grow(st);
    }
    if (nfields != t->ncol)
        return vigil_seterr(st->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: row has %ld field%s, the header has %ld",
                            t->path, line, nfields + 1, nfields,
                            nfields == 1 ? "" : "s", t->ncol);
    return VIGIL_OK;
}

static int check_required(vigil_ctx *ctx, const vg_tidy *t, const char *const *req) {
    for (; req && *req; req++)
        if (vg_tidy_col(t, *req) < 0)
            return vigil_seterr(ctx, VIGIL_EDATA, "%s:1:1: missing column '%s'",
                                t->path, *req);
    return VIGIL_OK;
}

int vg_tidy_read(vigil_ctx *ctx, const char *path, const char *const *required,
                 vg_tidy *out) {
    state st;
    vg_csv_cb cb;
    int rc;
    memset(out, 0, sizeof *out);
    memset(&st, 0, sizeof st);
    st.ctx = ctx;
    st.t = out;
    st.nfield = -1;
    cb.field = on_field;
    cb.record = on_record;
    cb.ud = &st;
    if ((out->path = vg_strdup(path)) == NULL) return vigil_nomem(ctx, path);
    rc = vg_csv_read(ctx, path, &cb);
    if (rc == VIGIL_OK && out->ncol == 0)
        rc = vigil_seterr(ctx, VIGIL_EDATA, "%s:1:1: empty file: expected a header row",
                          path);
    if (rc == VIGIL_OK) rc = check_required(ctx, out, required);
    if (rc != VIGIL_OK) vg_tidy_free(out);
    return rc;
}

void vg_tidy_free(vg_tidy *t) {
    long i;
    if (t == NULL) return;
    for (i = 0; i < t->ncol; i++) vg_free(t->head[i]);
    if (t->cell)
        for (i = 0; i < t->nrow * t->ncol; i++) vg_free(t->cell[i]);
    vg_free(t->head);
    vg_free(t->cell);
    vg_free(t->line);
    vg_free(t->path);
    memset(t, 0, sizeof *t);
}

long vg_tidy_col(const vg_tidy *t, const char *name) {
    long j;
    for (j = 0; j < t->ncol; j++)
        if (strcmp(t->head[j], name) == 0) return j;
    return -1;
}

const char *vg_tidy_str(const vg_tidy *t, long row, long col) {
    const char *s = col >= 0 ? t->cell[row * t->ncol + col] : NULL;
    return s ? s : "";
}

int vg_tidy_num(vigil_ctx *ctx, const vg_tidy *t, long row, long col, double *out) {
    return vg_csv_number(ctx, t->path, t->line[row], col + 1, vg_tidy_str(t, row, col), out);
}

int vg_tidy_err(vigil_ctx *ctx, const vg_tidy *t, long row, long col, int code,
                const char *fmt, ...) {
    char msg[VIGIL_ERRMAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return vigil_seterr(ctx, code, "%s:%ld:%ld: %s", t->path, t->line[row], col + 1, msg);
}
