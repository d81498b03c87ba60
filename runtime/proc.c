/* One step as a host process tree; see proc.h. */
#define _GNU_SOURCE /* clone, setns, mount, close_range, pidfd */
#include "runtime/proc.h"
#include "support/strmap.h"
#include "support/text.h"
#include "support/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/asan_interface.h>
#endif

extern char **environ;

#define DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
#define DEFAULT_GRACE_S 5.0
/* Mount namespaces a pool keeps open for reuse (two descriptors each with
 * a user namespace); slots beyond get a fresh one per step. */
#define KEEP_NS_MAX 32
/* The child's stack: it runs a few system calls, then execs. */
#define CHILD_STACK (64 * 1024)

/* A step's private directories, reused by the next step once emptied. */
struct slot {
	char *dir, *tmp, *work;	/* ROOT/K, ROOT/K/tmp, ROOT/K/work */
	char *out_log, *err_log; /* ROOT/K/stdout.log, ROOT/K/stderr.log */
	bool logs_written;	/* the last step wrote to them: truncate */
	/* the mount namespace (and user namespace) in which /tmp is tmp,
	 * kept for the next step of this slot, and its /proc/PID/mounts,
	 * which polls POLLPRI once a step has mounted or unmounted anything
	 * in it; -1: none */
	int mnt_fd, mounts_fd, user_fd;
	enum {
		SLOT_FREE,	/* empty, ready */
		SLOT_BUSY,	/* a step's */
		SLOT_USED,	/* its step is gone: to empty */
		SLOT_BROKEN,	/* could not be emptied: never reused */
	} state;
};

struct wfc_proc_pool {
	char *root;		/* SCRATCH/wfc-run-XXXXXX */
	/* root as a path inside a slot's tmp, when the bind on /tmp hides
	 * it ("wfc-run-XXXXXX" for /tmp/wfc-run-XXXXXX); else NULL */
	char *hidden_rel;
	bool no_namespaces;
	int iso;		/* enum wfc_proc_isolation; -1 until the
				 * first step has found out */
	struct slot **slots;	/* stable: procs point at them */
	size_t nslots, kept;
	char *stack;		/* CHILD_STACK bytes after a guard page */
	size_t stack_map;
	sigset_t reset;		/* dispositions the child sets to SIG_DFL */
	char uid_map[32], gid_map[32];
	int null_fd;		/* /dev/null, every step's stdin by default */
	/* "argv0\0PATH" -> the executable found (both malloc'd) */
	struct wfc_strmap exes;
};

struct wfc_proc {
	struct wfc_proc_pool *pool;
	struct slot *slot;	/* NULL once released */
	pid_t pid;
	int pidfd;
	enum wfc_proc_isolation iso;
	bool done, killing;
	double start, deadline, kill_deadline; /* monotonic; 0: none */
	double grace;
	bool timed_out, killed;
	bool slot_logs;		/* the logs are the slot's */
	bool followed;		/* someone else reads them: not reused */
	char *out_path, *err_path;
	struct wfc_proc_result res;
};

/* What the child reports through the status socket before exec. */
enum { ST_ISO = 1, ST_FAIL = 2 };
struct child_msg {
	int kind;
	int value;		/* isolation, or errno */
	char what[48];		/* failing step */
};

/* The signals wfc_proc_signals_install catches. */
static const int caught_signals[] = { SIGINT, SIGTERM };

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = wfc_xmalloc(la + lb + 2);

	memcpy(s, a, la);
	s[la] = '/';
	memcpy(s + la + 1, b, lb + 1);
	return s;
}

