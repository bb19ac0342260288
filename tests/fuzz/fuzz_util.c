/*
** Helpers of the fuzz harnesses: a scratch folder, reading and writing
** whole files. Failures abort: they are the harness's, not vigil's.
*/
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

static char tmpdir[256];

/* Removes the scratch folder and its files (no subfolders are made). */
static void remove_tmpdir(void) {
    DIR *d;
    struct dirent *e;
    char path[512];
    if (tmpdir[0] == '\0' || (d = opendir(tmpdir)) == NULL) return;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        snprintf(path, sizeof path, "%s/%s", tmpdir, e->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(tmpdir);
}

const char *fz_tmpdir(void) {
    struct stat st;
    if (tmpdir[0]) return tmpdir;
    snprintf(tmpdir, sizeof tmpdir, "%s/vigil-fuzz-XXXXXX",
             stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) &&
                     access("/dev/shm", W_OK) == 0
                 ? "/dev/shm"
                 : "/tmp");
    if (mkdtemp(tmpdir) == NULL) {
        perror("fuzz: mkdtemp");
        abort();
    }
    atexit(remove_tmpdir);
    return tmpdir;
}

const char *fz_path(char *buf, size_t n, const char *name) {
    snprintf(buf, n, "%s/%s", fz_tmpdir(), name);
    return buf;
}

void fz_write(const char *path, const void *data, size_t n) {
    FILE *f = fopen(path, "wb");
    if (f == NULL || (n && fwrite(data, 1, n, f) != n) || fclose(f) != 0) {
        perror(path);
        abort();
    }
}

char *fz_read(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, len = 0, got;
    if (f == NULL) {
        perror(path);
        abort();
    }
    do {
        if (len + 4096 + 1 > cap) {
            cap = 2 * cap + 4096 + 1;
            if ((buf = realloc(buf, cap)) == NULL) abort();
        }
        got = fread(buf + len, 1, cap - len - 1, f);
        len += got;
    } while (got > 0);
    if (ferror(f)) {
        perror(path);
        abort();
    }
    fclose(f);
    buf[len] = '\0';
    *n = len;
    return buf;
}

const char *fz_source_dir(void) {
    const char *s = getenv("VIGIL_SOURCE");
    return s && *s ? s : VIGIL_SOURCE_DIR;
}
