/* The local executor (runtime/local.h) over runtime/proc. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "runtime/local.h"
#include "runtime/probe.h"
#include "support/text.h"
#include "support/xalloc.h"
#include "runtime/proc.h"
#include "support/buf.h"

/* what the backend puts around a container's command (backend/pod.c) */
#define WRAPPER_BIN "/wfc-bin/wfc"
#define SCRIPT_PATH "/wfc/script/script"

/*
 * A job ends in two moves: collected as soon as its process is seen to
 * have exited (its result kept, its proc destroyed, so that the next step
 * reuses its slot, even when the scheduler starts many steps before it
 * polls any), then handed to the scheduler by poll.
 */
struct ljob {
	struct wfc_proc *proc;       /* NULL once collected */
	const struct wfc_rt_node *node;
	size_t index;                /* in jobs */
	struct wfc_exec_result res;  /* once collected */
	struct wfc_probe *probe;     /* daemons with a readinessProbe */
};

struct wfc_local {
	struct wfc_local_opts o;
	struct wfc_proc_pool *pool;  /* made by the first start */
	int epfd;                    /* the running jobs' pidfds (and the
				      * signal pipe); -1 until the first start */
	struct ljob **jobs;
	size_t n, cap;
	size_t ncollected;           /* collected, not yet polled */
	const char *iso;
};

static void result_free(struct wfc_exec_result *r, size_t noutputs)
{
	free(r->message);
	free(r->result);
	free(r->stderr_tail);
	for (size_t i = 0; r->outputs && i < noutputs; i++)
		free(r->outputs[i]);
	free(r->outputs);
}

static void job_free(struct ljob *j)
{
	wfc_probe_destroy(j->probe);
	if (j->proc)
		wfc_proc_destroy(j->proc);
	else
		result_free(&j->res, j->node->noutputs);
	free(j);
}

struct wfc_local *wfc_local_create(const struct wfc_local_opts *o)
{
	struct wfc_local *l = calloc(1, sizeof(*l));
	if (!l)
		abort();
	if (o)
		l->o = *o;
	l->epfd = -1;
	return l;
}

void wfc_local_destroy(struct wfc_local *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		job_free(l->jobs[i]);
	if (l->epfd >= 0)
		close(l->epfd);
	wfc_proc_pool_destroy(l->pool);
	free(l->jobs);
	free(l);
}

const char *wfc_local_isolation(const struct wfc_local *l)
{
	return l->iso;
}

const char *wfc_local_job_log(const void *job, bool err)
{
	/* asking for the path marks the logs as read elsewhere (the job is
	 * ours; the interface's const is for the caller) */
	struct ljob *j = (struct ljob *)job;
	if (!j->proc)
		return NULL;
	wfc_proc_follow_logs(j->proc);
	return err ? wfc_proc_stderr_path(j->proc) : wfc_proc_stdout_path(j->proc);
}

struct env {
	const char **names;
	char **values;
	size_t n;
};

/* Kubernetes' $(VAR) expansion: a variable of the container's env is
 * replaced, $$ is a $, anything else stays as written. */
static char *expand(const char *s, const struct env *e)
{
	struct wfc_buf b = { 0 };
	while (*s) {
		if (s[0] == '$' && s[1] == '$') {
			wfc_buf_putc(&b, '$');
			s += 2;
			continue;
		}
		if (s[0] == '$' && s[1] == '(') {
			const char *c = strchr(s + 2, ')');
			size_t len = c ? (size_t)(c - s - 2) : 0;
			size_t i;
			for (i = 0; c && i < e->n; i++)
				if (strlen(e->names[i]) == len && !memcmp(e->names[i], s + 2, len))
					break;
			if (c && i < e->n) {
				wfc_buf_puts(&b, e->values[i]);
				s = c + 1;
				continue;
			}
		}
		wfc_buf_putc(&b, *s++);
	}
	char *r = strdup(wfc_buf_str(&b));
	wfc_buf_free(&b);
	if (!r)
		abort();
	return r;
}

static void env_free(struct env *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->values[i]);
	free(e->names);
	free(e->values);
}

