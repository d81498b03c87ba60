/* The objects of a run on the cluster (runtime/kube_run.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/kube_run.h"
#include "runtime/kube_store.h"
#include "support/buf.h"
#include "support/strmap.h"
#include "support/text.h"
#include "support/xalloc.h"

static const cJSON *item(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

static const char *str_of(const cJSON *v)
{
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

const char *wfc_kobj_name(const cJSON *obj)
{
	return str_of(item(item(obj, "metadata"), "name"));
}

const char *wfc_kobj_label(const cJSON *obj, const char *key)
{
	return str_of(item(item(item(obj, "metadata"), "labels"), key));
}

const char *wfc_kobj_annotation(const cJSON *obj, const char *key)
{
	return str_of(item(item(item(obj, "metadata"), "annotations"), key));
}

double wfc_kobj_created(const cJSON *obj)
{
	double t = 0;
	const char *s = str_of(item(item(obj, "metadata"), "creationTimestamp"));
	if (!s || wfc_rfc3339_parse(s, &t) != 0)
		return 0;
	return t;
}

const char *wfc_kobj_str(const cJSON *obj, ...)
{
	va_list ap;
	va_start(ap, obj);
	const char *k;
	while ((k = va_arg(ap, const char *)) != NULL)
		obj = item(obj, k);
	va_end(ap);
	return str_of(obj);
}

bool wfc_is_dns_label(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > 63 || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		      s[i] == '-'))
			return false;
	return true;
}

char *wfc_run_label(struct wfc_kube *c, const char *ns, const char *run,
		    struct wfc_kube_error *e)
{
	memset(e, 0, sizeof(*e));
	if (wfc_is_dns_label(run))
		return wfc_xstrdup(run);
	/* a longer name was cut to fit: its ConfigMaps know the label */
	char *names[2] = { wfc_store_status_name(run), wfc_store_plan_name(run) };
	char *label = NULL;
	for (int i = 0; i < 2 && !label; i++) {
		cJSON *cm = NULL;
		if (wfc_kube_get(c, wfc_kube_builtin(WFC_KUBE_CONFIGMAPS), ns, names[i], &cm,
				 e) == 0) {
			const char *l = wfc_kobj_label(cm, WFC_LABEL_WORKFLOW);
			if (l)
				label = wfc_xstrdup(l);
			cJSON_Delete(cm);
		} else if (e->kind != WFC_KUBE_ENOTFOUND) {
			break;
		}
	}
	if (!label && (e->kind == WFC_KUBE_OK || e->kind == WFC_KUBE_ENOTFOUND)) {
		e->kind = WFC_KUBE_ENOTFOUND;
		snprintf(e->message, sizeof(e->message), "no ConfigMap '%s' or '%s' names its label",
			 names[0], names[1]);
	}
	free(names[0]);
	free(names[1]);
	return label;
}

char *wfc_run_selector(const char *label)
{
	struct wfc_buf b = { 0 };
	if (label)
		wfc_buf_printf(&b, "%s=%s", WFC_LABEL_WORKFLOW, label);
	else
		wfc_buf_puts(&b, WFC_LABEL_WORKFLOW);
	wfc_buf_str(&b);
	return b.s;
}

int wfc_run_list(struct wfc_kube *c, enum wfc_kube_builtin b, const char *ns,
		 const char *label, cJSON **items, struct wfc_kube_error *e)
{
	char *sel = wfc_run_selector(label);
	struct wfc_kube_list_opts o = { .label_selector = sel };
	cJSON *list = NULL;
	*items = NULL;
	int rc = wfc_kube_list_all(c, wfc_kube_builtin(b), ns, &o, &list, e);
	free(sel);
	if (rc != 0)
		return -1;
	cJSON *it = cJSON_DetachItemFromObjectCaseSensitive(list, "items");
	cJSON_Delete(list);
	if (!cJSON_IsArray(it)) {
		cJSON_Delete(it);
		it = cJSON_CreateArray();
	}
	*items = it;
	return 0;
}

