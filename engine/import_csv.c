/*
** A long table, one flow per row, to vigil's canonical layout; and the
** writer of the canonical files that both importers share.
**
**   from,to,value[,kind]
**   R1_s1,R2_s1,45          an intermediate flow (kind Z)
**   R1_s1,R2_FD,105         a flow to final demand (kind Y)
**   co2,R1_s1,330           a stressor of a cell, or of a final-demand
**                           column (kind F; F.csv or F_Y.csv)
**
** Without the kind column a row is intermediate when its `to` is also the
** `from` of some row, and final demand otherwise. Cells, final-demand
** columns and stressors are numbered in order of first appearance; a
** missing pair is 0 and a repeated one is an error naming both lines.
** docs/IMPORT.md has the rules and the reasons for them.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csvio.h"
#include "import.h"
#include "outfile.h"
#include "strmap.h"

enum { ROLE_CELL = 1, ROLE_FD = 2 };

/* Distinct names, in order of first appearance. */
typedef struct names {
    long n, cap;
    char **s;          /* from vg_malloc; NULL once given away */
    unsigned char *role;
    long *line;        /* line that gave the role (for messages) */
    long *idx;         /* index among cells or FD columns, or -1 */
    vg_strmap map;     /* name -> number (keys borrowed from s) */
} names;

typedef struct flow {
    int isf;           /* a stressor entry (kind F) */
    char kind;         /* 'Z', 'Y', 'F', or '?' until classified */
    long a, b;         /* from (label or stressor), to (label) */
    long line;
    double v;
} flow;

typedef struct longcsv {
    vigil_ctx *ctx;
    const char *path;
    int has_kind;      /* the header has the fourth column */
    long nrec, last_line;
    char *fld[2];      /* from and to of the current row, from vg_malloc */
    size_t fcap[2];
    double value;
    char kind;
    names lab;         /* cells and final-demand columns */
    names str;         /* stressors */
    long *order;       /* labels in order of first use in a Z/Y row */
    long norder;
    flow *fl;
    long nfl, flcap;
} longcsv;

/* {=============================================================
** Names
** ============================================================== */

static int names_grow(names *m) {
    long cap = m->cap ? 2 * m->cap : 64;
    char **s = vg_realloc(m->s, sizeof *s * (size_t)cap);
    unsigned char *role;
    long *line, *idx;
    if (s) m->s = s;
    role = s ? vg_realloc(m->role, (size_t)cap) : NULL;
    if (role) m->role = role;
    line = role ? vg_realloc(m->line, sizeof *line * (size_t)cap) : NULL;
    if (line) m->line = line;
    idx = line ? vg_realloc(m->idx, sizeof *idx * (size_t)cap) : NULL;
    if (idx == NULL) return VIGIL_ENOMEM;
    m->idx = idx;
    m->cap = cap;
    return VIGIL_OK;
}

/* The number of name s in m, added when new; -1 when out of memory. */
static long names_get(names *m, const char *s) {
    long k = vg_strmap_get(&m->map, s);
    if (k >= 0) return k;
    if (m->n == m->cap && names_grow(m) != VIGIL_OK) return -1;
    if ((m->s[m->n] = vg_strdup(s)) == NULL) return -1;
    if (vg_strmap_add(&m->map, m->s[m->n], m->n) == -2) {
        vg_free(m->s[m->n]);
        return -1;
    }
    m->role[m->n] = 0;
    m->line[m->n] = 0;
    m->idx[m->n] = -1;
    return m->n++;
}

static void names_free(names *m) {
    long k;
    for (k = 0; k < m->n; k++) vg_free(m->s[k]);
    vg_free(m->s);
    vg_free(m->role);
    vg_free(m->line);
    vg_free(m->idx);
    vg_strmap_free(&m->map);
}

/* }============================================================= */

/* {=============================================================
** Rows
** ============================================================== */

static const char *const header_names[] = {"from", "to", "value", "kind"};

static int header_field(longcsv *t, const char *s, long line, long col) {
    if (col > 4)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: extra column '%s': the header is "
                            "from,to,value[,kind]", t->path, line, col, s);
    if (strcmp(s, header_names[col - 1]) != 0)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: expected the header from,to,value[,kind]: "
                            "column %ld is '%s', not '%s'", t->path, line, col, col, s,
                            header_names[col - 1]);
    if (col == 4) t->has_kind = 1;
    return VIGIL_OK;
}