static void build_env(const struct wfc_exec_start *s, const struct wfc_rt_container *c,
		      struct env *e)
{
	const struct wfc_rt_node *n = s->node;
	e->names = calloc(c->nenv + 1, sizeof(*e->names));
	e->values = calloc(c->nenv + 1, sizeof(*e->values));
	if (!e->names || !e->values)
		abort();
	for (size_t i = 0; i < c->nenv; i++) {
		const struct wfc_rt_kv *kv = &c->env[i];
		char *v = NULL;
		if (kv->value) {
			v = expand(kv->value, e);
		} else if (!s->container) {
			for (size_t k = 0; k < n->nruntime; k++)
				if (strcmp(n->runtime_values[k].name, kv->name) == 0)
					v = strdup(s->values[k] ? s->values[k] : "");
		}
		if (!v)
			continue;    /* from a source a host does not have */
		e->names[e->n] = kv->name;
		e->values[e->n++] = v;
	}
}

/* A file's content with one trailing newline trimmed (Argo's executor);
 * NULL with errno when it cannot be read. */
static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct wfc_buf b = { 0 };
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		wfc_buf_add(&b, chunk, got);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		wfc_buf_free(&b);
		errno = EIO;
		return NULL;
	}
	const char *t = wfc_buf_str(&b);
	size_t len = strlen(t);
	char *r = strndup(t, len && t[len - 1] == '\n' ? len - 1 : len);
	wfc_buf_free(&b);
	if (!r)
		abort();
	return r;
}

/* If j's process has ended: its result into j->res, its proc destroyed
 * (the slot goes back to the pool). True when collected. */
static bool collect(struct wfc_local *l, struct ljob *j)
{
	const struct wfc_rt_node *n = j->node;
	struct wfc_exec_result *out = &j->res;
	if (!j->proc)
		return true;
	if (wfc_proc_poll(j->proc) != 1)
		return false;
	const struct wfc_proc_result *r = wfc_proc_result(j->proc);
	char msg[256] = "";
	memset(out, 0, sizeof(*out));
	out->exit_code = r->exit_code;
	out->result = wfc_xstrdup(r->stdout_text ? r->stdout_text : "");
	out->stderr_tail = r->stderr_tail && *r->stderr_tail ? wfc_xstrdup(r->stderr_tail) : NULL;
	if (r->timed_out) {
		out->phase = WFC_PHASE_FAILED;
		snprintf(msg, sizeof(msg), "step exceeded its deadline (%gs)", n->timeout_s);
	} else if (r->killed) {
		out->phase = WFC_PHASE_FAILED;
		snprintf(msg, sizeof(msg), "stopped");
	} else if (r->exit_code != 0) {
		out->phase = WFC_PHASE_FAILED;
		snprintf(msg, sizeof(msg), "Error (exit code %d)", r->exit_code);
	} else {
		out->phase = WFC_PHASE_SUCCEEDED;
	}
	if (n->noutputs) {
		out->outputs = calloc(n->noutputs, sizeof(char *));
		if (!out->outputs)
			abort();
	}
	for (size_t i = 0; i < n->noutputs; i++) {
		const struct wfc_rt_output *o = &n->outputs[i];
		if (!o->path) {
			if (o->value)
				out->outputs[i] = wfc_xstrdup(o->value);
			continue;
		}
		char *host = wfc_proc_host_path(j->proc, o->path);
		char *v = host ? read_file(host) : NULL;
		int e = errno;
		free(host);
		if (v) {
			out->outputs[i] = v;
		} else if (o->dflt) {
			out->outputs[i] = wfc_xstrdup(o->dflt);
		} else if (out->phase == WFC_PHASE_SUCCEEDED) {
			out->phase = WFC_PHASE_ERROR;
			snprintf(msg, sizeof(msg), "cannot read output parameter '%s' from %s: %s",
				 o->name, o->path, strerror(e));
		}
	}
	out->message = *msg ? wfc_xstrdup(msg) : NULL;
	wfc_probe_destroy(j->probe);
	j->probe = NULL;
	/* out of the set before destroy closes it: closing is not enough
	 * while a child being started holds a copy */
	if (wfc_proc_fd(j->proc) >= 0)
		epoll_ctl(l->epfd, EPOLL_CTL_DEL, wfc_proc_fd(j->proc), NULL);
	wfc_proc_destroy(j->proc);
	j->proc = NULL;
	l->ncollected++;
	return true;
}

/* The epoll tag of the descriptors the caller watches (wfc_local_opts):
 * they only wake the wait; the caller reads them. */
static char watched;

/* Collects the jobs whose pidfd is ready, waiting up to timeout_ms for
 * one; drains the signal pipe when it is ready. */
