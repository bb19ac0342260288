/*
** Importers: published or hand-made tables converted to vigil's canonical
** layout (docs/FORMATS.md), so that `vigil mrio` and the scenario engine
** can read them. Each importer reads its source completely into a
** vg_canon; vg_canon_write then writes the set of files all-or-nothing.
** The layouts and their sources are described in docs/IMPORT.md.
*/
#ifndef VIGIL_IMPORT_H
#define VIGIL_IMPORT_H

#include "vigil_int.h"

/* A table in the canonical layout, in memory. Every pointer is from
** vg_malloc; free with vg_canon_free. */
typedef struct vg_canon {
    long n;           /* cells, REGION_SECTOR */
    char **cell;      /* n labels */
    long ny;          /* final-demand columns, REGION_CATEGORY */
    char **ycol;      /* ny labels */
    long nf;          /* stressors */
    char **stressor;  /* nf labels */
    double *Z;        /* n x n, row-major */
    double *Y;        /* n x ny */
    double *x;        /* n gross outputs, or NULL: x.csv is not written */
    double *F;        /* nf x n, or NULL when nf == 0 */
    double *FY;       /* nf x ny, or NULL: F_Y.csv is not written */
    char *note;       /* what the import changed, for the user (or NULL) */
} vg_canon;

/* Options of the ICIO importer. */
typedef struct vg_icio_opts {
    int keep_splits;  /* keep CN1/CN2/MX1/MX2 as regions (default: merge) */
} vg_icio_opts;

/* Reads an OECD ICIO table in its published CSV layout (the 2018, 2021
** and 2023 editions; docs/IMPORT.md) into out (zeroed first). Returns
** VIGIL_OK, or VIGIL_EDATA with a "path:line:col: message" error,
** VIGIL_EIO or VIGIL_ENOMEM; out is then empty. */
int vg_import_icio(vigil_ctx *ctx, const char *path, const vg_icio_opts *opts,
                   vg_canon *out);

/* Reads a long table, one flow per row (`from,to,value[,kind]`,
** docs/IMPORT.md), into out. Same contract as vg_import_icio. */
int vg_import_csv(vigil_ctx *ctx, const char *path, vg_canon *out);

/* Writes t into dir (created if missing) as Z.csv, Y.csv and, when
** present, x.csv, F.csv and F_Y.csv. Nothing is written unless every file
** is complete. A canonical file already in dir that this set does not
** replace is an error (VIGIL_EUSAGE): it would be read with the new ones.
** Returns VIGIL_OK, VIGIL_EUSAGE, VIGIL_EIO or VIGIL_ENOMEM. */
int vg_canon_write(vigil_ctx *ctx, const vg_canon *t, const char *dir);

/* The number of distinct regions among t's cells. */
long vg_canon_nregions(const vg_canon *t);

/* Frees what t holds and zeroes it; accepts NULL. */
void vg_canon_free(vg_canon *t);

#endif
