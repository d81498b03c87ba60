/* The Kubernetes API client (runtime/kube.h). */
#include <curl/curl.h>
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/kube.h"
#include "support/buf.h"
#include "support/json.h"
#include "support/strmap.h"
#include "support/text.h"
#include "support/xalloc.h"

#ifndef WFC_VERSION
#define WFC_VERSION "0"
#endif

#define LINE_MAX_BYTES ((size_t)64 << 20)
/* a watch that ends this soon without an event is not reopened at once */
#define WATCH_MIN_LIFE_S 1.0
/* discovery of a group/version is fetched again at most this often */
#define DISCOVERY_REFRESH_S 10.0

/* --- resources --- */

static const struct wfc_kube_res builtins[WFC_KUBE_BUILTIN_COUNT] = {
	[WFC_KUBE_CONFIGMAPS] = { "", "v1", "configmaps", "ConfigMap", true },
	[WFC_KUBE_PODS] = { "", "v1", "pods", "Pod", true },
	[WFC_KUBE_SERVICES] = { "", "v1", "services", "Service", true },
	[WFC_KUBE_SERVICEACCOUNTS] = { "", "v1", "serviceaccounts", "ServiceAccount", true },
	[WFC_KUBE_PVCS] = { "", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true },
	[WFC_KUBE_JOBS] = { "batch", "v1", "jobs", "Job", true },
	[WFC_KUBE_CRONJOBS] = { "batch", "v1", "cronjobs", "CronJob", true },
	[WFC_KUBE_ROLES] = { "rbac.authorization.k8s.io", "v1", "roles", "Role", true },
	[WFC_KUBE_ROLEBINDINGS] = { "rbac.authorization.k8s.io", "v1", "rolebindings",
				    "RoleBinding", true },
	[WFC_KUBE_LEASES] = { "coordination.k8s.io", "v1", "leases", "Lease", true },
};

const struct wfc_kube_res *wfc_kube_builtin(enum wfc_kube_builtin b)
{
	return b < WFC_KUBE_BUILTIN_COUNT ? &builtins[b] : NULL;
}

const char *wfc_kube_errkind_name(enum wfc_kube_errkind k)
{
	switch (k) {
	case WFC_KUBE_OK: return "ok";
	case WFC_KUBE_ETRANSPORT: return "transport";
	case WFC_KUBE_EAUTH: return "credentials";
	case WFC_KUBE_EUNAUTHORIZED: return "unauthorized";
	case WFC_KUBE_EFORBIDDEN: return "forbidden";
	case WFC_KUBE_ENOTFOUND: return "not-found";
	case WFC_KUBE_EALREADY_EXISTS: return "already-exists";
	case WFC_KUBE_ECONFLICT: return "conflict";
	case WFC_KUBE_EGONE: return "gone";
	case WFC_KUBE_EINVALID: return "invalid";
	case WFC_KUBE_ETOO_MANY: return "too-many-requests";
	case WFC_KUBE_ESERVER: return "server-error";
	case WFC_KUBE_EOTHER: return "other";
	case WFC_KUBE_EBAD_RESPONSE: return "bad-response";
	case WFC_KUBE_EUSAGE: return "usage";
	}
	return "other";
}

/* --- the client --- */

struct gvcache {
	struct gvcache *next;
	char *gv;
	cJSON *doc;                 /* the APIResourceList; res[] points into it */
	struct wfc_kube_res *res;
	size_t n;
	double fetched_at;
};

struct centry {
	char *key;                  /* "namespace/name" */
	cJSON *obj;                 /* NULL: deleted or forgotten */
	bool forgotten;             /* wfc_kube_informer_forget: events dropped */
};

enum istate { I_WATCHING, I_RECONNECT, I_RELIST };

struct wfc_kube_informer {
	struct wfc_kube *c;
	struct wfc_kube_informer *next;
	const struct wfc_kube_res *r;
	char *ns;                   /* "" for all namespaces */
	char *label, *field;
	long page;
	int watch_timeout;
	void (*trim)(cJSON *obj);
	const struct wfc_json_keep *keep;
	struct wfc_buf pruned;       /* an event's text cut to keep */
	bool metadata_only;
	struct wfc_kube_informer_cb cb;
	struct wfc_strmap map;      /* key -> struct centry */
	char *rv;
	struct wfc_http_stream *stream;
	struct wfc_buf line;
	enum istate state;
	double at;                  /* when to reconnect or list (mono) */
	double delay;               /* next backoff */
	double opened_at, listed_at;
	unsigned long events;       /* since the watch opened */
	bool auth_retried;
	bool dead;
	unsigned lists, watches;
};

struct wfc_kube_stream {
	struct wfc_kube *c;
	struct wfc_kube_stream *next;
	char *path;
	struct wfc_kube_stream_cb cb;
	struct wfc_http_stream *hs;
	double started, at, delay;
	bool got_data, auth_retried, waiting, ended, dead;
};

/* a request: what call_raw makes */
struct call {
	const char *method;
	const char *path;
	const char *ctype;          /* NULL: no body */
	const char *body;
	size_t body_len;
	const char *accept;         /* NULL: application/json */
};

enum call_state {
	C_QUEUED,    /* waiting for one of the WFC_KUBE_CALLS_MAX slots */
	C_RUNNING,   /* its first attempt is on the wire */
	C_AGAIN,     /* to be made again as a blocking call, with its retries */
	C_ENDED,     /* done is due, with e */
	C_DEAD,      /* done was called or the call forgotten: to be freed */
};

struct wfc_kube_call {
	struct wfc_kube_call *next;
	struct wfc_kube *c;
	struct call k;           /* path and body owned */
	enum call_state state;
	struct wfc_http_stream *hs;
	struct wfc_kube_error e;
	wfc_kube_done_fn done;   /* NULL once forgotten */
	void *ud;
};

struct wfc_kube {
	const struct wfc_kubeconfig *cfg;
	struct wfc_transport *tp;
	bool own_tp;
	struct wfc_kube_auth *auth;
	const struct wfc_kube_clock *clk;
	double budget, b0, bmax, rq_timeout;
	char *field_manager;
	char *ns;
	struct gvcache *gvs;
	struct wfc_kube_informer *infs;
	struct wfc_kube_stream *streams;
	struct wfc_kube_call *calls; /* asynchronous calls, oldest first */
	int calls_running;
	int depth;                  /* wfc_kube_dispatch nesting */
	struct pollfd *fds;
	int fds_cap;
};

static double now(const struct wfc_kube *c)
{
	return c->clk->mono(c->clk->ud);
}

static void set_error(struct wfc_kube_error *e, enum wfc_kube_errkind kind, long code,
		      const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void set_error(struct wfc_kube_error *e, enum wfc_kube_errkind kind, long code,
		      const char *fmt, ...)
{
	va_list ap;
	unsigned attempts = e->attempts;
	memset(e, 0, sizeof(*e));
	e->attempts = attempts;
	e->kind = kind;
	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof(e->message), fmt, ap);
	va_end(ap);
}

struct wfc_kube *wfc_kube_create(const struct wfc_kubeconfig *cfg,
				 const struct wfc_kube_opts *opts,
				 char *err, size_t errlen)
{
	struct wfc_kube_opts none = { 0 };
	const struct wfc_kube_opts *o = opts ? opts : &none;
	struct wfc_kube *c = calloc(1, sizeof(*c));
	char ua[64];

	if (!c)
		abort();
	c->cfg = cfg;
	c->clk = o->clock ? o->clock : wfc_kube_clock_real();
	c->budget = o->retry_budget_s > 0 ? o->retry_budget_s : 30;
	c->b0 = o->backoff_initial_s > 0 ? o->backoff_initial_s : 0.25;
	c->bmax = o->backoff_max_s > 0 ? o->backoff_max_s : 8;
	if (c->bmax < c->b0)
		c->bmax = c->b0;
	c->rq_timeout = o->request_timeout_s > 0 ? o->request_timeout_s : 60;
	c->field_manager = wfc_xstrdup(o->field_manager ? o->field_manager : "wfc");
	c->ns = wfc_xstrdup(cfg->namespace && *cfg->namespace ? cfg->namespace : "default");
	snprintf(ua, sizeof(ua), "wfc/%s", WFC_VERSION);
	if (o->transport) {
		c->tp = o->transport;
	} else {
		struct wfc_http_config hc = {
			.server = cfg->server,
			.ca_pem = cfg->ca_pem,
			.ca_len = cfg->ca_len,
			.insecure = cfg->insecure,
			.tls_server_name = cfg->tls_server_name,
			.proxy_url = cfg->proxy_url,
			.disable_compression = cfg->disable_compression,
			.user_agent = o->user_agent ? o->user_agent : ua,
		};
		c->tp = wfc_transport_curl_create(&hc, err, errlen);
		if (!c->tp) {
			free(c->field_manager);
			free(c->ns);
			free(c);
			return NULL;
		}
		c->own_tp = true;
	}
	c->auth = wfc_kube_auth_create(cfg, c->clk);
	return c;
}

