/*
** Labelled numeric matrices in CSV: a header row of column labels (its
** first cell names the row-label column), then one row per label with a
** number in every column. This is the layout of every table of a world
** (Z, Y, x, F ...). The reader checks shape, labels and numbers and stops
** at the first problem with a file:line:col message.
*/
#ifndef VIGIL_MATCSV_H
#define VIGIL_MATCSV_H

#include "vigil_int.h"

typedef struct vg_matcsv {
    long ncol;
    char **col;   /* column labels, from vg_malloc */
    long nrow;
    char **row;   /* row labels, from vg_malloc */
    long *line;   /* the line of each row in the file */
    double *v;    /* nrow x ncol, row-major, from vg_malloc */
} vg_matcsv;

typedef struct vg_matcsv_spec {
    /* Expected row labels, in order (NULL: any distinct labels). Borrowed. */
    const char *const *rows;
    long nrows;
    /* Expected column labels, in order (NULL: any distinct labels). */
    const char *const *cols;
    long ncols;
    const char *labels_from; /* the file the expected labels come from */
    const char *cols_from;   /* ... the expected column labels, if another */
    int rows_are_cols;       /* rows must repeat this file's own header */
    int nonneg;              /* a negative number is an error */
    const char *what;        /* what a number is, for messages ("flow") */
} vg_matcsv_spec;

/* Reads path into out (zeroed first). On error, records the message, frees
** what was read and returns VIGIL_EDATA, VIGIL_EIO or VIGIL_ENOMEM.
** The caller frees a successful result with vg_matcsv_free. */
int vg_matcsv_read(vigil_ctx *ctx, const char *path,
                   const vg_matcsv_spec *spec, vg_matcsv *out);
void vg_matcsv_free(vg_matcsv *m);

#endif
