/*
 * bench_measure [-n RUNS] [-c] -- CMD ARGS...
 *
 * Runs CMD RUNS times (default 5) one after the other, its stdout and stderr
 * sent to /dev/null (stdin is inherited), and prints one line:
 *
 *   median_s=<wall seconds> maxrss_kib=<peak RSS> status=<last exit status>
 *
 * With -c the line goes on with the CPU time of the same run whose wall time
 * is the median (or the mean of the two middle runs):
 *
 *   ... cpu_s=<user+sys of CMD and all its waited-for descendants>
 *       self_cpu_s=<user+sys of the CMD process alone>
 *
 * cpu_s comes from wait4's rusage; self_cpu_s from /proc/PID/stat (utime,
 * stime), read while the finished child is still a zombie, so it has the
 * resolution of the clock tick (usually 10 ms).
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
#include <signal.h>
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
	double cpu;	/* user + sys of the child and its descendants */
	double self_cpu;	/* user + sys of the child alone; < 0: unknown */
	long maxrss_kib;
	int status;	/* exit status, or 128 + signal */
};

static void usage(FILE *f)
{
	fputs("usage: bench_measure [-n RUNS] [-c] -- CMD ARGS...\n", f);
}

static double tv_seconds(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

/*
 * user + sys of pid alone, in seconds, from /proc/PID/stat (fields 14 and
 * 15, clock ticks); -1 if it cannot be read. pid must be a zombie not yet
 * reaped, or running.
 */
static double proc_self_cpu(pid_t pid)
{
	char path[64], buf[4096], *p;
	unsigned long long utime, stime;
	long ticks = sysconf(_SC_CLK_TCK);
	size_t got;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%ld/stat", (long)pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	got = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[got] = '\0';
	/* after the command name, which may hold spaces and parentheses */
	p = strrchr(buf, ')');
	if (!p || ticks <= 0)
		return -1;
	/* fields 3..13 skipped, then utime (14) and stime (15) */
	if (sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u "
		   "%llu %llu", &utime, &stime) != 2)
		return -1;
	return (double)(utime + stime) / (double)ticks;
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

	/* wait for the end without reaping, to read the zombie's own times */
	r->self_cpu = -1;
	for (;;) {
		siginfo_t si;

		if (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOWAIT) == 0) {
			r->self_cpu = proc_self_cpu(pid);
			break;
		}
		if (errno != EINTR)
			break;	/* wait4 below reports it */
	}
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
	r->cpu = tv_seconds(ru.ru_utime) + tv_seconds(ru.ru_stime);
	if (WIFEXITED(status))
		r->status = WEXITSTATUS(status);
	else if (WIFSIGNALED(status))
		r->status = 128 + WTERMSIG(status);
	else
		r->status = 255;
	return 0;
}

static int cmp_run(const void *a, const void *b)
{
	double x = ((const struct run *)a)->seconds;
	double y = ((const struct run *)b)->seconds;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	long runs = 5, maxrss = 0;
	double median, cpu, self_cpu;
	struct run r = { 0 }, *all;
	int i = 1, varied = 0, first_status = -1, want_cpu = 0;

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
		} else if (!strcmp(argv[i], "-c")) {
			want_cpu = 1;
			i++;
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

	all = calloc((size_t)runs, sizeof(*all));
	if (!all) {
		perror("bench_measure: calloc");
		return 1;
	}
	for (long k = 0; k < runs; k++) {
		if (run_once(&argv[i + 1], &r) != 0) {
			free(all);
			return 1;
		}
		all[k] = r;
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

	qsort(all, (size_t)runs, sizeof(*all), cmp_run);
	if (runs % 2) {
		median = all[runs / 2].seconds;
		cpu = all[runs / 2].cpu;
		self_cpu = all[runs / 2].self_cpu;
	} else {
		const struct run *a = &all[runs / 2 - 1], *b = &all[runs / 2];

		median = (a->seconds + b->seconds) / 2;
		cpu = (a->cpu + b->cpu) / 2;
		self_cpu = a->self_cpu < 0 || b->self_cpu < 0 ? -1 :
			   (a->self_cpu + b->self_cpu) / 2;
	}
	free(all);

	printf("median_s=%.6f maxrss_kib=%ld status=%d", median, maxrss,
	       r.status);
	if (want_cpu && self_cpu >= 0)
		printf(" cpu_s=%.6f self_cpu_s=%.6f", cpu, self_cpu);
	else if (want_cpu)
		printf(" cpu_s=%.6f self_cpu_s=unknown", cpu);
	putchar('\n');
	if (fflush(stdout) != 0) {
		perror("bench_measure: write");
		return 1;
	}
	return 0;
}
