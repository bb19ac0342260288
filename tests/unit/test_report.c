/*
** Briefing notes (engine/report*.c, docs/REPORTS.md). Runs shipped
** scenarios through `vigil run` into a scratch folder, writes their notes
** and checks: the catalogue is complete (every text in both languages,
** the same placeholders); numbers are written as each language writes
** them; the HTML is well formed, has its charts and tables, and refers to
** no external resource; the French note holds no English label (and the
** English none in French); the numbers are those of summary.csv and
** sdg87.csv; the Markdown has its charts beside it; a batch folder gets
** its comparison; bad folders and files fail with file:line:col; out of
** memory anywhere leaves no file behind; the same run gives the same
** bytes.
*/
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "report.h"
#include "test.h"
#include "tidy.h"
#include "vigil/report.h"

/* Paths here are short (a scratch folder of the build tree); gcc cannot
** know it and warns of truncations that cannot happen. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

static char src[4096];   /* the source tree */
static char root[4096];  /* the scratch folder */

/* {==================================================================
** Files
** =================================================================== */

static void rm_rf(const char *path) {
    DIR *d = opendir(path);
    struct dirent *e;
    if (d == NULL) {
        unlink(path);
        return;
    }
    while ((e = readdir(d)) != NULL) {
        char sub[8192];
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        rm_rf(sub);
    }
    closedir(d);
    rmdir(path);
}

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (f == NULL) return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) n = 0;
    if (buf) buf[n] = '\0';
    fclose(f);
    if (len) *len = (size_t)n;
    return buf;
}

static char *slurp2(const char *dir, const char *name) {
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return slurp(path, NULL);
}

static int exists(const char *dir, const char *name) {
    char path[8192];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return stat(path, &st) == 0;
}

/* Files of dir whose name holds ".tmp." (an output set's temporaries). */
static int temporaries(const char *dir) {
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    if (d == NULL) return 0;
    while ((e = readdir(d)) != NULL) {
        char sub[8192];
        if (e->d_name[0] == '.') continue;
        if (strstr(e->d_name, ".tmp.")) n++;
        snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
        if (strcmp(e->d_name, "charts") == 0) n += temporaries(sub);
    }
    closedir(d);
    return n;
}

/* `vigil run SCENARIO --draws N --out OUT --no-report` through the CLI. */
static int run(const char *scenario, const char *out, const char *draws) {
    static char a[8][8192];
    char *argv[10];
    int argc, k;
    snprintf(a[0], sizeof a[0], "vigil");
    snprintf(a[1], sizeof a[1], "run");
    snprintf(a[2], sizeof a[2], "%s/scenarios/%s.lua", src, scenario);
    snprintf(a[3], sizeof a[3], "--draws");
    snprintf(a[4], sizeof a[4], "%s", draws);
    snprintf(a[5], sizeof a[5], "--out");
    snprintf(a[6], sizeof a[6], "%s", out);
    snprintf(a[7], sizeof a[7], "--no-report");
    for (k = 0; k < 8; k++) argv[k] = a[k];
    argc = 8;
    argv[argc] = NULL;
    fflush(stdout);
    return vigil_cli_main(argc, argv);
}

/* }================================================================== */

/* {==================================================================
** The catalogue
** =================================================================== */

/* The placeholders of a template, sorted and joined, in buf. */
static void placeholders(const char *s, char *buf, size_t n) {
    char names[32][64];
    int k = 0, i, j;
    const char *p = s;
    buf[0] = '\0';
    while ((p = strchr(p, '{')) != NULL && k < 32) {
        const char *q = strchr(p, '}');
        if (q == NULL) break;
        snprintf(names[k++], sizeof names[0], "%.*s", (int)(q - p - 1), p + 1);
        p = q + 1;
    }
    for (i = 1; i < k; i++)
        for (j = i; j > 0 && strcmp(names[j], names[j - 1]) < 0; j--) {
            char t[64];
            strcpy(t, names[j]), strcpy(names[j], names[j - 1]), strcpy(names[j - 1], t);
        }
    for (i = 0; i < k; i++) {
        if (i && strcmp(names[i], names[i - 1]) == 0) continue;
        strncat(buf, names[i], n - strlen(buf) - 2);
        strncat(buf, ",", n - strlen(buf) - 1);
    }
}