/* Keeps a copy of from (col 1) or to (col 2) until the end of the row. */
static int keep_field(longcsv *t, int k, const char *s, size_t len) {
    if (len + 1 > t->fcap[k]) {
        char *p = vg_realloc(t->fld[k], len + 1);
        if (p == NULL) return vigil_nomem(t->ctx, t->path);
        t->fld[k] = p;
        t->fcap[k] = len + 1;
    }
    memcpy(t->fld[k], s, len + 1);
    return VIGIL_OK;
}

static int kind_field(longcsv *t, const char *s, long line) {
    if (strcmp(s, "Z") != 0 && strcmp(s, "Y") != 0 && strcmp(s, "F") != 0)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:4: unknown kind '%s': expected Z (intermediate), "
                            "Y (final demand) or F (stressor)", t->path, line, s);
    t->kind = *s;
    return VIGIL_OK;
}

static int on_field(void *ud, const char *s, size_t len, long line, long col) {
    longcsv *t = ud;
    if (t->nrec == 0) return header_field(t, s, line, col);
    if (col > 3 + t->has_kind)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: row has more fields than the header (%d)",
                            t->path, line, col, 3 + t->has_kind);
    if (col <= 2) return keep_field(t, (int)col - 1, s, len);
    if (col == 3) return vg_csv_number(t->ctx, t->path, line, col, s, &t->value);
    return kind_field(t, s, line);
}

/* A cell or final-demand label: REGION_SECTOR, split at the first '_'. */
static int check_label(longcsv *t, const char *s, long line, long col) {
    const char *u = strchr(s, '_');
    if (*s == '\0')
        return vigil_seterr(t->ctx, VIGIL_EDATA, "%s:%ld:%ld: empty label",
                            t->path, line, col);
    if (u == NULL || u == s || u[1] == '\0')
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: '%s' is not a REGION_SECTOR (or "
                            "REGION_CATEGORY) label: it needs a '_' with text on both "
                            "sides", t->path, line, col, s);
    return VIGIL_OK;
}

/* Label k takes role (a cell, or a final-demand column) on this line; a
** label cannot be both. Labels are ordered by their first use here. */
static int give_role(longcsv *t, long k, int role, long line, long col) {
    names *m = &t->lab;
    if (m->role[k] == 0 && m->line[k] == 0) {
        long *o = vg_realloc(t->order, sizeof *o * (size_t)(t->norder + 1));
        if (o == NULL) return vigil_nomem(t->ctx, t->path);
        t->order = o;
        t->order[t->norder++] = k;
        m->line[k] = line;
    }
    if (role == 0) return VIGIL_OK;
    if (m->role[k] && m->role[k] != role)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: '%s' is %s here but %s on line %ld",
                            t->path, line, col, m->s[k],
                            role == ROLE_FD ? "a final-demand column (kind Y)" : "a cell",
                            role == ROLE_FD ? "a cell" : "a final-demand column",
                            m->line[k]);
    if (m->role[k] == 0) m->role[k] = (unsigned char)role, m->line[k] = line;
    return VIGIL_OK;
}

static int push_flow(longcsv *t, int isf, long a, long b, long line) {
    if (t->nfl == t->flcap) {
        long cap = t->flcap ? 2 * t->flcap : 256;
        flow *p = vg_realloc(t->fl, sizeof *p * (size_t)cap);
        if (p == NULL) return vigil_nomem(t->ctx, t->path);
        t->fl = p;
        t->flcap = cap;
    }
    t->fl[t->nfl].isf = isf;
    t->fl[t->nfl].kind = t->has_kind ? t->kind : '?';
    t->fl[t->nfl].a = a;
    t->fl[t->nfl].b = b;
    t->fl[t->nfl].line = line;
    t->fl[t->nfl].v = t->value;
    t->nfl++;
    return VIGIL_OK;
}

/* A stressor entry: from is the stressor, to a label checked at the end. */
static int stressor_row(longcsv *t, long line) {
    long a, b;
    if (*t->fld[0] == '\0')
        return vigil_seterr(t->ctx, VIGIL_EDATA, "%s:%ld:1: empty stressor name",
                            t->path, line);
    if (*t->fld[1] == '\0')
        return vigil_seterr(t->ctx, VIGIL_EDATA, "%s:%ld:2: empty label", t->path, line);
    if ((a = names_get(&t->str, t->fld[0])) < 0 || (b = names_get(&t->lab, t->fld[1])) < 0)
        return vigil_nomem(t->ctx, t->path);
    return push_flow(t, 1, a, b, line);
}

