/* Jobs the coordinator makes itself (runtime/jobtmpl.h): prototypes and
 * lazy nodes of the plan rendered into Jobs, and attempts cloned from a
 * Job read back from the cluster. Every value goes in as a cJSON string:
 * no text is pasted into JSON, so no value can change a Job's structure. */
#include "runtime/jobtmpl.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/buf.h"
#include "support/text.h"
#include "support/xalloc.h"

struct render {
	const char *job, *node;
	wfc_rt_tag_fn lookup;
	void *user;
	char *err;
	size_t errlen;
};

/* Where a string is in the template, for messages. */
struct path {
	const struct path *up;
	const char *key;  /* NULL: an array item */
	int index;
};

static void path_text(struct wfc_buf *b, const struct path *p)
{
	if (!p)
		return;
	path_text(b, p->up);
	if (p->key)
		wfc_buf_printf(b, "%s%s", b->len ? "." : "", p->key);
	else
		wfc_buf_printf(b, "[%d]", p->index);
}

static void fail(struct render *r, const struct path *at, const char *fmt, const char *tag)
{
	struct wfc_buf where = { 0 };
	path_text(&where, at);
	char msg[512];
	snprintf(msg, sizeof(msg), fmt, tag);
	if (where.len)
		wfc_errf(r->err, r->errlen, "%s in '%s'", msg, where.s);
	else
		wfc_errf(r->err, r->errlen, "%s", msg);
	wfc_buf_free(&where);
}

/* The value of one tag (malloc'd), or NULL after a message. */
static char *tag_value(struct render *r, const char *tag, const struct path *at)
{
	if (strncmp(tag, "wfc.", 4) == 0) {
		const char *v = strcmp(tag, "wfc.job") == 0 ? r->job
				: strcmp(tag, "wfc.node") == 0 ? r->node
				: strcmp(tag, "wfc.lbrace") == 0 ? "{" : NULL;
		if (v)
			return wfc_xstrdup(v);
		bool known = strcmp(tag, "wfc.job") == 0 || strcmp(tag, "wfc.node") == 0;
		fail(r, at, known ? "no value for the placeholder {{%s}}"
			     : "unknown placeholder {{%s}}", tag);
		return NULL;
	}
	char *v = NULL;
	if (!r->lookup || r->lookup(r->user, tag, &v) != 0 || !v) {
		free(v);
		fail(r, at, "failed to resolve {{%s}}", tag);
		return NULL;
	}
	return v;
}

/* text with every tag filled (malloc'd), or NULL after a message. */
static char *fill(struct render *r, const char *text, const struct path *at)
{
	struct wfc_buf b = { 0 };
	const char *q = text;
	for (;;) {
		const char *open, *close;
		if (!wfc_tag_find(q, &open, &close)) {
			wfc_buf_puts(&b, q);
			break;
		}
		wfc_buf_add(&b, q, (size_t)(open - q));
		const char *x = open + 2, *y = close;
		while (x < y && (*x == ' ' || *x == '\t'))
			x++;
		while (y > x && (y[-1] == ' ' || y[-1] == '\t'))
			y--;
		char *tag = wfc_xmalloc((size_t)(y - x) + 1);
		memcpy(tag, x, (size_t)(y - x));
		tag[y - x] = '\0';
		char *v = tag_value(r, tag, at);
		free(tag);
		if (!v) {
			wfc_buf_free(&b);
			return NULL;
		}
		wfc_buf_puts(&b, v);
		free(v);
		q = close + 2;
	}
	char *s = wfc_xstrdup(wfc_buf_str(&b));
	wfc_buf_free(&b);
	return s;
}

/* Fills the strings of j in place. */
static bool fill_tree(struct render *r, cJSON *j, const struct path *at)
{
	if (cJSON_IsString(j) && j->valuestring && strstr(j->valuestring, "{{")) {
		char *s = fill(r, j->valuestring, at);
		if (!s)
			return false;
		bool ok = cJSON_SetValuestring(j, s) != NULL;
		free(s);
		if (!ok)
			wfc_errf(r->err, r->errlen, "out of memory rendering a template");
		return ok;
	}
	int i = 0;
	for (cJSON *c = j->child; c; c = c->next, i++) {
		struct path p = { .up = at, .key = cJSON_IsObject(j) ? c->string : NULL,
				  .index = i };
		if (!fill_tree(r, c, &p))
			return false;
	}
	return true;
}

