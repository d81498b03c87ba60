/* runtime/kube against the in-process fake transport, on a virtual
 * clock: request shapes, retries and their waits, errors as data,
 * credentials (token files, exec plugins), informers, logs, discovery. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <fcntl.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "helpers/fake_transport.h"
#include "runtime/kube.h"
#include "runtime/kube_run.h"
#include "support/buf.h"
#include "support/json.h"

/* --- a virtual clock: sleeping advances it --- */

struct vclock {
	double t;
	double wall0;
	double slept[64];
	int nslept;
};

static double v_mono(void *ud)
{
	return ((struct vclock *)ud)->t;
}

static double v_wall(void *ud)
{
	struct vclock *v = ud;
	return v->wall0 + v->t;
}

static void v_sleep(void *ud, double s)
{
	struct vclock *v = ud;
	if (v->nslept < 64)
		v->slept[v->nslept++] = s;
	v->t += s;
}

struct fx {
	char dir[64];
	struct vclock vc;
	struct wfc_kube_clock clock;
	struct fake *fake;
	struct wfc_kubeconfig *kc;
	struct wfc_kube *c;
	struct wfc_kube_error e;
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
	snprintf(f->dir, sizeof(f->dir), "/tmp/wfc-test-kube-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	unsetenv("KUBERNETES_SERVICE_HOST");
	unsetenv("KUBERNETES_SERVICE_PORT");
	f->vc.wall0 = 1893455940;  /* 2029-12-31T23:59:00Z */
	f->clock = (struct wfc_kube_clock){ v_mono, v_wall, v_sleep, &f->vc };
	f->fake = fake_create();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	wfc_kube_destroy(f->c);
	wfc_kubeconfig_free(f->kc);
	unsigned unexpected = f->fake->unexpected;
	char why[512];
	snprintf(why, sizeof(why), "%s", f->fake->why);
	size_t left = fake_pending(f->fake);
	fake_destroy(f->fake);
	nftw(f->dir, rm_one, 16, FTW_PHYS | FTW_DEPTH);
	free(f);
	if (unexpected)
		fail_msg("fake transport: %s", why);
	assert_int_equal(left, 0);  /* every queued reply was asked for */
	return 0;
}

static void put(struct fx *f, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", f->dir, name);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* a client on the kubeconfig text (user part given), namespace "ns" */
static void client(struct fx *f, const char *user, double budget)
{
	char path[512];
	struct wfc_buf b = { 0 };
	wfc_buf_printf(&b,
		       "current-context: x\n"
		       "contexts: [{name: x, context: {cluster: c, user: u, namespace: ns}}]\n"
		       "clusters: [{name: c, cluster: {server: 'https://k8s.example:6443'}}]\n"
		       "users:\n- name: u\n  user:\n%s",
		       user ? user : "    token: static\n");
	put(f, "config", b.s);
	wfc_buf_free(&b);
	snprintf(path, sizeof(path), "%s/config", f->dir);
	struct wfc_kubeconfig_opts o = { .mode = WFC_KUBECONFIG_FILES, .kubeconfig = path };
	if (wfc_kubeconfig_load(&o, &f->kc, f->err, sizeof(f->err)))
		fail_msg("%s", f->err);
	struct wfc_kube_opts ko = {
		.transport = &f->fake->base,
		.clock = &f->clock,
		.retry_budget_s = budget,
		.backoff_initial_s = 0.25,
		.backoff_max_s = 2,
	};
	f->c = wfc_kube_create(f->kc, &ko, f->err, sizeof(f->err));
	if (!f->c)
		fail_msg("%s", f->err);
}

static const struct wfc_kube_res *jobs(void)
{
	return wfc_kube_builtin(WFC_KUBE_JOBS);
}

#define STATUS(code, reason, msg)                                                  \
	"{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":" #code \
	",\"reason\":\"" reason "\",\"message\":\"" msg "\"}"

/* --- request shapes --- */

static void test_paths_and_bodies(void **state)
{
	struct fx *f = *state;
	cJSON *out = NULL;
	client(f, NULL, 10);
	assert_string_equal(wfc_kube_namespace(f->c), "ns");

	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs/a", 200, "{\"kind\":\"Job\"}");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", &out, &f->e), 0);
	assert_string_equal(cJSON_GetObjectItem(out, "kind")->valuestring, "Job");
	cJSON_Delete(out);
	assert_string_equal(fake_last(f->fake)->auth, "Bearer static");

	fake_push(f->fake, "GET", NULL, 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, wfc_kube_builtin(WFC_KUBE_CONFIGMAPS), "other",
				      "cm", NULL, &f->e), 0);
	assert_string_equal(fake_last(f->fake)->path, "/api/v1/namespaces/other/configmaps/cm");

	cJSON *job = cJSON_Parse("{\"metadata\":{\"name\":\"j1\"},\"spec\":{\"suspend\":true}}");
	fake_push(f->fake, "POST", NULL, 201, "{}");
	assert_int_equal(wfc_kube_create_object(f->c, jobs(), NULL, job, NULL, &f->e), 0);
	assert_string_equal(fake_last(f->fake)->path,
			    "/apis/batch/v1/namespaces/ns/jobs?fieldManager=wfc");
	assert_string_equal(fake_last(f->fake)->ctype, "application/json");
	assert_string_equal(fake_last(f->fake)->body,
			    "{\"metadata\":{\"name\":\"j1\"},\"spec\":{\"suspend\":true}}");

	/* server-side apply: apiVersion and kind filled in, force as asked */
	fake_push(f->fake, "PATCH", NULL, 200, "{}");
	assert_int_equal(wfc_kube_apply(f->c, jobs(), NULL, job, true, NULL, &f->e), 0);
	assert_string_equal(fake_last(f->fake)->path,
			    "/apis/batch/v1/namespaces/ns/jobs/j1?fieldManager=wfc&force=true");
	assert_string_equal(fake_last(f->fake)->ctype, "application/apply-patch+yaml");
	cJSON *sent = cJSON_Parse(fake_last(f->fake)->body);
	assert_string_equal(cJSON_GetObjectItem(sent, "apiVersion")->valuestring, "batch/v1");
	assert_string_equal(cJSON_GetObjectItem(sent, "kind")->valuestring, "Job");
	cJSON_Delete(sent);
	fake_push(f->fake, "PATCH", NULL, 200, "{}");
	assert_int_equal(wfc_kube_apply(f->c, jobs(), NULL, job, false, NULL, &f->e), 0);
	assert_string_equal(fake_last(f->fake)->path,
			    "/apis/batch/v1/namespaces/ns/jobs/j1?fieldManager=wfc");

	/* merge patch, also of the status subresource */
	cJSON *patch = cJSON_Parse("{\"spec\":{\"suspend\":false}}");
	fake_push(f->fake, "PATCH", NULL, 200, "{}");
	assert_int_equal(wfc_kube_merge_patch(f->c, jobs(), NULL, "j1", NULL, patch, NULL, &f->e), 0);
	assert_string_equal(fake_last(f->fake)->path,
			    "/apis/batch/v1/namespaces/ns/jobs/j1?fieldManager=wfc");
	assert_string_equal(fake_last(f->fake)->ctype, "application/merge-patch+json");
	fake_push(f->fake, "PATCH", NULL, 200, "{}");
	assert_int_equal(wfc_kube_merge_patch(f->c, jobs(), NULL, "j1", "status", patch, NULL,
					      &f->e), 0);
	assert_string_equal(fake_last(f->fake)->path,
			    "/apis/batch/v1/namespaces/ns/jobs/j1/status?fieldManager=wfc");
	cJSON_Delete(patch);

	fake_push(f->fake, "DELETE", NULL, 200, "{\"kind\":\"Status\",\"status\":\"Success\"}");
	assert_int_equal(wfc_kube_delete(f->c, jobs(), NULL, "j1", "Background", NULL, &f->e), 0);
	assert_string_equal(fake_last(f->fake)->path,
			    "/apis/batch/v1/namespaces/ns/jobs/j1?propagationPolicy=Background");
	assert_null(fake_last(f->fake)->body);

	/* selectors are escaped; "" lists every namespace */
	struct wfc_kube_list_opts lo = { .label_selector = "wfc.dev/workflow=w,tier!=x",
					 .resource_version = "0", .limit = 50 };
	fake_push(f->fake, "GET", NULL, 200, "{\"kind\":\"JobList\",\"metadata\":{},\"items\":null}");
	assert_int_equal(wfc_kube_list(f->c, jobs(), "", &lo, &out, &f->e), 0);
	assert_string_equal(fake_last(f->fake)->path,
			    "/apis/batch/v1/jobs?labelSelector=wfc.dev%2Fworkflow%3Dw%2Ctier%21%3Dx"
			    "&resourceVersion=0&limit=50");
	assert_true(cJSON_IsArray(cJSON_GetObjectItem(out, "items")));
	cJSON_Delete(out);

	/* the object's namespace when none is given */
	cJSON *cm = cJSON_Parse("{\"metadata\":{\"name\":\"c\",\"namespace\":\"there\"}}");
	fake_push(f->fake, "POST", "/api/v1/namespaces/there/configmaps?", 201, "{}");
	assert_int_equal(wfc_kube_create_object(f->c, wfc_kube_builtin(WFC_KUBE_CONFIGMAPS), NULL,
						cm, NULL, &f->e), 0);
	cJSON_Delete(cm);

	/* no name: a usage error, no request */
	cJSON *anon = cJSON_Parse("{\"metadata\":{}}");
	assert_int_equal(wfc_kube_apply(f->c, jobs(), NULL, anon, false, NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_EUSAGE);
	cJSON_Delete(anon);
	cJSON_Delete(job);

	/* a 2xx that is not JSON */
	fake_push(f->fake, "GET", NULL, 200, "<html>");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", &out, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_EBAD_RESPONSE);
	assert_null(out);
}

static void test_list_all_pages(void **state)
{
	struct fx *f = *state;
	cJSON *out;
	client(f, NULL, 10);
	struct wfc_kube_list_opts lo = { .limit = 2 };

	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?limit=2", 200,
		  "{\"metadata\":{\"resourceVersion\":\"5\",\"continue\":\"t1\"},"
		  "\"items\":[{\"metadata\":{\"name\":\"a\"}},{\"metadata\":{\"name\":\"b\"}}]}");
	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?limit=2&continue=t1", 200,
		  "{\"metadata\":{\"resourceVersion\":\"5\"},"
		  "\"items\":[{\"metadata\":{\"name\":\"c\"}}]}");
	assert_int_equal(wfc_kube_list_all(f->c, jobs(), NULL, &lo, &out, &f->e), 0);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(out, "items")), 3);
	assert_null(cJSON_GetObjectItem(cJSON_GetObjectItem(out, "metadata"), "continue"));
	cJSON_Delete(out);

	/* the continue token expired: all at once, as client-go's pager */
	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?limit=2", 200,
		  "{\"metadata\":{\"continue\":\"t1\"},\"items\":[{\"metadata\":{\"name\":\"a\"}}]}");
	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?limit=2&continue=t1", 410,
		  STATUS(410, "Expired", "The provided continue parameter is too old"));
	fake_push(f->fake, "GET", NULL, 200,
		  "{\"metadata\":{\"resourceVersion\":\"9\"},\"items\":[{\"metadata\":{\"name\":\"a\"}},"
		  "{\"metadata\":{\"name\":\"b\"}}]}");
	assert_int_equal(wfc_kube_list_all(f->c, jobs(), NULL, &lo, &out, &f->e), 0);
	assert_string_equal(fake_last(f->fake)->path, "/apis/batch/v1/namespaces/ns/jobs");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(out, "items")), 2);
	cJSON_Delete(out);
}

