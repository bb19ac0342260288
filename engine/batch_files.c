/*
** The batch-level files (comparison.csv, timing.csv, manifest.json),
** computed from the scenario folders alone, and --merge, which copies the
** folders of shards into one batch folder and computes the same files: so
** n machines give the bytes one machine gives. Timings (timing.json,
** timing.csv) are the only files that differ from run to run.
*/
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "outfile.h"
#include "results.h"

#define MAX_SHARDS 4096

/* {==================================================================
** Small helpers: files, paths, JSON members
** =================================================================== */

char *vg_read_text(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    size_t n = 0, cap = 4096, got;
    char *buf = f ? vg_malloc(cap) : NULL;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        char *p;
        if ((n += got) + 1 < cap) continue;
        if ((p = vg_realloc(buf, cap * 2)) == NULL) vg_free(buf);
        buf = p;
        cap *= 2;
    }
    if (buf && ferror(f)) {
        vg_free(buf);
        buf = NULL;
    }
    if (f) fclose(f);
    if (buf) buf[n] = '\0';
    if (len) *len = n;
    return buf;
}

static char *path2(const char *a, const char *b) {
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = vg_malloc(n);
    if (p) snprintf(p, n, "%s/%s", a, b);
    return p;
}

static char *path3(const char *a, const char *b, const char *c) {
    size_t n = strlen(a) + strlen(b) + strlen(c) + 3;
    char *p = vg_malloc(n);
    if (p) snprintf(p, n, "%s/%s/%s", a, b, c);
    return p;
}

static char *read3(const char *a, const char *b, const char *c) {
    char *p = path3(a, b, c), *t = p ? vg_read_text(p, NULL) : NULL;
    vg_free(p);
    return t;
}

/* A JSON string at p (after its opening quote) into buf; the escapes
** vg_json_str writes (\" \\ \uXXXX) and the usual one-letter ones. */
static void json_string(const char *p, char *buf, size_t n) {
    size_t k = 0;
    for (; *p && *p != '"'; p++) {
        char c = *p;
        if (c == '\\' && p[1]) {
            c = *++p;
            if (c == 'n') c = '\n';
            else if (c == 't') c = '\t';
            else if (c == 'u' && strlen(p) >= 5) {
                c = (char)strtol((char[5]){p[1], p[2], p[3], p[4], 0}, NULL, 16);
                p += 4;
            }
        }
        if (k + 1 < n) buf[k++] = c;
    }
    buf[k] = '\0';
}

int vg_json_member(const char *text, const char *key, char *buf, size_t n) {
    char pat[128];
    const char *p;
    size_t k = 0;
    snprintf(pat, sizeof pat, "\n  \"%s\": ", key);
    if ((p = strstr(text, pat)) == NULL || n == 0) return 0;
    p += strlen(pat);
    if (*p == '"') {
        json_string(p + 1, buf, n);
        return 1;
    }
    while (*p && *p != ',' && *p != '\n' && k + 1 < n) buf[k++] = *p++;
    buf[k] = '\0';
    return 1;
}

char **vg_batch_list(const char *text, int *n) {
    static const char pat[] = "\n    {\"name\": \"";
    const char *p = text;
    char **v;
    int k = 0;
    *n = 0;
    while ((p = strstr(p, pat)) != NULL) {
        p += sizeof pat - 1;
        k++;
    }
    if ((v = vg_calloc((size_t)k + 1, sizeof *v)) == NULL) return NULL;
    for (p = text; (p = strstr(p, pat)) != NULL && *n < k;) {
        char buf[512];
        p += sizeof pat - 1;
        json_string(p, buf, sizeof buf);
        if ((v[*n] = vg_strdup(buf)) == NULL) {
            vg_batch_list_free(v);
            return NULL;
        }
        ++*n;
    }
    return v;
}

void vg_batch_list_free(char **v) {
    int k;
    for (k = 0; v && v[k]; k++) vg_free(v[k]);
    vg_free(v);
}

