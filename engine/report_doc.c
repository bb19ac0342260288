/*
** One text written as HTML and as Markdown at once (report.h). The HTML
** is self-contained: its style sheet is inline, its charts are SVG in
** data: URIs, it names no font, script, file or address outside itself.
** The Markdown points to its charts beside it, charts/<name>.<lang>.svg,
** with a PNG of each for viewers without SVG.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

static const char *const css =
    "body{font-family:\"DejaVu Sans\",\"Segoe UI\",Helvetica,Arial,sans-serif;color:#1b1b1b;"
    "background:#fff;line-height:1.5;margin:0}\n"
    "main{max-width:62rem;margin:0 auto;padding:1.5rem 2rem 3rem}\n"
    "h1{font-size:1.75rem;line-height:1.25;margin:0 0 .3rem}\n"
    "h2{font-size:1.3rem;border-bottom:2px solid #0072B2;padding-bottom:.2rem;margin:2.2rem 0 .8rem}\n"
    "h3{font-size:1.1rem;margin:1.6rem 0 .5rem}\n"
    ".sub{color:#4a4a4a;margin:0 0 1rem}\n"
    ".banner{border:3px solid #D55E00;background:#fff3ea;color:#6b2800;font-size:1.2rem;"
    "font-weight:bold;padding:.8rem 1rem;margin:1rem 0 1.4rem}\n"
    "table{border-collapse:collapse;width:100%;margin:.4rem 0 1.4rem;font-size:.92rem}\n"
    "caption{text-align:left;font-size:.86rem;color:#444;padding:0 0 .35rem}\n"
    "th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}\n"
    "th{background:#eef3f7}\n"
    "td.r,th.r{text-align:right;font-variant-numeric:tabular-nums}\n"
    "td.r{white-space:nowrap}\n"
    "td:first-child{min-width:11rem}\n"
    "#table-comparison td{font-size:.9rem}\n"
    "tbody tr:nth-child(even){background:#fafafa}\n"
    "figure{margin:1rem 0 1.6rem}\n"
    "figure img{display:block;width:100%;height:auto;border:1px solid #e3e3e3}\n"
    "figcaption{font-size:.86rem;color:#444;margin-top:.3rem}\n"
    ".v{font-style:italic}\n"
    "code{font-family:\"DejaVu Sans Mono\",monospace;font-size:.86em;background:#f3f3f3;"
    "padding:0 .2em;overflow-wrap:anywhere}\n"
    ".note{font-size:.86rem;color:#444}\n"
    "ul{padding-left:1.3rem}li{margin:.25rem 0}\n"
    "footer{margin-top:2.5rem;font-size:.8rem;color:#666}\n"
    "@media print{main{max-width:none;padding:0}h2,h3{break-after:avoid}"
    "figure,table,.banner{break-inside:avoid}}\n";

/* {==================================================================
** Text with its marks
** =================================================================== */

/* Writes s to f: for HTML with its marks as elements and & < > " escaped
** (marks left open are closed at the end); for Markdown with the marks
** of Markdown, and in a table cell with | escaped. */
static void text(FILE *f, const char *s, int html, int cell) {
    int bold = 0, code = 0, verb = 0;
    for (; s && *s; s++) {
        if (s[0] == '*' && s[1] == '*' && !code) {
            fputs(html ? (bold ? "</strong>" : "<strong>") : "**", f);
            bold = !bold;
            s++;
        } else if (*s == '`') {
            fputs(html ? (code ? "</code>" : "<code>") : "`", f);
            code = !code;
        } else if (*s == RP_V[0] || *s == RP_VEND[0]) {
            if (html && (*s == RP_V[0]) != verb) fputs(verb ? "</span>" : "<span class=\"v\">", f);
            verb = *s == RP_V[0];
        } else if (html && (*s == '&' || *s == '<' || *s == '>' || *s == '"')) {
            fputs(*s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : "&quot;", f);
        } else if (!html && cell && *s == '|') {
            fputs("\\|", f);
        } else if (*s == '\n' && html && cell) {
            fputs("<br>", f); /* a line break inside a table cell */
        } else if ((unsigned char)*s < 0x20) {
            fputc(' ', f);
        } else {
            fputc(*s, f);
        }
    }
    if (html) {
        if (code) fputs("</code>", f);
        if (bold) fputs("</strong>", f);
        if (verb) fputs("</span>", f);
    } else {
        if (code) fputc('`', f);
        if (bold) fputs("**", f);
    }
}

/* Plain text for an attribute (alt, title): marks dropped, escaped. */
static void attr(FILE *f, const char *s) {
    for (; s && *s; s++) {
        if (*s == '*' || *s == '`' || (unsigned char)*s < 0x20) continue;
        if (*s == '&' || *s == '<' || *s == '>' || *s == '"')
            fputs(*s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : "&quot;", f);
        else fputc(*s, f);
    }
}