static void informer_free(struct wfc_kube_informer *inf);
static void stream_free(struct wfc_kube_stream *s);

static void call_free(struct wfc_kube_call *k);

void wfc_kube_destroy(struct wfc_kube *c)
{
	if (!c)
		return;
	while (c->infs) {
		struct wfc_kube_informer *inf = c->infs;
		c->infs = inf->next;
		informer_free(inf);
	}
	while (c->streams) {
		struct wfc_kube_stream *s = c->streams;
		c->streams = s->next;
		stream_free(s);
	}
	while (c->calls) {
		struct wfc_kube_call *k = c->calls;
		c->calls = k->next;
		call_free(k);
	}
	while (c->gvs) {
		struct gvcache *g = c->gvs;
		c->gvs = g->next;
		free(g->gv);
		cJSON_Delete(g->doc);
		free(g->res);
		free(g);
	}
	if (c->own_tp)
		wfc_transport_destroy(c->tp);
	wfc_kube_auth_destroy(c->auth);
	free(c->fds);
	free(c->field_manager);
	free(c->ns);
	free(c);
}

const char *wfc_kube_namespace(const struct wfc_kube *c)
{
	return c->ns;
}

unsigned wfc_kube_exec_runs(const struct wfc_kube *c)
{
	return wfc_kube_auth_exec_runs(c->auth);
}

/* --- paths --- */

static void put_escaped(struct wfc_buf *b, const char *s)
{
	char *x = curl_easy_escape(NULL, s, 0);
	if (!x)
		abort();
	wfc_buf_puts(b, x);
	curl_free(x);
}

/* ns for one object: NULL and "" are the client's */
static const char *one_ns(const struct wfc_kube *c, const char *ns)
{
	return ns && *ns ? ns : c->ns;
}

/* ns for a list: NULL is the client's, "" all */
static const char *list_ns(const struct wfc_kube *c, const char *ns)
{
	return ns ? ns : c->ns;
}

static void res_path(struct wfc_buf *b, const struct wfc_kube_res *r, const char *ns,
		     const char *name, const char *sub)
{
	if (!r->group || !*r->group)
		wfc_buf_printf(b, "/api/%s", r->version);
	else
		wfc_buf_printf(b, "/apis/%s/%s", r->group, r->version);
	if (r->namespaced && ns && *ns) {
		wfc_buf_puts(b, "/namespaces/");
		put_escaped(b, ns);
	}
	wfc_buf_putc(b, '/');
	wfc_buf_puts(b, r->resource);
	if (name) {
		wfc_buf_putc(b, '/');
		put_escaped(b, name);
	}
	if (sub && *sub) {
		wfc_buf_putc(b, '/');
		wfc_buf_puts(b, sub);
	}
}

static void query(struct wfc_buf *b, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	wfc_buf_putc(b, strchr(b->s ? b->s : "", '?') ? '&' : '?');
	wfc_buf_puts(b, key);
	wfc_buf_putc(b, '=');
	put_escaped(b, value);
}

static void query_long(struct wfc_buf *b, const char *key, long v)
{
	char n[32];
	if (v <= 0)
		return;
	snprintf(n, sizeof(n), "%ld", v);
	query(b, key, n);
}

/* --- errors --- */

static void error_from(struct wfc_kube_error *e, const struct wfc_http_response *rs,
		       const char *method, const char *path)
{
	long st = rs->status;
	enum wfc_kube_errkind kind;
	const char *reason = "", *message = NULL;
	cJSON *j = NULL;

	if (!st) {
		set_error(e, WFC_KUBE_ETRANSPORT, 0, "%s", rs->error);
		return;
	}
	if (rs->body_len)
		j = cJSON_ParseWithLength(rs->body, rs->body_len);
	if (cJSON_IsObject(j)) {
		const cJSON *r = cJSON_GetObjectItemCaseSensitive(j, "reason");
		const cJSON *m = cJSON_GetObjectItemCaseSensitive(j, "message");
		if (cJSON_IsString(r))
			reason = r->valuestring;
		if (cJSON_IsString(m) && *m->valuestring)
			message = m->valuestring;
	}
	switch (st) {
	case 401: kind = WFC_KUBE_EUNAUTHORIZED; break;
	case 403: kind = WFC_KUBE_EFORBIDDEN; break;
	case 404: kind = WFC_KUBE_ENOTFOUND; break;
	case 409:
		kind = !strcmp(reason, "AlreadyExists") ? WFC_KUBE_EALREADY_EXISTS
							: WFC_KUBE_ECONFLICT;
		break;
	case 410: kind = WFC_KUBE_EGONE; break;
	case 422: kind = WFC_KUBE_EINVALID; break;
	case 429: kind = WFC_KUBE_ETOO_MANY; break;
	default:
		kind = st >= 500 ? WFC_KUBE_ESERVER : WFC_KUBE_EOTHER;
		break;
	}
	if (message) {
		set_error(e, kind, st, "%s", message);
	} else {
		/* not a Status: say what was asked and the start of the body */
		char snip[200];
		size_t n = 0;
		for (size_t i = 0; i < rs->body_len && n + 1 < sizeof(snip); i++)
			snip[n++] = rs->body[i] == '\n' || rs->body[i] == '\r' ? ' ' : rs->body[i];
		while (n && snip[n - 1] == ' ')
			n--;
		snip[n] = '\0';
		set_error(e, kind, st, "%s '%.*s': HTTP %ld%s%s", method,
			  (int)strcspn(path, "?"), path, st, n ? ": " : "", snip);
	}
	snprintf(e->reason, sizeof(e->reason), "%s", reason);
	cJSON_Delete(j);
}

/* --- blocking requests --- */

/* metadata only, or else the whole object from a server that cannot */
#define ACCEPT_PARTIAL "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json"
#define ACCEPT_PARTIAL_LIST \
	"application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json"

static bool retryable(const struct wfc_http_response *rs)
{
	long st = rs->status;
	return (st == 0 && !rs->permanent) || st == 429 || (st >= 500 && st != 501);
}

/* A call's headers: Accept, Authorization (wiped by hdrs_clear) and
 * Content-Type. */
struct hdrs {
	struct wfc_buf auth, accept, ctype;
	const char *v[4];
};

static void hdrs_clear(struct hdrs *h)
{
	if (h->auth.s)
		memset(h->auth.s, 0, h->auth.len);
	wfc_buf_free(&h->auth);
	wfc_buf_free(&h->accept);
	wfc_buf_free(&h->ctype);
}

/* The request of call k with credentials cr; h holds its headers. */
static struct wfc_http_request call_request(const struct wfc_kube *c, const struct call *k,
					    const struct wfc_kube_creds *cr, struct hdrs *h)
{
	int nh = 0;
	memset(h, 0, sizeof(*h));
	wfc_buf_printf(&h->accept, "Accept: %s", k->accept ? k->accept : "application/json");
	h->v[nh++] = h->accept.s;
	if (cr->authorization) {
		wfc_buf_printf(&h->auth, "Authorization: %s", cr->authorization);
		h->v[nh++] = h->auth.s;
	}
	if (k->ctype) {
		wfc_buf_printf(&h->ctype, "Content-Type: %s", k->ctype);
		h->v[nh++] = h->ctype.s;
	}
	h->v[nh] = NULL;
	return (struct wfc_http_request){
		.method = k->method,
		.path = k->path,
		.headers = h->v,
		.body = k->body,
		.body_len = k->body_len,
		.cert_pem = cr->cert_pem,
		.key_pem = cr->key_pem,
		.cert_len = cr->cert_len,
		.key_len = cr->key_len,
		.timeout_s = c->rq_timeout,
	};
}

/* 0 with a 2xx response in rs, or -1 with e filled (rs cleared); tried:
 * the attempts made before (an asynchronous call's first). */
static int call_again(struct wfc_kube *c, const struct call *k, unsigned tried,
		      struct wfc_http_response *rs, struct wfc_kube_error *e)
{
	double start = now(c), delay = c->b0;
	bool auth_retried = false;

