/*
** The context and its error state (cf. SQLite's sqlite3ErrorWithMsg and
** sqlite3_errmsg): library code never prints, it records.
*/
#include <stdarg.h>
#include <stdio.h>

#include "vigil_int.h"

vigil_ctx *vigil_open(void) {
    vigil_ctx *ctx = vg_calloc(1, sizeof *ctx);
    return ctx;
}

void vigil_close(vigil_ctx *ctx) { vg_free(ctx); }

const char *vigil_errmsg(const vigil_ctx *ctx) {
    return ctx ? ctx->msg : "out of memory";
}

int vigil_errcode(const vigil_ctx *ctx) {
    return ctx ? ctx->code : VIGIL_ENOMEM;
}

void vigil_clearerr(vigil_ctx *ctx) {
    ctx->code = VIGIL_OK;
    ctx->msg[0] = '\0';
}

int vigil_seterr(vigil_ctx *ctx, int code, const char *fmt, ...) {
    va_list ap;
    if (ctx == NULL) return code;
    ctx->code = code;
    va_start(ap, fmt);
    vsnprintf(ctx->msg, sizeof ctx->msg, fmt, ap);
    va_end(ap);
    return code;
}

int vigil_nomem(vigil_ctx *ctx, const char *where) {
    return vigil_seterr(ctx, VIGIL_ENOMEM, "%s: out of memory", where);
}

int vigil_exit_code(int status) {
    switch (status) {
    case VIGIL_OK: return 0;
    case VIGIL_EUSAGE: return 1;
    case VIGIL_EDATA: return 2;
    case VIGIL_ESCRIPT: return 3;
    default: return 4;
    }
}
