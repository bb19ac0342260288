/*
** Worker processes for independent items (engine/jobs.h). fork(2) gives
** each worker a private copy of the caller's memory; results travel back
** through one shared anonymous mapping (MAP_SHARED | MAP_ANONYMOUS), and
** so do errors: each worker has a slot for its message, and an atomic
** "lowest failed item" lets the others stop early without changing which
** error is reported.
*/
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "jobs.h"

/* Exported by libopenblas (its cblas.h declares them). */
void openblas_set_num_threads(int n);
int openblas_get_num_threads(void);
/* OpenBLAS's own fork handlers restart its thread pool in every child, and
** an idle pool thread spins on sched_yield for about 0.1 s before it
** sleeps: two workers and two spinning threads on two cores ran the draws
** at half speed. The pthreads build exports the pool's shutdown (its
** pthread_atfork prepare handler); weak, for the serial and OpenMP builds
** that have none. */
extern int blas_thread_shutdown_(void) __attribute__((weak));

typedef struct slot {
    int code;               /* VIGIL_OK, or the worker's error */
    long item;              /* the item that failed */
    char msg[VIGIL_ERRMAX];
} slot;

/* The shared control block: the next item to take, progress, the stop
** mark, one slot per worker. */
typedef struct control {
    atomic_long next;
    atomic_long done;
    atomic_long stop;       /* lowest failed item (LONG_MAX: none) */
    slot slot[];
} control;

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