/* Texts that are the same in both languages on purpose. */
static int same_ok(const char *key) {
    static const char *const ok[] = {"h.provenance", "col.coefficient", "short.policy.formalisation",
        "sep.list", "num.million.m1", "lever.other", "region.FRA", "sector.agriculture",
        "sector.agr", "sector.services", "sector.srv", NULL};
    int i;
    for (i = 0; ok[i]; i++)
        if (strcmp(ok[i], key) == 0) return 1;
    return 0;
}

static void test_catalogue(vigil_ctx *ctx) {
    vg_cat c;
    long r;
    int missing = 0, same = 0, mism = 0;
    if (!CHECK(vg_cat_load(ctx, NULL, &c) == VIGIL_OK)) {
        fprintf(stderr, "%s\n", vigil_errmsg(ctx));
        return;
    }
    CHECK(c.t.nrow > 250);
    for (r = 0; r < c.t.nrow; r++) {
        const char *key = vg_tidy_str(&c.t, r, vg_tidy_col(&c.t, "key"));
        const char *en = vg_tidy_str(&c.t, r, c.col[VG_EN]), *fr = vg_tidy_str(&c.t, r, c.col[VG_FR]);
        char pe[1024], pf[1024];
        if (*en == '\0' || *fr == '\0') {
            fprintf(stderr, "missing translation: %s (line %ld)\n", key, c.t.line[r]);
            missing++;
        }
        if (strcmp(en, fr) == 0 && !same_ok(key)) {
            fprintf(stderr, "untranslated (the same in both): %s = '%s'\n", key, en);
            same++;
        }
        placeholders(en, pe, sizeof pe);
        placeholders(fr, pf, sizeof pf);
        if (strcmp(pe, pf) != 0) {
            fprintf(stderr, "placeholders differ in %s: en {%s} fr {%s}\n", key, pe, pf);
            mism++;
        }
    }
    CHECK(missing == 0);
    CHECK(same == 0);
    CHECK(mism == 0);
    /* lookups: a missing key is counted and shows */
    CHECK_STR(vg_cat_get(&c, VG_FR, "h.caveats"), "Mises en garde");
    CHECK_STR(vg_cat_get(&c, VG_FR, "no.such.key"), VG_MISSING);
    CHECK(c.nmissing == 1 && strcmp(c.missing, "no.such.key") == 0);
    CHECK(vg_cat_find(&c, VG_EN, "no.such.key") == NULL);
    {
        vg_sb b = {0};
        vg_cat_fmt(&c, VG_FR, &b, "when.span", "a", "2021", "b", "2025", (const char *)NULL);
        CHECK_STR(vg_sb_str(&b), "de 2021 à 2025");
        vg_sb_free(&b);
    }
    vg_cat_free(&c);
}

/* A duplicated key is an error naming its line. */
static void test_catalogue_errors(vigil_ctx *ctx) {
    char path[8192];
    FILE *f;
    vg_cat c;
    snprintf(path, sizeof path, "%s/dup.csv", root);
    f = fopen(path, "w");
    fputs("key,en,fr\na,A,A fr\nb,B,B fr\na,again,encore\n", f);
    fclose(f);
    CHECK(vg_cat_load(ctx, path, &c) == VIGIL_EDATA);
    CHECK(strstr(vigil_errmsg(ctx), "dup.csv:4:1: key 'a' is already on line 2") != NULL);
}

/* }================================================================== */

/* {==================================================================
** Numbers
** =================================================================== */

