/*
** Briefing notes (docs/REPORTS.md): the interface shared by the files of
** the report. report_load.c reads a run folder (or a batch folder) back
** into memory; report_doc.c writes one text as HTML and Markdown at once;
** report_chart.c draws charts with PLplot; report.c and the files of
** report_note.h say what the notes say; report_i18n.c holds the language.
*/
#ifndef VIGIL_REPORT_INT_H
#define VIGIL_REPORT_INT_H

#include <stdio.h>

#include "outfile.h"
#include "report_i18n.h"
#include "strmap.h"
#include "tidy.h"
#include "vigil/report.h"

/* {==================================================================
** A run folder, read back (report_load.c)
** =================================================================== */

/* Values by key and year: key -> ny x k doubles (NAN where absent). Keys
** are joined with RP_SEP: "child_labour" RP_SEP "World". */
#define RP_SEP "\x1f"

typedef struct rp_cube {
    vg_strmap map;
    char **key;        /* from vg_malloc, owned */
    double *v;         /* n x ny x k */
    long n, cap;
    int k, y0, ny;
} rp_cube;

/* The values of key in year (k of them; borrowed), or NULL. */
const double *rp_cube_get(const rp_cube *c, const char *key, int year);
/* The key of two or three parts, in buf (at least 512 bytes). */
const char *rp_key(char *buf, const char *a, const char *b, const char *c);

enum { RP_MEAN, RP_P05, RP_P50, RP_P95, RP_NSTAT };
/* comparison.csv, per (indicator, region) and year */
enum { RP_C_SCEN, RP_C_BASE, RP_C_DIFF, RP_C_LO, RP_C_HI, RP_NCMP };

typedef struct rp_names {
    char **s;          /* from vg_malloc */
    long n;
} rp_names;

typedef struct rp_run {
    char *dir, *name;          /* the folder and its last component */
    /* manifest.json */
    char *engine, *scenario, *file, *sha, *description, *world, *world_dir,
        *decomposition, *batch_baseline;
    int stylised, y0, y1, ny, draws;
    char seed[32];
    rp_names lever;            /* the lever lines */
    rp_names coef;             /* coefficient names, values in coefv */
    double *coefv;
    /* summary.csv: indicator RP_SEP region -> mean, p05, p50, p95 */
    rp_cube sum;
    rp_names creg, freg, mreg; /* child, forced and MRIO regions, no World */
    /* decomposition.csv: indicator RP_SEP region RP_SEP lever -> value */
    rp_cube dec;
    rp_names group;            /* its levers, in order */
    /* sdg87.csv: indicator RP_SEP region -> mean, p05, p95 */
    rp_cube sdg;
    /* attribution.csv: footprints, family RP_SEP consumer -> value */
    rp_cube fp;
    /* comparison.csv of a batch scenario folder (cmp.n == 0 when none) */
    rp_cube cmp;
    int has_dec, has_cmp;
} rp_run;

/* Reads dir's manifest.json, summary.csv, sdg87.csv, attribution.csv,
** and decomposition.csv and comparison.csv when present. Errors name
** file:line:col. Caller frees with rp_run_free (also after a failure). */
int rp_run_load(vigil_ctx *ctx, const char *dir, rp_run *r);
void rp_run_free(rp_run *r);
/* A value of summary.csv: stat RP_MEAN.. of an indicator in a region and
** year; NAN when absent. */
double rp_get(const rp_run *r, const char *ind, const char *region, int year, int stat);
/* Does the folder hold a run (summary.csv and manifest.json)? */
int rp_is_run(const char *dir);

/* A batch folder: its scenario folders (sorted by name), the baseline
** among them, the failed ones with their error. */
typedef struct rp_batch {
    char *dir;
    rp_run *run;
    int n, base;               /* base: index of the baseline, or -1 */
    rp_names failed, failed_error;
    int has_cmp;               /* comparison.csv beside the folders */
    char baseline[256];        /* the batch manifest's baseline, or "" */
} rp_batch;

int rp_batch_load(vigil_ctx *ctx, const char *dir, rp_batch *b);
void rp_batch_free(rp_batch *b);
/* Does the folder hold scenario folders (and no run of its own)? */
int rp_is_batch(const char *dir);

