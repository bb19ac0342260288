/*
** Parallel items (Monte Carlo draws) in worker processes. Each worker is a
** fork of the caller, so it owns a copy of everything (the Lua state, the
** economy cache) and nothing has to be thread-safe; workers take the
** items one by one, in increasing order, from a shared counter, and write
** them into a shared anonymous mapping, and the caller
** copies them out when every worker is done. An item's result depends on
** the item alone (its own random stream), so the output is the same
** whatever the number of workers (DESIGN.md 4.3 and 9). When out is itself
** such a mapping (vg_jobs_buffer), workers write into it and nothing is
** copied.
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
    int njobs;               /* worker processes; <= 1: in this process */
    int warm;                /* compute item 0 in this process before the
                                workers start: what it caches (the economies
                                of fixed trade levers) is then shared with
                                every worker instead of rebuilt in each */
    double serial_below;     /* with warm: when item 0 took so little that
                                all items would take less than this many
                                seconds in this process, do them here (fork
                                and mapping cost more than they would
                                save); 0: never */
    int shared_out;          /* out comes from vg_jobs_buffer: workers
                                write into it directly, nothing is copied */
    vg_progress_fn progress; /* NULL: none */
    void *progress_arg;
} vg_jobs;

/* A zero-filled buffer of count doubles that worker processes write into
** and the caller reads without a copy (a shared anonymous mapping, its
** pages mapped in one go: on virtual machines a page fault per 4 KiB page
** cost more than the draws themselves). NULL when out of memory (fault
** injection included). Free with vg_jobs_buffer_free. */
double *vg_jobs_buffer(size_t count);
void vg_jobs_buffer_free(double *p, size_t count);

/* OpenBLAS on one thread, its idle thread pool shut down (an idle pool
** thread spins on sched_yield for about 0.1 s, on a core the workers or
** the statistics threads need); returns the former thread count for
** vg_blas_restore, which starts the pool again if it was more than 1. */
int vg_blas_single(void);
void vg_blas_restore(int threads);

/* The number of online processors (at least 1). */
int vg_jobs_cores(void);

/*
** Runs fn for k = 0 .. nitems-1 into out[k * stride ...]. With njobs > 1,
** forks min(njobs, nitems) workers; OpenBLAS is held to one thread in each
** (and in this process while it computes items itself), so that workers
** and BLAS threads do not compete for cores and results do not depend on
** the BLAS thread count. On failure returns the error of the lowest item
** that failed, exactly as a run in one process would (workers stop as
** soon as a lower item has failed); a worker killed by a signal is an
** error (VIGIL_EIO) naming the signal. On failure out is untouched, or
** partly written when jobs->shared_out.
*/
int vg_jobs_run(vigil_ctx *ctx, const vg_jobs *jobs, long nitems, size_t stride,
                vg_job_fn fn, void *arg, double *out);

/*
** Pure work in threads of this process: fn(arg, j, k0, k1) for the j-th
** of n equal ranges [k0, k1) of items 0 .. nitems-1, j = 0 .. n-1 with n =
** min(njobs, nitems), range 0 in the calling thread. fn must only read
** shared memory and write what its range owns, and cannot fail (no Lua,
** no vigil_ctx). Threads share the process's page tables, so a buffer that
** workers wrote is mapped once, not once per process (engine/results.c's
** statistics). When a thread cannot be started its range runs in the
** calling thread.
*/
typedef void (*vg_range_fn)(void *arg, int j, long k0, long k1);
void vg_jobs_threads(int njobs, long nitems, vg_range_fn fn, void *arg);

#endif
