/*
** The SQLite results store (store.h). The tables:
**   runs           one row per appended batch
**   scenarios      one row per scenario of a run (status, error, time)
**   series         summary.csv: mean and quantiles per year, region, indicator
**   decomposition  decomposition.csv: the change by lever (Shapley)
**   comparison     comparison.csv: each scenario minus the baseline
**   bilateral      bilateral.csv: labour by producing and consuming region
**                  (schema version 2; a version-1 store gains the table)
** Everything is read back from the batch folder's files, so a merged or
** resumed batch is stored exactly like one run in one go.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "batch.h"
#include "csvio.h"
#include "store.h"

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS runs (\n"
    "  run_id INTEGER PRIMARY KEY, created TEXT NOT NULL, engine TEXT, dir TEXT,\n"
    "  world TEXT, world_dir TEXT, world_sha256 TEXT, seed INTEGER, draws INTEGER,\n"
    "  baseline TEXT, baseline_sha256 TEXT, params TEXT, batch_key TEXT, shard TEXT,\n"
    "  ok INTEGER, failed INTEGER);\n"
    "CREATE TABLE IF NOT EXISTS scenarios (\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(run_id), scenario TEXT NOT NULL,\n"
    "  title TEXT, file TEXT, sha256 TEXT, status TEXT NOT NULL, error TEXT,\n"
    "  seconds REAL, PRIMARY KEY (run_id, scenario));\n"
    "CREATE TABLE IF NOT EXISTS series (\n"
    "  run_id INTEGER NOT NULL, scenario TEXT NOT NULL, year INTEGER NOT NULL,\n"
    "  region TEXT NOT NULL, indicator TEXT NOT NULL,\n"
    "  mean REAL, p05 REAL, p50 REAL, p95 REAL,\n"
    "  PRIMARY KEY (run_id, scenario, indicator, region, year)) WITHOUT ROWID;\n"
    "CREATE TABLE IF NOT EXISTS decomposition (\n"
    "  run_id INTEGER NOT NULL, scenario TEXT NOT NULL, year INTEGER NOT NULL,\n"
    "  region TEXT NOT NULL, indicator TEXT NOT NULL, lever TEXT NOT NULL,\n"
    "  contribution REAL);\n"
    "CREATE INDEX IF NOT EXISTS decomposition_run ON decomposition(run_id, scenario);\n"
    "CREATE TABLE IF NOT EXISTS comparison (\n"
    "  run_id INTEGER NOT NULL, scenario TEXT NOT NULL, baseline TEXT NOT NULL,\n"
    "  year INTEGER NOT NULL, region TEXT NOT NULL, indicator TEXT NOT NULL,\n"
    "  scenario_mean REAL, baseline_mean REAL, diff_mean REAL, diff_p05 REAL,\n"
    "  diff_p50 REAL, diff_p95 REAL,\n"
    "  PRIMARY KEY (run_id, scenario, indicator, region, year)) WITHOUT ROWID;\n"
    "CREATE TABLE IF NOT EXISTS bilateral (\n"
    "  run_id INTEGER NOT NULL, scenario TEXT NOT NULL, year INTEGER NOT NULL,\n"
    "  indicator TEXT NOT NULL, producer_region TEXT NOT NULL,\n"
    "  consumer_region TEXT NOT NULL, value REAL);\n"
    "CREATE INDEX IF NOT EXISTS bilateral_run ON bilateral(run_id, scenario);\n";

/* A CSV file loaded into a table: per column of the file, 'x' skip, 'i'
** integer, 't' text, 'r' real (an empty cell is NULL). The statement's
** ?1 is the run, ?2 the scenario, then the kept columns in order. */
typedef struct load_spec {
    const char *file, *cols, *sql;
} load_spec;

