/*
** Runs a fuzz harness over corpus files without libFuzzer: the ctest cases
** fuzz.<harness> (tests/fuzz.cmake) replay every seed and every regression
** input, in the normal build and under ASan + UBSan + LeakSanitizer.
**
** usage: replay_<harness> FILE|FOLDER...   (a folder: its files, sorted)
** Prints each input's name before running it (so that a crash names its
** input) when VIGIL_FUZZ_VERBOSE is set, and a summary line at the end.
*/
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static long ninputs;
static int verbose;

static void run_file(const char *path) {
    size_t n;
    char *data = fz_read(path, &n);
    if (verbose) fprintf(stderr, "replay: %s (%zu bytes)\n", path, n);
    LLVMFuzzerTestOneInput((const uint8_t *)data, n);
    free(data);
    ninputs++;
}

static int cmp_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file of a folder, in name order (not recursive). */
static int run_dir(const char *dir) {
    DIR *d = opendir(dir);
    struct dirent *e;
    char **name = NULL, path[4096];
    size_t n = 0, cap = 0, i;
    struct stat st;
    if (d == NULL) {
        perror(dir);
        return 1;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            if ((name = realloc(name, cap * sizeof *name)) == NULL) abort();
        }
        if ((name[n++] = strdup(e->d_name)) == NULL) abort();
    }
    closedir(d);
    qsort(name, n, sizeof *name, cmp_name);
    for (i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, name[i]);
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) run_file(path);
        free(name[i]);
    }
    free(name);
    return 0;
}

int main(int argc, char **argv) {
    struct stat st;
    int i, rc = 0;
    verbose = getenv("VIGIL_FUZZ_VERBOSE") != NULL;
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE|FOLDER...\n", argv[0]);
        return 2;
    }
    LLVMFuzzerInitialize(&argc, &argv);
    for (i = 1; i < argc; i++) {
        if (stat(argv[i], &st) != 0) {
            perror(argv[i]);
            rc = 1;
        } else if (S_ISDIR(st.st_mode)) {
            rc |= run_dir(argv[i]);
        } else {
            run_file(argv[i]);
        }
    }
    printf("replayed %ld inputs\n", ninputs);
    if (ninputs == 0) {
        fprintf(stderr, "replay: no inputs\n");
        rc = 1;
    }
    return rc;
}
