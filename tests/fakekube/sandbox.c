/* fakekube-sandbox: runs one container's process of the fake kubelet in a
 * private mount namespace whose root is built from the host's own
 * directories (bound read-only) plus the pod's volumes at their mountPaths,
 * a private /tmp, /dev and termination-message file, so a command sees the
 * paths its Kubernetes manifest names.
 *
 *     fakekube-sandbox SPEC.json     (run by kubelet.py, not by hand)
 *     fakekube-sandbox --probe       exit 0 when this machine allows it
 *
 * SPEC.json: {"root": DIR, "mounts": [{"target", "source", "readOnly",
 * "file"}], "argv": [...], "env": {...}, "cwd": "/", "startError": FILE,
 * "hostname": NAME}
 *
 * Needs root, or unprivileged user namespaces; kubelet.py falls back to
 * path rewriting where neither works. A program of its own, not a Python
 * one, because it runs once for every container the fake starts: an
 * interpreter's start and imports cost about 30 ms of CPU each, the fake's
 * busiest share of a fan-out. A failure to start is reported as a
 * container runtime reports it, in the start-error file and on stderr (the
 * container's log), with exit status 128.
 */
#define _GNU_SOURCE
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEFAULT_PATH "/bin:/usr/bin" /* what a missing PATH means to execvp */

static const char *const skip_at_root[] = {"proc", "sys", "dev", "tmp", "lost+found", NULL};
static const char *const devices[] = {"null", "zero", "full", "random", "urandom", "tty", NULL};

/* A set of absolute paths without a trailing slash ("/" for the root). */
struct pathset {
	char **v;
	size_t n, cap;
};

struct sandbox {
	int err_fd; /* the start-error file, opened before chroot, or -1 */
	char why[PATH_MAX * 2 + 128];
	struct pathset need;    /* host directories copied one level further */
	struct pathset targets; /* paths a mount covers */
};

static void die_oom(void)
{
	fputs("fakekube-sandbox: out of memory\n", stderr);
	_exit(128);
}

static char *xstrdup(const char *s)
{
	char *d = strdup(s);
	if (!d)
		die_oom();
	return d;
}

static int pathset_has(const struct pathset *s, const char *p)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], p))
			return 1;
	return 0;
}

static void pathset_add(struct pathset *s, const char *p)
{
	if (pathset_has(s, p))
		return;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		if (!s->v)
			die_oom();
	}
	s->v[s->n++] = xstrdup(p);
}

/* target without its trailing slashes, "/" for the root itself */
static void strip_slashes(char *t)
{
	size_t n = strlen(t);
	while (n > 0 && t[n - 1] == '/')
		t[--n] = '\0';
	if (!n)
		strcpy(t, "/");
}

/* Every proper ancestor directory of t ("/a" and "/a/b" of "/a/b/c"). */
static void add_ancestors(struct pathset *need, const char *t)
{
	char buf[PATH_MAX];
	snprintf(buf, sizeof buf, "%s", t);
	for (char *p = buf + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (p > buf)
			pathset_add(need, buf);
		*p = '/';
	}
}

static int fail(struct sandbox *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(sb->why, sizeof sb->why, fmt, ap);
	va_end(ap);
	return -1;
}

static int do_mount(struct sandbox *sb, const char *src, const char *tgt, const char *fstype,
		    unsigned long flags, const char *data)
{
	if (mount(src, tgt, fstype, flags, data) != 0)
		return fail(sb, "mount %s on %s: %s", src ? src : "none", tgt, strerror(errno));
	return 0;
}

/* Bind src on tgt; read-only keeps the flags the kernel locks in a user
 * namespace (nosuid, nodev, noexec of the source) and stays writable where
 * the kernel refuses. */
static int bind(struct sandbox *sb, const char *src, const char *tgt, int ro, int rec)
{
	if (do_mount(sb, src, tgt, NULL, MS_BIND | (rec ? MS_REC : 0), NULL))
		return -1;
	if (ro) {
		struct statvfs st;
		unsigned long flags = MS_REMOUNT | MS_BIND | MS_RDONLY;
		if (statvfs(src, &st) == 0) {
			if (st.f_flag & ST_NOSUID)
				flags |= MS_NOSUID;
			if (st.f_flag & ST_NODEV)
				flags |= MS_NODEV;
			if (st.f_flag & ST_NOEXEC)
				flags |= MS_NOEXEC;
			(void)mount(NULL, tgt, NULL, flags, NULL);
		}
	}
	return 0;
}

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = write(fd, text, strlen(text));
	int e = errno;
	close(fd);
	errno = e;
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