int wfc_run_status_read(struct wfc_kube *c, const char *ns, const char *run, char **text,
			cJSON **wf, struct wfc_kube_error *e, char *err, size_t errlen)
{
	char *base = wfc_store_status_name(run);
	char *t = NULL;
	if (text)
		*text = NULL;
	if (wf)
		*wf = NULL;
	memset(e, 0, sizeof(*e));
	int rc = wfc_store_read(c, ns, base, WFC_STATUS_KEY, &t, e, err, errlen);
	if (rc == 0 && wf) {
		*wf = cJSON_Parse(t);
		if (!cJSON_IsObject(*wf)) {
			wfc_errf(err, errlen, "ConfigMap '%s' holds no Workflow under '%s': not a JSON object",
				 base, WFC_STATUS_KEY);
			e->kind = WFC_KUBE_EBAD_RESPONSE;
			cJSON_Delete(*wf);
			*wf = NULL;
			rc = -1;
		}
	}
	free(base);
	if (rc == 0 && text)
		*text = t;
	else
		free(t);
	return rc;
}

bool wfc_run_phase_done(const char *phase)
{
	return phase && (!strcmp(phase, "Succeeded") || !strcmp(phase, "Failed") ||
			 !strcmp(phase, "Error"));
}

const char *wfc_run_pod_job(const cJSON *pod)
{
	const char *j = wfc_kobj_label(pod, "batch.kubernetes.io/job-name");
	if (!j)
		j = wfc_kobj_label(pod, "job-name");
	if (!j)
		j = wfc_kobj_label(pod, WFC_LABEL_NODE);
	return j;
}

bool wfc_run_is_coordinator(const cJSON *obj)
{
	const char *r = wfc_kobj_label(obj, WFC_LABEL_ROLE);
	return r && !strcmp(r, WFC_ROLE_COORDINATOR);
}

/* ---- the index ---- */

/* The Jobs of one node name, or the pods of one Job. */
struct group {
	const cJSON **v;
	size_t n;
};

struct wfc_run_index {
	struct wfc_strmap jobs;       /* name -> Job */
	struct wfc_strmap by_node;    /* node name -> struct group of Jobs */
	struct wfc_strmap pods;       /* Job name -> struct group of pods */
	struct group **groups;        /* to free */
	size_t ngroups;
};

static void group_add(struct wfc_run_index *x, struct wfc_strmap *m, const char *key,
		      const cJSON *obj)
{
	struct group *g = wfc_strmap_get(m, key, strlen(key));
	if (!g) {
		g = calloc(1, sizeof(*g));
		if (!g)
			abort();
		wfc_strmap_put(m, key, strlen(key), g);
		x->groups = wfc_xrealloc(x->groups, (x->ngroups + 1) * sizeof(*x->groups));
		x->groups[x->ngroups++] = g;
	}
	g->v = wfc_xrealloc(g->v, (g->n + 1) * sizeof(*g->v));
	g->v[g->n++] = obj;
}

static int by_creation(const void *a, const void *b)
{
	const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;
	double tx = wfc_kobj_created(x), ty = wfc_kobj_created(y);
	if (tx != ty)
		return tx < ty ? -1 : 1;
	return strcmp(wfc_kobj_name(x), wfc_kobj_name(y));
}

struct wfc_run_index *wfc_run_index_create(const cJSON *jobs, const cJSON *pods)
{
	struct wfc_run_index *x = calloc(1, sizeof(*x));
	if (!x)
		abort();
	const cJSON *o;
	cJSON_ArrayForEach(o, jobs) {
		const char *name = wfc_kobj_name(o);
		if (!name)
			continue;
		wfc_strmap_put(&x->jobs, name, strlen(name), (void *)o);
		const char *node = wfc_kobj_annotation(o, WFC_ANN_NODE_NAME);
		if (node)
			group_add(x, &x->by_node, node, o);
	}
	cJSON_ArrayForEach(o, pods) {
		const char *job = wfc_run_pod_job(o);
		if (job && wfc_kobj_name(o))
			group_add(x, &x->pods, job, o);
	}
	/* a node's Jobs (and a Job's pods) in the order they were made */
	for (size_t i = 0; i < x->ngroups; i++)
		if (x->groups[i]->n > 1)
			qsort(x->groups[i]->v, x->groups[i]->n, sizeof(*x->groups[i]->v),
			      by_creation);
	return x;
}

