/* runtime/kubeconfig: files read and merged as kubectl does, paths
 * resolved against their file, the in-cluster config. Every file is
 * written into a scratch directory per test. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "runtime/kubeconfig.h"
#include "support/base64.h"

struct fx {
	char dir[64];
	char path[512];
	char err[1024];
};

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	remove(path);
	return 0;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	if (!f)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/wfc-test-kubeconfig-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	/* the machine running the tests may itself be a pod */
	unsetenv("KUBERNETES_SERVICE_HOST");
	unsetenv("KUBERNETES_SERVICE_PORT");
	unsetenv("POD_NAMESPACE");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	nftw(f->dir, rm_one, 16, FTW_PHYS | FTW_DEPTH);
	free(f);
	return 0;
}

/* dir/name (subdirectories created), returned in f->path */
static const char *put(struct fx *f, const char *name, const char *fmt, ...)
{
	char sub[512];
	snprintf(f->path, sizeof(f->path), "%s/%s", f->dir, name);
	for (char *p = f->path + strlen(f->dir) + 1; (p = strchr(p, '/')); p++) {
		snprintf(sub, sizeof(sub), "%.*s", (int)(p - f->path), f->path);
		mkdir(sub, 0700);
	}
	FILE *fp = fopen(f->path, "w");
	assert_non_null(fp);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(fp, fmt, ap);
	va_end(ap);
	fclose(fp);
	return f->path;
}

static struct wfc_kubeconfig *load(struct fx *f, struct wfc_kubeconfig_opts *o)
{
	struct wfc_kubeconfig *kc = NULL;
	if (!o->home)
		o->home = f->dir;
	if (!o->kubeconfig_env)
		o->kubeconfig_env = "";
	f->err[0] = '\0';
	if (wfc_kubeconfig_load(o, &kc, f->err, sizeof(f->err)))
		return NULL;
	return kc;
}

static struct wfc_kubeconfig *load_file(struct fx *f, const char *path)
{
	struct wfc_kubeconfig_opts o = { .mode = WFC_KUBECONFIG_FILES, .kubeconfig = path };
	return load(f, &o);
}

static void expect_error(struct fx *f, const char *path, const char *needle)
{
	struct wfc_kubeconfig *kc = load_file(f, path);
	if (kc || !strstr(f->err, needle))
		fail_msg("expected an error with '%s', got '%s'", needle, f->err);
}

#define BASIC                                                   \
	"apiVersion: v1\n"                                      \
	"kind: Config\n"                                        \
	"current-context: dev\n"                                \
	"contexts:\n"                                           \
	"- name: dev\n"                                         \
	"  context: {cluster: c1, user: u1%s}\n"                \
	"clusters:\n"                                           \
	"- name: c1\n"                                          \
	"  cluster:\n"                                          \
	"    server: %s\n"                                      \
	"%s"                                                    \
	"users:\n"                                              \
	"- name: u1\n"                                          \
	"  user:\n"                                             \
	"%s"

static void test_basic(void **state)
{
	struct fx *f = *state;
	char *ca64 = wfc_base64_encode("CA PEM\n", 7);
	char cluster[256];
	snprintf(cluster, sizeof(cluster), "    certificate-authority-data: %s\n"
		 "    tls-server-name: kube.internal\n"
		 "    proxy-url: http://proxy:3128\n", ca64);
	free(ca64);
	put(f, "config", BASIC, ", namespace: team", "https://1.2.3.4:6443/", cluster,
	    "    token: secret-token\n");
	struct wfc_kubeconfig *kc = load_file(f, f->path);
	assert_non_null(kc);
	assert_string_equal(kc->server, "https://1.2.3.4:6443");
	assert_string_equal(kc->context, "dev");
	assert_string_equal(kc->cluster, "c1");
	assert_string_equal(kc->user, "u1");
	assert_string_equal(kc->namespace, "team");
	assert_int_equal(kc->ca_len, 7);
	assert_memory_equal(kc->ca_pem, "CA PEM\n", 7);
	assert_string_equal(kc->tls_server_name, "kube.internal");
	assert_string_equal(kc->proxy_url, "http://proxy:3128");
	assert_false(kc->insecure);
	assert_string_equal(kc->token, "secret-token");
	assert_null(kc->token_file);
	assert_null(kc->exec);
	assert_false(kc->in_cluster);
	assert_non_null(strstr(kc->origin, f->dir));
	wfc_kubeconfig_free(kc);
}

