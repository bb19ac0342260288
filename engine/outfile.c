/*
** Temporary-name-then-rename output sets. rename(2) within one folder is
** atomic on POSIX file systems, so a reader sees either the old file or
** the complete new one.
*/
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"

int vg_mkdirs(vigil_ctx *ctx, const char *dir) {
    char path[4096];
    size_t i, len = strlen(dir);
    if (len == 0 || len >= sizeof path)
        return vigil_seterr(ctx, VIGIL_EUSAGE, "%s: bad output folder name", dir);
    memcpy(path, dir, len + 1);
    for (i = 1; i <= len; i++) {
        if (path[i] != '/' && path[i] != '\0') continue;
        path[i] = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST)
            return vigil_seterr(ctx, VIGIL_EIO, "%s: cannot create folder: %s",
                                path, strerror(errno));
        path[i] = dir[i];
    }
    {
        struct stat st;
        if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
            return vigil_seterr(ctx, VIGIL_EIO, "%s: not a folder", dir);
    }
    return VIGIL_OK;
}

int vg_out_begin(vigil_ctx *ctx, vg_outset *s, const char *dir) {
    memset(s, 0, sizeof *s);
    if (vg_mkdirs(ctx, dir) != VIGIL_OK) return vigil_errcode(ctx);
    if ((s->dir = vg_strdup(dir)) == NULL) return vigil_nomem(ctx, dir);
    return VIGIL_OK;
}

static char *join(const char *dir, const char *a, const char *b) {
    size_t n = strlen(dir) + strlen(a) + strlen(b) + 2;
    char *p = vg_malloc(n);
    if (p) snprintf(p, n, "%s/%s%s", dir, a, b);
    return p;
}

int vg_out_open(vigil_ctx *ctx, vg_outset *s, const char *name, FILE **f) {
    char suffix[64];
    int i = s->n;
    *f = NULL;
    if (i == VG_OUT_MAX)
        return vigil_seterr(ctx, VIGIL_EIO, "%s: too many output files", s->dir);
    snprintf(suffix, sizeof suffix, ".tmp.%ld", (long)getpid());
    s->final[i] = join(s->dir, name, "");
    s->tmp[i] = join(s->dir, name, suffix);
    s->n++;
    if (s->final[i] == NULL || s->tmp[i] == NULL) return vigil_nomem(ctx, name);
    s->f[i] = fopen(s->tmp[i], "wb");
    if (s->f[i] == NULL)
        return vigil_seterr(ctx, VIGIL_EIO, "%s: cannot write: %s", s->final[i],
                            strerror(errno));
    *f = s->f[i];
    return VIGIL_OK;
}

/*
** Why writing f failed, as an errno value, or 0 when it did not. The
** writes were the callers' (fprintf, fputs ...), unchecked, and their errno
** is long gone; the stream keeps only a flag. A flush of what is still
** buffered fails again with the cause (a disk that is still full). When
** nothing is (glibc drops the bytes a failed write could not place), one
** more byte is written to ask again: the file is a temporary that
** vg_out_commit removes anyway. EIO if the cause has gone meanwhile.
*/
static int write_error(FILE *f) {
    errno = 0;
    if (fflush(f) != 0) return errno ? errno : EIO;
    if (!ferror(f)) return 0;
    clearerr(f);
    errno = 0;
    if (fputc('\n', f) == EOF || fflush(f) != 0) return errno ? errno : EIO;
    return EIO;
}

/* Closes f; returns the errno of its first failure (see write_error), or 0. */
static int close_file(FILE *f) {
    int err = write_error(f);
    errno = 0;
    if (fclose(f) != 0 && err == 0) err = errno ? errno : EIO;
    return err;
}

int vg_out_commit(vigil_ctx *ctx, vg_outset *s) {
    int i, rc = VIGIL_OK;
    for (i = 0; i < s->n; i++) {
        int err = close_file(s->f[i]);
        if (err != 0 && rc == VIGIL_OK)
            rc = vigil_seterr(ctx, VIGIL_EIO, "%s: write failed: %s",
                              s->final[i], strerror(err));
        s->f[i] = NULL;
    }
    for (i = 0; rc == VIGIL_OK && i < s->n; i++)
        if (rename(s->tmp[i], s->final[i]) != 0)
            rc = vigil_seterr(ctx, VIGIL_EIO, "%s: cannot rename: %s", s->final[i],
                              strerror(errno));
        else {
            vg_free(s->tmp[i]);
            s->tmp[i] = NULL;
        }
    vg_out_abort(s);
    return rc;
}

void vg_out_abort(vg_outset *s) {
    int i;
    for (i = 0; i < s->n; i++) {
        if (s->f[i]) fclose(s->f[i]);
        if (s->tmp[i]) unlink(s->tmp[i]);
        vg_free(s->tmp[i]);
        vg_free(s->final[i]);
        s->f[i] = NULL;
        s->tmp[i] = s->final[i] = NULL;
    }
    vg_free(s->dir);
    s->dir = NULL;
    s->n = 0;
}
