/* One step as a host process tree; see proc.h. */
#define _GNU_SOURCE /* unshare, mount, close_range, pidfd */
#include "runtime/proc.h"
#include "support/text.h"
#include "support/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
#define DEFAULT_GRACE_S 5.0

struct wfc_proc {
	pid_t pid;
	int pidfd;
	enum wfc_proc_isolation iso;
	bool done, killing;
	double start, deadline, kill_deadline; /* monotonic; 0: none */
	double grace;
	bool timed_out, killed;
	char *base, *tmpdir, *workdir, *out_path, *err_path;
	struct wfc_proc_result res;
};

/* What the child reports through the status pipe before exec. */
enum { ST_ISO = 1, ST_FAIL = 2 };
struct child_msg {
	int kind;
	int value;		/* isolation, or errno */
	char what[48];		/* failing step */
};

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = malloc(la + lb + 2);

	if (!s)
		abort();
	memcpy(s, a, la);
	s[la] = '/';
	memcpy(s + la + 1, b, lb + 1);
	return s;
}

static char *concat(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = malloc(la + lb + 1);

	if (!s)
		abort();
	memcpy(s, a, la);
	memcpy(s + la, b, lb + 1);
	return s;
}

static int write_file(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	size_t len = strlen(text), off = 0;

	if (fd < 0)
		return -1;
	while (off < len) {
		ssize_t n = write(fd, text + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			close(fd);
			return -1;
		}
		off += (size_t)n;
	}
	return close(fd);
}

/* ---- removing a private directory ---- */

static int rm_fix(const char *path, const struct stat *st, int flag,
		  struct FTW *ftw)
{
	if (flag == FTW_D || flag == FTW_DNR)
		chmod(path, 0700);
	return 0;
}

static int rm_one(const char *path, const struct stat *st, int flag,
		  struct FTW *ftw)
{
	remove(path);
	return 0;
}

static void rm_tree(const char *path)
{
	/* first make every directory readable and writable, then remove
	 * depth first; never follow symlinks out of the tree */
	nftw(path, rm_fix, 16, FTW_PHYS);
	nftw(path, rm_one, 16, FTW_PHYS | FTW_DEPTH);
}

/* ---- finding the command ---- */

static const char *env_lookup(const char *const *env, const char *name)
{
	size_t n = strlen(name);

	for (; env && *env; env++)
		if (!strncmp(*env, name, n) && (*env)[n] == '=')
			return *env + n + 1;
	return NULL;
}