void wfc_run_index_destroy(struct wfc_run_index *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->ngroups; i++) {
		free(x->groups[i]->v);
		free(x->groups[i]);
	}
	free(x->groups);
	wfc_strmap_free(&x->jobs);
	wfc_strmap_free(&x->by_node);
	wfc_strmap_free(&x->pods);
	free(x);
}

const cJSON *wfc_run_index_job(const struct wfc_run_index *x, const char *name)
{
	return name ? wfc_strmap_get(&x->jobs, name, strlen(name)) : NULL;
}

const cJSON *wfc_run_index_node_job(const struct wfc_run_index *x, const char *node, size_t k)
{
	const struct group *g = node ? wfc_strmap_get(&x->by_node, node, strlen(node)) : NULL;
	return g && k < g->n ? g->v[k] : NULL;
}

const cJSON *wfc_run_index_job_pod(const struct wfc_run_index *x, const char *job)
{
	const struct group *g = job ? wfc_strmap_get(&x->pods, job, strlen(job)) : NULL;
	const cJSON *best = NULL;
	double best_t = -1;
	for (size_t i = 0; g && i < g->n; i++) {
		double t = wfc_kobj_created(g->v[i]);
		if (!best || t > best_t ||
		    (t == best_t && strcmp(wfc_kobj_name(g->v[i]), wfc_kobj_name(best)) > 0)) {
			best = g->v[i];
			best_t = t;
		}
	}
	return best;
}

const cJSON *wfc_run_index_node_pod(const struct wfc_run_index *x, const char *node)
{
	const cJSON *job = wfc_run_index_node_job(x, node, 0);
	if (!job && node) {
		/* "X(k)": the k-th attempt of X */
		size_t n = strlen(node);
		const char *open = n > 3 && node[n - 1] == ')' ? strrchr(node, '(') : NULL;
		char *end = NULL;
		long k = open && open[1] >= '0' && open[1] <= '9' ? strtol(open + 1, &end, 10) : -1;
		if (k >= 0 && end == node + n - 1) {
			char *base = wfc_xmalloc((size_t)(open - node) + 1);
			memcpy(base, node, (size_t)(open - node));
			base[open - node] = 0;
			job = wfc_run_index_node_job(x, base, (size_t)k);
			free(base);
		}
	}
	return job ? wfc_run_index_job_pod(x, wfc_kobj_name(job)) : NULL;
}

const char *wfc_run_index_pod_node(const struct wfc_run_index *x, const cJSON *pod)
{
	const cJSON *job = wfc_run_index_job(x, wfc_run_pod_job(pod));
	return job ? wfc_kobj_annotation(job, WFC_ANN_NODE_NAME) : NULL;
}

const char *wfc_run_display_name(const char *name)
{
	const char *last = name;
	int depth = 0;
	for (const char *p = name; *p; p++) {
		if (*p == '[' || *p == '(')
			depth++;
		else if ((*p == ']' || *p == ')') && depth > 0)
			depth--;
		else if (*p == '.' && depth == 0)
			last = p + 1;
	}
	return last;
}

/* ---- delete ---- */

/* In the order they go: nothing new is started once the coordinator and
 * the CronJobs are gone. */
static const enum wfc_kube_builtin delete_order[] = {
	WFC_KUBE_JOBS,          /* the coordinator's only: see below */
	WFC_KUBE_CRONJOBS,
	WFC_KUBE_JOBS,
	WFC_KUBE_PODS,
	WFC_KUBE_SERVICES,
	WFC_KUBE_PVCS,
	WFC_KUBE_CONFIGMAPS,
	WFC_KUBE_LEASES,
	WFC_KUBE_ROLEBINDINGS,
	WFC_KUBE_ROLES,
	WFC_KUBE_SERVICEACCOUNTS,
};

