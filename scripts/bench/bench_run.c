/*
** bench_run COMMAND [ARGS...]
**
** Runs COMMAND (fork + execvp) and, when it ends, prints to stderr one
** line "bench_run: wall_s=W maxrss_kb=K status=S": wall-clock time from
** fork to exit, the child's peak resident set size (getrusage via wait4)
** and its exit status (128 + signal when killed).
**
** Why a C launcher: Linux carries a process's RSS high-water mark across
** execve, so a child forked from Python reports at least the Python
** interpreter's RSS (~14 MB) as its own peak. Forked from this small
** program, the carried-over part is about 1 MB.
*/
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int main(int argc, char **argv) {
    struct rusage ru;
    double t0;
    int status = 0, code;
    pid_t pid;
    if (argc < 2) {
        fputs("usage: bench_run COMMAND [ARGS...]\n", stderr);
        return 1;
    }
    t0 = now();
    pid = fork();
    if (pid < 0) {
        perror("bench_run: fork");
        return 4;
    }
    if (pid == 0) {
        execvp(argv[1], argv + 1);
        perror("bench_run: exec");
        _exit(127);
    }
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("bench_run: wait4");
        return 4;
    }
    code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    fprintf(stderr, "bench_run: wall_s=%.6f maxrss_kb=%ld status=%d\n", now() - t0,
            ru.ru_maxrss, code);
    return code;
}