/* A flow between labels: from is a cell; to is a cell (Z), a final-demand
** column (Y), or either (no kind column: decided at the end). */
static int flow_row(longcsv *t, long line) {
    int to_role = t->kind == 'Z' ? ROLE_CELL : t->kind == 'Y' ? ROLE_FD : 0;
    long a, b;
    int rc;
    if ((rc = check_label(t, t->fld[0], line, 1)) != VIGIL_OK ||
        (rc = check_label(t, t->fld[1], line, 2)) != VIGIL_OK)
        return rc;
    if ((a = names_get(&t->lab, t->fld[0])) < 0 || (b = names_get(&t->lab, t->fld[1])) < 0)
        return vigil_nomem(t->ctx, t->path);
    if ((rc = give_role(t, a, ROLE_CELL, line, 1)) != VIGIL_OK ||
        (rc = give_role(t, b, t->has_kind ? to_role : 0, line, 2)) != VIGIL_OK)
        return rc;
    return push_flow(t, 0, a, b, line);
}

static int on_record(void *ud, long line, long nfields) {
    longcsv *t = ud;
    long want = 3 + t->has_kind;
    t->last_line = line;
    if (t->nrec++ == 0)
        return nfields < 3 ? vigil_seterr(t->ctx, VIGIL_EDATA,
                                          "%s:%ld:%ld: the header has %ld column%s: "
                                          "expected from,to,value[,kind]", t->path,
                                          line, nfields + 1, nfields,
                                          nfields == 1 ? "" : "s")
                           : VIGIL_OK;
    if (nfields != want) /* the column of the first missing field */
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:%ld: row has %ld field%s, the header has %ld",
                            t->path, line, nfields + 1, nfields, nfields == 1 ? "" : "s",
                            want);
    return t->has_kind && t->kind == 'F' ? stressor_row(t, line) : flow_row(t, line);
}

/* }============================================================= */

/* {=============================================================
** The table
** ============================================================== */

/* Without the kind column: `to` is a cell when it is some row's `from`. */
static void classify(longcsv *t) {
    long i;
    for (i = 0; i < t->nfl; i++) {
        flow *f = &t->fl[i];
        if (f->isf || f->kind != '?') continue;
        f->kind = t->lab.role[f->b] == ROLE_CELL ? 'Z' : 'Y';
        if (f->kind == 'Y') t->lab.role[f->b] = ROLE_FD;
    }
}

/* Numbers cells and final-demand columns in order of first use; checks
** that every stressor entry goes to one of them. */
static int number_labels(longcsv *t, long *n, long *ny) {
    long i;
    *n = *ny = 0;
    for (i = 0; i < t->norder; i++) {
        long k = t->order[i];
        t->lab.idx[k] = t->lab.role[k] == ROLE_CELL ? (*n)++ : (*ny)++;
    }
    for (i = 0; i < t->nfl; i++)
        if (t->fl[i].isf && t->lab.role[t->fl[i].b] == 0)
            return vigil_seterr(t->ctx, VIGIL_EDATA,
                                "%s:%ld:2: stressor '%s' goes to '%s', which is "
                                "neither a cell nor a final-demand column of the table",
                                t->path, t->fl[i].line, t->str.s[t->fl[i].a],
                                t->lab.s[t->fl[i].b]);
    if (*ny == 0)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:%ld:1: no flows to final demand: Y.csv would have no "
                            "columns", t->path, t->last_line);
    return VIGIL_OK;
}

static int flow_cmp(const void *pa, const void *pb) {
    const flow *a = pa, *b = pb;
    if (a->isf != b->isf) return a->isf - b->isf;
    if (a->a != b->a) return a->a < b->a ? -1 : 1;
    if (a->b != b->b) return a->b < b->b ? -1 : 1;
    return a->line < b->line ? -1 : a->line > b->line;
}

/* A pair given twice is an error; of all such, the one whose second line
** comes first is reported. Sorts the flows. */
static int check_duplicates(longcsv *t) {
    const flow *dup = NULL;
    long i;
    qsort(t->fl, (size_t)t->nfl, sizeof *t->fl, flow_cmp);
    for (i = 1; i < t->nfl; i++) {
        const flow *p = &t->fl[i - 1], *f = &t->fl[i];
        if (p->isf == f->isf && p->a == f->a && p->b == f->b &&
            (dup == NULL || f->line < dup[1].line))
            dup = p;
    }
    if (dup == NULL) return VIGIL_OK;
    return vigil_seterr(t->ctx, VIGIL_EDATA,
                        "%s:%ld:1: duplicate %s '%s' -> '%s' (also on line %ld)",
                        t->path, dup[1].line, dup->isf ? "stressor entry" : "flow",
                        dup->isf ? t->str.s[dup->a] : t->lab.s[dup->a],
                        t->lab.s[dup->b], dup->line);
}

