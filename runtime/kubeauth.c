/* Credentials for requests (runtime/kubeauth.h). */
#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "runtime/kubeauth.h"
#include "support/base64.h"
#include "support/buf.h"
#include "support/text.h"
#include "support/xalloc.h"

extern char **environ;

/* a token file is read again at least this often (client-go: a minute) */
#define TOKEN_FILE_PERIOD_S 60.0
/* a non-interactive plugin must answer within this */
#define EXEC_TIMEOUT_S 60.0
#define EXEC_OUTPUT_MAX ((size_t)1 << 20)
#define EXEC_STDERR_TAIL 2048

static double real_mono(void *ud)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double real_wall(void *ud)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void real_sleep(void *ud, double s)
{
	if (s <= 0)
		return;
	struct timespec ts = { (time_t)s, (long)((s - (double)(time_t)s) * 1e9) };
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static const struct wfc_kube_clock real_clock = { real_mono, real_wall, real_sleep, NULL };

const struct wfc_kube_clock *wfc_kube_clock_real(void)
{
	return &real_clock;
}

struct wfc_kube_auth {
	const struct wfc_kubeconfig *cfg;
	const struct wfc_kube_clock *clk;
	char *header;             /* the Authorization value handed out */

	/* tokenFile */
	char *file_token;
	bool file_stale;
	double file_read_at;      /* mono */
	struct stat file_st;

	/* exec */
	bool exec_valid;
	char *exec_token;
	char *exec_cert, *exec_key;
	size_t exec_cert_len, exec_key_len;
	double exec_expiry;       /* wall; 0: none */
	unsigned exec_runs;
};

static void wipe(char **s, size_t len)
{
	if (*s)
		memset(*s, 0, len ? len : strlen(*s));
	free(*s);
	*s = NULL;
}

struct wfc_kube_auth *wfc_kube_auth_create(const struct wfc_kubeconfig *cfg,
					   const struct wfc_kube_clock *clock)
{
	struct wfc_kube_auth *a = calloc(1, sizeof(*a));
	if (!a)
		abort();
	a->cfg = cfg;
	a->clk = clock ? clock : &real_clock;
	a->file_stale = true;
	return a;
}

static void exec_clear(struct wfc_kube_auth *a)
{
	wipe(&a->exec_token, 0);
	wipe(&a->exec_cert, a->exec_cert_len);
	wipe(&a->exec_key, a->exec_key_len);
	a->exec_cert_len = a->exec_key_len = 0;
	a->exec_expiry = 0;
	a->exec_valid = false;
}

void wfc_kube_auth_destroy(struct wfc_kube_auth *a)
{
	if (!a)
		return;
	exec_clear(a);
	wipe(&a->header, 0);
	wipe(&a->file_token, 0);
	free(a);
}

unsigned wfc_kube_auth_exec_runs(const struct wfc_kube_auth *a)
{
	return a->exec_runs;
}

bool wfc_kube_auth_invalidate(struct wfc_kube_auth *a)
{
	if (a->cfg->exec) {
		a->exec_valid = false;
		return true;
	}
	if (a->cfg->token_file) {
		a->file_stale = true;
		return true;
	}
	return false;
}

static void set_header(struct wfc_kube_auth *a, const char *scheme, const char *value)
{
	struct wfc_buf b = { 0 };
	wipe(&a->header, 0);
	wfc_buf_printf(&b, "%s %s", scheme, value);
	a->header = b.s;
}

static char *trim(char *s)
{
	size_t n = strlen(s), i = 0;
	while (n && strchr(" \t\r\n", s[n - 1]))
		s[--n] = '\0';
	while (s[i] && strchr(" \t\r\n", s[i]))
		i++;
	memmove(s, s + i, n - i + 1);
	return s;
}

static int read_token_file(struct wfc_kube_auth *a, char *err, size_t errlen)
{
	const char *path = a->cfg->token_file;
	struct stat st;
	double now = a->clk->mono(a->clk->ud);
	bool changed = stat(path, &st) != 0 || st.st_ino != a->file_st.st_ino ||
		       st.st_dev != a->file_st.st_dev || st.st_size != a->file_st.st_size ||
		       st.st_mtim.tv_sec != a->file_st.st_mtim.tv_sec ||
		       st.st_mtim.tv_nsec != a->file_st.st_mtim.tv_nsec;

	if (a->file_token && !a->file_stale && !changed &&
	    now - a->file_read_at < TOKEN_FILE_PERIOD_S)
		return 0;
	FILE *fp = fopen(path, "rb");
	struct wfc_buf b = { 0 };
	char chunk[4096];
	size_t n;
	if (!fp) {
		wfc_errf(err, errlen, "cannot read token file '%s': %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0 && b.len < ((size_t)1 << 20))
		wfc_buf_add(&b, chunk, n);
	fclose(fp);
	memset(chunk, 0, sizeof(chunk));
	char *tok = trim(b.s ? b.s : wfc_xstrdup(""));
	if (!*tok) {
		free(tok);
		wfc_errf(err, errlen, "token file '%s' is empty", path);
		return -1;
	}
	wipe(&a->file_token, 0);
	a->file_token = tok;
	a->file_stale = false;
	a->file_read_at = now;
	if (stat(path, &a->file_st) != 0)
		memset(&a->file_st, 0, sizeof(a->file_st));
	return 0;
}

/* --- exec credential plugins --- */

static char *exec_info(const struct wfc_kubeconfig *cfg, bool interactive)
{
	const struct wfc_kube_exec *ex = cfg->exec;
	cJSON *j = cJSON_CreateObject();
	cJSON_AddStringToObject(j, "kind", "ExecCredential");
	cJSON_AddStringToObject(j, "apiVersion", ex->api_version);
	cJSON *spec = cJSON_AddObjectToObject(j, "spec");
	cJSON_AddBoolToObject(spec, "interactive", interactive);
	if (ex->provide_cluster_info) {
		cJSON *c = cJSON_AddObjectToObject(spec, "cluster");
		cJSON_AddStringToObject(c, "server", cfg->server);
		if (cfg->tls_server_name)
			cJSON_AddStringToObject(c, "tls-server-name", cfg->tls_server_name);
		if (cfg->insecure)
			cJSON_AddBoolToObject(c, "insecure-skip-tls-verify", true);
		if (cfg->ca_pem) {
			char *b64 = wfc_base64_encode(cfg->ca_pem, cfg->ca_len);
			cJSON_AddStringToObject(c, "certificate-authority-data", b64);
			free(b64);
		}
		if (cfg->proxy_url)
			cJSON_AddStringToObject(c, "proxy-url", cfg->proxy_url);
		if (cfg->disable_compression)
			cJSON_AddBoolToObject(c, "disable-compression", true);
		if (ex->cluster_config_json) {
			cJSON *conf = cJSON_Parse(ex->cluster_config_json);
			if (conf)
				cJSON_AddItemToObject(c, "config", conf);
		}
	}
	char *s = cJSON_PrintUnformatted(j);
	cJSON_Delete(j);
	return s;
}

/* wfc's environment, then the kubeconfig's env over it, then the info */
static char **exec_env(const struct wfc_kube_exec *ex, const char *info)
{
	size_t n = 0, cap = 16;
	char **v = wfc_xmalloc(cap * sizeof(*v));

	for (char **e = environ; e && *e; e++) {
		if (!strncmp(*e, "KUBERNETES_EXEC_INFO=", 21))
			continue;
		bool overridden = false;
		size_t klen = strcspn(*e, "=");
		for (char **x = ex->env; x && *x && !overridden; x++)
			overridden = strcspn(*x, "=") == klen && !strncmp(*x, *e, klen);
		if (overridden)
			continue;
		if (n + 2 >= cap)
			v = wfc_xrealloc(v, (cap *= 2) * sizeof(*v));
		v[n++] = wfc_xstrdup(*e);
	}
	for (char **x = ex->env; x && *x; x++) {
		if (n + 2 >= cap)
			v = wfc_xrealloc(v, (cap *= 2) * sizeof(*v));
		v[n++] = wfc_xstrdup(*x);
	}
	struct wfc_buf b = { 0 };
	wfc_buf_printf(&b, "KUBERNETES_EXEC_INFO=%s", info);
	if (n + 2 >= cap)
		v = wfc_xrealloc(v, (cap *= 2) * sizeof(*v));
	v[n++] = b.s;
	v[n] = NULL;
	return v;
}

static void strv_free(char **v)
{
	for (char **p = v; p && *p; p++)
		free(*p);
	free(v);
}

/* The program to run, as Go's exec.LookPath finds it (kubectl's way):
 * a command with '/' as it is, others searched in wfc's PATH. NULL with
 * errno set when there is none. */
static char *look_path(const char *cmd)
{
	struct stat st;
	if (strchr(cmd, '/')) {
		if (stat(cmd, &st) == 0 && S_ISDIR(st.st_mode)) {
			errno = EACCES;
			return NULL;
		}
		return access(cmd, X_OK) == 0 ? wfc_xstrdup(cmd) : NULL;
	}
	const char *path = getenv("PATH");
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path;;) {
		size_t len = strcspn(p, ":");
		struct wfc_buf b = { 0 };
		if (len)
			wfc_buf_add(&b, p, len);
		else
			wfc_buf_putc(&b, '.');
		wfc_buf_printf(&b, "/%s", cmd);
		if (stat(b.s, &st) == 0 && S_ISREG(st.st_mode) && access(b.s, X_OK) == 0)
			return b.s;
		wfc_buf_free(&b);
		if (!p[len])
			break;
		p += len + 1;
	}
	errno = ENOENT;
	return NULL;
}

static int cloexec_pipe(int p[2])
{
	if (pipe(p))
		return -1;
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	fcntl(p[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

static double mono_now(void)
{
	return real_mono(NULL);
}

/* Runs the plugin; its stdout in *out. -1 with a message on failure. */
static int exec_run(struct wfc_kube_auth *a, bool interactive, struct wfc_buf *out,
		    char *err, size_t errlen)
{
	const struct wfc_kube_exec *ex = a->cfg->exec;
	int po[2] = { -1, -1 }, pe[2] = { -1, -1 };
	posix_spawn_file_actions_t fa;
	char *info = exec_info(a->cfg, interactive);
	char **env = exec_env(ex, info);
	size_t nargs = 0;
	struct wfc_buf errtail = { 0 };
	int rc = -1, spawned = 0;
	pid_t pid = -1;

	char *prog = look_path(ex->command);
	if (!prog) {
		int e = errno;
		if (e == ENOENT)
			wfc_errf(err, errlen, "credential plugin '%s' not found%s%s", ex->command,
				 ex->install_hint ? ": " : "",
				 ex->install_hint ? ex->install_hint : "");
		else
			wfc_errf(err, errlen, "cannot run credential plugin '%s': %s",
				 ex->command, strerror(e));
		free(info);
		strv_free(env);
		return -1;
	}
	while (ex->args && ex->args[nargs])
		nargs++;
	char **argv = wfc_xmalloc((nargs + 2) * sizeof(*argv));
	argv[0] = ex->command;
	for (size_t i = 0; i < nargs; i++)
		argv[i + 1] = ex->args[i];
	argv[nargs + 1] = NULL;

	if (cloexec_pipe(po) || (!interactive && cloexec_pipe(pe))) {
		wfc_errf(err, errlen, "cannot run credential plugin '%s': %s", ex->command,
			 strerror(errno));
		goto out;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, po[1], 1);
	if (!interactive) {
		posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
		posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
	}
	spawned = posix_spawn(&pid, prog, &fa, NULL, argv, env);
	posix_spawn_file_actions_destroy(&fa);
	close(po[1]);
	po[1] = -1;
	if (pe[1] >= 0) {
		close(pe[1]);
		pe[1] = -1;
	}
	if (spawned) {
		pid = -1;
		if (spawned == ENOENT)
			wfc_errf(err, errlen, "credential plugin '%s' not found%s%s", ex->command,
				 ex->install_hint ? ": " : "",
				 ex->install_hint ? ex->install_hint : "");
		else
			wfc_errf(err, errlen, "cannot run credential plugin '%s': %s",
				 ex->command, strerror(spawned));
		goto out;
	}

	double deadline = mono_now() + EXEC_TIMEOUT_S;
	bool timed_out = false, too_big = false;
	while (po[0] >= 0 || pe[0] >= 0) {
		struct pollfd fds[2];
		int nf = 0;
		if (po[0] >= 0)
			fds[nf++] = (struct pollfd){ .fd = po[0], .events = POLLIN };
		if (pe[0] >= 0)
			fds[nf++] = (struct pollfd){ .fd = pe[0], .events = POLLIN };
		int wait_ms = -1;
		if (!interactive) {
			double left = deadline - mono_now();
			if (left <= 0) {
				timed_out = true;
				break;
			}
			wait_ms = (int)(left * 1000) + 1;
		}
		int r = poll(fds, (nfds_t)nf, wait_ms);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		for (int i = 0; i < nf; i++) {
			if (!fds[i].revents)
				continue;
			char buf[4096];
			ssize_t got = read(fds[i].fd, buf, sizeof(buf));
			if (got < 0 && errno == EINTR)
				continue;
			bool is_out = fds[i].fd == po[0];
			if (got <= 0) {
				close(fds[i].fd);
				if (is_out)
					po[0] = -1;
				else
					pe[0] = -1;
				continue;
			}
			if (is_out) {
				if (out->len + (size_t)got > EXEC_OUTPUT_MAX)
					too_big = true;
				else
					wfc_buf_add(out, buf, (size_t)got);
			} else {
				wfc_buf_add(&errtail, buf, (size_t)got);
				if (errtail.len > 2 * EXEC_STDERR_TAIL) {
					memmove(errtail.s, errtail.s + errtail.len - EXEC_STDERR_TAIL,
						EXEC_STDERR_TAIL);
					errtail.len = EXEC_STDERR_TAIL;
					errtail.s[errtail.len] = '\0';
				}
			}
		}
		if (too_big)
			break;
	}
	if (timed_out || too_big)
		kill(pid, SIGKILL);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	pid = -1;
	const char *why = errtail.len ? trim(errtail.s) : "";
	if (timed_out) {
		wfc_errf(err, errlen, "credential plugin '%s' gave no answer in %.0f s",
			 ex->command, EXEC_TIMEOUT_S);
		goto out;
	}
	if (too_big) {
		wfc_errf(err, errlen, "credential plugin '%s' printed more than %zu bytes",
			 ex->command, EXEC_OUTPUT_MAX);
		goto out;
	}
	if (WIFSIGNALED(status)) {
		wfc_errf(err, errlen, "credential plugin '%s' was killed by signal %d%s%s",
			 ex->command, WTERMSIG(status), *why ? ": " : "", why);
		goto out;
	}
	if (WEXITSTATUS(status) != 0) {
		if (WEXITSTATUS(status) == 127 && ex->install_hint && !*why)
			why = ex->install_hint;
		wfc_errf(err, errlen, "credential plugin '%s' exited with status %d%s%s",
			 ex->command, WEXITSTATUS(status), *why ? ": " : "", why);
		goto out;
	}
	rc = 0;
out:
	if (pid > 0) {
		kill(pid, SIGKILL);
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	for (int i = 0; i < 2; i++) {
		if (po[i] >= 0)
			close(po[i]);
		if (pe[i] >= 0)
			close(pe[i]);
	}
	wfc_buf_free(&errtail);
	free(prog);
	free(argv);
	strv_free(env);
	free(info);
	return rc;
}

static const char *json_str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int exec_refresh(struct wfc_kube_auth *a, char *err, size_t errlen)
{
	const struct wfc_kube_exec *ex = a->cfg->exec;
	struct wfc_buf out = { 0 };
	cJSON *j = NULL;
	int rc = -1;

	bool tty = isatty(0);
	if (ex->interactive == WFC_EXEC_ALWAYS && !tty) {
		wfc_errf(err, errlen,
			 "credential plugin '%s' needs a terminal (interactiveMode Always) and standard input is not one",
			 ex->command);
		return -1;
	}
	bool interactive = ex->interactive != WFC_EXEC_NEVER && tty;
	exec_clear(a);
	a->exec_runs++;
	if (exec_run(a, interactive, &out, err, errlen))
		goto err_out;
	j = cJSON_ParseWithLength(out.s ? out.s : "", out.len);
	const char *kind = j ? json_str(j, "kind") : NULL;
	if (!j || !cJSON_IsObject(j) || !kind || strcmp(kind, "ExecCredential")) {
		wfc_errf(err, errlen, "credential plugin '%s' did not print an ExecCredential (JSON)",
			 ex->command);
		goto err_out;
	}
	const char *av = json_str(j, "apiVersion");
	if (!av || strcmp(av, ex->api_version)) {
		wfc_errf(err, errlen,
			 "credential plugin '%s' answered with apiVersion '%s', not '%s' as configured",
			 ex->command, av ? av : "", ex->api_version);
		goto err_out;
	}
	const cJSON *st = cJSON_GetObjectItemCaseSensitive(j, "status");
	if (!cJSON_IsObject(st)) {
		wfc_errf(err, errlen, "credential plugin '%s' printed an ExecCredential without 'status'",
			 ex->command);
		goto err_out;
	}
	const char *tok = json_str(st, "token");
	const char *cert = json_str(st, "clientCertificateData");
	const char *key = json_str(st, "clientKeyData");
	const char *exp = json_str(st, "expirationTimestamp");
	if (tok && !*tok)
		tok = NULL;
	if ((cert && *cert) != (key && *key)) {
		wfc_errf(err, errlen,
			 "credential plugin '%s' returned a client %s without a client %s",
			 ex->command, cert && *cert ? "certificate" : "key",
			 cert && *cert ? "key" : "certificate");
		goto err_out;
	}
	if (!tok && !(cert && *cert)) {
		wfc_errf(err, errlen,
			 "credential plugin '%s' returned neither a token nor a client certificate",
			 ex->command);
		goto err_out;
	}
	if (exp && *exp && wfc_rfc3339_parse(exp, &a->exec_expiry)) {
		wfc_errf(err, errlen,
			 "credential plugin '%s' returned 'expirationTimestamp' '%s', which is not RFC 3339",
			 ex->command, exp);
		goto err_out;
	}
	if (tok)
		a->exec_token = wfc_xstrdup(tok);
	if (cert && *cert) {
		a->exec_cert = wfc_xstrdup(cert);
		a->exec_cert_len = strlen(cert);
		a->exec_key = wfc_xstrdup(key);
		a->exec_key_len = strlen(key);
	}
	a->exec_valid = true;
	rc = 0;
err_out:
	if (out.s)
		memset(out.s, 0, out.len);
	wfc_buf_free(&out);
	if (j) {
		/* the token was in the tree's strings too */
		const cJSON *s = cJSON_GetObjectItemCaseSensitive(j, "status");
		const char *keys[] = { "token", "clientKeyData" };
		for (int i = 0; i < 2; i++) {
			cJSON *v = cJSON_GetObjectItemCaseSensitive(s, keys[i]);
			if (cJSON_IsString(v) && v->valuestring)
				memset(v->valuestring, 0, strlen(v->valuestring));
		}
		cJSON_Delete(j);
	}
	if (rc)
		exec_clear(a);
	return rc;
}

int wfc_kube_auth_get(struct wfc_kube_auth *a, struct wfc_kube_creds *out,
		      char *err, size_t errlen)
{
	const struct wfc_kubeconfig *cfg = a->cfg;

	memset(out, 0, sizeof(*out));
	if (cfg->cert_pem) {
		out->cert_pem = cfg->cert_pem;
		out->cert_len = cfg->cert_len;
		out->key_pem = cfg->key_pem;
		out->key_len = cfg->key_len;
	}
	if (cfg->exec) {
		if (a->exec_valid && a->exec_expiry > 0 &&
		    a->clk->wall(a->clk->ud) >= a->exec_expiry)
			a->exec_valid = false;
		if (!a->exec_valid && exec_refresh(a, err, errlen))
			return -1;
		if (a->exec_cert) {
			out->cert_pem = a->exec_cert;
			out->cert_len = a->exec_cert_len;
			out->key_pem = a->exec_key;
			out->key_len = a->exec_key_len;
		}
		if (a->exec_token) {
			set_header(a, "Bearer", a->exec_token);
			out->authorization = a->header;
			return 0;
		}
	}
	if (cfg->token_file) {
		char ferr[256];
		if (read_token_file(a, ferr, sizeof(ferr)) == 0) {
			set_header(a, "Bearer", a->file_token);
			out->authorization = a->header;
			return 0;
		}
		/* client-go keeps using the static token when the file fails */
		if (!cfg->token) {
			wfc_errf(err, errlen, "%s", ferr);
			return -1;
		}
	}
	if (cfg->token) {
		set_header(a, "Bearer", cfg->token);
		out->authorization = a->header;
	} else if ((cfg->username && *cfg->username) || (cfg->password && *cfg->password)) {
		struct wfc_buf up = { 0 };
		wfc_buf_printf(&up, "%s:%s", cfg->username ? cfg->username : "",
			       cfg->password ? cfg->password : "");
		char *b64 = wfc_base64_encode(up.s, up.len);
		memset(up.s, 0, up.len);
		wfc_buf_free(&up);
		set_header(a, "Basic", b64);
		wipe(&b64, 0);
		out->authorization = a->header;
	}
	return 0;
}
