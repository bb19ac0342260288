/*
** Shared declarations of the fuzz harnesses (tests/fuzz/README.md). Each
** harness defines the two libFuzzer entry points below; the same harness
** links either with libFuzzer (scripts/fuzz: clang -fsanitize=fuzzer) or
** with replay.c, which runs it over a corpus without libFuzzer (the ctest
** cases of tests/fuzz.cmake, in the normal and the ASan build).
*/
#ifndef VIGIL_FUZZ_H
#define VIGIL_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "vigil/vigil.h"

/* libFuzzer's entry points. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A private scratch folder for this process (in /dev/shm when there is
** one), created on first use and removed at exit with what it holds. */
const char *fz_tmpdir(void);
/* fz_tmpdir()/name, in a static buffer of its own per call site (buf). */
const char *fz_path(char *buf, size_t n, const char *name);
/* Writes n bytes to path (truncating); 0 on success. Aborts on failure:
** a harness that cannot write its input tests nothing. */
void fz_write(const char *path, const void *data, size_t n);
/* Reads a whole file into a new NUL-terminated buffer (malloc); *n gets
** its length. Aborts when the file cannot be read. */
char *fz_read(const char *path, size_t *n);
/* The source tree: $VIGIL_SOURCE, else the one the harness was built from. */
const char *fz_source_dir(void);

#endif
