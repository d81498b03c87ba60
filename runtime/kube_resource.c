/* Resource templates on a cluster (runtime/kube_resource.h). */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libfyaml.h>

#include "runtime/kube_resource.h"
#include "support/buf.h"
#include "support/xalloc.h"
#include "support/clock.h"
#include "support/json.h"
#include "support/text.h"

struct wfc_kres {
	struct wfc_kres_opts o;
	const struct wfc_kube_res *res;
	char *ns, *name;
	char *success, *failure;     /* conditions, or NULL */
	cJSON *obj;           /* the object as last read */
	bool wait;            /* conditions to watch */
	double last_read;
	bool deleted;         /* action delete: no object to read */
};

/* A YAML (or JSON) manifest as cJSON, through libfyaml. */
static cJSON *manifest_json(const char *text, char *err, size_t errlen)
{
	struct fy_parse_cfg cfg = { .flags = FYPCF_QUIET };
	struct fy_document *d = fy_document_build_from_string(&cfg, text, strlen(text));
	if (!d) {
		wfc_errf(err, errlen, "the resource's manifest is not YAML");
		return NULL;
	}
	char *s = fy_emit_document_to_string(d, FYECF_MODE_JSON_ONELINE);
	fy_document_destroy(d);
	cJSON *j = s ? cJSON_Parse(s) : NULL;
	free(s);
	if (!j)
		wfc_errf(err, errlen, "the resource's manifest is not one YAML document");
	return j;
}

/* ---- JSON paths ---- */

/* The value at a dotted path ("status.succeeded", "items.0.name",
 * "metadata.labels.app"), or NULL. */
static const cJSON *at_path(const cJSON *obj, const char *path)
{
	const cJSON *v = obj;
	const char *p = path;
	while (v && *p) {
		if (*p == '.') {
			p++;
			continue;
		}
		size_t n = 0;
		if (*p == '[') {
			const char *close = strchr(p, ']');
			if (!close)
				return NULL;
			char idx[32];
			size_t il = (size_t)(close - p - 1);
			if (il == 0 || il >= sizeof(idx))
				return NULL;
			memcpy(idx, p + 1, il);
			idx[il] = 0;
			if (idx[0] == '\'' || idx[0] == '"') {
				idx[il - 1] = 0;
				v = cJSON_GetObjectItemCaseSensitive(v, idx + 1);
			} else {
				v = cJSON_GetArrayItem(v, atoi(idx));
			}
			p = close + 1;
			continue;
		}
		while (p[n] && p[n] != '.' && p[n] != '[')
			n++;
		char *k = strndup(p, n);
		if (!k)
			abort();
		if (cJSON_IsArray(v)) {
			char *end;
			long i = strtol(k, &end, 10);
			v = *end ? NULL : cJSON_GetArrayItem(v, (int)i);
		} else {
			v = cJSON_GetObjectItemCaseSensitive(v, k);
		}
		free(k);
		p += n;
	}
	return v;
}

static char *value_text(const cJSON *v)
{
	if (cJSON_IsString(v))
		return wfc_xstrdup(v->valuestring);
	if (cJSON_IsBool(v))
		return wfc_xstrdup(cJSON_IsTrue(v) ? "true" : "false");
	if (cJSON_IsNumber(v)) {
		char b[64];
		if (v->valuedouble == (double)(long long)v->valuedouble)
			snprintf(b, sizeof(b), "%lld", (long long)v->valuedouble);
		else
			snprintf(b, sizeof(b), "%.17g", v->valuedouble);
		return wfc_xstrdup(b);
	}
	char *t = cJSON_PrintUnformatted(v);
	char *r = wfc_xstrdup(t);
	cJSON_free(t);
	return r;
}

