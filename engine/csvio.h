/*
** CSV reading and writing. Reading streams a file through libcsv and
** reports every field with its physical line and column, so that each
** error can name file:line:col (libcsv itself counts neither). Writing
** quotes only where needed and prints doubles so that strtod gives back
** the same value.
*/
#ifndef VIGIL_CSVIO_H
#define VIGIL_CSVIO_H

#include <stdio.h>

#include "vigil_int.h"

/* A field longer than this many MiB is refused (VIGIL_EDATA): no label or
** number comes near, and libcsv holds a field whole in memory until it
** ends. The environment variable VIGIL_MAX_FIELD_MIB (1 to 1024) raises
** it (docs/SECURITY.md, limits). */
#define VG_CSV_MAX_FIELD_MIB 1

/* Callbacks of a streaming read. Each returns VIGIL_OK to go on, or a
** status (after vigil_seterr) to stop the read with that status. */
typedef struct vg_csv_cb {
    /* One field: NUL-terminated text s of length len, at 1-based line
    ** (where the field starts) and column (field number in its record). */
    int (*field)(void *ud, const char *s, size_t len, long line, long col);
    /* End of a record that started at `line` and had `nfields` fields.
    ** Blank lines make no record. */
    int (*record)(void *ud, long line, long nfields);
    void *ud;
} vg_csv_cb;

/* Reads the file at path (a UTF-8 BOM is skipped, CRLF and LF are both
** accepted) and calls cb for every field and record. Returns VIGIL_OK, the
** status a callback returned, VIGIL_EIO when the file cannot be read,
** VIGIL_EDATA on malformed CSV (an unterminated quote ...), on a NUL byte
** (refused where it is read: no field holds one) or on a field longer than
** the limit, or VIGIL_EUSAGE when VIGIL_MAX_FIELD_MIB is not a valid
** limit. */
int vg_csv_read(vigil_ctx *ctx, const char *path, const vg_csv_cb *cb);

/* Parses a whole field as a finite double. Leading and trailing blanks are
** allowed. On failure records "path:line:col: ..." and returns VIGIL_EDATA. */
int vg_csv_number(vigil_ctx *ctx, const char *path, long line, long col,
                  const char *s, double *out);

/* Formats v in the shortest form that strtod reads back exactly. buf must
** hold at least 32 bytes. Returns buf. */
char *vg_fmt_double(char *buf, double v);

/* Writes one CSV field to f, quoted only when it holds a comma, a quote or
** a line break. Returns 0, or EOF on a write error. */
int vg_csv_put_field(FILE *f, const char *s);

#endif
