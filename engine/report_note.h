/*
** What a briefing note says (docs/REPORTS.md): the interface shared by the
** files that write a note's text, report.c (the entry point and a run's
** note), report_batch.c (a batch's note), report_words.c (words and
** numbers) and one file per section. Functions taking the note are nt_*;
** none of this is seen outside these files.
*/
#ifndef VIGIL_REPORT_NOTE_H
#define VIGIL_REPORT_NOTE_H

#include "report.h"

#define NTMP 12

/* The state of one note being written. */
typedef struct note {
    vigil_ctx *ctx;
    vg_cat *cat;
    int lang;
    rp_doc *d;
    const rp_run *r;           /* the run */
    const rp_run *base;        /* its baseline run, or NULL */
    const char *base_note;     /* why there is no baseline (a catalogue key) */
    vg_sb s;                   /* the sentence being built */
    vg_sb tmp[NTMP];           /* numbers and names inside it */
    double x[64];              /* the years, as numbers for charts */
    int wrap;                  /* table cells put their interval below */
} note;

/* {==================================================================
** Words and numbers (report_words.c)
**
** The functions taking a slot i write into the note's scratch string i
** (0 <= i < NTMP) and return it: borrowed, valid until that slot is used
** again. nt_say's sentence is valid until the next nt_say.
** =================================================================== */

/* The text of a catalogue key in the note's language. */
static inline const char *T(note *n, const char *key) {
    return vg_cat_get(n->cat, n->lang, key);
}

/* Frees a string built for the note, recording it if it ran out of memory. */
void nt_sb_done(note *n, vg_sb *b);
/* After an optional file could not be read: out of memory stops the
** note, anything else is forgotten. */
void nt_optional_failed(note *n);
/* The key "prefix.name" in buf. */
const char *nt_key2(char *buf, size_t size, const char *prefix, const char *name);
/* Slot i of the scratch strings, emptied. */
vg_sb *nt_slot(note *n, int i);
const char *nt_count(note *n, int i, double v, int sign);
const char *nt_noun(note *n, int i, double v, const char *what);
const char *nt_num(note *n, int i, double v, int dec, int sign);
const char *nt_pct(note *n, int i, double v, int sign);
/* A table cell in millions with its interval: "168.9 (168.2–169.6)". */
const char *nt_cell_mn(note *n, int i, double m, double lo, double hi, int sign);
const char *nt_year(note *n, int i, int y);
/* A region's name in the language, else as written (borrowed). */
const char *nt_region(note *n, const char *name);
/* The sentence of a template: name, value pairs ending with NULL. */
const char *nt_say(note *n, const char *key, ...);
/* The run's own text, marked verbatim (RP_V). */
const char *nt_verbatim(note *n, int i, const char *s);
/* `s` (or `-`) in slot i. */
void nt_code(note *n, int i, const char *s);
/* " (90% interval: a to b)" when the interval is more than a point. */
const char *nt_ci(note *n, int i, double lo, double hi, int sign);

/* The years the note looks at. */
int nt_in_run(const rp_run *r, int y);
int nt_table_years(const rp_run *r, int *ys);   /* of the headline table */
int nt_focus_year(const rp_run *r);             /* of the regions, supply chains */
int nt_change_years(const rp_run *r, int *ys);  /* a change is told for */

/* }================================================================== */

/* {==================================================================
** The sections, and the parts of them the batch note tells again
** =================================================================== */

/* report_levers.c: the question and the levers */
void nt_sec_question(note *n);
void nt_levers(note *n, const rp_run *r);
int nt_has_group(const rp_run *r, const char *g);

/* report_headline.c: the headline numbers */
void nt_sec_headline(note *n);
void nt_headline_sentences(note *n);
/* The difference with the baseline of an indicator in a region and year,
** with its interval when known; the source's catalogue key, or NULL. */
const char *nt_diff(const note *n, const char *ind, const char *reg, int y, double *d,
                    double *lo, double *hi);

/* report_paths.c: the paths, and what every chart starts from */
void nt_sec_paths(note *n);
void nt_series(const rp_run *r, const char *ind, const char *reg, int stat, double *out);
void nt_visible_band(rp_series *s, int n);
void nt_init_chart(note *n, rp_chart *c, int kind, const char *name, const char *title);

/* report_regions.c, report_decomp.c, report_supply.c, report_sdg.c */
void nt_sec_regions(note *n);
void nt_sec_decomposition(note *n);
int nt_decomposition_sentence(note *n, const char *ind, int y);
void nt_sec_supply(note *n);
void nt_sec_sdg(note *n);

/* report_provenance.c: provenance and caveats */
void nt_sec_provenance(note *n);
void nt_sec_caveats(note *n);
/* The provenance table opened, with the world and its folder. */
void nt_prov_world(note *n);
void nt_prov_row(note *n, const char *label, const char *value);
void nt_sources(note *n);

/* report_batch.c */
void nt_batch_note(note *n, const rp_batch *b);

/* report.c */
int nt_oom(const note *n);
void nt_subtitle(note *n, const rp_run *r, vg_sb *b);

/* }================================================================== */

#endif
