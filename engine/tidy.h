/*
** Tidy tables: CSV files with a header of named columns and one record per
** row (labour baselines, concordances, world settings). Columns are found
** by name, so files may carry extra columns (sources, notes) and any
** column order. Every value keeps its line and column for messages.
*/
#ifndef VIGIL_TIDY_H
#define VIGIL_TIDY_H

#include "vigil_int.h"

typedef struct vg_tidy {
    char *path;     /* from vg_malloc */
    long ncol;
    char **head;    /* column names */
    long nrow;
    char **cell;    /* nrow x ncol strings, from vg_malloc */
    long *line;     /* line of each row */
} vg_tidy;

/* Reads path. Every name in required (NULL-terminated list) must be a
** column, else "path:1:1: missing column 'x'"; rows must have as many
** fields as the header. Returns VIGIL_OK or a status with the message. */
int vg_tidy_read(vigil_ctx *ctx, const char *path, const char *const *required,
                 vg_tidy *out);
void vg_tidy_free(vg_tidy *t);

/* Index of a column by name, or -1. */
long vg_tidy_col(const vg_tidy *t, const char *name);
/* The text at (row, col); "" when col < 0. Borrowed. */
const char *vg_tidy_str(const vg_tidy *t, long row, long col);
/* The number at (row, col), or an error naming file:line:col. */
int vg_tidy_num(vigil_ctx *ctx, const vg_tidy *t, long row, long col, double *out);
/* Records "file:line:col: message" for a cell and returns code. */
int vg_tidy_err(vigil_ctx *ctx, const vg_tidy *t, long row, long col, int code,
                const char *fmt, ...) VIGIL_PRINTF(6, 7);

#endif
