/*
** vigil: trade-policy scenario simulator for SDG target 8.7.
** Public API: context, status codes, version. See README.md.
*/
#ifndef VIGIL_VIGIL_H
#define VIGIL_VIGIL_H

#ifdef __cplusplus
extern "C" {
#endif

#define VIGIL_VERSION "0.1.0"

/* Status codes. Every fallible function returns one; the message with its
** location is kept on the context (vigil_errmsg). */
enum vigil_status {
    VIGIL_OK = 0,
    VIGIL_EUSAGE = 1,  /* bad command-line use or bad API argument */
    VIGIL_EDATA = 2,   /* bad input data: a table, a concordance */
    VIGIL_ESCRIPT = 3, /* a scenario script failed or is invalid */
    VIGIL_ENOMEM = 4,  /* out of memory */
    VIGIL_EIO = 5,     /* a file could not be read or written */
    VIGIL_ENUM = 6     /* a numerical failure (singular matrix ...) */
};

/* One context per thread of work: it holds the last error. */
typedef struct vigil_ctx vigil_ctx;

/* Returns a new context, or NULL when out of memory. Free with vigil_close. */
vigil_ctx *vigil_open(void);
/* Frees the context; accepts NULL. */
void vigil_close(vigil_ctx *ctx);

/* The last error message ("" when none); borrowed, valid until the next
** call that fails on this context. */
const char *vigil_errmsg(const vigil_ctx *ctx);
/* The last status code (VIGIL_OK when none). */
int vigil_errcode(const vigil_ctx *ctx);
/* Forgets the last error. */
void vigil_clearerr(vigil_ctx *ctx);

/* The process exit code for a status: 0 ok, 1 usage, 2 bad input data,
** 3 scenario error, 4 system failure (memory, I/O, numerics). */
int vigil_exit_code(int status);

#ifdef __cplusplus
}
#endif
#endif
