/*
 * bench_measure [-n RUNS] -- CMD ARGS...
 *
 * Runs CMD RUNS times (default 5) one after the other, its stdout and stderr
 * sent to /dev/null (stdin is inherited), and prints one line:
 *
 *   median_s=<wall seconds> maxrss_kib=<peak RSS> status=<last exit status>
 *
 * median_s is the median wall time (CLOCK_MONOTONIC around fork..wait4),
 * maxrss_kib the largest ru_maxrss wait4 reported for the child over all
 * runs, status the exit status of the last run (128+N if it was killed by
 * signal N). Exits 0 when CMD ran, whatever its status; 2 on bad usage; 1
 * when CMD could not be run (not found, fork failed, ...).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_RUNS 10000

struct run {
	double seconds;
	long maxrss_kib;
	int status;	/* exit status, or 128 + signal */
};

static void usage(FILE *f)
{
	fputs("usage: bench_measure [-n RUNS] -- CMD ARGS...\n", f);
}

static double now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) {
		perror("bench_measure: clock_gettime");
		exit(1);
	}
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* In the child: never returns. Reports an exec failure's errno on errfd. */
static void child(char **cmd, int errfd)
{
	int err, fd = open("/dev/null", O_WRONLY | O_CLOEXEC);

	if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0 ||
	    dup2(fd, STDERR_FILENO) < 0)
		goto fail;
	execvp(cmd[0], cmd);
fail:
	err = errno;
	if (write(errfd, &err, sizeof(err)) != (ssize_t)sizeof(err))
		_exit(126);	/* the parent sees a short read: an error */
	_exit(127);
}

/* Runs cmd once; returns 0, or -1 after a message if it could not run. */
static int run_once(char **cmd, struct run *r)
{
	struct rusage ru;
	int pipefd[2], status, err;
	ssize_t got;
	double t0;
	pid_t pid;

	/* Closed by a successful exec: a read of 0 bytes means it ran. */
	if (pipe(pipefd) != 0) {
		perror("bench_measure: pipe");
		return -1;
	}
	if (fcntl(pipefd[0], F_SETFD, FD_CLOEXEC) != 0 ||
	    fcntl(pipefd[1], F_SETFD, FD_CLOEXEC) != 0) {
		perror("bench_measure: fcntl");
		close(pipefd[0]);
		close(pipefd[1]);
		return -1;
	}
	t0 = now();
	pid = fork();
	if (pid < 0) {
		perror("bench_measure: fork");
		close(pipefd[0]);
		close(pipefd[1]);
		return -1;
	}
	if (pid == 0) {
		close(pipefd[0]);
		child(cmd, pipefd[1]);
	}
	if (close(pipefd[1]) != 0) {
		perror("bench_measure: close");
		return -1;
	}
	do
		got = read(pipefd[0], &err, sizeof(err));
	while (got < 0 && errno == EINTR);
	if (got < 0)
		err = errno;
	close(pipefd[0]);

	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("bench_measure: wait4");
			return -1;
		}
	}
	r->seconds = now() - t0;
	if (got != 0) {
		fprintf(stderr, "bench_measure: %s: %s\n", cmd[0],
			got == (ssize_t)sizeof(err) || got < 0 ?
			strerror(err) : "cannot run");
		return -1;
	}
	r->maxrss_kib = ru.ru_maxrss;
	if (WIFEXITED(status))
		r->status = WEXITSTATUS(status);
	else if (WIFSIGNALED(status))
		r->status = 128 + WTERMSIG(status);
	else
		r->status = 255;
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	long runs = 5, maxrss = 0;
	double *times, median;
	struct run r = { 0 };
	int i = 1, varied = 0, first_status = -1;

	while (i < argc && strcmp(argv[i], "--") != 0) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc) {
			char *end;

			errno = 0;
			runs = strtol(argv[i + 1], &end, 10);
			if (errno || *end || end == argv[i + 1] || runs < 1 ||
			    runs > MAX_RUNS) {
				fprintf(stderr, "bench_measure: RUNS must be "
					"in 1..%d\n", MAX_RUNS);
				return 2;
			}
			i += 2;
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else {
			usage(stderr);
			return 2;
		}
	}
	if (i + 1 >= argc) {
		usage(stderr);
		return 2;
	}

	times = calloc((size_t)runs, sizeof(*times));
	if (!times) {
		perror("bench_measure: calloc");
		return 1;
	}
	for (long k = 0; k < runs; k++) {
		if (run_once(&argv[i + 1], &r) != 0) {
			free(times);
			return 1;
		}
		times[k] = r.seconds;
		if (r.maxrss_kib > maxrss)
			maxrss = r.maxrss_kib;
		if (first_status < 0)
			first_status = r.status;
		else if (r.status != first_status)
			varied = 1;
	}
	if (varied)
		fprintf(stderr, "bench_measure: %s: exit status varied "
			"across runs\n", argv[i + 1]);

	qsort(times, (size_t)runs, sizeof(*times), cmp_double);
	if (runs % 2)
		median = times[runs / 2];
	else
		median = (times[runs / 2 - 1] + times[runs / 2]) / 2;
	free(times);

	printf("median_s=%.6f maxrss_kib=%ld status=%d\n", median, maxrss,
	       r.status);
	if (fflush(stdout) != 0) {
		perror("bench_measure: write");
		return 1;
	}
	return 0;
}
