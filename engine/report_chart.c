/*
** The notes' charts, drawn by PLplot (plplot.sourceforge.net) through its
** cairo drivers: svgcairo (text as glyph outlines, so an SVG needs no font)
** and pngcairo. Three kinds: paths over years with shaded 90 % bands
** (RP_LINES), horizontal bars by category (RP_HBARS), and stacked bars by
** year with their total (RP_STACK, the decomposition by lever). Every
** chart has a title, axis labels with units and a legend below the plot;
** colours are the Okabe-Ito palette. PLplot keeps global state: one chart
** at a time.
*/
#include <math.h>
#include <plplot.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

#define WIDTH 1000
#define IDX_COLOUR 2  /* cmap0 index of colour c: IDX_COLOUR + c */
#define IDX_BAND 12   /* its translucent version, for bands */
#define IDX_GRID 11
#define BAND_ALPHA 0.22
#define CHAR_MM 4.0   /* default character height, mm */

static const unsigned char palette[RP_NCOLOUR][3] = {
    {0, 0, 0},      {230, 159, 0}, {86, 180, 233}, {0, 158, 115}, {240, 228, 66},
    {0, 114, 178},  {213, 94, 0},  {204, 121, 167}, {110, 110, 110}};

/* {==================================================================
** PLplot's errors: recorded, never printed
** =================================================================== */

static char plerr[256];

static void on_abort(PLCHAR_VECTOR msg) {
    if (plerr[0] == '\0') snprintf(plerr, sizeof plerr, "%s", msg);
}

int rp_chart_available(vigil_ctx *ctx) {
    const char *menu_a[128], *dev_a[128], **menu = menu_a, **dev = dev_a;
    int n = 128, i, svg = 0, png = 0;
    plgDevs(&menu, &dev, &n);
    for (i = 0; i < n; i++) {
        svg |= strcmp(dev[i], "svgcairo") == 0;
        png |= strcmp(dev[i], "pngcairo") == 0;
    }
    if (svg && png) return VIGIL_OK;
    return vigil_seterr(ctx, VIGIL_EIO, "report: PLplot has no %s device: install its cairo "
                        "driver (Debian: plplot-driver-cairo)", svg ? "pngcairo" : "svgcairo");
}

/* }================================================================== */

#if defined(__SANITIZE_ADDRESS__)
/* LeakSanitizer: fontconfig (through cairo and pango) and libltdl (PLplot's
** driver loader) keep caches for the life of the process and never free
** them. Their "leaks" are not ours; the sanitizer build (VIGIL_SANITIZE)
** would otherwise fail every run that draws a chart. Nothing of vigil's
** own is suppressed. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_options(void);
const char *__lsan_default_suppressions(void) {
    return "leak:libfontconfig.so\nleak:libltdl.so\nleak:libpango\nleak:libcairo.so\n";
}
const char *__lsan_default_options(void) { return "print_suppressions=0"; }
#endif

/* {==================================================================
** Text and numbers on the axes
** =================================================================== */

/* PLplot reads '#' as an escape: "##" is a '#'. Into buf of n bytes. */
static const char *esc(const char *s, char *buf, size_t n) {
    size_t o = 0;
    for (; s && *s && o + 3 < n; s++) {
        if (*s == '#') buf[o++] = '#';
        buf[o++] = *s;
    }
    buf[o] = '\0';
    return buf;
}

static void mtex(const char *side, double disp, double pos, double just, const char *s) {
    char buf[1024];
    plmtex(side, disp, pos, just, esc(s, buf, sizeof buf));
}

typedef struct labels {
    int lang;
    int years_x;     /* the x axis shows years, written as they are */
} labels;

/* Tick labels in the note's language: 0,5 in French; years as 2020. */
static void label_fn(PLINT axis, PLFLT v, PLCHAR_NC_VECTOR out, PLINT len, PLPointer data) {
    const labels *l = data;
    char buf[VG_NUMBUF];
    int dec = 0;
    if (axis == PL_X_AXIS && l->years_x) {
        snprintf(out, (size_t)len, "%.0f", v);
        return;
    }
    while (dec < 3 && fabs(v * pow(10, dec) - round(v * pow(10, dec))) > 1e-6) dec++;
    snprintf(out, (size_t)len, "%s", vg_fmt_num(l->lang, v, dec, 0, buf));
}