void vg_batch_clean(const char *dir) {
    static const char *const names[] = {"manifest.json", "error.json", "summary.csv",
        "attribution.csv", "decomposition.csv", "sdg87.csv", "draws.csv", "comparison.csv",
        "timing.json"};
    DIR *d;
    struct dirent *de;
    size_t k;
    for (k = 0; k < sizeof names / sizeof names[0]; k++) {
        char *p = path2(dir, names[k]);
        if (p) unlink(p);
        vg_free(p);
    }
    if ((d = opendir(dir)) == NULL) return;
    while ((de = readdir(d)) != NULL)
        if (strstr(de->d_name, ".tmp.") != NULL) {
            char *p = path2(dir, de->d_name);
            if (p) unlink(p);
            vg_free(p);
        }
    closedir(d);
}

/* }================================================================== */

/* {==================================================================
** Batch files from the folders
** =================================================================== */

void vg_batch_read_folder(const char *out, const char *name, vg_batch_folder *f) {
    char *text = read3(out, name, "manifest.json");
    memset(f, 0, sizeof *f);
    f->name = name;
    snprintf(f->status, sizeof f->status, "%s", text ? "ok" : "missing");
    if (text == NULL && (text = read3(out, name, "error.json")) != NULL) {
        snprintf(f->status, sizeof f->status, "failed");
        vg_json_member(text, "error", f->error, sizeof f->error);
    }
    if (text) {
        vg_json_member(text, "scenario", f->title, sizeof f->title);
        vg_json_member(text, "scenario_file", f->file, sizeof f->file);
        vg_json_member(text, "scenario_sha256", f->sha, sizeof f->sha);
    }
    vg_free(text);
    if ((text = read3(out, name, "timing.json")) != NULL) {
        vg_json_member(text, "seconds", f->seconds, sizeof f->seconds);
        vg_json_member(text, "jobs", f->jobs, sizeof f->jobs);
    }
    vg_free(text);
}

/* comparison.csv: the header, then every folder's rows in name order. */
static void comparison(FILE *f, const char *out, const vg_batch_folder *fs, int n) {
    int i;
    fputs("scenario,baseline,year,region,indicator,scenario_mean,baseline_mean,"
          "diff_mean,diff_p05,diff_p50,diff_p95\n", f);
    for (i = 0; i < n; i++) {
        char *text = strcmp(fs[i].status, "ok") ? NULL : read3(out, fs[i].name, "comparison.csv");
        const char *rows = text ? strchr(text, '\n') : NULL;
        if (rows) fputs(rows + 1, f);
        vg_free(text);
    }
}

static void timings(FILE *f, const vg_batch_folder *fs, int n) {
    int i;
    fputs("scenario,status,seconds,jobs\n", f);
    for (i = 0; i < n; i++)
        fprintf(f, "%s,%s,%s,%s\n", fs[i].name, fs[i].status, fs[i].seconds, fs[i].jobs);
}

static void member(FILE *f, const char *key, const char *value) {
    fprintf(f, "  \"%s\": ", key);
    vg_json_str(f, value);
    fputs(",\n", f);
}