/* The executable for argv0 in path, malloc'd; NULL if none. */
static char *search_path(const char *argv0, const char *path)
{
	if (strchr(argv0, '/'))
		return access(argv0, X_OK) == 0 ? wfc_xstrdup(argv0) : NULL;
	while (path) {
		const char *colon = strchr(path, ':');
		size_t len = colon ? (size_t)(colon - path) : strlen(path);
		char *dir = strndup(path, len);
		char *cand;
		struct stat st;

		if (!dir)
			abort();
		cand = join(len ? dir : ".", argv0);
		free(dir);
		if (stat(cand, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(cand, X_OK) == 0)
			return cand;
		free(cand);
		path = colon ? colon + 1 : NULL;
	}
	return NULL;
}

/* ---- environment ---- */

static bool env_overridden(const char *entry, const char *const *env)
{
	const char *eq = strchr(entry, '=');
	size_t n = eq ? (size_t)(eq - entry) : strlen(entry);

	for (; env && *env; env++)
		if (!strncmp(*env, entry, n) && (*env)[n] == '=')
			return true;
	return false;
}

/* NULL-terminated, with one spare slot before the NULL for TMPDIR.
 * Entries point into owned (the strings we allocated) or the inputs. */
static char **build_env(const struct wfc_proc_spec *s, char ***owned)
{
	size_t n = 0, cap = 8, i = 0;
	char **env, **own;
	const char *base_path = getenv("PATH"), *home = getenv("HOME");

	for (const char *const *e = s->env; e && *e; e++)
		cap++;
	if (s->inherit_env)
		for (char **e = environ; *e; e++)
			cap++;
	env = calloc(cap, sizeof(*env));
	own = calloc(4, sizeof(*own));
	if (!env || !own)
		abort();
	if (s->inherit_env) {
		for (char **e = environ; *e; e++)
			if (strncmp(*e, "TMPDIR=", 7) &&
			    !env_overridden(*e, s->env))
				env[n++] = *e;
	} else {
		if (!env_lookup(s->env, "PATH")) {
			own[i] = concat("PATH=", base_path ? base_path : DEFAULT_PATH);
			env[n++] = own[i++];
		}
		if (!env_lookup(s->env, "HOME")) {
			own[i] = concat("HOME=", home ? home : "/");
			env[n++] = own[i++];
		}
	}
	for (const char *const *e = s->env; e && *e; e++)
		env[n++] = (char *)*e;
	*owned = own;
	return env;
}

/* ---- the child ---- */

static void child_report(int fd, int kind, int value, const char *what)
{
	struct child_msg m;

	memset(&m, 0, sizeof(m));
	m.kind = kind;
	m.value = value;
	if (what)
		strncpy(m.what, what, sizeof(m.what) - 1);
	while (write(fd, &m, sizeof(m)) < 0 && errno == EINTR)
		;
}

static void child_fail(int fd, const char *what)
{
	child_report(fd, ST_FAIL, errno, what);
	_exit(127);
}

static int write_proc_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* Maps our uid and gid to themselves inside a fresh user namespace. */
static int map_ids(uid_t uid, gid_t gid)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%u %u 1\n", (unsigned)uid, (unsigned)uid);
	if (write_proc_file("/proc/self/uid_map", buf))
		return -1;
	write_proc_file("/proc/self/setgroups", "deny");
	snprintf(buf, sizeof(buf), "%u %u 1\n", (unsigned)gid, (unsigned)gid);
	return write_proc_file("/proc/self/gid_map", buf);
}

/* mkdir -p in place, on a writable copy of path. */
static int mkdir_p(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return mkdir(path, 0700) && errno != EEXIST ? -1 : 0;
}

struct child_args {
	const struct wfc_proc_spec *spec;
	const char *exe;
	char **argv, **env;
	size_t env_spare;	/* index of the spare env slot */
	char *tmpdir_env;	/* "TMPDIR=..." */
	const char *tmpdir, *workdir;
	char *base_copy;	/* writable copy of base, for mkdir_p */
	int in_fd, out_fd, err_fd, status_fd;
	uid_t uid;
	gid_t gid;
};

/* "/proc/self/fd/N" without stdio (we are between fork and exec). */
static void fd_path(char out[32], int fd)
{
	char digits[12];
	int n = 0;

	memcpy(out, "/proc/self/fd/", 14);
	do {
		digits[n++] = (char)('0' + fd % 10);
		fd /= 10;
	} while (fd && n < 11);
	for (int i = 0; i < n; i++)
		out[14 + i] = digits[n - 1 - i];
	out[14 + n] = '\0';
}

/* Private /tmp; returns the isolation achieved, or -1 if the namespace is
 * half set up (fatal). */
static int child_isolate(const struct child_args *a)
{
	char fdp[32];
	int iso, base_fd;

	if (a->spec->no_namespaces)
		return WFC_PROC_ISO_TMPDIR;
	if (unshare(CLONE_NEWNS) == 0)
		iso = WFC_PROC_ISO_MOUNTNS;
	else if (unshare(CLONE_NEWUSER | CLONE_NEWNS) == 0 &&
		 map_ids(a->uid, a->gid) == 0)
		iso = WFC_PROC_ISO_USERNS;
	else
		return WFC_PROC_ISO_TMPDIR;
	/* nothing visible has changed yet: failures here fall back */
	if (mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL))
		return WFC_PROC_ISO_TMPDIR;
	/* base may have lived under /tmp: show it again at the same path
	 * so the work dir and the script keep their names (the fd is opened
	 * here, in the new namespace, or the bind below would refuse it) */
	base_fd = open(a->base_copy, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (base_fd < 0)
		return WFC_PROC_ISO_TMPDIR;
	if (mount(a->tmpdir, "/tmp", "none", MS_BIND, NULL))
		return WFC_PROC_ISO_TMPDIR;
	if (access(a->workdir, F_OK)) {
		fd_path(fdp, base_fd);
		if (mkdir_p(a->base_copy))
			return -1;
		if (mount(fdp, a->base_copy, "none", MS_BIND, NULL))
			return -1;
	}
	close(base_fd);
	return iso;
}