/* }================================================================== */

/* {==================================================================
** Pieces of a chart
** =================================================================== */

static void set_palette(void) {
    int c;
    plscmap0n(32);
    plscol0(0, 255, 255, 255);
    plscol0(1, 0, 0, 0);
    plscol0(IDX_GRID, 221, 221, 221);
    for (c = 0; c < RP_NCOLOUR; c++) {
        plscol0(IDX_COLOUR + c, palette[c][0], palette[c][1], palette[c][2]);
        plscol0a(IDX_BAND + c, palette[c][0], palette[c][1], palette[c][2], BAND_ALPHA);
    }
}

/* Rows of the legend below the plot, two entries a row. */
static int legend_rows(int nentry) { return (nentry + 1) / 2; }

/* The page: its height in pixels for a plot area of plot_h pixels and a
** legend of nentry entries. */
static int page_height(int plot_h, int nentry) { return plot_h + 155 + 36 * legend_rows(nentry); }

/* Opens the device and places the viewport (plot area) on the page. */
static void begin(const char *device, FILE *f, int height, double left, int plot_h,
                  const labels *lab, double *vbottom, double *vtop) {
    double top = 70.0 / height, bottom = 1.0 - (70.0 + plot_h) / height;
    *vbottom = bottom, *vtop = 1.0 - top;
    plerr[0] = '\0';
    plsabort(on_abort);
    plsdev(device);
    plsfile(f);
    plspage(90, 90, WIDTH, height, 0, 0);
    set_palette();
    plinit();
    pladv(0);
    plschr(CHAR_MM, 1.0);
    plvpor(left, 0.97, bottom, 1.0 - top);
    plslabelfunc(label_fn, (PLPointer)lab);
}

/* The title, centred on the page (the plot area of bar charts is off
** centre, to leave room for their category names). */
static void title(const rp_chart *c, double bottom, double top) {
    plvpor(0.03, 0.97, bottom, top);
    plwind(0, 1, 0, 1);
    plcol0(1);
    plschr(0, 1.2);
    mtex("t", 1.5, 0.5, 0.5, c->title);
    plschr(0, 1.0);
}

/* Grid lines on the value axis (grid_x: the x axis holds the values),
** then the frame with ticks and the labels in the language. */
static void axes(const char *xopt, const char *yopt, double xtick, int grid_x) {
    plcol0(IDX_GRID);
    plwidth(1.0);
    plbox(grid_x ? "g" : "", xtick, 0, grid_x ? "" : "g", 0.0, 0);
    plcol0(1);
    plbox(xopt, xtick, 0, yopt, 0.0, 0);
}

static void fill_rect(double x0, double x1, double y0, double y1) {
    PLFLT x[4] = {x0, x1, x1, x0}, y[4] = {y0, y0, y1, y1};
    plfill(4, x, y);
}

/* The legend below the plot, two columns. Entries: colour boxes, lines
** (solid or dashed), or a symbol; text in black. */
typedef struct legend {
    int n;
    PLINT opt[2 * RP_MAXSER + 2], colour[2 * RP_MAXSER + 2], style[2 * RP_MAXSER + 2];
    const char *text[2 * RP_MAXSER + 2];
    char buf[2 * RP_MAXSER + 2][256];
} legend;

static void legend_add(legend *l, int opt, int colour, int style, const char *text) {
    if (l->n == 2 * RP_MAXSER + 2 || text == NULL) return;
    l->opt[l->n] = opt;
    l->colour[l->n] = colour;
    l->style[l->n] = style;
    l->text[l->n] = esc(text, l->buf[l->n], sizeof l->buf[l->n]);
    l->n++;
}

