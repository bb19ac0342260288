/*
** The notes' language: string buffers, the message catalogue, templates
** and numbers by language (report_i18n.h).
*/
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_i18n.h"

/* {==================================================================
** String buffers
** =================================================================== */

void vg_sb_putn(vg_sb *b, const char *s, size_t n) {
    if (b->oom) return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        char *p;
        while (cap < b->n + n + 1) cap *= 2;
        if ((p = vg_realloc(b->p, cap)) == NULL) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

void vg_sb_puts(vg_sb *b, const char *s) { vg_sb_putn(b, s, strlen(s)); }

void vg_sb_printf(vg_sb *b, const char *fmt, ...) {
    char small[512];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof small) {
        vg_sb_putn(b, small, (size_t)n);
        return;
    }
    {
        char *big = vg_malloc((size_t)n + 1);
        if (big == NULL) {
            b->oom = 1;
            return;
        }
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        vg_sb_putn(b, big, (size_t)n);
        vg_free(big);
    }
}

const char *vg_sb_str(const vg_sb *b) { return b->p ? b->p : ""; }

void vg_sb_reset(vg_sb *b) {
    b->n = 0;
    if (b->p) b->p[0] = '\0';
}

void vg_sb_free(vg_sb *b) {
    vg_free(b->p);
    memset(b, 0, sizeof *b);
}

/* }================================================================== */

/* {==================================================================
** The catalogue
** =================================================================== */

static const char *const lang_col[VG_NLANG] = {"en", "fr"};

int vg_cat_load(vigil_ctx *ctx, const char *path, vg_cat *c) {
    static const char *const req[] = {"key", "en", "fr", NULL};
    char buf[4200];
    long r, ck;
    int rc, l;
    memset(c, 0, sizeof *c);
    if (path == NULL) {
        const char *home = getenv("VIGIL_HOME");
        snprintf(buf, sizeof buf, "%s/scenarios/data/i18n/messages.csv",
                 home ? home : VIGIL_SOURCE_DIR);
        path = buf;
    }
    if ((rc = vg_tidy_read(ctx, path, req, &c->t)) != VIGIL_OK) return rc;
    ck = vg_tidy_col(&c->t, "key");
    for (l = 0; l < VG_NLANG; l++) c->col[l] = vg_tidy_col(&c->t, lang_col[l]);
    if ((rc = vg_strmap_init(&c->map, c->t.nrow)) != VIGIL_OK) {
        vg_cat_free(c);
        return vigil_nomem(ctx, path);
    }
    for (r = 0; r < c->t.nrow; r++) {
        long got = vg_strmap_add(&c->map, vg_tidy_str(&c->t, r, ck), r);
        if (got == -1) continue;
        rc = got == -2 ? vigil_nomem(ctx, path)
                       : vg_tidy_err(ctx, &c->t, r, ck, VIGIL_EDATA,
                                     "key '%s' is already on line %ld",
                                     vg_tidy_str(&c->t, r, ck), c->t.line[got]);
        vg_cat_free(c);
        return rc;
    }
    return VIGIL_OK;
}

void vg_cat_free(vg_cat *c) {
    if (c == NULL) return;
    vg_strmap_free(&c->map);
    vg_tidy_free(&c->t);
    memset(c, 0, sizeof *c);
}

const char *vg_cat_find(const vg_cat *c, int lang, const char *key) {
    long r = vg_strmap_get(&c->map, key);
    const char *s;
    if (r < 0 || lang < 0 || lang >= VG_NLANG) return NULL;
    s = vg_tidy_str(&c->t, r, c->col[lang]);
    return *s ? s : NULL;
}

const char *vg_cat_get(vg_cat *c, int lang, const char *key) {
    const char *s = vg_cat_find(c, lang, key);
    if (s) return s;
    if (c->nmissing++ == 0) snprintf(c->missing, sizeof c->missing, "%s", key);
    return VG_MISSING;
}

/* The value of placeholder name (length n) among kv, or NULL. */
static const char *lookup(const char *name, size_t n, const char *const *kv, int nkv) {
    int k;
    for (k = 0; k < nkv; k++)
        if (strlen(kv[2 * k]) == n && memcmp(kv[2 * k], name, n) == 0) return kv[2 * k + 1];
    return NULL;
}

void vg_tpl_expand(vg_sb *b, const char *tpl, const char *const *kv, int nkv) {
    const char *p = tpl;
    while (*p) {
        const char *open = strchr(p, '{'), *close = open ? strchr(open, '}') : NULL;
        const char *val;
        if (open == NULL || close == NULL) {
            vg_sb_puts(b, p);
            return;
        }
        vg_sb_putn(b, p, (size_t)(open - p));
        val = lookup(open + 1, (size_t)(close - open - 1), kv, nkv);
        if (val) vg_sb_puts(b, val);
        else vg_sb_putn(b, open, (size_t)(close - open + 1));
        p = close + 1;
    }
}