static void child_main(const struct child_args *a)
{
	sigset_t all;
	int iso;

	setpgid(0, 0);
	/* default dispositions and an empty mask, as a fresh process */
	for (int sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_DFL);
	sigemptyset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);

	iso = child_isolate(a);
	if (iso < 0)
		child_fail(a->status_fd, "private /tmp");
	if (iso == WFC_PROC_ISO_TMPDIR)
		a->env[a->env_spare] = a->tmpdir_env;
	if (chdir(a->workdir))
		child_fail(a->status_fd, "work dir");
	if (dup2(a->in_fd, 0) < 0 || dup2(a->out_fd, 1) < 0 ||
	    dup2(a->err_fd, 2) < 0)
		child_fail(a->status_fd, "stdio");
	/* every other inherited fd, ours or anyone's, closes on exec */
	syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC);
	child_report(a->status_fd, ST_ISO, iso, NULL);
	execve(a->exe, a->argv, a->env);
	child_fail(a->status_fd, "exec");
}

/* ---- starting ---- */

static int open_log(const char *path, char *err, size_t errlen)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

	if (fd < 0)
		wfc_errf(err, errlen, "cannot create %s: %s", path, strerror(errno));
	return fd;
}

int wfc_proc_start(const struct wfc_proc_spec *s, struct wfc_proc **out,
		   char *err, size_t errlen)
{
	struct wfc_proc *p;
	struct child_args a;
	char **owned = NULL, *exe = NULL, *script_path = NULL, *in_path = NULL;
	const char *scratch, *path;
	size_t argc = 0;
	int sp[2] = { -1, -1 }, rc = -1;
	struct child_msg m;
	ssize_t n;

	*out = NULL;
	if (!s->argv || !s->argv[0] || !*s->argv[0]) {
		wfc_errf(err, errlen, "empty command");
		return -1;
	}
	memset(&a, 0, sizeof(a));
	a.in_fd = a.out_fd = a.err_fd = -1;
	p = calloc(1, sizeof(*p));
	if (!p)
		abort();
	p->pid = -1;
	p->pidfd = -1;
	p->grace = s->grace_s > 0 ? s->grace_s : DEFAULT_GRACE_S;

	/* command not found: before anything is created or forked */
	path = env_lookup(s->env, "PATH");
	if (!path)
		path = getenv("PATH");
	if (!path)
		path = DEFAULT_PATH;
	exe = search_path(s->argv[0], path);
	if (!exe) {
		wfc_errf(err, errlen, "command not found: %s", s->argv[0]);
		goto out;
	}

	scratch = s->scratch_dir ? s->scratch_dir : getenv("TMPDIR");
	if (!scratch || !*scratch)
		scratch = "/tmp";
	p->base = join(scratch, "wfc-step-XXXXXX");
	if (!mkdtemp(p->base)) {
		wfc_errf(err, errlen, "cannot create a private directory in %s: %s",
		       scratch, strerror(errno));
		free(p->base);
		p->base = NULL;
		goto out;
	}
	p->tmpdir = join(p->base, "tmp");
	p->workdir = join(p->base, "work");
	if (mkdir(p->tmpdir, 0700) || chmod(p->tmpdir, 01777) ||
	    mkdir(p->workdir, 0755)) {
		wfc_errf(err, errlen, "cannot create %s: %s", p->tmpdir,
		       strerror(errno));
		goto out;
	}
	if (s->log_dir) {
		if (mkdir(s->log_dir, 0755) && errno != EEXIST) {
			wfc_errf(err, errlen, "cannot create log dir %s: %s",
			       s->log_dir, strerror(errno));
			goto out;
		}
		p->out_path = join(s->log_dir, "stdout.log");
		p->err_path = join(s->log_dir, "stderr.log");
	} else {
		p->out_path = join(p->base, "stdout.log");
		p->err_path = join(p->base, "stderr.log");
	}
	if ((a.out_fd = open_log(p->out_path, err, errlen)) < 0 ||
	    (a.err_fd = open_log(p->err_path, err, errlen)) < 0)
		goto out;
	if (s->stdin_text) {
		in_path = join(p->base, "stdin");
		if (write_file(in_path, s->stdin_text, 0600)) {
			wfc_errf(err, errlen, "cannot write %s: %s", in_path,
			       strerror(errno));
			goto out;
		}
		a.in_fd = open(in_path, O_RDONLY | O_CLOEXEC);
	} else {
		a.in_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	}
	if (a.in_fd < 0) {
		wfc_errf(err, errlen, "cannot open stdin: %s", strerror(errno));
		goto out;
	}

	for (argc = 0; s->argv[argc]; argc++)
		;
	a.argv = calloc(argc + 2, sizeof(*a.argv));
	if (!a.argv)
		abort();
	for (size_t i = 0; i < argc; i++)
		a.argv[i] = (char *)s->argv[i];
	if (s->script_source) {
		script_path = join(p->base, "script");
		if (write_file(script_path, s->script_source, 0755)) {
			wfc_errf(err, errlen, "cannot write %s: %s", script_path,
			       strerror(errno));
			goto out;
		}
		a.argv[argc] = script_path;
	}

	a.env = build_env(s, &owned);
	for (a.env_spare = 0; a.env[a.env_spare]; a.env_spare++)
		;
	a.tmpdir_env = concat("TMPDIR=", p->tmpdir);
	a.base_copy = wfc_xstrdup(p->base);
	a.spec = s;
	a.exe = exe;
	a.tmpdir = p->tmpdir;
	a.workdir = p->workdir;
	a.uid = geteuid();
	a.gid = getegid();
	if (pipe2(sp, O_CLOEXEC)) {
		wfc_errf(err, errlen, "pipe: %s", strerror(errno));
		goto out;
	}
	a.status_fd = sp[1];

	p->start = now_s();
	p->pid = fork();
	if (p->pid < 0) {
		wfc_errf(err, errlen, "fork: %s", strerror(errno));
		goto out;
	}
	if (p->pid == 0)
		child_main(&a);
	/* both sides set the group, so a kill right after start reaches it */
	setpgid(p->pid, p->pid);
	close(sp[1]);
	sp[1] = -1;
	p->pidfd = (int)syscall(SYS_pidfd_open, p->pid, 0);
	if (p->pidfd >= 0)
		fcntl(p->pidfd, F_SETFD, FD_CLOEXEC);

	/* the child writes its isolation, then either execs (EOF) or fails */
	p->iso = WFC_PROC_ISO_TMPDIR;
	rc = 0;
	for (;;) {
		n = read(sp[0], &m, sizeof(m));
		if (n < 0 && errno == EINTR)
			continue;
		if (n != (ssize_t)sizeof(m))
			break;
		if (m.kind == ST_ISO) {
			p->iso = (enum wfc_proc_isolation)m.value;
		} else {
			m.what[sizeof(m.what) - 1] = '\0';
			if (!strcmp(m.what, "exec") && m.value == ENOENT)
				wfc_errf(err, errlen, "command not found: %s",
				       s->argv[0]);
			else
				wfc_errf(err, errlen, "cannot start %s: %s: %s",
				       s->argv[0], m.what, strerror(m.value));
			rc = -1;
		}
	}
	if (rc) {
		kill(-p->pid, SIGKILL);
		while (waitpid(p->pid, NULL, 0) < 0 && errno == EINTR)
			;
		p->pid = -1;
		goto out;
	}
	if (s->timeout_s > 0)
		p->deadline = p->start + s->timeout_s;
out:
	if (sp[0] >= 0)
		close(sp[0]);
	if (sp[1] >= 0)
		close(sp[1]);
	if (a.in_fd >= 0)
		close(a.in_fd);
	if (a.out_fd >= 0)
		close(a.out_fd);
	if (a.err_fd >= 0)
		close(a.err_fd);
	for (size_t i = 0; owned && owned[i]; i++)
		free(owned[i]);
	free(owned);
	free(a.env);
	free(a.argv);
	free(a.tmpdir_env);
	free(a.base_copy);
	free(script_path);
	free(in_path);
	free(exe);
	if (rc) {
		wfc_proc_destroy(p);
		return -1;
	}
	*out = p;
	return 0;
}