static void manifest(FILE *f, const vg_batch_params *p, const vg_batch_folder *fs, int n,
                     const char *shard) {
    int i, ok = 0, failed = 0;
    for (i = 0; i < n; i++) {
        ok += strcmp(fs[i].status, "ok") == 0;
        failed += strcmp(fs[i].status, "ok") != 0;
    }
    fprintf(f, "{\n  \"engine\": \"vigil %s\",\n", VIGIL_VERSION);
    member(f, "world", p->world);
    member(f, "world_dir", p->world_dir);
    member(f, "world_sha256", p->world_sha256);
    fprintf(f, "  \"seed\": %lu,\n  \"draws\": %d,\n", p->seed, p->draws);
    member(f, "baseline", p->baseline);
    member(f, "baseline_file", p->baseline_file);
    member(f, "baseline_sha256", p->baseline_sha256);
    member(f, "params", p->params);
    member(f, "batch_key", p->key);
    member(f, "comparison", "scenario minus baseline, draw by draw: draw k of both uses the "
           "random stream of (seed, k); diff_p05, diff_p50, diff_p95 are quantiles of the "
           "differences");
    if (shard) member(f, "shard", shard);
    fprintf(f, "  \"ok\": %d,\n  \"failed\": %d,\n  \"scenarios\": [", ok, failed);
    for (i = 0; i < n; i++) {
        fprintf(f, "%s\n    {\"name\": ", i ? "," : "");
        vg_json_str(f, fs[i].name);
        fputs(", \"title\": ", f);
        vg_json_str(f, fs[i].title);
        fputs(", \"file\": ", f);
        vg_json_str(f, fs[i].file);
        fputs(", \"sha256\": ", f);
        vg_json_str(f, fs[i].sha);
        fprintf(f, ", \"status\": \"%s\"", fs[i].status);
        if (fs[i].error[0]) {
            fputs(", \"error\": ", f);
            vg_json_str(f, fs[i].error);
        }
        fputc('}', f);
    }
    fputs("]\n}\n", f);
}

int vg_batch_write_files(vigil_ctx *ctx, const char *out, const vg_batch_params *p,
                         char *const *names, int n, const char *shard, vg_batch_result *res) {
    vg_batch_folder *fs = vg_calloc((size_t)n + 1, sizeof *fs);
    vg_outset set;
    FILE *f;
    int i, rc;
    if (fs == NULL) return vigil_nomem(ctx, "batch");
    for (i = 0; i < n; i++) vg_batch_read_folder(out, names[i], &fs[i]);
    for (i = 0; res && i < n; i++) {
        if (strcmp(fs[i].status, "ok") == 0) res->ran++;
        else res->failed++;
    }
    rc = vg_out_begin(ctx, &set, out);
    if (rc == VIGIL_OK && (rc = vg_out_open(ctx, &set, "comparison.csv", &f)) == VIGIL_OK)
        comparison(f, out, fs, n);
    if (rc == VIGIL_OK && (rc = vg_out_open(ctx, &set, "timing.csv", &f)) == VIGIL_OK)
        timings(f, fs, n);
    if (rc == VIGIL_OK && (rc = vg_out_open(ctx, &set, "manifest.json", &f)) == VIGIL_OK)
        manifest(f, p, fs, n, shard);
    if (rc == VIGIL_OK) rc = vg_out_commit(ctx, &set);
    else vg_out_abort(&set);
    vg_free(fs);
    return rc;
}

/* }================================================================== */

/* {==================================================================
** --merge
** =================================================================== */

/* One shard folder's manifest: the batch, which shard, its scenarios. */
typedef struct shard {
    vg_batch_params p;
    int i, n;
} shard;

static int read_params(vigil_ctx *ctx, const char *dir, const char *text, shard *s) {
    char num[64], sh[64];
    vg_batch_params *p = &s->p;
    memset(s, 0, sizeof *s);
    if (!vg_json_member(text, "batch_key", p->key, sizeof p->key))
        return vigil_seterr(ctx, VIGIL_EDATA, "%s/manifest.json: not a batch manifest", dir);
    vg_json_member(text, "world", p->world, sizeof p->world);
    vg_json_member(text, "world_dir", p->world_dir, sizeof p->world_dir);
    vg_json_member(text, "world_sha256", p->world_sha256, sizeof p->world_sha256);
    vg_json_member(text, "baseline", p->baseline, sizeof p->baseline);
    vg_json_member(text, "baseline_file", p->baseline_file, sizeof p->baseline_file);
    vg_json_member(text, "baseline_sha256", p->baseline_sha256, sizeof p->baseline_sha256);
    vg_json_member(text, "params", p->params, sizeof p->params);
    if (vg_json_member(text, "seed", num, sizeof num)) p->seed = strtoul(num, NULL, 10);
    if (vg_json_member(text, "draws", num, sizeof num)) p->draws = atoi(num);
    s->i = s->n = 1;
    if (vg_json_member(text, "shard", sh, sizeof sh) && sscanf(sh, "%d/%d", &s->i, &s->n) != 2)
        return vigil_seterr(ctx, VIGIL_EDATA, "%s/manifest.json: bad shard '%s'", dir, sh);
    return VIGIL_OK;
}

