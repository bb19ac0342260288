/*
** Briefing notes: from the files of a run (or of a batch) to a note a
** policy officer can forward, in English and French, as self-contained
** HTML and as Markdown with its charts beside it (docs/REPORTS.md).
*/
#ifndef VIGIL_REPORT_H
#define VIGIL_REPORT_H

#include "vigil/vigil.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Formats, to be or-ed. */
enum { VIGIL_REPORT_HTML = 1, VIGIL_REPORT_MD = 2, VIGIL_REPORT_BOTH = 3 };

typedef struct vigil_report_opts {
    const char *lang;      /* "en", "fr" or "both" (NULL: both) */
    int formats;           /* VIGIL_REPORT_* (0: both) */
    const char *baseline;  /* a baseline run folder to compare with (NULL:
                              the batch's, or a "baseline" folder beside) */
    const char *catalogue; /* messages.csv (NULL: scenarios/data/i18n) */
} vigil_report_opts;

/* Writes the notes of run_dir into it: report.<lang>.html and, with
** Markdown, report.<lang>.md and charts/<chart>.<lang>.svg and .png. All
** or nothing (the files appear together, complete). When run_dir is a
** batch folder (scenario folders, comparison.csv), writes the batch note
** comparing the scenarios, and each scenario folder's own note: vigil
** batch calls it once, on the batch folder, when every scenario is done.
** PLplot is not thread-safe: one call at a time per process. */
int vigil_report_write(vigil_ctx *ctx, const char *run_dir, const char *lang, int formats);
int vigil_report_write_opts(vigil_ctx *ctx, const char *run_dir,
                            const vigil_report_opts *opts);

#ifdef __cplusplus
}
#endif
#endif