static int do_unshare(struct sandbox *sb)
{
	uid_t uid = geteuid();
	gid_t gid = getegid();
	char map[64];
	if (uid == 0) {
		if (unshare(CLONE_NEWNS | CLONE_NEWUTS) == 0 || unshare(CLONE_NEWNS) == 0)
			return 0;
	}
	if (unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWUTS) != 0)
		return fail(sb, "unshare: %s", strerror(errno));
	if (write_file("/proc/self/setgroups", "deny"))
		return fail(sb, "/proc/self/setgroups: %s", strerror(errno));
	snprintf(map, sizeof map, "0 %u 1", (unsigned)uid);
	if (write_file("/proc/self/uid_map", map))
		return fail(sb, "/proc/self/uid_map: %s", strerror(errno));
	snprintf(map, sizeof map, "0 %u 1", (unsigned)gid);
	if (write_file("/proc/self/gid_map", map))
		return fail(sb, "/proc/self/gid_map: %s", strerror(errno));
	return 0;
}

static int touch(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

static int mkdirs(const char *path)
{
	char buf[PATH_MAX];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0755) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(buf, 0755) != 0 && errno != EEXIST ? -1 : 0;
}

/* Fill dst (a directory on the new root's tmpfs) with src's entries: each a
 * read-only bind, except the directories on the way to a target, which are
 * copied one level further. An entry that cannot be made is left out. */
static void populate(struct sandbox *sb, const char *dst, const char *src, const char *vpath)
{
	DIR *d = opendir(src);
	struct dirent *e;
	if (!d)
		return;
	int at_root = !strcmp(vpath, "/");
	while ((e = readdir(d))) {
		char v[PATH_MAX], s[PATH_MAX], t[PATH_MAX], link[PATH_MAX];
		struct stat st;
		const char *const *k;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (at_root) {
			for (k = skip_at_root; *k && strcmp(*k, e->d_name); k++)
				;
			if (*k)
				continue;
		}
		if (snprintf(v, sizeof v, "%s/%s", at_root ? "" : vpath, e->d_name) >= (int)sizeof v ||
		    snprintf(s, sizeof s, "%s/%s", strcmp(src, "/") ? src : "", e->d_name) >= (int)sizeof s ||
		    snprintf(t, sizeof t, "%s/%s", dst, e->d_name) >= (int)sizeof t)
			continue;
		if (pathset_has(&sb->targets, v))
			continue; /* the mount covers it */
		if (lstat(s, &st) != 0)
			continue;
		if (pathset_has(&sb->need, v)) {
			char real[PATH_MAX];
			if (mkdir(t, 0755) == 0 && realpath(s, real))
				populate(sb, t, real, v);
		} else if (S_ISLNK(st.st_mode)) {
			ssize_t n = readlink(s, link, sizeof link - 1);
			if (n >= 0) {
				link[n] = '\0';
				(void)symlink(link, t);
			}
		} else if (S_ISDIR(st.st_mode)) {
			if (mkdir(t, 0755) == 0)
				(void)bind(sb, s, t, 1, 1);
		} else if (S_ISREG(st.st_mode)) {
			if (touch(t) == 0)
				(void)bind(sb, s, t, 1, 0);
		}
	}
	closedir(d);
}

static int make_dev(struct sandbox *sb, const char *root)
{
	static const char *const links[][2] = {
		{"fd", "/proc/self/fd"},         {"stdin", "/proc/self/fd/0"}, {"stdout", "/proc/self/fd/1"},
		{"stderr", "/proc/self/fd/2"},   {"ptmx", "pts/ptmx"},
	};
	char dev[PATH_MAX], p[PATH_MAX + 16], h[32];
	snprintf(dev, sizeof dev, "%s/dev", root);
	if (mkdirs(dev))
		return fail(sb, "%s: %s", dev, strerror(errno));
	if (do_mount(sb, "tmpfs", dev, "tmpfs", MS_NOSUID, "mode=755"))
		return -1;
	for (const char *const *n = devices; *n; n++) {
		snprintf(p, sizeof p, "%s/%s", dev, *n);
		snprintf(h, sizeof h, "/dev/%s", *n);
		if (touch(p))
			return fail(sb, "%s: %s", p, strerror(errno));
		if (bind(sb, h, p, 0, 0))
			unlink(p);
	}
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
		snprintf(p, sizeof p, "%s/%s", dev, links[i][0]);
		if (symlink(links[i][1], p))
			return fail(sb, "%s: %s", p, strerror(errno));
	}
	snprintf(p, sizeof p, "%s/pts", dev);
	if (mkdir(p, 0755))
		return fail(sb, "%s: %s", p, strerror(errno));
	(void)bind(sb, "/dev/pts", p, 0, 1);
	snprintf(p, sizeof p, "%s/shm", dev);
	if (mkdir(p, 0755))
		return fail(sb, "%s: %s", p, strerror(errno));
	(void)do_mount(sb, "tmpfs", p, "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777");
	return 0;
}