#define MAXKV 24

void vg_cat_fmt(vg_cat *c, int lang, vg_sb *b, const char *key, ...) {
    const char *kv[2 * MAXKV];
    const char *s;
    int n = 0;
    va_list ap;
    va_start(ap, key);
    while (n < MAXKV && (s = va_arg(ap, const char *)) != NULL) {
        kv[2 * n] = s;
        kv[2 * n + 1] = va_arg(ap, const char *);
        n++;
    }
    va_end(ap);
    vg_tpl_expand(b, vg_cat_get(c, lang, key), kv, n);
}

/* }================================================================== */

/* {==================================================================
** Numbers
** =================================================================== */

#define NBSP "\xc2\xa0" /* U+00A0, the French thousands separator here */

char *vg_fmt_num(int lang, double v, int decimals, int sign, char *buf) {
    char digits[VG_NUMBUF];
    const char *group = lang == VG_FR ? NBSP : ",", *point = lang == VG_FR ? "," : ".";
    char *dot, *out = buf;
    size_t nint, i;
    int neg;
    if (!isfinite(v)) return strcpy(buf, "-");
    if (decimals < 0) decimals = 0;
    if (decimals > 6) decimals = 6;
    if (fabs(v) >= 1e15) v = v < 0 ? -1e15 : 1e15; /* keeps the text short */
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v));
    neg = v < 0 && strspn(digits, "0.") != strlen(digits); /* no "-0.0" */
    if (neg) *out++ = '-';
    else if (sign && strspn(digits, "0.") != strlen(digits)) *out++ = '+';
    dot = strchr(digits, '.');
    nint = dot ? (size_t)(dot - digits) : strlen(digits);
    for (i = 0; i < nint; i++) {
        if (i > 0 && (nint - i) % 3 == 0) out += sprintf(out, "%s", group);
        *out++ = digits[i];
    }
    if (dot) out += sprintf(out, "%s%s", point, dot + 1);
    *out = '\0';
    return buf;
}

char *vg_fmt_mn(int lang, double v, int sign, char *buf) {
    return vg_fmt_num(lang, v / 1e6, 1, sign, buf);
}

char *vg_fmt_pct(int lang, double v, int decimals, int sign, char *buf) {
    vg_fmt_num(lang, v, decimals, sign, buf);
    if (strcmp(buf, "-") != 0) strcat(buf, lang == VG_FR ? NBSP "%" : "%");
    return buf;
}

/* v rounded to n significant digits (counts below a million: 139,000,
** not 139,404, which would claim a precision the model does not have). */
static double round_sig(double v, int n) {
    double scale;
    if (v == 0 || !isfinite(v)) return v;
    scale = pow(10, n - 1 - (int)floor(log10(fabs(v))));
    return scale >= 1 ? round(v) : round(v * scale) / scale;
}

/* The catalogue suffix for a count: "m1" (1 to 2 million: French
** "million" is singular below two), "m" (millions) or "u" (units). */
static const char *count_form(double v, char *num, int lang, int sign) {
    double a = fabs(v);
    if (!isfinite(v)) {
        strcpy(num, "-");
        return "u";
    }
    if (a >= 999999.5) {
        vg_fmt_mn(lang, v, sign, num);
        return round(a / 1e5) < 20 ? "m1" : "m"; /* as written, one decimal */
    }
    vg_fmt_num(lang, round_sig(v, 3), 0, sign, num);
    return "u";
}

void vg_fmt_count(vg_cat *c, int lang, double v, int sign, vg_sb *b) {
    char num[VG_NUMBUF], key[64];
    const char *form = count_form(v, num, lang, sign);
    if (strcmp(form, "u") == 0) {
        vg_sb_puts(b, num);
        return;
    }
    snprintf(key, sizeof key, "num.million.%s", form);
    vg_cat_fmt(c, lang, b, key, "n", num, (const char *)NULL);
}

void vg_fmt_count_noun(vg_cat *c, int lang, double v, const char *noun, vg_sb *b) {
    char num[VG_NUMBUF], key[64];
    const char *form = count_form(v, num, lang, 0);
    snprintf(key, sizeof key, "noun.%s.%s", noun, form);
    vg_cat_fmt(c, lang, b, key, "n", num, (const char *)NULL);
}

/* }================================================================== */