/* --- retries and errors --- */

static void test_retry_5xx(void **state)
{
	struct fx *f = *state;
	client(f, NULL, 10);
	fake_push(f->fake, "GET", NULL, 503, STATUS(503, "ServiceUnavailable", "busy"));
	fake_push(f->fake, "GET", NULL, 500, "oops");
	fake_push(f->fake, "GET", NULL, 0, NULL);  /* connection refused */
	fake_push(f->fake, "GET", NULL, 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), 0);
	assert_int_equal(f->e.attempts, 4);
	assert_int_equal(f->vc.nslept, 3);
	assert_float_equal(f->vc.slept[0], 0.25, 1e-9);
	assert_float_equal(f->vc.slept[1], 0.5, 1e-9);
	assert_float_equal(f->vc.slept[2], 1.0, 1e-9);

	/* the cap */
	f->vc.nslept = 0;
	for (int i = 0; i < 5; i++)
		fake_push(f->fake, "GET", NULL, 502, "");
	fake_push(f->fake, "GET", NULL, 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), 0);
	assert_float_equal(f->vc.slept[3], 2.0, 1e-9);
	assert_float_equal(f->vc.slept[4], 2.0, 1e-9);

	/* a certificate that does not verify, 501 and 4xx are not retried */
	fake_push(f->fake, "GET", NULL, -1, NULL);
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_ETRANSPORT);
	assert_string_equal(f->e.message, "fake: certificate does not verify");
	assert_int_equal(f->e.attempts, 1);
	fake_push(f->fake, "GET", NULL, 501, "");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_ESERVER);
	assert_int_equal(f->e.attempts, 1);
	fake_push(f->fake, "GET", NULL, 404, STATUS(404, "NotFound", "jobs.batch \\\"a\\\" not found"));
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_ENOTFOUND);
	assert_int_equal(f->e.code, 404);
	assert_string_equal(f->e.reason, "NotFound");
	assert_string_equal(f->e.message, "jobs.batch \"a\" not found");
	assert_int_equal(f->e.attempts, 1);
}

static void test_retry_budget(void **state)
{
	struct fx *f = *state;
	client(f, NULL, 1.0);
	/* 0.25 + 0.5 = 0.75 s waited; 1 s more would pass the budget */
	for (int i = 0; i < 3; i++)
		fake_push(f->fake, "POST", NULL, 503, STATUS(503, "ServiceUnavailable", "etcd is down"));
	cJSON *o = cJSON_Parse("{\"metadata\":{\"name\":\"x\"}}");
	assert_int_equal(wfc_kube_create_object(f->c, jobs(), NULL, o, NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_ESERVER);
	assert_int_equal(f->e.code, 503);
	assert_int_equal(f->e.attempts, 3);
	assert_non_null(strstr(f->e.message, "etcd is down (gave up after 3 attempts in 0.8 s)"));

	for (int i = 0; i < 3; i++)
		fake_push(f->fake, "POST", NULL, 0, NULL);
	assert_int_equal(wfc_kube_create_object(f->c, jobs(), NULL, o, NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_ETRANSPORT);
	assert_int_equal(f->e.code, 0);
	assert_non_null(strstr(f->e.message, "connection refused (gave up after 3 attempts"));
	cJSON_Delete(o);
}

static void test_retry_after(void **state)
{
	struct fx *f = *state;
	client(f, NULL, 10);
	fake_push_retry_after(f->fake, "GET", NULL, 429, STATUS(429, "TooManyRequests", "slow down"), 3);
	fake_push_retry_after(f->fake, "GET", NULL, 503, "", 1);
	fake_push(f->fake, "GET", NULL, 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), 0);
	assert_int_equal(f->vc.nslept, 2);
	assert_float_equal(f->vc.slept[0], 3, 1e-9);
	assert_float_equal(f->vc.slept[1], 1, 1e-9);

	/* a Retry-After past the budget is not waited for */
	f->vc.nslept = 0;
	fake_push_retry_after(f->fake, "GET", NULL, 429, STATUS(429, "TooManyRequests", "later"), 60);
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_ETOO_MANY);
	assert_int_equal(f->vc.nslept, 0);
	assert_string_equal(f->e.message, "later");
}