	memset(e, 0, sizeof(*e));
	e->attempts = tried;
	memset(rs, 0, sizeof(*rs));
	rs->retry_after_s = -1;
	for (;;) {
		struct wfc_kube_creds cr;
		char aerr[512];
		if (wfc_kube_auth_get(c->auth, &cr, aerr, sizeof(aerr))) {
			set_error(e, WFC_KUBE_EAUTH, 0, "%s", aerr);
			return -1;
		}
		struct hdrs h;
		struct wfc_http_request rq = call_request(c, k, &cr, &h);
		e->attempts++;
		c->tp->ops->request(c->tp, &rq, rs);
		hdrs_clear(&h);

		long st = rs->status;
		if (st >= 200 && st < 300)
			return 0;
		if (st == 401 && !auth_retried && wfc_kube_auth_invalidate(c->auth)) {
			auth_retried = true;
			wfc_http_response_clear(rs);
			continue;
		}
		if (retryable(rs)) {
			bool ra = rs->retry_after_s >= 0;
			double wait = ra ? rs->retry_after_s : delay;
			double spent = now(c) - start;
			if (spent + wait <= c->budget) {
				c->clk->sleep(c->clk->ud, wait);
				if (!ra)
					delay = delay * 2 < c->bmax ? delay * 2 : c->bmax;
				wfc_http_response_clear(rs);
				continue;
			}
		}
		error_from(e, rs, k->method, k->path);
		if (retryable(rs) && e->attempts > 1) {
			size_t n = strlen(e->message);
			snprintf(e->message + n, sizeof(e->message) - n,
				 " (gave up after %u attempts in %.1f s)", e->attempts,
				 now(c) - start);
		}
		wfc_http_response_clear(rs);
		return -1;
	}
}

static int call_raw(struct wfc_kube *c, const struct call *k,
		    struct wfc_http_response *rs, struct wfc_kube_error *e)
{
	return call_again(c, k, 0, rs, e);
}

/* text parsed, cut to keep first when keep is not NULL (support/json.h) */
static cJSON *parse_kept(const char *text, size_t len, const struct wfc_json_keep *keep,
			 struct wfc_buf *scratch)
{
	if (keep) {
		wfc_buf_reset(scratch);
		if (wfc_json_prune(text, len, keep, scratch)) {
			cJSON *j = cJSON_ParseWithLength(scratch->s, scratch->len);
			if (j)
				return j;
		}
	}
	return cJSON_ParseWithLength(text, len);
}

/* A call whose answer is JSON, parsed into *out (cut to keep, or whole
 * when keep is NULL). */
static int call_json_kept(struct wfc_kube *c, const struct call *k,
			  const struct wfc_json_keep *keep, cJSON **out, struct wfc_kube_error *e)
{
	struct wfc_http_response rs;
	if (out)
		*out = NULL;
	if (call_raw(c, k, &rs, e))
		return -1;
	if (out) {
		struct wfc_buf cut = { 0 };
		*out = rs.body_len ? parse_kept(rs.body, rs.body_len, keep, &cut) : NULL;
		wfc_buf_free(&cut);
		if (!*out) {
			set_error(e, WFC_KUBE_EBAD_RESPONSE, rs.status,
				  "response to %s '%.*s' is not JSON", k->method,
				  (int)strcspn(k->path, "?"), k->path);
			wfc_http_response_clear(&rs);
			return -1;
		}
	}
	wfc_http_response_clear(&rs);
	return 0;
}

static int call_json(struct wfc_kube *c, const struct call *k, cJSON **out,
		     struct wfc_kube_error *e)
{
	return call_json_kept(c, k, NULL, out, e);
}

static int send_json(struct wfc_kube *c, const char *method, const char *path,
		     const char *ctype, const cJSON *body, cJSON **out,
		     struct wfc_kube_error *e)
{
	char *text = body ? cJSON_PrintUnformatted(body) : NULL;
	struct call k = { method, path, body ? ctype : NULL, text,
			  text ? strlen(text) : 0, NULL };
	int rc = call_json(c, &k, out, e);
	free(text);
	return rc;
}

int wfc_kube_request(struct wfc_kube *c, const char *method, const char *path,
		     const char *content_type, const cJSON *body, cJSON **out,
		     struct wfc_kube_error *e)
{
	return send_json(c, method, path,
			 content_type ? content_type : "application/json", body, out, e);
}

static bool check_name(const char *name, cJSON **out, struct wfc_kube_error *e)
{
	if (out)
		*out = NULL;
	if (name && *name)
		return true;
	memset(e, 0, sizeof(*e));
	set_error(e, WFC_KUBE_EUSAGE, 0, "an object name is needed");
	return false;
}

int wfc_kube_get(struct wfc_kube *c, const struct wfc_kube_res *r, const char *ns,
		 const char *name, cJSON **out, struct wfc_kube_error *e)
{
	struct wfc_buf p = { 0 };
	if (!check_name(name, out, e))
		return -1;
	res_path(&p, r, one_ns(c, ns), name, NULL);
	struct call k = { "GET", p.s, NULL, NULL, 0, NULL };
	int rc = call_json(c, &k, out, e);
	wfc_buf_free(&p);
	return rc;
}

static void list_query(struct wfc_buf *p, const struct wfc_kube_list_opts *o)
{
	if (!o)
		return;
	query(p, "labelSelector", o->label_selector);
	query(p, "fieldSelector", o->field_selector);
	query(p, "resourceVersion", o->resource_version);
	query_long(p, "limit", o->limit);
	query(p, "continue", o->continue_token);
}

int wfc_kube_list(struct wfc_kube *c, const struct wfc_kube_res *r, const char *ns,
		  const struct wfc_kube_list_opts *o, cJSON **out, struct wfc_kube_error *e)
{
	struct wfc_buf p = { 0 };
	res_path(&p, r, list_ns(c, ns), NULL, NULL);
	list_query(&p, o);
	struct call k = { "GET", p.s, NULL, NULL, 0,
			  o && o->metadata_only ? ACCEPT_PARTIAL_LIST : NULL };
	cJSON *l = NULL;
	/* most of each item is never read: cut before parsing */
	const struct wfc_json_keep page[] = { { "kind", NULL }, { "apiVersion", NULL },
					      { "metadata", NULL },
					      { "items", o ? o->keep : NULL }, { NULL, NULL } };
	int rc = call_json_kept(c, &k, o && o->keep ? page : NULL, &l, e);
	wfc_buf_free(&p);
	if (!rc) {
		/* no items (or null) is an empty list; anything else is no list */
		const cJSON *items = cJSON_GetObjectItemCaseSensitive(l, "items");
		if (!cJSON_IsObject(l) || (items && !cJSON_IsArray(items) && !cJSON_IsNull(items))) {
			set_error(e, WFC_KUBE_EBAD_RESPONSE, 200,
				  "list of '%s' is not a List with 'items'", r->resource);
			cJSON_Delete(l);
			return -1;
		}
		if (!cJSON_IsArray(items)) {
			cJSON_DeleteItemFromObjectCaseSensitive(l, "items");
			cJSON_AddArrayToObject(l, "items");
		}
	}
	if (out)
		*out = rc ? NULL : l;
	else
		cJSON_Delete(l);
	return rc;
}

static const char *meta_str(const cJSON *obj, const char *key)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(obj, "metadata");
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(m, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

int wfc_kube_list_all(struct wfc_kube *c, const struct wfc_kube_res *r, const char *ns,
		      const struct wfc_kube_list_opts *o, cJSON **out,
		      struct wfc_kube_error *e)
{
	struct wfc_kube_list_opts lo = { 0 };
	cJSON *all = NULL;
	char *token = NULL;

	if (o)
		lo = *o;
	if (lo.limit <= 0)
		lo.limit = 500;
	if (out)
		*out = NULL;
	for (;;) {
		cJSON *page = NULL;
		lo.continue_token = token;
		if (wfc_kube_list(c, r, ns, &lo, &page, e)) {
			if (e->kind == WFC_KUBE_EGONE && token) {
				/* the continue token expired: everything at once */
				cJSON_Delete(all);
				all = NULL;
				free(token);
				token = NULL;
				lo.limit = 0;
				continue;
			}
			goto err_out;
		}
		free(token);
		token = NULL;
		if (lo.trim) {
			cJSON *it;
			cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(page, "items"))
				lo.trim(it);
		}
		const char *cont = meta_str(page, "continue");
		if (cont && *cont)
			token = wfc_xstrdup(cont);
		if (!all) {
			all = page;
		} else {
			cJSON *items = cJSON_GetObjectItemCaseSensitive(all, "items");
			cJSON *more = cJSON_GetObjectItemCaseSensitive(page, "items");
			cJSON *it;
			while ((it = cJSON_DetachItemFromArray(more, 0)))
				cJSON_AddItemToArray(items, it);
			/* the last page's metadata (resourceVersion) */
			cJSON *m = cJSON_DetachItemFromObjectCaseSensitive(page, "metadata");
			if (m)
				cJSON_ReplaceItemInObjectCaseSensitive(all, "metadata", m);
			cJSON_Delete(page);
		}
		if (!token)
			break;
	}
	cJSON *m = cJSON_GetObjectItemCaseSensitive(all, "metadata");
	cJSON_DeleteItemFromObjectCaseSensitive(m, "continue");
	cJSON_DeleteItemFromObjectCaseSensitive(m, "remainingItemCount");
	if (out)
		*out = all;
	else
		cJSON_Delete(all);
	return 0;
err_out:
	free(token);
	cJSON_Delete(all);
	return -1;
}