char *wfc_kres_jsonpath(const cJSON *obj, const char *path)
{
	struct wfc_buf b = { 0 };
	const char *p = path;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '{')
		p++;
	wfc_buf_puts(&b, p);
	char *s = (char *)wfc_buf_str(&b);
	size_t n = strlen(s);
	while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == '}'))
		s[--n] = 0;
	const cJSON *v = at_path(obj, s);
	wfc_buf_free(&b);
	return v ? value_text(v) : NULL;
}

/* ---- conditions ---- */

static char *trimmed(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return strndup(s, n);
}

static bool in_list(const char *list, const char *v)
{
	/* "(a, b, c)" */
	const char *p = list;
	if (*p == '(')
		p++;
	while (*p) {
		size_t n = strcspn(p, ",)");
		char *item = trimmed(p, n);
		bool eq = item && v && strcmp(item, v) == 0;
		free(item);
		if (eq)
			return true;
		p += n;
		if (*p)
			p++;
	}
	return false;
}

/* One requirement: "key op value". */
static int requirement(const char *r, const cJSON *obj, char *err, size_t errlen)
{
	static const char *const ops[] = { "==", "!=", ">=", "<=", " notin ", " in ", "=", ">", "<" };
	const char *op = NULL, *at = NULL;
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]) && !op; i++) {
		at = strstr(r, ops[i]);
		if (at)
			op = ops[i];
	}
	if (!op) {
		/* "key" exists, "!key" does not */
		char *k = trimmed(r, strlen(r));
		bool neg = k[0] == '!';
		const cJSON *v = at_path(obj, neg ? k + 1 : k);
		bool ok = *k && (neg ? !v : v != NULL);
		if (!*k) {
			free(k);
			wfc_errf(err, errlen, "empty requirement");
			return -1;
		}
		free(k);
		return ok;
	}
	char *key = trimmed(r, (size_t)(at - r));
	char *val = trimmed(at + strlen(op), strlen(at + strlen(op)));
	const cJSON *v = at_path(obj, key);
	char *have = v ? value_text(v) : NULL;
	int res;
	if (!*key) {
		wfc_errf(err, errlen, "requirement '%s' has no key", r);
		res = -1;
	} else if (strcmp(op, "==") == 0 || strcmp(op, "=") == 0) {
		res = have && strcmp(have, val) == 0;
	} else if (strcmp(op, "!=") == 0) {
		res = !have || strcmp(have, val) != 0;
	} else if (strcmp(op, " in ") == 0) {
		res = have && in_list(val, have);
	} else if (strcmp(op, " notin ") == 0) {
		res = !have || !in_list(val, have);
	} else {
		char *e1, *e2;
		double a = have ? strtod(have, &e1) : 0, b = strtod(val, &e2);
		if (!have || *e1 || e1 == have) {
			res = 0;
		} else if (*e2 || e2 == val) {
			wfc_errf(err, errlen, "'%s' is not a number in '%s'", val, r);
			res = -1;
		} else {
			res = strcmp(op, ">") == 0 ? a > b : strcmp(op, "<") == 0 ? a < b
			      : strcmp(op, ">=") == 0 ? a >= b : a <= b;
		}
	}
	free(key);
	free(val);
	free(have);
	return res;
}

int wfc_kres_condition(const char *cond, const cJSON *obj, char *err, size_t errlen)
{
	/* requirements split at commas outside parentheses; all must hold */
	const char *p = cond;
	int depth = 0, all = 1;
	const char *start = p;
	for (;; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		if (*p == 0 || (*p == ',' && depth == 0)) {
			char *r = strndup(start, (size_t)(p - start));
			if (!r)
				abort();
			int m = requirement(r, obj, err, errlen);
			free(r);
			if (m < 0)
				return -1;
			all &= m;
			if (!*p)
				break;
			start = p + 1;
		}
	}
	return all;
}

/* ---- the action ---- */

