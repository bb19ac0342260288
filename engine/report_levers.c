/*
** The question and its levers (the note's first section): the scenario's
** name and description, then each lever line of the manifest in plain
** words, from the catalogue's templates. The lever lines (their format is
** results.c's) are cut into their parts here.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_note.h"

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
        const char *s = vg_cat_find(n->cat, n->lang, nt_key2(k, sizeof k, key, val));
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
    else if (l->to >= n->r->y1)
        vg_cat_fmt(n->cat, n->lang, b, "when.from", "y", a, (const char *)NULL);
    else vg_cat_fmt(n->cat, n->lang, b, "when.span", "a", a, "b", z, (const char *)NULL);
}

/* "in Sub-Saharan Africa" / "en Afrique subsaharienne" ("in.<name>"). */
static const char *region_in(note *n, int i, const char *name) {
    char key[300];
    const char *s = vg_cat_find(n->cat, n->lang, nt_key2(key, sizeof key, "in", name));
    vg_sb *b = nt_slot(n, i);
    if (s) vg_sb_puts(b, s);
    else vg_cat_fmt(n->cat, n->lang, b, "in.other", "region", nt_region(n, name),
                    (const char *)NULL);
    return vg_sb_str(b);
}

/* The clause of a parameter the lever's sentence does not already say;
** nothing for defaults that say nothing (phase_in 1, flags off). */
static void clause(note *n, const lever *l, int k, const char *tpl, vg_sb *b) {
    char key[128];
    const char *c;
    const char *val = l->val[k];
    vg_sb *v = nt_slot(n, 11);
    snprintf(key, sizeof key, "{%s}", l->key[k]);
    if (strstr(tpl, key)) return; /* the sentence says it already */
    if (strcmp(l->key[k], "importer") == 0 || strcmp(l->key[k], "origin") == 0) return;
    if (strcmp(l->key[k], "phase_in") == 0 && atof(val) <= 1) return;
    if ((strcmp(l->key[k], "exports") == 0 || strcmp(l->key[k], "upstream") == 0) && atof(val) == 0)
        return;
    param_text(n, l, l->key[k], val, v);
    c = vg_cat_find(n->cat, n->lang, nt_key2(key, sizeof key, "clause", l->key[k]));
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
    vg_sb *when = nt_slot(n, 0), *where, *orig = nt_slot(n, 2);
    if (!parse_lever(line, &l))
        return nt_say(n, "lever.unparsed", "line", line, (const char *)NULL);
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
    kv[m++] = "importer", kv[m++] = nt_region(n, l.region);
    kv[m++] = "kind", kv[m++] = l.kind;
    if (strcmp(l.kind, "param.set") == 0 && l.nkv > 0)
        kv[m++] = "name", kv[m++] = l.key[0], kv[m++] = "value", kv[m++] = l.val[0];
    for (k = 0; k < l.nkv && m < 46 && k < 8; k++) {
        vg_sb *b = nt_slot(n, 4 + k);
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

int nt_has_group(const rp_run *r, const char *g) {
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

void nt_levers(note *n, const rp_run *r) {
    if (r->lever.n == 0 && !nt_has_group(r, "on_year hooks")) {
        rp_p(n->d, T(n, "p.no_levers"));
        return;
    }
    if (r->lever.n) {
        rp_p(n->d, T(n, "p.levers_intro"));
        lever_list(n, r);
    }
    if (nt_has_group(r, "on_year hooks")) rp_p(n->d, T(n, "p.hooks"));
}

void nt_sec_question(note *n) {
    const rp_run *r = n->r;
    rp_h(n->d, 2, "question", T(n, "h.question"));
    rp_p(n->d, nt_say(n, "p.scenario", "name", nt_verbatim(n, 0, r->scenario), (const char *)NULL));
    if (r->description && *r->description)
        rp_p(n->d, nt_say(n, "p.description", "text", nt_verbatim(n, 0, r->description),
                          (const char *)NULL));
    nt_levers(n, r);
}