static void test_namespace_and_context_override(void **state)
{
	struct fx *f = *state;
	put(f, "config",
	    "current-context: a\n"
	    "contexts:\n"
	    "- {name: a, context: {cluster: c, user: u, namespace: from-a}}\n"
	    "- {name: b, context: {cluster: c, user: u}}\n"
	    "clusters:\n"
	    "- {name: c, cluster: {server: 'https://h:1'}}\n"
	    "users:\n"
	    "- {name: u, user: {token: t}}\n");
	struct wfc_kubeconfig_opts o = { .kubeconfig = f->path };
	struct wfc_kubeconfig *kc = load(f, &o);
	assert_non_null(kc);
	assert_string_equal(kc->namespace, "from-a");
	wfc_kubeconfig_free(kc);

	o.namespace = "flag";
	kc = load(f, &o);
	assert_non_null(kc);
	assert_string_equal(kc->namespace, "flag");
	wfc_kubeconfig_free(kc);

	o.namespace = NULL;
	o.context = "b";
	kc = load(f, &o);
	assert_non_null(kc);
	assert_string_equal(kc->context, "b");
	assert_string_equal(kc->namespace, "default");
	wfc_kubeconfig_free(kc);

	o.context = "nope";
	assert_null(load(f, &o));
	assert_non_null(strstr(f->err, "context 'nope' is not in kubeconfig"));
	assert_non_null(strstr(f->err, "'a', 'b'"));
}

/* KUBECONFIG=missing:a::b:a, as kubectl merges it: the first file to name
 * an entry supplies all of it, current-context from the first setting it */
static void test_merge(void **state)
{
	struct fx *f = *state;
	char a[512], b[512], env[2048];
	put(f, "a",
	    "current-context: ctx-a\n"
	    "clusters:\n"
	    "- name: shared\n"
	    "  cluster: {server: 'https://a.example:6443'}\n"
	    "users:\n"
	    "- name: shared\n"
	    "  user: {token: tok-a}\n"
	    "contexts:\n"
	    "- name: ctx-a\n"
	    "  context: {cluster: shared, user: shared}\n");
	snprintf(a, sizeof(a), "%s", f->path);
	put(f, "b",
	    "current-context: ctx-b\n"
	    "clusters:\n"
	    "- name: shared\n"
	    "  cluster: {server: 'https://b.example:6443', insecure-skip-tls-verify: true}\n"
	    "- name: only-b\n"
	    "  cluster: {server: 'https://onlyb.example'}\n"
	    "users:\n"
	    "- name: shared\n"
	    "  user: {username: u, password: p}\n"
	    "contexts:\n"
	    "- name: ctx-b\n"
	    "  context: {cluster: only-b, user: shared, namespace: nsb}\n");
	snprintf(b, sizeof(b), "%s", f->path);
	snprintf(env, sizeof(env), "%s/missing:%s::%s:%s", f->dir, a, b, a);

	struct wfc_kubeconfig_opts o = { .kubeconfig_env = env };
	struct wfc_kubeconfig *kc = load(f, &o);
	assert_non_null(kc);
	assert_string_equal(kc->context, "ctx-a");
	assert_string_equal(kc->server, "https://a.example:6443");
	assert_false(kc->insecure);          /* not merged field by field */
	assert_string_equal(kc->token, "tok-a");
	assert_null(kc->username);
	wfc_kubeconfig_free(kc);

	/* b's context, with the cluster only b has and a's user */
	o.context = "ctx-b";
	kc = load(f, &o);
	assert_non_null(kc);
	assert_string_equal(kc->server, "https://onlyb.example");
	assert_string_equal(kc->namespace, "nsb");
	assert_string_equal(kc->token, "tok-a");
	assert_null(kc->password);
	wfc_kubeconfig_free(kc);

	/* the other order: b first */
	snprintf(env, sizeof(env), "%s:%s", b, a);
	o.kubeconfig_env = env;
	o.context = NULL;
	kc = load(f, &o);
	assert_non_null(kc);
	assert_string_equal(kc->context, "ctx-b");
	assert_string_equal(kc->username, "u");
	assert_string_equal(kc->password, "p");
	assert_null(kc->token);
	wfc_kubeconfig_free(kc);

	/* an explicit file wins over KUBECONFIG and is not merged */
	o.kubeconfig = a;
	o.context = "ctx-b";
	assert_null(load(f, &o));
	assert_non_null(strstr(f->err, "context 'ctx-b' is not in"));
}