/* Parses a JSON text vigil wrote (manifest.json), calling fn for every
** top-level member with its value's text; a tiny reader for our own
** files. Errors name path:line:col. */
typedef struct rp_json rp_json;
int rp_json_str(rp_json *j, char **out);      /* a string, from vg_malloc */
int rp_json_num(rp_json *j, double *out);
int rp_json_bool(rp_json *j, int *out);
int rp_json_strings(rp_json *j, rp_names *out); /* an array of strings */
int rp_json_numbers(rp_json *j, rp_names *keys, double **vals); /* {"k": n} */
int rp_json_skip(rp_json *j);
int rp_json_parse(vigil_ctx *ctx, const char *path, const char *text,
                  int (*fn)(rp_json *j, const char *key, void *ud), void *ud);

void rp_names_free(rp_names *n);

/* }================================================================== */

/* {==================================================================
** Charts (report_chart.c)
** =================================================================== */

enum { RP_LINES, RP_HBARS, RP_STACK };
#define RP_MAXSER 10

/* Colours: the Okabe-Ito palette (Okabe and Ito 2008), safe for the
** common colour-vision deficiencies, plus a grey for the baseline. */
enum { RP_BLACK, RP_ORANGE, RP_SKY, RP_GREEN, RP_YELLOW, RP_BLUE, RP_VERMILLION,
       RP_PURPLE, RP_GREY, RP_NCOLOUR };

typedef struct rp_series {
    const char *label;         /* legend text */
    const char *band_label;    /* legend text of the band; NULL: none */
    const double *v, *lo, *hi; /* values; lo/hi: interval (NULL: none) */
    int colour, dashed;
} rp_series;

typedef struct rp_chart {
    int kind;
    const char *name;          /* file stem: charts/<name>.<lang>.svg */
    const char *title, *xlabel, *ylabel;
    int lang;                  /* for the numbers on the axes */
    /* RP_LINES and RP_STACK: n years x; RP_HBARS: n categories cat */
    int n;
    const double *x;
    const char *const *cat;
    int nser;
    rp_series ser[RP_MAXSER];
    int from_zero;             /* the value axis starts at zero */
    /* RP_LINES: a straight reference line (x0,y0)-(x1,y1), dashed */
    const char *ref_label;
    double ref[4];
    /* RP_STACK: the total of the stacked parts, drawn as points */
    const double *total;
    const char *total_label;
    int stacked;               /* RP_HBARS: stacked, else side by side */
} rp_chart;

/* Is PLplot able to write SVG and PNG (the cairo drivers)? */
int rp_chart_available(vigil_ctx *ctx);
/* Draws the chart on device ("svgcairo" or "pngcairo") into *out (from
** malloc: the caller frees it with free()) of *len bytes. */
int rp_chart_render(vigil_ctx *ctx, const rp_chart *c, const char *device,
                    unsigned char **out, size_t *len);

/* }================================================================== */

/* {==================================================================
** One text, as HTML and Markdown at once (report_doc.c)
**
** Text given to these functions is plain UTF-8 with three marks: **bold**,
** `code`, and RP_V "verbatim" RP_VEND around text taken as it is from the
** run (scenario names and descriptions, file names): HTML shows it in a
** <span class="v">, and the tests know not to look for French there.
** =================================================================== */

#define RP_V "\x01"
#define RP_VEND "\x02"

typedef struct rp_doc {
    vigil_ctx *ctx;
    vg_cat *cat;
    int lang;
    FILE *html, *md;           /* borrowed from the output set; NULL: not written */
    vg_outset *set;            /* the chart files of the Markdown go here */
    int rc;                    /* the first error; then nothing more is done */
    int ncol;                  /* columns of the open table */
    vg_sb sb;                  /* scratch */
} rp_doc;

void rp_doc_begin(rp_doc *d, const char *title, const char *subtitle);
void rp_doc_end(rp_doc *d);
void rp_h(rp_doc *d, int level, const char *id, const char *text);
void rp_p(rp_doc *d, const char *text);
void rp_banner(rp_doc *d, const char *text);
void rp_note(rp_doc *d, const char *text);    /* a small print paragraph */
void rp_ul_begin(rp_doc *d);
void rp_li(rp_doc *d, const char *text);
void rp_ul_end(rp_doc *d);
/* A table: align holds one letter per column, 'l' or 'r'. */
void rp_table_begin(rp_doc *d, const char *id, const char *caption, int ncol,
                    const char *const *head, const char *align);
void rp_table_row(rp_doc *d, const char *const *cells);
void rp_table_end(rp_doc *d);
/* A chart: drawn as SVG, inline in the HTML as a data: URI; for the
** Markdown also written as charts/<name>.<lang>.svg and .png. */
void rp_figure(rp_doc *d, const rp_chart *c, const char *caption);

/* }================================================================== */

#endif