/* A scenario of a shard: its name and the shard folder that holds it. */
typedef struct named {
    char *name;
    const char *dir;
} named;

/* The scenario names of a batch manifest (one per line: {"name": ...}). */
static int read_names(vigil_ctx *ctx, const char *text, const char *dir, named **names, int *n,
                      int *cap) {
    const char *p = text;
    static const char pat[] = "\n    {\"name\": \"";
    while ((p = strstr(p, pat)) != NULL) {
        char buf[512];
        p += sizeof pat - 1;
        json_string(p, buf, sizeof buf);
        if (*n == *cap) {
            named *q = vg_realloc(*names, sizeof *q * (size_t)(2 * *cap + 8));
            if (q == NULL) return vigil_nomem(ctx, "merge");
            *names = q;
            *cap = 2 * *cap + 8;
        }
        (*names)[*n].dir = dir;
        if (((*names)[(*n)++].name = vg_strdup(buf)) == NULL) return vigil_nomem(ctx, "merge");
    }
    return VIGIL_OK;
}

static int copy_file(vigil_ctx *ctx, vg_outset *set, const char *src, const char *name) {
    char *path = path2(src, name), *text;
    size_t len = 0;
    FILE *f;
    int rc;
    text = path ? vg_read_text(path, &len) : NULL;
    if (text == NULL) rc = vigil_seterr(ctx, VIGIL_EIO, "%s/%s: cannot read: %s", src, name,
                                        strerror(errno));
    else if ((rc = vg_out_open(ctx, set, name, &f)) == VIGIL_OK) fwrite(text, 1, len, f);
    vg_free(path);
    vg_free(text);
    return rc;
}

static int is_marker(const char *name) {
    return strcmp(name, "manifest.json") == 0 || strcmp(name, "error.json") == 0;
}

/* Copies a scenario folder as one output set, its marker last. */
static int copy_folder(vigil_ctx *ctx, const char *src, const char *dst) {
    DIR *d = opendir(src);
    struct dirent *de;
    vg_outset set;
    int rc, pass;
    if (d == NULL) return vigil_seterr(ctx, VIGIL_EIO, "%s: cannot read: %s", src, strerror(errno));
    vg_batch_clean(dst);
    rc = vg_out_begin(ctx, &set, dst);
    for (pass = 0; pass < 2 && rc == VIGIL_OK; pass++) {
        rewinddir(d);
        while (rc == VIGIL_OK && (de = readdir(d)) != NULL) {
            if (de->d_name[0] == '.' || strstr(de->d_name, ".tmp.") ||
                is_marker(de->d_name) != pass)
                continue;
            rc = copy_file(ctx, &set, src, de->d_name);
        }
    }
    closedir(d);
    if (rc == VIGIL_OK) return vg_out_commit(ctx, &set);
    vg_out_abort(&set);
    return rc;
}

