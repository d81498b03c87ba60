/* A local run's control point (runtime/control.h). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "runtime/control.h"
#include "support/text.h"
#include "support/xalloc.h"

struct wfc_control {
	char *dir;
	int rfd, wfd;        /* the FIFO, read end and a writer kept open */
	bool made;           /* the directory is this run's */
	char buf[256];
	size_t len;
};

/* A run name that is one path component. */
static bool name_ok(const char *name)
{
	return name && *name && name[0] != '.' && !strchr(name, '/') && strlen(name) < 200;
}

/* A directory of ours: made if missing, 0700, owned by us, no symlink. */
static int own_dir(const char *path, char *err, size_t errlen)
{
	if (mkdir(path, 0700) != 0 && errno != EEXIST) {
		wfc_errf(err, errlen, "cannot make '%s': %s", path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid() ||
	    (st.st_mode & 077)) {
		wfc_errf(err, errlen, "'%s' is not a private directory of this user", path);
		return -1;
	}
	return 0;
}

/* The directory that holds the runs' control points, made; malloc'd. */
static char *runs_dir(char *err, size_t errlen)
{
	char path[4096];
	const char *xdg = getenv("XDG_RUNTIME_DIR");
	if (xdg && *xdg == '/') {
		snprintf(path, sizeof(path), "%s/wfc", xdg);
	} else {
		const char *tmp = getenv("TMPDIR");
		snprintf(path, sizeof(path), "%s/wfc-%u", tmp && *tmp == '/' ? tmp : "/tmp",
			 (unsigned)getuid());
	}
	if (own_dir(path, err, errlen))
		return NULL;
	size_t len = strlen(path);
	snprintf(path + len, sizeof(path) - len, "/runs");
	if (own_dir(path, err, errlen))
		return NULL;
	return wfc_xstrdup(path);
}

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *r = wfc_xmalloc(n);
	snprintf(r, n, "%s/%s", a, b);
	return r;
}

/* The pid that dir's pid file names, or 0. */
static pid_t read_pid(const char *dir)
{
	char *p = join(dir, "pid");
	FILE *f = fopen(p, "r");
	free(p);
	long v = 0;
	if (f) {
		if (fscanf(f, "%ld", &v) != 1)
			v = 0;
		fclose(f);
	}
	return v > 0 ? (pid_t)v : 0;
}

static bool alive(pid_t pid)
{
	return pid > 0 && (kill(pid, 0) == 0 || errno == EPERM);
}

static void remove_dir(const char *dir)
{
	static const char *const files[] = { "pid", "control", "pid.tmp", NULL };
	for (const char *const *f = files; *f; f++) {
		char *p = join(dir, *f);
		unlink(p);
		free(p);
	}
	rmdir(dir);
}

struct wfc_control *wfc_control_open(const char *name, bool *busy, char *err, size_t errlen)
{
	*busy = false;
	if (!name_ok(name)) {
		wfc_errf(err, errlen, "'%s' cannot name a control point", name ? name : "");
		return NULL;
	}
	char *runs = runs_dir(err, errlen);
	if (!runs)
		return NULL;
	struct wfc_control *c = calloc(1, sizeof(*c));
	if (!c)
		abort();
	c->rfd = c->wfd = -1;
	c->dir = join(runs, name);
	free(runs);
	for (int tries = 0;; tries++) {
		if (mkdir(c->dir, 0700) == 0) {
			c->made = true;
			break;
		}
		if (errno != EEXIST || tries) {
			wfc_errf(err, errlen, "cannot make '%s': %s", c->dir, strerror(errno));
			goto err_out;
		}
		pid_t pid = read_pid(c->dir);
		if (alive(pid)) {
			*busy = true;
			wfc_errf(err, errlen, "another local run named '%s' is running (pid %ld)",
				 name, (long)pid);
			goto err_out;
		}
		remove_dir(c->dir);   /* stale: its run is gone */
	}
	char *fifo = join(c->dir, "control");
	if (mkfifo(fifo, 0600) != 0) {
		wfc_errf(err, errlen, "cannot make '%s': %s", fifo, strerror(errno));
		free(fifo);
		goto err_out;
	}
	c->rfd = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	/* a writer of our own: no end-of-file between two senders */
	c->wfd = c->rfd >= 0 ? open(fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC) : -1;
	free(fifo);
	if (c->rfd < 0 || c->wfd < 0) {
		wfc_errf(err, errlen, "cannot open the control point: %s", strerror(errno));
		goto err_out;
	}
	char *tmp = join(c->dir, "pid.tmp"), *pidf = join(c->dir, "pid");
	FILE *f = fopen(tmp, "w");
	bool ok = f && fprintf(f, "%ld\n", (long)getpid()) > 0;
	if (f && fclose(f) != 0)
		ok = false;
	ok = ok && rename(tmp, pidf) == 0;
	free(tmp);
	free(pidf);
	if (!ok) {
		wfc_errf(err, errlen, "cannot write the control point's pid: %s", strerror(errno));
		goto err_out;
	}
	return c;
err_out:
	wfc_control_close(c);
	return NULL;
}