static void test_conflicts_and_invalid(void **state)
{
	struct fx *f = *state;
	client(f, NULL, 10);
	cJSON *o = cJSON_Parse("{\"metadata\":{\"name\":\"x\"}}");

	fake_push(f->fake, "POST", NULL, 409,
		  STATUS(409, "AlreadyExists", "jobs.batch \\\"x\\\" already exists"));
	assert_int_equal(wfc_kube_create_object(f->c, jobs(), NULL, o, NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_EALREADY_EXISTS);
	assert_string_equal(wfc_kube_errkind_name(f->e.kind), "already-exists");
	assert_string_equal(f->e.message, "jobs.batch \"x\" already exists");

	fake_push(f->fake, "PATCH", NULL, 409,
		  STATUS(409, "Conflict", "Apply failed with 1 conflict: conflict with \\\"kubectl\\\""));
	assert_int_equal(wfc_kube_apply(f->c, jobs(), NULL, o, false, NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_ECONFLICT);
	assert_string_equal(f->e.reason, "Conflict");

	fake_push(f->fake, "POST", NULL, 422,
		  STATUS(422, "Invalid", "Job.batch \\\"x\\\" is invalid: spec.template.spec.containers: Required value"));
	assert_int_equal(wfc_kube_create_object(f->c, jobs(), NULL, o, NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_EINVALID);
	assert_int_equal(f->e.code, 422);
	assert_string_equal(f->e.message,
			    "Job.batch \"x\" is invalid: spec.template.spec.containers: Required value");

	/* not a Status: the request and the start of the body */
	fake_push(f->fake, "GET", NULL, 403, "forbidden\nby proxy");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "x", NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_EFORBIDDEN);
	assert_string_equal(f->e.message,
			    "GET '/apis/batch/v1/namespaces/ns/jobs/x': HTTP 403: forbidden by proxy");

	/* a static token is not retried on 401 */
	fake_push(f->fake, "GET", NULL, 401, STATUS(401, "Unauthorized", "Unauthorized"));
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "x", NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_EUNAUTHORIZED);
	assert_int_equal(f->e.attempts, 1);
	cJSON_Delete(o);
}

/* --- asynchronous calls --- */

struct done_log {
	int n;
	int last_ok;       /* done got NULL */
	struct wfc_kube_error e;
};

static void note_done(void *ud, const struct wfc_kube_error *e)
{
	struct done_log *d = ud;
	d->n++;
	d->last_ok = e == NULL;
	if (e)
		d->e = *e;
}

static struct wfc_kube_call *patch_start(struct fx *f, const char *name, struct done_log *d)
{
	cJSON *p = cJSON_Parse("{\"spec\":{\"suspend\":false}}");
	struct wfc_kube_call *k = wfc_kube_merge_patch_start(f->c, jobs(), NULL, name, p,
							     note_done, d, &f->e);
	cJSON_Delete(p);
	return k;
}

static void test_async_patch(void **state)
{
	struct fx *f = *state;
	struct done_log d = { 0 };
	client(f, NULL, 10);

	/* on the wire at once, answered from dispatch */
	fake_push(f->fake, "PATCH", "/apis/batch/v1/namespaces/ns/jobs/a?", 200, "{}");
	assert_non_null(patch_start(f, "a", &d));
	const struct fake_call *c = fake_last(f->fake);
	assert_true(c->stream);
	assert_string_equal(c->path, "/apis/batch/v1/namespaces/ns/jobs/a?fieldManager=wfc");
	assert_string_equal(c->ctype, "application/merge-patch+json");
	assert_string_equal(c->body, "{\"spec\":{\"suspend\":false}}");
	assert_string_equal(c->auth, "Bearer static");
	assert_int_equal(d.n, 0);
	wfc_kube_step(f->c, 0);
	assert_int_equal(d.n, 1);
	assert_true(d.last_ok);

	/* a 503 is tried again as a blocking call, with its backoff */
	fake_push(f->fake, "PATCH", NULL, 503, STATUS(503, "ServiceUnavailable", "busy"));
	fake_push(f->fake, "PATCH", NULL, 503, STATUS(503, "ServiceUnavailable", "busy"));
	fake_push(f->fake, "PATCH", NULL, 200, "{}");
	patch_start(f, "b", &d);
	wfc_kube_step(f->c, 0);
	assert_int_equal(d.n, 2);
	assert_true(d.last_ok);
	assert_false(fake_last(f->fake)->stream);
	assert_int_equal(f->vc.nslept, 1);
	assert_float_equal(f->vc.slept[0], 0.25, 1e-9);

	/* a 404 is the answer */
	fake_push(f->fake, "PATCH", NULL, 404, STATUS(404, "NotFound", "jobs.batch \\\"c\\\" not found"));
	patch_start(f, "c", &d);
	wfc_kube_step(f->c, 0);
	assert_int_equal(d.n, 3);
	assert_false(d.last_ok);
	assert_int_equal(d.e.kind, WFC_KUBE_ENOTFOUND);
	assert_string_equal(d.e.message, "jobs.batch \"c\" not found");
	assert_int_equal(d.e.attempts, 1);

	/* no name: not made */
	assert_null(patch_start(f, "", &d));
}

static void test_async_gives_up(void **state)
{
	struct fx *f = *state;
	struct done_log d = { 0 };
	client(f, NULL, 1.0);
	/* the first attempt, then the blocking call's three (0.25 + 0.5 s
	 * waited; 1 s more would pass the budget), counted together */
	for (int i = 0; i < 4; i++)
		fake_push(f->fake, "PATCH", NULL, 0, NULL);
	patch_start(f, "c", &d);
	wfc_kube_step(f->c, 0);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.e.kind, WFC_KUBE_ETRANSPORT);
	assert_int_equal(d.e.attempts, 4);
	assert_non_null(strstr(d.e.message, "connection refused (gave up after 4 attempts in 0.8 s)"));
}

static void test_async_limit_and_forget(void **state)
{
	struct fx *f = *state;
	struct done_log d = { 0 };
	client(f, NULL, 10);
	struct wfc_kube_call *k[WFC_KUBE_CALLS_MAX + 2];
	size_t before = f->fake->ncalls;
	for (int i = 0; i < WFC_KUBE_CALLS_MAX + 2; i++) {
		char name[16];
		snprintf(name, sizeof(name), "j%d", i);
		if (i != WFC_KUBE_CALLS_MAX + 1)  /* the last is forgotten before it is sent */
			fake_push(f->fake, "PATCH", NULL, 200, "{}");
		k[i] = patch_start(f, name, &d);
		assert_non_null(k[i]);
	}
	/* the rest wait their turn */
	assert_int_equal(f->fake->ncalls - before, WFC_KUBE_CALLS_MAX);
	/* forgotten on the wire: it ends, unheard; forgotten queued: never sent */
	wfc_kube_call_forget(k[0]);
	wfc_kube_call_forget(k[WFC_KUBE_CALLS_MAX + 1]);
	for (int i = 0; i < 4 && d.n < WFC_KUBE_CALLS_MAX; i++)
		wfc_kube_step(f->c, 0);
	assert_int_equal(d.n, WFC_KUBE_CALLS_MAX);
	assert_int_equal(f->fake->ncalls - before, WFC_KUBE_CALLS_MAX + 1);
	assert_string_equal(fake_last(f->fake)->path,
			    "/apis/batch/v1/namespaces/ns/jobs/j" "8" "?fieldManager=wfc");
	/* still on the wire at the end: freed with the client */
	fake_push_held(f->fake, "PATCH", NULL, "");
	patch_start(f, "held", &d);
}

/* --- credentials --- */

static void test_basic_auth_and_cert(void **state)
{
	struct fx *f = *state;
	client(f, "    username: admin\n    password: s3cret\n"
		  "    client-certificate-data: Q0VSVA==\n    client-key-data: S0VZ\n", 10);
	fake_push(f->fake, "GET", NULL, 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), 0);
	assert_string_equal(fake_last(f->fake)->auth, "Basic YWRtaW46czNjcmV0");
	assert_true(fake_last(f->fake)->has_cert);
}

static void write_token(struct fx *f, const char *tok)
{
	/* as the kubelet does: a new file renamed over the old */
	char tmp[512], path[512];
	snprintf(tmp, sizeof(tmp), "%s/tok.new", f->dir);
	snprintf(path, sizeof(path), "%s/tok", f->dir);
	FILE *fp = fopen(tmp, "w");
	assert_non_null(fp);
	fputs(tok, fp);
	fclose(fp);
	assert_int_equal(rename(tmp, path), 0);
}

static void test_token_file(void **state)
{
	struct fx *f = *state;
	char path[512];
	write_token(f, "one\n");
	client(f, "    tokenFile: tok\n", 10);  /* relative to the kubeconfig */
	snprintf(path, sizeof(path), "%s/tok", f->dir);

	fake_push(f->fake, "GET", NULL, 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), 0);
	assert_string_equal(fake_last(f->fake)->auth, "Bearer one");

	/* rotated: the next request has the new one */
	write_token(f, "two");
	fake_push(f->fake, "GET", NULL, 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), 0);
	assert_string_equal(fake_last(f->fake)->auth, "Bearer two");

	/* changed in place with the same size and mtime: only a 401 tells */
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	int fd = open(path, O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "new", 3), 3);
	struct timespec ts[2] = { st.st_atim, st.st_mtim };
	assert_int_equal(futimens(fd, ts), 0);
	close(fd);
	fake_push(f->fake, "GET", NULL, 401, STATUS(401, "Unauthorized", "Unauthorized"));
	fake_push(f->fake, "GET", NULL, 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), 0);
	assert_string_equal(fake_back(f->fake, 1)->auth, "Bearer two");
	assert_string_equal(fake_last(f->fake)->auth, "Bearer new");
	assert_int_equal(f->e.attempts, 2);

	/* read again after a minute even when nothing seems changed */
	fd = open(path, O_WRONLY);
	assert_int_equal(write(fd, "old", 3), 3);
	futimens(fd, ts);
	close(fd);
	f->vc.t += 61;
	fake_push(f->fake, "GET", NULL, 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), 0);
	assert_string_equal(fake_last(f->fake)->auth, "Bearer old");

	/* gone: an error as data, no request */
	unlink(path);
	f->vc.t += 61;
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_EAUTH);
	assert_non_null(strstr(f->e.message, "cannot read token file '"));
}

static void test_in_cluster_token_rotation(void **state)
{
	struct fx *f = *state;
	put(f, "tok", "sa-1");
	put(f, "namespace", "wf");
	setenv("KUBERNETES_SERVICE_HOST", "10.0.0.1", 1);
	setenv("KUBERNETES_SERVICE_PORT", "443", 1);
	struct wfc_kubeconfig_opts o = { .mode = WFC_KUBECONFIG_IN_CLUSTER, .incluster_dir = f->dir };
	/* the in-cluster token is dir/token */
	char from[512], to[512];
	snprintf(from, sizeof(from), "%s/tok", f->dir);
	snprintf(to, sizeof(to), "%s/token", f->dir);
	assert_int_equal(rename(from, to), 0);
	assert_int_equal(wfc_kubeconfig_load(&o, &f->kc, f->err, sizeof(f->err)), 0);
	unsetenv("KUBERNETES_SERVICE_HOST");
	unsetenv("KUBERNETES_SERVICE_PORT");
	assert_null(f->kc->ca_pem);  /* no ca.crt: the system's CAs, as client-go */
	struct wfc_kube_opts ko = { .transport = &f->fake->base, .clock = &f->clock };
	f->c = wfc_kube_create(f->kc, &ko, f->err, sizeof(f->err));
	assert_non_null(f->c);
	assert_string_equal(wfc_kube_namespace(f->c), "wf");

	fake_push(f->fake, "GET", "/api/v1/namespaces/wf/configmaps/plan", 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, wfc_kube_builtin(WFC_KUBE_CONFIGMAPS), NULL, "plan",
				      NULL, &f->e), 0);
	assert_string_equal(fake_last(f->fake)->auth, "Bearer sa-1");
	put(f, "token.new", "sa-2-rotated");
	snprintf(from, sizeof(from), "%s/token.new", f->dir);
	assert_int_equal(rename(from, to), 0);
	fake_push(f->fake, "GET", NULL, 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, wfc_kube_builtin(WFC_KUBE_CONFIGMAPS), NULL, "plan",
				      NULL, &f->e), 0);
	assert_string_equal(fake_last(f->fake)->auth, "Bearer sa-2-rotated");
}