static void test_numbers(vigil_ctx *ctx) {
    char b[VG_NUMBUF];
    vg_cat c;
    vg_sb s = {0};
    CHECK_STR(vg_fmt_num(VG_EN, 1234567.891, 1, 0, b), "1,234,567.9");
    CHECK_STR(vg_fmt_num(VG_FR, 1234567.891, 1, 0, b), "1\xc2\xa0" "234\xc2\xa0" "567,9");
    CHECK_STR(vg_fmt_num(VG_EN, -0.04, 1, 1, b), "0.0");
    CHECK_STR(vg_fmt_num(VG_EN, 2.6, 1, 1, b), "+2.6");
    CHECK_STR(vg_fmt_num(VG_FR, -6.6, 1, 1, b), "-6,6");
    CHECK_STR(vg_fmt_mn(VG_EN, 160e6, 0, b), "160.0");
    CHECK_STR(vg_fmt_pct(VG_EN, 14.55, 1, 0, b), "14.6%");
    CHECK_STR(vg_fmt_pct(VG_FR, 14.55, 1, 0, b), "14,6\xc2\xa0%");
    if (!CHECK(vg_cat_load(ctx, NULL, &c) == VIGIL_OK)) return;
    vg_fmt_count(&c, VG_EN, 160e6, 0, &s);
    CHECK_STR(vg_sb_str(&s), "160.0 million");
    vg_sb_reset(&s);
    vg_fmt_count(&c, VG_FR, 160e6, 0, &s);
    CHECK_STR(vg_sb_str(&s), "160,0 millions");
    vg_sb_reset(&s);
    vg_fmt_count(&c, VG_FR, 1.54e6, 1, &s);
    CHECK_STR(vg_sb_str(&s), "+1,5 million");
    vg_sb_reset(&s);
    vg_fmt_count(&c, VG_FR, 139404, 1, &s);
    CHECK_STR(vg_sb_str(&s), "+139\xc2\xa0" "000");
    vg_sb_reset(&s);
    vg_fmt_count_noun(&c, VG_FR, 172.6e6, "children", &s);
    CHECK_STR(vg_sb_str(&s), "172,6 millions d'enfants");
    vg_sb_reset(&s);
    vg_fmt_count_noun(&c, VG_EN, 27.6e6, "people", &s);
    CHECK_STR(vg_sb_str(&s), "27.6 million people");
    vg_sb_free(&s);
    CHECK(c.nmissing == 0);
    vg_cat_free(&c);
}

/* }================================================================== */

/* {==================================================================
** HTML checks
** =================================================================== */

static int is_void(const char *name, size_t n) {
    static const char *const v[] = {"meta", "img", "br", "hr", "link", "input", NULL};
    int i;
    for (i = 0; v[i]; i++)
        if (strlen(v[i]) == n && strncmp(v[i], name, n) == 0) return 1;
    return 0;
}

/* Every element closed, in order (void elements aside). */
static int balanced(const char *html) {
    char stack[256][16];
    int depth = 0;
    const char *p = html;
    while ((p = strchr(p, '<')) != NULL) {
        const char *end = strchr(p, '>'), *name = p + 1;
        size_t n;
        int close = 0;
        if (end == NULL) return 0;
        if (p[1] == '!') {
            p = end;
            continue;
        }
        if (*name == '/') close = 1, name++;
        n = strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789");
        if (n == 0 || n >= 16) return 0;
        if (close) {
            if (depth == 0 || strlen(stack[depth - 1]) != n || strncmp(stack[depth - 1], name, n))
                return fprintf(stderr, "unbalanced at </%.*s>\n", (int)n, name), 0;
            depth--;
        } else if (!is_void(name, n) && end[-1] != '/') {
            if (depth == 256) return 0;
            snprintf(stack[depth++], 16, "%.*s", (int)n, name);
        }
        p = end;
    }
    return depth == 0;
}

/* Does the page refer to anything outside itself? */
static int external(const char *html) {
    const char *p;
    if (strstr(html, "http:") || strstr(html, "https:") || strstr(html, "<link") ||
        strstr(html, "<script") || strstr(html, "@import") || strstr(html, "url(") ||
        strstr(html, "<iframe") || strstr(html, "<object") || strstr(html, "<embed"))
        return 1;
    for (p = html; (p = strstr(p, "src=")) != NULL; p += 4)
        if (strncmp(p, "src=\"data:image/svg+xml;base64,", 31) != 0) return 1;
    for (p = html; (p = strstr(p, "href=")) != NULL; p += 5)
        if (p[5] != '"' || p[6] != '#') return 1;
    return 0;
}

/* The page's visible text: tags dropped, the run's own text (class "v",
** scenario names and descriptions) and code dropped, entities decoded. */
static char *visible_text(const char *html) {
    char *out = malloc(strlen(html) + 1), *o = out;
    const char *p = strstr(html, "<body>");
    int skip = 0;
    for (p = p ? p : html; *p;) {
        if (*p == '<') {
            if (strncmp(p, "<span class=\"v\">", 16) == 0 || strncmp(p, "<code>", 6) == 0) skip++;
            else if ((strncmp(p, "</span>", 7) == 0 || strncmp(p, "</code>", 7) == 0) && skip) skip--;
            {
                /* inline elements join their text, others separate it */
                const char *name = p + 1 + (p[1] == '/');
                int inl = strncmp(name, "strong", 6) == 0 || strncmp(name, "code", 4) == 0 ||
                          strncmp(name, "span", 4) == 0;
                p = strchr(p, '>');
                if (p == NULL) break;
                p++;
                if (!inl) *o++ = '\n';
            }
            continue;
        }
        if (!skip) {
            if (strncmp(p, "&amp;", 5) == 0) *o++ = '&', p += 4;
            else if (strncmp(p, "&lt;", 4) == 0) *o++ = '<', p += 3;
            else if (strncmp(p, "&gt;", 4) == 0) *o++ = '>', p += 3;
            else if (strncmp(p, "&quot;", 6) == 0) *o++ = '"', p += 5;
            else *o++ = *p;
        }
        p++;
    }
    *o = '\0';
    return out;
}