void wfc_control_close(struct wfc_control *c)
{
	if (!c)
		return;
	if (c->rfd >= 0)
		close(c->rfd);
	if (c->wfd >= 0)
		close(c->wfd);
	if (c->made)
		remove_dir(c->dir);
	free(c->dir);
	free(c);
}

int wfc_control_fd(const struct wfc_control *c)
{
	return c ? c->rfd : -1;
}

enum wfc_control_cmd wfc_control_read(struct wfc_control *c)
{
	if (!c)
		return WFC_CONTROL_NONE;
	for (;;) {
		char *nl = memchr(c->buf, '\n', c->len);
		if (nl) {
			size_t line = (size_t)(nl - c->buf);
			enum wfc_control_cmd cmd = WFC_CONTROL_NONE;
			if (line == 6 && !memcmp(c->buf, "resume", 6))
				cmd = WFC_CONTROL_RESUME;
			else if (line == 4 && !memcmp(c->buf, "stop", 4))
				cmd = WFC_CONTROL_STOP;
			memmove(c->buf, nl + 1, c->len - line - 1);
			c->len -= line + 1;
			if (cmd != WFC_CONTROL_NONE)
				return cmd;
			continue;   /* a line this version does not know */
		}
		if (c->len == sizeof(c->buf))
			c->len = 0;   /* a line too long for any command */
		ssize_t got = read(c->rfd, c->buf + c->len, sizeof(c->buf) - c->len);
		if (got <= 0)
			return WFC_CONTROL_NONE;
		c->len += (size_t)got;
	}
}

int wfc_control_send(const char *name, enum wfc_control_cmd cmd, char *err, size_t errlen)
{
	if (!name_ok(name))
		return 1;
	char *runs = runs_dir(err, errlen);
	if (!runs)
		return -1;
	char *dir = join(runs, name);
	free(runs);
	int rc = 1;
	struct stat st;
	if (lstat(dir, &st) != 0)
		goto out;
	if (!alive(read_pid(dir))) {
		remove_dir(dir);
		goto out;
	}
	char *fifo = join(dir, "control");
	int fd = open(fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
	free(fifo);
	if (fd < 0) {
		if (errno != ENXIO && errno != ENOENT) {
			wfc_errf(err, errlen, "cannot reach the run: %s", strerror(errno));
			rc = -1;
		}
		goto out;
	}
	const char *line = cmd == WFC_CONTROL_RESUME ? "resume\n" : "stop\n";
	ssize_t w = write(fd, line, strlen(line));
	close(fd);
	if (w != (ssize_t)strlen(line)) {
		wfc_errf(err, errlen, "cannot reach the run: %s", w < 0 ? strerror(errno) : "short write");
		rc = -1;
		goto out;
	}
	rc = 0;
out:
	free(dir);
	return rc;
}