cJSON *wfc_rt_render(const cJSON *tmpl, const char *job_name, const char *node_name,
		     wfc_rt_tag_fn lookup, void *user, char *err, size_t errlen)
{
	struct render r = { .job = job_name, .node = node_name, .lookup = lookup, .user = user,
			    .err = err, .errlen = errlen };
	if (!tmpl) {
		wfc_errf(err, errlen, "no template to render");
		return NULL;
	}
	cJSON *j = cJSON_Duplicate(tmpl, true);
	if (!j) {
		wfc_errf(err, errlen, "out of memory copying the template");
		return NULL;
	}
	if (!fill_tree(&r, j, NULL)) {
		cJSON_Delete(j);
		return NULL;
	}
	return j;
}

char *wfc_rt_render_text(const char *text, const char *job_name, const char *node_name,
			 wfc_rt_tag_fn lookup, void *user, char *err, size_t errlen)
{
	struct render r = { .job = job_name, .node = node_name, .lookup = lookup, .user = user,
			    .err = err, .errlen = errlen };
	return fill(&r, text ? text : "", NULL);
}

static cJSON *get(const cJSON *o, const char *k)
{
	return cJSON_GetObjectItemCaseSensitive(o, k);
}

/* spec.activeDeadlineSeconds of job from a prototype's "deadline". */
static bool apply_deadline(cJSON *job, const cJSON *dl, struct render *r)
{
	const cJSON *ads = get(dl, "activeDeadlineSeconds"), *to = get(dl, "timeout");
	char *a = NULL, *t = NULL;
	struct path pa = { .key = "deadline" }, pads = { .up = &pa, .key = "activeDeadlineSeconds" },
		    pto = { .up = &pa, .key = "timeout" };
	bool ok = true;
	if (cJSON_IsString(ads) && !(a = fill(r, ads->valuestring, &pads)))
		ok = false;
	if (ok && cJSON_IsString(to) && !(t = fill(r, to->valuestring, &pto)))
		ok = false;
	double sec;
	if (ok && a && !wfc_is_int_text(a, true)) {
		wfc_errf(r->err, r->errlen,
			 "activeDeadlineSeconds '%s' of the template is not a whole number of seconds", a);
		ok = false;
	}
	if (ok && t && !wfc_parse_go_duration(t, &sec)) {
		wfc_errf(r->err, r->errlen,
			 "timeout '%s' of the template is not a duration (such as '30s', '2m', '1h')", t);
		ok = false;
	}
	if (ok) {
		cJSON *spec = get(job, "spec");
		long s = wfc_deadline_seconds(a, t);
		cJSON_DeleteItemFromObjectCaseSensitive(spec, "activeDeadlineSeconds");
		if (s > 0 && cJSON_IsObject(spec)) {
			/* where an eager Job has it: after backoffLimit (the fields after
			 * it move behind; an object's items are a list, keys kept) */
			cJSON *bl = get(spec, "backoffLimit");
			cJSON *rest = cJSON_CreateArray();
			while (bl && bl->next)
				cJSON_AddItemToArray(rest, cJSON_DetachItemViaPointer(spec, bl->next));
			cJSON_AddNumberToObject(spec, "activeDeadlineSeconds", (double)s);
			while (rest->child)
				cJSON_AddItemToArray(spec, cJSON_DetachItemViaPointer(rest, rest->child));
			cJSON_Delete(rest);
		}
	}
	free(a);
	free(t);
	return ok;
}

cJSON *wfc_rt_job_render(const cJSON *entry, const char *job_name, const char *node_name,
			 wfc_rt_tag_fn lookup, void *user, char **script, char *err,
			 size_t errlen)
{
	struct render r = { .job = job_name, .node = node_name, .lookup = lookup, .user = user,
			    .err = err, .errlen = errlen };
	if (script)
		*script = NULL;
	const cJSON *tmpl = get(entry, "job");
	if (!cJSON_IsObject(tmpl)) {
		wfc_errf(err, errlen, "the job template has no 'job' object");
		return NULL;
	}
	cJSON *job = cJSON_Duplicate(tmpl, true);
	struct path at = { .key = "job" };
	if (!job || !fill_tree(&r, job, &at))
		goto err_out;
	const cJSON *dl = get(entry, "deadline");
	if (cJSON_IsObject(dl) && !apply_deadline(job, dl, &r))
		goto err_out;
	const cJSON *src = get(entry, "script");
	if (script && cJSON_IsString(src)) {
		struct path ps = { .key = "script" };
		if (!(*script = fill(&r, src->valuestring, &ps)))
			goto err_out;
	}
	return job;
err_out:
	cJSON_Delete(job);
	return NULL;
}