/* The fixed parts of the catalogue texts of language `from` (without
** placeholders and marks, 14 characters or more) that appear in text:
** a label of the other language left untranslated. */
static int foreign(vg_cat *c, const char *text, int from, int other) {
    long r;
    int found = 0;
    for (r = 0; r < c->t.nrow; r++) {
        const char *s = vg_tidy_str(&c->t, r, c->col[from]);
        char frag[2048];
        size_t k = 0;
        if (strcmp(s, vg_tidy_str(&c->t, r, c->col[other])) == 0) continue;
        for (;; s++) {
            if (*s == '*' || *s == '`') continue;
            if (*s == '{' || *s == '\0') {
                frag[k] = '\0';
                while (k && frag[k - 1] == ' ') frag[--k] = '\0';
                if (strlen(frag) >= 14 && strstr(text, frag[0] == ' ' ? frag + 1 : frag)) {
                    fprintf(stderr, "%s text in the %s note (%s): '%s'\n", from == VG_EN ? "English" : "French",
                            other == VG_FR ? "French" : "English",
                            vg_tidy_str(&c->t, r, vg_tidy_col(&c->t, "key")), frag);
                    found++;
                }
                k = 0;
                if (*s == '\0') break;
                s = strchr(s, '}');
                if (s == NULL) break;
                continue;
            }
            if (k < sizeof frag - 1) frag[k++] = *s;
        }
    }
    return found;
}

static void check_page(vg_cat *c, const char *dir, int lang, const char *const *ids) {
    char name[64];
    char *html, *text;
    int i;
    snprintf(name, sizeof name, "report.%s.html", lang == VG_FR ? "fr" : "en");
    html = slurp2(dir, name);
    if (!CHECK(html != NULL)) return;
    CHECK(strncmp(html, "<!DOCTYPE html>", 15) == 0);
    CHECK(balanced(html));
    CHECK(!external(html));
    CHECK(strstr(html, VG_MISSING) == NULL);
    CHECK(strstr(html, lang == VG_FR ? "<html lang=\"fr\">" : "<html lang=\"en\">") != NULL);
    for (i = 0; ids[i]; i++) {
        char want[128];
        snprintf(want, sizeof want, "id=\"%s\"", ids[i]);
        if (!CHECK(strstr(html, want) != NULL)) fprintf(stderr, "  missing %s in %s/%s\n", want, dir, name);
    }
    text = visible_text(html);
    CHECK(foreign(c, text, lang == VG_FR ? VG_EN : VG_FR, lang) == 0);
    free(text);
    free(html);
}

/* }================================================================== */

/* {==================================================================
** A run's note
** =================================================================== */

/* The mean, p05 or p95 (column name) of summary.csv for a series. */
static double summary(const char *dir, const char *ind, const char *region, int year,
                      const char *stat) {
    vigil_ctx *ctx = vigil_open();
    char path[8192];
    vg_tidy t;
    double v = NAN;
    long r;
    snprintf(path, sizeof path, "%s/summary.csv", dir);
    if (vg_tidy_read(ctx, path, NULL, &t) == VIGIL_OK) {
        for (r = 0; r < t.nrow; r++)
            if (strcmp(vg_tidy_str(&t, r, vg_tidy_col(&t, "indicator")), ind) == 0 &&
                strcmp(vg_tidy_str(&t, r, vg_tidy_col(&t, "region")), region) == 0 &&
                atoi(vg_tidy_str(&t, r, vg_tidy_col(&t, "year"))) == year)
                v = atof(vg_tidy_str(&t, r, vg_tidy_col(&t, stat)));
        vg_tidy_free(&t);
    }
    vigil_close(ctx);
    return v;
}

/* "%.1f" of millions, with the language's decimal mark. */
static const char *mill(double v, int lang, char *buf) {
    char *p;
    snprintf(buf, 32, "%.1f", v / 1e6);
    if (lang == VG_FR && (p = strchr(buf, '.')) != NULL) *p = ',';
    return buf;
}

