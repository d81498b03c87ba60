/* The output wrapper (runtime/wrapper.h). libc only: it links statically. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runtime/wrapper.h"
#include "support/buf.h"
#include "support/xalloc.h"

#define MAGIC "wfc-exec 1\n"

char *wfc_wrapper_format(const struct wfc_wrapper_output *outs, const char *const *values,
			 const size_t *lens, size_t n, size_t budget, size_t *len)
{
	struct wfc_buf b = { 0 };
	wfc_buf_puts(&b, MAGIC);
	/* Entries in order; one that would not fit becomes a "truncated" line,
	 * which is short. */
	for (size_t i = 0; i < n; i++) {
		char head[64];
		if (!values[i]) {
			wfc_buf_printf(&b, "missing %s\n", outs[i].name);
			continue;
		}
		int hl = snprintf(head, sizeof(head), " %zu\n", lens[i]);
		size_t need = strlen("output ") + strlen(outs[i].name) + (size_t)hl + lens[i] + 1;
		if (b.len + need <= budget) {
			wfc_buf_printf(&b, "output %s%s", outs[i].name, head);
			wfc_buf_add(&b, values[i], lens[i]);
			wfc_buf_putc(&b, '\n');
		} else {
			wfc_buf_printf(&b, "truncated %s %zu\n", outs[i].name, lens[i]);
		}
	}
	wfc_buf_str(&b);
	*len = b.len;
	return b.s;
}

/* The whole of a file, or NULL when it does not exist or cannot be read. */
static char *slurp(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct wfc_buf b = { 0 };
	char chunk[8192];
	for (;;) {
		ssize_t r = read(fd, chunk, sizeof(chunk));
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			close(fd);
			wfc_buf_free(&b);
			return NULL;
		}
		if (r == 0)
			break;
		wfc_buf_add(&b, chunk, (size_t)r);
	}
	close(fd);
	wfc_buf_str(&b);
	*len = b.len;
	return b.s;
}

static volatile sig_atomic_t child_pid;

static void forward(int sig)
{
	if (child_pid > 0)
		kill((pid_t)child_pid, sig);
}

static const int forwarded[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 };
#define NFORWARDED (sizeof(forwarded) / sizeof(forwarded[0]))

static int write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

int wfc_wrapper_run(const struct wfc_wrapper_output *outs, size_t n, char *const *argv,
		    const char *termination_path, size_t budget)
{
	/* A pipe closed on exec tells the parent whether exec worked. */
	int pfd[2];
	if (pipe(pfd) != 0 || fcntl(pfd[0], F_SETFD, FD_CLOEXEC) != 0 ||
	    fcntl(pfd[1], F_SETFD, FD_CLOEXEC) != 0) {
		fprintf(stderr, "wfc exec: cannot make a pipe: %s\n", strerror(errno));
		return 126;
	}
	struct sigaction sa = { .sa_handler = forward };
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	struct sigaction old[NFORWARDED];
	for (size_t i = 0; i < NFORWARDED; i++)
		sigaction(forwarded[i], &sa, &old[i]);

	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "wfc exec: cannot start '%s': %s\n", argv[0], strerror(errno));
		close(pfd[0]);
		close(pfd[1]);
		return 126;
	}
	if (pid == 0) {
		for (size_t i = 0; i < NFORWARDED; i++)
			sigaction(forwarded[i], &old[i], NULL);
		close(pfd[0]);
		execvp(argv[0], argv);
		int e = errno;
		(void)!write(pfd[1], &e, sizeof(e));
		_exit(127);
	}
	child_pid = pid;
	close(pfd[1]);
	int exec_errno = 0;
	ssize_t r;
	do
		r = read(pfd[0], &exec_errno, sizeof(exec_errno));
	while (r < 0 && errno == EINTR);
	close(pfd[0]);

	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	child_pid = 0;
	for (size_t i = 0; i < NFORWARDED; i++)
		sigaction(forwarded[i], &old[i], NULL);

	int rc;
	if (r == (ssize_t)sizeof(exec_errno)) {
		fprintf(stderr, "wfc exec: cannot run '%s': %s\n", argv[0], strerror(exec_errno));
		rc = exec_errno == ENOENT ? 127 : 126;
	} else if (WIFEXITED(status)) {
		rc = WEXITSTATUS(status);
	} else if (WIFSIGNALED(status)) {
		rc = 128 + WTERMSIG(status);
	} else {
		rc = 126;
	}

	/* The outputs are reported whatever the exit status: Argo reads them
	 * from failed steps too. */
	const char **values = wfc_xmalloc((n ? n : 1) * sizeof(*values));
	size_t *lens = wfc_xmalloc((n ? n : 1) * sizeof(*lens));
	for (size_t i = 0; i < n; i++) {
		lens[i] = 0;
		values[i] = slurp(outs[i].path, &lens[i]);
	}
	size_t len;
	char *msg = wfc_wrapper_format(outs, values, lens, n, budget, &len);
	int fd = open(termination_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || write_all(fd, msg, len) != 0) {
		fprintf(stderr, "wfc exec: cannot write the outputs to '%s': %s\n",
			termination_path, strerror(errno));
		if (rc == 0)
			rc = 1;
	}
	if (fd >= 0)
		close(fd);
	free(msg);
	for (size_t i = 0; i < n; i++)
		free((char *)values[i]);
	free(values);
	free(lens);
	return rc;
}