int wfc_kube_create_object(struct wfc_kube *c, const struct wfc_kube_res *r,
			   const char *ns, const cJSON *obj, cJSON **out,
			   struct wfc_kube_error *e)
{
	struct wfc_buf p = { 0 };
	const char *ons = meta_str(obj, "namespace");
	res_path(&p, r, one_ns(c, ns ? ns : ons), NULL, NULL);
	query(&p, "fieldManager", c->field_manager);
	int rc = send_json(c, "POST", p.s, "application/json", obj, out, e);
	wfc_buf_free(&p);
	return rc;
}

int wfc_kube_apply(struct wfc_kube *c, const struct wfc_kube_res *r, const char *ns,
		   const cJSON *obj, bool force, cJSON **out, struct wfc_kube_error *e)
{
	const char *name = meta_str(obj, "name");
	struct wfc_buf p = { 0 };
	cJSON *copy = NULL;

	if (!check_name(name, out, e))
		return -1;
	/* apply needs apiVersion and kind in the body */
	if (!cJSON_GetObjectItemCaseSensitive(obj, "apiVersion") ||
	    !cJSON_GetObjectItemCaseSensitive(obj, "kind")) {
		struct wfc_buf av = { 0 };
		copy = cJSON_Duplicate(obj, true);
		if (r->group && *r->group)
			wfc_buf_printf(&av, "%s/%s", r->group, r->version);
		else
			wfc_buf_puts(&av, r->version);
		if (!cJSON_GetObjectItemCaseSensitive(copy, "apiVersion"))
			cJSON_AddStringToObject(copy, "apiVersion", av.s);
		if (!cJSON_GetObjectItemCaseSensitive(copy, "kind"))
			cJSON_AddStringToObject(copy, "kind", r->kind);
		wfc_buf_free(&av);
	}
	res_path(&p, r, one_ns(c, ns ? ns : meta_str(obj, "namespace")), name, NULL);
	query(&p, "fieldManager", c->field_manager);
	if (force)
		query(&p, "force", "true");
	int rc = send_json(c, "PATCH", p.s, "application/apply-patch+yaml",
			   copy ? copy : obj, out, e);
	cJSON_Delete(copy);
	wfc_buf_free(&p);
	return rc;
}

#define MERGE_PATCH "application/merge-patch+json"

/* The path a merge patch of name goes to (wfc_kube_merge_patch and
 * wfc_kube_merge_patch_start). */
static void merge_patch_path(const struct wfc_kube *c, const struct wfc_kube_res *r,
			     const char *ns, const char *name, const char *subresource,
			     struct wfc_buf *p)
{
	res_path(p, r, one_ns(c, ns), name, subresource);
	query(p, "fieldManager", c->field_manager);
}

int wfc_kube_merge_patch(struct wfc_kube *c, const struct wfc_kube_res *r,
			 const char *ns, const char *name, const char *subresource,
			 const cJSON *patch, cJSON **out, struct wfc_kube_error *e)
{
	struct wfc_buf p = { 0 };
	if (!check_name(name, out, e))
		return -1;
	merge_patch_path(c, r, ns, name, subresource, &p);
	int rc = send_json(c, "PATCH", p.s, MERGE_PATCH, patch, out, e);
	wfc_buf_free(&p);
	return rc;
}

/* --- asynchronous calls (kube.h) --- */

static void call_free(struct wfc_kube_call *k)
{
	if (k->hs)
		k->c->tp->ops->stream_close(k->c->tp, k->hs);
	free((char *)k->k.path);
	free((char *)k->k.body);
	free(k);
}

/* The body of a 2xx answer is not kept. */
static int call_data(void *ud, const char *p, size_t n)
{
	(void)ud;
	(void)p;
	(void)n;
	return 0;
}

static void call_done(void *ud, const struct wfc_http_response *rs)
{
	struct wfc_kube_call *k = ud;
	k->hs = NULL;
	k->c->calls_running--;
	long st = rs->status;
	if (st >= 200 && st < 300) {
		k->state = C_ENDED;
	} else if (st == 401 || retryable(rs)) {
		k->state = C_AGAIN;
	} else {
		error_from(&k->e, rs, k->k.method, k->k.path);
		k->state = C_ENDED;
	}
}

static void call_start(struct wfc_kube_call *k)
{
	struct wfc_kube *c = k->c;
	struct wfc_kube_creds cr;
	char err[512];
	if (wfc_kube_auth_get(c->auth, &cr, err, sizeof(err))) {
		k->state = C_AGAIN; /* the blocking call says why */
		return;
	}
	struct hdrs h;
	struct wfc_http_request rq = call_request(c, &k->k, &cr, &h);
	struct wfc_http_stream_cb cb = { call_data, call_done, k };
	k->e.attempts++;
	k->hs = c->tp->ops->stream_open(c->tp, &rq, &cb, err, sizeof(err));
	hdrs_clear(&h);
	if (!k->hs) {
		k->state = C_AGAIN;
		return;
	}
	k->state = C_RUNNING;
	c->calls_running++;
}

/* Whether dispatch has work for k now: a start, a blocking retry, done. */
static bool call_due(const struct wfc_kube *c, const struct wfc_kube_call *k)
{
	return k->state == C_AGAIN || k->state == C_ENDED ||
	       (k->state == C_QUEUED && c->calls_running < WFC_KUBE_CALLS_MAX);
}

/* Starts what has a slot, makes again what must be, and calls done for
 * what ended: from wfc_kube_dispatch. */
static void calls_run(struct wfc_kube *c)
{
	for (struct wfc_kube_call *k = c->calls; k; k = k->next) {
		if (k->state == C_QUEUED && call_due(c, k))
			call_start(k);
		if (k->state == C_AGAIN) {
			struct wfc_http_response rs;
			if (k->done && call_again(c, &k->k, k->e.attempts, &rs, &k->e) == 0) {
				wfc_http_response_clear(&rs);
				memset(&k->e, 0, sizeof(k->e));
			}
			k->state = C_ENDED;
		}
		if (k->state == C_ENDED) {
			k->state = C_DEAD;
			if (k->done)
				k->done(k->ud, k->e.kind == WFC_KUBE_OK ? NULL : &k->e);
		}
	}
}

static void calls_sweep(struct wfc_kube *c)
{
	for (struct wfc_kube_call **pp = &c->calls; *pp;) {
		struct wfc_kube_call *k = *pp;
		if (k->state == C_DEAD) {
			*pp = k->next;
			call_free(k);
		} else {
			pp = &k->next;
		}
	}
}

struct wfc_kube_call *wfc_kube_merge_patch_start(struct wfc_kube *c, const struct wfc_kube_res *r,
						 const char *ns, const char *name,
						 const cJSON *patch, wfc_kube_done_fn done,
						 void *ud, struct wfc_kube_error *e)
{
	if (!check_name(name, NULL, e))
		return NULL;
	struct wfc_kube_call *k = calloc(1, sizeof(*k));
	if (!k)
		abort();
	struct wfc_buf p = { 0 };
	merge_patch_path(c, r, ns, name, NULL, &p);
	char *body = cJSON_PrintUnformatted(patch);
	k->c = c;
	k->k = (struct call){ "PATCH", p.s, MERGE_PATCH, body, strlen(body), NULL };
	k->done = done;
	k->ud = ud;
	struct wfc_kube_call **pp = &c->calls;
	while (*pp)
		pp = &(*pp)->next;
	*pp = k;
	if (call_due(c, k))
		call_start(k);
	return k;
}

void wfc_kube_call_forget(struct wfc_kube_call *k)
{
	if (!k)
		return;
	k->done = NULL;
	/* a request on the wire ends as it will (its connection is kept) */
	if (k->state != C_RUNNING)
		k->state = C_DEAD;
}

int wfc_kube_delete(struct wfc_kube *c, const struct wfc_kube_res *r, const char *ns,
		    const char *name, const char *propagation, cJSON **out,
		    struct wfc_kube_error *e)
{
	struct wfc_buf p = { 0 };
	if (!check_name(name, out, e))
		return -1;
	res_path(&p, r, one_ns(c, ns), name, NULL);
	query(&p, "propagationPolicy", propagation);
	struct call k = { "DELETE", p.s, NULL, NULL, 0, NULL };
	int rc = call_json(c, &k, out, e);
	wfc_buf_free(&p);
	return rc;
}

/* --- discovery --- */

static const struct wfc_kube_res *gv_find(const struct gvcache *g, const char *kind)
{
	for (size_t i = 0; i < g->n; i++)
		if (!strcmp(g->res[i].kind, kind))
			return &g->res[i];
	return NULL;
}