/* The formatted text, in a buffer of its own (four in turn). */
static const char *f(const char *fmt, ...) VIGIL_PRINTF(1, 2);
static const char *f(const char *fmt, ...) {
    static char buf[4][512];
    static int k;
    va_list ap;
    k = (k + 1) % 4;
    va_start(ap, fmt);
    vsnprintf(buf[k], sizeof buf[k], fmt, ap);
    va_end(ap);
    return buf[k];
}

static int has(const char *hay, const char *want) {
    if (hay && strstr(hay, want)) return 1;
    fprintf(stderr, "  not found: '%s'\n", want);
    return 0;
}

/* The numbers of the note are those of summary.csv. */
static void test_numbers_match(const char *dir) {
    char *en = slurp2(dir, "report.en.html"), *fr = slurp2(dir, "report.fr.html");
    char a[32], b[32];
    double cl30 = summary(dir, "child_labour", "World", 2030, "mean");
    double lo = summary(dir, "child_labour", "World", 2030, "p05");
    double hi = summary(dir, "child_labour", "World", 2030, "p95");
    double fl30 = summary(dir, "forced_labour", "World", 2030, "mean");
    double haz = summary(dir, "hazardous", "World", 2025, "mean");
    if (!CHECK(en && fr && cl30 > 1e8)) return;
    CHECK(has(en, f("<strong>%s million</strong> in 2030", mill(cl30, VG_EN, a))));
    CHECK(has(fr, f("<strong>%s millions</strong> en 2030", mill(cl30, VG_FR, a))));
    CHECK(has(en, f("(90%% interval: %s million to %s million)", mill(lo, VG_EN, a), mill(hi, VG_EN, b))));
    CHECK(has(fr, f("de %s millions à %s millions", mill(lo, VG_FR, a), mill(hi, VG_FR, b))));
    CHECK(has(en, f("<strong>%s million</strong> in 2030", mill(fl30, VG_EN, a))));
    CHECK(has(en, f("<td class=\"r\">%s", mill(haz, VG_EN, a))));
    CHECK(has(fr, f("<td class=\"r\">%s", mill(haz, VG_FR, a))));
    /* the headline table's cell: mean (p05–p95) */
    {
        char want[128];
        snprintf(want, sizeof want, "%s (%s\xe2\x80\x93", mill(cl30, VG_EN, a), mill(lo, VG_EN, b));
        CHECK(has(en, f("%s%s", want, mill(hi, VG_EN, a))));
    }
    /* sdg87.csv: the decline needed a year from 2020 (32.0 million) */
    CHECK(has(en, "a fall of 32.0 million a year"));
    CHECK(has(fr, "une baisse de 32,0 millions par an"));
    free(en);
    free(fr);
}