long wfc_run_delete(struct wfc_kube *c, const char *ns, const char *label,
		    wfc_run_deleted_fn fn, void *ud, struct wfc_kube_error *e)
{
	long count = 0;
	memset(e, 0, sizeof(*e));
	for (size_t i = 0; i < sizeof(delete_order) / sizeof(delete_order[0]); i++) {
		enum wfc_kube_builtin b = delete_order[i];
		const struct wfc_kube_res *r = wfc_kube_builtin(b);
		bool coordinator_only = i == 0;
		cJSON *items = NULL;
		if (wfc_run_list(c, b, ns, label, &items, e) != 0)
			return -1;
		const cJSON *o;
		cJSON_ArrayForEach(o, items) {
			const char *name = wfc_kobj_name(o);
			if (!name)
				continue;
			if (b == WFC_KUBE_JOBS && wfc_run_is_coordinator(o) != coordinator_only)
				continue;
			/* a pod whose Job went just before is the garbage
			 * collector's already */
			if (b == WFC_KUBE_PODS && item(item(o, "metadata"), "deletionTimestamp"))
				continue;
			/* batch/v1 orphans the pods by default */
			const char *prop = b == WFC_KUBE_JOBS || b == WFC_KUBE_CRONJOBS
					   ? "Background" : NULL;
			struct wfc_kube_error de;
			if (wfc_kube_delete(c, r, ns, name, prop, NULL, &de) != 0) {
				if (de.kind == WFC_KUBE_ENOTFOUND)
					continue;
				*e = de;
				cJSON_Delete(items);
				return -1;
			}
			count++;
			if (fn)
				fn(ud, r, name);
		}
		cJSON_Delete(items);
	}
	return count;
}

/* ---- every run ---- */

static const enum wfc_kube_builtin run_kinds[] = {
	WFC_KUBE_CONFIGMAPS, WFC_KUBE_JOBS, WFC_KUBE_CRONJOBS, WFC_KUBE_PODS,
	WFC_KUBE_SERVICES, WFC_KUBE_PVCS, WFC_KUBE_LEASES, WFC_KUBE_ROLEBINDINGS,
	WFC_KUBE_ROLES, WFC_KUBE_SERVICEACCOUNTS,
};

/* "NAME" of a ConfigMap "NAME-status" or "NAME-plan", or NULL. */
static char *run_of_configmap(const char *cm)
{
	static const char *const suffixes[] = { "-status", "-plan" };
	size_t n = strlen(cm);
	for (size_t i = 0; i < 2; i++) {
		size_t k = strlen(suffixes[i]);
		if (n > k && !strcmp(cm + n - k, suffixes[i])) {
			char *s = wfc_xmalloc(n - k + 1);
			memcpy(s, cm, n - k);
			s[n - k] = 0;
			return s;
		}
	}
	return NULL;
}

int wfc_run_find_all(struct wfc_kube *c, const char *ns, struct wfc_run_ref **runs,
		     size_t *n, struct wfc_kube_error *e)
{
	struct wfc_run_ref *v = NULL;
	size_t k = 0;
	*runs = NULL;
	*n = 0;
	for (size_t i = 0; i < sizeof(run_kinds) / sizeof(run_kinds[0]); i++) {
		cJSON *items = NULL;
		if (wfc_run_list(c, run_kinds[i], ns, NULL, &items, e) != 0) {
			wfc_run_refs_free(v, k);
			return -1;
		}
		const cJSON *o;
		cJSON_ArrayForEach(o, items) {
			const char *label = wfc_kobj_label(o, WFC_LABEL_WORKFLOW);
			if (!label || !*label)
				continue;
			size_t j = 0;
			while (j < k && strcmp(v[j].label, label))
				j++;
			if (j == k) {
				v = wfc_xrealloc(v, (k + 1) * sizeof(*v));
				v[k].label = wfc_xstrdup(label);
				v[k].name = NULL;
				k++;
			}
			if (!v[j].name && run_kinds[i] == WFC_KUBE_CONFIGMAPS) {
				char *run = run_of_configmap(wfc_kobj_name(o));
				char *fitted = run ? wfc_run_label(c, ns, run, &(struct wfc_kube_error){ 0 })
						   : NULL;
				/* a ConfigMap of the run, not one that merely ends so */
				if (fitted && !strcmp(fitted, label))
					v[j].name = run;
				else
					free(run);
				free(fitted);
			}
		}
		cJSON_Delete(items);
	}
	for (size_t j = 0; j < k; j++)
		if (!v[j].name)
			v[j].name = wfc_xstrdup(v[j].label);
	*runs = v;
	*n = k;
	return 0;
}

void wfc_run_refs_free(struct wfc_run_ref *runs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(runs[i].label);
		free(runs[i].name);
	}
	free(runs);
}