/* Moves the labels of one role into a new array, in order of first use. */
static char **take_labels(longcsv *t, int role, long count) {
    char **out = vg_calloc((size_t)(count ? count : 1), sizeof *out);
    long i;
    if (out == NULL) return NULL;
    for (i = 0; i < t->norder; i++) {
        long k = t->order[i];
        if (t->lab.role[k] == role) out[t->lab.idx[k]] = t->lab.s[k], t->lab.s[k] = NULL;
    }
    return out;
}

static int alloc_table(longcsv *t, vg_canon *c, int any_fy) {
    size_t n = (size_t)c->n, ny = (size_t)c->ny, nf = (size_t)t->str.n;
    long k;
    c->Z = vg_calloc(n * n, sizeof *c->Z);
    c->Y = vg_calloc(n * ny, sizeof *c->Y);
    c->F = nf ? vg_calloc(nf * n, sizeof *c->F) : NULL;
    c->FY = any_fy ? vg_calloc(nf * ny, sizeof *c->FY) : NULL;
    c->stressor = vg_calloc(nf ? nf : 1, sizeof *c->stressor);
    if (!c->Z || !c->Y || (nf && !c->F) || (any_fy && !c->FY) || !c->stressor)
        return vigil_nomem(t->ctx, t->path);
    for (k = 0; k < t->str.n; k++) c->stressor[k] = t->str.s[k], t->str.s[k] = NULL;
    c->nf = t->str.n;
    return VIGIL_OK;
}

/* The matrices, from the flows (all checked by now). */
static int fill(longcsv *t, vg_canon *c) {
    long i, n = c->n, ny = c->ny, any_fy = 0;
    int rc;
    for (i = 0; i < t->nfl; i++)
        if (t->fl[i].isf && t->lab.role[t->fl[i].b] == ROLE_FD) any_fy = 1;
    if ((rc = alloc_table(t, c, (int)any_fy)) != VIGIL_OK) return rc;
    for (i = 0; i < t->nfl; i++) {
        const flow *f = &t->fl[i];
        long to = t->lab.idx[f->b], fd = t->lab.role[f->b] == ROLE_FD;
        if (f->isf && fd) c->FY[f->a * ny + to] = f->v;
        else if (f->isf) c->F[f->a * n + to] = f->v;
        else if (fd) c->Y[t->lab.idx[f->a] * ny + to] = f->v;
        else c->Z[t->lab.idx[f->a] * n + to] = f->v;
    }
    return VIGIL_OK;
}

static int build(longcsv *t, vg_canon *c) {
    int rc;
    if (t->nrec == 0)
        return vigil_seterr(t->ctx, VIGIL_EDATA,
                            "%s:1:1: empty file: expected the header from,to,value[,kind]",
                            t->path);
    if (t->nfl == 0)
        return vigil_seterr(t->ctx, VIGIL_EDATA, "%s:%ld:1: no flows after the header",
                            t->path, t->last_line);
    classify(t);
    if ((rc = number_labels(t, &c->n, &c->ny)) != VIGIL_OK ||
        (rc = check_duplicates(t)) != VIGIL_OK)
        return rc;
    c->cell = take_labels(t, ROLE_CELL, c->n);
    c->ycol = take_labels(t, ROLE_FD, c->ny);
    if (c->cell == NULL || c->ycol == NULL) return vigil_nomem(t->ctx, t->path);
    return fill(t, c);
}

/* }============================================================= */

int vg_import_csv(vigil_ctx *ctx, const char *path, vg_canon *out) {
    longcsv t;
    vg_csv_cb cb = {on_field, on_record, NULL};
    int rc;
    memset(out, 0, sizeof *out);
    memset(&t, 0, sizeof t);
    t.ctx = ctx;
    t.path = path;
    cb.ud = &t;
    rc = vg_csv_read(ctx, path, &cb);
    if (rc == VIGIL_OK) rc = build(&t, out);
    names_free(&t.lab);
    names_free(&t.str);
    vg_free(t.fld[0]);
    vg_free(t.fld[1]);
    vg_free(t.order);
    vg_free(t.fl);
    if (rc != VIGIL_OK) vg_canon_free(out);
    return rc;
}

/* {=============================================================
** The canonical files (docs/FORMATS.md)
** ============================================================== */

static void put_header(FILE *f, const char *first, char *const *lab, long n) {
    long j;
    fputs(first, f);
    for (j = 0; j < n; j++) {
        fputc(',', f);
        vg_csv_put_field(f, lab[j]);
    }
    fputc('\n', f);
}

