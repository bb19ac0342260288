/*
** The language of the briefing notes (docs/REPORTS.md): one message
** catalogue, scenarios/data/i18n/messages.csv (key,en,fr), for every
** label, heading, sentence and lever description in both languages;
** templates with named {placeholders}; numbers written the way each
** language writes them (160.0 million / 160,0 millions); and a growing
** string buffer to build the text in.
*/
#ifndef VIGIL_REPORT_I18N_H
#define VIGIL_REPORT_I18N_H

#include <stddef.h>

#include "strmap.h"
#include "tidy.h"

enum { VG_EN, VG_FR, VG_NLANG };

/* What a lookup of a key the catalogue lacks (or an empty cell) returns,
** so that a missing translation shows in the note and fails the tests. */
#define VG_MISSING "[[MISSING TRANSLATION]]"

#if defined(__GNUC__)
#define VIGIL_SENTINEL __attribute__((sentinel))
#else
#define VIGIL_SENTINEL
#endif

/* {==================================================================
** A growing string. Out of memory is sticky: later appends do nothing and
** oom stays set, so that callers check once, at the end.
** =================================================================== */

typedef struct vg_sb {
    char *p;        /* NUL-terminated text, from vg_malloc; NULL while empty */
    size_t n, cap;
    int oom;
} vg_sb;

void vg_sb_putn(vg_sb *b, const char *s, size_t n);
void vg_sb_puts(vg_sb *b, const char *s);
void vg_sb_printf(vg_sb *b, const char *fmt, ...) VIGIL_PRINTF(2, 3);
/* The text so far ("" when empty); borrowed until the next append. */
const char *vg_sb_str(const vg_sb *b);
void vg_sb_reset(vg_sb *b); /* empties it, keeping the memory */
void vg_sb_free(vg_sb *b);

/* }================================================================== */

/* {==================================================================
** The catalogue
** =================================================================== */

typedef struct vg_cat {
    vg_tidy t;
    vg_strmap map;        /* key -> row; keys borrowed from t */
    long col[VG_NLANG];   /* the en and fr columns */
    long nmissing;        /* lookups that found no text */
    char missing[160];    /* the first key that had none */
} vg_cat;

/* Reads the catalogue at path (NULL: $VIGIL_HOME, else the source tree,
** then scenarios/data/i18n/messages.csv). Columns key, en, fr; a key twice
** is an error naming its line. Caller frees with vg_cat_free. */
int vg_cat_load(vigil_ctx *ctx, const char *path, vg_cat *c);
void vg_cat_free(vg_cat *c);

/* The text of key in lang (borrowed from the catalogue); VG_MISSING, and
** the miss counted, when the key or its text is absent. */
const char *vg_cat_get(vg_cat *c, int lang, const char *key);
/* The same without counting a miss: NULL when absent (optional keys, such
** as the name of a region the catalogue may not know). */
const char *vg_cat_find(const vg_cat *c, int lang, const char *key);

/* Appends the template of key in lang with its {name} placeholders
** replaced: the variable arguments are name, value pairs ending with NULL.
** A placeholder without a value is kept as it is. */
void vg_cat_fmt(vg_cat *c, int lang, vg_sb *b, const char *key, ...) VIGIL_SENTINEL;
/* The same for a template given as text; kv holds 2 * nkv strings. */
void vg_tpl_expand(vg_sb *b, const char *tpl, const char *const *kv, int nkv);

/* }================================================================== */

/* {==================================================================
** Numbers. buf holds at least VG_NUMBUF bytes; each returns buf.
** =================================================================== */

#define VG_NUMBUF 64

/* v with `decimals` decimals, the language's decimal mark and thousands
** separator (1,234.5 / 1 234,5 with a no-break space); sign: a '+' before
** positive values. A value that rounds to zero is written unsigned. */
char *vg_fmt_num(int lang, double v, int decimals, int sign, char *buf);
/* Millions with one decimal, no unit: 160.0 / 160,0 (tables). */
char *vg_fmt_mn(int lang, double v, int sign, char *buf);
/* A percentage with one decimal: 14.5% / 14,5 %. v is in percent. */
char *vg_fmt_pct(int lang, double v, int decimals, int sign, char *buf);

/* A count in words: "160.0 million" / "160,0 millions" from 1 million up,
** below it the number to three significant digits ("733,000" / "733 000").
** Appends to b. */
void vg_fmt_count(vg_cat *c, int lang, double v, int sign, vg_sb *b);
/* The same with its noun, as each language puts it: "160.0 million
** children" / "160,0 millions d'enfants" / "733 000 enfants". noun is
** "children" or "people" (catalogue keys noun.<noun>.*). */
void vg_fmt_count_noun(vg_cat *c, int lang, double v, const char *noun, vg_sb *b);

/* }================================================================== */

#endif