static void test_default_path_and_missing(void **state)
{
	struct fx *f = *state;
	struct wfc_kubeconfig_opts o = { 0 };
	assert_null(load(f, &o));
	assert_non_null(strstr(f->err, "/.kube/config' does not exist"));

	put(f, ".kube/config",
	    "current-context: x\n"
	    "contexts: [{name: x, context: {cluster: c}}]\n"
	    "clusters: [{name: c, cluster: {server: 'h.example:443'}}]\n");
	struct wfc_kubeconfig *kc = load(f, &o);
	assert_non_null(kc);
	/* a bare host:port is https; no user is anonymous */
	assert_string_equal(kc->server, "https://h.example:443");
	assert_null(kc->user);
	assert_null(kc->token);
	wfc_kubeconfig_free(kc);

	char missing[512];
	snprintf(missing, sizeof(missing), "%s/nope", f->dir);
	struct wfc_kubeconfig_opts ex = { .kubeconfig = missing };
	assert_null(load(f, &ex));
	assert_non_null(strstr(f->err, "/nope' does not exist"));

	struct wfc_kubeconfig_opts env = { .kubeconfig_env = missing };
	assert_null(load(f, &env));
	assert_non_null(strstr(f->err, "none of the files of KUBECONFIG"));
}

/* relative paths against the file's directory, not the working directory */
static void test_relative_paths(void **state)
{
	struct fx *f = *state;
	char dir[512], path[512];
	put(f, "sub/pki/ca.pem", "THE CA");
	put(f, "sub/pki/client.pem", "THE CERT");
	put(f, "sub/pki/client.key", "THE KEY");
	put(f, "sub/config",
	    "current-context: x\n"
	    "contexts: [{name: x, context: {cluster: c, user: u}}]\n"
	    "clusters:\n"
	    "- name: c\n"
	    "  cluster: {server: 'https://h', certificate-authority: pki/ca.pem}\n"
	    "users:\n"
	    "- name: u\n"
	    "  user:\n"
	    "    client-certificate: pki/client.pem\n"
	    "    client-key: ./pki/client.key\n"
	    "    tokenFile: tok\n"
	    "    exec:\n"
	    "      apiVersion: client.authentication.k8s.io/v1beta1\n"
	    "      command: ./bin/plugin\n");
	snprintf(path, sizeof(path), "%s", f->path);
	snprintf(dir, sizeof(dir), "%s/sub", f->dir);

	/* relative to a working directory elsewhere: "sub/config" from f->dir */
	char cwd[1024];
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(f->dir), 0);
	struct wfc_kubeconfig *kc = load_file(f, "sub/config");
	assert_int_equal(chdir("/"), 0);
	assert_non_null(kc);
	assert_string_equal(kc->ca_pem, "THE CA");
	assert_string_equal(kc->cert_pem, "THE CERT");
	assert_string_equal(kc->key_pem, "THE KEY");
	char want[1024];
	snprintf(want, sizeof(want), "%s/tok", dir);
	assert_string_equal(kc->token_file, want);
	snprintf(want, sizeof(want), "%s/./bin/plugin", dir);
	assert_string_equal(kc->exec->command, want);
	assert_int_equal(kc->exec->interactive, WFC_EXEC_IF_AVAILABLE);
	wfc_kubeconfig_free(kc);
	assert_int_equal(chdir(cwd), 0);

	/* a missing certificate file says which */
	put(f, "sub/config",
	    "current-context: x\n"
	    "contexts: [{name: x, context: {cluster: c}}]\n"
	    "clusters:\n"
	    "- name: c\n"
	    "  cluster: {server: 'https://h', certificate-authority: gone.pem}\n");
	expect_error(f, path, "cannot read certificate-authority '");
	assert_non_null(strstr(f->err, "/sub/gone.pem'"));
	assert_non_null(strstr(f->err, " line 5: "));
}