/* An ExecCredential printer counting its runs in dir/count; prints the
 * token tok-<run>-<first arg>, expiring at $EXP, and keeps its
 * KUBERNETES_EXEC_INFO in dir/info. */
static void plugin(struct fx *f, const char *api_version)
{
	char path[512];
	struct wfc_buf b = { 0 };
	wfc_buf_printf(&b,
		       "#!/bin/sh\n"
		       "echo run >> \"$COUNT\"\n"
		       "n=$(wc -l < \"$COUNT\" | tr -d ' ')\n"
		       "printf '%%s' \"$KUBERNETES_EXEC_INFO\" > \"$(dirname \"$COUNT\")/info\"\n"
		       "echo 'some progress on stderr' >&2\n"
		       "if [ -n \"$FAIL\" ]; then echo \"cannot log in: $FAIL\" >&2; exit 3; fi\n"
		       "printf '{\"kind\":\"ExecCredential\",\"apiVersion\":\"%s\","
		       "\"status\":{\"token\":\"tok-%%s-%%s\",\"expirationTimestamp\":\"%%s\"}}' "
		       "\"$n\" \"$1\" \"$EXP\"\n",
		       api_version);
	put(f, "bin-plugin", b.s);
	wfc_buf_free(&b);
	snprintf(path, sizeof(path), "%s/bin-plugin", f->dir);
	chmod(path, 0755);
}

static int runs(struct fx *f)
{
	char path[512], line[64];
	int n = 0;
	snprintf(path, sizeof(path), "%s/count", f->dir);
	FILE *fp = fopen(path, "r");
	if (!fp)
		return 0;
	while (fgets(line, sizeof(line), fp))
		n++;
	fclose(fp);
	return n;
}

static void exec_client(struct fx *f, const char *api_version, const char *extra_env)
{
	struct wfc_buf u = { 0 };
	plugin(f, api_version);
	wfc_buf_printf(&u,
		       "    exec:\n"
		       "      apiVersion: %s\n"
		       "      command: ./bin-plugin\n"
		       "      args: [arg1]\n"
		       "      interactiveMode: Never\n"
		       "      provideClusterInfo: true\n"
		       "      env:\n"
		       "      - {name: COUNT, value: '%s/count'}\n"
		       "      - {name: EXP, value: '2030-01-01T00:00:00Z'}\n%s",
		       api_version, f->dir, extra_env ? extra_env : "");
	client(f, u.s, 10);
	wfc_buf_free(&u);
}

static void test_exec_plugin(void **state)
{
	struct fx *f = *state;
	exec_client(f, "client.authentication.k8s.io/v1", NULL);

	/* cached until it expires: two requests, one run */
	fake_push(f->fake, "GET", NULL, 200, "{}");
	fake_push(f->fake, "GET", NULL, 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), 0);
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), 0);
	assert_int_equal(runs(f), 1);
	assert_int_equal(wfc_kube_exec_runs(f->c), 1);
	assert_string_equal(fake_last(f->fake)->auth, "Bearer tok-1-arg1");

	/* what the plugin was told */
	char path[512];
	snprintf(path, sizeof(path), "%s/info", f->dir);
	FILE *fp = fopen(path, "r");
	assert_non_null(fp);
	char info[1024] = "";
	assert_true(fgets(info, sizeof(info), fp) != NULL);
	fclose(fp);
	cJSON *j = cJSON_Parse(info);
	assert_non_null(j);
	assert_string_equal(cJSON_GetObjectItem(j, "apiVersion")->valuestring,
			    "client.authentication.k8s.io/v1");
	assert_string_equal(cJSON_GetObjectItem(j, "kind")->valuestring, "ExecCredential");
	cJSON *spec = cJSON_GetObjectItem(j, "spec");
	assert_true(cJSON_IsFalse(cJSON_GetObjectItem(spec, "interactive")));
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(spec, "cluster"), "server")
				    ->valuestring, "https://k8s.example:6443");
	cJSON_Delete(j);

	/* the clock passes the expiry (2030-01-01T00:00:00Z, 60 s away) */
	f->vc.t += 59;
	fake_push(f->fake, "GET", NULL, 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), 0);
	assert_int_equal(runs(f), 1);
	f->vc.t += 1;
	fake_push(f->fake, "GET", NULL, 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), 0);
	assert_int_equal(runs(f), 2);
	assert_string_equal(fake_last(f->fake)->auth, "Bearer tok-2-arg1");

	/* a 401 runs it again, once */
	f->vc.wall0 -= 3600;
	fake_push(f->fake, "GET", NULL, 401, STATUS(401, "Unauthorized", "Unauthorized"));
	fake_push(f->fake, "GET", NULL, 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), 0);
	assert_int_equal(runs(f), 3);
	assert_string_equal(fake_back(f->fake, 1)->auth, "Bearer tok-2-arg1");
	assert_string_equal(fake_last(f->fake)->auth, "Bearer tok-3-arg1");

	fake_push(f->fake, "GET", NULL, 401, STATUS(401, "Unauthorized", "Unauthorized"));
	fake_push(f->fake, "GET", NULL, 401, STATUS(401, "Unauthorized", "token revoked"));
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_EUNAUTHORIZED);
	assert_string_equal(f->e.message, "token revoked");
	assert_int_equal(runs(f), 4);
}

static void test_exec_plugin_certificate(void **state)
{
	struct fx *f = *state;
	/* a client certificate instead of a token; no expiry: cached */
	put(f, "cert-plugin",
	    "#!/bin/sh\n"
	    "echo run >> \"$0.count\"\n"
	    "cat <<EOF\n"
	    "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1beta1\","
	    "\"status\":{\"clientCertificateData\":\"-----BEGIN CERTIFICATE-----\\nX\\n\","
	    "\"clientKeyData\":\"-----BEGIN PRIVATE KEY-----\\nY\\n\"}}\n"
	    "EOF\n");
	char path[512], u[1024];
	snprintf(path, sizeof(path), "%s/cert-plugin", f->dir);
	chmod(path, 0755);
	snprintf(u, sizeof(u), "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
		 "      command: %s\n", path);
	client(f, u, 10);
	fake_push(f->fake, "GET", NULL, 200, "{}");
	fake_push(f->fake, "GET", NULL, 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), 0);
	f->vc.t += 86400 * 365;
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), 0);
	assert_null(fake_last(f->fake)->auth);
	assert_true(fake_last(f->fake)->has_cert);
	assert_int_equal(wfc_kube_exec_runs(f->c), 1);
}

static void test_exec_plugin_failures(void **state)
{
	struct fx *f = *state;
	exec_client(f, "client.authentication.k8s.io/v1beta1",
		    "      - {name: FAIL, value: 'no SSO session'}\n");
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_EAUTH);
	assert_int_equal(f->e.attempts, 0);
	assert_non_null(strstr(f->e.message, "/bin-plugin' exited with status 3: "
					     "some progress on stderr\ncannot log in: no SSO session"));
}

static void test_exec_plugin_bad_output(void **state)
{
	struct fx *f = *state;
	/* configured as v1, answers v1beta1 */
	plugin(f, "client.authentication.k8s.io/v1beta1");
	char u[1024];
	snprintf(u, sizeof(u),
		 "    exec:\n"
		 "      apiVersion: client.authentication.k8s.io/v1\n"
		 "      command: %s/bin-plugin\n"
		 "      interactiveMode: IfAvailable\n"
		 "      env: [{name: COUNT, value: '%s/count'}, {name: EXP, value: 'soon'}]\n",
		 f->dir, f->dir);
	client(f, u, 10);
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_EAUTH);
	assert_non_null(strstr(f->e.message, "answered with apiVersion "
					     "'client.authentication.k8s.io/v1beta1', not "
					     "'client.authentication.k8s.io/v1'"));
}

static void test_exec_plugin_missing(void **state)
{
	struct fx *f = *state;
	client(f, "    exec:\n"
		  "      apiVersion: client.authentication.k8s.io/v1\n"
		  "      command: wfc-no-such-plugin\n"
		  "      interactiveMode: Never\n"
		  "      installHint: install it from example.com\n", 10);
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_EAUTH);
	assert_string_equal(f->e.message,
			    "credential plugin 'wfc-no-such-plugin' not found: install it from example.com");
}

