/*
** All-or-nothing output: a set of files written under temporary names in
** the destination folder and renamed only when every one of them is
** complete, so that an error or a kill never leaves a partial file with a
** final name (DESIGN.md section 8).
*/
#ifndef VIGIL_OUTFILE_H
#define VIGIL_OUTFILE_H

#include <stdio.h>

#include "vigil_int.h"

#define VG_OUT_MAX 32

typedef struct vg_outset {
    char *dir;
    int n;
    FILE *f[VG_OUT_MAX];
    char *tmp[VG_OUT_MAX];   /* from vg_malloc */
    char *final[VG_OUT_MAX]; /* from vg_malloc */
} vg_outset;

/* Starts a set writing into dir, creating it (and its parents) if missing. */
int vg_out_begin(vigil_ctx *ctx, vg_outset *s, const char *dir);
/* Opens dir/name under a temporary name; *f is borrowed until commit. */
int vg_out_open(vigil_ctx *ctx, vg_outset *s, const char *name, FILE **f);
/* Closes every file, checking for write errors (disk full ...), then
** renames them all. On failure removes the temporaries. */
int vg_out_commit(vigil_ctx *ctx, vg_outset *s);
/* Removes every temporary file and frees the set. Safe after commit. */
void vg_out_abort(vg_outset *s);

/* Creates a directory and its parents (mkdir -p). */
int vg_mkdirs(vigil_ctx *ctx, const char *dir);

#endif