static void test_exec_fields(void **state)
{
	struct fx *f = *state;
	put(f, "config",
	    "current-context: x\n"
	    "contexts: [{name: x, context: {cluster: c, user: u}}]\n"
	    "clusters:\n"
	    "- name: c\n"
	    "  cluster:\n"
	    "    server: https://h\n"
	    "    extensions:\n"
	    "    - name: client.authentication.k8s.io/exec\n"
	    "      extension: {audience: sts, retries: 3, debug: true}\n"
	    "users:\n"
	    "- name: u\n"
	    "  user:\n"
	    "    exec:\n"
	    "      apiVersion: client.authentication.k8s.io/v1\n"
	    "      command: aws\n"
	    "      args: [eks, get-token, --cluster-name, demo]\n"
	    "      env: [{name: AWS_PROFILE, value: prod}, {name: EMPTY}]\n"
	    "      interactiveMode: Never\n"
	    "      installHint: install the aws cli\n"
	    "      provideClusterInfo: true\n");
	struct wfc_kubeconfig *kc = load_file(f, f->path);
	assert_non_null(kc);
	const struct wfc_kube_exec *x = kc->exec;
	assert_non_null(x);
	assert_string_equal(x->command, "aws");  /* no '/': looked up in PATH */
	assert_string_equal(x->args[0], "eks");
	assert_string_equal(x->args[3], "demo");
	assert_null(x->args[4]);
	assert_string_equal(x->env[0], "AWS_PROFILE=prod");
	assert_string_equal(x->env[1], "EMPTY=");
	assert_null(x->env[2]);
	assert_int_equal(x->interactive, WFC_EXEC_NEVER);
	assert_string_equal(x->install_hint, "install the aws cli");
	assert_true(x->provide_cluster_info);
	assert_string_equal(x->cluster_config_json,
			    "{\"audience\":\"sts\",\"retries\":3,\"debug\":true}");
	wfc_kubeconfig_free(kc);
}

#define ONE_USER(user)                                                       \
	"current-context: x\n"                                               \
	"contexts: [{name: x, context: {cluster: c, user: u}}]\n"            \
	"clusters: [{name: c, cluster: {server: 'https://h'}}]\n"            \
	"users:\n"                                                           \
	"- name: u\n"                                                        \
	"  user:\n" user