static void test_run_note(vigil_ctx *ctx, vg_cat *c, const char *dir) {
    static const char *const ids[] = {"question", "headline", "paths", "regions", "decomposition",
        "supply", "footprints", "sdg87", "provenance", "caveats", "table-headline",
        "table-regions-cl", "table-regions-fl", "table-decomposition-cl", "table-supply",
        "table-footprints", "table-sdg87", "table-sdg87-fl", "table-provenance",
        "table-coefficients", "chart-cl_path", "chart-fl_path", "chart-regions",
        "chart-decomposition", "chart-supply_chain", "chart-sdg87", NULL};
    static const char *const charts[] = {"cl_path", "fl_path", "regions", "decomposition",
                                         "supply_chain", "sdg87", NULL};
    char *md, *en, *fr;
    int i, l;
    if (!CHECK(vigil_report_write(ctx, dir, "both", VIGIL_REPORT_BOTH) == VIGIL_OK)) {
        fprintf(stderr, "%s\n", vigil_errmsg(ctx));
        return;
    }
    check_page(c, dir, VG_EN, ids);
    check_page(c, dir, VG_FR, ids);
    test_numbers_match(dir);
    en = slurp2(dir, "report.en.html");
    fr = slurp2(dir, "report.fr.html");
    /* the levers in plain words, the stylised banner, the caveats */
    CHECK(has(en, "real GDP growth changes by -6.6 percentage points in 2020, everywhere"));
    CHECK(has(fr, "la croissance du PIB réel varie de -6,6 points de pourcentage en 2020, dans toutes les régions"));
    CHECK(has(en, "<div class=\"banner\" role=\"note\">STYLISED WORLD"));
    CHECK(has(fr, "<div class=\"banner\" role=\"note\">MONDE STYLISÉ"));
    CHECK(has(en, "not evidence about any firm or product"));
    CHECK(has(en, "<code>cl_poverty_semi</code> = 0.92"));
    CHECK(has(en, "Child labour in 2023, change against the baseline: +"));
    free(en);
    free(fr);
    /* Markdown and its charts beside it */
    for (l = 0; l < 2; l++) {
        const char *lang = l ? "fr" : "en";
        char name[64];
        snprintf(name, sizeof name, "report.%s.md", lang);
        md = slurp2(dir, name);
        if (!CHECK(md != NULL)) continue;
        CHECK(strstr(md, VG_MISSING) == NULL);
        CHECK(strstr(md, l ? "# Note de synthèse" : "# Briefing note") == md);
        for (i = 0; charts[i]; i++) {
            char svg[128], png[128], *s, *p;
            size_t np = 0;
            snprintf(svg, sizeof svg, "charts/%s.%s.svg", charts[i], lang);
            snprintf(png, sizeof png, "charts/%s.%s.png", charts[i], lang);
            CHECK(strstr(md, svg) != NULL && strstr(md, png) != NULL);
            s = slurp2(dir, svg);
            {
                char path[8192];
                snprintf(path, sizeof path, "%s/%s", dir, png);
                p = slurp(path, &np);
            }
            CHECK(s && strstr(s, "<svg") != NULL);
            CHECK(p && np > 8000 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0);
            free(s);
            free(p);
        }
        free(md);
    }
    CHECK(temporaries(dir) == 0);
}

/* The same run gives the same notes, byte for byte. */
static void test_deterministic(vigil_ctx *ctx, const char *dir) {
    char *a = slurp2(dir, "report.fr.html"), *b;
    CHECK(vigil_report_write(ctx, dir, "fr", VIGIL_REPORT_HTML) == VIGIL_OK);
    b = slurp2(dir, "report.fr.html");
    CHECK(a && b && strcmp(a, b) == 0);
    free(a);
    free(b);
}

/* Every shipped scenario: its notes have no missing or untranslated text
** (every lever kind is described in both languages). */
static void test_all_scenarios(vigil_ctx *ctx, vg_cat *c) {
    static const char *const ids[] = {"question", "headline", "caveats", "chart-cl_path", NULL};
    static const char *const names[] = {"baseline", "conditional_policy", "covid_social_protection_expands",
        "covid_social_protection_slips", "due_diligence_eu_csddd", "due_diligence_france_2017",
        "eu_forced_labour_ban", "family_farms_and_smes", "school_closures", NULL};
    int i;
    for (i = 0; names[i]; i++) {
        char dir[8192];
        snprintf(dir, sizeof dir, "%s/all/%s", root, names[i]);
        if (!CHECK(run(names[i], dir, "20") == 0)) continue;
        if (!CHECK(vigil_report_write(ctx, dir, NULL, VIGIL_REPORT_HTML) == VIGIL_OK)) {
            fprintf(stderr, "%s: %s\n", names[i], vigil_errmsg(ctx));
            continue;
        }
        check_page(c, dir, VG_EN, ids);
        check_page(c, dir, VG_FR, ids);
    }
    {
        char dir[8192], *fr;
        snprintf(dir, sizeof dir, "%s/all/due_diligence_france_2017", root);
        fr = slurp2(dir, "report.fr.html");
        CHECK(fr && has(fr, "les entreprises établies en France contrôlent leurs chaînes"));
        free(fr);
        snprintf(dir, sizeof dir, "%s/all/eu_forced_labour_ban", root);
        fr = slurp2(dir, "report.fr.html");
        CHECK(fr && has(fr, "Interdiction d'importation</strong> (UE-27)"));
        CHECK(fr && has(fr, "y compris ses propres exportations"));
        free(fr);
    }
}

/* }================================================================== */

/* {==================================================================
** A batch folder
** =================================================================== */