static size_t target_len(const cJSON *m)
{
	const char *t = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(m, "target"));
	size_t n = t ? strlen(t) : 0;
	while (n > 0 && t[n - 1] == '/')
		n--;
	return n;
}

static int flag(const cJSON *m, const char *key)
{
	return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(m, key));
}

static int build(struct sandbox *sb, const cJSON *spec)
{
	const char *root = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(spec, "root"));
	const char *host = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(spec, "hostname"));
	const cJSON *mounts = cJSON_GetObjectItemCaseSensitive(spec, "mounts");
	int n = cJSON_GetArraySize(mounts);
	const cJSON **sorted = calloc(n ? n : 1, sizeof *sorted);
	char buf[PATH_MAX];
	int rc = -1;

	if (!sorted)
		die_oom();
	if (!root || !*root) {
		fail(sb, "the spec names no root");
		goto err_out;
	}
	/* shortest target first, in the spec's order among equals */
	for (int i = 0; i < n; i++) {
		const cJSON *m = cJSON_GetArrayItem(mounts, i);
		int j = i;
		const char *t = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(m, "target"));
		const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(m, "source"));
		if (!t || !s || t[0] != '/') {
			fail(sb, "mount %d has no absolute target and source", i);
			goto err_out;
		}
		while (j > 0 && target_len(sorted[j - 1]) > target_len(m)) {
			sorted[j] = sorted[j - 1];
			j--;
		}
		sorted[j] = m;
		snprintf(buf, sizeof buf, "%s", t);
		strip_slashes(buf);
		pathset_add(&sb->targets, buf);
		add_ancestors(&sb->need, buf);
	}
	pathset_add(&sb->targets, "/dev");
	pathset_add(&sb->need, "/dev");

	if (do_unshare(sb) || do_mount(sb, NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL))
		goto err_out;
	if (mkdirs(root)) {
		fail(sb, "%s: %s", root, strerror(errno));
		goto err_out;
	}
	if (do_mount(sb, "tmpfs", root, "tmpfs", 0, "mode=755"))
		goto err_out;
	populate(sb, root, "/", "/");
	/* the host's /proc, and /sys read-only */
	snprintf(buf, sizeof buf, "%s/proc", root);
	if (mkdirs(buf) == 0)
		(void)bind(sb, "/proc", buf, 0, 1);
	snprintf(buf, sizeof buf, "%s/sys", root);
	if (mkdirs(buf) == 0)
		(void)bind(sb, "/sys", buf, 1, 1);
	if (make_dev(sb, root))
		goto err_out;
	for (int i = 0; i < n; i++) {
		const cJSON *m = sorted[i];
		const char *src = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(m, "source"));
		const char *tgt = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(m, "target"));
		int ro = flag(m, "readOnly");
		if (snprintf(buf, sizeof buf, "%s%.*s", root, (int)target_len(m), tgt) >= (int)sizeof buf) {
			fail(sb, "%s: path too long", tgt);
			goto err_out;
		}
		if (flag(m, "file")) {
			char dir[PATH_MAX];
			snprintf(dir, sizeof dir, "%s", buf);
			*strrchr(dir, '/') = '\0';
			if ((*dir && mkdirs(dir)) || (access(buf, F_OK) != 0 && touch(buf))) {
				fail(sb, "%s: %s", buf, strerror(errno));
				goto err_out;
			}
			if (bind(sb, src, buf, ro, 0))
				goto err_out;
		} else {
			if (mkdirs(buf)) {
				fail(sb, "%s: %s", buf, strerror(errno));
				goto err_out;
			}
			if (bind(sb, src, buf, ro, 1))
				goto err_out;
		}
	}
	if (host && *host)
		(void)sethostname(host, strlen(host));
	if (chroot(root) || chdir("/")) {
		fail(sb, "chroot %s: %s", root, strerror(errno));
		goto err_out;
	}
	rc = 0;
err_out:
	free(sorted);
	return rc;
}

