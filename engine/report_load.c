/*
** Reading a run folder back for its briefing note: manifest.json (a tiny
** reader for the JSON vigil writes), summary.csv, decomposition.csv,
** sdg87.csv, attribution.csv and a batch's comparison.csv (with the tidy
** reader, so that every bad cell is reported as file:line:col); and a
** batch folder: its scenario folders, its baseline, its failures.
*/
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "report.h"

/* {==================================================================
** Small helpers
** =================================================================== */

void rp_names_free(rp_names *n) {
    long i;
    for (i = 0; n->s && i < n->n; i++) vg_free(n->s[i]);
    vg_free(n->s);
    n->s = NULL;
    n->n = 0;
}

/* Appends a copy of s; VIGIL_ENOMEM on failure. */
static int names_add(rp_names *n, const char *s) {
    char **p = vg_realloc(n->s, sizeof *p * (size_t)(n->n + 1));
    if (p == NULL) return VIGIL_ENOMEM;
    n->s = p;
    if ((p[n->n] = vg_strdup(s)) == NULL) return VIGIL_ENOMEM;
    n->n++;
    return VIGIL_OK;
}

static int names_has(const rp_names *n, const char *s) {
    long i;
    for (i = 0; i < n->n; i++)
        if (strcmp(n->s[i], s) == 0) return 1;
    return 0;
}

static char *join(const char *dir, const char *name) {
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = vg_malloc(n);
    if (p) snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* (No allocation: rp_is_run must answer even out of memory.) */
static int exists(const char *dir, const char *name) {
    struct stat st;
    char path[8192];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path) return 0;
    return stat(path, &st) == 0;
}

/* The whole file, NUL-terminated (vg_malloc); NULL when unreadable. */
static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL, *p;
    size_t n = 0, cap = 0, got;
    if (f == NULL) return NULL;
    do {
        if (n + 4096 + 1 > cap) {
            cap = cap ? 2 * cap : 8192;
            if ((p = vg_realloc(buf, cap)) == NULL) {
                vg_free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = p;
        }
        got = fread(buf + n, 1, 4096, f);
        n += got;
    } while (got == 4096);
    if (ferror(f)) {
        vg_free(buf);
        buf = NULL;
        errno = EIO;
    } else {
        buf[n] = '\0';
    }
    fclose(f);
    return buf;
}

const char *rp_key(char *buf, const char *a, const char *b, const char *c) {
    snprintf(buf, 512, "%s" RP_SEP "%s%s%s", a, b, c ? RP_SEP : "", c ? c : "");
    return buf;
}

/* }================================================================== */

/* {==================================================================
** Cubes: values by key and year
** =================================================================== */

static void cube_init(rp_cube *c, int k, int y0, int ny) {
    memset(c, 0, sizeof *c);
    c->k = k;
    c->y0 = y0;
    c->ny = ny;
}

static void cube_free(rp_cube *c) {
    long i;
    for (i = 0; c->key && i < c->n; i++) vg_free(c->key[i]);
    vg_free(c->key);
    vg_free(c->v);
    vg_strmap_free(&c->map);
    memset(c, 0, sizeof *c);
}

/* The index of key, added (values NAN) when absent; -1 when out of memory. */
static long cube_slot(rp_cube *c, const char *key) {
    long i = vg_strmap_get(&c->map, key), j, w = (long)c->k * c->ny;
    if (i >= 0) return i;
    if (c->n == c->cap) {
        long cap = c->cap ? 2 * c->cap : 64;
        char **k = vg_realloc(c->key, sizeof *k * (size_t)cap);
        double *v;
        if (k == NULL) return -1;
        c->key = k;
        if ((v = vg_realloc(c->v, sizeof *v * (size_t)(cap * w))) == NULL) return -1;
        c->v = v;
        c->cap = cap;
    }
    if ((c->key[c->n] = vg_strdup(key)) == NULL) return -1;
    if (vg_strmap_add(&c->map, c->key[c->n], c->n) == -2) {
        vg_free(c->key[c->n]);
        return -1;
    }
    for (j = 0; j < w; j++) c->v[c->n * w + j] = NAN;
    return c->n++;
}

const double *rp_cube_get(const rp_cube *c, const char *key, int year) {
    long i;
    if (year < c->y0 || year >= c->y0 + c->ny) return NULL;
    if ((i = vg_strmap_get(&c->map, key)) < 0) return NULL;
    return c->v + (i * c->ny + (year - c->y0)) * c->k;
}

