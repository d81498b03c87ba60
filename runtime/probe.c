/* Readiness probes on this host (runtime/probe.h). */
#define _GNU_SOURCE /* setns */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "runtime/probe.h"
#include "support/text.h"
#include "support/xalloc.h"
#include "support/clock.h"

#define MIN_PERIOD_S 0.2
#define DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

struct wfc_probe {
	enum wfc_rt_probe_type type;
	char **argv;                 /* exec */
	char **env;
	char *workdir;
	pid_t target;
	char *url;                   /* httpGet */
	char *host;                  /* tcpSocket */
	char *port;
	double period_s, timeout_s;
	long need, passes;
	double next;                 /* monotonic time of the next attempt */
	pid_t child;                 /* exec attempt running */
	double child_started;
	bool ready;
};

static char **strv_copy(const char *const *v, size_t extra)
{
	size_t n = 0;
	while (v && v[n])
		n++;
	char **r = wfc_xmalloc((n + extra + 1) * sizeof(*r));
	for (size_t i = 0; i < n; i++)
		r[i] = wfc_xstrdup(v[i]);
	r[n] = NULL;
	return r;
}

static void strv_free(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

/* The port number of a probe: a number, or the name of one of c's ports. */
static const char *port_of(const char *port, const struct wfc_rt_container *c)
{
	if (!port)
		return NULL;
	if (wfc_is_int_text(port, false))
		return port;
	for (size_t i = 0; c && i < c->nports; i++)
		if (c->ports[i].name && strcmp(c->ports[i].name, port) == 0)
			return c->ports[i].value;
	return NULL;
}

struct wfc_probe *wfc_probe_create(const struct wfc_rt_probe *p,
				   const struct wfc_rt_container *c,
				   const struct wfc_probe_target *t, char *err, size_t errlen)
{
	if (err && errlen)
		*err = '\0';
	if (!p || p->type == WFC_PROBE_NONE)
		return NULL;
	struct wfc_probe *pr = calloc(1, sizeof(*pr));
	if (!pr)
		abort();
	pr->type = p->type;
	pr->period_s = p->period_s < MIN_PERIOD_S ? p->period_s : MIN_PERIOD_S;
	if (pr->period_s <= 0)
		pr->period_s = MIN_PERIOD_S;
	pr->timeout_s = p->timeout_s > 0 ? p->timeout_s : 1;
	pr->need = p->success_threshold > 0 ? p->success_threshold : 1;
	pr->child = -1;
	pr->next = wfc_now_mono();
	if (p->type == WFC_PROBE_EXEC) {
		pr->argv = strv_copy(p->command, 0);
		if (!pr->argv[0]) {
			wfc_errf(err, errlen, "the readinessProbe's exec has no command");
			goto err_out;
		}
		/* the step's environment, with PATH and HOME as a step has them */
		pr->env = strv_copy(t->env, 3);
		size_t n = 0;
		while (pr->env[n])
			n++;
		const char *path = getenv("PATH"), *home = getenv("HOME");
		char buf[4096];
		snprintf(buf, sizeof(buf), "PATH=%s", path && *path ? path : DEFAULT_PATH);
		pr->env[n++] = wfc_xstrdup(buf);
		snprintf(buf, sizeof(buf), "HOME=%s", home && *home ? home : "/root");
		pr->env[n++] = wfc_xstrdup(buf);
		if (t->tmpdir) {
			snprintf(buf, sizeof(buf), "TMPDIR=%s", t->tmpdir);
			pr->env[n++] = wfc_xstrdup(buf);
		}
		pr->env[n] = NULL;
		pr->workdir = t->workdir ? wfc_xstrdup(t->workdir) : NULL;
		pr->target = t->pid;
		return pr;
	}
	const char *port = port_of(p->port, c);
	if (!port) {
		wfc_errf(err, errlen, "the readinessProbe's port '%s' is not one of the container's ports",
			 p->port ? p->port : "");
		goto err_out;
	}
	pr->port = wfc_xstrdup(port);
	pr->host = wfc_xstrdup(p->host && *p->host ? p->host : "127.0.0.1");
	if (p->type == WFC_PROBE_HTTP) {
		const char *path = p->path && *p->path ? p->path : "/";
		bool https = p->scheme && strcmp(p->scheme, "HTTPS") == 0;
		size_t len = strlen(pr->host) + strlen(port) + strlen(path) + 16;
		pr->url = wfc_xmalloc(len);
		snprintf(pr->url, len, "%s://%s:%s%s%s", https ? "https" : "http", pr->host, port,
			 *path == '/' ? "" : "/", path);
		curl_global_init(CURL_GLOBAL_DEFAULT);
	}
	return pr;
err_out:
	wfc_probe_destroy(pr);
	return NULL;
}

static size_t discard(char *ptr, size_t size, size_t n, void *user)
{
	return size * n;
}

/* Kubernetes: a status from 200 up to 400 passes. */
static bool http_once(struct wfc_probe *pr)
{
	CURL *c = curl_easy_init();
	if (!c)
		return false;
	long code = 0;
	curl_easy_setopt(c, CURLOPT_URL, pr->url);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)(pr->timeout_s * 1000));
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
	/* as the kubelet: HTTPS probes do not verify the certificate */
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "kube-probe/wfc");
	bool ok = curl_easy_perform(c) == CURLE_OK &&
		  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK &&
		  code >= 200 && code < 400;
	curl_easy_cleanup(c);
	return ok;
}