/* }================================================================== */

static int live(const rp_doc *d) { return d->rc == VIGIL_OK; }

void rp_doc_begin(rp_doc *d, const char *title, const char *subtitle) {
    if (!live(d)) return;
    if (d->html) {
        fprintf(d->html, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
                d->lang == VG_FR ? "fr" : "en");
        attr(d->html, title);
        fprintf(d->html, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n<header>\n<h1>", css);
        text(d->html, title, 1, 0);
        fputs("</h1>\n<p class=\"sub\">", d->html);
        text(d->html, subtitle, 1, 0);
        fputs("</p>\n</header>\n", d->html);
    }
    if (d->md) {
        fputs("# ", d->md);
        text(d->md, title, 0, 0);
        fputs("\n\n_", d->md);
        text(d->md, subtitle, 0, 0);
        fputs("_\n\n", d->md);
    }
}

void rp_doc_end(rp_doc *d) {
    if (!live(d)) return;
    if (d->html) fputs("</main>\n</body>\n</html>\n", d->html);
}

void rp_h(rp_doc *d, int level, const char *id, const char *s) {
    if (!live(d)) return;
    if (d->html) {
        fprintf(d->html, "<h%d id=\"%s\">", level, id);
        text(d->html, s, 1, 0);
        fprintf(d->html, "</h%d>\n", level);
    }
    if (d->md) {
        fprintf(d->md, "%.*s ", level, "######");
        text(d->md, s, 0, 0);
        fputs("\n\n", d->md);
    }
}

/* A paragraph of class cls (NULL: none). */
static void para(rp_doc *d, const char *cls, const char *s) {
    if (!live(d)) return;
    if (d->html) {
        if (cls) fprintf(d->html, "<p class=\"%s\">", cls);
        else fputs("<p>", d->html);
        text(d->html, s, 1, 0);
        fputs("</p>\n", d->html);
    }
    if (d->md) {
        if (cls && strcmp(cls, "banner") == 0) fputs("> ", d->md);
        text(d->md, s, 0, 0);
        fputs("\n\n", d->md);
    }
}

void rp_p(rp_doc *d, const char *s) { para(d, NULL, s); }
void rp_note(rp_doc *d, const char *s) { para(d, "note", s); }

void rp_banner(rp_doc *d, const char *s) {
    if (!live(d)) return;
    if (d->html) {
        fputs("<div class=\"banner\" role=\"note\">", d->html);
        text(d->html, s, 1, 0);
        fputs("</div>\n", d->html);
    }
    if (d->md) {
        fputs("> **", d->md);
        text(d->md, s, 0, 0);
        fputs("**\n\n", d->md);
    }
}

void rp_ul_begin(rp_doc *d) {
    if (live(d) && d->html) fputs("<ul>\n", d->html);
}

void rp_li(rp_doc *d, const char *s) {
    if (!live(d)) return;
    if (d->html) {
        fputs("<li>", d->html);
        text(d->html, s, 1, 0);
        fputs("</li>\n", d->html);
    }
    if (d->md) {
        fputs("- ", d->md);
        text(d->md, s, 0, 0);
        fputc('\n', d->md);
    }
}

void rp_ul_end(rp_doc *d) {
    if (!live(d)) return;
    if (d->html) fputs("</ul>\n", d->html);
    if (d->md) fputc('\n', d->md);
}

/* {==================================================================
** Tables
** =================================================================== */

static const char *align_of(const rp_doc *d, int k) {
    return d->sb.p && k < (int)d->sb.n && d->sb.p[k] == 'r' ? " class=\"r\"" : "";
}

void rp_table_begin(rp_doc *d, const char *id, const char *caption, int ncol,
                    const char *const *head, const char *align) {
    int k;
    if (!live(d)) return;
    d->ncol = ncol;
    vg_sb_reset(&d->sb);
    vg_sb_puts(&d->sb, align);
    if (d->html) {
        fprintf(d->html, "<table id=\"%s\">\n", id);
        if (caption) {
            fputs("<caption>", d->html);
            text(d->html, caption, 1, 0);
            fputs("</caption>\n", d->html);
        }
        fputs("<thead><tr>", d->html);
        for (k = 0; k < ncol; k++) {
            fprintf(d->html, "<th%s>", align_of(d, k));
            text(d->html, head[k], 1, 0);
            fputs("</th>", d->html);
        }
        fputs("</tr></thead>\n<tbody>\n", d->html);
    }
    if (d->md) {
        if (caption) {
            fputc('_', d->md);
            text(d->md, caption, 0, 0);
            fputs("_\n\n", d->md);
        }
        for (k = 0; k < ncol; k++) {
            fputs("| ", d->md);
            text(d->md, head[k], 0, 1);
            fputc(' ', d->md);
        }
        fputs("|\n", d->md);
        for (k = 0; k < ncol; k++) fputs(align[k] == 'r' ? "|---:" : "|---", d->md);
        fputs("|\n", d->md);
    }
}

void rp_table_row(rp_doc *d, const char *const *cells) {
    int k;
    if (!live(d)) return;
    if (d->html) {
        fputs("<tr>", d->html);
        for (k = 0; k < d->ncol; k++) {
            fprintf(d->html, "<td%s>", align_of(d, k));
            text(d->html, cells[k], 1, 1);
            fputs("</td>", d->html);
        }
        fputs("</tr>\n", d->html);
    }
    if (d->md) {
        for (k = 0; k < d->ncol; k++) {
            fputs("| ", d->md);
            text(d->md, cells[k], 0, 1);
            fputc(' ', d->md);
        }
        fputs("|\n", d->md);
    }
}

void rp_table_end(rp_doc *d) {
    if (!live(d)) return;
    if (d->html) fputs("</tbody>\n</table>\n", d->html);
    if (d->md) fputc('\n', d->md);
}

/* }================================================================== */

/* {==================================================================
** Figures
** =================================================================== */

static void base64(FILE *f, const unsigned char *p, size_t n) {
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t i;
    for (i = 0; i + 2 < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8 | p[i + 2];
        fputc(b64[v >> 18], f), fputc(b64[(v >> 12) & 63], f);
        fputc(b64[(v >> 6) & 63], f), fputc(b64[v & 63], f);
    }
    if (n - i == 1) {
        unsigned v = (unsigned)p[i] << 16;
        fputc(b64[v >> 18], f), fputc(b64[(v >> 12) & 63], f), fputs("==", f);
    } else if (n - i == 2) {
        unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8;
        fputc(b64[v >> 18], f), fputc(b64[(v >> 12) & 63], f);
        fputc(b64[(v >> 6) & 63], f), fputc('=', f);
    }
}

/* Writes a chart file of the Markdown into the output set. */
static int chart_file(rp_doc *d, const char *name, const char *ext, const unsigned char *p,
                      size_t n) {
    char path[256];
    FILE *f;
    int rc;
    snprintf(path, sizeof path, "charts/%s.%s.%s", name, d->lang == VG_FR ? "fr" : "en", ext);
    if ((rc = vg_out_open(d->ctx, d->set, path, &f)) != VIGIL_OK) return rc;
    fwrite(p, 1, n, f);
    return VIGIL_OK;
}

static void figure_md(rp_doc *d, const rp_chart *c, const char *caption) {
    const char *l = d->lang == VG_FR ? "fr" : "en";
    fputs("![", d->md);
    text(d->md, c->title, 0, 0);
    fprintf(d->md, "](charts/%s.%s.svg)\n\n", c->name, l);
    text(d->md, caption, 0, 0);
    vg_sb_reset(&d->sb);
    vg_sb_printf(&d->sb, "[charts/%s.%s.png](charts/%s.%s.png)", c->name, l, c->name, l);
    fputs(vg_cat_get(d->cat, d->lang, "fig.png_label"), d->md);
    fprintf(d->md, "%s)\n\n", vg_sb_str(&d->sb));
}

void rp_figure(rp_doc *d, const rp_chart *c, const char *caption) {
    unsigned char *svg = NULL, *png = NULL;
    size_t nsvg = 0, npng = 0;
    if (!live(d)) return;
    d->rc = rp_chart_render(d->ctx, c, "svgcairo", &svg, &nsvg);
    if (live(d) && d->md) d->rc = rp_chart_render(d->ctx, c, "pngcairo", &png, &npng);
    if (live(d) && d->md) d->rc = chart_file(d, c->name, "svg", svg, nsvg);
    if (live(d) && d->md) d->rc = chart_file(d, c->name, "png", png, npng);
    if (live(d) && d->html) {
        fprintf(d->html, "<figure id=\"chart-%s\">\n<img alt=\"", c->name);
        attr(d->html, c->title);
        fprintf(d->html, "\" width=\"1000\" src=\"data:image/svg+xml;base64,");
        base64(d->html, svg, nsvg);
        fputs("\">\n<figcaption>", d->html);
        text(d->html, caption, 1, 0);
        fputs("</figcaption>\n</figure>\n", d->html);
    }
    if (live(d) && d->md) figure_md(d, c, caption);
    free(svg);
    free(png);
}

/* }================================================================== */
