/* runtime/kube over real HTTPS: a python3 ssl server (kube_tls_server.py)
 * with certificates made by the openssl command; skipped without either.
 * Checks the TLS material handed to libcurl in memory (CA, client
 * certificate and key), tls-server-name, insecure-skip-tls-verify, and
 * streams (watch, followed logs) through the event loop. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <ftw.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "runtime/kube.h"
#include "support/base64.h"
#include "support/buf.h"

struct srv {
	bool available;
	char dir[64];
	pid_t pid;
	int port, proxy_port;
	char *ca64, *cert64, *key64;
};

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	remove(path);
	return 0;
}

static int sh(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	return system(cmd);
}

static char *file_b64(const char *dir, const char *name)
{
	char path[512], buf[16384];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	size_t n = fread(buf, 1, sizeof(buf), fp);
	fclose(fp);
	return wfc_base64_encode(buf, n);
}

static int group_setup(void **state)
{
	struct srv *s = calloc(1, sizeof(*s));
	if (!s)
		return -1;
	*state = s;
	unsetenv("KUBERNETES_SERVICE_HOST");
	unsetenv("https_proxy");
	unsetenv("HTTPS_PROXY");
	unsetenv("all_proxy");
	unsetenv("ALL_PROXY");
	if (sh("command -v openssl >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1"))
		return 0;
	snprintf(s->dir, sizeof(s->dir), "/tmp/wfc-test-kube-tls-XXXXXX");
	if (!mkdtemp(s->dir))
		return -1;
	/* a CA, a server certificate for kube.internal and localhost (no IP),
	 * a client certificate */
	if (sh("cd %s && exec >openssl.log 2>&1 && "
	       "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
	       "-keyout ca.key -out ca.pem -days 2 -subj /CN=wfc-test-ca && "
	       "openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
	       "-keyout server.key -out server.csr -subj /CN=kube.internal && "
	       "printf 'subjectAltName=DNS:kube.internal,DNS:localhost\\n' > server.ext && "
	       "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial "
	       "-out server.pem -days 2 -extfile server.ext && "
	       "openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
	       "-keyout client.key -out client.csr -subj /CN=wfc-client && "
	       "printf 'extendedKeyUsage=clientAuth\\n' > client.ext && "
	       "openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial "
	       "-out client.pem -days 2 -extfile client.ext", s->dir)) {
		fprintf(stderr, "openssl failed; see %s/openssl.log\n", s->dir);
		return -1;
	}
	s->ca64 = file_b64(s->dir, "ca.pem");
	s->cert64 = file_b64(s->dir, "client.pem");
	s->key64 = file_b64(s->dir, "client.key");

	int out[2];
	if (pipe(out))
		return -1;
	s->pid = fork();
	if (s->pid == 0) {
		char cert[512], key[512], ca[512];
		snprintf(cert, sizeof(cert), "%s/server.pem", s->dir);
		snprintf(key, sizeof(key), "%s/server.key", s->dir);
		snprintf(ca, sizeof(ca), "%s/ca.pem", s->dir);
		dup2(out[1], 1);
		close(out[0]);
		close(out[1]);
		execlp("python3", "python3", WFC_SOURCE_DIR "/tests/kube_tls_server.py", cert, key,
		       ca, (char *)NULL);
		_exit(127);
	}
	close(out[1]);
	FILE *fp = fdopen(out[0], "r");
	char line[64] = "";
	if (!fp || !fgets(line, sizeof(line), fp)) {
		fprintf(stderr, "the test server did not start\n");
		return -1;
	}
	fclose(fp);
	if (sscanf(line, "%d %d", &s->port, &s->proxy_port) != 2)
		return -1;
	s->available = s->port > 0;
	return 0;
}

static int group_teardown(void **state)
{
	struct srv *s = *state;
	if (s->pid > 0) {
		kill(s->pid, SIGTERM);
		waitpid(s->pid, NULL, 0);
	}
	if (s->dir[0])
		nftw(s->dir, rm_one, 16, FTW_PHYS | FTW_DEPTH);
	free(s->ca64);
	free(s->cert64);
	free(s->key64);
	free(s);
	return 0;
}

struct fx {
	struct wfc_kubeconfig *kc;
	struct wfc_kube *c;
	struct wfc_kube_error e;
	char err[1024];
};