static char *concat(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = wfc_xmalloc(la + lb + 1);

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

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* ---- emptying and removing directories ---- */

static int empty_dir(int dfd, const char *keep, const char *const *skip);

static int open_dir_at(int dfd, const char *name)
{
	return openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

/* Removes the entry name of dfd, a directory with what is in it. */
static int remove_at(int dfd, const char *name, bool *fixed)
{
	int sub;

	if (unlinkat(dfd, name, 0) == 0)
		return 0;
	if (errno == EACCES && !*fixed) {
		/* the step took our write permission away */
		*fixed = true;
		fchmod(dfd, 0700);
		if (unlinkat(dfd, name, 0) == 0)
			return 0;
	}
	if (errno != EISDIR)
		return -1;
	sub = open_dir_at(dfd, name);
	if (sub < 0 && errno == EACCES && fchmodat(dfd, name, 0700, 0) == 0)
		sub = open_dir_at(dfd, name);
	if (sub >= 0)
		empty_dir(sub, NULL, NULL);
	return unlinkat(dfd, name, AT_REMOVEDIR);
}

/*
 * Removes what is in the directory dfd (which it closes), depth first,
 * never following a symlink out of the tree; a directory the step made
 * unreadable or unwritable is made ours again first. keep: a relative
 * path ("a/b/c") of directories left in place (a mount point), whose other
 * contents go; skip: NULL-terminated names left alone; both may be NULL.
 * 0, or -1 when something stayed. Reads the entries with getdents64 (no
 * DIR: this runs for every step).
 */
static int empty_dir(int dfd, const char *keep, const char *const *skip)
{
	const char *rest = NULL;
	size_t klen = 0;
	char *buf = wfc_xmalloc(4096);
	int rc = 0;
	bool again = true, fixed = false;

	if (keep) {
		rest = strchr(keep, '/');
		klen = rest ? (size_t)(rest - keep) : strlen(keep);
		if (rest)
			rest++;
	}
	/* a second pass only if the first removed something (entries
	 * removed while reading must not hide others) */
	while (again) {
		ssize_t n;

		again = false;
		rc = 0;
		while ((n = getdents64(dfd, buf, 4096)) > 0) {
			for (ssize_t off = 0; off < n;) {
				struct dirent64 *e = (struct dirent64 *)(buf + off);
				const char *name = e->d_name;
				bool skipped = false;

				off += e->d_reclen;
				if (name[0] == '.' &&
				    (!name[1] || (name[1] == '.' && !name[2])))
					continue;
				for (const char *const *k = skip; k && *k && !skipped; k++)
					skipped = !strcmp(*k, name);
				if (skipped)
					continue;
				if (keep && strlen(name) == klen &&
				    !memcmp(name, keep, klen)) {
					/* the mount point itself stays as it is */
					int sub = rest ? open_dir_at(dfd, name) : -2;

					if (sub == -1 || (sub >= 0 && empty_dir(sub, rest, NULL)))
						rc = -1;
					continue;
				}
				if (remove_at(dfd, name, &fixed))
					rc = -1;
				else
					again = true;
			}
		}
		if (n < 0)
			rc = -1;
		if (again && lseek(dfd, 0, SEEK_SET) < 0)
			break;
	}
	free(buf);
	close(dfd);
	return rc;
}

static void rm_tree(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	if (fd >= 0)
		empty_dir(fd, NULL, NULL);
	rmdir(path);
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

/* search_path through the pool's cache, for the many steps of a run that
 * run the same command: a hit costs one access() (a program installed
 * earlier in PATH during the run is not seen; one removed is). */
static char *find_exe(struct wfc_proc_pool *pool, const char *argv0, const char *path)
{
	size_t la = strlen(argv0), len = la + 1 + strlen(path);
	char *key = wfc_xmalloc(len + 1), *exe, *old;
	const char *hit;

	memcpy(key, argv0, la + 1);
	memcpy(key + la + 1, path, len - la);
	hit = wfc_strmap_get(&pool->exes, key, len);
	if (hit && access(hit, X_OK) == 0) {
		free(key);
		return wfc_xstrdup(hit);
	}
	exe = search_path(argv0, path);
	if (!exe) {
		free(key);
		return NULL;
	}
	old = wfc_strmap_put(&pool->exes, key, len, wfc_xstrdup(exe));
	if (old) {
		/* the map keeps its first key */
		free(old);
		free(key);
	}
	return exe;
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

/* ---- the pool ---- */

/* Closes the slot's namespaces (the next step makes new ones). */
static void slot_drop_ns(struct wfc_proc_pool *pool, struct slot *sl)
{
	if (sl->mnt_fd >= 0)
		pool->kept--;
	close_fd(&sl->mnt_fd);
	close_fd(&sl->mounts_fd);
	close_fd(&sl->user_fd);
}

/* Whether a step changed the mounts of the slot's namespace (umount
 * /tmp, a mount of its own...): then no later step may inherit it. */
static bool slot_ns_changed(const struct slot *sl)
{
	struct pollfd pfd = { .fd = sl->mounts_fd, .events = POLLPRI };

	return poll(&pfd, 1, 0) != 0;
}

static void slot_free(struct wfc_proc_pool *pool, struct slot *sl)
{
	slot_drop_ns(pool, sl);
	free(sl->dir);
	free(sl->tmp);
	free(sl->work);
	free(sl->out_log);
	free(sl->err_log);
	free(sl);
}

int wfc_proc_pool_create(const struct wfc_proc_pool_cfg *cfg,
			 struct wfc_proc_pool **out, char *err, size_t errlen)
{
	struct wfc_proc_pool *pool;
	const char *scratch = cfg ? cfg->scratch_dir : NULL;
	char *real, *tmp;
	void *map;

	*out = NULL;
	if (!scratch)
		scratch = getenv("TMPDIR");
	if (!scratch || !*scratch)
		scratch = "/tmp";
	pool = calloc(1, sizeof(*pool));
	if (!pool)
		abort();
	pool->iso = -1;
	pool->no_namespaces = cfg && cfg->no_namespaces;
	pool->null_fd = -1;

	real = realpath(scratch, NULL);
	if (!real) {
		wfc_errf(err, errlen, "cannot use scratch directory '%s': %s",
			 scratch, strerror(errno));
		goto err_out;
	}
	pool->root = join(strcmp(real, "/") ? real : "", "wfc-run-XXXXXX");
	free(real);
	if (!mkdtemp(pool->root)) {
		wfc_errf(err, errlen, "cannot create a private directory in '%s': %s",
			 scratch, strerror(errno));
		free(pool->root);
		pool->root = NULL;
		goto err_out;
	}
	pool->null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (pool->null_fd < 0) {
		wfc_errf(err, errlen, "cannot open /dev/null: %s", strerror(errno));
		goto err_out;
	}
	/* the bind on /tmp hides the run's directory if it is under /tmp */
	tmp = realpath("/tmp", NULL);
	if (tmp && !strncmp(pool->root, tmp, strlen(tmp)) &&
	    pool->root[strlen(tmp)] == '/')
		pool->hidden_rel = wfc_xstrdup(pool->root + strlen(tmp) + 1);
	free(tmp);

	/* the child's stack, with a guard page below it */
	pool->stack_map = CHILD_STACK + (size_t)sysconf(_SC_PAGESIZE);
	map = mmap(NULL, pool->stack_map, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (map == MAP_FAILED) {
		wfc_errf(err, errlen, "cannot map a stack: %s", strerror(errno));
		goto err_out;
	}
	mprotect(map, pool->stack_map - CHILD_STACK, PROT_NONE);
	pool->stack = (char *)map + (pool->stack_map - CHILD_STACK);

	/* what the child must reset to give the step default dispositions:
	 * whatever is not SIG_DFL now, and the handlers installed later by
	 * wfc_proc_signals_install (exec resets handlers, but not before
	 * the child has unblocked signals, and it shares our memory) */
	sigemptyset(&pool->reset);
	for (int sig = 1; sig < NSIG; sig++) {
		struct sigaction sa;

		if (sig == SIGKILL || sig == SIGSTOP)
			continue;
		if (sigaction(sig, NULL, &sa) == 0 && sa.sa_handler != SIG_DFL)
			sigaddset(&pool->reset, sig);
	}
	for (size_t i = 0; i < sizeof(caught_signals) / sizeof(*caught_signals); i++)
		sigaddset(&pool->reset, caught_signals[i]);
	snprintf(pool->uid_map, sizeof(pool->uid_map), "%u %u 1\n",
		 (unsigned)geteuid(), (unsigned)geteuid());
	snprintf(pool->gid_map, sizeof(pool->gid_map), "%u %u 1\n",
		 (unsigned)getegid(), (unsigned)getegid());
	*out = pool;
	return 0;
err_out:
	wfc_proc_pool_destroy(pool);
	return -1;
}

void wfc_proc_pool_destroy(struct wfc_proc_pool *pool)
{
	if (!pool)
		return;
	/* the namespaces go before the directories: removing a mount point
	 * of a live namespace from outside would detach it */
	for (size_t i = 0; i < pool->nslots; i++)
		slot_free(pool, pool->slots[i]);
	if (pool->root)
		rm_tree(pool->root);
	if (pool->stack)
		munmap(pool->stack - (pool->stack_map - CHILD_STACK), pool->stack_map);
	close_fd(&pool->null_fd);
	for (size_t i = 0; i < pool->exes.cap; i++)
		if (pool->exes.slots[i].key) {
			free((char *)pool->exes.slots[i].key);
			free(pool->exes.slots[i].val);
		}
	wfc_strmap_free(&pool->exes);
	free(pool->slots);
	free(pool->hidden_rel);
	free(pool->root);
	free(pool);
}

const char *wfc_proc_pool_dir(const struct wfc_proc_pool *pool)
{
	return pool->root;
}

static void slot_empty(struct wfc_proc_pool *pool, struct slot *sl);

/*
 * A free slot. A slot its step left is emptied by wfc_proc_pool_tidy, when
 * the caller is about to wait anyway; if none is free here a new one is
 * made while there are fewer than the busy ones and two (so a chain
 * alternates between two, one emptied while the other runs), else a left
 * one is emptied now. NULL with err set.
 */
static struct slot *slot_take(struct wfc_proc_pool *pool, char *err, size_t errlen)
{
	struct slot *sl, *used = NULL;
	size_t busy = 0;
	char name[24];

	for (size_t i = 0; i < pool->nslots; i++) {
		sl = pool->slots[i];
		if (sl->state == SLOT_FREE) {
			sl->state = SLOT_BUSY;
			return sl;
		}
		busy += sl->state == SLOT_BUSY;
		if (sl->state == SLOT_USED && !used)
			used = sl;
	}
	if (used && pool->nslots >= busy + 2) {
		slot_empty(pool, used);
		if (used->state == SLOT_FREE) {
			used->state = SLOT_BUSY;
			return used;
		}
	}
	snprintf(name, sizeof(name), "%zu", pool->nslots);
	sl = calloc(1, sizeof(*sl));
	if (!sl)
		abort();
	sl->mnt_fd = sl->mounts_fd = sl->user_fd = -1;
	sl->dir = join(pool->root, name);
	sl->tmp = join(sl->dir, "tmp");
	sl->work = join(sl->dir, "work");
	sl->out_log = join(sl->dir, "stdout.log");
	sl->err_log = join(sl->dir, "stderr.log");
	/* mkdir's mode is cut by the umask: tmp gets /tmp's own mode */
	if (mkdir(sl->dir, 0700) || mkdir(sl->tmp, 0700) ||
	    chmod(sl->tmp, 01777) || mkdir(sl->work, 0755)) {
		wfc_errf(err, errlen, "cannot create '%s': %s", sl->tmp,
			 strerror(errno));
		rm_tree(sl->dir);
		slot_free(pool, sl);
		return NULL;
	}
	pool->slots = wfc_xrealloc(pool->slots, (pool->nslots + 1) * sizeof(*pool->slots));
	pool->slots[pool->nslots++] = sl;
	sl->state = SLOT_BUSY;
	return sl;
}

void wfc_proc_pool_tidy(struct wfc_proc_pool *pool)
{
	for (size_t i = 0; pool && i < pool->nslots; i++)
		if (pool->slots[i]->state == SLOT_USED)
			slot_empty(pool, pool->slots[i]);
}

/* Empties dir (a slot's tmp or work dir) and gives it its mode back, or
 * makes it again if the step removed or replaced it. 0, 1 when made
 * again, -1 when something stayed. */
static int reset_dir(const char *dir, const char *keep, mode_t mode)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;

	if (fd < 0) {
		if (errno != ENOENT) {
			rm_tree(dir);	/* a symlink or file in its place */
			unlink(dir);
		}
		return mkdir(dir, 0700) || chmod(dir, mode) ? -1 : 1;
	}
	if (fstat(fd, &st) == 0 && (st.st_mode & 07777) != mode)
		fchmod(fd, mode);
	return empty_dir(fd, keep, NULL);
}

/* Empties a slot its step left, for the next step. */
static void slot_empty(struct wfc_proc_pool *pool, struct slot *sl)
{
	static const char *const kept[] = { "tmp", "work", "stdout.log",
					    "stderr.log", NULL };
	char *keep = NULL;
	int fd, rc;

	/* in a namespace, tmp holds the mount point on which the slot shows
	 * at its own path: that stays, and nothing else */
	if (pool->hidden_rel && pool->iso != WFC_PROC_ISO_TMPDIR)
		keep = join(pool->hidden_rel, sl->dir + strlen(pool->root) + 1);
	rc = reset_dir(sl->tmp, keep, 01777);
	if (rc == 1) {
		/* a new tmp: the slot's namespace shows the old one */
		slot_drop_ns(pool, sl);
		rc = 0;
	}
	rc |= reset_dir(sl->work, NULL, 0755) < 0 ? -1 : 0;
	free(keep);
	/* a script, stdin, whatever the step put next to tmp, work and the
	 * logs (which the next step truncates) */
	fd = open(sl->dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	rc |= fd < 0 ? -1 : empty_dir(fd, NULL, kept);
	sl->state = rc ? SLOT_BROKEN : SLOT_FREE;
}

/* ---- the child ---- */

/*
 * The child shares our memory until it execs (clone with CLONE_VM and
 * CLONE_VFORK: no page tables are copied, we wait meanwhile), so it makes
 * only system calls on what the parent prepared: no malloc, no stdio, and
 * no errno the parent relies on. Under a tool that turns the clone into a
 * fork (valgrind) it works the same.
 */
enum ns_action {
	NS_NONE,	/* TMPDIR only */
	NS_NEW,		/* the clone made namespaces: set up /tmp */
	NS_JOIN,	/* enter the slot's kept namespaces */
};

struct child_args {
	const struct wfc_proc_pool *pool;
	struct slot *slot;
	enum ns_action ns;
	bool userns;		/* NS_NEW: a user namespace too */
	bool keep;		/* NS_NEW: send the namespaces back */
	bool sock;		/* status_fd is a socket (else a pipe) */
	bool vforked;		/* set by the child: it shares our memory */
	const char *exe;
	char **argv, **env;
	size_t env_spare;	/* index of the spare env slot */
	char *tmpdir_env;	/* "TMPDIR=..." */
	int in_fd, out_fd, err_fd, status_fd;
};

/* Sends the message and, when fds is non-NULL, nfds descriptors (over a
 * socket). */
static void child_send(const struct child_args *a, int kind, int value,
		       const char *what, const int *fds, int nfds)
{
	struct child_msg m;
	struct iovec iov = { .iov_base = &m, .iov_len = sizeof(m) };
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(3 * sizeof(int))];
	} u;
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };

	memset(&m, 0, sizeof(m));
	m.kind = kind;
	m.value = value;
	for (size_t i = 0; what && what[i] && i < sizeof(m.what) - 1; i++)
		m.what[i] = what[i];
	if (fds && nfds > 0) {
		memset(&u, 0, sizeof(u));
		mh.msg_control = u.buf;
		mh.msg_controllen = CMSG_SPACE((size_t)nfds * sizeof(int));
		u.h.cmsg_level = SOL_SOCKET;
		u.h.cmsg_type = SCM_RIGHTS;
		u.h.cmsg_len = CMSG_LEN((size_t)nfds * sizeof(int));
		memcpy(CMSG_DATA(&u.h), fds, (size_t)nfds * sizeof(int));
	}
	if (!a->sock) {
		while (write(a->status_fd, &m, sizeof(m)) < 0 && errno == EINTR)
			;
		return;
	}
	while (sendmsg(a->status_fd, &mh, MSG_NOSIGNAL) < 0 && errno == EINTR)
		;
}

static void child_fail(const struct child_args *a, const char *what)
{
	child_send(a, ST_FAIL, errno, what, NULL, 0);
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

/* mkdir -p in place, on a writable path (restored before returning). */
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

/* "/proc/self/fd/N" without stdio. */
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

/* In the namespaces the clone made: /tmp becomes the slot's tmp. Returns
 * the isolation achieved, or -1 if the namespace is half set up (fatal). */
static int child_new_ns(const struct child_args *a)
{
	struct slot *sl = a->slot;
	char fdp[32];
	int slot_fd;

	if (a->userns) {
		/* our own uid and gid mapped to themselves */
		if (write_proc_file("/proc/self/uid_map", a->pool->uid_map))
			return WFC_PROC_ISO_TMPDIR;
		write_proc_file("/proc/self/setgroups", "deny");
		if (write_proc_file("/proc/self/gid_map", a->pool->gid_map))
			return WFC_PROC_ISO_TMPDIR;
	}
	/* nothing visible has changed yet: failures here fall back. Slave:
	 * what we mount stays here, what the host mounts later (automounts)
	 * still shows, as a kept namespace may serve many steps */
	if (mount("none", "/", "none", MS_REC | MS_SLAVE, NULL))
		return WFC_PROC_ISO_TMPDIR;
	/* the slot may live under /tmp: show it again at the same path so
	 * the work dir and the script keep their names (the fd is opened
	 * here, in the new namespace, or the bind below would refuse it) */
	slot_fd = open(sl->dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (slot_fd < 0)
		return WFC_PROC_ISO_TMPDIR;
	if (mount(sl->tmp, "/tmp", "none", MS_BIND, NULL)) {
		close(slot_fd);
		return WFC_PROC_ISO_TMPDIR;
	}
	if (a->pool->hidden_rel) {
		fd_path(fdp, slot_fd);
		if (mkdir_p(sl->dir) || mount(fdp, sl->dir, "none", MS_BIND, NULL))
			return -1;
	}
	close(slot_fd);
	return a->userns ? WFC_PROC_ISO_USERNS : WFC_PROC_ISO_MOUNTNS;
}

static int child_main(void *arg)
{
	struct child_args *a = arg;
	struct sigaction dfl;
	sigset_t none;
	int iso = WFC_PROC_ISO_TMPDIR, fds[3], nfds = 0;

	a->vforked = true;	/* seen by the parent only if it is so */
	setpgid(0, 0);
	/* default dispositions, as a fresh process; every signal stays
	 * blocked (by the parent) until just before exec */
	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	for (int sig = 1; sig < NSIG; sig++)
		if (sigismember(&a->pool->reset, sig) == 1)
			sigaction(sig, &dfl, NULL);

	if (a->ns == NS_JOIN) {
		if ((a->slot->user_fd >= 0 && setns(a->slot->user_fd, CLONE_NEWUSER)) ||
		    setns(a->slot->mnt_fd, CLONE_NEWNS))
			child_fail(a, "joining the namespace");
		iso = a->pool->iso;
	} else if (a->ns == NS_NEW) {
		iso = child_new_ns(a);
		if (iso < 0)
			child_fail(a, "private /tmp");
		if (iso != WFC_PROC_ISO_TMPDIR && a->keep) {
			/* all or none: the namespace, its mounts, its user ns */
			static const char *const ns_files[] = {
				"/proc/self/ns/mnt", "/proc/self/mounts",
				"/proc/self/ns/user",
			};
			int want = a->userns ? 3 : 2;

			while (nfds < want &&
			       (fds[nfds] = open(ns_files[nfds], O_RDONLY | O_CLOEXEC)) >= 0)
				nfds++;
			if (nfds < want)
				nfds = 0;
		}
	}
	if (iso == WFC_PROC_ISO_TMPDIR)
		a->env[a->env_spare] = a->tmpdir_env;
	if (chdir(a->slot->work))
		child_fail(a, "work dir");
	if (dup2(a->in_fd, 0) < 0 || dup2(a->out_fd, 1) < 0 ||
	    dup2(a->err_fd, 2) < 0)
		child_fail(a, "stdio");
	/* every other inherited fd, ours or anyone's, closes on exec */
	syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC);
	/* the parent knows the rest */
	if (a->ns == NS_NEW)
		child_send(a, ST_ISO, iso, NULL, nfds ? fds : NULL, nfds);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	execve(a->exe, a->argv, a->env);
	child_fail(a, "exec");
	return 127;
}

/* ---- starting ---- */

/* trunc: O_TRUNC, which costs a setattr (an inode update) even on an
 * empty file. */
static int open_log(const char *path, bool trunc, char *err, size_t errlen)
{
	int flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (trunc ? O_TRUNC : 0);
	int fd = open(path, flags, 0644);

	if (fd < 0 && (errno == ELOOP || errno == EISDIR)) {
		/* a step put something else in its place */
		rm_tree(path);
		unlink(path);
		fd = open(path, flags, 0644);
	}
	if (fd < 0)
		wfc_errf(err, errlen, "cannot create %s: %s", path, strerror(errno));
	return fd;
}

/* clone as vfork, all signals blocked meanwhile (the child resets and
 * unblocks them). */
static pid_t spawn(struct wfc_proc_pool *pool, struct child_args *a, int flags)
{
	sigset_t all, old;
	pid_t pid;

#ifdef __SANITIZE_ADDRESS__
	/* the last child's frames never returned (it exec'd): their poison
	 * would still be on the stack this one reuses */
	__asan_unpoison_memory_region(pool->stack, CHILD_STACK);
#endif
	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, &old);
	pid = clone(child_main, pool->stack + CHILD_STACK,
		    CLONE_VM | CLONE_VFORK | SIGCHLD | flags, a);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return pid;
}

/* Reads what the child said before it exec'd or failed; keeps the
 * namespaces it sent in its slot. vforked: the clone returned once the
 * child had exec'd or exited, so all it wrote is there already (its end
 * of the pipe closes a little later, on exec: no need to wait for that);
 * else (a fork, under valgrind) read until EOF. 0, or -1 with err set. */
static int child_status(struct wfc_proc *p, int fd, bool sock, bool vforked,
			const char *argv0, char *err, size_t errlen)
{
	struct child_msg m;
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(3 * sizeof(int))];
	} u;
	int rc = 0;

	for (;;) {
		struct iovec iov = { .iov_base = &m, .iov_len = sizeof(m) };
		struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
				     .msg_control = u.buf,
				     .msg_controllen = sizeof(u.buf) };
		int fds[3] = { -1, -1, -1 }, nfds = 0;
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		ssize_t n;

		/* the pipe does not block: wait here when it may */
		if (!vforked && poll(&pfd, 1, -1) < 0 && errno == EINTR)
			continue;
		n = sock ? recvmsg(fd, &mh, MSG_CMSG_CLOEXEC | MSG_DONTWAIT)
			 : read(fd, &m, sizeof(m));
		if (n < 0 && errno == EINTR)
			continue;
		for (struct cmsghdr *c = sock && n > 0 ? CMSG_FIRSTHDR(&mh) : NULL; c;
		     c = CMSG_NXTHDR(&mh, c))
			if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
				nfds = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
				nfds = nfds > 3 ? 3 : nfds;
				memcpy(fds, CMSG_DATA(c), (size_t)nfds * sizeof(int));
			}
		if (n != (ssize_t)sizeof(m)) {
			for (int i = 0; i < nfds; i++)
				close(fds[i]);
			break;
		}
		if (m.kind == ST_ISO) {
			p->iso = (enum wfc_proc_isolation)m.value;
			if (nfds >= 2 && p->slot->mnt_fd < 0) {
				p->slot->mnt_fd = fds[0];
				p->slot->mounts_fd = fds[1];
				p->slot->user_fd = nfds > 2 ? fds[2] : -1;
				p->pool->kept++;
				nfds = 0;
			}
		} else {
			m.what[sizeof(m.what) - 1] = '\0';
			if (!strcmp(m.what, "exec") && m.value == ENOENT)
				wfc_errf(err, errlen, "command not found: %s", argv0);
			else
				wfc_errf(err, errlen, "cannot start %s: %s: %s",
					 argv0, m.what, strerror(m.value));
			rc = -1;
		}
		for (int i = 0; i < nfds; i++)
			close(fds[i]);
	}
	return rc;
}