static int same_dir(const char *a, const char *b) {
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

static int by_name(const void *a, const void *b) {
    return strcmp(((const named *)a)->name, ((const named *)b)->name);
}

/* Reads shard k: checks it belongs to the batch of shard 0 and is new. */
static int read_shard(vigil_ctx *ctx, const char *dir, const char *out, shard *ref,
                      unsigned char *seen, int k, named **names, int *n, int *cap) {
    char *path = path2(dir, "manifest.json"), *text = path ? vg_read_text(path, NULL) : NULL;
    shard s;
    int rc;
    if (text == NULL)
        rc = vigil_seterr(ctx, VIGIL_EUSAGE, "%s: not a batch folder (no manifest.json)", dir);
    else if (same_dir(dir, out))
        rc = vigil_seterr(ctx, VIGIL_EUSAGE, "--merge: %s is also the output folder", dir);
    else if ((rc = read_params(ctx, dir, text, &s)) == VIGIL_OK) {
        if (k == 0) *ref = s;
        if (strcmp(s.p.key, ref->p.key) != 0 || s.n != ref->n)
            rc = vigil_seterr(ctx, VIGIL_EUSAGE, "%s: shard of another batch than %s "
                              "(world, seed, draws, baseline or shard count differ)", dir, "the first");
        else if (s.n > MAX_SHARDS || s.i < 1 || s.i > s.n || seen[s.i - 1]++)
            rc = vigil_seterr(ctx, VIGIL_EUSAGE, "%s: shard %d/%d given twice or out of range",
                              dir, s.i, s.n);
        else rc = read_names(ctx, text, dir, names, n, cap);
    }
    vg_free(path);
    vg_free(text);
    return rc;
}

/* Every shard 1..n once; every scenario in one shard only. */
static int check_cover(vigil_ctx *ctx, const shard *ref, const unsigned char *seen,
                       const named *names, int n) {
    int i;
    for (i = 0; i < ref->n; i++)
        if (!seen[i])
            return vigil_seterr(ctx, VIGIL_EUSAGE, "--merge: shard %d/%d is missing", i + 1,
                                ref->n);
    for (i = 1; i < n; i++)
        if (strcmp(names[i].name, names[i - 1].name) == 0)
            return vigil_seterr(ctx, VIGIL_EUSAGE, "--merge: scenario '%s' is in two shards",
                                names[i].name);
    return VIGIL_OK;
}

int vg_batch_merge(vigil_ctx *ctx, const char *const *dirs, int ndirs, const char *out,
                   vg_batch_result *res) {
    shard ref;
    unsigned char *seen = vg_calloc(MAX_SHARDS, 1);
    named *names = NULL;
    char **list = NULL;
    int n = 0, cap = 0, k, rc = seen ? VIGIL_OK : vigil_nomem(ctx, "merge");
    memset(res, 0, sizeof *res);
    memset(&ref, 0, sizeof ref);
    if (rc == VIGIL_OK && ndirs == 0) rc = vigil_seterr(ctx, VIGIL_EUSAGE, "--merge: no folder");
    if (rc == VIGIL_OK) rc = vg_mkdirs(ctx, out);
    for (k = 0; rc == VIGIL_OK && k < ndirs; k++)
        rc = read_shard(ctx, dirs[k], out, &ref, seen, k, &names, &n, &cap);
    if (rc == VIGIL_OK && n > 0) qsort(names, (size_t)n, sizeof *names, by_name);
    if (rc == VIGIL_OK) rc = check_cover(ctx, &ref, seen, names, n);
    if (rc == VIGIL_OK && (list = vg_calloc((size_t)n + 1, sizeof *list)) == NULL)
        rc = vigil_nomem(ctx, "merge");
    for (k = 0; rc == VIGIL_OK && k < n; k++) {
        char *from = path2(names[k].dir, names[k].name), *to = path2(out, names[k].name);
        rc = from && to ? copy_folder(ctx, from, to) : vigil_nomem(ctx, "merge");
        list[k] = names[k].name;
        vg_free(from);
        vg_free(to);
    }
    if (rc == VIGIL_OK) rc = vg_batch_write_files(ctx, out, &ref.p, list, n, NULL, res);
    for (k = 0; k < n; k++) vg_free(names[k].name);
    vg_free(names);
    vg_free(list);
    vg_free(seen);
    return rc;
}

/* }================================================================== */