int wfc_kube_resolve(struct wfc_kube *c, const char *api_version, const char *kind,
		     const struct wfc_kube_res **out, struct wfc_kube_error *e)
{
	const char *slash = api_version ? strchr(api_version, '/') : NULL;
	size_t glen = slash ? (size_t)(slash - api_version) : 0;
	const char *version = slash ? slash + 1 : api_version;
	struct gvcache *g;

	*out = NULL;
	memset(e, 0, sizeof(*e));
	if (!api_version || !*api_version || !version || !*version || !kind || !*kind) {
		set_error(e, WFC_KUBE_EUSAGE, 0, "an apiVersion and a kind are needed");
		return -1;
	}
	for (int i = 0; i < WFC_KUBE_BUILTIN_COUNT; i++) {
		const struct wfc_kube_res *b = &builtins[i];
		if (strlen(b->group) == glen && !strncmp(b->group, api_version, glen) &&
		    !strcmp(b->version, version) && !strcmp(b->kind, kind)) {
			*out = b;
			return 0;
		}
	}
	double t = now(c);
	for (g = c->gvs; g; g = g->next) {
		if (strcmp(g->gv, api_version))
			continue;
		if ((*out = gv_find(g, kind)))
			return 0;
		if (t - g->fetched_at < DISCOVERY_REFRESH_S)
			goto not_found;
		break;
	}

	struct wfc_buf p = { 0 };
	if (slash)
		wfc_buf_printf(&p, "/apis/%s", api_version);
	else
		wfc_buf_printf(&p, "/api/%s", api_version);
	struct call k = { "GET", p.s, NULL, NULL, 0, NULL };
	cJSON *doc = NULL;
	int rc = call_json(c, &k, &doc, e);
	wfc_buf_free(&p);
	if (rc) {
		if (e->kind == WFC_KUBE_ENOTFOUND)
			set_error(e, WFC_KUBE_ENOTFOUND, 404,
				  "the server does not serve '%s' (is its CustomResourceDefinition installed?)",
				  api_version);
		return -1;
	}
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, "resources");
	g = calloc(1, sizeof(*g));
	if (!g)
		abort();
	g->gv = wfc_xstrdup(api_version);
	g->doc = doc;
	g->fetched_at = t;
	g->res = wfc_xmalloc(((size_t)cJSON_GetArraySize(list) + 1) * sizeof(*g->res));
	char *group = wfc_xmalloc(glen + 1);
	memcpy(group, api_version, glen);
	group[glen] = '\0';
	/* the group and version strings live in the document too */
	cJSON *gs = cJSON_AddStringToObject(doc, "wfc.group", group);
	cJSON *vs = cJSON_AddStringToObject(doc, "wfc.version", version);
	free(group);
	const cJSON *it;
	cJSON_ArrayForEach(it, list) {
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(it, "name");
		const cJSON *kd = cJSON_GetObjectItemCaseSensitive(it, "kind");
		const cJSON *nsd = cJSON_GetObjectItemCaseSensitive(it, "namespaced");
		if (!cJSON_IsString(name) || !cJSON_IsString(kd) || strchr(name->valuestring, '/'))
			continue;  /* subresources: pods/log, jobs/status */
		g->res[g->n++] = (struct wfc_kube_res){
			gs->valuestring, vs->valuestring, name->valuestring, kd->valuestring,
			cJSON_IsTrue(nsd),
		};
	}
	g->next = c->gvs;
	c->gvs = g;  /* earlier entries stay: pointers handed out remain valid */
	if ((*out = gv_find(g, kind)))
		return 0;
not_found:
	set_error(e, WFC_KUBE_ENOTFOUND, 0, "the server has no kind '%s' in '%s'", kind,
		  api_version);
	return -1;
}

/* --- informers --- */

/* The cache's key of an object: "NAMESPACE/NAME" ("/NAME" cluster-wide);
 * built at every lookup, so without printf. */
static void put_key(struct wfc_buf *b, const char *ns, const char *name)
{
	wfc_buf_puts(b, ns ? ns : "");
	wfc_buf_putc(b, '/');
	wfc_buf_puts(b, name ? name : "");
}

static char *obj_key(const cJSON *obj)
{
	const char *name = meta_str(obj, "name");
	struct wfc_buf b = { 0 };
	if (!name)
		return NULL;
	put_key(&b, meta_str(obj, "namespace"), name);
	return b.s;
}

static void map_free(struct wfc_strmap *m)
{
	for (size_t i = 0; i < m->cap; i++) {
		struct centry *ce = m->slots[i].val;
		if (!m->slots[i].key || !ce)
			continue;
		cJSON_Delete(ce->obj);
		free(ce->key);
		free(ce);
	}
	wfc_strmap_free(m);
}

static struct centry *map_entry(struct wfc_strmap *m, char *key)
{
	struct centry *ce = wfc_strmap_get(m, key, strlen(key));
	if (ce) {
		free(key);
		return ce;
	}
	ce = calloc(1, sizeof(*ce));
	if (!ce)
		abort();
	ce->key = key;
	wfc_strmap_put(m, ce->key, strlen(ce->key), ce);
	return ce;
}

static void set_rv(struct wfc_kube_informer *inf, const char *rv)
{
	if (!rv || !*rv)
		return;
	free(inf->rv);
	inf->rv = wfc_xstrdup(rv);
}

static void report(struct wfc_kube_informer *inf, const struct wfc_kube_error *e)
{
	if (inf->cb.on_error && !inf->dead)
		inf->cb.on_error(inf->cb.ud, e);
}

static void schedule(struct wfc_kube_informer *inf, enum istate st, double wait)
{
	struct wfc_kube *c = inf->c;
	inf->state = st;
	inf->at = now(c) + wait;
}

static void schedule_backoff(struct wfc_kube_informer *inf, enum istate st, double ra)
{
	struct wfc_kube *c = inf->c;
	double wait = ra >= 0 ? ra : inf->delay;
	if (ra < 0)
		inf->delay = inf->delay * 2 < c->bmax ? inf->delay * 2 : c->bmax;
	schedule(inf, st, wait);
}

/* list again: at once, unless the last list was a moment ago (a server
 * answering 410 to every watch must not get a list in a tight loop) */
static void schedule_relist(struct wfc_kube_informer *inf)
{
	if (now(inf->c) - inf->listed_at < WATCH_MIN_LIFE_S)
		schedule_backoff(inf, I_RELIST, -1);
	else
		schedule(inf, I_RELIST, 0);
}

/* List (all pages), make the cache the list, tell the differences. */
static int informer_list(struct wfc_kube_informer *inf, struct wfc_kube_error *e)
{
	struct wfc_kube *c = inf->c;
	struct wfc_kube_list_opts lo = { .label_selector = inf->label, .field_selector = inf->field,
					 .limit = inf->page, .trim = inf->trim, .keep = inf->keep,
					 .metadata_only = inf->metadata_only };
	cJSON *list = NULL;

	if (wfc_kube_list_all(c, inf->r, inf->ns, &lo, &list, e))
		return -1;
	inf->lists++;
	inf->listed_at = now(c);
	struct wfc_strmap old = inf->map;
	memset(&inf->map, 0, sizeof(inf->map));
	cJSON *items = cJSON_GetObjectItemCaseSensitive(list, "items");
	size_t n = (size_t)cJSON_GetArraySize(items);
	struct centry **order = wfc_xmalloc((n + 1) * sizeof(*order));
	size_t no = 0;
	cJSON *it;
	while ((it = cJSON_DetachItemFromArray(items, 0))) {
		char *key = obj_key(it);
		if (!key) {
			cJSON_Delete(it);
			continue;
		}
		struct centry *ce = map_entry(&inf->map, key);
		struct centry *was = wfc_strmap_get(&old, ce->key, strlen(ce->key));
		if (ce->forgotten || (was && was->forgotten)) {
			ce->forgotten = true;
			cJSON_Delete(it);
			continue;
		}
		if (ce->obj)
			cJSON_Delete(ce->obj);  /* a name twice: the later wins */
		else
			order[no++] = ce;
		ce->obj = it;
	}
	set_rv(inf, meta_str(list, "resourceVersion"));
	cJSON_Delete(list);

	for (size_t i = 0; i < no && !inf->dead; i++) {
		struct centry *ce = order[i];
		struct centry *was = wfc_strmap_get(&old, ce->key, strlen(ce->key));
		if (!was || !was->obj) {
			if (inf->cb.on_event)
				inf->cb.on_event(inf->cb.ud, WFC_KUBE_ADDED, ce->obj);
			continue;
		}
		const char *a = meta_str(was->obj, "resourceVersion");
		const char *b = meta_str(ce->obj, "resourceVersion");
		if ((!a || !b || strcmp(a, b)) && inf->cb.on_event)
			inf->cb.on_event(inf->cb.ud, WFC_KUBE_MODIFIED, ce->obj);
	}
	for (size_t i = 0; i < old.cap && !inf->dead; i++) {
		struct centry *was = old.slots[i].val;
		if (!old.slots[i].key || !was || !was->obj)
			continue;
		if (!wfc_strmap_get(&inf->map, was->key, strlen(was->key)) && inf->cb.on_event)
			inf->cb.on_event(inf->cb.ud, WFC_KUBE_DELETED, was->obj);
	}
	free(order);
	map_free(&old);
	if (!inf->dead && inf->cb.on_synced)
		inf->cb.on_synced(inf->cb.ud);
	return 0;
}