static void test_errors(void **state)
{
	struct fx *f = *state;

	put(f, "c", "clusters: [\n  - name: x\n");
	expect_error(f, f->path, "kubeconfig '");
	assert_non_null(strstr(f->err, " line "));

	put(f, "c", "- just\n- a list\n");
	expect_error(f, f->path, "must be a mapping");

	put(f, "c", "clusters: {name: x}\n");
	expect_error(f, f->path, "line 1: 'clusters' must be a list");

	put(f, "c", "contexts:\n- {name: x}\n- {name: x}\n");
	expect_error(f, f->path, "line 3: duplicate context name 'x'");

	put(f, "c", "contexts: [{name: x, context: {cluster: c}}]\n");
	expect_error(f, f->path, "sets no current-context: pass --context (contexts: 'x')");

	put(f, "c", "current-context: x\ncontexts: [{name: x, context: {cluster: c}}]\n");
	expect_error(f, f->path, "names cluster 'c', which is not in kubeconfig");

	put(f, "c", "current-context: x\n"
	    "contexts: [{name: x, context: {cluster: c, user: who}}]\n"
	    "clusters: [{name: c, cluster: {server: 'https://h'}}]\n");
	expect_error(f, f->path, "line 2: context 'x' names user 'who', which is not");

	put(f, "c", "current-context: x\n"
	    "contexts: [{name: x, context: {cluster: c}}]\n"
	    "clusters: [{name: c, cluster: {insecure-skip-tls-verify: true}}]\n");
	expect_error(f, f->path, "cluster 'c' has no 'server'");

	put(f, "c", "current-context: x\n"
	    "contexts: [{name: x, context: {cluster: c}}]\n"
	    "clusters:\n"
	    "- name: c\n"
	    "  cluster:\n"
	    "    server: https://h\n"
	    "    certificate-authority-data: '***'\n");
	expect_error(f, f->path, "line 7: 'certificate-authority-data' is not valid base64");

	put(f, "c", "current-context: x\n"
	    "contexts: [{name: x, context: {cluster: c}}]\n"
	    "clusters: [{name: c, cluster: {server: 'https://h', insecure-skip-tls-verify: maybe}}]\n");
	expect_error(f, f->path, "line 3: 'insecure-skip-tls-verify' must be true or false");

	put(f, "c", "current-context: x\n"
	    "contexts: [{name: x, context: {cluster: c}}]\n"
	    "clusters: [{name: c, cluster: {server: 'https://h', insecure-skip-tls-verify: true,"
	    " certificate-authority-data: Q0E=}}]\n");
	expect_error(f, f->path, "sets both a certificate authority and insecure-skip-tls-verify");

	put(f, "c", ONE_USER("    token: t\n    username: me\n    password: pw\n"));
	expect_error(f, f->path, "more than one authentication method");

	put(f, "c", ONE_USER("    client-certificate-data: Q0E=\n"));
	expect_error(f, f->path, "client certificate without a client key");

	put(f, "c", ONE_USER("    auth-provider: {name: oidc}\n"));
	expect_error(f, f->path, "auth-provider 'oidc' is not supported");

	put(f, "c", ONE_USER("    exec: {apiVersion: client.authentication.k8s.io/v1, command: x}\n"));
	expect_error(f, f->path, "'interactiveMode' must be set");

	put(f, "c", ONE_USER("    exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: x}\n"));
	expect_error(f, f->path, "exec apiVersion 'client.authentication.k8s.io/v1alpha1' is not supported");

	put(f, "c", ONE_USER("    exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: x,"
			     " interactiveMode: Sometimes}\n"));
	expect_error(f, f->path, "'interactiveMode' is 'Sometimes'");

	put(f, "c", ONE_USER("    exec: {apiVersion: client.authentication.k8s.io/v1beta1}\n"));
	expect_error(f, f->path, "has no 'command'");
}

static void test_yaml11_and_empty(void **state)
{
	struct fx *f = *state;
	put(f, "c", "current-context: x\n"
	    "contexts: [{name: x, context: {cluster: c}}]\n"
	    "clusters: [{name: c, cluster: {server: 'http://h:8080', insecure-skip-tls-verify: yes,"
	    " disable-compression: On}}]\n");
	struct wfc_kubeconfig *kc = load_file(f, f->path);
	assert_non_null(kc);
	assert_true(kc->insecure);
	assert_true(kc->disable_compression);
	assert_string_equal(kc->server, "http://h:8080");
	wfc_kubeconfig_free(kc);

	/* an empty file is an empty config, merged like the others */
	char env[1024], empty[512];
	snprintf(empty, sizeof(empty), "%s", put(f, "empty", "%s", ""));
	put(f, "c2", "current-context: x\n"
	    "contexts: [{name: x, context: {cluster: c}}]\n"
	    "clusters: [{name: c, cluster: {server: 'https://h'}}]\n");
	snprintf(env, sizeof(env), "%s:%s", empty, f->path);
	struct wfc_kubeconfig_opts o = { .kubeconfig_env = env };
	kc = load(f, &o);
	if (!kc)
		fail_msg("%s", f->err);
	assert_string_equal(kc->server, "https://h");
	wfc_kubeconfig_free(kc);
	expect_error(f, empty, "sets no current-context");
}

