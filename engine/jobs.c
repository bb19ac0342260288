/*
** Independent items (Monte Carlo draws) in threads (engine/jobs.h). Each
** thread computes with a context and an argument of its own (for draws: a
** Lua state and a run of their own), takes the items in chunks from a
** shared counter, and writes each into its place in the caller's buffer;
** an atomic "lowest failed item" lets the others stop early without
** changing which error is reported.
*/
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, madvise */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "jobs.h"

/* Exported by libopenblas (its cblas.h declares them). */
void openblas_set_num_threads(int n);
int openblas_get_num_threads(void);
/* An idle OpenBLAS pool thread spins on sched_yield for about 0.1 s
** before it sleeps: two draw threads and a spinning one on two cores ran
** the draws at a fraction of their speed. The pthreads build exports the
** pool's shutdown (its pthread_atfork prepare handler); weak, for the
** serial and OpenMP builds that have none. */
extern int blas_thread_shutdown_(void) __attribute__((weak));

int vg_blas_single(void) {
    int blas = openblas_get_num_threads();
    openblas_set_num_threads(1);
    /* an idle pool thread would spin on another core meanwhile, against
    ** the workers; the pool restarts at the next threaded BLAS call */
    if (blas_thread_shutdown_ && blas > 1) blas_thread_shutdown_();
    return blas;
}

void vg_blas_restore(int threads) {
    if (threads != openblas_get_num_threads()) openblas_set_num_threads(threads);
}