static void collect_ready(struct wfc_local *l, int timeout_ms)
{
	struct epoll_event ev[64];
	int n;
	do {
		n = epoll_wait(l->epfd, ev, 64, timeout_ms);
		for (int i = 0; i < n; i++) {
			if (ev[i].data.ptr == &watched)
				continue;
			if (ev[i].data.ptr) {
				collect(l, ev[i].data.ptr);
				continue;
			}
			char buf[16];
			while (read(wfc_proc_signal_fd(), buf, sizeof(buf)) > 0)
				;
		}
		timeout_ms = 0;
	} while (n == 64);
}

/* The epoll set of the jobs' pidfds, the signal pipe and the watched
 * descriptors, made when first needed. 0 or -1 with errno. */
static int open_epoll(struct wfc_local *l)
{
	if (l->epfd >= 0)
		return 0;
	l->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (l->epfd < 0)
		return -1;
	struct epoll_event ev = { .events = EPOLLIN, .data.ptr = NULL };
	int sig = l->o.watch_signals ? wfc_proc_signal_fd() : -1;
	if (sig >= 0)
		epoll_ctl(l->epfd, EPOLL_CTL_ADD, sig, &ev);
	ev.data.ptr = &watched;
	for (size_t i = 0; i < l->o.nwatch_fds; i++)
		epoll_ctl(l->epfd, EPOLL_CTL_ADD, l->o.watch_fds[i], &ev);
	return 0;
}

static int local_start(void *self, const struct wfc_exec_start *s, void **job, char *err,
		       size_t errlen)
{
	struct wfc_local *l = self;
	const struct wfc_rt_node *n = s->node;
	const struct wfc_rt_container *c = s->container ? s->container : &n->main;
	struct env e = { 0 };
	if (n->type == WFC_RT_RESOURCE) {
		snprintf(err, errlen, "resource templates need a cluster: run 'wfc run' without --local");
		return -1;
	}
	if (!s->container && !n->has_pod) {
		snprintf(err, errlen, "the plan has no pod for this node (compile it for a local run)");
		return -1;
	}
	if (n->is_script && !n->script_source) {
		snprintf(err, errlen,
			 "the plan does not carry the script source (compile it for a local run)");
		return -1;
	}
	const char *const *cmd = c->command;
	size_t ncmd = 0, nargs = 0;
	int rc = -1;
	char **argv = NULL, **envp = NULL;

	/* the output wrapper: the local executor reads the files itself */
	if (cmd[0] && strcmp(cmd[0], WRAPPER_BIN) == 0) {
		while (*cmd && strcmp(*cmd, "--") != 0)
			cmd++;
		if (*cmd)
			cmd++;
	}
	while (cmd[ncmd])
		ncmd++;
	if (n->is_script && ncmd && strcmp(cmd[ncmd - 1], SCRIPT_PATH) == 0)
		ncmd--;  /* proc appends the script's own path */
	while (c->args[nargs])
		nargs++;
	if (!ncmd) {
		snprintf(err, errlen,
			 "the local runner needs the container's command (the entrypoint of image '%s' is not known here)",
			 c->image ? c->image : "");
		return -1;
	}
	if (!l->pool) {
		struct wfc_proc_pool_cfg pc = {
			.scratch_dir = l->o.scratch_dir,
			.no_namespaces = l->o.no_namespaces,
		};
		if (wfc_proc_pool_create(&pc, &l->pool, err, errlen))
			return -1;
	}
	if (open_epoll(l) != 0) {
		snprintf(err, errlen, "epoll: %s", strerror(errno));
		return -1;
	}
	/* steps that have ended give their slot to this one */
	collect_ready(l, 0);
	build_env(s, c, &e);
	argv = calloc(ncmd + nargs + 1, sizeof(*argv));
	envp = calloc(e.n + 1, sizeof(*envp));
	if (!argv || !envp)
		abort();
	for (size_t i = 0; i < ncmd; i++)
		argv[i] = expand(cmd[i], &e);
	for (size_t i = 0; i < nargs; i++)
		argv[ncmd + i] = expand(c->args[i], &e);
	for (size_t i = 0; i < e.n; i++) {
		size_t len = strlen(e.names[i]) + strlen(e.values[i]) + 2;
		envp[i] = malloc(len);
		if (!envp[i])
			abort();
		snprintf(envp[i], len, "%s=%s", e.names[i], e.values[i]);
	}
	struct wfc_proc_spec spec = {
		.argv = (const char *const *)argv,
		.env = (const char *const *)envp,
		.script_source = s->script,
		.timeout_s = n->timeout_s,
		.pool = l->pool,
	};
	struct wfc_proc *proc = NULL;
	if (wfc_proc_start(&spec, &proc, err, errlen)) {
		/* images have `python`; a host may have only `python3` */
		if (strcmp(argv[0], "python") != 0 || !strstr(err, "command not found"))
			goto err_out;
		free(argv[0]);
		argv[0] = wfc_xstrdup("python3");
		if (wfc_proc_start(&spec, &proc, err, errlen))
			goto err_out;
	}
	if (!l->iso)
		l->iso = wfc_proc_isolation_name(wfc_proc_isolation(proc));
	struct ljob *j = calloc(1, sizeof(*j));
	if (!j)
		abort();
	j->proc = proc;
	j->node = n;
	if (n->daemon) {
		struct wfc_probe_target t = {
			.pid = wfc_proc_pid(proc),
			.workdir = wfc_proc_workdir(proc),
			.tmpdir = wfc_proc_isolation(proc) == WFC_PROC_ISO_TMPDIR
				  ? wfc_proc_tmpdir(proc) : NULL,
			.env = (const char *const *)envp,
		};
		j->probe = wfc_probe_create(&c->readiness, c, &t, err, errlen);
		if (!j->probe && *err) {
			wfc_proc_destroy(proc);
			free(j);
			goto err_out;
		}
	}
	/* without a pidfd (old kernels, valgrind) local_wait polls it */
	if (wfc_proc_fd(proc) >= 0) {
		struct epoll_event ev = { .events = EPOLLIN, .data.ptr = j };
		if (epoll_ctl(l->epfd, EPOLL_CTL_ADD, wfc_proc_fd(proc), &ev))
			abort();
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->jobs = wfc_xrealloc(l->jobs, l->cap * sizeof(*l->jobs));
	}
	j->index = l->n;
	l->jobs[l->n++] = j;
	*job = j;
	rc = 0;
err_out:
	for (size_t i = 0; argv && i < ncmd + nargs; i++)
		free(argv[i]);
	for (size_t i = 0; envp && i < e.n; i++)
		free(envp[i]);
	free(argv);
	free(envp);
	env_free(&e);
	return rc;
}