int wfc_proc_start(const struct wfc_proc_spec *s, struct wfc_proc **out,
		   char *err, size_t errlen)
{
	struct wfc_proc_pool *pool = s->pool;
	struct wfc_proc *p;
	struct child_args a;
	char **owned = NULL, *exe = NULL, *script_path = NULL, *in_path = NULL;
	const char *path;
	size_t argc = 0;
	int sp[2] = { -1, -1 }, rc = -1;
	bool trunc;

	*out = NULL;
	if (!s->argv || !s->argv[0] || !*s->argv[0]) {
		wfc_errf(err, errlen, "empty command");
		return -1;
	}
	if (!pool) {
		wfc_errf(err, errlen, "no process pool");
		return -1;
	}
	memset(&a, 0, sizeof(a));
	a.in_fd = a.out_fd = a.err_fd = -1;
	p = calloc(1, sizeof(*p));
	if (!p)
		abort();
	p->pool = pool;
	p->pid = -1;
	p->pidfd = -1;
	p->grace = s->grace_s > 0 ? s->grace_s : DEFAULT_GRACE_S;

	/* command not found: before anything is created or started */
	path = env_lookup(s->env, "PATH");
	if (!path)
		path = getenv("PATH");
	if (!path)
		path = DEFAULT_PATH;
	exe = find_exe(pool, s->argv[0], path);
	if (!exe) {
		wfc_errf(err, errlen, "command not found: %s", s->argv[0]);
		goto out;
	}

	p->slot = slot_take(pool, err, errlen);
	if (!p->slot)
		goto out;
	if (s->log_dir) {
		if (mkdir(s->log_dir, 0755) && errno != EEXIST) {
			wfc_errf(err, errlen, "cannot create log dir %s: %s",
			       s->log_dir, strerror(errno));
			goto out;
		}
		p->out_path = join(s->log_dir, "stdout.log");
		p->err_path = join(s->log_dir, "stderr.log");
	} else {
		/* the slot's, truncated: no new files for each step */
		p->out_path = wfc_xstrdup(p->slot->out_log);
		p->err_path = wfc_xstrdup(p->slot->err_log);
		p->slot_logs = true;
	}
	/* the slot's logs are empty unless its last step wrote to them (a
	 * process that escaped that step's group may still: out of reach) */
	trunc = !p->slot_logs || p->slot->logs_written;
	if ((a.out_fd = open_log(p->out_path, trunc, err, errlen)) < 0 ||
	    (a.err_fd = open_log(p->err_path, trunc, err, errlen)) < 0)
		goto out;
	p->slot->logs_written = false;
	if (s->stdin_text) {
		in_path = join(p->slot->dir, "stdin");
		if (write_file(in_path, s->stdin_text, 0600)) {
			wfc_errf(err, errlen, "cannot write %s: %s", in_path,
			       strerror(errno));
			goto out;
		}
		a.in_fd = open(in_path, O_RDONLY | O_CLOEXEC);
	} else {
		a.in_fd = pool->null_fd;	/* borrowed */
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
		script_path = join(p->slot->dir, "script");
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
	a.tmpdir_env = concat("TMPDIR=", p->slot->tmp);
	a.pool = pool;
	a.slot = p->slot;
	a.exe = exe;
	/* how the step is isolated: the slot's namespaces, new ones of the
	 * kind the first step found to work (it tries them in turn), or none */
	if (pool->no_namespaces || pool->iso == WFC_PROC_ISO_TMPDIR) {
		pool->iso = WFC_PROC_ISO_TMPDIR;
		a.ns = NS_NONE;
	} else if (p->slot->mnt_fd >= 0 && !slot_ns_changed(p->slot)) {
		a.ns = NS_JOIN;
	} else {
		slot_drop_ns(pool, p->slot);
		a.ns = NS_NEW;
		a.keep = pool->kept < KEEP_NS_MAX;
		a.userns = pool->iso == WFC_PROC_ISO_USERNS;
	}
	p->iso = a.ns == NS_JOIN ? (enum wfc_proc_isolation)pool->iso
				 : WFC_PROC_ISO_TMPDIR;
	/* the child's reports: a socket when it sends namespaces back */
	a.sock = a.ns == NS_NEW && a.keep;
	if (a.sock ? socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sp)
		   : pipe2(sp, O_CLOEXEC | O_NONBLOCK)) {
		wfc_errf(err, errlen, "cannot start %s: %s", s->argv[0],
			 strerror(errno));
		goto out;
	}
	a.status_fd = sp[1];

	p->start = now_s();
	if (a.ns != NS_NEW) {
		p->pid = spawn(pool, &a, 0);
	} else {
		p->pid = spawn(pool, &a, CLONE_NEWNS | (a.userns ? CLONE_NEWUSER : 0));
		if (p->pid < 0 && pool->iso < 0) {
			a.userns = true;
			p->pid = spawn(pool, &a, CLONE_NEWNS | CLONE_NEWUSER);
		}
		if (p->pid < 0 && pool->iso < 0) {
			a.ns = NS_NONE;
			p->pid = spawn(pool, &a, 0);
		}
	}
	if (p->pid < 0) {
		wfc_errf(err, errlen, "cannot start %s: %s", s->argv[0],
			 strerror(errno));
		goto out;
	}
	/* both sides set the group, so a kill right after start reaches it */
	setpgid(p->pid, p->pid);
	close_fd(&sp[1]);
	/* close-on-exec already */
	p->pidfd = (int)syscall(SYS_pidfd_open, p->pid, 0);

	/* the child says how it made its namespaces (if it did), then
	 * either execs (EOF) or fails */
	rc = child_status(p, sp[0], a.sock, a.vforked, s->argv[0], err, errlen);
	if (pool->iso < 0)
		pool->iso = (int)p->iso;
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
	close_fd(&sp[0]);
	close_fd(&sp[1]);
	if (a.in_fd != pool->null_fd)
		close_fd(&a.in_fd);
	close_fd(&a.out_fd);
	close_fd(&a.err_fd);
	for (size_t i = 0; owned && owned[i]; i++)
		free(owned[i]);
	free(owned);
	free(a.env);
	free(a.argv);
	free(a.tmpdir_env);
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
	struct stat st;
	int fd = -1;
	size_t want, got = 0;
	char *buf;

	*len = *total = 0;
	/* most logs are empty: one stat then */
	if (stat(path, &st) || !st.st_size ||
	    (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 || fstat(fd, &st)) {
		if (fd >= 0)
			close(fd);
		buf = calloc(1, 1);
		if (!buf)
			abort();
		return buf;
	}
	*total = (size_t)st.st_size;
	want = *total < max ? *total : max;
	buf = wfc_xmalloc(want + 1);
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
	if (p->slot_logs)
		p->slot->logs_written = total || etotal;
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
	return p->slot->work;
}

const char *wfc_proc_tmpdir(const struct wfc_proc *p)
{
	return p->slot->tmp;
}

const char *wfc_proc_stdout_path(const struct wfc_proc *p)
{
	return p->out_path;
}

const char *wfc_proc_stderr_path(const struct wfc_proc *p)
{
	return p->err_path;
}

void wfc_proc_follow_logs(struct wfc_proc *p)
{
	p->followed = true;
}

char *wfc_proc_host_path(const struct wfc_proc *p, const char *step_path)
{
	if (!strcmp(step_path, "/tmp"))
		return wfc_xstrdup(p->slot->tmp);
	if (!strncmp(step_path, "/tmp/", 5) && p->iso != WFC_PROC_ISO_TMPDIR)
		return join(p->slot->tmp, step_path + 5);
	if (step_path[0] != '/')
		return join(p->slot->work, step_path);
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
	close_fd(&p->pidfd);
	if (p->slot_logs && p->followed) {
		/* a reader keeps what it opened; the next step gets new files */
		unlink(p->out_path);
		unlink(p->err_path);
	}
	if (p->slot)
		p->slot->state = SLOT_USED;	/* emptied later */
	free(p->res.stdout_text);
	free(p->res.stderr_tail);
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
	for (size_t i = 0; i < sizeof(caught_signals) / sizeof(*caught_signals); i++)
		if (sigaction(caught_signals[i], &sa, NULL))
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