static void test_in_cluster(void **state)
{
	struct fx *f = *state;
	char dir[512];
	put(f, "sa/token", "tok\n");
	put(f, "sa/ca.crt", "SA CA");
	put(f, "sa/namespace", "wf-ns\n");
	snprintf(dir, sizeof(dir), "%s/sa", f->dir);

	struct wfc_kubeconfig_opts o = { .mode = WFC_KUBECONFIG_IN_CLUSTER, .incluster_dir = dir };
	assert_null(load(f, &o));
	assert_non_null(strstr(f->err, "KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set"));

	setenv("KUBERNETES_SERVICE_HOST", "10.96.0.1", 1);
	setenv("KUBERNETES_SERVICE_PORT", "443", 1);
	struct wfc_kubeconfig *kc = load(f, &o);
	assert_non_null(kc);
	assert_true(kc->in_cluster);
	assert_string_equal(kc->server, "https://10.96.0.1:443");
	assert_string_equal(kc->ca_pem, "SA CA");
	assert_string_equal(kc->namespace, "wf-ns");
	char want[600];
	snprintf(want, sizeof(want), "%s/token", dir);
	assert_string_equal(kc->token_file, want);
	assert_null(kc->token);
	wfc_kubeconfig_free(kc);

	setenv("POD_NAMESPACE", "from-env", 1);
	setenv("KUBERNETES_SERVICE_HOST", "fd00::1", 1);
	kc = load(f, &o);
	assert_non_null(kc);
	assert_string_equal(kc->namespace, "from-env");
	assert_string_equal(kc->server, "https://[fd00::1]:443");
	wfc_kubeconfig_free(kc);
	o.namespace = "flag";
	kc = load(f, &o);
	assert_non_null(kc);
	assert_string_equal(kc->namespace, "flag");
	wfc_kubeconfig_free(kc);
	unsetenv("POD_NAMESPACE");

	/* auto: no kubeconfig file, but in a pod */
	struct wfc_kubeconfig_opts a = { .incluster_dir = dir };
	kc = load(f, &a);
	assert_non_null(kc);
	assert_true(kc->in_cluster);
	wfc_kubeconfig_free(kc);
	/* ... while a kubeconfig with a context wins */
	put(f, ".kube/config", "current-context: x\n"
	    "contexts: [{name: x, context: {cluster: c}}]\n"
	    "clusters: [{name: c, cluster: {server: 'https://h'}}]\n");
	kc = load(f, &a);
	assert_non_null(kc);
	assert_false(kc->in_cluster);
	wfc_kubeconfig_free(kc);

	/* no token: an error naming it */
	char other[512];
	snprintf(other, sizeof(other), "%s/none", f->dir);
	o.incluster_dir = other;
	assert_null(load(f, &o));
	assert_non_null(strstr(f->err, "cannot read the service account token '"));
	unsetenv("KUBERNETES_SERVICE_HOST");
	unsetenv("KUBERNETES_SERVICE_PORT");
}

static void test_base64(void **state)
{
	size_t n;
	char *e = wfc_base64_encode("hello world", 11);
	assert_string_equal(e, "aGVsbG8gd29ybGQ=");
	char *d = wfc_base64_decode(e, strlen(e), &n);
	assert_int_equal(n, 11);
	assert_string_equal(d, "hello world");
	free(d);
	free(e);
	d = wfc_base64_decode("aGVs\nbG8", 8, &n);  /* line breaks, no padding */
	assert_string_equal(d, "hello");
	free(d);
	assert_null(wfc_base64_decode("a", 1, &n));
	assert_null(wfc_base64_decode("aG=V", 4, &n));
	assert_null(wfc_base64_decode("a!==", 4, &n));
	e = wfc_base64_encode("", 0);
	assert_string_equal(e, "");
	free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_basic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_namespace_and_context_override, setup, teardown),
		cmocka_unit_test_setup_teardown(test_merge, setup, teardown),
		cmocka_unit_test_setup_teardown(test_default_path_and_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_relative_paths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exec_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_yaml11_and_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_in_cluster, setup, teardown),
		cmocka_unit_test(test_base64),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