/* a client for cluster and user lines (each indented for its mapping) */
static struct fx *client(struct srv *s, const char *server, const char *cluster,
			 const char *user)
{
	char path[512];
	struct wfc_buf b = { 0 };
	struct fx *f = calloc(1, sizeof(*f));
	assert_non_null(f);
	wfc_buf_printf(&b,
		       "current-context: x\n"
		       "contexts: [{name: x, context: {cluster: c, user: u}}]\n"
		       "clusters:\n- name: c\n  cluster:\n    server: %s\n%s"
		       "users:\n- name: u\n  user:\n%s",
		       server, cluster, user);
	snprintf(path, sizeof(path), "%s/config", s->dir);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(b.s, fp);
	fclose(fp);
	wfc_buf_free(&b);
	struct wfc_kubeconfig_opts o = { .mode = WFC_KUBECONFIG_FILES, .kubeconfig = path };
	if (wfc_kubeconfig_load(&o, &f->kc, f->err, sizeof(f->err)))
		fail_msg("%s", f->err);
	struct wfc_kube_opts ko = { .retry_budget_s = 0.3, .backoff_initial_s = 0.1,
				    .request_timeout_s = 10 };
	f->c = wfc_kube_create(f->kc, &ko, f->err, sizeof(f->err));
	if (!f->c)
		fail_msg("%s", f->err);
	return f;
}

static void done(struct fx *f)
{
	wfc_kube_destroy(f->c);
	wfc_kubeconfig_free(f->kc);
	free(f);
}

static char *url(struct srv *s, const char *host)
{
	static char u[128];
	snprintf(u, sizeof(u), "https://%s:%d", host, s->port);
	return u;
}

static const char *echo_field(cJSON *o, const char *key)
{
	cJSON *v = cJSON_GetObjectItem(cJSON_GetObjectItem(o, "data"), key);
	return v && cJSON_IsString(v) ? v->valuestring : "(none)";
}

static int get_echo(struct fx *f, cJSON **out)
{
	return wfc_kube_get(f->c, wfc_kube_builtin(WFC_KUBE_CONFIGMAPS), "default", "echo", out,
			    &f->e);
}

#define SKIP_UNLESS_SERVER(s) \
	do {                  \
		if (!(s)->available) \
			skip();  \
	} while (0)

static void test_client_certificate_and_token(void **state)
{
	struct srv *s = *state;
	SKIP_UNLESS_SERVER(s);
	char cluster[8192], user[16384];
	snprintf(cluster, sizeof(cluster), "    certificate-authority-data: %s\n", s->ca64);
	snprintf(user, sizeof(user),
		 "    client-certificate-data: %s\n    client-key-data: %s\n    token: tls-token\n",
		 s->cert64, s->key64);
	struct fx *f = client(s, url(s, "localhost"), cluster, user);
	cJSON *o = NULL;
	if (get_echo(f, &o))
		fail_msg("%s", f->e.message);
	assert_string_equal(echo_field(o, "authorization"), "Bearer tls-token");
	assert_string_equal(echo_field(o, "clientCN"), "wfc-client");
	cJSON_Delete(o);
	/* the connection is reused, the material stays in memory */
	if (get_echo(f, &o))
		fail_msg("%s", f->e.message);
	assert_string_equal(echo_field(o, "clientCN"), "wfc-client");
	cJSON_Delete(o);
	done(f);
}

static void test_files_relative_to_kubeconfig(void **state)
{
	struct srv *s = *state;
	SKIP_UNLESS_SERVER(s);
	struct fx *f = client(s, url(s, "localhost"), "    certificate-authority: ca.pem\n",
			      "    client-certificate: client.pem\n    client-key: client.key\n");
	cJSON *o = NULL;
	if (get_echo(f, &o))
		fail_msg("%s", f->e.message);
	assert_string_equal(echo_field(o, "clientCN"), "wfc-client");
	assert_string_equal(echo_field(o, "authorization"), "");
	cJSON_Delete(o);
	done(f);
}