static void test_exec_plugin_needs_terminal(void **state)
{
	struct fx *f = *state;
	/* stdin is not a terminal here */
	assert_non_null(freopen("/dev/null", "r", stdin));
	client(f, "    exec:\n"
		  "      apiVersion: client.authentication.k8s.io/v1\n"
		  "      command: true\n"
		  "      interactiveMode: Always\n", 10);
	assert_int_equal(wfc_kube_get(f->c, jobs(), NULL, "a", NULL, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_EAUTH);
	assert_non_null(strstr(f->e.message, "needs a terminal (interactiveMode Always)"));
}

/* --- informers --- */

struct rec {
	struct wfc_buf log;   /* "+name@rv -name ~name@rv sync err:kind" */
	struct wfc_kube_informer *inf;
	bool destroy_on_delete;
	struct wfc_kube_informer **victim;  /* destroyed at the first event */
};

static const char *name_of(const cJSON *o)
{
	return cJSON_GetObjectItem(cJSON_GetObjectItem(o, "metadata"), "name")->valuestring;
}

static const char *rv_of(const cJSON *o)
{
	cJSON *v = cJSON_GetObjectItem(cJSON_GetObjectItem(o, "metadata"), "resourceVersion");
	return v ? v->valuestring : "";
}

static void on_event(void *ud, enum wfc_kube_event ev, const cJSON *obj)
{
	struct rec *r = ud;
	const char *sig = ev == WFC_KUBE_ADDED ? "+" : ev == WFC_KUBE_MODIFIED ? "~" : "-";
	wfc_buf_printf(&r->log, "%s%s@%s ", sig, name_of(obj), rv_of(obj));
	if (r->victim && *r->victim) {
		wfc_kube_informer_destroy(*r->victim);
		*r->victim = NULL;
	}
	if (ev == WFC_KUBE_DELETED && r->destroy_on_delete) {
		wfc_kube_informer_destroy(r->inf);
		r->inf = NULL;
	}
}

static void on_synced(void *ud)
{
	wfc_buf_puts(&((struct rec *)ud)->log, "sync ");
}

static void on_error(void *ud, const struct wfc_kube_error *e)
{
	wfc_buf_printf(&((struct rec *)ud)->log, "err:%s ", wfc_kube_errkind_name(e->kind));
}

#define OBJ(name, rv) "{\"metadata\":{\"name\":\"" name "\",\"namespace\":\"ns\",\"resourceVersion\":\"" rv "\"}}"
#define EVENT(type, obj) "{\"type\":\"" type "\",\"object\":" obj "}\n"
#define LIST(rv, items) "{\"kind\":\"JobList\",\"metadata\":{\"resourceVersion\":\"" rv "\"},\"items\":[" items "]}"

/* n rounds of the event loop, the clock a second further each */
static void pump(struct fx *f, int n)
{
	for (int i = 0; i < n; i++) {
		wfc_kube_step(f->c, 0);
		f->vc.t += 1;
	}
}

static struct wfc_kube_informer_cb rec_cb(struct rec *r)
{
	return (struct wfc_kube_informer_cb){ on_event, on_synced, on_error, r };
}

static void test_informer_reconnect_and_relist(void **state)
{
	struct fx *f = *state;
	struct rec r = { 0 };
	client(f, NULL, 10);
	f->fake->chunk = 7;  /* events arrive cut in pieces */

	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?labelSelector=wfc.dev%2Fworkflow%3Dw&limit=500",
		  200, LIST("10", OBJ("a", "1") "," OBJ("b", "2")));
	/* the first watch: a change, a bookmark, then the server's timeout */
	fake_push(f->fake, "GET",
		  "/apis/batch/v1/namespaces/ns/jobs?watch=1&allowWatchBookmarks=true&resourceVersion=10"
		  "&timeoutSeconds=300&labelSelector=wfc.dev%2Fworkflow%3Dw",
		  200, EVENT("MODIFIED", OBJ("a", "11")) EVENT("BOOKMARK", OBJ("", "12")));
	/* reconnected from the bookmark; the server has compacted past it */
	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?watch=1&allowWatchBookmarks=true&resourceVersion=12&",
		  200, EVENT("ERROR", "{\"kind\":\"Status\",\"code\":410,\"reason\":\"Expired\","
					"\"message\":\"too old resource version: 12 (20)\"}"));
	/* listed again: b went, c came, a is as it was */
	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?labelSelector=", 200,
		  LIST("21", OBJ("a", "11") "," OBJ("c", "20")));
	fake_push_held(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?watch=1&allowWatchBookmarks=true&resourceVersion=21&",
		       EVENT("ADDED", OBJ("d", "22")));

	struct wfc_kube_informer_opts io = { .label_selector = "wfc.dev/workflow=w" };
	struct wfc_kube_informer_cb cb = rec_cb(&r);
	struct wfc_kube_informer *inf = wfc_kube_informer_create(f->c, jobs(), &io, &cb, &f->e);
	assert_non_null(inf);
	assert_string_equal(r.log.s, "+a@1 +b@2 sync ");
	assert_string_equal(wfc_kube_informer_resource_version(inf), "10");
	pump(f, 6);
	assert_string_equal(r.log.s, "+a@1 +b@2 sync ~a@11 +c@20 -b@2 sync +d@22 ");
	assert_int_equal(wfc_kube_informer_lists(inf), 2);
	assert_int_equal(wfc_kube_informer_watches(inf), 3);
	assert_string_equal(wfc_kube_informer_resource_version(inf), "22");
	assert_non_null(wfc_kube_informer_get(inf, NULL, "a"));
	assert_string_equal(rv_of(wfc_kube_informer_get(inf, NULL, "a")), "11");
	assert_null(wfc_kube_informer_get(inf, NULL, "b"));
	assert_non_null(wfc_kube_informer_get(inf, "ns", "d"));

	/* deletion through the open watch */
	fake_feed(f->fake, EVENT("DELETED", OBJ("d", "23")));
	pump(f, 1);
	assert_null(wfc_kube_informer_get(inf, NULL, "d"));
	assert_non_null(strstr(r.log.s, "-d@23 "));
	assert_true(fake_held_open(f->fake));
	wfc_kube_informer_destroy(inf);
	assert_false(fake_held_open(f->fake));
	wfc_buf_free(&r.log);
}

static void drop_spec(cJSON *obj)
{
	static const char *const keep[] = { "metadata", "status", NULL };
	wfc_kube_keep_only(obj, keep);
}

/* trim cuts what is cached; a forgotten object's events are dropped but
 * its deletion; restore caches it again */
static void test_informer_trim_forget(void **state)
{
	struct fx *f = *state;
	struct rec r = { 0 };
	client(f, NULL, 10);
	f->fake->chunk = 5;
#define BIG(name, rv) "{\"metadata\":{\"name\":\"" name "\",\"namespace\":\"ns\",\"resourceVersion\":\"" rv \
	"\"},\"spec\":{\"template\":{\"x\":1}},\"status\":{\"active\":1}}"
	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?limit=500", 200,
		  LIST("10", BIG("a", "1") "," BIG("b", "2")));
	fake_push_held(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?watch=1&allowWatchBookmarks=true&resourceVersion=10&",
		       EVENT("MODIFIED", BIG("b", "11")));
	struct wfc_kube_informer_opts io = { .trim = drop_spec };
	struct wfc_kube_informer_cb cb = rec_cb(&r);
	struct wfc_kube_informer *inf = wfc_kube_informer_create(f->c, jobs(), &io, &cb, &f->e);
	assert_non_null(inf);
	const cJSON *a = wfc_kube_informer_get(inf, NULL, "a");
	assert_non_null(a);
	assert_null(cJSON_GetObjectItem(a, "spec"));
	assert_non_null(cJSON_GetObjectItem(a, "status"));

	wfc_kube_informer_forget(inf, NULL, "a");
	assert_null(wfc_kube_informer_get(inf, NULL, "a"));
	assert_true(wfc_kube_informer_forgotten(inf, NULL, "a"));
	assert_false(wfc_kube_informer_forgotten(inf, NULL, "b"));
	pump(f, 2);
	fake_feed(f->fake, EVENT("MODIFIED", BIG("a", "12")) EVENT("ADDED", BIG("c", "13")));
	pump(f, 2);
	assert_null(wfc_kube_informer_get(inf, NULL, "a"));
	assert_null(cJSON_GetObjectItem(wfc_kube_informer_get(inf, NULL, "c"), "spec"));
	fake_feed(f->fake, EVENT("DELETED", BIG("a", "14")));
	pump(f, 2);
	assert_false(wfc_kube_informer_forgotten(inf, NULL, "a"));
	assert_string_equal(r.log.s, "+a@1 +b@2 sync ~b@11 +c@13 -a@14 ");

	/* forgotten, then read again and restored */
	wfc_kube_informer_forget(inf, NULL, "c");
	wfc_kube_informer_restore(inf, cJSON_Parse(BIG("c", "15")));
	assert_false(wfc_kube_informer_forgotten(inf, NULL, "c"));
	const cJSON *c = wfc_kube_informer_get(inf, NULL, "c");
	assert_string_equal(rv_of(c), "15");
	assert_null(cJSON_GetObjectItem(c, "spec"));
	fake_feed(f->fake, EVENT("MODIFIED", BIG("c", "16")));
	pump(f, 2);
	assert_string_equal(rv_of(wfc_kube_informer_get(inf, NULL, "c")), "16");