/* As a container runtime says it; the process ends with status 128. */
static void start_error(struct sandbox *sb, const char *fmt, ...)
{
	char why[sizeof sb->why + PATH_MAX], msg[sizeof why + 256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	snprintf(msg, sizeof msg,
		 "failed to create containerd task: failed to create shim task: OCI runtime create failed: "
		 "runc create failed: unable to start container process: %s: unknown",
		 why);
	if (sb->err_fd >= 0)
		(void)!write(sb->err_fd, msg, strlen(msg));
	fprintf(stderr, "%s\n", msg);
	_exit(128);
}

/* execvpe with the PATH of the new environment, as Python's os.execvpe and
 * a container runtime look a command up; returns the errno to report. */
static int exec_in(char *const argv[], char *const envp[], const char *path)
{
	char full[PATH_MAX];
	int saved = 0, last = ENOENT;
	if (strchr(argv[0], '/')) {
		execve(argv[0], argv, envp);
		return errno;
	}
	for (const char *p = path;; p++) {
		const char *end = strchr(p, ':');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (snprintf(full, sizeof full, "%.*s%s%s", (int)len, p, len ? "/" : "", argv[0]) < (int)sizeof full) {
			execve(full, argv, envp);
			last = errno;
			if (last != ENOENT && last != ENOTDIR && !saved)
				saved = last;
		}
		if (!end)
			break;
		p = end;
	}
	return saved ? saved : last;
}

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	if (!f)
		return NULL;
	do {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			if (!(buf = realloc(buf, cap + 1)))
				die_oom();
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	buf[len] = '\0';
	return buf;
}

static int run(const char *spec_file)
{
	struct sandbox sb = {.err_fd = -1};
	char *text = read_text(spec_file);
	cJSON *spec = text ? cJSON_Parse(text) : NULL;
	const char *se, *cwd, *path = DEFAULT_PATH;
	const cJSON *argj, *envj, *it;
	char **argv, **envp;
	int i, e;

	free(text);
	if (!spec) {
		fprintf(stderr, "fakekube-sandbox: %s: cannot read the spec\n", spec_file);
		return 2;
	}
	se = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(spec, "startError"));
	if (se)
		sb.err_fd = open(se, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	argj = cJSON_GetObjectItemCaseSensitive(spec, "argv");
	envj = cJSON_GetObjectItemCaseSensitive(spec, "env");
	if (cJSON_GetArraySize(argj) < 1)
		start_error(&sb, "the spec has no argv");
	if (build(&sb, spec))
		start_error(&sb, "failed to create the sandbox: %s", sb.why);
	argv = calloc(cJSON_GetArraySize(argj) + 1, sizeof *argv);
	envp = calloc(cJSON_GetArraySize(envj) + 1, sizeof *envp);
	if (!argv || !envp)
		die_oom();
	i = 0;
	cJSON_ArrayForEach(it, argj) argv[i++] = cJSON_IsString(it) ? it->valuestring : "";
	i = 0;
	cJSON_ArrayForEach(it, envj)
	{
		const char *v = cJSON_IsString(it) ? it->valuestring : "";
		size_t n = strlen(it->string) + strlen(v) + 2;
		if (!(envp[i] = malloc(n)))
			die_oom();
		snprintf(envp[i++], n, "%s=%s", it->string, v);
		if (!strcmp(it->string, "PATH"))
			path = v;
	}
	cwd = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(spec, "cwd"));
	if (chdir(cwd && *cwd ? cwd : "/"))
		start_error(&sb,
			    "chdir to cwd (\"%s\") set in config.json failed: no such file or directory",
			    cwd ? cwd : "None");
	e = exec_in(argv, envp, path);
	if (e == ENOENT && !strchr(argv[0], '/'))
		start_error(&sb, "exec: \"%s\": executable file not found in $PATH", argv[0]);
	if (e == ENOENT)
		start_error(&sb, "exec: \"%s\": stat %s: no such file or directory", argv[0], argv[0]);
	{
		char low[256];
		snprintf(low, sizeof low, "%s", strerror(e));
		for (char *p = low; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p += 'a' - 'A';
		start_error(&sb, "exec: \"%s\": %s", argv[0], low);
	}
	return 128; /* not reached */
}

/* exit 0 when a sandbox can be built here */
static int probe(void)
{
	int st;
	pid_t pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		struct sandbox sb = {.err_fd = -1};
		_exit(do_unshare(&sb) || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) ? 1 : 0);
	}
	if (waitpid(pid, &st, 0) != pid)
		return 1;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--probe"))
		return probe();
	if (argc != 2 || argv[1][0] == '-') {
		fputs("usage: fakekube-sandbox SPEC.json | --probe\n", stderr);
		return 2;
	}
	return run(argv[1]);
}