/* A number cell; an empty cell is NAN (results_write writes NaN so). */
static int cell(vigil_ctx *ctx, const vg_tidy *t, long r, long col, double *out) {
    if (*vg_tidy_str(t, r, col) == '\0') {
        *out = NAN;
        return VIGIL_OK;
    }
    return vg_tidy_num(ctx, t, r, col, out);
}

/* The year of row r, checked against the cube's years. */
static int row_year(vigil_ctx *ctx, const vg_tidy *t, long r, long col, const rp_cube *c,
                    int *year) {
    double y;
    int rc = vg_tidy_num(ctx, t, r, col, &y);
    if (rc != VIGIL_OK) return rc;
    if (y != floor(y) || y < c->y0 || y >= c->y0 + c->ny)
        return vg_tidy_err(ctx, t, r, col, VIGIL_EDATA,
                           "year %s is outside the run's years (%d-%d, manifest.json)",
                           vg_tidy_str(t, r, col), c->y0, c->y0 + c->ny - 1);
    *year = (int)y;
    return VIGIL_OK;
}

/* Stores row r's values (columns vcol[0..k)) under key in year. */
static int cube_put(vigil_ctx *ctx, rp_cube *c, const vg_tidy *t, long r, const char *key,
                    int year, const long *vcol) {
    long i = cube_slot(c, key);
    int k, rc;
    if (i < 0) return vigil_nomem(ctx, t->path);
    for (k = 0; k < c->k; k++) {
        double *dst = c->v + (i * c->ny + (year - c->y0)) * c->k + k;
        if ((rc = cell(ctx, t, r, vcol[k], dst)) != VIGIL_OK) return rc;
    }
    return VIGIL_OK;
}

/* }================================================================== */

/* {==================================================================
** JSON: a reader for the files vigil writes
** =================================================================== */

struct rp_json {
    vigil_ctx *ctx;
    const char *path, *text, *p;
    int depth;
};