/* offset: from the bottom of the page, as a fraction of its height. */
static void legend_draw(const legend *l, double offset) {
    PLINT tcol[2 * RP_MAXSER + 2], pat[2 * RP_MAXSER + 2], one[2 * RP_MAXSER + 2];
    PLFLT scale[2 * RP_MAXSER + 2], lw[2 * RP_MAXSER + 2], bw[2 * RP_MAXSER + 2];
    const char *sym[2 * RP_MAXSER + 2];
    PLFLT w, h;
    int i;
    if (l->n == 0) return;
    for (i = 0; i < l->n; i++) {
        tcol[i] = 1, pat[i] = 0, one[i] = 1, scale[i] = 0.9, lw[i] = 3.0, bw[i] = 1.0;
        sym[i] = "\xe2\x97\x86"; /* U+25C6, a black diamond */
    }
    pllegend(&w, &h, PL_LEGEND_ROW_MAJOR,
             PL_POSITION_BOTTOM | PL_POSITION_INSIDE | PL_POSITION_SUBPAGE, 0.0, offset,
             0.08, 0, 0, 1, legend_rows(l->n), l->n > 1 ? 2 : 1, l->n, l->opt, 1.0, 1.0, 2.0, 0.0,
             tcol, (const char *const *)l->text, l->colour, pat, scale, bw, l->colour, l->style,
             lw, l->colour, scale, one, sym);
}

/* The range of every value of the chart (series, bands, reference). */
static void value_range(const rp_chart *c, double *lo, double *hi) {
    int s, i;
    *lo = INFINITY, *hi = -INFINITY;
    for (s = 0; s < c->nser; s++)
        for (i = 0; i < c->n; i++) {
            const double v[3] = {c->ser[s].v[i], c->ser[s].lo ? c->ser[s].lo[i] : (double)NAN,
                                 c->ser[s].hi ? c->ser[s].hi[i] : (double)NAN};
            int k;
            for (k = 0; k < 3; k++)
                if (isfinite(v[k])) *lo = fmin(*lo, v[k]), *hi = fmax(*hi, v[k]);
        }
    if (c->ref_label) {
        *lo = fmin(*lo, fmin(c->ref[1], c->ref[3]));
        *hi = fmax(*hi, fmax(c->ref[1], c->ref[3]));
    }
    if (c->from_zero) *lo = fmin(*lo, 0), *hi = fmax(*hi, 0);
    if (!isfinite(*lo)) *lo = 0, *hi = 1;
}

/* Pads a range: 8 % above and below (not below zero when it starts there). */
static void pad(double *lo, double *hi, int from_zero) {
    double span = *hi - *lo;
    if (span <= 0) span = fabs(*hi) > 0 ? fabs(*hi) * 0.1 : 1;
    if (!(from_zero && *lo == 0)) *lo -= 0.08 * span;
    if (!(from_zero && *hi == 0)) *hi += 0.08 * span;
}

/* }================================================================== */

/* {==================================================================
** The three kinds of chart
** =================================================================== */

static void band(const rp_series *s, int n, const double *x) {
    PLFLT px[2 * 64], py[2 * 64];
    int i, m = 0;
    if (!s->lo || !s->hi || n > 64) return;
    for (i = 0; i < n; i++)
        if (isfinite(s->lo[i]) && isfinite(s->hi[i])) px[m] = x[i], py[m++] = s->lo[i];
    for (i = n - 1; i >= 0; i--)
        if (isfinite(s->lo[i]) && isfinite(s->hi[i])) px[m] = x[i], py[m++] = s->hi[i];
    if (m < 4) return;
    plcol0(IDX_BAND + s->colour);
    plfill(m, px, py);
}

static void line(const rp_series *s, int n, const double *x) {
    PLFLT px[64], py[64];
    int i, m = 0;
    for (i = 0; i < n && m < 64; i++)
        if (isfinite(s->v[i])) px[m] = x[i], py[m++] = s->v[i];
    plcol0(IDX_COLOUR + s->colour);
    pllsty(s->dashed ? 3 : 1);
    plwidth(3.0);
    if (m > 1) plline(m, px, py);
    else if (m == 1) plstring(1, px, py, "\xe2\x97\x8f");
    pllsty(1);
    plwidth(1.0);
}

