/*
** Words and numbers of a briefing note (report_note.h): the sentence
** templates of the catalogue filled in, and every number as the language
** writes it (counts, millions with their intervals, percentages, years,
** region names). Kept apart so that each section file only says what to
** write, and all of them round and word the same way.
*/
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "report_note.h"

/* Frees a string built for the note, recording it if it ran out of memory. */
void nt_sb_done(note *n, vg_sb *b) {
    if (b->oom && n->d->rc == VIGIL_OK) n->d->rc = vigil_nomem(n->ctx, "report");
    vg_sb_free(b);
}

/* After an optional file could not be read (a world's sources ...): out
** of memory stops the note, anything else is forgotten. */
void nt_optional_failed(note *n) {
    if (vigil_errcode(n->ctx) == VIGIL_ENOMEM) {
        if (n->d->rc == VIGIL_OK) n->d->rc = VIGIL_ENOMEM;
    } else {
        vigil_clearerr(n->ctx);
    }
}

/* The key "prefix.name" in buf. */
const char *nt_key2(char *buf, size_t size, const char *prefix, const char *name) {
    snprintf(buf, size, "%s.%s", prefix, name);
    return buf;
}

/* Slot i of the scratch strings, emptied. */
vg_sb *nt_slot(note *n, int i) {
    vg_sb_reset(&n->tmp[i]);
    return &n->tmp[i];
}

const char *nt_count(note *n, int i, double v, int sign) {
    vg_sb *b = nt_slot(n, i);
    vg_fmt_count(n->cat, n->lang, v, sign, b);
    return vg_sb_str(b);
}

const char *nt_noun(note *n, int i, double v, const char *what) {
    vg_sb *b = nt_slot(n, i);
    vg_fmt_count_noun(n->cat, n->lang, v, what, b);
    return vg_sb_str(b);
}

const char *nt_num(note *n, int i, double v, int dec, int sign) {
    char buf[VG_NUMBUF];
    vg_sb *b = nt_slot(n, i);
    vg_sb_puts(b, vg_fmt_num(n->lang, v, dec, sign, buf));
    return vg_sb_str(b);
}

const char *nt_pct(note *n, int i, double v, int sign) {
    char buf[VG_NUMBUF];
    vg_sb *b = nt_slot(n, i);
    vg_sb_puts(b, vg_fmt_pct(n->lang, v, 1, sign, buf));
    return vg_sb_str(b);
}

/* A table cell: "168.9 (168.2–169.6)" in millions, the interval only when
** it is not a single point at this rounding; a signed one (a difference)
** "+4.0 (+3.3 to +4.7)", since "-31.6–-30.4" reads badly. */
const char *nt_cell_mn(note *n, int i, double m, double lo, double hi, int sign) {
    char a[VG_NUMBUF], b[VG_NUMBUF], c[VG_NUMBUF];
    vg_sb *s = nt_slot(n, i);
    if (!isfinite(m)) {
        vg_sb_puts(s, "\xe2\x80\x93");
        return vg_sb_str(s);
    }
    vg_sb_puts(s, vg_fmt_mn(n->lang, m, sign, a));
    if (isfinite(lo) && isfinite(hi) &&
        strcmp(vg_fmt_mn(n->lang, lo, sign, b), vg_fmt_mn(n->lang, hi, sign, c)) != 0)
        vg_sb_printf(s, "%s(%s%s%s)", n->wrap ? "\n" : " ", b,
                     sign ? T(n, "range.to") : "\xe2\x80\x93", c);
    return vg_sb_str(s);
}

const char *nt_year(note *n, int i, int y) {
    vg_sb *b = nt_slot(n, i);
    vg_sb_printf(b, "%d", y);
    return vg_sb_str(b);
}

/* A region's name in the language ("region.<name>"), else as written. */
const char *nt_region(note *n, const char *name) {
    char key[300];
    const char *s = vg_cat_find(n->cat, n->lang, nt_key2(key, sizeof key, "region", name));
    return s ? s : name;
}

/* Starts a sentence from the template of key: the variable arguments are
** name, value pairs ending with NULL. */
const char *nt_say(note *n, const char *key, ...) {
    const char *kv[40];
    const char *s;
    int k = 0;
    va_list ap;
    va_start(ap, key);
    while (k < 20 && (s = va_arg(ap, const char *)) != NULL) {
        kv[2 * k] = s;
        kv[2 * k + 1] = va_arg(ap, const char *);
        k++;
    }
    va_end(ap);
    vg_sb_reset(&n->s);
    vg_tpl_expand(&n->s, T(n, key), kv, k);
    return vg_sb_str(&n->s);
}

const char *nt_verbatim(note *n, int i, const char *s) {
    vg_sb *b = nt_slot(n, i);
    vg_sb_printf(b, RP_V "%s" RP_VEND, s ? s : "");
    return vg_sb_str(b);
}

void nt_code(note *n, int i, const char *s) {
    vg_sb *b = nt_slot(n, i);
    vg_sb_printf(b, "`%s`", s && *s ? s : "-");
}

/* " (90% interval: a to b)" when the interval is more than a point. */
const char *nt_ci(note *n, int i, double lo, double hi, int sign) {
    vg_sb *b = nt_slot(n, i);
    char a[VG_NUMBUF], z[VG_NUMBUF];
    if (!isfinite(lo) || !isfinite(hi) ||
        strcmp(vg_fmt_mn(n->lang, lo, 0, a), vg_fmt_mn(n->lang, hi, 0, z)) == 0)
        return "";
    vg_cat_fmt(n->cat, n->lang, b, "ci", "lo", nt_count(n, i + 1, lo, sign), "hi",
               nt_count(n, i + 2, hi, sign), (const char *)NULL);
    return vg_sb_str(b);
}

int nt_in_run(const rp_run *r, int y) { return y >= r->y0 && y <= r->y1; }

/* The years of the headline table: the first, the end of 2022 (2023),
** 2025, 2030 and the last, those inside the run. */
int nt_table_years(const rp_run *r, int *ys) {
    static const int want[] = {2023, 2025, 2030};
    int n = 0, k;
    ys[n++] = r->y0;
    for (k = 0; k < 3; k++)
        if (want[k] > r->y0 && want[k] < r->y1) ys[n++] = want[k];
    if (r->y1 > r->y0) ys[n++] = r->y1;
    return n;
}

/* The year the supply-chain view and the regional table look at. */
int nt_focus_year(const rp_run *r) { return nt_in_run(r, 2025) ? 2025 : r->y1; }

/* The years a change is told for: the end of 2022 (2023) and the last. */
int nt_change_years(const rp_run *r, int *ys) {
    int k = 0;
    if (r->y0 < 2023 && r->y1 > 2023) ys[k++] = 2023;
    if (r->y1 > r->y0) ys[k++] = r->y1;
    return k;
}
