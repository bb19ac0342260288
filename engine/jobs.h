/*
** Parallel items (Monte Carlo draws) in threads. Each thread computes with
** a vigil_ctx and an argument of its own (for draws, project.c gives each
** thread the scenario in a Lua state of its own and a run of its own, so
** that nothing an item changes is shared); threads take the items in
** chunks, in increasing order, from a shared counter, and write each into
** its place in the caller's buffer. An item's result depends on the item
** alone (its own random stream), so the output is the same whatever the
** number of threads (DESIGN.md 4.3 and 9). Session 1 used forked worker
** processes; on CI's virtual machines every page a process first touches
** costs microseconds, and processes touched the draws twice
** (docs/DECISIONS.md).
*/
#ifndef VIGIL_JOBS_H
#define VIGIL_JOBS_H

#include <stddef.h>

#include "vigil_int.h"

/* Computes item k into out (stride doubles). Returns a status after
** vigil_seterr on ctx, which then reaches the caller of vg_jobs_run. */
typedef int (*vg_job_fn)(vigil_ctx *ctx, void *arg, long k, double *out);
/* Progress: done of total items finished (called from the caller's
** process only, about ten times a second, and once at the end). */
typedef void (*vg_progress_fn)(void *arg, long done, long total);

typedef struct vg_jobs {
    int njobs;               /* threads; <= 1: in the calling thread */
    int warm;                /* compute item 0 in the calling thread first:
                                what it caches (the economies of fixed trade
                                levers) the threads can then borrow */
    double serial_below;     /* with warm: when item 0 took so little that
                                all items would take less than this many
                                seconds in one thread, do them there
                                (starting threads costs more than it would
                                save); 0: never */
    /* Thread j's argument: thread_arg(ctx_j, arg, j), made in ctx_j, the
    ** thread's own context (NULL after vigil_seterr on ctx_j), freed with
    ** thread_free; without thread_arg every thread gets arg itself (fn
    ** must then change nothing it shares). */
    void *(*thread_arg)(vigil_ctx *ctx, void *arg, int j);
    void (*thread_free)(void *targ);
    vg_progress_fn progress; /* NULL: none */
    void *progress_arg;
} vg_jobs;

/* A zero-filled buffer of count doubles for the items' outputs: an
** anonymous mapping with transparent huge pages asked for (on CI's
** virtual machines the first touch of each 4 KiB page cost about 6.5 us).
** NULL when out of memory (fault injection included). Free with
** vg_jobs_buffer_free. */
double *vg_jobs_buffer(size_t count);
void vg_jobs_buffer_free(double *p, size_t count);

/* OpenBLAS on one thread, its idle thread pool shut down (an idle pool
** thread spins on sched_yield for about 0.1 s, on a core the draw or
** statistics threads need); returns the former thread count for
** vg_blas_restore, which starts the pool again if it was more than 1. */
int vg_blas_single(void);
void vg_blas_restore(int threads);

/* The number of online processors (at least 1). */
int vg_jobs_cores(void);

/*
** Runs fn for k = 0 .. nitems-1 into out[k * stride ...]. With njobs > 1,
** in min(njobs, nitems) threads; OpenBLAS is held to one thread meanwhile,
** so that draw threads and BLAS threads do not compete for cores and
** results do not depend on the BLAS thread count. On failure returns the
** error of the lowest item that failed, exactly as a run in one thread
** would (threads stop as soon as a lower item has failed); out is then
** partly written.
*/
int vg_jobs_run(vigil_ctx *ctx, const vg_jobs *jobs, long nitems, size_t stride,
                vg_job_fn fn, void *arg, double *out);

/*
** Pure work in threads of this process: fn(arg, j, k0, k1) for the j-th
** of n equal ranges [k0, k1) of items 0 .. nitems-1, j = 0 .. n-1 with n =
** min(njobs, nitems), range 0 in the calling thread. fn must only read
** shared memory and write what its range owns, and cannot fail (no Lua,
** no vigil_ctx); engine/results.c's statistics. When a thread cannot be started its range runs in the
** calling thread.
*/
typedef void (*vg_range_fn)(void *arg, int j, long k0, long k1);
void vg_jobs_threads(int njobs, long nitems, vg_range_fn fn, void *arg);

#endif
