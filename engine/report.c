/*
** What a briefing note says (docs/REPORTS.md): from a run folder, the
** question and its levers in plain words, the headline numbers with their
** 90 % intervals, the paths against the baseline, the regional picture,
** the decomposition by lever, the supply-chain view and footprints, the
** distance to SDG target 8.7, provenance and the standing caveats of
** docs/MODEL.md; from a batch folder, the comparison of its scenarios.
** Every word comes from the catalogue (report_i18n.h); every number from
** the run's files, rounded as the language writes it.
*/
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
** Words and numbers
** =================================================================== */

static const char *T(note *n, const char *key) { return vg_cat_get(n->cat, n->lang, key); }

/* Frees a string built for the note, recording it if it ran out of memory. */
static void sb_done(note *n, vg_sb *b) {
    if (b->oom && n->d->rc == VIGIL_OK) n->d->rc = vigil_nomem(n->ctx, "report");
    vg_sb_free(b);
}

/* After an optional file could not be read (a world's sources ...): out
** of memory stops the note, anything else is forgotten. */
static void optional_failed(note *n) {
    if (vigil_errcode(n->ctx) == VIGIL_ENOMEM) {
        if (n->d->rc == VIGIL_OK) n->d->rc = VIGIL_ENOMEM;
    } else {
        vigil_clearerr(n->ctx);
    }
}

/* The key "prefix.name" in buf. */
static const char *key2(char *buf, size_t size, const char *prefix, const char *name) {
    snprintf(buf, size, "%s.%s", prefix, name);
    return buf;
}

/* Slot i of the scratch strings, emptied. */
static vg_sb *slot(note *n, int i) {
    vg_sb_reset(&n->tmp[i]);
    return &n->tmp[i];
}

static const char *count(note *n, int i, double v, int sign) {
    vg_sb *b = slot(n, i);
    vg_fmt_count(n->cat, n->lang, v, sign, b);
    return vg_sb_str(b);
}

static const char *noun(note *n, int i, double v, const char *what) {
    vg_sb *b = slot(n, i);
    vg_fmt_count_noun(n->cat, n->lang, v, what, b);
    return vg_sb_str(b);
}

static const char *num(note *n, int i, double v, int dec, int sign) {
    char buf[VG_NUMBUF];
    vg_sb *b = slot(n, i);
    vg_sb_puts(b, vg_fmt_num(n->lang, v, dec, sign, buf));
    return vg_sb_str(b);
}

/* A coefficient: as many decimals as it has, up to three (2.08, 0.92). */
static const char *num_short(note *n, int i, double v) {
    char buf[VG_NUMBUF];
    vg_sb *b = slot(n, i);
    int dec = 0;
    while (dec < 3 && fabs(v * pow(10, dec) - round(v * pow(10, dec))) > 1e-6) dec++;
    vg_fmt_num(n->lang, v, dec, 0, buf);
    if (dec > 0) { /* 0.920 -> 0.92 */
        size_t len = strlen(buf);
        while (len > 1 && buf[len - 1] == '0') buf[--len] = '\0';
    }
    vg_sb_puts(b, buf);
    return vg_sb_str(b);
}

static const char *pct(note *n, int i, double v, int sign) {
    char buf[VG_NUMBUF];
    vg_sb *b = slot(n, i);
    vg_sb_puts(b, vg_fmt_pct(n->lang, v, 1, sign, buf));
    return vg_sb_str(b);
}