static int informer_data(void *ud, const char *p, size_t n);
static void informer_done(void *ud, const struct wfc_http_response *rs);

static void informer_open(struct wfc_kube_informer *inf)
{
	struct wfc_kube *c = inf->c;
	struct wfc_kube_error e = { 0 };
	struct wfc_kube_creds cr;
	char err[512];

	if (wfc_kube_auth_get(c->auth, &cr, err, sizeof(err))) {
		set_error(&e, WFC_KUBE_EAUTH, 0, "%s", err);
		report(inf, &e);
		schedule_backoff(inf, I_RECONNECT, -1);
		return;
	}
	struct wfc_buf p = { 0 };
	res_path(&p, inf->r, inf->ns, NULL, NULL);
	query(&p, "watch", "1");
	query(&p, "allowWatchBookmarks", "true");
	query(&p, "resourceVersion", inf->rv);
	query_long(&p, "timeoutSeconds", inf->watch_timeout);
	query(&p, "labelSelector", inf->label);
	query(&p, "fieldSelector", inf->field);
	struct call k = { "GET", p.s, NULL, NULL, 0,
			  inf->metadata_only ? ACCEPT_PARTIAL : NULL };
	struct hdrs h;
	struct wfc_http_request rq = call_request(c, &k, &cr, &h);
	/* the server ends the watch after timeoutSeconds; this is for a
	 * connection that died without a word */
	rq.timeout_s = inf->watch_timeout + 60.0;
	struct wfc_http_stream_cb cb = { informer_data, informer_done, inf };
	wfc_buf_reset(&inf->line);
	inf->events = 0;
	inf->opened_at = now(c);
	inf->stream = c->tp->ops->stream_open(c->tp, &rq, &cb, err, sizeof(err));
	hdrs_clear(&h);
	wfc_buf_free(&p);
	if (!inf->stream) {
		set_error(&e, WFC_KUBE_ETRANSPORT, 0, "%s", err);
		report(inf, &e);
		schedule_backoff(inf, I_RECONNECT, -1);
		return;
	}
	inf->watches++;
	inf->state = I_WATCHING;
}

/* A watch event; 1 when the stream must end (state set for what next). */
/* Whether a watch event's text starts {"type":"ADDED" (or MODIFIED or
 * DELETED), spaces allowed. */
static bool event_has_object(const char *p, size_t len)
{
	static const char *const types[] = { "ADDED", "MODIFIED", "DELETED", NULL };
	const char *e = p + len;
	const char *want[] = { "{", "\"type\"", ":", "\"" };
	for (size_t i = 0; i < 4; i++) {
		while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
			p++;
		size_t n = strlen(want[i]);
		if ((size_t)(e - p) < n || memcmp(p, want[i], n) != 0)
			return false;
		p += n;
	}
	for (const char *const *t = types; *t; t++) {
		size_t n = strlen(*t);
		if ((size_t)(e - p) > n && memcmp(p, *t, n) == 0 && p[n] == '"')
			return true;
	}
	return false;
}

static int informer_event(struct wfc_kube_informer *inf, const char *line, size_t len)
{
	struct wfc_kube *c = inf->c;
	struct wfc_kube_error e = { 0 };
	cJSON *ev;
	/* most of a big object is never read: cut before parsing, unless it
	 * is an ERROR's Status (type comes first, as the API server writes
	 * an event) */
	const struct wfc_json_keep env[] = { { "type", NULL }, { "object", inf->keep },
					     { NULL, NULL } };
	ev = parse_kept(line, len, inf->keep && event_has_object(line, len) ? env : NULL,
			&inf->pruned);
	if (inf->pruned.cap > 64 * 1024)
		wfc_buf_free(&inf->pruned);
	const cJSON *type = cJSON_GetObjectItemCaseSensitive(ev, "type");
	cJSON *obj = cJSON_GetObjectItemCaseSensitive(ev, "object");
	int stop = 0;

	if (!cJSON_IsString(type) || !cJSON_IsObject(obj)) {
		set_error(&e, WFC_KUBE_EBAD_RESPONSE, 200,
			  "watch of '%s' sent something that is not an event", inf->r->resource);
		report(inf, &e);
		schedule_backoff(inf, I_RECONNECT, -1);
		stop = 1;
		goto out;
	}
	const char *t = type->valuestring;
	inf->events++;
	if (!strcmp(t, "ERROR")) {
		const cJSON *code = cJSON_GetObjectItemCaseSensitive(obj, "code");
		if (cJSON_IsNumber(code) && code->valueint == 410) {
			/* too old a resourceVersion: list again */
			schedule_relist(inf);
		} else {
			char *body = cJSON_PrintUnformatted(obj);
			struct wfc_http_response rs = {
				.status = cJSON_IsNumber(code) ? (long)code->valuedouble : 500,
				.body = body, .body_len = strlen(body), .retry_after_s = -1,
			};
			error_from(&e, &rs, "GET", "watch");
			free(body);
			report(inf, &e);
			schedule_backoff(inf, I_RECONNECT, -1);
		}
		stop = 1;
		goto out;
	}
	inf->delay = c->b0;  /* a working watch: backoff starts over */
	set_rv(inf, meta_str(obj, "resourceVersion"));
	if (!strcmp(t, "BOOKMARK"))
		goto out;
	if (inf->trim)
		inf->trim(obj);
	char *key = obj_key(obj);
	if (!key)
		goto out;
	struct centry *ce = map_entry(&inf->map, key);
	if (ce->forgotten) {
		/* the caller is done with it: only its end is news */
		if (!strcmp(t, "DELETED")) {
			ce->forgotten = false;
			if (inf->cb.on_event)
				inf->cb.on_event(inf->cb.ud, WFC_KUBE_DELETED, obj);
		}
	} else if (!strcmp(t, "DELETED")) {
		if (inf->cb.on_event)
			inf->cb.on_event(inf->cb.ud, WFC_KUBE_DELETED, obj);
		cJSON_Delete(ce->obj);
		ce->obj = NULL;
	} else if (!strcmp(t, "ADDED") || !strcmp(t, "MODIFIED")) {
		cJSON *was = ce->obj;
		ce->obj = cJSON_DetachItemFromObjectCaseSensitive(ev, "object");
		if (inf->cb.on_event)
			inf->cb.on_event(inf->cb.ud, was ? WFC_KUBE_MODIFIED : WFC_KUBE_ADDED,
					 ce->obj);
		cJSON_Delete(was);
	}
out:
	cJSON_Delete(ev);
	return stop || inf->dead;
}

static int informer_data(void *ud, const char *p, size_t n)
{
	struct wfc_kube_informer *inf = ud;
	if (inf->dead)
		return 1;
	inf->auth_retried = false;
	/* whole lines straight from the data; only a partial last line is
	 * kept, so that a burst of events is not copied, nor held after */
	size_t i = 0;
	if (inf->line.len) {
		const char *nl = memchr(p, '\n', n);
		wfc_buf_add(&inf->line, p, nl ? (size_t)(nl - p) : n);
		if (!nl)
			goto check;
		i = (size_t)(nl - p) + 1;
		int stop = informer_event(inf, inf->line.s, inf->line.len);
		wfc_buf_reset(&inf->line);
		if (inf->line.cap > 64 * 1024)
			wfc_buf_free(&inf->line);
		if (stop) {
			inf->stream = NULL;  /* the transport closes it */
			return 1;
		}
	}
	while (i < n) {
		const char *nl = memchr(p + i, '\n', n - i);
		if (!nl)
			break;
		size_t len = (size_t)(nl - (p + i));
		if (len && informer_event(inf, p + i, len)) {
			inf->stream = NULL;
			return 1;
		}
		i = (size_t)(nl - p) + 1;
	}
	if (i < n)
		wfc_buf_add(&inf->line, p + i, n - i);
check:
	if (inf->line.len > LINE_MAX_BYTES) {
		struct wfc_kube_error e = { 0 };
		set_error(&e, WFC_KUBE_EBAD_RESPONSE, 200,
			  "watch of '%s' sent an event larger than %zu bytes",
			  inf->r->resource, LINE_MAX_BYTES);
		report(inf, &e);
		schedule_backoff(inf, I_RECONNECT, -1);
		inf->stream = NULL;
		return 1;
	}
	return 0;
}