#undef BIG
	wfc_kube_informer_destroy(inf);
	wfc_buf_free(&r.log);
}

/* keep cuts listed pages and watched events before they are parsed:
 * what is kept is as sent (strings holding braces, quotes and keys' names
 * included), what is not never arrives, a spaced event is cut too, and an
 * ERROR's Status is read whole. */
static void test_informer_keep(void **state)
{
	struct fx *f = *state;
	struct rec r = { 0 };
	client(f, NULL, 10);
	f->fake->chunk = 9;
	static const struct wfc_json_keep meta[] = { { "name", NULL }, { "namespace", NULL },
						     { "resourceVersion", NULL },
						     { "annotations", NULL }, { NULL, NULL } };
	static const struct wfc_json_keep keep[] = { { "metadata", meta }, { "status", NULL },
						     { NULL, NULL } };
#define FAT(name, rv) "{\"metadata\":{\"name\":\"" name "\",\"namespace\":\"ns\",\"resourceVersion\":\"" rv \
	"\",\"managedFields\":[{\"f\":{\"}\":\"{[\"}}],\"annotations\":{\"a\":\"x\\\"}\\\\\"}},\"spec\":{\"status\":" \
	"[1,{\"metadata\":2}],\"template\":\"\\\"}\"},\"status\":{\"phase\":\"Running\",\"n\":[1, 2.5e3, true, null]}}"
	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?limit=500", 200,
		  LIST("10", FAT("a", "1")));
	fake_push_held(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?watch=1&allowWatchBookmarks=true&resourceVersion=10&",
		       EVENT("MODIFIED", FAT("a", "11"))
		       "{ \"type\" : \"ADDED\" , \"object\" : " FAT("b", "12") " }\n");
	struct wfc_kube_informer_opts io = { .keep = keep };
	struct wfc_kube_informer_cb cb = rec_cb(&r);
	struct wfc_kube_informer *inf = wfc_kube_informer_create(f->c, jobs(), &io, &cb, &f->e);
	assert_non_null(inf);
	/* a list's items are cut the same way */
	const cJSON *listed = wfc_kube_informer_get(inf, NULL, "a");
	assert_null(cJSON_GetObjectItem(listed, "spec"));
	assert_null(cJSON_GetObjectItem(cJSON_GetObjectItem(listed, "metadata"), "managedFields"));
	assert_non_null(cJSON_GetObjectItem(listed, "status"));
	pump(f, 3);
	assert_string_equal(r.log.s, "+a@1 sync ~a@11 +b@12 ");
	for (const char *n = "a"; n; n = *n == 'a' ? "b" : NULL) {
		const cJSON *o = wfc_kube_informer_get(inf, NULL, n);
		char *text = cJSON_PrintUnformatted(o);
		assert_string_equal(text, *n == 'a'
			? "{\"metadata\":{\"name\":\"a\",\"namespace\":\"ns\",\"resourceVersion\":\"11\","
			  "\"annotations\":{\"a\":\"x\\\"}\\\\\"}},\"status\":{\"phase\":\"Running\","
			  "\"n\":[1,2500,true,null]}}"
			: "{\"metadata\":{\"name\":\"b\",\"namespace\":\"ns\",\"resourceVersion\":\"12\","
			  "\"annotations\":{\"a\":\"x\\\"}\\\\\"}},\"status\":{\"phase\":\"Running\","
			  "\"n\":[1,2500,true,null]}}");
		cJSON_free(text);
	}
	fake_feed(f->fake, EVENT("ERROR", "{\"kind\":\"Status\",\"code\":410,\"reason\":\"Expired\"}"));
	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?limit=500", 200,
		  LIST("20", FAT("a", "11")));
	fake_push_held(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?watch=1&allowWatchBookmarks=true&resourceVersion=20&",
		       "");
	pump(f, 4);
	assert_int_equal(wfc_kube_informer_lists(inf), 2);
	assert_null(wfc_kube_informer_get(inf, NULL, "b"));
#undef FAT
	wfc_kube_informer_destroy(inf);
	wfc_buf_free(&r.log);
}

/* The pruner follows structure only and refuses what it cannot follow. */
static void test_json_prune(void **state)
{
	(void)state;
	static const struct wfc_json_keep sub[] = { { "k", NULL }, { NULL, NULL } };
	static const struct wfc_json_keep keep[] = { { "a", sub }, { "b", NULL }, { NULL, NULL } };
	static const struct { const char *in, *out; } ok[] = {
		{ " {\"a\" : {\"x\":\"]\",\"k\":[{}]} , \"c\":{\"b\":1},\"b\":\"\\\\\"} ",
		  "{\"a\":{\"k\":[{}]},\"b\":\"\\\\\"}" },
		{ "{\"a\":[1,2],\"c\":[\"}\"]}", "{\"a\":[1,2]}" },
		{ "{\"a\":[{\"k\":1,\"x\":2}, 3 ,{\"x\":[]}]}", "{\"a\":[{\"k\":1},3,{}]}" },
		{ "{\"a\":[ ]}", "{\"a\":[]}" },
		{ "{}", "{}" },
		{ "[1]", "[1]" },
		{ "{\"c\":1}", "{}" },
		/* quotes after backslashes: escaped after an odd run, not after
		 * an even one */
		{ "{\"c\":\"\\\"}\",\"b\":2}", "{\"b\":2}" },
		{ "{\"c\":[\"\\\\\",{}],\"b\":\"\\\\\\\"\"}", "{\"b\":\"\\\\\\\"\"}" },
		{ "{\"c\":{\"\\\"\":\"]\\\\\"},\"b\":[]}", "{\"b\":[]}" },
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		struct wfc_buf b = { 0 };
		assert_true(wfc_json_prune(ok[i].in, strlen(ok[i].in), keep, &b));
		assert_string_equal(wfc_buf_str(&b), ok[i].out);
		wfc_buf_free(&b);
		/* keep_only cuts the parsed value the same way */
		cJSON *v = cJSON_Parse(ok[i].in), *want = cJSON_Parse(ok[i].out);
		assert_non_null(v);
		wfc_json_keep_only(v, keep);
		assert_true(cJSON_Compare(v, want, true));
		cJSON_Delete(v);
		cJSON_Delete(want);
	}
	static const char *const bad[] = { "{\"a\":{\"k\":1}", "{\"a\" 1}", "{\"a\":[{},]}", "{\"a\":\"x}", "{\"a\":1} x",
					   "{1:2}", "{\"a\":1,}", "",
					   "{\"a\":\"x\\\"}", "{\"c\":[\"\\\"]}" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct wfc_buf b = { 0 };
		wfc_buf_puts(&b, "kept");
		assert_false(wfc_json_prune(bad[i], strlen(bad[i]), keep, &b));
		assert_string_equal(wfc_buf_str(&b), "kept");
		wfc_buf_free(&b);
	}
}

/* An informer of metadata only asks for PartialObjectMetadata, with the
 * whole object as the fallback a server without it answers with. */
static void test_informer_metadata_only(void **state)
{
	struct fx *f = *state;
	struct rec r = { 0 };
	client(f, NULL, 10);
	fake_push(f->fake, "GET", "/api/v1/namespaces/ns/configmaps?fieldSelector=metadata.name%3Ds&limit=500", 200,
		  "{\"kind\":\"PartialObjectMetadataList\",\"apiVersion\":\"meta.k8s.io/v1\","
		  "\"metadata\":{\"resourceVersion\":\"7\"},\"items\":[{\"kind\":\"PartialObjectMetadata\","
		  "\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":{\"name\":\"s\",\"namespace\":\"ns\","
		  "\"resourceVersion\":\"6\",\"annotations\":{\"k\":\"v\"}}}]}");
	fake_push_held(f->fake, "GET", "/api/v1/namespaces/ns/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion=7&", "");
	struct wfc_kube_informer_opts io = { .field_selector = "metadata.name=s", .metadata_only = true };
	struct wfc_kube_informer_cb cb = rec_cb(&r);
	struct wfc_kube_informer *inf = wfc_kube_informer_create(f->c, wfc_kube_builtin(WFC_KUBE_CONFIGMAPS),
								 &io, &cb, &f->e);
	assert_non_null(inf);
	assert_int_equal(f->fake->unexpected, 0);
	assert_string_equal(fake_back(f->fake, 1)->accept,
			    "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json");
	assert_string_equal(fake_last(f->fake)->accept,
			    "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json");
	const cJSON *s = wfc_kube_informer_get(inf, NULL, "s");
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(s, "metadata"),
								     "annotations"), "k")->valuestring, "v");
	wfc_kube_informer_destroy(inf);
	wfc_buf_free(&r.log);
}