/* ---- waiting ---- */

/* The last max bytes of path; *total gets the file's size. */
static char *read_tail(const char *path, size_t max, size_t *len, size_t *total)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	size_t want, got = 0;
	char *buf;

	*len = *total = 0;
	if (fd < 0 || fstat(fd, &st)) {
		if (fd >= 0)
			close(fd);
		buf = calloc(1, 1);
		if (!buf)
			abort();
		return buf;
	}
	*total = (size_t)st.st_size;
	want = *total < max ? *total : max;
	buf = malloc(want + 1);
	if (!buf)
		abort();
	while (got < want) {
		ssize_t n = pread(fd, buf + got, want - got,
				  (off_t)(*total - want + got));

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
}

static void finish(struct wfc_proc *p, int status)
{
	struct wfc_proc_result *r = &p->res;
	size_t total, elen, etotal;

	p->done = true;
	r->elapsed_s = now_s() - p->start;
	r->timed_out = p->timed_out;
	r->killed = p->killed;
	if (WIFEXITED(status)) {
		r->exit_code = WEXITSTATUS(status);
	} else if (WIFSIGNALED(status)) {
		r->signal = WTERMSIG(status);
		r->exit_code = 128 + r->signal;
	}
	r->stdout_text = read_tail(p->out_path, WFC_PROC_RESULT_MAX,
				   &r->stdout_len, &total);
	r->stdout_truncated = total > WFC_PROC_RESULT_MAX;
	if (r->stdout_len && r->stdout_text[r->stdout_len - 1] == '\n')
		r->stdout_text[--r->stdout_len] = '\0';
	r->stderr_tail = read_tail(p->err_path, WFC_PROC_STDERR_TAIL, &elen,
				   &etotal);
	if (p->pidfd >= 0) {
		close(p->pidfd);
		p->pidfd = -1;
	}
}