static void test_unknown_ca_fails(void **state)
{
	struct srv *s = *state;
	SKIP_UNLESS_SERVER(s);
	/* the system's CAs do not know this server */
	struct fx *f = client(s, url(s, "localhost"), "", "    token: t\n");
	assert_int_equal(get_echo(f, NULL), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_ETRANSPORT);
	assert_int_equal(f->e.attempts, 1);  /* no point in trying again */
	assert_non_null(strstr(f->e.message, "request to 'https://localhost:"));
	assert_non_null(strstr(f->e.message, "certificate"));
	done(f);
}

static void test_tls_server_name(void **state)
{
	struct srv *s = *state;
	SKIP_UNLESS_SERVER(s);
	char cluster[8192], host[64];
	/* 127.0.0.1 is not in the certificate */
	snprintf(cluster, sizeof(cluster), "    certificate-authority-data: %s\n", s->ca64);
	struct fx *f = client(s, url(s, "127.0.0.1"), cluster, "    token: t\n");
	assert_int_equal(get_echo(f, NULL), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_ETRANSPORT);
	done(f);
	/* ... but the name given is, and Host stays the server's */
	snprintf(cluster, sizeof(cluster),
		 "    certificate-authority-data: %s\n    tls-server-name: kube.internal\n", s->ca64);
	f = client(s, url(s, "127.0.0.1"), cluster, "    token: t\n");
	cJSON *o = NULL;
	if (get_echo(f, &o))
		fail_msg("%s", f->e.message);
	snprintf(host, sizeof(host), "127.0.0.1:%d", s->port);
	assert_string_equal(echo_field(o, "host"), host);
	cJSON_Delete(o);
	done(f);
}

static void test_insecure(void **state)
{
	struct srv *s = *state;
	SKIP_UNLESS_SERVER(s);
	struct fx *f = client(s, url(s, "127.0.0.1"), "    insecure-skip-tls-verify: true\n",
			      "    token: t\n");
	cJSON *o = NULL;
	if (get_echo(f, &o))
		fail_msg("%s", f->e.message);
	assert_string_equal(echo_field(o, "clientCN"), "");
	cJSON_Delete(o);
	done(f);
}

static void test_server_path_prefix(void **state)
{
	struct srv *s = *state;
	SKIP_UNLESS_SERVER(s);
	char cluster[8192], server[256];
	snprintf(cluster, sizeof(cluster), "    certificate-authority-data: %s\n", s->ca64);
	snprintf(server, sizeof(server), "%s/clusters/c-1/", url(s, "localhost"));
	struct fx *f = client(s, server, cluster, "    token: t\n");
	assert_int_equal(get_echo(f, NULL), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_ENOTFOUND);
	assert_string_equal(f->e.message, "no /clusters/c-1/api/v1/namespaces/default/configmaps/echo");
	done(f);
}

/* no server needed: the URL is refused before any request */
static void test_bad_server_url(void **state)
{
	struct wfc_kubeconfig kc = { .server = "ftp://h.example", .namespace = "default" };
	char err[256];
	assert_null(wfc_kube_create(&kc, NULL, err, sizeof(err)));
	assert_string_equal(err, "server 'ftp://h.example': scheme 'ftp' is not http or https");
	kc.server = "https://[::1";
	assert_null(wfc_kube_create(&kc, NULL, err, sizeof(err)));
	assert_string_equal(err, "server 'https://[::1' is not a valid URL");
}

static void test_proxy_url(void **state)
{
	struct srv *s = *state;
	SKIP_UNLESS_SERVER(s);
	char cluster[8192], server[128];
	/* kube.internal does not resolve here: only the proxy gets there */
	snprintf(cluster, sizeof(cluster),
		 "    certificate-authority-data: %s\n    proxy-url: http://127.0.0.1:%d\n",
		 s->ca64, s->proxy_port);
	snprintf(server, sizeof(server), "https://kube.internal:%d", s->port);
	struct fx *f = client(s, server, cluster, "    token: via-proxy\n");
	cJSON *o = NULL;
	if (get_echo(f, &o))
		fail_msg("%s", f->e.message);
	assert_string_equal(echo_field(o, "authorization"), "Bearer via-proxy");
	cJSON_Delete(o);
	done(f);
}

static double mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void on_event(void *ud, enum wfc_kube_event ev, const cJSON *obj)
{
	const cJSON *m = cJSON_GetObjectItem(obj, "metadata");
	wfc_buf_printf(ud, "%s%s@%s ", ev == WFC_KUBE_ADDED ? "+" : ev == WFC_KUBE_MODIFIED ? "~" : "-",
		       cJSON_GetObjectItem(m, "name")->valuestring,
		       cJSON_GetObjectItem(m, "resourceVersion")->valuestring);
}