static void test_batch(vigil_ctx *ctx, vg_cat *c) {
    static const char *const ids[] = {"question", "comparison", "table-comparison",
        "chart-compare_cl", "chart-compare_fl", "scenarios", "provenance", "caveats", NULL};
    static const char *const sub_ids[] = {"chart-cl_path", "table-headline", NULL};
    char dir[8192], sub[8192], *html, *en;
    FILE *f;
    snprintf(dir, sizeof dir, "%s/batch", root);
    snprintf(sub, sizeof sub, "%s/baseline", dir);
    CHECK(run("baseline", sub, "20") == 0);
    snprintf(sub, sizeof sub, "%s/covid_2020_2022", dir);
    CHECK(run("covid_2020_2022", sub, "20") == 0);
    snprintf(sub, sizeof sub, "%s/school_closures", dir);
    CHECK(run("school_closures", sub, "20") == 0);
    /* a comparison.csv as vigil batch writes it, for one scenario */
    snprintf(sub, sizeof sub, "%s/covid_2020_2022/comparison.csv", dir);
    f = fopen(sub, "w");
    fputs("scenario,baseline,year,region,indicator,scenario_mean,baseline_mean,diff_mean,"
          "diff_p05,diff_p50,diff_p95\n"
          "covid_2020_2022,baseline,2023,World,child_labour,1,0,3812345,3500000,3800000,4150000\n",
          f);
    fclose(f);
    if (!CHECK(vigil_report_write(ctx, dir, "both", VIGIL_REPORT_HTML) == VIGIL_OK)) {
        fprintf(stderr, "%s\n", vigil_errmsg(ctx));
        return;
    }
    check_page(c, dir, VG_EN, ids);
    check_page(c, dir, VG_FR, ids);
    html = slurp2(dir, "report.en.html");
    CHECK(html && has(html, "3 scenarios"));
    CHECK(html && has(html, "(reference)"));
    free(html);
    /* each scenario folder has its own note, against the baseline beside */
    snprintf(sub, sizeof sub, "%s/school_closures", dir);
    check_page(c, sub, VG_FR, sub_ids);
    en = slurp2(sub, "report.en.html");
    CHECK(en && has(en, "Dashed grey: the baseline"));
    CHECK(en && strstr(en, "No baseline run was found") == NULL);
    free(en);
    /* the difference draw by draw, with its interval, from comparison.csv */
    snprintf(sub, sizeof sub, "%s/covid_2020_2022", dir);
    en = slurp2(sub, "report.en.html");
    CHECK(en && has(en, "+3.8 million children in child labour (90% interval: +3.5 million to +4.2 million)"));
    free(en);
    /* the baseline's own note says it is the reference */
    snprintf(sub, sizeof sub, "%s/baseline", dir);
    en = slurp2(sub, "report.en.html");
    CHECK(en && has(en, "This run is the reference projection itself"));
    free(en);
}

/* }================================================================== */

/* {==================================================================
** Errors, and nothing half-written
** =================================================================== */

static void copy(const char *from, const char *to, const char *name) {
    char path[8192];
    size_t n = 0;
    char *s;
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", from, name);
    s = slurp(path, &n);
    snprintf(path, sizeof path, "%s/%s", to, name);
    f = fopen(path, "wb");
    if (s && f) fwrite(s, 1, n, f);
    if (f) fclose(f);
    free(s);
}

static void test_errors(vigil_ctx *ctx, const char *good) {
    char dir[8192], path[8192];
    FILE *f;
    snprintf(dir, sizeof dir, "%s/nothing", root);
    CHECK(vigil_report_write(ctx, dir, "en", VIGIL_REPORT_HTML) == VIGIL_EIO);
    CHECK(strstr(vigil_errmsg(ctx), "neither the folder of a run") != NULL);
    CHECK(vigil_report_write(ctx, good, "de", VIGIL_REPORT_HTML) == VIGIL_EUSAGE);
    CHECK(strstr(vigil_errmsg(ctx), "not 'de'") != NULL);
    /* a broken manifest */
    snprintf(dir, sizeof dir, "%s/bad_manifest", root);
    mkdir(dir, 0777);
    copy(good, dir, "summary.csv");
    snprintf(path, sizeof path, "%s/manifest.json", dir);
    f = fopen(path, "w");
    fputs("{\n  \"scenario\": \"x\",\n  \"years\": [2020 2030]\n}\n", f);
    fclose(f);
    CHECK(vigil_report_write(ctx, dir, "en", VIGIL_REPORT_HTML) == VIGIL_EDATA);
    CHECK(strstr(vigil_errmsg(ctx), "manifest.json:3:18: expected ','") != NULL);
    CHECK(!exists(dir, "report.en.html"));
    /* a bad number in summary.csv */
    snprintf(dir, sizeof dir, "%s/bad_summary", root);
    mkdir(dir, 0777);
    copy(good, dir, "manifest.json");
    snprintf(path, sizeof path, "%s/summary.csv", dir);
    f = fopen(path, "w");
    fputs("scenario,year,region,indicator,mean,p05,p50,p95,world\n"
          "x,2020,World,child_labour,160000000,1,1,1,w\n"
          "x,2021,World,child_labour,lots,1,1,1,w\n", f);
    fclose(f);
    CHECK(vigil_report_write(ctx, dir, "en", VIGIL_REPORT_HTML) == VIGIL_EDATA);
    CHECK(strstr(vigil_errmsg(ctx), "summary.csv:3:5:") != NULL);
    CHECK(!exists(dir, "report.en.html") && temporaries(dir) == 0);
    /* a year outside the manifest's */
    f = fopen(path, "w");
    fputs("scenario,year,region,indicator,mean,p05,p50,p95,world\n"
          "x,2020,World,child_labour,160000000,1,1,1,w\n"
          "x,2041,World,child_labour,1,1,1,1,w\n", f);
    fclose(f);
    CHECK(vigil_report_write(ctx, dir, "en", VIGIL_REPORT_HTML) == VIGIL_EDATA);
    CHECK(strstr(vigil_errmsg(ctx), "summary.csv:3:2: year 2041 is outside the run's years") != NULL);
}

