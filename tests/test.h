/*
** A minimal test harness (in the spirit of GSL's gsl_test and cmocka):
** CHECK for conditions, CHECK_REL for numbers with an explicit relative
** tolerance, CHECK_STR for exact messages. test_done() prints the summary
** line "N passed, N failed" and returns the exit code.
*/
#ifndef VIGIL_TEST_H
#define VIGIL_TEST_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_pass, test_fail;

#define CHECK(cond) test_check(!!(cond), #cond, __FILE__, __LINE__)
#define CHECK_REL(a, b, tol) test_rel((a), (b), (tol), #a, __FILE__, __LINE__)
#define CHECK_ABS(a, b, tol) test_abs((a), (b), (tol), #a, __FILE__, __LINE__)
#define CHECK_STR(a, b) test_str((a), (b), #a, __FILE__, __LINE__)

static inline int test_check(int ok, const char *what, const char *f, int l) {
    if (ok) test_pass++;
    else { test_fail++; fprintf(stderr, "%s:%d: FAILED: %s\n", f, l, what); }
    return ok;
}

/* |a - b| <= tol * max(|a|, |b|), or both zero. */
static inline int test_rel(double a, double b, double tol, const char *what,
                           const char *f, int l) {
    double scale = fmax(fabs(a), fabs(b));
    int ok = (a == b) || fabs(a - b) <= tol * scale;
    if (!ok)
        fprintf(stderr, "%s:%d: FAILED: %s = %.17g, expected %.17g (rel %.3g > %.3g)\n",
                f, l, what, a, b, fabs(a - b) / scale, tol);
    return test_check(ok, what, f, l) || 0;
}

static inline int test_abs(double a, double b, double tol, const char *what,
                           const char *f, int l) {
    int ok = fabs(a - b) <= tol;
    if (!ok)
        fprintf(stderr, "%s:%d: FAILED: %s = %.17g, expected %.17g (abs tol %.3g)\n",
                f, l, what, a, b, tol);
    return test_check(ok, what, f, l) || 0;
}

static inline int test_str(const char *a, const char *b, const char *what,
                           const char *f, int l) {
    int ok = a && b && strcmp(a, b) == 0;
    if (!ok)
        fprintf(stderr, "%s:%d: FAILED: %s\n   got: %s\n  want: %s\n", f, l, what,
                a ? a : "(null)", b ? b : "(null)");
    return test_check(ok, what, f, l) || 0;
}

/* Prints the summary and returns the exit code (77 = skipped, for ctest). */
static inline int test_done(void) {
    printf("%d passed, %d failed\n", test_pass, test_fail);
    return test_fail ? 1 : 0;
}

static inline int test_skip(const char *why) {
    printf("SKIPPED: %s\n", why);
    return 77;
}

#endif