static void draw_lines(const rp_chart *c, legend *lg) {
    double lo, hi;
    int s;
    value_range(c, &lo, &hi);
    pad(&lo, &hi, c->from_zero);
    plwind(c->x[0] - 0.4, c->x[c->n - 1] + 0.4, lo, hi);
    axes("bcnsto", "bcnstvo", c->n <= 16 ? 1.0 : 0.0, 0);
    for (s = 0; s < c->nser; s++) band(&c->ser[s], c->n, c->x);
    for (s = c->nser - 1; s >= 0; s--) line(&c->ser[s], c->n, c->x);
    for (s = 0; s < c->nser; s++) {
        legend_add(lg, PL_LEGEND_LINE, IDX_COLOUR + c->ser[s].colour, c->ser[s].dashed ? 3 : 1,
                   c->ser[s].label);
        if (c->ser[s].band_label)
            legend_add(lg, PL_LEGEND_COLOR_BOX, IDX_BAND + c->ser[s].colour, 1,
                       c->ser[s].band_label);
    }
    if (c->ref_label) {
        PLFLT rx[2] = {c->ref[0], c->ref[2]}, ry[2] = {c->ref[1], c->ref[3]};
        plcol0(1);
        pllsty(2);
        plwidth(2.0);
        plline(2, rx, ry);
        pllsty(1);
        plwidth(1.0);
        legend_add(lg, PL_LEGEND_LINE, 1, 2, c->ref_label);
    }
}

/* Horizontal bars: category i from the top; series side by side or
** stacked; a series with an interval gets error bars. */
static void draw_hbars(const rp_chart *c, legend *lg) {
    double lo, hi, h = c->stacked ? 0.7 : 0.8 / c->nser;
    int i, s;
    if (c->stacked) {
        lo = 0, hi = 0;
        for (i = 0; i < c->n; i++) {
            double sum = 0;
            for (s = 0; s < c->nser; s++) sum += isfinite(c->ser[s].v[i]) ? c->ser[s].v[i] : 0;
            hi = fmax(hi, sum);
        }
    } else {
        value_range(c, &lo, &hi);
        lo = fmin(lo, 0);
    }
    pad(&lo, &hi, 1);
    plwind(lo, hi, 0.4, c->n + 0.6);
    axes("bcnsto", "bc", 0.0, 1);
    for (i = 0; i < c->n; i++) {
        double y = c->n - i, base = 0;
        plcol0(1);
        mtex("lv", 0.8, (y - 0.4) / (c->n + 0.2), 1.0, c->cat[i]);
        for (s = 0; s < c->nser; s++) {
            double v = isfinite(c->ser[s].v[i]) ? c->ser[s].v[i] : 0;
            double yc = c->stacked ? y : y + 0.4 - h * (s + 0.5);
            plcol0(IDX_COLOUR + c->ser[s].colour);
            fill_rect(base, base + v, yc - h / 2, yc + h / 2);
            if (c->ser[s].lo && c->ser[s].hi && isfinite(c->ser[s].lo[i])) {
                PLFLT a = c->ser[s].lo[i], b = c->ser[s].hi[i], yy = yc;
                plcol0(1);
                plwidth(1.5);
                plerrx(1, &a, &b, &yy);
                plwidth(1.0);
            }
            if (c->stacked) base += v;
        }
    }
    for (s = 0; s < c->nser; s++)
        legend_add(lg, PL_LEGEND_COLOR_BOX, IDX_COLOUR + c->ser[s].colour, 1, c->ser[s].label);
}

/* Stacked bars by year: positive parts upwards, negative ones downwards,
** the total as a diamond. */
static void draw_stack(const rp_chart *c, legend *lg) {
    double lo = 0, hi = 0;
    int i, s;
    for (i = 0; i < c->n; i++) {
        double up = 0, down = 0;
        for (s = 0; s < c->nser; s++) {
            double v = c->ser[s].v[i];
            if (isfinite(v)) *(v > 0 ? &up : &down) += v;
        }
        hi = fmax(hi, up), lo = fmin(lo, down);
    }
    pad(&lo, &hi, 1);
    plwind(c->x[0] - 0.6, c->x[c->n - 1] + 0.6, lo, hi);
    axes("bcnsto", "bcnstvo", c->n <= 16 ? 1.0 : 0.0, 0);
    for (i = 0; i < c->n; i++) {
        double up = 0, down = 0;
        for (s = 0; s < c->nser; s++) {
            double v = c->ser[s].v[i], *at;
            if (!isfinite(v) || v == 0) continue;
            at = v > 0 ? &up : &down;
            plcol0(IDX_COLOUR + c->ser[s].colour);
            fill_rect(c->x[i] - 0.32, c->x[i] + 0.32, *at, *at + v);
            *at += v;
        }
    }
    {
        PLFLT zx[2] = {c->x[0] - 0.6, c->x[c->n - 1] + 0.6}, zy[2] = {0, 0};
        plcol0(1);
        plline(2, zx, zy);
    }
    for (s = 0; s < c->nser; s++)
        legend_add(lg, PL_LEGEND_COLOR_BOX, IDX_COLOUR + c->ser[s].colour, 1, c->ser[s].label);
    if (c->total) {
        PLFLT tx[64], ty[64];
        int m = 0;
        for (i = 0; i < c->n && m < 64; i++)
            if (isfinite(c->total[i])) tx[m] = c->x[i], ty[m++] = c->total[i];
        plcol0(1);
        plschr(0, 1.3);
        plstring(m, tx, ty, "\xe2\x97\x86");
        plschr(0, 1.0);
        legend_add(lg, PL_LEGEND_SYMBOL, 1, 1, c->total_label);
    }
}