static int jerr(rp_json *j, const char *what) {
    long line = 1, col = 1;
    const char *q;
    for (q = j->text; q < j->p; q++) {
        if (*q == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    return vigil_seterr(j->ctx, VIGIL_EDATA, "%s:%ld:%ld: %s", j->path, line, col, what);
}

static void ws(rp_json *j) {
    while (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r') j->p++;
}

static int expect(rp_json *j, char c) {
    char msg[32];
    ws(j);
    if (*j->p == c) {
        j->p++;
        return VIGIL_OK;
    }
    snprintf(msg, sizeof msg, "expected '%c'", c);
    return jerr(j, msg);
}

static int hex4(const char *p, unsigned *u) {
    int i;
    *u = 0;
    for (i = 0; i < 4; i++) {
        int c = p[i], d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return 0;
        *u = *u * 16 + (unsigned)d;
    }
    return 1;
}

static void utf8(vg_sb *b, unsigned u) {
    char s[4];
    if (u < 0x80) {
        s[0] = (char)u;
        vg_sb_putn(b, s, 1);
    } else if (u < 0x800) {
        s[0] = (char)(0xc0 | (u >> 6));
        s[1] = (char)(0x80 | (u & 0x3f));
        vg_sb_putn(b, s, 2);
    } else if (u < 0x10000) {
        s[0] = (char)(0xe0 | (u >> 12));
        s[1] = (char)(0x80 | ((u >> 6) & 0x3f));
        s[2] = (char)(0x80 | (u & 0x3f));
        vg_sb_putn(b, s, 3);
    } else {
        s[0] = (char)(0xf0 | (u >> 18));
        s[1] = (char)(0x80 | ((u >> 12) & 0x3f));
        s[2] = (char)(0x80 | ((u >> 6) & 0x3f));
        s[3] = (char)(0x80 | (u & 0x3f));
        vg_sb_putn(b, s, 4);
    }
}

/* One escape after the backslash at j->p; appends its character. */
static int escape(rp_json *j, vg_sb *b) {
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *k = strchr(from, j->p[1]);
    unsigned u, lo;
    if (j->p[1] != '\0' && k) {
        vg_sb_putn(b, &to[k - from], 1);
        j->p += 2;
        return VIGIL_OK;
    }
    if (j->p[1] != 'u' || !hex4(j->p + 2, &u)) return jerr(j, "bad escape in a string");
    j->p += 6;
    if (u >= 0xd800 && u < 0xdc00 && j->p[0] == '\\' && j->p[1] == 'u' &&
        hex4(j->p + 2, &lo) && lo >= 0xdc00 && lo < 0xe000) {
        u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
        j->p += 6;
    }
    utf8(b, u);
    return VIGIL_OK;
}

int rp_json_str(rp_json *j, char **out) {
    vg_sb b = {0};
    int rc;
    *out = NULL;
    if ((rc = expect(j, '"')) != VIGIL_OK) return rc;
    while (*j->p != '"') {
        if (*j->p == '\0') {
            vg_sb_free(&b);
            return jerr(j, "unterminated string");
        }
        if (*j->p == '\\') {
            if ((rc = escape(j, &b)) != VIGIL_OK) {
                vg_sb_free(&b);
                return rc;
            }
            continue;
        }
        vg_sb_putn(&b, j->p++, 1);
    }
    j->p++;
    *out = vg_strdup(vg_sb_str(&b));
    rc = b.oom || *out == NULL ? vigil_nomem(j->ctx, j->path) : VIGIL_OK;
    vg_sb_free(&b);
    return rc;
}

int rp_json_num(rp_json *j, double *out) {
    char *end;
    ws(j);
    *out = strtod(j->p, &end);
    if (end == j->p) return jerr(j, "expected a number");
    j->p = end;
    return VIGIL_OK;
}

/* A number's text as written (seeds are whole numbers beyond a double's
** precision), into buf of n bytes. */
static int num_text(rp_json *j, char *buf, size_t n) {
    size_t len;
    ws(j);
    len = strspn(j->p, "0123456789+-.eE");
    if (len == 0 || len >= n) return jerr(j, "expected a number");
    memcpy(buf, j->p, len);
    buf[len] = '\0';
    j->p += len;
    return VIGIL_OK;
}

int rp_json_bool(rp_json *j, int *out) {
    ws(j);
    if (strncmp(j->p, "true", 4) == 0) {
        *out = 1;
        j->p += 4;
    } else if (strncmp(j->p, "false", 5) == 0) {
        *out = 0;
        j->p += 5;
    } else {
        return jerr(j, "expected true or false");
    }
    return VIGIL_OK;
}

/* The separator after an element: 1 when another one follows, 0 at the
** closing bracket, -1 on an error (recorded). */
static int next(rp_json *j, char close) {
    ws(j);
    if (*j->p == ',') {
        j->p++;
        return 1;
    }
    if (*j->p == close) {
        j->p++;
        return 0;
    }
    jerr(j, close == ']' ? "expected ',' or ']'" : "expected ',' or '}'");
    return -1;
}

/* Opens an array or object; 1 when it has elements, 0 when empty. */
static int jopen(rp_json *j, char o, char close) {
    if (expect(j, o) != VIGIL_OK) return -1;
    ws(j);
    if (*j->p == close) {
        j->p++;
        return 0;
    }
    return 1;
}

int rp_json_strings(rp_json *j, rp_names *out) {
    int more = jopen(j, '[', ']');
    while (more > 0) {
        char *s;
        int rc = rp_json_str(j, &s);
        if (rc != VIGIL_OK) return rc;
        rc = names_add(out, s);
        vg_free(s);
        if (rc != VIGIL_OK) return vigil_nomem(j->ctx, j->path);
        more = next(j, ']');
    }
    return more < 0 ? vigil_errcode(j->ctx) : VIGIL_OK;
}

int rp_json_numbers(rp_json *j, rp_names *keys, double **vals) {
    int more = jopen(j, '{', '}');
    while (more > 0) {
        char *s;
        double v, *p;
        int rc = rp_json_str(j, &s);
        if (rc == VIGIL_OK && (rc = expect(j, ':')) == VIGIL_OK) rc = rp_json_num(j, &v);
        if (rc == VIGIL_OK && names_add(keys, s) != VIGIL_OK) rc = vigil_nomem(j->ctx, j->path);
        vg_free(s);
        if (rc != VIGIL_OK) return rc;
        if ((p = vg_realloc(*vals, sizeof *p * (size_t)keys->n)) == NULL)
            return vigil_nomem(j->ctx, j->path);
        *vals = p;
        p[keys->n - 1] = v;
        more = next(j, '}');
    }
    return more < 0 ? vigil_errcode(j->ctx) : VIGIL_OK;
}

int rp_json_skip(rp_json *j) {
    char *s;
    double v;
    int more, rc = VIGIL_OK;
    ws(j);
    if (++j->depth > 64) return jerr(j, "nested too deeply");
    if (*j->p == '"') {
        if ((rc = rp_json_str(j, &s)) == VIGIL_OK) vg_free(s);
    } else if (*j->p == '[' || *j->p == '{') {
        char close = *j->p == '[' ? ']' : '}';
        more = jopen(j, *j->p, close);
        while (more > 0 && rc == VIGIL_OK) {
            if (close == '}' && (rc = rp_json_str(j, &s)) == VIGIL_OK) {
                vg_free(s);
                rc = expect(j, ':');
            }
            if (rc == VIGIL_OK) rc = rp_json_skip(j);
            if (rc == VIGIL_OK) more = next(j, close);
        }
        if (more < 0) rc = vigil_errcode(j->ctx);
    } else if (strncmp(j->p, "null", 4) == 0) {
        j->p += 4;
    } else if (*j->p == 't' || *j->p == 'f') {
        rc = rp_json_bool(j, &more);
    } else {
        rc = rp_json_num(j, &v);
    }
    j->depth--;
    return rc;
}

int rp_json_parse(vigil_ctx *ctx, const char *path, const char *text,
                  int (*fn)(rp_json *j, const char *key, void *ud), void *ud) {
    rp_json j;
    int more, rc = VIGIL_OK;
    j.ctx = ctx;
    j.path = path;
    j.text = j.p = text;
    j.depth = 0;
    more = jopen(&j, '{', '}');
    while (more > 0 && rc == VIGIL_OK) {
        char *key;
        if ((rc = rp_json_str(&j, &key)) != VIGIL_OK) break;
        if ((rc = expect(&j, ':')) == VIGIL_OK) rc = fn(&j, key, ud);
        vg_free(key);
        if (rc == VIGIL_OK) more = next(&j, '}');
    }
    if (rc == VIGIL_OK && more < 0) rc = vigil_errcode(ctx);
    if (rc == VIGIL_OK) {
        ws(&j);
        if (*j.p != '\0') rc = jerr(&j, "text after the end of the object");
    }
    return rc;
}

/* }================================================================== */

/* {==================================================================
** A run folder
** =================================================================== */

/* Two whole numbers in brackets: "years": [2020, 2030]. */
static int years(rp_json *j, rp_run *r) {
    double a, b;
    int rc;
    if ((rc = expect(j, '[')) != VIGIL_OK || (rc = rp_json_num(j, &a)) != VIGIL_OK ||
        (rc = expect(j, ',')) != VIGIL_OK || (rc = rp_json_num(j, &b)) != VIGIL_OK ||
        (rc = expect(j, ']')) != VIGIL_OK)
        return rc;
    if (a != floor(a) || b != floor(b) || a < 1900 || b > 2200 || b < a)
        return jerr(j, "years must be [first, last] with first <= last");
    r->y0 = (int)a;
    r->y1 = (int)b;
    return VIGIL_OK;
}

static int manifest_member(rp_json *j, const char *key, void *ud) {
    rp_run *r = ud;
    static const char *const strs[] = {"engine", "scenario", "scenario_file",
        "scenario_sha256", "description", "world", "world_dir", "decomposition",
        "batch_baseline"};
    char **dst[sizeof strs / sizeof strs[0]];
    size_t k;
    double d;
    int rc;
    dst[0] = &r->engine, dst[1] = &r->scenario, dst[2] = &r->file, dst[3] = &r->sha;
    dst[4] = &r->description, dst[5] = &r->world, dst[6] = &r->world_dir;
    dst[7] = &r->decomposition, dst[8] = &r->batch_baseline;
    for (k = 0; k < sizeof strs / sizeof strs[0]; k++)
        if (strcmp(key, strs[k]) == 0) {
            vg_free(*dst[k]);
            return rp_json_str(j, dst[k]);
        }
    if (strcmp(key, "stylised_world") == 0) return rp_json_bool(j, &r->stylised);
    if (strcmp(key, "years") == 0) return years(j, r);
    if (strcmp(key, "seed") == 0) return num_text(j, r->seed, sizeof r->seed);
    if (strcmp(key, "levers") == 0) return rp_json_strings(j, &r->lever);
    if (strcmp(key, "coefficients") == 0) return rp_json_numbers(j, &r->coef, &r->coefv);
    if (strcmp(key, "draws") == 0) {
        if ((rc = rp_json_num(j, &d)) == VIGIL_OK) r->draws = (int)d;
        return rc;
    }
    return rp_json_skip(j);
}

/* manifest.json: the scenario, the world, years, seed, draws, levers. */
static int load_manifest(vigil_ctx *ctx, rp_run *r) {
    char *path = join(r->dir, "manifest.json"), *text = path ? slurp(path) : NULL;
    int rc;
    if (path == NULL) return vigil_nomem(ctx, r->dir);
    if (text == NULL) {
        rc = errno == ENOMEM ? vigil_nomem(ctx, path)
                             : vigil_seterr(ctx, VIGIL_EIO, "%s: cannot read: %s (is %s the "
                                            "folder of a run?)", path, strerror(errno), r->dir);
        vg_free(path);
        return rc;
    }
    rc = rp_json_parse(ctx, path, text, manifest_member, r);
    if (rc == VIGIL_OK && (r->scenario == NULL || r->y0 == 0))
        rc = vigil_seterr(ctx, VIGIL_EDATA, "%s:1:1: no \"scenario\" or \"years\" member", path);
    r->ny = r->y1 - r->y0 + 1;
    vg_free(text);
    vg_free(path);
    return rc;
}

/* Reads dir/name with the tidy reader (optional files: *missing is set to
** 1 and VIGIL_OK returned when the file is absent). */
static int read_csv(vigil_ctx *ctx, const rp_run *r, const char *name,
                    const char *const *req, vg_tidy *t, int *missing) {
    char *path = join(r->dir, name);
    int rc;
    if (path == NULL) return vigil_nomem(ctx, name);
    if (missing && !exists(r->dir, name)) {
        *missing = 1;
        vg_free(path);
        return VIGIL_OK;
    }
    if (missing) *missing = 0;
    rc = vg_tidy_read(ctx, path, req, t);
    vg_free(path);
    return rc;
}

/* Adds a region to the list of its family (child, forced, MRIO). */
static int note_region(rp_run *r, const char *ind, const char *region) {
    rp_names *n = strcmp(ind, "child_labour") == 0    ? &r->creg
                  : strcmp(ind, "forced_labour") == 0 ? &r->freg
                  : strcmp(ind, "cl_footprint") == 0  ? &r->mreg
                                                      : NULL;
    if (n == NULL || strcmp(region, "World") == 0 || names_has(n, region)) return VIGIL_OK;
    return names_add(n, region);
}

static int load_summary(vigil_ctx *ctx, rp_run *r) {
    static const char *const req[] = {"year", "region", "indicator", "mean", "p05", "p50",
                                      "p95", NULL};
    vg_tidy t;
    long row, cy, cr, ci, vcol[RP_NSTAT];
    int rc, k, year;
    char key[512];
    if ((rc = read_csv(ctx, r, "summary.csv", req, &t, NULL)) != VIGIL_OK) return rc;
    cy = vg_tidy_col(&t, "year"), cr = vg_tidy_col(&t, "region"), ci = vg_tidy_col(&t, "indicator");
    for (k = 0; k < RP_NSTAT; k++) vcol[k] = vg_tidy_col(&t, req[3 + k]);
    cube_init(&r->sum, RP_NSTAT, r->y0, r->ny);
    for (row = 0; rc == VIGIL_OK && row < t.nrow; row++) {
        const char *ind = vg_tidy_str(&t, row, ci), *reg = vg_tidy_str(&t, row, cr);
        if ((rc = row_year(ctx, &t, row, cy, &r->sum, &year)) != VIGIL_OK) break;
        rc = cube_put(ctx, &r->sum, &t, row, rp_key(key, ind, reg, NULL), year, vcol);
        if (rc == VIGIL_OK && note_region(r, ind, reg) != VIGIL_OK) rc = vigil_nomem(ctx, t.path);
    }
    if (rc == VIGIL_OK && rp_get(r, "child_labour", "World", r->y0, RP_MEAN) != 
                              rp_get(r, "child_labour", "World", r->y0, RP_MEAN))
        rc = vigil_seterr(ctx, VIGIL_EDATA, "%s:1:1: no World child_labour in %d", t.path, r->y0);
    vg_tidy_free(&t);
    return rc;
}

static int load_decomposition(vigil_ctx *ctx, rp_run *r) {
    static const char *const req[] = {"year", "region", "indicator", "lever", "contribution",
                                      NULL};
    vg_tidy t;
    long row, cy, cr, ci, cl, vcol[1];
    int rc, year, missing = 0;
    char key[512];
    if ((rc = read_csv(ctx, r, "decomposition.csv", req, &t, &missing)) != VIGIL_OK || missing)
        return rc;
    r->has_dec = 1;
    cy = vg_tidy_col(&t, "year"), cr = vg_tidy_col(&t, "region");
    ci = vg_tidy_col(&t, "indicator"), cl = vg_tidy_col(&t, "lever");
    vcol[0] = vg_tidy_col(&t, "contribution");
    cube_init(&r->dec, 1, r->y0, r->ny);
    for (row = 0; rc == VIGIL_OK && row < t.nrow; row++) {
        const char *lever = vg_tidy_str(&t, row, cl);
        if ((rc = row_year(ctx, &t, row, cy, &r->dec, &year)) != VIGIL_OK) break;
        rc = cube_put(ctx, &r->dec, &t, row,
                      rp_key(key, vg_tidy_str(&t, row, ci), vg_tidy_str(&t, row, cr), lever),
                      year, vcol);
        if (rc == VIGIL_OK && !names_has(&r->group, lever) && names_add(&r->group, lever))
            rc = vigil_nomem(ctx, t.path);
    }
    vg_tidy_free(&t);
    return rc;
}

/* sdg87.csv: child labour in 2025, the decline needed, forced labour in
** 2030 (rows keyed by indicator and region, in their year). */
static int load_sdg(vigil_ctx *ctx, rp_run *r) {
    static const char *const req[] = {"region", "indicator", "year", "mean", "p05", "p95", NULL};
    vg_tidy t;
    long row, vcol[3];
    int rc, year, missing = 0;
    char key[512];
    if ((rc = read_csv(ctx, r, "sdg87.csv", req, &t, &missing)) != VIGIL_OK || missing)
        return rc;
    vcol[0] = vg_tidy_col(&t, "mean"), vcol[1] = vg_tidy_col(&t, "p05");
    vcol[2] = vg_tidy_col(&t, "p95");
    cube_init(&r->sdg, 3, r->y0, r->ny);
    for (row = 0; rc == VIGIL_OK && row < t.nrow; row++) {
        if ((rc = row_year(ctx, &t, row, vg_tidy_col(&t, "year"), &r->sdg, &year)) != VIGIL_OK)
            break;
        rc = cube_put(ctx, &r->sdg, &t, row,
                      rp_key(key, vg_tidy_str(&t, row, vg_tidy_col(&t, "indicator")),
                             vg_tidy_str(&t, row, vg_tidy_col(&t, "region")), NULL),
                      year, vcol);
    }
    vg_tidy_free(&t);
    return rc;
}

/* attribution.csv: the consumption footprints (channel "footprint"). */
static int load_attribution(vigil_ctx *ctx, rp_run *r) {
    static const char *const req[] = {"year", "indicator", "consumer_region", "channel",
                                      "value", NULL};
    vg_tidy t;
    long row, vcol[1];
    int rc, year, missing = 0;
    char key[512];
    if ((rc = read_csv(ctx, r, "attribution.csv", req, &t, &missing)) != VIGIL_OK || missing)
        return rc;
    vcol[0] = vg_tidy_col(&t, "value");
    cube_init(&r->fp, 1, r->y0, r->ny);
    for (row = 0; rc == VIGIL_OK && row < t.nrow; row++) {
        if (strcmp(vg_tidy_str(&t, row, vg_tidy_col(&t, "channel")), "footprint") != 0) continue;
        if ((rc = row_year(ctx, &t, row, vg_tidy_col(&t, "year"), &r->fp, &year)) != VIGIL_OK)
            break;
        rc = cube_put(ctx, &r->fp, &t, row,
                      rp_key(key, vg_tidy_str(&t, row, vg_tidy_col(&t, "indicator")),
                             vg_tidy_str(&t, row, vg_tidy_col(&t, "consumer_region")), NULL),
                      year, vcol);
    }
    vg_tidy_free(&t);
    return rc;
}

/* comparison.csv of a batch's scenario folder: the difference with the
** baseline, draw by draw (docs/BATCH.md). */
static int load_comparison(vigil_ctx *ctx, rp_run *r) {
    static const char *const req[] = {"year", "region", "indicator", "scenario_mean",
        "baseline_mean", "diff_mean", "diff_p05", "diff_p95", NULL};
    vg_tidy t;
    long row, vcol[RP_NCMP];
    int rc, year, missing = 0, k;
    char key[512];
    if ((rc = read_csv(ctx, r, "comparison.csv", req, &t, &missing)) != VIGIL_OK || missing)
        return rc;
    r->has_cmp = 1;
    for (k = 0; k < RP_NCMP; k++) vcol[k] = vg_tidy_col(&t, req[3 + k]);
    cube_init(&r->cmp, RP_NCMP, r->y0, r->ny);
    for (row = 0; rc == VIGIL_OK && row < t.nrow; row++) {
        if ((rc = row_year(ctx, &t, row, vg_tidy_col(&t, "year"), &r->cmp, &year)) != VIGIL_OK)
            break;
        rc = cube_put(ctx, &r->cmp, &t, row,
                      rp_key(key, vg_tidy_str(&t, row, vg_tidy_col(&t, "indicator")),
                             vg_tidy_str(&t, row, vg_tidy_col(&t, "region")), NULL),
                      year, vcol);
    }
    vg_tidy_free(&t);
    return rc;
}

int rp_run_load(vigil_ctx *ctx, const char *dir, rp_run *r) {
    const char *slash;
    size_t len = strlen(dir);
    int rc;
    memset(r, 0, sizeof *r);
    while (len > 1 && dir[len - 1] == '/') len--;
    if ((r->dir = vg_malloc(len + 1)) == NULL) return vigil_nomem(ctx, dir);
    memcpy(r->dir, dir, len);
    r->dir[len] = '\0';
    slash = strrchr(r->dir, '/');
    if ((r->name = vg_strdup(slash ? slash + 1 : r->dir)) == NULL) return vigil_nomem(ctx, dir);
    if ((rc = load_manifest(ctx, r)) != VIGIL_OK) return rc;
    if ((rc = load_summary(ctx, r)) != VIGIL_OK) return rc;
    if ((rc = load_decomposition(ctx, r)) != VIGIL_OK) return rc;
    if ((rc = load_sdg(ctx, r)) != VIGIL_OK) return rc;
    if ((rc = load_attribution(ctx, r)) != VIGIL_OK) return rc;
    return load_comparison(ctx, r);
}

void rp_run_free(rp_run *r) {
    char **s[] = {&r->dir, &r->name, &r->engine, &r->scenario, &r->file, &r->sha,
                  &r->description, &r->world, &r->world_dir, &r->decomposition,
                  &r->batch_baseline};
    size_t k;
    if (r == NULL) return;
    for (k = 0; k < sizeof s / sizeof s[0]; k++) vg_free(*s[k]);
    rp_names_free(&r->lever);
    rp_names_free(&r->coef);
    vg_free(r->coefv);
    rp_names_free(&r->creg);
    rp_names_free(&r->freg);
    rp_names_free(&r->mreg);
    rp_names_free(&r->group);
    cube_free(&r->sum);
    cube_free(&r->dec);
    cube_free(&r->sdg);
    cube_free(&r->fp);
    cube_free(&r->cmp);
    memset(r, 0, sizeof *r);
}

double rp_get(const rp_run *r, const char *ind, const char *region, int year, int stat) {
    char key[512];
    const double *v = rp_cube_get(&r->sum, rp_key(key, ind, region, NULL), year);
    return v ? v[stat] : (double)NAN;
}

int rp_is_run(const char *dir) {
    return exists(dir, "summary.csv") && exists(dir, "manifest.json");
}

/* }================================================================== */

/* {==================================================================
** A batch folder
** =================================================================== */

int rp_is_batch(const char *dir) {
    DIR *d;
    struct dirent *e;
    int found = 0;
    if (rp_is_run(dir) || (d = opendir(dir)) == NULL) return 0;
    while (!found && (e = readdir(d)) != NULL) {
        char *path;
        if (e->d_name[0] == '.') continue;
        if ((path = join(dir, e->d_name)) == NULL) break;
        found = rp_is_run(path) || exists(path, "error.json");
        vg_free(path);
    }
    closedir(d);
    return found;
}

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The scenario folders of dir (runs and failures), sorted by name. */
static int batch_folders(vigil_ctx *ctx, const char *dir, rp_names *out) {
    DIR *d = opendir(dir);
    struct dirent *e;
    int rc = VIGIL_OK;
    if (d == NULL)
        return vigil_seterr(ctx, VIGIL_EIO, "%s: cannot read the folder: %s", dir, strerror(errno));
    while (rc == VIGIL_OK && (e = readdir(d)) != NULL) {
        char *path;
        if (e->d_name[0] == '.') continue;
        if ((path = join(dir, e->d_name)) == NULL) {
            rc = vigil_nomem(ctx, dir);
            break;
        }
        if ((rp_is_run(path) || exists(path, "error.json")) && names_add(out, e->d_name))
            rc = vigil_nomem(ctx, dir);
        vg_free(path);
    }
    closedir(d);
    if (rc == VIGIL_OK && out->n) qsort(out->s, (size_t)out->n, sizeof *out->s, cmp_names);
    return rc;
}

static int batch_member(rp_json *j, const char *key, void *ud) {
    rp_batch *b = ud;
    char *s;
    int rc;
    if (strcmp(key, "baseline") != 0) return rp_json_skip(j);
    if ((rc = rp_json_str(j, &s)) == VIGIL_OK) snprintf(b->baseline, sizeof b->baseline, "%s", s);
    vg_free(s);
    return rc;
}

/* The batch manifest's "baseline" (optional: a batch folder made by hand
** has none; then a folder named "baseline" is the baseline). Only out of
** memory is an error. */
static int batch_manifest(vigil_ctx *ctx, rp_batch *b) {
    char *path = join(b->dir, "manifest.json"), *text = path ? slurp(path) : NULL;
    int rc = VIGIL_OK;
    if (path == NULL || (text == NULL && errno == ENOMEM)) rc = vigil_nomem(ctx, b->dir);
    if (text && (rc = rp_json_parse(ctx, path, text, batch_member, b)) != VIGIL_OK) {
        b->baseline[0] = '\0';
        if (rc != VIGIL_ENOMEM) rc = VIGIL_OK, vigil_clearerr(ctx);
    }
    if (b->baseline[0] == '\0') snprintf(b->baseline, sizeof b->baseline, "baseline");
    vg_free(text);
    vg_free(path);
    return rc;
}

/* A failed scenario folder's error message (error.json "error"). */
static int batch_failure(vigil_ctx *ctx, rp_batch *b, const char *name) {
    char *path, *text;
    rp_json j;
    const char *at;
    char *msg = NULL;
    int rc;
    char sub[4200];
    snprintf(sub, sizeof sub, "%s/%s", b->dir, name);
    path = join(sub, "error.json");
    text = path ? slurp(path) : NULL;
    at = text ? strstr(text, "\"error\":") : NULL;
    if (path == NULL || (text == NULL && errno == ENOMEM)) {
        rc = vigil_nomem(ctx, name);
        goto done;
    }
    if (at) {
        j.ctx = ctx, j.path = path, j.text = text, j.p = at + 8, j.depth = 0;
        if ((rc = rp_json_str(&j, &msg)) == VIGIL_ENOMEM) goto done;
        vigil_clearerr(ctx);
    }
    rc = names_add(&b->failed, name) || names_add(&b->failed_error, msg ? msg : "?")
             ? vigil_nomem(ctx, name) : VIGIL_OK;
done:
    vg_free(msg);
    vg_free(text);
    vg_free(path);
    return rc;
}

int rp_batch_load(vigil_ctx *ctx, const char *dir, rp_batch *b) {
    rp_names names = {0};
    long i;
    int rc;
    memset(b, 0, sizeof *b);
    b->base = -1;
    if ((b->dir = vg_strdup(dir)) == NULL) return vigil_nomem(ctx, dir);
    if ((rc = batch_folders(ctx, dir, &names)) != VIGIL_OK) goto done;
    if ((rc = batch_manifest(ctx, b)) != VIGIL_OK) goto done;
    b->has_cmp = exists(dir, "comparison.csv");
    if ((b->run = vg_calloc((size_t)names.n + 1, sizeof *b->run)) == NULL) {
        rc = vigil_nomem(ctx, dir);
        goto done;
    }
    for (i = 0; rc == VIGIL_OK && i < names.n; i++) {
        char *sub = join(dir, names.s[i]);
        if (sub == NULL) rc = vigil_nomem(ctx, dir);
        else if (!rp_is_run(sub)) rc = batch_failure(ctx, b, names.s[i]);
        else if ((rc = rp_run_load(ctx, sub, &b->run[b->n])) == VIGIL_OK) {
            if (strcmp(names.s[i], b->baseline) == 0) b->base = b->n;
            b->n++;
        }
        vg_free(sub);
    }
    if (rc == VIGIL_OK && b->n == 0)
        rc = vigil_seterr(ctx, VIGIL_EDATA, "%s: no scenario folder with results in the batch", dir);
done:
    rp_names_free(&names);
    return rc;
}

void rp_batch_free(rp_batch *b) {
    int i;
    if (b == NULL) return;
    for (i = 0; b->run && i <= b->n; i++) rp_run_free(&b->run[i]);
    vg_free(b->run);
    vg_free(b->dir);
    rp_names_free(&b->failed);
    rp_names_free(&b->failed_error);
    memset(b, 0, sizeof *b);
}

/* }================================================================== */