/* A table cell: "168.9 (168.2–169.6)" in millions, the interval only when
** it is not a single point at this rounding; a signed one (a difference)
** "+4.0 (+3.3 to +4.7)", since "-31.6–-30.4" reads badly. */
static const char *cell_mn(note *n, int i, double m, double lo, double hi, int sign) {
    char a[VG_NUMBUF], b[VG_NUMBUF], c[VG_NUMBUF];
    vg_sb *s = slot(n, i);
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

static const char *year(note *n, int i, int y) {
    vg_sb *b = slot(n, i);
    vg_sb_printf(b, "%d", y);
    return vg_sb_str(b);
}

/* A region's name in the language ("region.<name>"), else as written. */
static const char *region(note *n, const char *name) {
    char key[300];
    const char *s = vg_cat_find(n->cat, n->lang, key2(key, sizeof key, "region", name));
    return s ? s : name;
}

/* "in Sub-Saharan Africa" / "en Afrique subsaharienne" ("in.<name>"). */
static const char *region_in(note *n, int i, const char *name) {
    char key[300];
    const char *s = vg_cat_find(n->cat, n->lang, key2(key, sizeof key, "in", name));
    vg_sb *b = slot(n, i);
    if (s) vg_sb_puts(b, s);
    else vg_cat_fmt(n->cat, n->lang, b, "in.other", "region", region(n, name), (const char *)NULL);
    return vg_sb_str(b);
}

/* Starts a sentence from the template of key: the variable arguments are
** name, value pairs ending with NULL. */
static const char *say(note *n, const char *key, ...) {
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

static int in_run(const rp_run *r, int y) { return y >= r->y0 && y <= r->y1; }

/* The years of the headline table: the first, the end of 2022 (2023),
** 2025, 2030 and the last, those inside the run. */
static int table_years(const rp_run *r, int *ys) {
    static const int want[] = {2023, 2025, 2030};
    int n = 0, k;
    ys[n++] = r->y0;
    for (k = 0; k < 3; k++)
        if (want[k] > r->y0 && want[k] < r->y1) ys[n++] = want[k];
    if (r->y1 > r->y0) ys[n++] = r->y1;
    return n;
}

/* The year the supply-chain view and the regional table look at. */
static int focus_year(const rp_run *r) { return in_run(r, 2025) ? 2025 : r->y1; }

/* }================================================================== */

/* {==================================================================
** The levers in plain words
** =================================================================== */

/* One lever line of the manifest: "kind from-to region k=v k=v ..."
** (results.c), cut into its parts. Values may hold spaces (region names). */
typedef struct lever {
    char kind[64], region[256];
    int from, to;
    int nkv;
    char key[16][48], val[16][256];
} lever;

/* Is the word at s (up to a space or the end) "name=..."? */
static int is_pair(const char *s) {
    size_t k = strspn(s, "abcdefghijklmnopqrstuvwxyz_0123456789");
    return k > 0 && s[k] == '=';
}

static int parse_lever(const char *line, lever *l) {
    const char *p, *q;
    memset(l, 0, sizeof *l);
    if (sscanf(line, "%63s %d-%d", l->kind, &l->from, &l->to) != 3) return 0;
    p = strchr(line, ' ');
    p = p ? strchr(p + 1, ' ') : NULL;
    p = p ? p + 1 : line + strlen(line);
    for (q = p; *q && !(is_pair(q) && (q == p || q[-1] == ' ')); q++) {}
    snprintf(l->region, sizeof l->region, "%.*s", (int)(q - p), p);
    while (strlen(l->region) && l->region[strlen(l->region) - 1] == ' ')
        l->region[strlen(l->region) - 1] = '\0';
    while (*q && l->nkv < 16) {
        const char *eq = strchr(q, '='), *end = eq + 1;
        while (*end && !(end[-1] == ' ' && is_pair(end))) end++;
        snprintf(l->key[l->nkv], sizeof l->key[0], "%.*s", (int)(eq - q), q);
        snprintf(l->val[l->nkv], sizeof l->val[0], "%.*s", (int)(end - eq - 1), eq + 1);
        while (strlen(l->val[l->nkv]) && l->val[l->nkv][strlen(l->val[l->nkv]) - 1] == ' ')
            l->val[l->nkv][strlen(l->val[l->nkv]) - 1] = '\0';
        l->nkv++;
        q = end;
    }
    return 1;
}

static const char *lever_get(const lever *l, const char *key) {
    int k;
    for (k = 0; k < l->nkv; k++)
        if (strcmp(l->key[k], key) == 0) return l->val[k];
    return NULL;
}

/* A share as a percentage: 0.35 -> "35%"; decimals only when needed. */
static void share_text(note *n, vg_sb *b, double v, int sign) {
    char buf[VG_NUMBUF];
    double p = 100 * v;
    vg_sb_puts(b, vg_fmt_pct(n->lang, p, fabs(p - round(p)) < 1e-9 ? 0 : 1, sign, buf));
}

/* A parameter's value as words, by what it measures (docs/SCENARIOS.md). */
static void param_text(note *n, const lever *l, const char *key, const char *val, vg_sb *b) {
    char buf[VG_NUMBUF];
    double v = atof(val);
    int poverty = strcmp(l->kind, "shock.poverty") == 0;
    if (strcmp(key, "growth") == 0 || (poverty && strcmp(key, "change") == 0)) {
        vg_cat_fmt(n->cat, n->lang, b, "unit.pp", "v", vg_fmt_num(n->lang, v, 1, 1, buf),
                   (const char *)NULL);
    } else if (strcmp(key, "change") == 0) {
        share_text(n, b, v, 1);
    } else if (strcmp(key, "months") == 0) {
        vg_cat_fmt(n->cat, n->lang, b, "unit.months", "v", vg_fmt_num(n->lang, v, 1, 0, buf),
                   (const char *)NULL);
    } else if (strcmp(key, "phase_in") == 0) {
        vg_cat_fmt(n->cat, n->lang, b, "unit.years", "v", vg_fmt_num(n->lang, v, 0, 0, buf),
                   (const char *)NULL);
    } else if (strcmp(key, "elasticity") == 0 || strcmp(l->kind, "param.set") == 0) {
        vg_sb_puts(b, vg_fmt_num(n->lang, v, fabs(v - round(v)) < 1e-9 ? 0 : 2, 0, buf));
    } else if (strcmp(key, "sector") == 0 || strcmp(key, "goods") == 0) {
        char k[128];
        const char *s = vg_cat_find(n->cat, n->lang, key2(k, sizeof k, key, val));
        vg_sb_puts(b, s ? s : val);
    } else {
        share_text(n, b, v, 0); /* shares: coverage, effectiveness, rate ... */
    }
}

/* "in 2020", "from 2021", "from 2021 to 2025". */
static void when_text(note *n, const lever *l, vg_sb *b) {
    char a[16], z[16];
    snprintf(a, sizeof a, "%d", l->from);
    snprintf(z, sizeof z, "%d", l->to);
    if (l->from == l->to) vg_cat_fmt(n->cat, n->lang, b, "when.year", "y", a, (const char *)NULL);
    else if (l->to >= n->r->y1) vg_cat_fmt(n->cat, n->lang, b, "when.from", "y", a, (const char *)NULL);
    else vg_cat_fmt(n->cat, n->lang, b, "when.span", "a", a, "b", z, (const char *)NULL);
}

/* The clause of a parameter the lever's sentence does not already say;
** nothing for defaults that say nothing (phase_in 1, flags off). */
static void clause(note *n, const lever *l, int k, const char *tpl, vg_sb *b) {
    char key[128];
    const char *c;
    const char *val = l->val[k];
    vg_sb *v = slot(n, 11);
    snprintf(key, sizeof key, "{%s}", l->key[k]);
    if (strstr(tpl, key)) return; /* the sentence says it already */
    if (strcmp(l->key[k], "importer") == 0 || strcmp(l->key[k], "origin") == 0) return;
    if (strcmp(l->key[k], "phase_in") == 0 && atof(val) <= 1) return;
    if ((strcmp(l->key[k], "exports") == 0 || strcmp(l->key[k], "upstream") == 0) && atof(val) == 0)
        return;
    param_text(n, l, l->key[k], val, v);
    c = vg_cat_find(n->cat, n->lang, key2(key, sizeof key, "clause", l->key[k]));
    vg_sb_puts(b, T(n, "sep.clause"));
    if (c) vg_tpl_expand(b, c, (const char *[]){"v", vg_sb_str(v)}, 1);
    else vg_sb_printf(b, "`%s` = %s", l->key[k], vg_sb_str(v));
}

/* The sentence of one lever line: its kind's template with when, where,
** importer, origin and its parameters, then a clause per other parameter. */
static const char *lever_sentence(note *n, const char *line) {
    lever l;
    const char *kv[48], *tpl, *origin;
    char key[128];
    int k, m = 0, level;
    vg_sb *when = slot(n, 0), *where, *orig = slot(n, 2);
    if (!parse_lever(line, &l)) return say(n, "lever.unparsed", "line", line, (const char *)NULL);
    when_text(n, &l, when);
    where = &n->tmp[1];
    region_in(n, 1, l.region);
    origin = lever_get(&l, "origin");
    if (strcmp(l.kind, "trade.ban") == 0 && (origin == NULL || strcmp(origin, "*") == 0) &&
        !lever_get(&l, "goods") && !lever_get(&l, "sector"))
        vg_sb_puts(orig, T(n, "origin.ban")); /* the line names no scope: the file does */
    else if (origin == NULL || strcmp(origin, "*") == 0) vg_sb_puts(orig, T(n, "origin.any"));
    else vg_cat_fmt(n->cat, n->lang, orig, "origin.from", "where", region_in(n, 3, origin),
                    (const char *)NULL);
    kv[m++] = "when", kv[m++] = vg_sb_str(when), kv[m++] = "where", kv[m++] = vg_sb_str(where);
    kv[m++] = "origin", kv[m++] = vg_sb_str(orig);
    kv[m++] = "importer", kv[m++] = region(n, l.region);
    kv[m++] = "kind", kv[m++] = l.kind;
    if (strcmp(l.kind, "param.set") == 0 && l.nkv > 0)
        kv[m++] = "name", kv[m++] = l.key[0], kv[m++] = "value", kv[m++] = l.val[0];
    for (k = 0; k < l.nkv && m < 46 && k < 8; k++) {
        vg_sb *b = slot(n, 4 + k);
        param_text(n, &l, l.key[k], l.val[k], b);
        kv[m++] = l.key[k], kv[m++] = vg_sb_str(b);
    }
    level = strcmp(l.kind, "policy.social_protection") == 0 && lever_get(&l, "coverage");
    snprintf(key, sizeof key, "lever.%s%s", l.kind, level ? ".level" : "");
    tpl = vg_cat_find(n->cat, n->lang, key);
    if (tpl == NULL) tpl = T(n, "lever.other");
    vg_sb_reset(&n->s);
    vg_tpl_expand(&n->s, tpl, (const char *const *)kv, m / 2);
    for (k = 0; k < l.nkv && strcmp(l.kind, "param.set") != 0; k++) clause(n, &l, k, tpl, &n->s);
    vg_sb_puts(&n->s, ".");
    return vg_sb_str(&n->s);
}

/* A lever of the decomposition ("shock.gdp (line 21)") in plain words. */
static const char *group_label(note *n, int i, const char *g) {
    char kind[64], key[128];
    int line;
    vg_sb *b = slot(n, i);
    if (strcmp(g, "on_year hooks") == 0) {
        vg_sb_puts(b, T(n, "group.hooks"));
    } else if (sscanf(g, "%63s (line %d)", kind, &line) == 2) {
        char ln[16];
        const char *s = vg_cat_find(n->cat, n->lang, key2(key, sizeof key, "short", kind));
        snprintf(ln, sizeof ln, "%d", line);
        vg_cat_fmt(n->cat, n->lang, b, "group.line", "lever", s ? s : kind, "line", ln,
                   (const char *)NULL);
    } else {
        vg_sb_printf(b, RP_V "%s" RP_VEND, g);
    }
    return vg_sb_str(b);
}

/* }================================================================== */

/* {==================================================================
** The question, the levers, the headline numbers
** =================================================================== */

static const char *verbatim(note *n, int i, const char *s) {
    vg_sb *b = slot(n, i);
    vg_sb_printf(b, RP_V "%s" RP_VEND, s ? s : "");
    return vg_sb_str(b);
}

static int has_group(const rp_run *r, const char *g) {
    long i;
    for (i = 0; i < r->group.n; i++)
        if (strcmp(r->group.s[i], g) == 0) return 1;
    return 0;
}

/* The levers, one sentence per distinct line, with how many times a line
** repeats (a call over several sectors gives identical lines). */
static void lever_list(note *n, const rp_run *r) {
    long i, j;
    rp_ul_begin(n->d);
    for (i = 0; i < r->lever.n; i++) {
        int times = 1, seen = 0;
        for (j = 0; j < i; j++) seen |= strcmp(r->lever.s[j], r->lever.s[i]) == 0;
        if (seen) continue;
        for (j = i + 1; j < r->lever.n; j++) times += strcmp(r->lever.s[j], r->lever.s[i]) == 0;
        lever_sentence(n, r->lever.s[i]);
        if (times > 1) {
            char t[16];
            snprintf(t, sizeof t, "%d", times);
            vg_cat_fmt(n->cat, n->lang, &n->s, "lever.times", "n", t, (const char *)NULL);
        }
        rp_li(n->d, vg_sb_str(&n->s));
    }
    rp_ul_end(n->d);
}

static void levers(note *n, const rp_run *r) {
    if (r->lever.n == 0 && !has_group(r, "on_year hooks")) {
        rp_p(n->d, T(n, "p.no_levers"));
        return;
    }
    if (r->lever.n) {
        rp_p(n->d, T(n, "p.levers_intro"));
        lever_list(n, r);
    }
    if (has_group(r, "on_year hooks")) rp_p(n->d, T(n, "p.hooks"));
}

static void sec_question(note *n) {
    const rp_run *r = n->r;
    rp_h(n->d, 2, "question", T(n, "h.question"));
    rp_p(n->d, say(n, "p.scenario", "name", verbatim(n, 0, r->scenario), (const char *)NULL));
    if (r->description && *r->description)
        rp_p(n->d, say(n, "p.description", "text", verbatim(n, 0, r->description),
                       (const char *)NULL));
    levers(n, r);
}

/* " (90% interval: a to b)" when the interval is more than a point. */
static const char *ci(note *n, int i, double lo, double hi, int sign) {
    vg_sb *b = slot(n, i);
    char a[VG_NUMBUF], z[VG_NUMBUF];
    if (!isfinite(lo) || !isfinite(hi) ||
        strcmp(vg_fmt_mn(n->lang, lo, 0, a), vg_fmt_mn(n->lang, hi, 0, z)) == 0)
        return "";
    vg_cat_fmt(n->cat, n->lang, b, "ci", "lo", count(n, i + 1, lo, sign), "hi",
               count(n, i + 2, hi, sign), (const char *)NULL);
    return vg_sb_str(b);
}

/* The difference with the baseline of an indicator in a region and year:
** from comparison.csv (draw by draw, with its interval), else from the
** baseline run (difference of means), else from the decomposition (the
** central path). Returns the source's catalogue key, or NULL. */
static const char *diff(const note *n, const char *ind, const char *reg, int y, double *d,
                        double *lo, double *hi) {
    const rp_run *r = n->r;
    char key[512];
    const double *v;
    long g;
    *lo = *hi = NAN;
    if (r->has_cmp && (v = rp_cube_get(&r->cmp, rp_key(key, ind, reg, NULL), y)) != NULL &&
        isfinite(v[RP_C_DIFF])) {
        *d = v[RP_C_DIFF], *lo = v[RP_C_LO], *hi = v[RP_C_HI];
        return "src.cmp";
    }
    if (n->base) {
        *d = rp_get(r, ind, reg, y, RP_MEAN) - rp_get(n->base, ind, reg, y, RP_MEAN);
        return isfinite(*d) ? "src.base" : NULL;
    }
    if (!r->has_dec || r->group.n == 0) return NULL;
    for (*d = 0, g = 0; g < r->group.n; g++) {
        v = rp_cube_get(&r->dec, rp_key(key, ind, reg, r->group.s[g]), y);
        if (v && isfinite(v[0])) *d += v[0];
    }
    return "src.dec";
}

/* The years a change is told for: the end of 2022 (2023) and the last. */
static int change_years(const rp_run *r, int *ys) {
    int k = 0;
    if (r->y0 < 2023 && r->y1 > 2023) ys[k++] = 2023;
    if (r->y1 > r->y0) ys[k++] = r->y1;
    return k;
}

static void headline_vs_base(note *n) {
    int ys[2], k, ny = change_years(n->r, ys);
    for (k = 0; k < ny; k++) {
        double dc, lc, hc, df, lf, hf;
        const char *src = diff(n, "child_labour", "World", ys[k], &dc, &lc, &hc);
        const char *srf = diff(n, "forced_labour", "World", ys[k], &df, &lf, &hf);
        if (src == NULL || srf == NULL) return;
        if (fabs(dc) < 0.5 && fabs(df) < 0.5) continue; /* the levers act later */
        rp_p(n->d, say(n, "p.head_base", "y", year(n, 0, ys[k]), "dcl", count(n, 1, dc, 1),
                       "cicl", ci(n, 2, lc, hc, 1), "dfl", count(n, 5, df, 1), "cifl",
                       ci(n, 6, lf, hf, 1), "src", T(n, src), (const char *)NULL));
    }
}

/* "Children in child labour, world: 182.6 million in 2030 (90% interval
** ...), against 160.0 million at the start of 2020." (key: p.head_cl/fl) */
static void headline_one(note *n, const char *ind, const char *key) {
    const rp_run *r = n->r;
    double m = rp_get(r, ind, "World", r->y1, RP_MEAN), m0 = rp_get(r, ind, "World", r->y0, RP_MEAN);
    double lo = rp_get(r, ind, "World", r->y1, RP_P05), hi = rp_get(r, ind, "World", r->y1, RP_P95);
    rp_p(n->d, say(n, key, "v", count(n, 0, m, 0), "y", year(n, 1, r->y1), "ci", ci(n, 2, lo, hi, 0),
                   "v0", count(n, 5, m0, 0), "y0", year(n, 6, r->y0), (const char *)NULL));
}

static void headline_sentences(note *n) {
    headline_one(n, "child_labour", "p.head_cl");
    headline_one(n, "forced_labour", "p.head_fl");
    headline_vs_base(n);
}

/* The headline table: World, by year, mean and 90 % interval. */
static void headline_table(note *n) {
    static const char *const inds[] = {"child_labour", "hazardous", "cl_export_linked",
        "forced_labour", "fl_export_linked", "victims_identified", "poverty_rate", "sp_coverage"};
    const rp_run *r = n->r;
    const char *head[8], *cells[8];
    char key[128];
    int ys[8], ny = table_years(r, ys), k;
    size_t i;
    head[0] = T(n, "col.indicator");
    for (k = 0; k < ny; k++) head[k + 1] = year(n, k, ys[k]);
    rp_table_begin(n->d, "table-headline", T(n, "cap.headline"), ny + 1, head, "lrrrrrr");
    for (i = 0; i < sizeof inds / sizeof inds[0]; i++) {
        int percent = i >= 6;
        if (strcmp(inds[i], "victims_identified") == 0 &&
            !(rp_get(r, inds[i], "World", r->y1, RP_MEAN) > 0))
            continue; /* no identification modelled: a row of zeros says nothing */
        cells[0] = T(n, key2(key, sizeof key, "ind", inds[i]));
        for (k = 0; k < ny; k++) {
            double m = rp_get(r, inds[i], "World", ys[k], RP_MEAN);
            cells[k + 1] = percent ? pct(n, k, m, 0)
                                   : cell_mn(n, k, m, rp_get(r, inds[i], "World", ys[k], RP_P05),
                                             rp_get(r, inds[i], "World", ys[k], RP_P95), 0);
        }
        rp_table_row(n->d, cells);
    }
    rp_table_end(n->d);
}

static void sec_headline(note *n) {
    rp_h(n->d, 2, "headline", T(n, "h.headline"));
    headline_sentences(n);
    headline_table(n);
}

/* }================================================================== */

/* {==================================================================
** Paths, regions
** =================================================================== */

/* Values of an indicator in a region over the run's years, in millions. */
static void series(const rp_run *r, const char *ind, const char *reg, int stat, double *out) {
    int y;
    for (y = 0; y < r->ny && y < 64; y++) out[y] = rp_get(r, ind, reg, r->y0 + y, stat) / 1e6;
}

/* Drops a band no reader could see (at most 1.5 % of the path's range
** wide: the draws hardly move this path), with its legend entry. */
static void visible_band(rp_series *s, int n) {
    double w = 0, lo = INFINITY, hi = -INFINITY;
    int i;
    for (i = 0; i < n; i++)
        if (isfinite(s->v[i])) lo = fmin(lo, s->v[i]), hi = fmax(hi, s->v[i]);
    for (i = 0; s->lo && s->hi && i < n; i++)
        if (isfinite(s->hi[i] - s->lo[i])) w = fmax(w, s->hi[i] - s->lo[i]);
    if (w <= 0.015 * fmax(hi - lo, 1e-9)) s->lo = s->hi = NULL, s->band_label = NULL;
}

static void init_chart(note *n, rp_chart *c, int kind, const char *name, const char *title) {
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->name = name;
    c->title = title;
    c->lang = n->lang;
    c->x = n->x;
    c->n = n->r->ny > 64 ? 64 : n->r->ny;
}

/* The world path of an indicator with its band, against the baseline's
** (its run, with a band; else comparison.csv's baseline mean). */
static void path_chart(note *n, const char *name, const char *ind, const char *what) {
    const rp_run *r = n->r;
    double v[6][64];
    char key[128], tkey[128];
    rp_chart c;
    vg_sb title = {0};
    int y;
    vg_cat_fmt(n->cat, n->lang, &title, key2(tkey, sizeof tkey, "chart.title", name), "y0",
               year(n, 0, r->y0), "y1", year(n, 1, r->y1), (const char *)NULL);
    init_chart(n, &c, RP_LINES, name, vg_sb_str(&title));
    c.xlabel = T(n, "axis.year");
    c.ylabel = T(n, key2(key, sizeof key, "axis.millions", what));
    series(r, ind, "World", RP_MEAN, v[0]);
    series(r, ind, "World", RP_P05, v[1]);
    series(r, ind, "World", RP_P95, v[2]);
    c.ser[0] = (rp_series){T(n, "legend.mean"), T(n, "legend.interval"), v[0], v[1], v[2],
                           RP_BLUE, 0};
    c.nser = 1;
    visible_band(&c.ser[0], c.n);
    if (n->base) {
        series(n->base, ind, "World", RP_MEAN, v[3]);
        series(n->base, ind, "World", RP_P05, v[4]);
        series(n->base, ind, "World", RP_P95, v[5]);
        c.ser[c.nser++] = (rp_series){T(n, "legend.base"), T(n, "legend.base_interval"), v[3],
                                      v[4], v[5], RP_GREY, 1};
        visible_band(&c.ser[1], c.n);
    } else if (r->has_cmp) {
        for (y = 0; y < c.n; y++) {
            const double *cv = rp_cube_get(&r->cmp, rp_key(key, ind, "World", NULL), r->y0 + y);
            v[3][y] = cv ? cv[RP_C_BASE] / 1e6 : (double)NAN;
        }
        c.ser[c.nser++] = (rp_series){T(n, "legend.base"), NULL, v[3], NULL, NULL, RP_GREY, 1};
    }
    rp_figure(n->d, &c, say(n, n->base || r->has_cmp ? "fig.path_base" : "fig.path",
                            "draws", num(n, 0, r->draws, 0, 0), (const char *)NULL));
    sb_done(n, &title);
}

static void sec_paths(note *n) {
    const rp_run *r = n->r;
    rp_h(n->d, 2, "paths", say(n, "h.paths", "y0", year(n, 0, r->y0), "y1", year(n, 1, r->y1),
                               (const char *)NULL));
    if (!n->base && !r->has_cmp) rp_note(n->d, T(n, n->base_note ? n->base_note : "p.no_base"));
    path_chart(n, "cl_path", "child_labour", "children");
    path_chart(n, "fl_path", "forced_labour", "people");
}

/* The child labour regions' chart: the first and last year, the last
** with its interval. */
static void regions_chart(note *n) {
    const rp_run *r = n->r;
    double v[4][64];
    const char *cat[64];
    vg_sb title = {0}, label = {0};
    rp_chart c;
    long i;
    vg_cat_fmt(n->cat, n->lang, &title, "chart.title.regions", "y0", year(n, 0, r->y0), "y1",
               year(n, 1, r->y1), (const char *)NULL);
    vg_cat_fmt(n->cat, n->lang, &label, "legend.year_interval", "y", year(n, 0, r->y1),
               (const char *)NULL);
    init_chart(n, &c, RP_HBARS, "regions", vg_sb_str(&title));
    c.n = (int)(r->creg.n > 64 ? 64 : r->creg.n);
    for (i = 0; i < c.n; i++) {
        cat[i] = region(n, r->creg.s[i]);
        v[0][i] = rp_get(r, "child_labour", r->creg.s[i], r->y0, RP_MEAN) / 1e6;
        v[1][i] = rp_get(r, "child_labour", r->creg.s[i], r->y1, RP_MEAN) / 1e6;
        v[2][i] = rp_get(r, "child_labour", r->creg.s[i], r->y1, RP_P05) / 1e6;
        v[3][i] = rp_get(r, "child_labour", r->creg.s[i], r->y1, RP_P95) / 1e6;
    }
    c.cat = cat;
    c.xlabel = T(n, "axis.millions.children");
    c.ser[0] = (rp_series){year(n, 2, r->y0), NULL, v[0], NULL, NULL, RP_SKY, 0};
    c.ser[1] = (rp_series){vg_sb_str(&label), NULL, v[1], v[2], v[3], RP_BLUE, 0};
    c.nser = 2;
    if (c.n > 0) rp_figure(n->d, &c, T(n, "fig.regions"));
    sb_done(n, &title);
    sb_done(n, &label);
}

/* A region table of an indicator: first, focus and last year (the last
** with its interval), the change and the share of the world. */
static void region_table(note *n, const char *id, const char *ind, const rp_names *regs,
                         const char *caption) {
    const rp_run *r = n->r;
    const char *head[6], *cells[6];
    int fy = focus_year(r), mid = fy > r->y0 && fy < r->y1, k = 0;
    long i;
    vg_sb chg = {0}, shr = {0};
    vg_cat_fmt(n->cat, n->lang, &chg, "col.change", "y0", year(n, 0, r->y0), "y1",
               year(n, 1, r->y1), (const char *)NULL);
    vg_cat_fmt(n->cat, n->lang, &shr, "col.share", "y", year(n, 0, r->y1), (const char *)NULL);
    head[k++] = T(n, "col.region");
    head[k++] = year(n, 2, r->y0);
    if (mid) head[k++] = year(n, 3, fy);
    head[k++] = year(n, 4, r->y1);
    head[k++] = vg_sb_str(&chg);
    head[k++] = vg_sb_str(&shr);
    rp_table_begin(n->d, id, caption, k, head, "lrrrrr");
    for (i = 0; i <= regs->n; i++) {
        const char *reg = i < regs->n ? regs->s[i] : "World";
        double a = rp_get(r, ind, reg, r->y0, RP_MEAN), z = rp_get(r, ind, reg, r->y1, RP_MEAN);
        double w = rp_get(r, ind, "World", r->y1, RP_MEAN);
        k = 0;
        cells[k++] = i < regs->n ? region(n, reg) : T(n, "region.World");
        cells[k++] = cell_mn(n, 0, a, NAN, NAN, 0);
        if (mid) cells[k++] = cell_mn(n, 1, rp_get(r, ind, reg, fy, RP_MEAN), NAN, NAN, 0);
        cells[k++] = cell_mn(n, 2, z, rp_get(r, ind, reg, r->y1, RP_P05),
                             rp_get(r, ind, reg, r->y1, RP_P95), 0);
        cells[k++] = a > 0 ? pct(n, 3, 100 * (z - a) / a, 1) : "\xe2\x80\x93";
        cells[k++] = w > 0 ? pct(n, 4, 100 * z / w, 0) : "\xe2\x80\x93";
        rp_table_row(n->d, cells);
    }
    rp_table_end(n->d);
    sb_done(n, &chg);
    sb_done(n, &shr);
}

/* The region with the most child labour in the last year, and the one
** whose child labour rises (or falls least) the most in relative terms. */
static void regions_sentence(note *n) {
    const rp_run *r = n->r;
    long i, top = -1, up = -1;
    double best = -1, rise = -INFINITY, w = rp_get(r, "child_labour", "World", r->y1, RP_MEAN);
    for (i = 0; i < r->creg.n; i++) {
        double a = rp_get(r, "child_labour", r->creg.s[i], r->y0, RP_MEAN);
        double z = rp_get(r, "child_labour", r->creg.s[i], r->y1, RP_MEAN);
        if (z > best) best = z, top = i;
        if (a > 0 && (z - a) / a > rise) rise = (z - a) / a, up = i;
    }
    if (top < 0 || up < 0 || !(w > 0)) return;
    rp_p(n->d, say(n, "p.regions", "y1", year(n, 0, r->y1), "top", region(n, r->creg.s[top]),
                   "share", pct(n, 1, 100 * best / w, 0), "up", region(n, r->creg.s[up]),
                   "rise", pct(n, 2, 100 * rise, 1), "y0", year(n, 3, r->y0), (const char *)NULL));
}

static void sec_regions(note *n) {
    rp_h(n->d, 2, "regions", T(n, "h.regions"));
    regions_sentence(n);
    region_table(n, "table-regions-cl", "child_labour", &n->r->creg, T(n, "cap.regions_cl"));
    regions_chart(n);
    region_table(n, "table-regions-fl", "forced_labour", &n->r->freg, T(n, "cap.regions_fl"));
}

/* }================================================================== */

/* {==================================================================
** The decomposition by lever
** =================================================================== */

static double contribution(const rp_run *r, const char *ind, long g, int y) {
    char key[512];
    const double *v = rp_cube_get(&r->dec, rp_key(key, ind, "World", r->group.s[g]), y);
    return v ? v[0] : (double)NAN;
}

/* "+8.9 million children in child labour in 2023 against the baseline:
** +6.1 million from ..., +2.8 million from ...", levers by size; nothing
** (and 0 returned) when the levers change nothing that year. */
static int decomposition_sentence(note *n, const char *ind, int y) {
    const rp_run *r = n->r;
    long g, order[256], m = 0, i, j;
    double total = 0;
    vg_sb parts = {0}, part = {0};
    for (g = 0; g < r->group.n && m < 256; g++) {
        double v = contribution(r, ind, g, y);
        if (isfinite(v)) total += v;
        if (isfinite(v) && fabs(v) >= 0.5) order[m++] = g;
    }
    if (fabs(total) < 0.5) return 0;
    for (i = 1; i < m; i++) /* by decreasing size */
        for (j = i; j > 0 && fabs(contribution(r, ind, order[j], y)) >
                                 fabs(contribution(r, ind, order[j - 1], y)); j--) {
            long t = order[j];
            order[j] = order[j - 1], order[j - 1] = t;
        }
    if (m > 0) vg_sb_puts(&parts, T(n, "dec.of_which"));
    for (i = 0; i < m; i++) {
        vg_sb_reset(&part);
        vg_cat_fmt(n->cat, n->lang, &part, "dec.part", "value",
                   count(n, 0, contribution(r, ind, order[i], y), 1), "lever",
                   group_label(n, 1, r->group.s[order[i]]), (const char *)NULL);
        if (i > 0) vg_sb_puts(&parts, T(n, i + 1 == m ? "sep.and" : "sep.list"));
        vg_sb_puts(&parts, vg_sb_str(&part));
    }
    rp_p(n->d, say(n, strcmp(ind, "child_labour") == 0 ? "p.dec_cl" : "p.dec_fl", "total",
                   count(n, 2, total, 1), "y", year(n, 3, y), "parts", vg_sb_str(&parts),
                   (const char *)NULL));
    sb_done(n, &parts);
    sb_done(n, &part);
    return 1;
}

static const int dec_colour[] = {RP_BLUE, RP_ORANGE, RP_GREEN, RP_VERMILLION, RP_PURPLE,
                                 RP_SKY, RP_YELLOW, RP_GREY};

/* Stacked bars by year of each lever's part of the change of world child
** labour; beyond eight levers the rest are summed as "other levers". */
static void decomposition_chart(note *n) {
    const rp_run *r = n->r;
    double v[9][64], total[64];
    vg_sb lab[8] = {{0}};
    rp_chart c;
    long g;
    int y, s;
    init_chart(n, &c, RP_STACK, "decomposition", T(n, "chart.title.decomposition"));
    c.xlabel = T(n, "axis.year");
    c.ylabel = T(n, "axis.millions.children");
    c.nser = (int)(r->group.n > 8 ? 8 : r->group.n);
    for (y = 0; y < c.n; y++) total[y] = 0;
    for (s = 0; s < c.nser; s++)
        for (y = 0; y < c.n; y++) v[s][y] = 0;
    for (g = 0; g < r->group.n; g++) {
        s = g < 7 || r->group.n <= 8 ? (int)g : 7;
        for (y = 0; y < c.n; y++) {
            double x = contribution(r, "child_labour", g, r->y0 + y) / 1e6;
            if (isfinite(x)) v[s][y] += x, total[y] += x;
        }
    }
    for (s = 0; s < c.nser; s++) {
        if (s == 7 && r->group.n > 8) vg_sb_puts(&lab[s], T(n, "group.other"));
        else vg_sb_puts(&lab[s], group_label(n, 0, r->group.s[s]));
        c.ser[s] = (rp_series){vg_sb_str(&lab[s]), NULL, v[s], NULL, NULL, dec_colour[s], 0};
    }
    c.total = total;
    c.total_label = T(n, "legend.total");
    c.from_zero = 1;
    rp_figure(n->d, &c, T(n, "fig.decomposition"));
    for (s = 0; s < 8; s++) sb_done(n, &lab[s]);
}

/* Each lever's part in the years of the headline table. */
static void decomposition_table(note *n, const char *ind, const char *id, const char *cap) {
    const rp_run *r = n->r;
    const char *head[8], *cells[8];
    int ys[8], ny = table_years(r, ys), k;
    long g;
    head[0] = T(n, "col.lever");
    for (k = 1; k < ny; k++) head[k] = year(n, k, ys[k]);
    rp_table_begin(n->d, id, cap, ny, head, "lrrrrrr");
    for (g = 0; g <= r->group.n; g++) {
        cells[0] = g < r->group.n ? group_label(n, 0, r->group.s[g]) : T(n, "legend.total");
        for (k = 1; k < ny; k++) {
            double v = 0;
            long h;
            if (g < r->group.n) v = contribution(r, ind, g, ys[k]);
            else
                for (h = 0; h < r->group.n; h++) v += contribution(r, ind, h, ys[k]);
            cells[k] = cell_mn(n, k, v, NAN, NAN, 1);
        }
        rp_table_row(n->d, cells);
    }
    rp_table_end(n->d);
}

static void sec_decomposition(note *n) {
    const rp_run *r = n->r;
    int ys[2], k, ny = change_years(r, ys), said = 0;
    rp_h(n->d, 2, "decomposition", T(n, "h.decomposition"));
    if (!r->has_dec || r->group.n == 0) {
        rp_p(n->d, T(n, "p.dec_none"));
        return;
    }
    for (k = 0; k < ny; k++) said += decomposition_sentence(n, "child_labour", ys[k]);
    for (k = 0; k < ny; k++) said += decomposition_sentence(n, "forced_labour", ys[k]);
    if (!said) rp_p(n->d, T(n, "p.dec_zero"));
    rp_note(n->d, say(n, "p.dec_method", "method", verbatim(n, 0, r->decomposition),
                      (const char *)NULL));
    decomposition_chart(n);
    decomposition_table(n, "child_labour", "table-decomposition-cl", T(n, "cap.dec_cl"));
    decomposition_table(n, "forced_labour", "table-decomposition-fl", T(n, "cap.dec_fl"));
}

/* }================================================================== */

/* {==================================================================
** Supply chains and footprints
** =================================================================== */

static void supply_sentence(note *n, int y) {
    const rp_run *r = n->r;
    double cl = rp_get(r, "child_labour", "World", y, RP_MEAN);
    double ex = rp_get(r, "cl_export_linked", "World", y, RP_MEAN);
    double dir = rp_get(r, "cl_export_direct", "World", y, RP_MEAN);
    double up = rp_get(r, "cl_export_upstream", "World", y, RP_MEAN);
    double fl = rp_get(r, "forced_labour", "World", y, RP_MEAN);
    double fx = rp_get(r, "fl_export_linked", "World", y, RP_MEAN);
    if (!(cl > 0) || !isfinite(ex)) return;
    rp_p(n->d, say(n, "p.supply_cl", "total", noun(n, 0, cl, "children"), "y", year(n, 1, y),
                   "exp", count(n, 2, ex, 0), "share", pct(n, 3, 100 * ex / cl, 0), "dir",
                   count(n, 4, dir, 0), "up", count(n, 5, up, 0), "dom", count(n, 6, cl - ex, 0),
                   "dshare", pct(n, 7, 100 * (cl - ex) / cl, 0), (const char *)NULL));
    if (fl > 0 && isfinite(fx))
        rp_p(n->d, say(n, "p.supply_fl", "total", noun(n, 0, fl, "people"), "y", year(n, 1, y),
                       "exp", count(n, 2, fx, 0), "share", pct(n, 3, 100 * fx / fl, 0),
                       (const char *)NULL));
}

static void supply_table(note *n, int y) {
    const rp_run *r = n->r;
    const char *head[5] = {T(n, "col.region"), T(n, "col.domestic"), T(n, "col.direct"),
                           T(n, "col.upstream"), T(n, "col.export_share")};
    const char *cells[5];
    long i;
    rp_table_begin(n->d, "table-supply", say(n, "cap.supply", "y", year(n, 0, y), (const char *)NULL),
                   5, head, "lrrrr");
    for (i = 0; i <= r->creg.n; i++) {
        const char *reg = i < r->creg.n ? r->creg.s[i] : "World";
        double cl = rp_get(r, "child_labour", reg, y, RP_MEAN);
        double ex = rp_get(r, "cl_export_linked", reg, y, RP_MEAN);
        cells[0] = i < r->creg.n ? region(n, reg) : T(n, "region.World");
        cells[1] = cell_mn(n, 0, cl - ex, NAN, NAN, 0);
        cells[2] = cell_mn(n, 1, rp_get(r, "cl_export_direct", reg, y, RP_MEAN), NAN, NAN, 0);
        cells[3] = cell_mn(n, 2, rp_get(r, "cl_export_upstream", reg, y, RP_MEAN), NAN, NAN, 0);
        cells[4] = cl > 0 ? pct(n, 3, 100 * ex / cl, 0) : "\xe2\x80\x93";
        rp_table_row(n->d, cells);
    }
    rp_table_end(n->d);
}

static void supply_chart(note *n, int y) {
    const rp_run *r = n->r;
    double v[3][64];
    const char *cat[64];
    vg_sb title = {0};
    rp_chart c;
    long i;
    vg_cat_fmt(n->cat, n->lang, &title, "chart.title.supply", "y", year(n, 0, y), (const char *)NULL);
    init_chart(n, &c, RP_HBARS, "supply_chain", vg_sb_str(&title));
    c.n = (int)(r->creg.n > 64 ? 64 : r->creg.n);
    for (i = 0; i < c.n; i++) {
        double cl = rp_get(r, "child_labour", r->creg.s[i], y, RP_MEAN);
        double ex = rp_get(r, "cl_export_linked", r->creg.s[i], y, RP_MEAN);
        cat[i] = region(n, r->creg.s[i]);
        v[0][i] = (cl - ex) / 1e6;
        v[1][i] = rp_get(r, "cl_export_direct", r->creg.s[i], y, RP_MEAN) / 1e6;
        v[2][i] = rp_get(r, "cl_export_upstream", r->creg.s[i], y, RP_MEAN) / 1e6;
    }
    c.cat = cat;
    c.stacked = 1;
    c.xlabel = T(n, "axis.millions.children");
    c.ser[0] = (rp_series){T(n, "col.domestic"), NULL, v[0], NULL, NULL, RP_SKY, 0};
    c.ser[1] = (rp_series){T(n, "col.direct"), NULL, v[1], NULL, NULL, RP_VERMILLION, 0};
    c.ser[2] = (rp_series){T(n, "col.upstream"), NULL, v[2], NULL, NULL, RP_ORANGE, 0};
    c.nser = 3;
    if (c.n > 0) rp_figure(n->d, &c, T(n, "fig.supply"));
    sb_done(n, &title);
}

/* The members of the EU-27 among the run's MRIO regions: the world's
** groups.csv when it has an EU27 group, else FRA and EU26 (the stylised
** world's split). Returns how many, 0 when the EU-27 cannot be formed. */
static int eu27(note *n, const char **mem, int max) {
    static const char *const req[] = {"group", "member", NULL};
    const rp_run *r = n->r;
    char path[4200];
    vg_tidy t;
    long i, j;
    int m = 0;
    snprintf(path, sizeof path, "%s/groups.csv", r->world_dir ? r->world_dir : "");
    if (r->world_dir && vg_tidy_read(n->ctx, path, req, &t) == VIGIL_OK) {
        for (i = 0; i < t.nrow; i++)
            if (strcmp(vg_tidy_str(&t, i, vg_tidy_col(&t, "group")), "EU27") == 0)
                for (j = 0; j < r->mreg.n && m < max; j++)
                    if (strcmp(r->mreg.s[j], vg_tidy_str(&t, i, vg_tidy_col(&t, "member"))) == 0)
                        mem[m++] = r->mreg.s[j];
        vg_tidy_free(&t);
    } else {
        optional_failed(n);
        for (j = 0; j < r->mreg.n && m < max; j++)
            if (strcmp(r->mreg.s[j], "FRA") == 0 || strcmp(r->mreg.s[j], "EU26") == 0)
                mem[m++] = r->mreg.s[j];
        if (m != 2) m = 0;
    }
    return m;
}

/* A footprint (family child_labour or forced_labour) of the consuming
** regions mem[0..m) in year y: attribution.csv, else summary.csv. */
static double footprint(const rp_run *r, const char *family, const char *const *mem, int m, int y) {
    double sum = 0;
    int k;
    for (k = 0; k < m; k++) {
        char key[512];
        const double *v = rp_cube_get(&r->fp, rp_key(key, family, mem[k], NULL), y);
        double x = v ? v[0]
                     : rp_get(r, family[0] == 'c' ? "cl_footprint" : "fl_footprint", mem[k], y,
                              RP_MEAN);
        if (!isfinite(x)) return NAN;
        sum += x;
    }
    return sum;
}

static void footprint_rows(note *n, const char *label, const char *const *mem, int m,
                           const int *ys, int ny) {
    static const char *const fam[] = {"child_labour", "forced_labour"};
    const char *cells[8];
    char key[64];
    int f, k;
    for (f = 0; f < 2; f++) {
        cells[0] = label;
        cells[1] = T(n, key2(key, sizeof key, "fp", fam[f]));
        for (k = 0; k < ny; k++)
            cells[k + 2] = cell_mn(n, k, footprint(n->r, fam[f], mem, m, ys[k]), NAN, NAN, 0);
        rp_table_row(n->d, cells);
    }
}

static void sec_footprints(note *n) {
    const rp_run *r = n->r;
    const char *eu[64], *fra[1] = {"FRA"}, *head[8];
    int m = eu27(n, eu, 64), has_fra = 0, ys[8], ny = table_years(r, ys), k;
    long j;
    for (j = 0; j < r->mreg.n; j++) has_fra |= strcmp(r->mreg.s[j], "FRA") == 0;
    rp_h(n->d, 3, "footprints", T(n, "h.footprints"));
    if (m == 0 && !has_fra) {
        rp_p(n->d, T(n, "p.fp_none"));
        return;
    }
    rp_p(n->d, T(n, "p.footprints"));
    head[0] = T(n, "col.consumer"), head[1] = T(n, "col.indicator");
    for (k = 0; k < ny; k++) head[k + 2] = year(n, k, ys[k]);
    rp_table_begin(n->d, "table-footprints", T(n, "cap.footprints"), ny + 2, head, "llrrrrr");
    if (m) footprint_rows(n, region(n, "EU27"), eu, m, ys, ny);
    if (has_fra) footprint_rows(n, region(n, "FRA"), fra, 1, ys, ny);
    rp_table_end(n->d);
}

static void sec_supply(note *n) {
    int y = focus_year(n->r);
    rp_h(n->d, 2, "supply", T(n, "h.supply"));
    supply_sentence(n, y);
    rp_note(n->d, T(n, "caveat.exposure"));
    supply_chart(n, y);
    supply_table(n, y);
    sec_footprints(n);
}

/* }================================================================== */

/* {==================================================================
** SDG 8.7
** =================================================================== */

/* A value of sdg87.csv (k: 0 mean, 1 p05, 2 p95), else of summary.csv. */
static double sdg(const rp_run *r, const char *ind, const char *reg, int y, int k) {
    char key[512];
    const double *v = rp_cube_get(&r->sdg, rp_key(key, ind, reg, NULL), y);
    if (v) return v[k];
    if (strcmp(ind, "decline_needed_per_year") == 0)
        return rp_get(r, "child_labour", reg, r->y0, RP_MEAN) / (2025.0 - r->y0);
    return rp_get(r, ind, reg, y, k == 0 ? RP_MEAN : k == 1 ? RP_P05 : RP_P95);
}

static void sdg_chart(note *n) {
    const rp_run *r = n->r;
    double v[3][64];
    rp_chart c;
    init_chart(n, &c, RP_LINES, "sdg87", T(n, "chart.title.sdg87"));
    c.xlabel = T(n, "axis.year");
    c.ylabel = T(n, "axis.millions.children");
    series(r, "child_labour", "World", RP_MEAN, v[0]);
    series(r, "child_labour", "World", RP_P05, v[1]);
    series(r, "child_labour", "World", RP_P95, v[2]);
    c.ser[0] = (rp_series){T(n, "legend.projected"), T(n, "legend.proj_interval"), v[0], v[1],
                           v[2], RP_BLUE, 0};
    visible_band(&c.ser[0], c.n);
    c.nser = 1;
    c.ref_label = T(n, "legend.target_path");
    c.ref[0] = r->y0, c.ref[1] = v[0][0], c.ref[2] = 2025, c.ref[3] = 0;
    c.from_zero = 1;
    rp_figure(n->d, &c, T(n, "fig.sdg87"));
}

static void sdg_table(note *n) {
    const rp_run *r = n->r;
    const char *head[4] = {T(n, "col.region"), T(n, "col.cl2025"), T(n, "col.needed"),
                           T(n, "col.actual")};
    const char *cells[4];
    long i;
    rp_table_begin(n->d, "table-sdg87", T(n, "cap.sdg87"), 4, head, "lrrr");
    for (i = 0; i <= r->creg.n; i++) {
        const char *reg = i < r->creg.n ? r->creg.s[i] : "World";
        double now = sdg(r, "child_labour", reg, 2025, 0);
        double start = rp_get(r, "child_labour", reg, r->y0, RP_MEAN);
        cells[0] = i < r->creg.n ? region(n, reg) : T(n, "region.World");
        cells[1] = cell_mn(n, 0, now, sdg(r, "child_labour", reg, 2025, 1),
                           sdg(r, "child_labour", reg, 2025, 2), 0);
        cells[2] = cell_mn(n, 1, -sdg(r, "decline_needed_per_year", reg, r->y0, 0), NAN, NAN, 1);
        cells[3] = cell_mn(n, 2, (now - start) / (2025.0 - r->y0), NAN, NAN, 1);
        rp_table_row(n->d, cells);
    }
    rp_table_end(n->d);
}

static void sdg_forced(note *n) {
    const rp_run *r = n->r;
    const char *head[2] = {T(n, "col.region"), T(n, "col.fl2030")}, *cells[2];
    long i;
    if (!in_run(r, 2030)) return;
    rp_p(n->d, say(n, "p.sdg_fl", "v", noun(n, 0, sdg(r, "forced_labour", "World", 2030, 0), "people"),
                   "ci", ci(n, 1, sdg(r, "forced_labour", "World", 2030, 1),
                            sdg(r, "forced_labour", "World", 2030, 2), 0),
                   (const char *)NULL));
    rp_table_begin(n->d, "table-sdg87-fl", T(n, "cap.sdg87_fl"), 2, head, "lr");
    for (i = 0; i <= r->freg.n; i++) {
        const char *reg = i < r->freg.n ? r->freg.s[i] : "World";
        cells[0] = i < r->freg.n ? region(n, reg) : T(n, "region.World");
        cells[1] = cell_mn(n, 0, sdg(r, "forced_labour", reg, 2030, 0),
                           sdg(r, "forced_labour", reg, 2030, 1),
                           sdg(r, "forced_labour", reg, 2030, 2), 0);
        rp_table_row(n->d, cells);
    }
    rp_table_end(n->d);
}

static void sec_sdg(note *n) {
    const rp_run *r = n->r;
    rp_h(n->d, 2, "sdg87", T(n, "h.sdg87"));
    if (!in_run(r, 2025) || r->y0 >= 2025) {
        rp_p(n->d, T(n, "p.sdg_none"));
    } else {
        double now = sdg(r, "child_labour", "World", 2025, 0);
        double start = rp_get(r, "child_labour", "World", r->y0, RP_MEAN);
        rp_p(n->d, say(n, "p.sdg_cl", "v", noun(n, 0, now, "children"), "ci",
                       ci(n, 1, sdg(r, "child_labour", "World", 2025, 1),
                          sdg(r, "child_labour", "World", 2025, 2), 0),
                       "y0", year(n, 4, r->y0), "need",
                       count(n, 5, sdg(r, "decline_needed_per_year", "World", r->y0, 0), 0),
                       "actual", count(n, 6, (now - start) / (2025.0 - r->y0), 1),
                       (const char *)NULL));
        sdg_chart(n);
        sdg_table(n);
    }
    sdg_forced(n);
}

/* }================================================================== */

/* {==================================================================
** Provenance and caveats
** =================================================================== */

/* The value of key in a world folder's world.csv (key,value), or "". */
static void world_setting(note *n, const char *key, char *out, size_t size) {
    static const char *const req[] = {"key", "value", NULL};
    char path[4200];
    vg_tidy t;
    long i;
    out[0] = '\0';
    snprintf(path, sizeof path, "%s/world.csv", n->r->world_dir ? n->r->world_dir : "");
    if (!n->r->world_dir || vg_tidy_read(n->ctx, path, req, &t) != VIGIL_OK) {
        optional_failed(n);
        return;
    }
    for (i = 0; i < t.nrow; i++)
        if (strcmp(vg_tidy_str(&t, i, vg_tidy_col(&t, "key")), key) == 0)
            snprintf(out, size, "%s", vg_tidy_str(&t, i, vg_tidy_col(&t, "value")));
    vg_tidy_free(&t);
}

/* The data sources of the world (its sources.csv), as a list. */
static void sources(note *n) {
    static const char *const req[] = {"citation", NULL};
    char rel[1024], path[4200];
    vg_tidy t;
    long i;
    world_setting(n, "sources", rel, sizeof rel);
    if (rel[0] == '\0') return;
    snprintf(path, sizeof path, "%s%s%s", rel[0] == '/' ? "" : n->r->world_dir,
             rel[0] == '/' ? "" : "/", rel);
    if (vg_tidy_read(n->ctx, path, req, &t) != VIGIL_OK) {
        optional_failed(n);
        return;
    }
    rp_p(n->d, T(n, "p.sources"));
    rp_ul_begin(n->d);
    for (i = 0; i < t.nrow; i++)
        rp_li(n->d, verbatim(n, 0, vg_tidy_str(&t, i, vg_tidy_col(&t, "citation"))));
    rp_ul_end(n->d);
    vg_tidy_free(&t);
}

static void prov_row(note *n, const char *label, const char *value) {
    const char *cells[2] = {label, value};
    rp_table_row(n->d, cells);
}

static void code(note *n, int i, const char *s) {
    vg_sb *b = slot(n, i);
    vg_sb_printf(b, "`%s`", s && *s ? s : "-");
}

static void provenance_table(note *n) {
    const rp_run *r = n->r;
    const char *head[2] = {T(n, "col.item"), T(n, "col.value")};
    rp_table_begin(n->d, "table-provenance", NULL, 2, head, "ll");
    prov_row(n, T(n, "prov.world"), say(n, r->stylised ? "prov.stylised" : "prov.real", "world",
                                        verbatim(n, 0, r->world), (const char *)NULL));
    code(n, 1, r->world_dir);
    prov_row(n, T(n, "prov.world_dir"), vg_sb_str(&n->tmp[1]));
    code(n, 2, r->file);
    prov_row(n, T(n, "prov.file"), vg_sb_str(&n->tmp[2]));
    code(n, 3, r->sha);
    prov_row(n, T(n, "prov.sha"), vg_sb_str(&n->tmp[3]));
    prov_row(n, T(n, "prov.seed"), r->seed);
    prov_row(n, T(n, "prov.draws"), num(n, 4, r->draws, 0, 0));
    prov_row(n, T(n, "prov.years"), say(n, "prov.years_v", "y0", year(n, 5, r->y0), "y1",
                                        year(n, 6, r->y1), (const char *)NULL));
    prov_row(n, T(n, "prov.decomposition"), verbatim(n, 7, r->decomposition));
    prov_row(n, T(n, "prov.baseline"),
             n->base ? verbatim(n, 8, n->base->dir)
                     : r->has_cmp ? T(n, "prov.baseline_cmp") : T(n, "prov.baseline_none"));
    prov_row(n, T(n, "prov.engine"), verbatim(n, 9, r->engine));
    code(n, 10, r->dir);
    prov_row(n, T(n, "prov.files"), vg_sb_str(&n->tmp[10]));
    rp_table_end(n->d);
}

/* The status of each coefficient (scenarios/data/model/coefficients.csv
** beside the catalogue), or "" when the file cannot be read. */
typedef struct coef_status {
    vg_tidy t;
    int ok;
} coef_status;

static void coef_status_load(note *n, coef_status *cs) {
    static const char *const req[] = {"name", "status", NULL};
    char path[4200];
    const char *home = getenv("VIGIL_HOME");
    snprintf(path, sizeof path, "%s/scenarios/data/model/coefficients.csv",
             home ? home : VIGIL_SOURCE_DIR);
    cs->ok = vg_tidy_read(n->ctx, path, req, &cs->t) == VIGIL_OK;
    if (!cs->ok) optional_failed(n);
}

static const char *coef_status_of(const coef_status *cs, const char *name) {
    long i;
    for (i = 0; cs->ok && i < cs->t.nrow; i++)
        if (strcmp(vg_tidy_str(&cs->t, i, vg_tidy_col(&cs->t, "name")), name) == 0)
            return vg_tidy_str(&cs->t, i, vg_tidy_col(&cs->t, "status"));
    return "";
}

static void coefficients(note *n, const coef_status *cs) {
    const rp_run *r = n->r;
    const char *head[4] = {T(n, "col.coefficient"), T(n, "col.value"), T(n, "col.status"),
                           T(n, "col.meaning")};
    const char *cells[4];
    char key[160];
    long i;
    if (r->coef.n == 0) return;
    rp_table_begin(n->d, "table-coefficients", T(n, "cap.coefficients"), 4, head, "lrll");
    for (i = 0; i < r->coef.n; i++) {
        const char *st = coef_status_of(cs, r->coef.s[i]);
        const char *mean = vg_cat_find(n->cat, n->lang, key2(key, sizeof key, "coef", r->coef.s[i]));
        code(n, 0, r->coef.s[i]);
        cells[0] = vg_sb_str(&n->tmp[0]);
        cells[1] = num_short(n, 1, r->coefv[i]);
        cells[2] = *st ? T(n, key2(key, sizeof key, "status", st)) : "\xe2\x80\x93";
        cells[3] = mean ? mean : "\xe2\x80\x93";
        rp_table_row(n->d, cells);
    }
    rp_table_end(n->d);
}

static void sec_provenance(note *n) {
    coef_status cs;
    rp_h(n->d, 2, "provenance", T(n, "h.provenance"));
    if (n->r->stylised) rp_banner(n->d, T(n, "banner.stylised"));
    provenance_table(n);
    coef_status_load(n, &cs);
    coefficients(n, &cs);
    if (cs.ok) vg_tidy_free(&cs.t);
    sources(n);
}

/* The value of a coefficient of the run, as text. */
static const char *coef_value(note *n, int i, const char *name) {
    long k;
    for (k = 0; k < n->r->coef.n; k++)
        if (strcmp(n->r->coef.s[k], name) == 0)
            return num_short(n, i, n->r->coefv[k]);
    return "?";
}

/* The assumed (UNCONFIRMED) coefficients with their values. */
static const char *assumed(note *n, vg_sb *b) {
    coef_status cs;
    long k;
    coef_status_load(n, &cs);
    for (k = 0; k < n->r->coef.n; k++)
        if (strcmp(coef_status_of(&cs, n->r->coef.s[k]), "UNCONFIRMED") == 0) {
            if (b->n) vg_sb_puts(b, T(n, "sep.list"));
            vg_sb_printf(b, "`%s` = %s", n->r->coef.s[k], num_short(n, 0, n->r->coefv[k]));
        }
    if (cs.ok) vg_tidy_free(&cs.t);
    return vg_sb_str(b);
}

static void sec_caveats(note *n) {
    vg_sb list = {0};
    rp_h(n->d, 2, "caveats", T(n, "h.caveats"));
    rp_ul_begin(n->d);
    rp_li(n->d, T(n, "caveat.exposure"));
    rp_li(n->d, T(n, n->r->stylised ? "caveat.stylised" : "caveat.real"));
    rp_li(n->d, T(n, "caveat.shares"));
    rp_li(n->d, say(n, "caveat.calibration", "cl", coef_value(n, 0, "cl_poverty_semi"), "sp",
                    coef_value(n, 1, "sp_semi"), (const char *)NULL));
    rp_li(n->d, say(n, "caveat.unconfirmed", "list", assumed(n, &list), (const char *)NULL));
    rp_li(n->d, T(n, "caveat.time"));
    rp_li(n->d, T(n, "caveat.decomposition"));
    rp_ul_end(n->d);
    sb_done(n, &list);
}

/* }================================================================== */

/* {==================================================================
** A run's note
** =================================================================== */

static void note_init(note *n, vigil_ctx *ctx, vg_cat *cat, int lang, rp_doc *d,
                      const rp_run *r, const rp_run *base, const char *base_note) {
    int y;
    memset(n, 0, sizeof *n);
    n->ctx = ctx, n->cat = cat, n->lang = lang, n->d = d, n->r = r, n->base = base;
    n->base_note = base_note;
    for (y = 0; y < 64; y++) n->x[y] = r->y0 + y;
}

static void note_free(note *n) {
    int i;
    vg_sb_free(&n->s);
    for (i = 0; i < NTMP; i++) vg_sb_free(&n->tmp[i]);
}

/* Any string built while out of memory? */
static int note_oom(const note *n) {
    int i, oom = n->s.oom;
    for (i = 0; i < NTMP; i++) oom |= n->tmp[i].oom;
    return oom;
}

static void subtitle(note *n, const rp_run *r, vg_sb *b) {
    vg_cat_fmt(n->cat, n->lang, b, "sub.run", "engine", r->engine ? r->engine : "vigil",
               "world", verbatim(n, 0, r->world), "draws", num(n, 1, r->draws, 0, 0), "seed",
               r->seed, "y0", year(n, 2, r->y0), "y1", year(n, 3, r->y1), (const char *)NULL);
}

static void run_note(note *n) {
    const rp_run *r = n->r;
    vg_sb title = {0}, sub = {0};
    vg_cat_fmt(n->cat, n->lang, &title, "title.run", "name", verbatim(n, 0, r->scenario),
               (const char *)NULL);
    subtitle(n, r, &sub);
    rp_doc_begin(n->d, vg_sb_str(&title), vg_sb_str(&sub));
    if (r->stylised) rp_banner(n->d, T(n, "banner.stylised"));
    sec_question(n);
    sec_headline(n);
    sec_paths(n);
    sec_regions(n);
    sec_decomposition(n);
    sec_supply(n);
    sec_sdg(n);
    sec_provenance(n);
    sec_caveats(n);
    rp_note(n->d, say(n, "p.footer", "engine", verbatim(n, 0, r->engine), (const char *)NULL));
    rp_doc_end(n->d);
    if (title.oom || sub.oom || note_oom(n)) n->d->rc = vigil_nomem(n->ctx, "report");
    sb_done(n, &title);
    sb_done(n, &sub);
}

/* }================================================================== */

/* {==================================================================
** A batch's note
** =================================================================== */

static const int cmp_colour[] = {RP_BLUE, RP_VERMILLION, RP_GREEN, RP_ORANGE, RP_PURPLE,
                                 RP_SKY, RP_YELLOW};

/* The world paths of every scenario of the batch, the baseline first
** (grey, dashed), each with its band. */
static void batch_chart(note *n, const rp_batch *b, const char *name, const char *ind,
                        const char *what) {
    static double v[RP_MAXSER][3][64];
    const rp_run *r = &b->run[0];
    char key[128], tkey[128];
    vg_sb title = {0};
    rp_chart c;
    int i, s = 0, col = 0;
    vg_cat_fmt(n->cat, n->lang, &title, key2(tkey, sizeof tkey, "chart.title", name), "y0",
               year(n, 0, r->y0), "y1", year(n, 1, r->y1), (const char *)NULL);
    init_chart(n, &c, RP_LINES, name, vg_sb_str(&title));
    c.n = r->ny > 64 ? 64 : r->ny;
    c.xlabel = T(n, "axis.year");
    c.ylabel = T(n, key2(key, sizeof key, "axis.millions", what));
    for (i = -1; i < b->n && s < RP_MAXSER; i++) {
        const rp_run *x = i < 0 ? (b->base >= 0 ? &b->run[b->base] : NULL) : &b->run[i];
        if (x == NULL || (i >= 0 && i == b->base) || x->y0 != r->y0) continue;
        series(x, ind, "World", RP_MEAN, v[s][0]);
        series(x, ind, "World", RP_P05, v[s][1]);
        series(x, ind, "World", RP_P95, v[s][2]);
        c.ser[s] = (rp_series){x->scenario, NULL, v[s][0], v[s][1], v[s][2],
                               i < 0 ? RP_GREY : cmp_colour[col++ % 7], i < 0};
        s++;
    }
    c.nser = s;
    rp_figure(n->d, &c, say(n, "fig.batch", "draws", num(n, 0, r->draws, 0, 0), (const char *)NULL));
    sb_done(n, &title);
}

/* One row of the comparison table: the scenario's child labour (2025 and
** last year) and forced labour (last year), each with its difference. */
static void batch_row(note *n, const rp_run *x, int is_base, const int *ys) {
    static const char *const ind[3] = {"child_labour", "child_labour", "forced_labour"};
    const char *cells[7];
    int k;
    n->r = x;
    cells[0] = verbatim(n, 0, x->scenario);
    for (k = 0; k < 3; k++) {
        double d, lo, hi;
        cells[1 + 2 * k] = cell_mn(n, 1 + 2 * k, rp_get(x, ind[k], "World", ys[k], RP_MEAN),
                                   rp_get(x, ind[k], "World", ys[k], RP_P05),
                                   rp_get(x, ind[k], "World", ys[k], RP_P95), 0);
        if (is_base) cells[2 + 2 * k] = T(n, "cmp.reference");
        else if (diff(n, ind[k], "World", ys[k], &d, &lo, &hi))
            cells[2 + 2 * k] = cell_mn(n, 2 + 2 * k, d, lo, hi, 1);
        else cells[2 + 2 * k] = "\xe2\x80\x93";
    }
    rp_table_row(n->d, cells);
}

static void batch_table(note *n, const rp_batch *b) {
    const rp_run *r0 = &b->run[0], *keep = n->r, *base = n->base;
    const char *head[7];
    vg_sb h[3] = {{0}};
    int ys[3], i;
    ys[0] = focus_year(r0), ys[1] = r0->y1, ys[2] = r0->y1;
    vg_cat_fmt(n->cat, n->lang, &h[0], "col.cl_year", "y", year(n, 0, ys[0]), (const char *)NULL);
    vg_cat_fmt(n->cat, n->lang, &h[1], "col.cl_year", "y", year(n, 0, ys[1]), (const char *)NULL);
    vg_cat_fmt(n->cat, n->lang, &h[2], "col.fl_year", "y", year(n, 0, ys[2]), (const char *)NULL);
    head[0] = T(n, "col.scenario");
    for (i = 0; i < 3; i++) head[1 + 2 * i] = vg_sb_str(&h[i]), head[2 + 2 * i] = T(n, "col.diff");
    rp_table_begin(n->d, "table-comparison", T(n, "cap.comparison"), 7, head, "lrrrrrr");
    n->wrap = 1;
    if (b->base >= 0) batch_row(n, &b->run[b->base], 1, ys);
    for (i = 0; i < b->n; i++)
        if (i != b->base && b->run[i].y0 == r0->y0 && b->run[i].y1 == r0->y1)
            batch_row(n, &b->run[i], 0, ys);
    n->wrap = 0;
    rp_table_end(n->d);
    n->r = keep, n->base = base;
    for (i = 0; i < 3; i++) sb_done(n, &h[i]);
}

static void batch_question(note *n, const rp_batch *b) {
    long i;
    char cnt[16];
    snprintf(cnt, sizeof cnt, "%d", b->n);
    rp_h(n->d, 2, "question", T(n, "h.batch_question"));
    rp_p(n->d, say(n, "p.batch_intro", "n", cnt, "base",
                   b->base >= 0 ? verbatim(n, 0, b->run[b->base].scenario) : T(n, "base.engine"),
                   (const char *)NULL));
    rp_ul_begin(n->d);
    for (i = 0; i < b->n; i++) {
        vg_sb *s = slot(n, 1);
        vg_sb_printf(s, "**" RP_V "%s" RP_VEND "**", b->run[i].scenario);
        if (b->run[i].description && *b->run[i].description)
            vg_sb_printf(s, "%s" RP_V "%s" RP_VEND, T(n, "sep.colon"), b->run[i].description);
        rp_li(n->d, vg_sb_str(s));
    }
    rp_ul_end(n->d);
    if (b->failed.n == 0) return;
    rp_p(n->d, T(n, "p.batch_failed"));
    rp_ul_begin(n->d);
    for (i = 0; i < b->failed.n; i++) {
        vg_sb *s = slot(n, 1);
        vg_sb_printf(s, "`%s`%s" RP_V "%s" RP_VEND, b->failed.s[i], T(n, "sep.colon"),
                     b->failed_error.s[i]);
        rp_li(n->d, vg_sb_str(s));
    }
    rp_ul_end(n->d);
}

/* Each scenario in short: its levers, headline and decomposition. */
static void batch_scenarios(note *n, const rp_batch *b) {
    const rp_run *keep = n->r, *base = n->base;
    int i, k, ys[2];
    rp_h(n->d, 2, "scenarios", T(n, "h.scenarios"));
    for (i = 0; i < b->n; i++) {
        const rp_run *x = &b->run[i];
        char id[64];
        snprintf(id, sizeof id, "scenario-%d", i + 1);
        n->r = x;
        n->base = i == b->base || b->base < 0 ? NULL : &b->run[b->base];
        rp_h(n->d, 3, id, verbatim(n, 0, x->scenario));
        levers(n, x);
        headline_sentences(n);
        for (k = 0; x->has_dec && x->group.n && k < change_years(x, ys); k++)
            decomposition_sentence(n, "child_labour", ys[k]);
        code(n, 1, x->name);
        rp_note(n->d, say(n, "p.see_note", "dir", vg_sb_str(&n->tmp[1]), "lang",
                          n->lang == VG_FR ? "fr" : "en", (const char *)NULL));
    }
    n->r = keep, n->base = base;
}

/* What every scenario of the batch shares (the first one's manifest). */
static void batch_common(note *n, const rp_batch *b) {
    const rp_run *r = n->r;
    const char *head[2] = {T(n, "col.item"), T(n, "col.value")};
    rp_table_begin(n->d, "table-provenance", NULL, 2, head, "ll");
    prov_row(n, T(n, "prov.world"), say(n, r->stylised ? "prov.stylised" : "prov.real", "world",
                                        verbatim(n, 0, r->world), (const char *)NULL));
    code(n, 1, r->world_dir);
    prov_row(n, T(n, "prov.world_dir"), vg_sb_str(&n->tmp[1]));
    prov_row(n, T(n, "prov.seed"), r->seed);
    prov_row(n, T(n, "prov.draws"), num(n, 4, r->draws, 0, 0));
    prov_row(n, T(n, "prov.years"), say(n, "prov.years_v", "y0", year(n, 5, r->y0), "y1",
                                        year(n, 6, r->y1), (const char *)NULL));
    prov_row(n, T(n, "prov.baseline"),
             b->base >= 0 ? verbatim(n, 8, b->run[b->base].scenario) : T(n, "base.engine"));
    prov_row(n, T(n, "prov.engine"), verbatim(n, 9, r->engine));
    code(n, 10, b->dir);
    prov_row(n, T(n, "prov.batch"), vg_sb_str(&n->tmp[10]));
    rp_table_end(n->d);
}

static void batch_provenance(note *n, const rp_batch *b) {
    const char *head[3] = {T(n, "col.scenario"), T(n, "prov.file"), T(n, "prov.sha")};
    const char *cells[3];
    int i;
    rp_h(n->d, 2, "provenance", T(n, "h.provenance"));
    batch_common(n, b);
    rp_table_begin(n->d, "table-scenarios", T(n, "cap.batch_files"), 3, head, "lll");
    for (i = 0; i < b->n; i++) {
        cells[0] = verbatim(n, 0, b->run[i].scenario);
        code(n, 1, b->run[i].file);
        code(n, 2, b->run[i].sha);
        cells[1] = vg_sb_str(&n->tmp[1]), cells[2] = vg_sb_str(&n->tmp[2]);
        rp_table_row(n->d, cells);
    }
    rp_table_end(n->d);
    sources(n);
}

static void batch_note(note *n, const rp_batch *b) {
    vg_sb title = {0}, sub = {0};
    char cnt[16];
    int i, stylised = 0, cmp;
    for (i = 0; i < b->n; i++) stylised |= b->run[i].stylised;
    snprintf(cnt, sizeof cnt, "%d", b->n);
    vg_cat_fmt(n->cat, n->lang, &title, "title.batch", "n", cnt, (const char *)NULL);
    subtitle(n, n->r, &sub);
    rp_doc_begin(n->d, vg_sb_str(&title), vg_sb_str(&sub));
    if (stylised) rp_banner(n->d, T(n, "banner.stylised"));
    batch_question(n, b);
    rp_h(n->d, 2, "comparison", T(n, "h.comparison"));
    for (i = 0, cmp = b->has_cmp; i < b->n; i++) cmp |= b->run[i].has_cmp;
    rp_note(n->d, T(n, cmp ? "p.cmp_draws" : "p.cmp_means"));
    batch_table(n, b);
    batch_chart(n, b, "compare_cl", "child_labour", "children");
    batch_chart(n, b, "compare_fl", "forced_labour", "people");
    batch_scenarios(n, b);
    batch_provenance(n, b);
    sec_caveats(n);
    rp_note(n->d, say(n, "p.footer", "engine", verbatim(n, 0, n->r->engine), (const char *)NULL));
    rp_doc_end(n->d);
    if (title.oom || sub.oom || note_oom(n)) n->d->rc = vigil_nomem(n->ctx, "report");
    sb_done(n, &title);
    sb_done(n, &sub);
}

/* }================================================================== */

/* {==================================================================
** Writing the files
** =================================================================== */

typedef struct job {
    const rp_run *r, *base;
    const char *base_note;
    const rp_batch *b;         /* a batch's note; NULL: a run's */
    int langs[VG_NLANG], nlang, formats;
} job;

static int one_lang(vigil_ctx *ctx, vg_cat *cat, vg_outset *set, const job *j, int lang) {
    static const char *const code[VG_NLANG] = {"en", "fr"};
    char name[64];
    rp_doc d;
    note n;
    int rc = VIGIL_OK;
    memset(&d, 0, sizeof d);
    d.ctx = ctx, d.cat = cat, d.lang = lang, d.set = set;
    snprintf(name, sizeof name, "report.%s.html", code[lang]);
    if (j->formats & VIGIL_REPORT_HTML) rc = vg_out_open(ctx, set, name, &d.html);
    snprintf(name, sizeof name, "report.%s.md", code[lang]);
    if (rc == VIGIL_OK && (j->formats & VIGIL_REPORT_MD)) rc = vg_out_open(ctx, set, name, &d.md);
    if (rc != VIGIL_OK) return rc;
    note_init(&n, ctx, cat, lang, &d, j->r, j->base, j->base_note);
    if (j->b) batch_note(&n, j->b);
    else run_note(&n);
    note_free(&n);
    if (d.sb.oom && d.rc == VIGIL_OK) d.rc = vigil_nomem(ctx, "report");
    vg_sb_free(&d.sb);
    return d.rc;
}

/* The notes of one folder, in every language asked for: one output set,
** all or nothing. */
static int write_folder(vigil_ctx *ctx, vg_cat *cat, const char *dir, const job *j) {
    vg_outset set;
    char charts[4200];
    int rc = vg_out_begin(ctx, &set, dir), k;
    snprintf(charts, sizeof charts, "%s/charts", dir);
    if (rc == VIGIL_OK && (j->formats & VIGIL_REPORT_MD)) rc = vg_mkdirs(ctx, charts);
    for (k = 0; rc == VIGIL_OK && k < j->nlang; k++) rc = one_lang(ctx, cat, &set, j, j->langs[k]);
    if (rc == VIGIL_OK) return vg_out_commit(ctx, &set);
    vg_out_abort(&set);
    return rc;
}

/* The folder holding dir (".", when dir has no slash), in buf. */
static const char *parent(const char *dir, char *buf, size_t n) {
    const char *slash = strrchr(dir, '/');
    if (slash == NULL) return strcpy(buf, ".");
    snprintf(buf, n, "%.*s", slash == dir ? 1 : (int)(slash - dir), dir);
    return buf;
}

/* Is the run the reference projection itself (no lever, no hook)? */
static int is_reference(const rp_run *r) {
    return r->lever.n == 0 && !has_group(r, "on_year hooks");
}

/* The baseline of a run: the one given; else the batch's (manifest
** "batch_baseline"), else a folder named "baseline" beside the run. It
** must be another run on the same world and years. *why: the catalogue
** key saying why there is none. */
static int find_baseline(vigil_ctx *ctx, const rp_run *r, const char *given, rp_run *base,
                         int *have, const char **why) {
    char up[4200], path[4400];
    const char *name = r->batch_baseline && *r->batch_baseline &&
                               strcmp(r->batch_baseline, "no_lever") != 0
                           ? r->batch_baseline : "baseline";
    int rc;
    *have = 0;
    *why = is_reference(r) ? "p.is_base" : "p.no_base";
    if (given) snprintf(path, sizeof path, "%s", given);
    else if (is_reference(r) || strcmp(r->name, name) == 0) return VIGIL_OK;
    else snprintf(path, sizeof path, "%s/%s", parent(r->dir, up, sizeof up), name);
    if (!given && !rp_is_run(path)) return VIGIL_OK;
    if ((rc = rp_run_load(ctx, path, base)) != VIGIL_OK) {
        rp_run_free(base);
        if (given || rc == VIGIL_ENOMEM) return rc;
        vigil_clearerr(ctx); /* an unreadable folder beside: no baseline */
        return VIGIL_OK;
    }
    if (strcmp(base->world ? base->world : "", r->world ? r->world : "") != 0 ||
        base->y0 != r->y0 || base->y1 != r->y1) {
        rp_run_free(base);
        *why = "p.base_other";
        if (given)
            return vigil_seterr(ctx, VIGIL_EUSAGE, "report: the baseline %s is not on the same "
                                "world and years as %s", path, r->dir);
        return VIGIL_OK;
    }
    *have = 1;
    return VIGIL_OK;
}

static int report_run(vigil_ctx *ctx, vg_cat *cat, const char *dir, job *j, const char *given) {
    rp_run r, base;
    int rc, have = 0;
    memset(&base, 0, sizeof base);
    rc = rp_run_load(ctx, dir, &r);
    if (rc == VIGIL_OK) rc = find_baseline(ctx, &r, given, &base, &have, &j->base_note);
    j->r = &r;
    j->base = have ? &base : NULL;
    if (rc == VIGIL_OK) rc = write_folder(ctx, cat, r.dir, j);
    rp_run_free(&r);
    if (have) rp_run_free(&base);
    return rc;
}

/* A batch: its note, then each scenario folder's own note. */
static int report_batch(vigil_ctx *ctx, vg_cat *cat, const char *dir, job *j) {
    rp_batch b;
    int rc = rp_batch_load(ctx, dir, &b), i;
    if (rc == VIGIL_OK) {
        j->b = &b;
        j->r = &b.run[0];
        j->base = b.base >= 0 ? &b.run[b.base] : NULL;
        j->base_note = "p.no_base";
        rc = write_folder(ctx, cat, dir, j);
    }
    j->b = NULL;
    for (i = 0; rc == VIGIL_OK && i < b.n; i++) {
        j->r = &b.run[i];
        j->base = b.base >= 0 && b.base != i ? &b.run[b.base] : NULL;
        j->base_note = i == b.base || is_reference(j->r) ? "p.is_base" : "p.no_base";
        rc = write_folder(ctx, cat, b.run[i].dir, j);
    }
    rp_batch_free(&b);
    return rc;
}

static int parse_lang(vigil_ctx *ctx, const char *lang, job *j) {
    if (lang == NULL || strcmp(lang, "both") == 0) {
        j->langs[0] = VG_EN, j->langs[1] = VG_FR, j->nlang = 2;
    } else if (strcmp(lang, "en") == 0 || strcmp(lang, "fr") == 0) {
        j->langs[0] = lang[0] == 'e' ? VG_EN : VG_FR, j->nlang = 1;
    } else {
        return vigil_seterr(ctx, VIGIL_EUSAGE, "report: the language must be en, fr or both, "
                            "not '%s'", lang);
    }
    return VIGIL_OK;
}

int vigil_report_write_opts(vigil_ctx *ctx, const char *dir, const vigil_report_opts *o) {
    vigil_report_opts none;
    vg_cat cat;
    job j;
    int rc;
    memset(&j, 0, sizeof j);
    memset(&none, 0, sizeof none);
    if (o == NULL) o = &none;
    if (dir == NULL || *dir == '\0') return vigil_seterr(ctx, VIGIL_EUSAGE, "report: no folder");
    if ((rc = parse_lang(ctx, o->lang, &j)) != VIGIL_OK) return rc;
    j.formats = o->formats ? o->formats : VIGIL_REPORT_BOTH;
    if (j.formats & ~VIGIL_REPORT_BOTH)
        return vigil_seterr(ctx, VIGIL_EUSAGE, "report: unknown formats %d", j.formats);
    if (!rp_is_run(dir) && !rp_is_batch(dir))
        return vigil_seterr(ctx, VIGIL_EIO, "%s: neither the folder of a run (summary.csv, "
                            "manifest.json) nor of a batch (scenario folders)", dir);
    if ((rc = rp_chart_available(ctx)) != VIGIL_OK) return rc;
    if ((rc = vg_cat_load(ctx, o->catalogue, &cat)) != VIGIL_OK) return rc;
    rc = rp_is_run(dir) ? report_run(ctx, &cat, dir, &j, o->baseline)
                        : report_batch(ctx, &cat, dir, &j);
    vg_cat_free(&cat);
    return rc;
}

int vigil_report_write(vigil_ctx *ctx, const char *run_dir, const char *lang, int formats) {
    vigil_report_opts o;
    memset(&o, 0, sizeof o);
    o.lang = lang;
    o.formats = formats;
    return vigil_report_write_opts(ctx, run_dir, &o);
}

/* }================================================================== */