static void add_owner_label(struct wfc_kres *r, cJSON *obj, bool owner)
{
	cJSON *meta = cJSON_GetObjectItemCaseSensitive(obj, "metadata");
	if (!cJSON_IsObject(meta))
		return;
	cJSON *labels = cJSON_GetObjectItemCaseSensitive(meta, "labels");
	if (!labels)
		labels = cJSON_AddObjectToObject(meta, "labels");
	if (r->o.run_label && !wfc_json_get(labels, "wfc.dev/workflow"))
		cJSON_AddStringToObject(labels, "wfc.dev/workflow", r->o.run_label);
	if (r->o.node_label && !wfc_json_get(labels, "wfc.dev/node"))
		cJSON_AddStringToObject(labels, "wfc.dev/node", r->o.node_label);
	if (owner && r->o.owner)
		wfc_kube_add_owner(obj, r->o.owner);
}

/* An object this node created before (a coordinator started again): by
 * its labels, so generateName does not make a second one. */
static cJSON *created_before(struct wfc_kres *r)
{
	if (!r->o.node_label || !r->o.run_label)
		return NULL;
	struct wfc_buf sel = { 0 };
	wfc_buf_printf(&sel, "wfc.dev/workflow=%s,wfc.dev/node=%s", r->o.run_label,
		       r->o.node_label);
	struct wfc_kube_list_opts lo = { .label_selector = wfc_buf_str(&sel) };
	struct wfc_kube_error e;
	cJSON *list = NULL, *found = NULL;
	if (wfc_kube_list(r->o.client, r->res, r->ns, &lo, &list, &e) == 0) {
		cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(list, "items"), 0);
		if (first)
			found = cJSON_Duplicate(first, true);
	}
	cJSON_Delete(list);
	wfc_buf_free(&sel);
	return found;
}

static const char *patch_type(const char *strategy)
{
	if (!strategy || strcmp(strategy, "strategic") == 0)
		return "application/strategic-merge-patch+json";
	if (strcmp(strategy, "merge") == 0)
		return "application/merge-patch+json";
	if (strcmp(strategy, "json") == 0)
		return "application/json-patch+json";
	return NULL;
}

static char *object_path(const struct wfc_kres *r, const char *name)
{
	struct wfc_buf b = { 0 };
	if (r->res->group && *r->res->group)
		wfc_buf_printf(&b, "/apis/%s/%s", r->res->group, r->res->version);
	else
		wfc_buf_printf(&b, "/api/%s", r->res->version);
	if (r->res->namespaced)
		wfc_buf_printf(&b, "/namespaces/%s", r->ns);
	wfc_buf_printf(&b, "/%s", r->res->resource);
	if (name)
		wfc_buf_printf(&b, "/%s", name);
	wfc_buf_str(&b);
	return b.s;
}