int vg_jobs_cores(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

double *vg_jobs_buffer(size_t count) {
    void *p;
    size_t n;
    if (count > SIZE_MAX / sizeof(double)) return NULL;
    n = count * sizeof(double);
    /* the fault-injection countdown of vg_malloc applies here too */
    if ((p = vg_malloc(1)) == NULL) return NULL;
    vg_free(p);
    p = mmap(NULL, n ? n : 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
#ifdef MADV_HUGEPAGE
    (void)madvise(p, n ? n : 1, MADV_HUGEPAGE);
#endif
    return p;
}

void vg_jobs_buffer_free(double *p, size_t count) {
    if (p) munmap(p, count ? count * sizeof *p : 1);
}

static double seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Lowers a stop mark to k (a compare-and-swap loop: marks only go down). */
static void lower_mark(atomic_long *stop, long k) {
    long cur = atomic_load(stop);
    while (k < cur && !atomic_compare_exchange_weak(stop, &cur, k)) {
    }
}

/* Items [k0, n) in this process: the plain loop, OpenBLAS on one thread
** meanwhile. */
static int serial(vigil_ctx *ctx, const vg_jobs *jobs, long k0, long n, size_t stride,
                  vg_job_fn fn, void *arg, double *out) {
    int blas = vg_blas_single(), rc = VIGIL_OK;
    long k;
    for (k = k0; rc == VIGIL_OK && k < n; k++) {
        rc = fn(ctx, arg, k, out + (size_t)k * stride);
        if (rc == VIGIL_OK && jobs && jobs->progress) jobs->progress(jobs->progress_arg, k + 1, n);
    }
    vg_blas_restore(blas);
    return rc;
}

/* Items per chunk: about 256 KiB of output, so that two workers seldom
** write the same page (on CI's virtual machines, with shadow page tables,
** draws written one by one by two workers into shared pages ran 1.5 times
** slower in one of them: 590 against 410 draws in the same 0.41 s; in
** chunks of 16 they ran 503 and 496, as fast as in one process); at most
** an eighth of a worker's share, so that the last chunks still balance. */
static long chunk_size(long nitems, size_t stride, int nj) {
    long c = (long)((256u << 10) / (stride * sizeof(double) + 1)), most = nitems / (8L * nj);
    if (c > most) c = most;
    return c < 1 ? 1 : c;
}

/* {======================================================================
** Items in threads (jobs->thread_arg)
** ======================================================================= */

typedef struct tshare {
    atomic_long next, done, stop, running;
    long n, chunk;
    size_t stride;
    vg_job_fn fn;
    double *out;
} tshare;

typedef struct tworker {
    tshare *sh;
    vigil_ctx *ctx;
    void *arg;
    int code;        /* VIGIL_OK, or the error of item `item` */
    long item;
    pthread_t tid;
    int started;
} tworker;

/* A thread's life: chunks in increasing order until
** none is left or a lower item failed. */
static void *titems(void *p) {
    tworker *w = p;
    tshare *sh = w->sh;
    long k0, k;
    while (w->code == VIGIL_OK && (k0 = atomic_fetch_add(&sh->next, sh->chunk)) < sh->n)
        for (k = k0; k < k0 + sh->chunk && k < sh->n && k <= atomic_load(&sh->stop); k++) {
            int rc = sh->fn(w->ctx, w->arg, k, sh->out + (size_t)k * sh->stride);
            if (rc != VIGIL_OK) {
                w->code = rc;
                w->item = k;
                lower_mark(&sh->stop, k);
                break;
            }
            atomic_fetch_add(&sh->done, 1);
        }
    atomic_fetch_sub(&sh->running, 1);
    return NULL;
}

/* Makes thread j's context and argument; returns a status. */
static int tsetup(vigil_ctx *ctx, const vg_jobs *jobs, void *arg, tworker *w, int j) {
    if ((w->ctx = vigil_open()) == NULL) return vigil_nomem(ctx, "draw threads");
    if (jobs->thread_arg == NULL) {
        w->arg = arg;
        return VIGIL_OK;
    }
    if ((w->arg = jobs->thread_arg(w->ctx, arg, j)) == NULL)
        return vigil_seterr(ctx, vigil_errcode(w->ctx) != VIGIL_OK ? vigil_errcode(w->ctx)
                                                                   : VIGIL_ENOMEM,
                            "%s", vigil_errmsg(w->ctx));
    return VIGIL_OK;
}

/* Progress about ten times a second until every thread has ended (polls
** every 2 ms: a coarser tick left the end of the run waiting up to it). */
static void twait(const vg_jobs *jobs, tshare *sh) {
    const struct timespec tick = {0, 2000000L};
    long polls = 0;
    while (atomic_load(&sh->running) > 0) {
        nanosleep(&tick, NULL);
        if (jobs->progress && ++polls % 50 == 0)
            jobs->progress(jobs->progress_arg, atomic_load(&sh->done), sh->n);
    }
    if (jobs->progress) jobs->progress(jobs->progress_arg, atomic_load(&sh->done), sh->n);
}

/* Items [first, nitems) in nj threads; the lowest failed item's error. */
static int run_threads(vigil_ctx *ctx, const vg_jobs *jobs, int nj, long first, long nitems,
                       size_t stride, vg_job_fn fn, void *arg, double *out) {
    tworker *w = vg_calloc((size_t)nj, sizeof *w);
    tshare sh;
    int j, rc = w ? VIGIL_OK : vigil_nomem(ctx, "draw threads"), best = -1;
    atomic_init(&sh.next, first);
    atomic_init(&sh.done, first);
    atomic_init(&sh.stop, nitems);
    atomic_init(&sh.running, 0);
    sh.n = nitems;
    sh.chunk = chunk_size(nitems, stride, nj);
    sh.stride = stride;
    sh.fn = fn;
    sh.out = out;
    for (j = 0; rc == VIGIL_OK && j < nj; j++) {
        w[j].sh = &sh;
        rc = tsetup(ctx, jobs, arg, &w[j], j);
    }
    for (j = 0; rc == VIGIL_OK && j < nj; j++) {
        atomic_fetch_add(&sh.running, 1);
        if (!(w[j].started = pthread_create(&w[j].tid, NULL, titems, &w[j]) == 0))
            atomic_fetch_sub(&sh.running, 1);
    }
    if (rc == VIGIL_OK) {
        for (j = 0; j < nj && !w[j].started; j++) {
        }
        if (j == nj) { /* no thread could start: the items run here */
            atomic_fetch_add(&sh.running, 1);
            titems(&w[0]);
        }
        twait(jobs, &sh);
        for (j = 0; j < nj; j++) {
            if (w[j].started) pthread_join(w[j].tid, NULL);
            if (w[j].code != VIGIL_OK && (best < 0 || w[j].item < w[best].item)) best = j;
        }
        if (best >= 0) rc = vigil_seterr(ctx, w[best].code, "%s", vigil_errmsg(w[best].ctx));
    }
    for (j = 0; w && j < nj; j++) {
        if (w[j].arg && jobs->thread_arg) jobs->thread_free(w[j].arg);
        vigil_close(w[j].ctx);
    }
    vg_free(w);
    return rc;
}

/* }====================================================================== */

int vg_jobs_run(vigil_ctx *ctx, const vg_jobs *jobs, long nitems, size_t stride,
                vg_job_fn fn, void *arg, double *out) {
    int nj = jobs ? jobs->njobs : 1, rc, blas;
    if (nj > nitems - (jobs && jobs->warm)) nj = (int)(nitems - (jobs && jobs->warm));
    if (nj <= 1) return serial(ctx, jobs, 0, nitems, stride, fn, arg, out);
    if (jobs->warm) {
        double t0 = seconds();
        if ((rc = serial(ctx, NULL, 0, 1, stride, fn, arg, out)) != VIGIL_OK) return rc;
        if ((seconds() - t0) * (double)nitems < jobs->serial_below) {
            if (jobs->progress) jobs->progress(jobs->progress_arg, 1, nitems);
            return serial(ctx, jobs, 1, nitems, stride, fn, arg, out);
        }
    }
    blas = vg_blas_single();
    rc = run_threads(ctx, jobs, nj, jobs->warm ? 1 : 0, nitems, stride, fn, arg, out);
    vg_blas_restore(blas);
    return rc;
}

/* One thread's share of vg_jobs_threads. */
typedef struct range_job {
    vg_range_fn fn;
    void *arg;
    int j;
    long k0, k1;
    pthread_t tid;
    int started;
} range_job;

static void *range_main(void *p) {
    range_job *r = p;
    r->fn(r->arg, r->j, r->k0, r->k1);
    return NULL;
}

void vg_jobs_threads(int njobs, long nitems, vg_range_fn fn, void *arg) {
    range_job one, *rj;
    int n = njobs < 1 ? 1 : njobs > nitems ? (int)(nitems > 0 ? nitems : 1) : njobs, j;
    rj = n > 1 ? vg_calloc((size_t)n, sizeof *rj) : NULL;
    if (rj == NULL) { /* one range, here */
        one.fn = fn;
        one.arg = arg;
        one.j = 0;
        one.k0 = 0;
        one.k1 = nitems;
        range_main(&one);
        return;
    }
    for (j = 0; j < n; j++) {
        rj[j].fn = fn;
        rj[j].arg = arg;
        rj[j].j = j;
        rj[j].k0 = nitems * j / n;
        rj[j].k1 = nitems * (j + 1) / n;
        if (j > 0) rj[j].started = pthread_create(&rj[j].tid, NULL, range_main, &rj[j]) == 0;
    }
    range_main(&rj[0]);
    for (j = 1; j < n; j++) {
        if (rj[j].started) pthread_join(rj[j].tid, NULL);
        else range_main(&rj[j]);
    }
    vg_free(rj);
}