static void test_informer_errors(void **state)
{
	struct fx *f = *state;
	struct rec r = { 0 };
	client(f, NULL, 10);

	fake_push(f->fake, "GET", NULL, 200, LIST("5", OBJ("a", "1")));
	/* the watch is refused with 410: list again at once */
	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?watch=1", 410,
		  STATUS(410, "Expired", "too old"));
	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?limit=500", 200,
		  LIST("7", OBJ("a", "6")));
	/* a 500 on the watch: reported, backoff, reconnect */
	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?watch=1", 500,
		  STATUS(500, "InternalError", "etcd timeout"));
	/* garbage in the stream: reported, reconnect */
	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?watch=1", 200, "not json\n");
	/* an ERROR event other than 410 */
	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?watch=1", 200,
		  EVENT("ERROR", "{\"kind\":\"Status\",\"code\":500,\"reason\":\"InternalError\","
				 "\"message\":\"boom\"}"));
	fake_push_held(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?watch=1&allowWatchBookmarks=true&resourceVersion=7&", "");

	struct wfc_kube_informer_cb cb = rec_cb(&r);
	struct wfc_kube_informer *inf = wfc_kube_informer_create(f->c, jobs(), NULL, &cb, &f->e);
	assert_non_null(inf);
	pump(f, 12);
	assert_string_equal(r.log.s,
			    "+a@1 sync ~a@6 sync err:server-error err:bad-response err:server-error ");
	assert_true(fake_held_open(f->fake));
	assert_int_equal(wfc_kube_informer_lists(inf), 2);

	/* the watch ends at once, again and again: not reopened in a tight loop */
	fake_finish(f->fake, 200, NULL);
	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?watch=1", 200, "");
	fake_push(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?watch=1", 200, "");
	fake_push_held(f->fake, "GET", "/apis/batch/v1/namespaces/ns/jobs?watch=1", "");
	int timeout = -2;
	struct pollfd fds[4];
	size_t before = f->fake->ncalls;
	for (int i = 0; i < 3; i++)
		wfc_kube_step(f->c, 0);  /* no time passes */
	/* one reconnect at once after a watch that lived; then a wait */
	assert_int_equal(f->fake->ncalls, before + 1);
	wfc_kube_pollfds(f->c, fds, 4, &timeout);
	assert_true(timeout > 0);
	pump(f, 4);
	assert_true(fake_held_open(f->fake));
	wfc_kube_informer_destroy(inf);
	wfc_buf_free(&r.log);
}

static void test_informer_first_list_fails(void **state)
{
	struct fx *f = *state;
	struct rec r = { 0 };
	client(f, NULL, 10);
	fake_push(f->fake, "GET", NULL, 403,
		  STATUS(403, "Forbidden", "jobs.batch is forbidden: User \\\"x\\\" cannot list"));
	struct wfc_kube_informer_cb cb = rec_cb(&r);
	assert_null(wfc_kube_informer_create(f->c, jobs(), NULL, &cb, &f->e));
	assert_int_equal(f->e.kind, WFC_KUBE_EFORBIDDEN);
	assert_null(r.log.s);
}

static void test_informer_destroyed_in_callback(void **state)
{
	struct fx *f = *state;
	struct rec r = { .destroy_on_delete = true };
	client(f, NULL, 10);
	fake_push(f->fake, "GET", NULL, 200, LIST("1", OBJ("a", "1")));
	fake_push(f->fake, "GET", NULL, 200,
		  EVENT("DELETED", OBJ("a", "2")) EVENT("ADDED", OBJ("b", "3")));
	struct wfc_kube_informer_cb cb = rec_cb(&r);
	r.inf = wfc_kube_informer_create(f->c, jobs(), NULL, &cb, &f->e);
	assert_non_null(r.inf);
	pump(f, 3);
	/* nothing after the destroying callback */
	assert_string_equal(r.log.s, "+a@1 sync -a@2 ");
	assert_null(r.inf);

	/* one informer's first list destroys another, which has a watch open */
	struct rec ra = { 0 }, rb = { 0 };
	fake_push(f->fake, "GET", NULL, 200, LIST("1", OBJ("a", "1")));
	fake_push_held(f->fake, "GET", NULL, "");
	struct wfc_kube_informer_cb cba = rec_cb(&ra), cbb = rec_cb(&rb);
	ra.inf = wfc_kube_informer_create(f->c, jobs(), NULL, &cba, &f->e);
	assert_non_null(ra.inf);
	assert_true(fake_held_open(f->fake));
	fake_push(f->fake, "GET", "/api/v1/namespaces/ns/pods?", 200, LIST("1", OBJ("p", "1")));
	fake_push(f->fake, "GET", "/api/v1/namespaces/ns/pods?watch=1", 200, "");
	rb.victim = &ra.inf;
	rb.inf = wfc_kube_informer_create(f->c, wfc_kube_builtin(WFC_KUBE_PODS), NULL, &cbb, &f->e);
	assert_non_null(rb.inf);
	assert_null(ra.inf);
	assert_false(fake_held_open(f->fake));
	pump(f, 1);  /* frees the destroyed one */
	wfc_kube_informer_destroy(rb.inf);
	wfc_buf_free(&ra.log);
	wfc_buf_free(&rb.log);
	wfc_buf_free(&r.log);
}

/* --- logs --- */

struct logrec {
	struct wfc_buf text;
	int ended;
	struct wfc_kube_error e;
	bool had_error;
};

static int log_data(void *ud, const char *p, size_t n)
{
	wfc_buf_add(&((struct logrec *)ud)->text, p, n);
	return 0;
}

static void log_end(void *ud, const struct wfc_kube_error *e)
{
	struct logrec *l = ud;
	l->ended++;
	if (e) {
		l->had_error = true;
		l->e = *e;
	}
}

static void test_logs(void **state)
{
	struct fx *f = *state;
	char *text;
	size_t len;
	client(f, NULL, 10);

	struct wfc_kube_log_opts lo = { .container = "main", .tail_lines = 10 };
	fake_push(f->fake, "GET", "/api/v1/namespaces/ns/pods/p-1/log?container=main&tailLines=10",
		  200, "hello\nworld\n");
	assert_int_equal(wfc_kube_log_read(f->c, NULL, "p-1", &lo, &text, &len, &f->e), 0);
	assert_string_equal(text, "hello\nworld\n");
	assert_int_equal(len, 12);
	free(text);
	/* no lines: tailLines=0 (0 is all) */
	lo.tail_lines = -1;
	fake_push(f->fake, "GET", "/api/v1/namespaces/ns/pods/p-1/log?container=main&tailLines=0",
		  200, "");
	assert_int_equal(wfc_kube_log_read(f->c, NULL, "p-1", &lo, &text, &len, &f->e), 0);
	assert_int_equal(len, 0);
	free(text);

	/* followed: a 503 before the first byte is retried after a wait */
	struct logrec l = { 0 };
	struct wfc_kube_stream_cb cb = { log_data, log_end, &l };
	lo = (struct wfc_kube_log_opts){ .follow = true };
	fake_push(f->fake, "GET", "/api/v1/namespaces/ns/pods/p-1/log?follow=true", 503, "");
	fake_push_held(f->fake, "GET", "/api/v1/namespaces/ns/pods/p-1/log?follow=true", "line 1\n");
	struct wfc_kube_stream *s = wfc_kube_log_open(f->c, NULL, "p-1", &lo, &cb, &f->e);
	assert_non_null(s);
	assert_int_equal(f->fake->ncalls, 2);  /* opened from the event loop */
	pump(f, 4);
	assert_non_null(l.text.s);
	assert_string_equal(l.text.s, "line 1\n");
	fake_feed(f->fake, "line 2\n");
	pump(f, 1);
	assert_string_equal(l.text.s, "line 1\nline 2\n");
	assert_int_equal(l.ended, 0);
	fake_finish(f->fake, 200, NULL);
	pump(f, 1);
	assert_int_equal(l.ended, 1);
	assert_false(l.had_error);
	wfc_kube_stream_close(s);
	wfc_buf_free(&l.text);

	/* a 400 (no such container) ends it with the server's message */
	memset(&l, 0, sizeof(l));
	fake_push(f->fake, "GET", NULL, 400,
		  STATUS(400, "BadRequest", "container x is not valid for pod p-1"));
	s = wfc_kube_log_open(f->c, NULL, "p-1", &lo, &cb, &f->e);
	pump(f, 2);
	assert_int_equal(l.ended, 1);
	assert_true(l.had_error);
	assert_int_equal(l.e.kind, WFC_KUBE_EOTHER);
	assert_string_equal(l.e.message, "container x is not valid for pod p-1");
	wfc_kube_stream_close(s);
}

/* --- a run's objects (runtime/kube_run.h) --- */

static cJSON *obj_of(const char *json)
{
	cJSON *o = cJSON_Parse(json);
	assert_non_null(o);
	return o;
}

static void test_run_objects(void **state)
{
	struct fx *f = *state;
	client(f, NULL, 10);

	assert_true(wfc_is_dns_label("hello-world"));
	assert_true(wfc_is_dns_label("a"));
	assert_false(wfc_is_dns_label(""));
	assert_false(wfc_is_dns_label("-a"));
	assert_false(wfc_is_dns_label("a-"));
	assert_false(wfc_is_dns_label("Hello"));
	assert_false(wfc_is_dns_label("a.b"));
	assert_true(wfc_is_dns_label("a23456789012345678901234567890123456789012345678901234567890123"));
	assert_false(wfc_is_dns_label("a234567890123456789012345678901234567890123456789012345678901234"));

	assert_string_equal(wfc_run_display_name("hello"), "hello");
	assert_string_equal(wfc_run_display_name("hello[0].step(1:b)"), "step(1:b)");
	assert_string_equal(wfc_run_display_name("w.dag.task(0:1.5)"), "task(0:1.5)");
	assert_string_equal(wfc_run_display_name("w[0].s(0:{\"a\":\"x.y\"})"), "s(0:{\"a\":\"x.y\"})");

	/* a name that is a label is its own; a longer one's label is its
	 * status ConfigMap's */
	struct wfc_kube_error e;
	char *l = wfc_run_label(f->c, NULL, "short", &e);
	assert_string_equal(l, "short");
	free(l);
	assert_int_equal(f->fake->ncalls, 0);
	fake_push(f->fake, "GET", "/api/v1/namespaces/ns/configmaps/Long.Name-status", 200,
		  "{\"metadata\":{\"name\":\"Long.Name-status\","
		  "\"labels\":{\"wfc.dev/workflow\":\"long-name-1a2b\"}}}");
	l = wfc_run_label(f->c, NULL, "Long.Name", &e);
	assert_string_equal(l, "long-name-1a2b");
	free(l);
	fake_push(f->fake, "GET", "/api/v1/namespaces/ns/configmaps/Gone.Name-status", 404,
		  STATUS(404, "NotFound", "configmaps \"Gone.Name-status\" not found"));
	fake_push(f->fake, "GET", "/api/v1/namespaces/ns/configmaps/Gone.Name-plan", 404,
		  STATUS(404, "NotFound", "configmaps \"Gone.Name-plan\" not found"));
	assert_null(wfc_run_label(f->c, NULL, "Gone.Name", &e));
	assert_int_equal(e.kind, WFC_KUBE_ENOTFOUND);

	/* Jobs to nodes, pods to Jobs; attempts by creation */
	cJSON *jobs = obj_of(
		"[{\"metadata\":{\"name\":\"w-a\",\"annotations\":{\"wfc.dev/node-name\":\"w.a\"}}},"
		"{\"metadata\":{\"name\":\"w-r-2\",\"creationTimestamp\":\"2024-05-01T10:00:05Z\","
		"\"annotations\":{\"wfc.dev/node-name\":\"w.r\"}}},"
		"{\"metadata\":{\"name\":\"w-r-1\",\"creationTimestamp\":\"2024-05-01T10:00:01Z\","
		"\"annotations\":{\"wfc.dev/node-name\":\"w.r\"}}}]");
	cJSON *pods = obj_of(
		"[{\"metadata\":{\"name\":\"w-a-old\",\"creationTimestamp\":\"2024-05-01T10:00:00Z\","
		"\"labels\":{\"batch.kubernetes.io/job-name\":\"w-a\"}}},"
		"{\"metadata\":{\"name\":\"w-a-new\",\"creationTimestamp\":\"2024-05-01T10:00:09Z\","
		"\"labels\":{\"job-name\":\"w-a\"}}},"
		"{\"metadata\":{\"name\":\"w-r-1-p\",\"labels\":{\"wfc.dev/node\":\"w-r-1\"}}},"
		"{\"metadata\":{\"name\":\"w-r-2-p\",\"labels\":{\"wfc.dev/node\":\"w-r-2\"}}},"
		"{\"metadata\":{\"name\":\"stray\"}}]");
	struct wfc_run_index *x = wfc_run_index_create(jobs, pods);
	assert_string_equal(wfc_kobj_name(wfc_run_index_node_pod(x, "w.a")), "w-a-new");
	assert_string_equal(wfc_kobj_name(wfc_run_index_node_pod(x, "w.r(0)")), "w-r-1-p");
	assert_string_equal(wfc_kobj_name(wfc_run_index_node_pod(x, "w.r(1)")), "w-r-2-p");
	assert_null(wfc_run_index_node_pod(x, "w.r(2)"));
	assert_null(wfc_run_index_node_pod(x, "w.b"));
	assert_null(wfc_run_index_node_pod(x, "w.r("));
	assert_string_equal(wfc_run_index_pod_node(x, cJSON_GetArrayItem(pods, 3)), "w.r");
	assert_null(wfc_run_index_pod_node(x, cJSON_GetArrayItem(pods, 4)));
	wfc_run_index_destroy(x);
	cJSON_Delete(jobs);
	cJSON_Delete(pods);
}

/* --- discovery --- */

static void test_discovery(void **state)
{
	struct fx *f = *state;
	const struct wfc_kube_res *r;
	client(f, NULL, 10);

	/* built-in: no request */
	assert_int_equal(wfc_kube_resolve(f->c, "batch/v1", "CronJob", &r, &f->e), 0);
	assert_string_equal(r->resource, "cronjobs");
	assert_int_equal(wfc_kube_resolve(f->c, "v1", "ServiceAccount", &r, &f->e), 0);
	assert_string_equal(r->resource, "serviceaccounts");
	assert_int_equal(f->fake->ncalls, 0);

	fake_push(f->fake, "GET", "/apis/argoproj.io/v1alpha1", 200,
		  "{\"kind\":\"APIResourceList\",\"groupVersion\":\"argoproj.io/v1alpha1\",\"resources\":["
		  "{\"name\":\"workflows\",\"kind\":\"Workflow\",\"namespaced\":true},"
		  "{\"name\":\"workflows/status\",\"kind\":\"Workflow\",\"namespaced\":true},"
		  "{\"name\":\"clusterworkflowtemplates\",\"kind\":\"ClusterWorkflowTemplate\",\"namespaced\":false}]}");
	assert_int_equal(wfc_kube_resolve(f->c, "argoproj.io/v1alpha1", "Workflow", &r, &f->e), 0);
	assert_string_equal(r->group, "argoproj.io");
	assert_string_equal(r->version, "v1alpha1");
	assert_string_equal(r->resource, "workflows");
	assert_true(r->namespaced);
	const struct wfc_kube_res *first = r;
	assert_int_equal(wfc_kube_resolve(f->c, "argoproj.io/v1alpha1", "ClusterWorkflowTemplate",
					  &r, &f->e), 0);
	assert_false(r->namespaced);
	assert_int_equal(f->fake->ncalls, 1);  /* cached */

	/* cluster-scoped: no namespace in the path */
	fake_push(f->fake, "GET", "/apis/argoproj.io/v1alpha1/clusterworkflowtemplates/t", 200, "{}");
	assert_int_equal(wfc_kube_get(f->c, r, NULL, "t", NULL, &f->e), 0);

	/* a kind it lacks: asked again only after a while */
	assert_int_equal(wfc_kube_resolve(f->c, "argoproj.io/v1alpha1", "Sensor", &r, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_ENOTFOUND);
	assert_string_equal(f->e.message, "the server has no kind 'Sensor' in 'argoproj.io/v1alpha1'");
	f->vc.t += 11;
	fake_push(f->fake, "GET", "/apis/argoproj.io/v1alpha1", 200,
		  "{\"resources\":[{\"name\":\"sensors\",\"kind\":\"Sensor\",\"namespaced\":true}]}");
	assert_int_equal(wfc_kube_resolve(f->c, "argoproj.io/v1alpha1", "Sensor", &r, &f->e), 0);
	assert_string_equal(r->resource, "sensors");
	assert_string_equal(first->resource, "workflows");  /* still valid */

	fake_push(f->fake, "GET", "/apis/example.com/v1", 404, "404 page not found");
	assert_int_equal(wfc_kube_resolve(f->c, "example.com/v1", "Thing", &r, &f->e), -1);
	assert_int_equal(f->e.kind, WFC_KUBE_ENOTFOUND);
	assert_non_null(strstr(f->e.message, "does not serve 'example.com/v1'"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_paths_and_bodies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_all_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retry_5xx, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retry_budget, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retry_after, setup, teardown),
		cmocka_unit_test_setup_teardown(test_conflicts_and_invalid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_async_patch, setup, teardown),
		cmocka_unit_test_setup_teardown(test_async_gives_up, setup, teardown),
		cmocka_unit_test_setup_teardown(test_async_limit_and_forget, setup, teardown),
		cmocka_unit_test_setup_teardown(test_basic_auth_and_cert, setup, teardown),
		cmocka_unit_test_setup_teardown(test_token_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_in_cluster_token_rotation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exec_plugin, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exec_plugin_certificate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exec_plugin_failures, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exec_plugin_bad_output, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exec_plugin_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exec_plugin_needs_terminal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_informer_reconnect_and_relist, setup, teardown),
		cmocka_unit_test_setup_teardown(test_informer_trim_forget, setup, teardown),
		cmocka_unit_test_setup_teardown(test_informer_keep, setup, teardown),
		cmocka_unit_test(test_json_prune),
		cmocka_unit_test_setup_teardown(test_informer_metadata_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_informer_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_informer_first_list_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_informer_destroyed_in_callback, setup, teardown),
		cmocka_unit_test_setup_teardown(test_logs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_run_objects, setup, teardown),
		cmocka_unit_test_setup_teardown(test_discovery, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