cJSON *wfc_rt_node_job(const cJSON *node, char *err, size_t errlen)
{
	const cJSON *name = get(node, "name");
	const char *shown = cJSON_IsString(name) ? name->valuestring : "";
	const cJSON *wrapper = get(node, "jobWrapper"), *pod = get(node, "pod");
	if (!cJSON_IsObject(wrapper) || !cJSON_IsObject(pod)) {
		wfc_errf(err, errlen, "node '%s' has no 'jobWrapper' and 'pod' to make its Job from",
			 shown);
		return NULL;
	}
	cJSON *job = cJSON_Duplicate(wrapper, true);
	cJSON *tmpl = get(get(job, "spec"), "template");
	if (!cJSON_IsObject(tmpl)) {
		wfc_errf(err, errlen, "the jobWrapper of node '%s' has no 'spec.template'", shown);
		cJSON_Delete(job);
		return NULL;
	}
	cJSON_DeleteItemFromObjectCaseSensitive(tmpl, "spec");
	cJSON_AddItemToObject(tmpl, "spec", cJSON_Duplicate(pod, true));
	return job;
}

/* Labels the Job controller puts on a Job's pod template (and on the Job). */
static const char *const controller_labels[] = {
	"controller-uid", "job-name", "batch.kubernetes.io/controller-uid",
	"batch.kubernetes.io/job-name", NULL
};

static void drop(cJSON *o, const char *const *keys)
{
	for (; *keys; keys++)
		cJSON_DeleteItemFromObjectCaseSensitive(o, *keys);
}

/* Every ConfigMap reference to from (env valueFrom, volumes) now to to. */
static void retarget(cJSON *j, const char *from, const char *to)
{
	for (cJSON *c = j->child; c; c = c->next) {
		if (c->string && cJSON_IsObject(c) &&
		    (strcmp(c->string, "configMapKeyRef") == 0 || strcmp(c->string, "configMap") == 0)) {
			cJSON *n = get(c, "name");
			if (cJSON_IsString(n) && strcmp(n->valuestring, from) == 0)
				cJSON_SetValuestring(n, to);
		}
		retarget(c, from, to);
	}
}

cJSON *wfc_rt_job_attempt(const cJSON *job, const char *name, unsigned attempt, char *err,
			  size_t errlen)
{
	const cJSON *meta = get(job, "metadata");
	const cJSON *old = get(meta, "name");
	if (!cJSON_IsObject(job) || !cJSON_IsObject(meta) || !cJSON_IsString(old)) {
		wfc_errf(err, errlen, "not a Job with a name to make an attempt of");
		return NULL;
	}
	if (!name || !*name) {
		wfc_errf(err, errlen, "no name for attempt %u of Job '%s'", attempt, old->valuestring);
		return NULL;
	}
	cJSON *j = cJSON_Duplicate(job, true);
	cJSON_DeleteItemFromObjectCaseSensitive(j, "status");
	cJSON *m = get(j, "metadata");
	static const char *const server_meta[] = {
		"uid", "resourceVersion", "generation", "creationTimestamp", "managedFields",
		"selfLink", "deletionTimestamp", "deletionGracePeriodSeconds", "generateName", NULL
	};
	drop(m, server_meta);
	char *old_in = NULL, *new_in = NULL;
	{
		struct wfc_buf b = { 0 };
		wfc_buf_printf(&b, "%s-in", old->valuestring);
		old_in = wfc_xstrdup(wfc_buf_str(&b));
		wfc_buf_reset(&b);
		wfc_buf_printf(&b, "%s-in", name);
		new_in = wfc_xstrdup(wfc_buf_str(&b));
		wfc_buf_free(&b);
	}
	cJSON_DeleteItemFromObjectCaseSensitive(m, "name");
	cJSON_AddStringToObject(m, "name", name);
	drop(get(m, "labels"), controller_labels);
	cJSON *ann = get(m, "annotations");
	if (!cJSON_IsObject(ann)) {
		cJSON_DeleteItemFromObjectCaseSensitive(m, "annotations");
		ann = cJSON_AddObjectToObject(m, "annotations");
	}
	static const char *const server_ann[] = {
		"kubectl.kubernetes.io/last-applied-configuration", "batch.kubernetes.io/job-tracking",
		"wfc.dev/attempt", NULL
	};
	drop(ann, server_ann);
	char num[16];
	snprintf(num, sizeof(num), "%u", attempt);
	cJSON_AddStringToObject(ann, "wfc.dev/attempt", num);

	cJSON *spec = get(j, "spec");
	if (!cJSON_IsTrue(get(spec, "manualSelector")))
		cJSON_DeleteItemFromObjectCaseSensitive(spec, "selector");
	cJSON_DeleteItemFromObjectCaseSensitive(spec, "suspend");
	cJSON *pmeta = get(get(spec, "template"), "metadata");
	drop(get(pmeta, "labels"), controller_labels);
	cJSON_DeleteItemFromObjectCaseSensitive(pmeta, "creationTimestamp");
	retarget(get(spec, "template"), old_in, new_in);
	free(old_in);
	free(new_in);
	return j;
}