struct wfc_kres *wfc_kres_start(const struct wfc_kres_opts *o, char *err, size_t errlen)
{
	struct wfc_kres *r = calloc(1, sizeof(*r));
	cJSON *m = NULL;
	if (!r)
		abort();
	r->o = *o;
	const cJSON *res = o->resource;
	const char *action = wfc_json_str(res, "action");
	const char *manifest = wfc_json_str(res, "manifest");
	if (wfc_json_str(res, "successCondition") && *wfc_json_str(res, "successCondition"))
		r->success = wfc_xstrdup(wfc_json_str(res, "successCondition"));
	if (wfc_json_str(res, "failureCondition") && *wfc_json_str(res, "failureCondition"))
		r->failure = wfc_xstrdup(wfc_json_str(res, "failureCondition"));
	const cJSON *flags = wfc_json_get(res, "flags");
	if (!action) {
		wfc_errf(err, errlen, "the resource template has no action");
		goto err_out;
	}
	if (!manifest) {
		wfc_errf(err, errlen, "the resource template has no manifest (manifestFrom is not supported)");
		goto err_out;
	}
	m = manifest_json(manifest, err, errlen);
	if (!m)
		goto err_out;
	bool is_patch = strcmp(action, "patch") == 0;
	/* patch and delete may name their target in flags: [KIND, NAME] as
	 * kubectl's arguments; otherwise the manifest names it */
	const char *api = wfc_json_str(m, "apiVersion"), *kind = wfc_json_str(m, "kind");
	const char *name = wfc_json_str(wfc_json_get(m, "metadata"), "name");
	const char *mns = wfc_json_str(wfc_json_get(m, "metadata"), "namespace");
	if (cJSON_GetArraySize(flags) >= 2 && (is_patch || strcmp(action, "delete") == 0 ||
					       strcmp(action, "get") == 0)) {
		const char *fk = cJSON_GetArrayItem(flags, 0)->valuestring;
		const char *fn = cJSON_GetArrayItem(flags, 1)->valuestring;
		if (!fk || !fn) {
			wfc_errf(err, errlen, "the resource template's flags are not [KIND, NAME]");
			goto err_out;
		}
		if (strcmp(fk, "pod") == 0 || strcmp(fk, "pods") == 0)
			api = "v1", kind = "Pod";
		else if (strcmp(fk, "workflow") == 0 || strcmp(fk, "workflows") == 0) {
			wfc_errf(err, errlen, "a resource template acting on its own Workflow needs Argo's Workflow resource, which wfc runs without");
			goto err_out;
		} else {
			wfc_errf(err, errlen, "kind '%s' in the resource template's flags: name the target in the manifest instead", fk);
			goto err_out;
		}
		name = fn;
	}
	if (!api || !kind) {
		wfc_errf(err, errlen, "the resource's manifest has no apiVersion or kind");
		goto err_out;
	}
	struct wfc_kube_error e;
	if (wfc_kube_resolve(o->client, api, kind, &r->res, &e) != 0) {
		wfc_errf(err, errlen, "%s %s: %s", api, kind, e.message);
		goto err_out;
	}
	r->ns = wfc_xstrdup(mns ? mns : o->namespace);
	bool owner = cJSON_IsTrue(wfc_json_get(res, "setOwnerReference"));
	cJSON *got = NULL;
	int rc = 0;
	if (strcmp(action, "create") == 0) {
		got = created_before(r);
		if (!got) {
			add_owner_label(r, m, owner);
			rc = wfc_kube_create_object(o->client, r->res, r->ns, m, &got, &e);
			if (rc != 0 && e.kind == WFC_KUBE_EALREADY_EXISTS && name)
				rc = wfc_kube_get(o->client, r->res, r->ns, name, &got, &e);
		}
	} else if (strcmp(action, "apply") == 0) {
		add_owner_label(r, m, owner);
		rc = wfc_kube_apply(o->client, r->res, r->ns, m, true, &got, &e);
	} else if (strcmp(action, "replace") == 0) {
		add_owner_label(r, m, owner);
		char *path = object_path(r, name);
		rc = name ? wfc_kube_request(o->client, "PUT", path, "application/json", m, &got, &e)
			  : -1;
		free(path);
		if (!name) {
			wfc_errf(err, errlen, "replace needs metadata.name in the manifest");
			goto err_out;
		}
	} else if (strcmp(action, "get") == 0 || strcmp(action, "delete") == 0) {
		if (!name) {
			wfc_errf(err, errlen, "%s needs metadata.name in the manifest", action);
			goto err_out;
		}
		if (action[0] == 'g') {
			rc = wfc_kube_get(o->client, r->res, r->ns, name, &got, &e);
		} else {
			rc = wfc_kube_delete(o->client, r->res, r->ns, name, "Background", NULL, &e);
			if (rc != 0 && e.kind == WFC_KUBE_ENOTFOUND)
				rc = 0;  /* kubectl delete --ignore-not-found, as Argo passes it */
			r->deleted = true;
		}
	} else if (is_patch) {
		const char *ct = patch_type(wfc_json_str(res, "mergeStrategy"));
		if (!ct || !name) {
			wfc_errf(err, errlen, ct ? "patch needs a target: metadata.name in the manifest, or flags [KIND, NAME]"
					       : "mergeStrategy '%s' is not strategic, merge or json",
			       wfc_json_str(res, "mergeStrategy"));
			goto err_out;
		}
		char *path = object_path(r, name);
		rc = wfc_kube_request(o->client, "PATCH", path, ct, m, &got, &e);
		free(path);
	} else {
		wfc_errf(err, errlen, "action '%s' is not get, create, apply, replace, patch or delete",
		       action);
		goto err_out;
	}
	if (rc != 0) {
		wfc_errf(err, errlen, "%s %s '%s': %s", action, kind, name ? name : "(generated)",
		       e.message);
		cJSON_Delete(got);
		goto err_out;
	}
	r->obj = got;
	r->name = wfc_xstrdup(wfc_json_str(wfc_json_get(got, "metadata"), "name") ? wfc_json_str(wfc_json_get(got, "metadata"), "name")
				 : name);
	r->wait = !r->deleted && (r->success || r->failure);
	r->last_read = wfc_now_mono();
	cJSON_Delete(m);
	return r;
err_out:
	cJSON_Delete(m);
	wfc_kres_free(r);
	return NULL;
}