/* ---- the reader ---- */

static void seterr(char *err, size_t errlen, const char *msg)
{
	if (errlen)
		snprintf(err, errlen, "%s", msg);
}

/* The next line of [*p, end) without its newline; NULL at the end. */
static const char *line(const char **p, const char *end, size_t *n)
{
	if (*p >= end)
		return NULL;
	const char *s = *p, *nl = memchr(s, '\n', (size_t)(end - s));
	if (!nl)
		return NULL;
	*n = (size_t)(nl - s);
	*p = nl + 1;
	return s;
}

/* "WORD NAME[ NUMBER]": the name and the number (-1 without one). */
static int split(const char *s, size_t n, const char *word, char **name, long long *num)
{
	size_t wl = strlen(word);
	if (n <= wl + 1 || memcmp(s, word, wl) != 0 || s[wl] != ' ')
		return -1;
	s += wl + 1;
	n -= wl + 1;
	const char *sp = memchr(s, ' ', n);
	size_t nl = sp ? (size_t)(sp - s) : n;
	if (nl == 0)
		return -1;
	*num = -1;
	if (sp) {
		char digits[24];
		size_t dl = n - nl - 1;
		if (dl == 0 || dl >= sizeof(digits))
			return -1;
		memcpy(digits, sp + 1, dl);
		digits[dl] = 0;
		char *e;
		errno = 0;
		long long v = strtoll(digits, &e, 10);
		if (*e || errno || v < 0 || digits[0] == '-' || digits[0] == '+')
			return -1;
		*num = v;
	}
	*name = wfc_xmalloc(nl + 1);
	memcpy(*name, s, nl);
	(*name)[nl] = 0;
	return 0;
}

int wfc_wrapper_parse(const char *msg, size_t len, struct wfc_wrapper_report *out, char *err,
		      size_t errlen)
{
	const char *p = msg, *end = msg + len;
	size_t n;
	out->v = NULL;
	out->n = 0;
	const char *l = line(&p, end, &n);
	if (!l || n != strlen(MAGIC) - 1 || memcmp(l, MAGIC, n) != 0) {
		seterr(err, errlen, "the termination message is not a report of 'wfc exec'");
		return -1;
	}
	while ((l = line(&p, end, &n)) != NULL) {
		struct wfc_wrapper_entry e = { 0 };
		long long num;
		if (split(l, n, "output", &e.name, &num) == 0 && num >= 0) {
			if ((unsigned long long)(end - p) < (unsigned long long)num + 1 ||
			    p[num] != '\n') {
				free(e.name);
				seterr(err, errlen, "the report of 'wfc exec' is cut short");
				goto err_out;
			}
			e.state = WFC_WRAPPER_VALUE;
			e.len = (size_t)num;
			e.value = wfc_xmalloc(e.len + 1);
			memcpy(e.value, p, e.len);
			e.value[e.len] = 0;
			p += num + 1;
		} else if (split(l, n, "missing", &e.name, &num) == 0 && num < 0) {
			e.state = WFC_WRAPPER_MISSING;
		} else if (split(l, n, "truncated", &e.name, &num) == 0 && num >= 0) {
			e.state = WFC_WRAPPER_TRUNCATED;
			e.size = (size_t)num;
		} else {
			free(e.name);
			seterr(err, errlen, "the report of 'wfc exec' has a line it cannot read");
			goto err_out;
		}
		out->v = wfc_xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
		out->v[out->n++] = e;
	}
	if (p != end) {
		seterr(err, errlen, "the report of 'wfc exec' is cut short");
		goto err_out;
	}
	return 0;
err_out:
	wfc_wrapper_report_free(out);
	return -1;
}

const struct wfc_wrapper_entry *wfc_wrapper_find(const struct wfc_wrapper_report *r,
						 const char *name)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->v[i].name, name) == 0)
			return &r->v[i];
	return NULL;
}

void wfc_wrapper_report_free(struct wfc_wrapper_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].name);
		free(r->v[i].value);
	}
	free(r->v);
	r->v = NULL;
	r->n = 0;
}