static const load_spec loads[] = {
    {"summary.csv", "xittrrrrx", "INSERT INTO series VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
    {"decomposition.csv", "itttr", "INSERT INTO decomposition VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
    {"comparison.csv", "xtittrrrrrr", "INSERT INTO comparison VALUES "
     "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"},
    {"bilateral.csv", "itttr", "INSERT INTO bilateral VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"}};

#define MAXCOL 16

typedef struct loader {
    vigil_ctx *ctx;
    sqlite3 *db;
    sqlite3_stmt *st;
    const load_spec *spec;
    const char *path;
    char field[MAXCOL][512];
    long nfield;
} loader;

static int db_error(vigil_ctx *ctx, sqlite3 *db, const char *path) {
    return vigil_seterr(ctx, VIGIL_EIO, "%s: sqlite: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
}

static int on_field(void *ud, const char *s, size_t len, long line, long col) {
    loader *l = ud;
    if (col > MAXCOL || len >= sizeof l->field[0])
        return vigil_seterr(l->ctx, VIGIL_EDATA, "%s:%ld:%ld: field too long for the store",
                            l->path, line, col);
    memcpy(l->field[col - 1], s, len + 1);
    l->nfield = col;
    return VIGIL_OK;
}

/* One record: binds the kept columns and inserts (the header is skipped). */
static int on_record(void *ud, long line, long nfields) {
    loader *l = ud;
    const char *c = l->spec->cols;
    int k, p = 3;
    if (line == 1) return VIGIL_OK;
    if (nfields != (long)strlen(c))
        return vigil_seterr(l->ctx, VIGIL_EDATA, "%s:%ld: %ld fields, expected %d", l->path,
                            line, nfields, (int)strlen(c));
    for (k = 0; c[k]; k++) {
        const char *v = l->field[k];
        if (c[k] == 'x') continue;
        if (c[k] == 't') sqlite3_bind_text(l->st, p, v, -1, SQLITE_TRANSIENT);
        else if (*v == '\0') sqlite3_bind_null(l->st, p);
        else if (c[k] == 'i') sqlite3_bind_int64(l->st, p, strtoll(v, NULL, 10));
        else sqlite3_bind_double(l->st, p, strtod(v, NULL));
        p++;
    }
    if (sqlite3_step(l->st) != SQLITE_DONE) return db_error(l->ctx, l->db, l->path);
    sqlite3_reset(l->st);
    return VIGIL_OK;
}

static char *path3(const char *a, const char *b, const char *c) {
    size_t n = strlen(a) + strlen(b) + strlen(c) + 3;
    char *p = vg_malloc(n);
    if (p) snprintf(p, n, "%s/%s/%s", a, b, c);
    return p;
}

/* Loads dir/name/<spec file> when it exists. */
static int load_file(vigil_ctx *ctx, sqlite3 *db, const load_spec *spec, const char *dir,
                     const char *name, long long run) {
    loader l;
    vg_csv_cb cb = {on_field, on_record, NULL};
    FILE *f;
    int rc = VIGIL_OK;
    memset(&l, 0, sizeof l);
    l.ctx = ctx;
    l.db = db;
    l.spec = spec;
    if ((l.path = path3(dir, name, spec->file)) == NULL) return vigil_nomem(ctx, "store");
    if ((f = fopen(l.path, "rb")) == NULL) goto done; /* absent: nothing to load */
    fclose(f);
    if (sqlite3_prepare_v2(db, spec->sql, -1, &l.st, NULL) != SQLITE_OK) {
        rc = db_error(ctx, db, l.path);
        goto done;
    }
    sqlite3_bind_int64(l.st, 1, run);
    sqlite3_bind_text(l.st, 2, name, -1, SQLITE_STATIC);
    cb.ud = &l;
    rc = vg_csv_read(ctx, l.path, &cb);
done:
    sqlite3_finalize(l.st);
    vg_free((char *)l.path);
    return rc;
}

static void bind_member(sqlite3_stmt *st, int p, const char *text, const char *key) {
    char buf[1024];
    if (vg_json_member(text, key, buf, sizeof buf)) sqlite3_bind_text(st, p, buf, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, p);
}

/* The runs row, from the batch manifest. */
static int add_run(vigil_ctx *ctx, sqlite3 *db, const char *path, const char *dir,
                   const char *text, long long *run) {
    static const char *const keys[] = {"engine", "world", "world_dir", "world_sha256", "seed",
        "draws", "baseline", "baseline_sha256", "params", "batch_key", "shard", "ok", "failed"};
    sqlite3_stmt *st = NULL;
    char created[32];
    time_t t = time(NULL);
    struct tm tm;
    size_t k;
    int rc = VIGIL_OK;
    strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
    if (sqlite3_prepare_v2(db, "INSERT INTO runs (created, dir, engine, world, world_dir, "
                           "world_sha256, seed, draws, baseline, baseline_sha256, params, "
                           "batch_key, shard, ok, failed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                           "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", -1, &st, NULL) != SQLITE_OK)
        return db_error(ctx, db, path);
    sqlite3_bind_text(st, 1, created, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, dir, -1, SQLITE_STATIC);
    for (k = 0; k < sizeof keys / sizeof keys[0]; k++) bind_member(st, (int)k + 3, text, keys[k]);
    if (sqlite3_step(st) != SQLITE_DONE) rc = db_error(ctx, db, path);
    *run = sqlite3_last_insert_rowid(db);
    sqlite3_finalize(st);
    return rc;
}

static int add_scenario(vigil_ctx *ctx, sqlite3 *db, const char *path, const char *dir,
                        const char *name, long long run) {
    vg_batch_folder f;
    sqlite3_stmt *st = NULL;
    size_t k;
    int rc = VIGIL_OK;
    vg_batch_read_folder(dir, name, &f);
    if (sqlite3_prepare_v2(db, "INSERT INTO scenarios VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           -1, &st, NULL) != SQLITE_OK)
        return db_error(ctx, db, path);
    sqlite3_bind_int64(st, 1, run);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, f.title, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, f.file, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, f.sha, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, f.status, -1, SQLITE_STATIC);
    if (f.error[0]) sqlite3_bind_text(st, 7, f.error, -1, SQLITE_STATIC);
    if (f.seconds[0]) sqlite3_bind_double(st, 8, strtod(f.seconds, NULL));
    if (sqlite3_step(st) != SQLITE_DONE) rc = db_error(ctx, db, path);
    sqlite3_finalize(st);
    for (k = 0; rc == VIGIL_OK && strcmp(f.status, "ok") == 0 && k < sizeof loads / sizeof loads[0]; k++)
        rc = load_file(ctx, db, &loads[k], dir, name, run);
    return rc;
}

static int exec(vigil_ctx *ctx, sqlite3 *db, const char *path, const char *sql) {
    return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? VIGIL_OK
                                                                : db_error(ctx, db, path);
}

int vg_store_append(vigil_ctx *ctx, const char *path, const char *dir, long long *run_id) {
    sqlite3 *db = NULL;
    char *mpath = path3(dir, "", "manifest.json"), *text = mpath ? vg_read_text(mpath, NULL) : NULL;
    char **names = NULL;
    long long run = 0;
    int n = 0, k, rc = VIGIL_OK;
    if (text == NULL) rc = vigil_seterr(ctx, VIGIL_EIO, "%s/manifest.json: cannot read the batch", dir);
    else if ((names = vg_batch_list(text, &n)) == NULL) rc = vigil_nomem(ctx, "store");
    if (rc == VIGIL_OK && sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                          NULL) != SQLITE_OK)
        rc = db_error(ctx, db, path);
    if (rc == VIGIL_OK) {
        sqlite3_busy_timeout(db, 10000);
        rc = exec(ctx, db, path, "BEGIN IMMEDIATE");
    }
    if (rc == VIGIL_OK) rc = exec(ctx, db, path, schema);
    if (rc == VIGIL_OK) rc = exec(ctx, db, path, "PRAGMA user_version = 2");
    if (rc == VIGIL_OK) rc = add_run(ctx, db, path, dir, text, &run);
    for (k = 0; rc == VIGIL_OK && k < n; k++) rc = add_scenario(ctx, db, path, dir, names[k], run);
    if (rc == VIGIL_OK) rc = exec(ctx, db, path, "COMMIT");
    if (rc != VIGIL_OK && db) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    if (rc == VIGIL_OK && run_id) *run_id = run;
    sqlite3_close(db);
    vg_batch_list_free(names);
    vg_free(mpath);
    vg_free(text);
    return rc;
}