static void outputs_of(struct wfc_kres *r, char ***values, size_t *nvalues)
{
	int n = cJSON_GetArraySize(r->o.outputs);
	*nvalues = (size_t)(n > 0 ? n : 0);
	*values = calloc(*nvalues + 1, sizeof(char *));
	if (!*values)
		abort();
	for (int i = 0; i < n; i++) {
		const cJSON *p = cJSON_GetArrayItem(r->o.outputs, i);
		const cJSON *vf = wfc_json_get(p, "valueFrom");
		const char *jp = wfc_json_str(vf, "jsonPath"), *jq = wfc_json_str(vf, "jqFilter");
		if (jp && r->obj)
			(*values)[i] = wfc_kres_jsonpath(r->obj, jp);
		else if (jq && r->obj && strcmp(jq, ".") == 0)
			(*values)[i] = value_text(r->obj);
	}
}

enum wfc_kres_state wfc_kres_poll(struct wfc_kres *r, double interval_s, char **message,
				  char ***values, size_t *nvalues)
{
	*message = NULL;
	if (r->wait) {
		double now = wfc_now_mono();
		if (now - r->last_read < interval_s)
			return WFC_KRES_RUNNING;
		r->last_read = now;
		struct wfc_kube_error e;
		cJSON *got = NULL;
		if (wfc_kube_get(r->o.client, r->res, r->ns, r->name, &got, &e) == 0) {
			cJSON_Delete(r->obj);
			r->obj = got;
		}
		char err[256] = "";
		if (r->failure) {
			int f = wfc_kres_condition(r->failure, r->obj, err, sizeof(err));
			if (f != 0) {
				struct wfc_buf b = { 0 };
				if (f < 0)
					wfc_buf_printf(&b, "failureCondition '%s': %s", r->failure, err);
				else
					wfc_buf_printf(&b, "failure condition '%s' met", r->failure);
				*message = b.s;
				outputs_of(r, values, nvalues);
				return f < 0 ? WFC_KRES_ERROR : WFC_KRES_FAILED;
			}
		}
		if (r->success) {
			int s = wfc_kres_condition(r->success, r->obj, err, sizeof(err));
			if (s < 0) {
				struct wfc_buf b = { 0 };
				wfc_buf_printf(&b, "successCondition '%s': %s", r->success, err);
				*message = b.s;
				return WFC_KRES_ERROR;
			}
			if (!s)
				return WFC_KRES_RUNNING;
		} else {
			return WFC_KRES_RUNNING;
		}
	}
	outputs_of(r, values, nvalues);
	return WFC_KRES_SUCCEEDED;
}

void wfc_kres_free(struct wfc_kres *r)
{
	if (!r)
		return;
	cJSON_Delete(r->obj);
	free(r->success);
	free(r->failure);
	free(r->ns);
	free(r->name);
	free(r);
}