static void informer_done(void *ud, const struct wfc_http_response *rs)
{
	struct wfc_kube_informer *inf = ud;
	struct wfc_kube *c = inf->c;
	struct wfc_kube_error e = { 0 };

	inf->stream = NULL;
	if (inf->dead)
		return;
	if (rs->status >= 200 && rs->status < 300) {
		/* the server's timeout, or the connection ended: go on from rv */
		if (!inf->events && now(c) - inf->opened_at < WATCH_MIN_LIFE_S)
			schedule_backoff(inf, I_RECONNECT, -1);
		else
			schedule(inf, I_RECONNECT, 0);
		return;
	}
	if (rs->status == 410) {
		schedule_relist(inf);
		return;
	}
	if (rs->status == 401 && !inf->auth_retried && wfc_kube_auth_invalidate(c->auth)) {
		inf->auth_retried = true;
		schedule(inf, I_RECONNECT, 0);
		return;
	}
	error_from(&e, rs, "GET", "watch");
	e.attempts = 1;
	report(inf, &e);
	schedule_backoff(inf, I_RECONNECT, rs->retry_after_s);
}

static void informer_tick(struct wfc_kube_informer *inf, double t)
{
	if (inf->dead || inf->state == I_WATCHING || t < inf->at)
		return;
	if (inf->state == I_RELIST) {
		struct wfc_kube_error e;
		if (informer_list(inf, &e)) {
			report(inf, &e);
			schedule_backoff(inf, I_RELIST, -1);
			return;
		}
		if (inf->dead)
			return;
	}
	informer_open(inf);
}

struct wfc_kube_informer *wfc_kube_informer_create(struct wfc_kube *c,
						   const struct wfc_kube_res *r,
						   const struct wfc_kube_informer_opts *o,
						   const struct wfc_kube_informer_cb *cb,
						   struct wfc_kube_error *e)
{
	struct wfc_kube_informer_opts none = { 0 };
	struct wfc_kube_informer *inf = calloc(1, sizeof(*inf));

	if (!inf)
		abort();
	if (!o)
		o = &none;
	inf->c = c;
	inf->r = r;
	inf->ns = wfc_xstrdup(r->namespaced ? list_ns(c, o->namespace) : "");
	inf->label = o->label_selector ? wfc_xstrdup(o->label_selector) : NULL;
	inf->field = o->field_selector ? wfc_xstrdup(o->field_selector) : NULL;
	inf->page = o->page_size > 0 ? o->page_size : 500;
	inf->watch_timeout = o->watch_timeout_s > 0 ? o->watch_timeout_s : 300;
	inf->trim = o->trim;
	inf->keep = o->keep;
	inf->metadata_only = o->metadata_only;
	if (cb)
		inf->cb = *cb;
	inf->delay = c->b0;
	inf->state = I_RELIST;
	/* in the list from the start, and frees deferred, so that a
	 * callback of the first list may destroy it (or another) */
	inf->next = c->infs;
	c->infs = inf;
	c->depth++;
	int rc = informer_list(inf, e);
	if (!rc && !inf->dead)
		informer_open(inf);
	c->depth--;
	if (!rc && !inf->dead)
		return inf;
	if (!rc)
		memset(e, 0, sizeof(*e));  /* destroyed by its own callback */
	wfc_kube_informer_destroy(inf);
	return NULL;
}

static void informer_free(struct wfc_kube_informer *inf)
{
	if (inf->stream)
		inf->c->tp->ops->stream_close(inf->c->tp, inf->stream);
	map_free(&inf->map);
	wfc_buf_free(&inf->line);
	wfc_buf_free(&inf->pruned);
	free(inf->ns);
	free(inf->label);
	free(inf->field);
	free(inf->rv);
	free(inf);
}

void wfc_kube_informer_destroy(struct wfc_kube_informer *inf)
{
	if (!inf)
		return;
	struct wfc_kube *c = inf->c;
	if (inf->stream) {
		c->tp->ops->stream_close(c->tp, inf->stream);
		inf->stream = NULL;
	}
	inf->dead = true;
	if (c->depth)
		return;  /* freed at the end of dispatch */
	for (struct wfc_kube_informer **pp = &c->infs; *pp; pp = &(*pp)->next)
		if (*pp == inf) {
			*pp = inf->next;
			break;
		}
	informer_free(inf);
}

/* The entry of ns/name (ns NULL: the informer's), its key left in b. */
static struct centry *entry_of(const struct wfc_kube_informer *inf, const char *ns,
			       const char *name, struct wfc_buf *b)
{
	put_key(b, inf->r->namespaced ? (ns ? ns : inf->ns) : "", name);
	return wfc_strmap_get(&inf->map, b->s, b->len);
}

const cJSON *wfc_kube_informer_get(const struct wfc_kube_informer *inf,
				   const char *ns, const char *name)
{
	struct wfc_buf b = { 0 };
	struct centry *ce = entry_of(inf, ns, name, &b);
	wfc_buf_free(&b);
	return ce ? ce->obj : NULL;
}

void wfc_kube_informer_forget(struct wfc_kube_informer *inf, const char *ns, const char *name)
{
	struct wfc_buf b = { 0 };
	struct centry *ce = entry_of(inf, ns, name, &b);
	if (!ce) {
		ce = map_entry(&inf->map, b.s);
		b.s = NULL;
	}
	cJSON_Delete(ce->obj);
	ce->obj = NULL;
	ce->forgotten = true;
	wfc_buf_free(&b);
}

void wfc_kube_informer_restore(struct wfc_kube_informer *inf, cJSON *obj)
{
	char *key = obj_key(obj);
	if (!key) {
		cJSON_Delete(obj);
		return;
	}
	if (inf->trim)
		inf->trim(obj);
	struct centry *ce = map_entry(&inf->map, key);
	cJSON_Delete(ce->obj);
	ce->obj = obj;
	ce->forgotten = false;
}

bool wfc_kube_informer_forgotten(const struct wfc_kube_informer *inf, const char *ns,
				 const char *name)
{
	struct wfc_buf b = { 0 };
	struct centry *ce = entry_of(inf, ns, name, &b);
	wfc_buf_free(&b);
	return ce && ce->forgotten;
}

cJSON *wfc_kube_job_owner_ref(const char *name, const char *uid)
{
	cJSON *ref = cJSON_CreateObject();
	cJSON_AddStringToObject(ref, "apiVersion", "batch/v1");
	cJSON_AddStringToObject(ref, "kind", "Job");
	cJSON_AddStringToObject(ref, "name", name);
	cJSON_AddStringToObject(ref, "uid", uid);
	cJSON_AddBoolToObject(ref, "blockOwnerDeletion", true);
	return ref;
}

void wfc_kube_add_owner(cJSON *obj, const cJSON *ref)
{
	cJSON *meta = cJSON_GetObjectItemCaseSensitive(obj, "metadata");
	if (!cJSON_IsObject(meta)) {
		cJSON_DeleteItemFromObjectCaseSensitive(obj, "metadata");
		meta = cJSON_AddObjectToObject(obj, "metadata");
	}
	cJSON *refs = cJSON_GetObjectItemCaseSensitive(meta, "ownerReferences");
	if (!cJSON_IsArray(refs)) {
		cJSON_DeleteItemFromObjectCaseSensitive(meta, "ownerReferences");
		refs = cJSON_AddArrayToObject(meta, "ownerReferences");
	}
	cJSON_AddItemToArray(refs, cJSON_Duplicate(ref, true));
}

/* Deletes the members of obj whose names are not in keep (NULL-ended). */
void wfc_kube_keep_only(cJSON *obj, const char *const *keep)
{
	cJSON *it = obj ? obj->child : NULL;
	while (it) {
		cJSON *next = it->next;
		bool kept = false;
		for (const char *const *k = keep; *k && !kept; k++)
			kept = it->string && strcmp(it->string, *k) == 0;
		if (!kept)
			cJSON_Delete(cJSON_DetachItemViaPointer(obj, it));
		it = next;
	}
}

void wfc_kube_informer_foreach(const struct wfc_kube_informer *inf,
			       void (*fn)(void *ud, const cJSON *obj), void *ud)
{
	for (size_t i = 0; i < inf->map.cap; i++) {
		const struct centry *ce = inf->map.slots[i].val;
		if (inf->map.slots[i].key && ce && ce->obj)
			fn(ud, ce->obj);
	}
}

const char *wfc_kube_informer_resource_version(const struct wfc_kube_informer *inf)
{
	return inf->rv ? inf->rv : "";
}

unsigned wfc_kube_informer_lists(const struct wfc_kube_informer *inf)
{
	return inf->lists;
}

unsigned wfc_kube_informer_watches(const struct wfc_kube_informer *inf)
{
	return inf->watches;
}

/* --- logs --- */