/* A labelled matrix: rows x cols numbers v, row-major. Write errors are
** found by vg_out_commit (ferror). */
static int write_matrix(vigil_ctx *ctx, vg_outset *s, const char *name,
                        const char *first, char *const *rowlab, long rows,
                        char *const *collab, long cols, const double *v) {
    char buf[32];
    FILE *f;
    long i, j;
    int rc = vg_out_open(ctx, s, name, &f);
    if (rc != VIGIL_OK) return rc;
    put_header(f, first, collab, cols);
    for (i = 0; i < rows; i++) {
        vg_csv_put_field(f, rowlab[i]);
        for (j = 0; j < cols; j++) {
            fputc(',', f);
            fputs(vg_fmt_double(buf, v[i * cols + j]), f);
        }
        fputc('\n', f);
    }
    return VIGIL_OK;
}

/* A canonical file that this table will not replace must not be left
** beside it: vigil mrio would read it with the new ones. */
static int check_stale(vigil_ctx *ctx, const vg_canon *t, const char *dir) {
    static const char *const files[] = {"x.csv", "F.csv", "F_Y.csv"};
    const int absent[] = {t->x == NULL, t->nf == 0, t->nf == 0 || t->FY == NULL};
    char path[4096];
    struct stat st;
    int i;
    for (i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        if (absent[i] && stat(path, &st) == 0)
            return vigil_seterr(ctx, VIGIL_EUSAGE,
                                "%s: left from another table: vigil mrio would read "
                                "it with the new one; remove it or choose another "
                                "output folder", path);
    }
    return VIGIL_OK;
}

static int write_all(vigil_ctx *ctx, vg_outset *s, const vg_canon *t) {
    int rc = write_matrix(ctx, s, "Z.csv", "region_sector", t->cell, t->n, t->cell,
                          t->n, t->Z);
    if (rc == VIGIL_OK)
        rc = write_matrix(ctx, s, "Y.csv", "region_sector", t->cell, t->n, t->ycol,
                          t->ny, t->Y);
    if (rc == VIGIL_OK && t->x) {
        static char xname[] = "x";
        char *xlab[1];
        xlab[0] = xname;
        rc = write_matrix(ctx, s, "x.csv", "region_sector", t->cell, t->n, xlab, 1,
                          t->x);
    }
    if (rc == VIGIL_OK && t->nf)
        rc = write_matrix(ctx, s, "F.csv", "stressor", t->stressor, t->nf, t->cell,
                          t->n, t->F);
    if (rc == VIGIL_OK && t->nf && t->FY)
        rc = write_matrix(ctx, s, "F_Y.csv", "stressor", t->stressor, t->nf, t->ycol,
                          t->ny, t->FY);
    return rc;
}

int vg_canon_write(vigil_ctx *ctx, const vg_canon *t, const char *dir) {
    vg_outset s;
    int rc = check_stale(ctx, t, dir);
    if (rc != VIGIL_OK) return rc;
    if ((rc = vg_out_begin(ctx, &s, dir)) != VIGIL_OK) return rc;
    rc = write_all(ctx, &s, t);
    if (rc == VIGIL_OK) return vg_out_commit(ctx, &s);
    vg_out_abort(&s);
    return rc;
}

static int same_region(const char *a, const char *b) {
    size_t la = strcspn(a, "_"), lb = strcspn(b, "_");
    return la == lb && strncmp(a, b, la) == 0;
}

long vg_canon_nregions(const vg_canon *t) {
    long *first = vg_malloc_array((size_t)(t->n ? t->n : 1), sizeof *first);
    long k, r, count = 0;
    if (first == NULL) return -1;
    for (k = 0; k < t->n; k++) {
        for (r = 0; r < count && !same_region(t->cell[first[r]], t->cell[k]); r++)
            continue;
        if (r == count) first[count++] = k;
    }
    vg_free(first);
    return count;
}

void vg_canon_free(vg_canon *t) {
    long k;
    if (t == NULL) return;
    for (k = 0; t->cell && k < t->n; k++) vg_free(t->cell[k]);
    for (k = 0; t->ycol && k < t->ny; k++) vg_free(t->ycol[k]);
    for (k = 0; t->stressor && k < t->nf; k++) vg_free(t->stressor[k]);
    vg_free(t->cell);
    vg_free(t->ycol);
    vg_free(t->stressor);
    vg_free(t->Z);
    vg_free(t->Y);
    vg_free(t->x);
    vg_free(t->F);
    vg_free(t->FY);
    vg_free(t->note);
    memset(t, 0, sizeof *t);
}

/* }============================================================= */