static void *shared(size_t n) {
    void *p = mmap(NULL, n ? n : 1, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

/* Maps the pages of [p, p + n) into this process in one call rather than
** one fault at a time: fork does not copy the page tables of a shared
** mapping, and on the virtual machines CI runs on a fault costs several
** microseconds (10,000 draws on the built-in world, 2 workers: draws in
** 0.55 s without, 0.39 s with). Linux 5.14 and later; elsewhere the
** pages fault in as usual. */
static void populate(void *p, size_t n) {
#ifdef MADV_POPULATE_WRITE
    if (p && n) (void)madvise(p, n, MADV_POPULATE_WRITE);
#else
    (void)p, (void)n;
#endif
}

double *vg_jobs_buffer(size_t count) {
    void *p;
    size_t n;
    if (count > SIZE_MAX / sizeof(double)) return NULL;
    n = count * sizeof(double);
    /* the fault-injection countdown of vg_malloc applies here too */
    if ((p = vg_malloc(1)) == NULL) return NULL;
    vg_free(p);
    p = shared(n);
    populate(p, n);
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

/* Lowers the stop mark to k (a compare-and-swap loop: marks only go down). */
static void lower_stop(control *c, long k) {
    long cur = atomic_load(&c->stop);
    while (k < cur && !atomic_compare_exchange_weak(&c->stop, &cur, k)) {
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

/* A worker's life: it takes the next chunk of items not yet taken (so that
** a worker slowed by other load on the machine does not hold the others
** back) until none is left or a lower item failed. Chunks are taken in
** increasing order and items in order within them, so every item below a
** failed one is computed by some worker and the lowest failure is found.
** Never returns; _exit skips the parent's atexit handlers and stdio. */
static void worker(vigil_ctx *ctx, control *c, int j, long n, long chunk, size_t stride,
                   vg_job_fn fn, void *arg, double *buf, pid_t parent) {
    long k0, k;
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL); /* die with the parent (kill -9) */
#endif
    if (getppid() != parent) _exit(1);
    openblas_set_num_threads(1);
    if (blas_thread_shutdown_) blas_thread_shutdown_();
    populate(buf, (size_t)n * stride * sizeof *buf);
    while ((k0 = atomic_fetch_add(&c->next, chunk)) < n) {
        for (k = k0; k < k0 + chunk && k < n && k <= atomic_load(&c->stop); k++) {
            int rc = fn(ctx, arg, k, buf + (size_t)k * stride);
            if (rc != VIGIL_OK) {
                c->slot[j].code = rc;
                c->slot[j].item = k;
                snprintf(c->slot[j].msg, sizeof c->slot[j].msg, "%s", vigil_errmsg(ctx));
                lower_stop(c, k);
                _exit(1);
            }
            atomic_fetch_add(&c->done, 1);
        }
    }
    _exit(0);
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

/* Records how worker j ended when it did not end well; returns 1 then. */
static int reap(vigil_ctx *ctx, control *c, int j, int nj, int status, int *failed) {
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return 0;
    lower_stop(c, -1);
    if (c->slot[j].code != VIGIL_OK || *failed) return 1;
    *failed = 1;
    if (WIFSIGNALED(status))
        vigil_seterr(ctx, VIGIL_EIO, "draw worker %d of %d was killed by signal %d (%s)", j + 1,
                     nj, WTERMSIG(status), strsignal(WTERMSIG(status)));
    else
        vigil_seterr(ctx, VIGIL_EIO, "draw worker %d of %d exited with status %d and no message",
                     j + 1, nj, WEXITSTATUS(status));
    return 1;
}

/* Waits for every started worker; with a progress callback, polls every
** 20 ms and reports. Returns whether any worker ended badly. */
static int wait_all(vigil_ctx *ctx, const vg_jobs *jobs, control *c, pid_t *pid, int nj,
                    long n) {
    int alive = 0, j, bad = 0, failed = 0, status;
    const struct timespec tick = {0, 20000000L};
    for (j = 0; j < nj; j++) alive += pid[j] > 0;
    while (alive > 0) {
        for (j = 0; j < nj; j++) {
            pid_t p;
            if (pid[j] <= 0) continue;
            p = waitpid(pid[j], &status, jobs->progress ? WNOHANG : 0);
            if (p == 0 || (p < 0 && errno == EINTR)) continue;
            bad |= p < 0 ? 1 : reap(ctx, c, j, nj, status, &failed);
            pid[j] = 0;
            alive--;
        }
        if (jobs->progress) jobs->progress(jobs->progress_arg, atomic_load(&c->done), n);
        if (alive > 0 && jobs->progress) nanosleep(&tick, NULL);
    }
    return bad;
}

/* The error to report: the lowest failed item's, as a serial run gives. */
static int first_error(vigil_ctx *ctx, const control *c, int nj) {
    int j, best = -1;
    for (j = 0; j < nj; j++)
        if (c->slot[j].code != VIGIL_OK && (best < 0 || c->slot[j].item < c->slot[best].item))
            best = j;
    if (best < 0) return vigil_errcode(ctx) != VIGIL_OK ? vigil_errcode(ctx) : VIGIL_EIO;
    return vigil_seterr(ctx, c->slot[best].code, "%s", c->slot[best].msg);
}

int vg_jobs_run(vigil_ctx *ctx, const vg_jobs *jobs, long nitems, size_t stride,
                vg_job_fn fn, void *arg, double *out) {
    int nj = jobs ? jobs->njobs : 1, j, bad, fork_errno = 0;
    long chunk;
    size_t csize, bsize = (size_t)nitems * stride * sizeof(double);
    control *c;
    double *buf;
    pid_t *pid, parent = getpid();
    if (nj > nitems - (jobs && jobs->warm)) nj = (int)(nitems - (jobs && jobs->warm));
    if (nj <= 1) return serial(ctx, jobs, 0, nitems, stride, fn, arg, out);
    if (jobs->warm) {
        double t0 = seconds();
        if ((bad = serial(ctx, NULL, 0, 1, stride, fn, arg, out)) != VIGIL_OK) return bad;
        if ((seconds() - t0) * (double)nitems < jobs->serial_below) {
            if (jobs->progress) jobs->progress(jobs->progress_arg, 1, nitems);
            return serial(ctx, jobs, 1, nitems, stride, fn, arg, out);
        }
    }
    csize = sizeof *c + (size_t)nj * sizeof c->slot[0];
    c = shared(csize);
    buf = jobs->shared_out ? out : shared(bsize);
    pid = vg_calloc((size_t)nj, sizeof *pid);
    if (c == NULL || buf == NULL || pid == NULL) {
        bad = vigil_nomem(ctx, "draw workers");
        goto done;
    }
    chunk = chunk_size(nitems, stride, nj);
    atomic_init(&c->next, jobs->warm ? 1 : 0);
    atomic_init(&c->done, jobs->warm ? 1 : 0);
    atomic_init(&c->stop, nitems);
    for (j = 0; j < nj; j++) {
        if ((pid[j] = fork()) == 0) worker(ctx, c, j, nitems, chunk, stride, fn, arg, buf, parent);
        if (pid[j] < 0) { /* stop the others, then report */
            fork_errno = errno;
            lower_stop(c, -1);
            break;
        }
    }
    vigil_clearerr(ctx);
    bad = wait_all(ctx, jobs, c, pid, nj, nitems);
    if (bad) bad = first_error(ctx, c, nj);
    else if (fork_errno) bad = vigil_seterr(ctx, VIGIL_EIO, "draw workers: fork failed: %s",
                                            strerror(fork_errno));
    else if (buf != out && jobs->warm)
        memcpy(out + stride, buf + stride, bsize - stride * sizeof *buf);
    else if (buf != out)
        memcpy(out, buf, bsize);
done:
    vg_free(pid);
    if (buf && buf != out) munmap(buf, bsize ? bsize : 1);
    if (c) munmap(c, csize);
    return bad;
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