static int local_poll(void *self, void *job, struct wfc_exec_result *out)
{
	struct wfc_local *l = self;
	struct ljob *j = job;
	if (!collect(l, j))
		return 0;
	*out = j->res;       /* the scheduler takes the strings */
	l->ncollected--;
	l->jobs[j->index] = l->jobs[--l->n];
	l->jobs[j->index]->index = j->index;
	free(j);
	return 1;
}

static void local_kill(void *self, void *job)
{
	struct ljob *j = job;
	if (j->proc)
		wfc_proc_kill(j->proc);
}

static void local_wait(void *self, int timeout_ms)
{
	struct wfc_local *l = self;
	if (open_epoll(l) != 0) {
		if (timeout_ms > 0)
			usleep((useconds_t)timeout_ms * 1000);
		return;
	}
	/* a collected job is news already */
	int t = l->ncollected ? 0 : timeout_ms;
	/* the slots of ended steps are emptied while others run */
	if (t != 0 && l->pool)
		wfc_proc_pool_tidy(l->pool);
	for (size_t i = 0; i < l->n && t != 0; i++) {
		if (!l->jobs[i]->proc)
			continue;
		int pt = wfc_proc_timeout_ms(l->jobs[i]->proc);
		if (wfc_proc_fd(l->jobs[i]->proc) < 0)
			pt = pt < 0 || pt > 50 ? 50 : pt;
		if (pt >= 0 && (t < 0 || pt < t))
			t = pt;
	}
	collect_ready(l, t);
}

static int local_ready(void *self, void *job)
{
	struct ljob *j = job;
	return wfc_probe_poll(j->probe);
}

/* a step on this host listens on this host */
static const char *local_address(void *self, void *job)
{
	return "127.0.0.1";
}

static int local_interrupted(void *self)
{
	struct wfc_local *l = self;
	return l->o.watch_signals && wfc_proc_signal_caught();
}

void wfc_local_executor(struct wfc_local *l, struct wfc_executor *out)
{
	memset(out, 0, sizeof(*out));
	out->self = l;
	out->start = local_start;
	out->poll = local_poll;
	out->kill = local_kill;
	out->wait = local_wait;
	out->interrupted = local_interrupted;
	out->ready = local_ready;
	out->address = local_address;
}