static bool tcp_once(struct wfc_probe *pr)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *ai = NULL;
	if (getaddrinfo(pr->host, pr->port, &hints, &ai) != 0)
		return false;
	bool ok = false;
	for (struct addrinfo *a = ai; a && !ok; a = a->ai_next) {
		int fd = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
				a->ai_protocol);
		if (fd < 0)
			continue;
		if (connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
			ok = true;
		} else if (errno == EINPROGRESS) {
			struct pollfd p = { .fd = fd, .events = POLLOUT };
			int soerr = 0;
			socklen_t len = sizeof(soerr);
			ok = poll(&p, 1, (int)(pr->timeout_s * 1000)) == 1 &&
			     getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len) == 0 && soerr == 0;
		}
		close(fd);
	}
	freeaddrinfo(ai);
	return ok;
}

/* Joins the namespace kind of pid when it is not ours (in the child). */
static void join(pid_t pid, const char *kind, int nstype)
{
	char path[64], self[64];
	struct stat a, b;
	snprintf(path, sizeof(path), "/proc/%ld/ns/%s", (long)pid, kind);
	snprintf(self, sizeof(self), "/proc/self/ns/%s", kind);
	if (stat(path, &a) != 0 || stat(self, &b) != 0 || a.st_ino == b.st_ino)
		return;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		if (setns(fd, nstype) != 0)
			_exit(126);
		close(fd);
	}
}

static void exec_start(struct wfc_probe *pr)
{
	pid_t pid = fork();
	if (pid < 0)
		return;
	if (pid == 0) {
		/* the step's /tmp: join its namespaces (user first, for an
		 * unprivileged one) */
		join(pr->target, "user", CLONE_NEWUSER);
		join(pr->target, "mnt", CLONE_NEWNS);
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 1);
			dup2(null, 2);
		}
		setpgid(0, 0);
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		if (pr->workdir && chdir(pr->workdir) != 0)
			_exit(126);
		for (char **e = pr->env; *e; e++)
			putenv(*e);
		execvp(pr->argv[0], pr->argv);
		_exit(127);
	}
	pr->child = pid;
	pr->child_started = wfc_now_mono();
}

/* An exec attempt: 1 passed, 0 failed, -1 still running. */
static int exec_check(struct wfc_probe *pr)
{
	int status;
	pid_t r = waitpid(pr->child, &status, WNOHANG);
	if (r == 0) {
		if (wfc_now_mono() - pr->child_started < pr->timeout_s)
			return -1;
		kill(-pr->child, SIGKILL);
		kill(pr->child, SIGKILL);
		waitpid(pr->child, &status, 0);
		pr->child = -1;
		return 0;
	}
	pr->child = -1;
	return r > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int wfc_probe_poll(struct wfc_probe *pr)
{
	if (!pr || pr->ready)
		return 1;
	int r;
	if (pr->type == WFC_PROBE_EXEC) {
		if (pr->child < 0) {
			if (wfc_now_mono() < pr->next)
				return 0;
			exec_start(pr);
			pr->next = wfc_now_mono() + pr->period_s;
			return 0;
		}
		r = exec_check(pr);
		if (r < 0)
			return 0;
	} else {
		if (wfc_now_mono() < pr->next)
			return 0;
		r = pr->type == WFC_PROBE_HTTP ? http_once(pr) : tcp_once(pr);
		pr->next = wfc_now_mono() + pr->period_s;
	}
	pr->passes = r ? pr->passes + 1 : 0;
	if (pr->passes >= pr->need)
		pr->ready = true;
	return pr->ready;
}

void wfc_probe_destroy(struct wfc_probe *pr)
{
	if (!pr)
		return;
	if (pr->child > 0) {
		int status;
		kill(-pr->child, SIGKILL);
		kill(pr->child, SIGKILL);
		waitpid(pr->child, &status, 0);
	}
	if (pr->url)
		curl_global_cleanup();
	strv_free(pr->argv);
	strv_free(pr->env);
	free(pr->workdir);
	free(pr->url);
	free(pr->host);
	free(pr->port);
	free(pr);
}