static void log_path(struct wfc_kube *c, struct wfc_buf *p, const char *ns,
		     const char *pod, const struct wfc_kube_log_opts *o, bool follow)
{
	res_path(p, &builtins[WFC_KUBE_PODS], one_ns(c, ns), pod, "log");
	if (!o)
		return;
	query(p, "container", o->container);
	if (follow)
		query(p, "follow", "true");
	if (o->tail_lines < 0)
		query(p, "tailLines", "0");
	else
		query_long(p, "tailLines", o->tail_lines);
	query_long(p, "sinceSeconds", o->since_seconds);
	if (o->timestamps)
		query(p, "timestamps", "true");
}

int wfc_kube_log_read(struct wfc_kube *c, const char *ns, const char *pod,
		      const struct wfc_kube_log_opts *o, char **text, size_t *len,
		      struct wfc_kube_error *e)
{
	struct wfc_buf p = { 0 };
	struct wfc_http_response rs;

	*text = NULL;
	if (len)
		*len = 0;
	if (!check_name(pod, NULL, e))
		return -1;
	log_path(c, &p, ns, pod, o, false);
	struct call k = { "GET", p.s, NULL, NULL, 0, "*/*" };
	int rc = call_raw(c, &k, &rs, e);
	wfc_buf_free(&p);
	if (rc)
		return -1;
	*text = rs.body;
	if (len)
		*len = rs.body_len;
	rs.body = NULL;
	wfc_http_response_clear(&rs);
	return 0;
}

static int log_data(void *ud, const char *p, size_t n);
static void log_done(void *ud, const struct wfc_http_response *rs);

static void log_end(struct wfc_kube_stream *s, const struct wfc_kube_error *e)
{
	s->ended = true;
	s->waiting = false;
	if (s->cb.on_end && !s->dead)
		s->cb.on_end(s->cb.ud, e);
}

/* (Re)opens the log; a failure goes through log_done like any other. */
static void log_start(struct wfc_kube_stream *s)
{
	struct wfc_kube *c = s->c;
	struct wfc_kube_error e = { 0 };
	struct wfc_kube_creds cr;
	char err[512];

	s->waiting = false;
	if (wfc_kube_auth_get(c->auth, &cr, err, sizeof(err))) {
		set_error(&e, WFC_KUBE_EAUTH, 0, "%s", err);
		log_end(s, &e);
		return;
	}
	struct call k = { "GET", s->path, NULL, NULL, 0, "*/*" };
	struct hdrs h;
	struct wfc_http_request rq = call_request(c, &k, &cr, &h);
	rq.timeout_s = 0; /* a followed log lasts as long as its container */
	struct wfc_http_stream_cb cb = { log_data, log_done, s };
	s->hs = c->tp->ops->stream_open(c->tp, &rq, &cb, err, sizeof(err));
	hdrs_clear(&h);
	if (!s->hs) {
		struct wfc_http_response rs = { .status = 0, .retry_after_s = -1 };
		wfc_errf(rs.error, sizeof(rs.error), "%s", err);
		log_done(s, &rs);
	}
}

static int log_data(void *ud, const char *p, size_t n)
{
	struct wfc_kube_stream *s = ud;
	if (s->dead)
		return 1;
	s->got_data = true;
	if (s->cb.on_data && s->cb.on_data(s->cb.ud, p, n)) {
		s->ended = true;
		s->hs = NULL;
		return 1;
	}
	return s->dead;
}

static void log_done(void *ud, const struct wfc_http_response *rs)
{
	struct wfc_kube_stream *s = ud;
	struct wfc_kube *c = s->c;
	struct wfc_kube_error e = { 0 };

	s->hs = NULL;
	if (s->dead)
		return;
	if (rs->status >= 200 && rs->status < 300) {
		log_end(s, NULL);
		return;
	}
	if (!s->got_data) {
		if (rs->status == 401 && !s->auth_retried && wfc_kube_auth_invalidate(c->auth)) {
			s->auth_retried = true;
			s->waiting = true;
			s->at = now(c);
			return;
		}
		if (retryable(rs)) {
			bool ra = rs->retry_after_s >= 0;
			double wait = ra ? rs->retry_after_s : s->delay;
			if (now(c) - s->started + wait <= c->budget) {
				if (!ra)
					s->delay = s->delay * 2 < c->bmax ? s->delay * 2 : c->bmax;
				s->waiting = true;
				s->at = now(c) + wait;
				return;
			}
		}
	}
	error_from(&e, rs, "GET", s->path);
	log_end(s, &e);
}

struct wfc_kube_stream *wfc_kube_log_open(struct wfc_kube *c, const char *ns,
					  const char *pod,
					  const struct wfc_kube_log_opts *o,
					  const struct wfc_kube_stream_cb *cb,
					  struct wfc_kube_error *e)
{
	struct wfc_buf p = { 0 };
	if (!check_name(pod, NULL, e))
		return NULL;
	struct wfc_kube_stream *s = calloc(1, sizeof(*s));
	if (!s)
		abort();
	log_path(c, &p, ns, pod, o, o && o->follow);
	s->c = c;
	s->path = p.s;
	s->cb = *cb;
	s->started = now(c);
	s->delay = c->b0;
	s->next = c->streams;
	c->streams = s;
	memset(e, 0, sizeof(*e));
	/* opened from the event loop: every outcome comes through cb */
	s->waiting = true;
	s->at = s->started;
	return s;
}

static void stream_free(struct wfc_kube_stream *s)
{
	if (s->hs)
		s->c->tp->ops->stream_close(s->c->tp, s->hs);
	free(s->path);
	free(s);
}

void wfc_kube_stream_close(struct wfc_kube_stream *s)
{
	if (!s)
		return;
	struct wfc_kube *c = s->c;
	if (s->hs) {
		c->tp->ops->stream_close(c->tp, s->hs);
		s->hs = NULL;
	}
	s->dead = true;
	if (c->depth)
		return;
	for (struct wfc_kube_stream **pp = &c->streams; *pp; pp = &(*pp)->next)
		if (*pp == s) {
			*pp = s->next;
			break;
		}
	stream_free(s);
}

/* --- the event loop --- */

int wfc_kube_pollfds(struct wfc_kube *c, struct pollfd *fds, int max, int *timeout_ms)
{
	int to = -1;
	int n = c->tp->ops->pollfds(c->tp, fds, max, &to);
	double t = now(c), next = -1;

	for (struct wfc_kube_informer *inf = c->infs; inf; inf = inf->next)
		if (!inf->dead && inf->state != I_WATCHING)
			if (next < 0 || inf->at < next)
				next = inf->at;
	for (struct wfc_kube_stream *s = c->streams; s; s = s->next)
		if (!s->dead && s->waiting)
			if (next < 0 || s->at < next)
				next = s->at;
	for (struct wfc_kube_call *k = c->calls; k; k = k->next)
		if (call_due(c, k))
			next = t;
	if (next >= 0) {
		double ms = (next - t) * 1000;
		int w = ms <= 0 ? 0 : ms > 86400000 ? 86400000 : (int)ms + 1;
		if (to < 0 || w < to)
			to = w;
	}
	*timeout_ms = to;
	return n;
}

void wfc_kube_dispatch(struct wfc_kube *c, const struct pollfd *fds, int n)
{
	c->depth++;
	c->tp->ops->dispatch(c->tp, fds, n);
	double t = now(c);
	for (struct wfc_kube_informer *inf = c->infs; inf; inf = inf->next)
		informer_tick(inf, t);
	for (struct wfc_kube_stream *s = c->streams; s; s = s->next)
		if (!s->dead && s->waiting && t >= s->at)
			log_start(s);
	calls_run(c);
	if (--c->depth)
		return;
	calls_sweep(c);
	for (struct wfc_kube_informer **pp = &c->infs; *pp;) {
		struct wfc_kube_informer *inf = *pp;
		if (inf->dead) {
			*pp = inf->next;
			informer_free(inf);
		} else {
			pp = &inf->next;
		}
	}
	for (struct wfc_kube_stream **pp = &c->streams; *pp;) {
		struct wfc_kube_stream *s = *pp;
		if (s->dead) {
			*pp = s->next;
			stream_free(s);
		} else {
			pp = &s->next;
		}
	}
}

void wfc_kube_step(struct wfc_kube *c, int timeout_ms)
{
	int to, n;
	for (;;) {
		n = wfc_kube_pollfds(c, c->fds, c->fds_cap, &to);
		if (n <= c->fds_cap)
			break;
		c->fds_cap = n + 8;
		c->fds = wfc_xrealloc(c->fds, (size_t)c->fds_cap * sizeof(*c->fds));
	}
	if (timeout_ms >= 0 && (to < 0 || timeout_ms < to))
		to = timeout_ms;
	if (n == 0 && to < 0)
		return;  /* nothing open, nothing due: nothing can happen */
	if (n > 0 || to != 0) {
		int r = poll(c->fds, (nfds_t)n, to);
		if (r < 0 && errno != EINTR)
			n = 0;
	}
	wfc_kube_dispatch(c, c->fds, n);
}