static void on_error(void *ud, const struct wfc_kube_error *e)
{
	wfc_buf_printf(ud, "error(%s) ", e->message);
}

static void test_watch_through_event_loop(void **state)
{
	struct srv *s = *state;
	SKIP_UNLESS_SERVER(s);
	char cluster[8192];
	snprintf(cluster, sizeof(cluster), "    certificate-authority-data: %s\n", s->ca64);
	struct fx *f = client(s, url(s, "localhost"), cluster, "    token: t\n");
	struct wfc_buf log = { 0 };
	struct wfc_kube_informer_cb cb = { on_event, NULL, on_error, &log };
	struct wfc_kube_informer_opts io = { .namespace = "default" };
	struct wfc_kube_informer *inf = wfc_kube_informer_create(
		f->c, wfc_kube_builtin(WFC_KUBE_CONFIGMAPS), &io, &cb, &f->e);
	if (!inf)
		fail_msg("%s", f->e.message);
	double end = mono() + 10;
	/* the events, then the watch ends and is opened again from rv 3 */
	while (mono() < end && wfc_kube_informer_watches(inf) < 2)
		wfc_kube_step(f->c, 200);
	assert_string_equal(log.s, "+a@1 ~a@2 +b@3 ");
	assert_int_equal(wfc_kube_informer_watches(inf), 2);
	assert_string_equal(wfc_kube_informer_resource_version(inf), "3");
	/* the second watch stays open: its socket is one to poll */
	struct pollfd fds[8];
	int to, n = 0;
	for (int i = 0; i < 10 && n < 1; i++) {
		wfc_kube_step(f->c, 50);
		n = wfc_kube_pollfds(f->c, fds, 8, &to);
	}
	assert_true(n >= 1);
	assert_string_equal(log.s, "+a@1 ~a@2 +b@3 ");
	wfc_kube_informer_destroy(inf);
	wfc_buf_free(&log);
	done(f);
}

struct logrec {
	struct wfc_buf text;
	bool ended, failed;
};

static int log_data(void *ud, const char *p, size_t n)
{
	wfc_buf_add(&((struct logrec *)ud)->text, p, n);
	return 0;
}

static void log_end(void *ud, const struct wfc_kube_error *e)
{
	struct logrec *l = ud;
	l->ended = true;
	l->failed = e != NULL;
}

static void test_log_follow(void **state)
{
	struct srv *s = *state;
	SKIP_UNLESS_SERVER(s);
	char cluster[8192];
	snprintf(cluster, sizeof(cluster), "    certificate-authority-data: %s\n", s->ca64);
	struct fx *f = client(s, url(s, "localhost"), cluster, "    token: t\n");
	struct logrec l = { 0 };
	struct wfc_kube_stream_cb cb = { log_data, log_end, &l };
	struct wfc_kube_log_opts lo = { .follow = true };
	struct wfc_kube_stream *st = wfc_kube_log_open(f->c, "default", "p", &lo, &cb, &f->e);
	assert_non_null(st);
	double end = mono() + 10;
	while (mono() < end && !l.ended)
		wfc_kube_step(f->c, 200);
	assert_true(l.ended);
	assert_false(l.failed);
	assert_string_equal(l.text.s, "one\ntwo\n");
	wfc_kube_stream_close(st);
	wfc_buf_free(&l.text);

	char *text;
	size_t len;
	assert_int_equal(wfc_kube_log_read(f->c, "default", "p", NULL, &text, &len, &f->e), 0);
	assert_string_equal(text, "one\ntwo\n");
	free(text);
	done(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_client_certificate_and_token),
		cmocka_unit_test(test_files_relative_to_kubeconfig),
		cmocka_unit_test(test_unknown_ca_fails),
		cmocka_unit_test(test_tls_server_name),
		cmocka_unit_test(test_insecure),
		cmocka_unit_test(test_server_path_prefix),
		cmocka_unit_test(test_proxy_url),
		cmocka_unit_test(test_bad_server_url),
		cmocka_unit_test(test_watch_through_event_loop),
		cmocka_unit_test(test_log_follow),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