/* Out of memory at any of a range of points: an error, no note, no
** temporary file; with enough memory, the note. */
static void test_out_of_memory(vigil_ctx *ctx, const char *good) {
    static const long at[] = {0, 1, 3, 10, 30, 100, 300, 1000, 3000, 6000, 10000, 20000, 40000,
                              80000, -1};
    char dir[8192];
    int i, failed = 0, bad = 0;
    snprintf(dir, sizeof dir, "%s/oom", root);
    mkdir(dir, 0777);
    copy(good, dir, "summary.csv"), copy(good, dir, "manifest.json");
    copy(good, dir, "decomposition.csv"), copy(good, dir, "sdg87.csv");
    copy(good, dir, "attribution.csv");
    for (i = 0; at[i] >= 0; i++) {
        int rc;
        long refused;
        char path[8192];
        snprintf(path, sizeof path, "%s/report.en.html", dir);
        unlink(path);
        snprintf(path, sizeof path, "%s/report.en.md", dir);
        unlink(path);
        vg_alloc_fail_after(at[i]);
        rc = vigil_report_write(ctx, dir, "en", VIGIL_REPORT_BOTH);
        refused = vg_alloc_fail_after(-1);
        if (refused > 0) {
            failed++;
            if (rc != VIGIL_ENOMEM || exists(dir, "report.en.html") || exists(dir, "report.en.md")) {
                fprintf(stderr, "out of memory after %ld allocations: rc %d (%s)\n", at[i], rc,
                        vigil_errmsg(ctx));
                bad++;
            }
        } else if (rc != VIGIL_OK || !exists(dir, "report.en.html")) {
            bad++;
        }
        if (temporaries(dir)) bad++;
    }
    CHECK(failed >= 10);
    CHECK(bad == 0);
}

/* }================================================================== */

int main(void) {
    vigil_ctx *ctx = vigil_open();
    vg_cat c;
    char covid[8192];
    const char *s = getenv("VIGIL_SOURCE");
    snprintf(src, sizeof src, "%s", s ? s : VIGIL_SOURCE_DIR);
    snprintf(root, sizeof root, "%s/report_out", getcwd(covid, sizeof covid) ? covid : ".");
    rm_rf(root);
    mkdir(root, 0777);
    if (rp_chart_available(ctx) != VIGIL_OK) return test_skip(vigil_errmsg(ctx));
    test_catalogue(ctx);
    test_catalogue_errors(ctx);
    test_numbers(ctx);
    if (vg_cat_load(ctx, NULL, &c) != VIGIL_OK) return test_done();
    snprintf(covid, sizeof covid, "%s/covid", root);
    if (CHECK(run("covid_2020_2022", covid, "50") == 0)) {
        test_run_note(ctx, &c, covid);
        test_deterministic(ctx, covid);
        test_errors(ctx, covid);
        test_out_of_memory(ctx, covid);
    }
    test_batch(ctx, &c);
    test_all_scenarios(ctx, &c);
    vg_cat_free(&c);
    vigil_close(ctx);
    if (test_fail == 0) rm_rf(root);
    return test_done();
}