int wfc_proc_poll(struct wfc_proc *p)
{
	siginfo_t si;
	int status;
	double t;

	if (p->done)
		return 1;
	memset(&si, 0, sizeof(si));
	errno = 0;
	if (waitid(P_PID, (id_t)p->pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 &&
	    si.si_pid == p->pid) {
		/* the leader is a zombie, so its pid (the group id) cannot be
		 * reused yet: kill whatever it left behind, then reap it */
		kill(-p->pid, SIGKILL);
		while (waitpid(p->pid, &status, 0) < 0) {
			if (errno != EINTR) {
				status = 0;
				break;
			}
		}
		finish(p, status);
		return 1;
	}
	if (errno == ECHILD && waitid(P_PID, (id_t)p->pid, &si,
				      WEXITED | WNOHANG | WNOWAIT) < 0 &&
	    errno == ECHILD) {
		/* someone else reaped it (SIGCHLD ignored?): status unknown */
		kill(-p->pid, SIGKILL);
		finish(p, 0);
		p->res.exit_code = -1;
		return 1;
	}
	t = now_s();
	if (p->deadline && t >= p->deadline && !p->killing) {
		p->timed_out = true;
		wfc_proc_kill(p);
		p->killed = false;
	}
	if (p->killing && t >= p->kill_deadline) {
		kill(-p->pid, SIGKILL);
		p->kill_deadline = 0;
	}
	return 0;
}

int wfc_proc_timeout_ms(const struct wfc_proc *p)
{
	double next = 0, t;

	if (p->done)
		return -1;
	if (p->killing)
		next = p->kill_deadline;
	else if (p->deadline)
		next = p->deadline;
	if (!next)
		return -1;
	t = now_s();
	if (next <= t)
		return 0;
	return (int)((next - t) * 1000) + 1;
}

void wfc_proc_wait(struct wfc_proc *p)
{
	while (!wfc_proc_poll(p)) {
		int ms = wfc_proc_timeout_ms(p);

		if (p->pidfd >= 0) {
			struct pollfd pfd = { .fd = p->pidfd, .events = POLLIN };

			poll(&pfd, 1, ms);
		} else {
			struct timespec ts = { 0, 10 * 1000 * 1000 };

			if (ms >= 0 && ms < 10)
				ts.tv_nsec = ms * 1000 * 1000L;
			nanosleep(&ts, NULL);
		}
	}
}

void wfc_proc_kill(struct wfc_proc *p)
{
	if (p->done || p->killing)
		return;
	p->killing = true;
	p->killed = true;
	p->kill_deadline = now_s() + p->grace;
	kill(-p->pid, SIGTERM);
	/* a stopped tree would never see the SIGTERM */
	kill(-p->pid, SIGCONT);
}

const struct wfc_proc_result *wfc_proc_result(const struct wfc_proc *p)
{
	return p->done ? &p->res : NULL;
}

/* ---- accessors ---- */

pid_t wfc_proc_pid(const struct wfc_proc *p)
{
	return p->pid;
}

int wfc_proc_fd(const struct wfc_proc *p)
{
	return p->pidfd;
}

enum wfc_proc_isolation wfc_proc_isolation(const struct wfc_proc *p)
{
	return p->iso;
}

const char *wfc_proc_isolation_name(enum wfc_proc_isolation iso)
{
	switch (iso) {
	case WFC_PROC_ISO_MOUNTNS:
		return "mount namespace";
	case WFC_PROC_ISO_USERNS:
		return "user and mount namespace";
	case WFC_PROC_ISO_TMPDIR:
		break;
	}
	return "TMPDIR only (no namespaces: /tmp is shared)";
}

const char *wfc_proc_workdir(const struct wfc_proc *p)
{
	return p->workdir;
}

const char *wfc_proc_tmpdir(const struct wfc_proc *p)
{
	return p->tmpdir;
}

const char *wfc_proc_stdout_path(const struct wfc_proc *p)
{
	return p->out_path;
}

const char *wfc_proc_stderr_path(const struct wfc_proc *p)
{
	return p->err_path;
}

char *wfc_proc_host_path(const struct wfc_proc *p, const char *step_path)
{
	if (!strcmp(step_path, "/tmp"))
		return wfc_xstrdup(p->tmpdir);
	if (!strncmp(step_path, "/tmp/", 5) && p->iso != WFC_PROC_ISO_TMPDIR)
		return join(p->tmpdir, step_path + 5);
	if (step_path[0] != '/')
		return join(p->workdir, step_path);
	return wfc_xstrdup(step_path);
}

void wfc_proc_destroy(struct wfc_proc *p)
{
	if (!p)
		return;
	if (p->pid > 0 && !p->done) {
		kill(-p->pid, SIGKILL);
		wfc_proc_wait(p);
	}
	if (p->pidfd >= 0)
		close(p->pidfd);
	if (p->base)
		rm_tree(p->base);
	free(p->res.stdout_text);
	free(p->res.stderr_tail);
	free(p->base);
	free(p->tmpdir);
	free(p->workdir);
	free(p->out_path);
	free(p->err_path);
	free(p);
}

/* ---- Ctrl-C ---- */

/* The only global state: written by the signal handler. */
static volatile sig_atomic_t caught_signal;
static int sig_pipe[2] = { -1, -1 };

static void on_signal(int sig)
{
	int saved = errno;
	char c = (char)sig;

	caught_signal = sig;
	if (sig_pipe[1] >= 0 && write(sig_pipe[1], &c, 1) < 0) {
		/* the pipe is full: a byte is already waiting */
	}
	errno = saved;
}

int wfc_proc_signals_install(void)
{
	struct sigaction sa;

	if (sig_pipe[0] < 0 && pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK))
		return -1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGINT, &sa, NULL) || sigaction(SIGTERM, &sa, NULL))
		return -1;
	return 0;
}

int wfc_proc_signal_fd(void)
{
	return sig_pipe[0];
}

int wfc_proc_signal_caught(void)
{
	return caught_signal;
}