/* }================================================================== */

/* cairo numbers the surfaces of a process in turn ("surface277"), so the
** same chart drawn later would not give the same bytes: the SVG's surface
** names are renumbered from 1 in order of appearance. Returns a new
** buffer (malloc), or NULL when out of memory. */
static char *renumber_surfaces(const char *svg, size_t n, size_t *out_len) {
    static const char tag[] = "surface";
    char *out = malloc(n + 1), *o = out;
    long old[64], k, next = 0;
    size_t i = 0;
    if (out == NULL) return NULL;
    while (i < n) {
        if (i + 7 < n && memcmp(svg + i, tag, 7) == 0 && svg[i + 7] >= '0' && svg[i + 7] <= '9') {
            long v = strtol(svg + i + 7, NULL, 10);
            for (k = 0; k < next && old[k] != v; k++) {}
            if (k == next && next < 64) old[next++] = v;
            o += sprintf(o, "surface%ld", k + 1);
            for (i += 7; i < n && svg[i] >= '0' && svg[i] <= '9'; i++) {}
            continue;
        }
        *o++ = svg[i++];
    }
    *o = '\0';
    *out_len = (size_t)(o - out);
    return out;
}

/* The number of legend entries a chart will have. */
static int count_entries(const rp_chart *c) {
    int s, n = 0;
    for (s = 0; s < c->nser; s++) n += 1 + (c->kind == RP_LINES && c->ser[s].band_label != NULL);
    return n + (c->ref_label != NULL) + (c->kind == RP_STACK && c->total != NULL);
}

int rp_chart_render(vigil_ctx *ctx, const rp_chart *c, const char *device,
                    unsigned char **out, size_t *len) {
    char *buf = NULL;
    size_t n = 0;
    FILE *f;
    legend lg;
    labels lab;
    int plot_h = c->kind == RP_HBARS ? 44 * c->n + 20 : 380;
    int height = page_height(plot_h, count_entries(c));
    double left = c->kind == RP_HBARS ? 0.34 : 0.1, vb, vt;
    *out = NULL;
    *len = 0;
    if (c->n < 1 || c->nser < 1 || c->nser > RP_MAXSER || c->n > 64)
        return vigil_seterr(ctx, VIGIL_EUSAGE, "report: chart %s has no data to draw", c->name);
    if ((f = open_memstream(&buf, &n)) == NULL) return vigil_nomem(ctx, "report chart");
    memset(&lg, 0, sizeof lg);
    lab.lang = c->lang;
    lab.years_x = c->kind != RP_HBARS;
    begin(device, f, height, left, plot_h, &lab, &vb, &vt);
    if (c->kind == RP_LINES) draw_lines(c, &lg);
    else if (c->kind == RP_HBARS) draw_hbars(c, &lg);
    else draw_stack(c, &lg);
    plcol0(1);
    mtex("b", 3.2, 0.5, 0.5, c->xlabel);
    if (c->kind != RP_HBARS) mtex("l", 4.2, 0.5, 0.5, c->ylabel);
    title(c, vb, vt);
    legend_draw(&lg, 16.0 / height);
    plend(); /* the driver closes f (plCloseFile): buf and n are final */
    if (plerr[0]) {
        free(buf);
        return vigil_seterr(ctx, VIGIL_EIO, "report: PLplot (%s): %s", device, plerr);
    }
    if (strcmp(device, "svgcairo") == 0) {
        char *again = renumber_surfaces(buf, n, &n);
        free(buf);
        if ((buf = again) == NULL) return vigil_nomem(ctx, "report chart");
    }
    *out = (unsigned char *)buf;
    *len = n;
    return VIGIL_OK;
}
