/*
** `vigil report RUN_OR_BATCH_DIR`: the briefing notes of a run or a batch,
** in English and French, as self-contained HTML and as Markdown with its
** charts (docs/REPORTS.md).
*/
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "vigil/report.h"

static const char *const help =
    "usage: vigil report RUN_OR_BATCH_DIR [--lang en|fr|both] [--format html|md|both]\n"
    "                    [--baseline DIR]\n"
    "\n"
    "Writes the briefing notes of a run (the folder vigil run wrote) into it:\n"
    "  report.en.html, report.fr.html   self-contained: charts inline, no\n"
    "                                   external file, font, script or address\n"
    "  report.en.md, report.fr.md       Markdown, with its charts beside it:\n"
    "  charts/*.svg, charts/*.png       (PLplot)\n"
    "The question and the levers in plain words, the headline numbers with\n"
    "their 90 % intervals, the paths against the baseline, the regions, the\n"
    "decomposition by lever, the supply chains and footprints, the distance\n"
    "to SDG target 8.7, provenance and caveats. For a batch folder: the\n"
    "comparison of its scenarios, and each scenario folder's own note.\n"
    "\n"
    "  --lang L       en, fr or both (default both)\n"
    "  --format F     html, md or both (default both)\n"
    "  --baseline D   compare with the run in folder D (default: the batch's\n"
    "                 baseline, or a folder named baseline beside the run)\n";

typedef struct report_args {
    const char *dir, *lang, *format, *baseline;
} report_args;

static int parse_one(int argc, char **argv, int *i, report_args *a) {
    int got;
    if ((got = vigil_opt_str(argc, argv, i, "--lang", &a->lang)) != 0 ||
        (got = vigil_opt_str(argc, argv, i, "--format", &a->format)) != 0 ||
        (got = vigil_opt_str(argc, argv, i, "--baseline", &a->baseline)) != 0)
        return got < 0 ? vigil_cli_usage("report", "%s needs a value", argv[*i]) : 0;
    if (argv[*i][0] == '-' && argv[*i][1] != '\0')
        return vigil_cli_usage("report", "unknown option '%s'", argv[*i]);
    if (a->dir) return vigil_cli_usage("report", "one folder at a time: '%s'", argv[*i]);
    a->dir = argv[*i];
    return 0;
}

static int parse_format(const char *s, int *formats) {
    if (s == NULL || strcmp(s, "both") == 0) *formats = VIGIL_REPORT_BOTH;
    else if (strcmp(s, "html") == 0) *formats = VIGIL_REPORT_HTML;
    else if (strcmp(s, "md") == 0) *formats = VIGIL_REPORT_MD;
    else return vigil_cli_usage("report", "--format takes html, md or both, not '%s'", s);
    return 0;
}

int vigil_cmd_report(int argc, char **argv) {
    report_args a;
    vigil_report_opts o;
    vigil_ctx *ctx;
    int i, rc;
    memset(&a, 0, sizeof a);
    memset(&o, 0, sizeof o);
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(help, stdout);
            return 0;
        }
        if ((rc = parse_one(argc, argv, &i, &a)) != 0) return rc;
    }
    if (a.dir == NULL) return vigil_cli_usage("report", "which run folder?");
    if (a.lang && strcmp(a.lang, "en") && strcmp(a.lang, "fr") && strcmp(a.lang, "both"))
        return vigil_cli_usage("report", "--lang takes en, fr or both, not '%s'", a.lang);
    if ((rc = parse_format(a.format, &o.formats)) != 0) return rc;
    o.lang = a.lang;
    o.baseline = a.baseline;
    if ((ctx = vigil_open()) == NULL) return 4;
    rc = vigil_report_write_opts(ctx, a.dir, &o);
    if (rc == VIGIL_OK)
        printf("vigil report: %s: report.%s.%s%s\n", a.dir,
               a.lang && strcmp(a.lang, "both") ? a.lang : "{en,fr}",
               o.formats == VIGIL_REPORT_HTML ? "html"
               : o.formats == VIGIL_REPORT_MD ? "md" : "{html,md}",
               o.formats & VIGIL_REPORT_MD ? " and charts/" : "");
    rc = rc == VIGIL_OK ? 0 : vigil_cli_fail(ctx);
    vigil_close(ctx);
    return rc;
}
