/* Plan -> Kubernetes objects (DESIGN.md, "Mapping to native objects"):
 * the plan ConfigMap(s), script ConfigMaps, the coordinator's
 * ServiceAccount/Role/RoleBinding, PVCs from volumeClaimTemplates, a Service
 * per daemon, a suspended Job per container/script node, and the
 * coordinator Job (a CronJob for a CronWorkflow). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/emit.h"
#include "backend/objects.h"
#include "backend/pod.h"
#include "frontend/ast.h"
#include "ir/subst.h"
#include "support/buf.h"

/* ConfigMaps hold at most 1 MiB, but client-side "kubectl apply" (Argo CD's
 * default) copies the object into an annotation limited to 256 KiB: stay
 * under that, with a margin for metadata */
#define CONFIGMAP_BUDGET (200 * 1024)

/* Bytes a character costs in a JSON string. */
static size_t json_cost(unsigned char c)
{
	return c == '"' || c == '\\' ? 2 : c < 0x20 ? 6 : 1;
}

static size_t json_len(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += json_cost((unsigned char)*s);
	return n;
}

struct out {
	const struct wfc_plan *p;
	const struct wfc_backend_opts *o;
	struct wfc_diags *d;
	wfc_object_fn fn;
	void *user;
	int stop;
	size_t errors_before;
	const char *wf_label;
	/* script ConfigMaps being filled */
	cJSON *scripts;
	size_t scripts_size, nscripts;
	const char **script_cm;  /* per node id */
};

static cJSON *meta_of(cJSON *obj)
{
	return cJSON_GetObjectItemCaseSensitive(obj, "metadata");
}

/* Strings leave as the user wrote them (see wfc_literal); returns about
 * how many bytes the object's JSON takes. */
static size_t finish_tree(cJSON *j)
{
	size_t n = 4;
	if (j->string)
		n += strlen(j->string) + 4;
	if (cJSON_IsString(j)) {
		if (strchr(j->valuestring, '\x01')) {
			char *u = wfc_unliteral(j->valuestring);
			cJSON_SetValuestring(j, u);
			free(u);
		}
		n += strlen(j->valuestring);
	}
	for (cJSON *c = j->child; c; c = c->next)
		n += finish_tree(c);
	return n;
}

#define MAX_OBJECT (1024 * 1024)

static void emit(struct out *o, cJSON *obj)
{
	if (o->stop) {
		cJSON_Delete(obj);
		return;
	}
	/* Kubernetes stores no object over 1 MiB: say so rather than emit it */
	size_t size = finish_tree(obj);
	if (size > MAX_OBJECT * 3 / 4 && (size = wfc_emit_size(obj)) > MAX_OBJECT) {
		const cJSON *kind = cJSON_GetObjectItemCaseSensitive(obj, "kind");
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(meta_of(obj), "name");
		wfc_diag_add(o->d, WFC_ERROR, WFC_RULE_limit, wfc_ypos(o->p->doc->doc->root),
			     "%s '%s' would be %zu bytes, over Kubernetes' limit of 1 MiB for one object (a parameter or script this large cannot be passed this way)",
			     cJSON_IsString(kind) ? kind->valuestring : "object",
			     cJSON_IsString(name) ? name->valuestring : "", size);
		cJSON_Delete(obj);
		return;
	}
	if (o->fn(o->user, obj) != 0)
		o->stop = 1;
}

static cJSON *object(struct out *o, const char *api, const char *kind, const char *name)
{
	cJSON *obj = cJSON_CreateObject();
	cJSON_AddStringToObject(obj, "apiVersion", api);
	cJSON_AddStringToObject(obj, "kind", kind);
	cJSON *meta = cJSON_AddObjectToObject(obj, "metadata");
	cJSON_AddStringToObject(meta, "name", name);
	if (o->p->namespace)
		cJSON_AddStringToObject(meta, "namespace", o->p->namespace);
	cJSON *labels = cJSON_AddObjectToObject(meta, "labels");
	/* spec.workflowMetadata: what Argo puts on the Workflow, on every object */
	const struct wfc_ynode *wm = wfc_ymap_get(o->p->doc->doc->spec, "workflowMetadata");
	if (!wm)
		wm = wfc_ymap_get(wfc_ymap_get(o->p->doc->doc->root, "spec"), "workflowMetadata");
	struct wfc_scope sc = { .plan = o->p };
	const struct wfc_ynode *wl = wfc_ymap_get(wm, "labels");
	for (size_t i = 0; wl && wl->kind == WFC_YMAP && i < wl->map.n; i++)
		cJSON_AddStringToObject(labels, wl->map.v[i].key->s.text,
					wfc_subst(o->p->g->a, &sc,
						  wfc_yscalar_value(o->p->g->a, wl->map.v[i].val), NULL));
	cJSON_DeleteItemFromObjectCaseSensitive(labels, "app.kubernetes.io/managed-by");
	cJSON_DeleteItemFromObjectCaseSensitive(labels, "wfc.dev/workflow");
	cJSON_AddStringToObject(labels, "app.kubernetes.io/managed-by", "wfc");
	cJSON_AddStringToObject(labels, "wfc.dev/workflow", o->wf_label);
	const struct wfc_ynode *wa = wfc_ymap_get(wm, "annotations");
	if (wa && wa->kind == WFC_YMAP && wa->map.n) {
		cJSON *ann = cJSON_AddObjectToObject(meta, "annotations");
		for (size_t i = 0; i < wa->map.n; i++)
			cJSON_AddStringToObject(ann, wa->map.v[i].key->s.text,
						wfc_subst(o->p->g->a, &sc,
							  wfc_yscalar_value(o->p->g->a, wa->map.v[i].val),
							  NULL));
	}
	return obj;
}

static const char *coordinator_name(const struct out *o)
{
	return o->o->coordinator_sa ? o->o->coordinator_sa
	       : wfc_arena_printf(o->p->g->a, "%s-coordinator", o->p->name);
}

static void add_rule(cJSON *rules, const char *group, const char *const *resources,
		     const char *const *verbs)
{
	cJSON *r = cJSON_CreateObject();
	cJSON *g = cJSON_AddArrayToObject(r, "apiGroups");
	cJSON_AddItemToArray(g, cJSON_CreateString(group));
	cJSON *res = cJSON_AddArrayToObject(r, "resources");
	for (; *resources; resources++)
		cJSON_AddItemToArray(res, cJSON_CreateString(*resources));
	cJSON *v = cJSON_AddArrayToObject(r, "verbs");
	for (; *verbs; verbs++)
		cJSON_AddItemToArray(v, cJSON_CreateString(*verbs));
	cJSON_AddItemToArray(rules, r);
}

/* Whether a node of the plan, or a template the runtime may expand into
 * nodes, is of type t (a daemon, when daemon is set). */
static bool plan_has(const struct wfc_plan *p, enum wfc_pnode_type t, bool daemon)
{
	for (size_t i = 0; i < p->nnodes; i++)
		if (p->nodes[i]->type == t && (!daemon || p->nodes[i]->tmpl->t->daemon))
			return true;
	size_t n;
	struct wfc_gtmpl **ts = wfc_plan_runtime_templates(p, &n);
	for (size_t i = 0; i < n; i++) {
		enum wfc_tmpl_type tt = ts[i]->t->type;
		bool pod = tt == WFC_TMPL_CONTAINER || tt == WFC_TMPL_SCRIPT;
		if (t == WFC_PN_POD ? pod && (!daemon || ts[i]->t->daemon)
		    : t == WFC_PN_RESOURCE && tt == WFC_TMPL_RESOURCE)
			return true;
	}
	return false;
}

static bool uses_synchronization(const struct wfc_plan *p)
{
	if (wfc_ymap_get(p->doc->doc->spec, "synchronization"))
		return true;
	for (size_t i = 0; i < p->nnodes; i++)
		if (p->nodes[i]->tmpl && wfc_ymap_get(p->nodes[i]->tmpl->t->node, "synchronization"))
			return true;
	size_t n;
	struct wfc_gtmpl **ts = wfc_plan_runtime_templates(p, &n);
	for (size_t i = 0; i < n; i++)
		if (wfc_ymap_get(ts[i]->t->node, "synchronization"))
			return true;
	return false;
}

static void coordinator_rbac(struct out *o)
{
	if (o->o->coordinator_sa)
		return;
	const char *name = coordinator_name(o);
	emit(o, object(o, "v1", "ServiceAccount", name));

	cJSON *role = object(o, "rbac.authorization.k8s.io/v1", "Role", name);
	cJSON *rules = cJSON_AddArrayToObject(role, "rules");
	static const char *const jobs[] = { "jobs", NULL };
	static const char *const job_verbs[] = { "get", "list", "watch", "create", "patch",
						 "delete", NULL };
	add_rule(rules, "batch", jobs, job_verbs);
	static const char *const pods[] = { "pods", NULL };
	static const char *const read[] = { "get", "list", "watch", NULL };
	add_rule(rules, "", pods, read);
	static const char *const logs[] = { "pods/log", NULL };
	static const char *const get[] = { "get", NULL };
	add_rule(rules, "", logs, get);
	static const char *const cms[] = { "configmaps", NULL };
	static const char *const cm_verbs[] = { "get", "list", "watch", "create", "patch",
						"delete", NULL };
	add_rule(rules, "", cms, cm_verbs);
	if (plan_has(o->p, WFC_PN_POD, true)) {
		static const char *const svc[] = { "services", NULL };
		static const char *const svc_verbs[] = { "get", "create", "delete", NULL };
		add_rule(rules, "", svc, svc_verbs);
	}
	if (uses_synchronization(o->p)) {
		/* mutexes and semaphores are Leases held by the coordinator */
		static const char *const leases[] = { "leases", NULL };
		static const char *const lease_verbs[] = { "get", "list", "watch", "create",
							   "update", "delete", NULL };
		add_rule(rules, "coordination.k8s.io", leases, lease_verbs);
	}
	if (plan_has(o->p, WFC_PN_RESOURCE, false)) {
		/* resource templates act on kinds only known from their manifests */
		static const char *const any[] = { "*", NULL };
		static const char *const all[] = { "get", "list", "watch", "create", "patch",
						   "update", "delete", NULL };
		add_rule(rules, "*", any, all);
	}
	emit(o, role);

	cJSON *rb = object(o, "rbac.authorization.k8s.io/v1", "RoleBinding", name);
	cJSON *ref = cJSON_AddObjectToObject(rb, "roleRef");
	cJSON_AddStringToObject(ref, "apiGroup", "rbac.authorization.k8s.io");
	cJSON_AddStringToObject(ref, "kind", "Role");
	cJSON_AddStringToObject(ref, "name", name);
	cJSON *subj = cJSON_AddArrayToObject(rb, "subjects");
	cJSON *s = cJSON_CreateObject();
	cJSON_AddStringToObject(s, "kind", "ServiceAccount");
	cJSON_AddStringToObject(s, "name", name);
	if (o->p->namespace)
		cJSON_AddStringToObject(s, "namespace", o->p->namespace);
	cJSON_AddItemToArray(subj, s);
	emit(o, rb);
}

static void volume_claims(struct out *o)
{
	const struct wfc_ynode *vct = wfc_ymap_get(o->p->doc->doc->spec, "volumeClaimTemplates");
	if (!vct || vct->kind != WFC_YSEQ)
		return;
	struct wfc_scope sc = { .plan = o->p };
	for (size_t i = 0; i < vct->seq.n; i++) {
		const struct wfc_ynode *t = vct->seq.v[i];
		const struct wfc_ynode *name = wfc_ymap_get(wfc_ymap_get(t, "metadata"), "name");
		if (!name || name->kind != WFC_YSCALAR)
			continue;
		cJSON *pvc = object(o, "v1", "PersistentVolumeClaim",
				    wfc_pvc_name(o->p, name->s.text));
		cJSON *spec = wfc_ynode_to_json(o->p->g->a, wfc_ymap_get(t, "spec"), &sc, NULL, 0);
		cJSON_AddItemToObject(pvc, "spec", spec);
		emit(o, pvc);
	}
}

/* Seconds of a template's timeout / activeDeadlineSeconds, or -1. */
static long deadline_seconds(const struct wfc_template *t, const struct wfc_scope *sc,
			     struct wfc_arena *a)
{
	const char *ads = t->active_deadline && t->active_deadline->kind == WFC_YSCALAR
			  ? wfc_subst(a, sc, wfc_yscalar_value(a, t->active_deadline), NULL) : NULL;
	const char *to = t->timeout.s ? wfc_subst(a, sc, t->timeout.s, NULL) : NULL;
	return wfc_deadline_seconds(ads, to);
}

static const char *script_configmap(struct out *o, const struct wfc_pnode *n,
				    const char *source)
{
	size_t len = json_len(source) + strlen(n->kname) + 16;
	if (o->scripts && o->scripts_size + len > CONFIGMAP_BUDGET) {
		emit(o, o->scripts);
		o->scripts = NULL;
	}
	if (!o->scripts) {
		const char *name = o->nscripts
				   ? wfc_arena_printf(o->p->g->a, "%s-scripts-%zu", o->p->name, o->nscripts)
				   : wfc_arena_printf(o->p->g->a, "%s-scripts", o->p->name);
		o->scripts = object(o, "v1", "ConfigMap", name);
		cJSON_AddObjectToObject(o->scripts, "data");
		o->scripts_size = 0;
		o->nscripts++;
	}
	cJSON_AddStringToObject(cJSON_GetObjectItemCaseSensitive(o->scripts, "data"), n->kname,
				source);
	o->scripts_size += len;
	/* the ConfigMap goes out (and is freed) before the plan names it: copy */
	return wfc_arena_strdup(o->p->g->a,
				cJSON_GetObjectItemCaseSensitive(meta_of(o->scripts), "name")->valuestring);
}

/* The Job of a Pod node (or of a prototype's stand-in node): suspended
 * when eager, without "suspend" otherwise. */
static cJSON *node_job(struct out *o, const struct wfc_pnode *n, struct wfc_pod *pod,
		       bool suspended)
{
	cJSON *job = object(o, "batch/v1", "Job", n->kname);
	cJSON *meta = meta_of(job);
	cJSON_AddStringToObject(cJSON_GetObjectItemCaseSensitive(meta, "labels"), "wfc.dev/node",
				n->kname);
	cJSON *ann = cJSON_GetObjectItemCaseSensitive(meta, "annotations");
	if (!ann)
		ann = cJSON_AddObjectToObject(meta, "annotations");
	cJSON_AddStringToObject(ann, "wfc.dev/node-name", n->name);
	if (n->tmpl->t->name.s)
		cJSON_AddStringToObject(ann, "wfc.dev/template", n->tmpl->t->name.s);
	/* the pod first: it sets up the scope the deadline is read in */
	cJSON *pmeta = wfc_pod_metadata(pod);
	cJSON *pspec = wfc_pod_spec(pod);
	cJSON *spec = cJSON_AddObjectToObject(job, "spec");
	if (suspended)
		cJSON_AddBoolToObject(spec, "suspend", true);
	/* retries are the coordinator's: one Job per attempt, as Argo does */
	cJSON_AddNumberToObject(spec, "backoffLimit", 0);
	long dl = deadline_seconds(n->tmpl->t, &pod->sc, o->p->g->a);
	if (dl > 0)
		cJSON_AddNumberToObject(spec, "activeDeadlineSeconds", (double)dl);
	cJSON *tmpl = cJSON_AddObjectToObject(spec, "template");
	cJSON *plabels = cJSON_GetObjectItemCaseSensitive(pmeta, "labels");
	if (!plabels)
		plabels = cJSON_AddObjectToObject(pmeta, "labels");
	cJSON_DeleteItemFromObjectCaseSensitive(plabels, "wfc.dev/workflow");
	cJSON_DeleteItemFromObjectCaseSensitive(plabels, "wfc.dev/node");
	cJSON_AddStringToObject(plabels, "wfc.dev/workflow", o->wf_label);
	cJSON_AddStringToObject(plabels, "wfc.dev/node", n->kname);
	if (n->tmpl->t->daemon) {
		/* the coordinator watches a daemon's pod while it runs, the
		 * others' only once they end */
		cJSON_DeleteItemFromObjectCaseSensitive(plabels, "wfc.dev/role");
		cJSON_AddStringToObject(plabels, "wfc.dev/role", "daemon");
	}
	cJSON_AddItemToObject(tmpl, "metadata", pmeta);
	cJSON_AddItemToObject(tmpl, "spec", pspec);
	return job;
}

static cJSON *daemon_service(struct out *o, const struct wfc_pnode *n, const cJSON *podspec)
{
	cJSON *svc = object(o, "v1", "Service", n->kname);
	cJSON_AddStringToObject(cJSON_GetObjectItemCaseSensitive(meta_of(svc), "labels"),
				"wfc.dev/node", n->kname);
	cJSON *spec = cJSON_AddObjectToObject(svc, "spec");
	cJSON_AddStringToObject(spec, "clusterIP", "None");
	cJSON *sel = cJSON_AddObjectToObject(spec, "selector");
	cJSON_AddStringToObject(sel, "wfc.dev/node", n->kname);
	const cJSON *main = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(podspec,
							"containers"), 0);
	const cJSON *ports = cJSON_GetObjectItemCaseSensitive(main, "ports"), *p;
	cJSON *out = NULL;
	cJSON_ArrayForEach(p, ports) {
		const cJSON *cp = cJSON_GetObjectItemCaseSensitive(p, "containerPort");
		if (!cJSON_IsNumber(cp))
			continue;
		if (!out)
			out = cJSON_AddArrayToObject(spec, "ports");
		cJSON *sp = cJSON_CreateObject();
		char pname[32];
		snprintf(pname, sizeof(pname), "port-%d", cp->valueint);
		const cJSON *nm = cJSON_GetObjectItemCaseSensitive(p, "name");
		cJSON_AddStringToObject(sp, "name", cJSON_IsString(nm) ? nm->valuestring : pname);
		cJSON_AddNumberToObject(sp, "port", cp->valuedouble);
		cJSON_AddNumberToObject(sp, "targetPort", cp->valuedouble);
		const cJSON *proto = cJSON_GetObjectItemCaseSensitive(p, "protocol");
		if (cJSON_IsString(proto))
			cJSON_AddStringToObject(sp, "protocol", proto->valuestring);
		cJSON_AddItemToArray(out, sp);
	}
	return svc;
}

/* Renders every Pod node; emits Jobs (unless cron or lazy) and Services.
 * Where no Job is emitted, the plan keeps the pod spec and the Job around
 * it (r[i].pod, r[i].wrapper). */
static void node_objects(struct out *o, struct wfc_node_render *r, bool emit_jobs)
{
	const struct wfc_plan *p = o->p;
	for (size_t i = 0; i < p->nnodes && !o->stop; i++) {
		const struct wfc_pnode *n = p->nodes[i];
		if (n->type != WFC_PN_POD)
			continue;
		struct wfc_pod pod = { .plan = p, .node = n, .a = p->g->a, .d = o->d,
				       .runtime_image = o->o->runtime_image ? o->o->runtime_image
						       : WFC_DEFAULT_RUNTIME_IMAGE };
		/* the source must be known before the pod spec names its ConfigMap */
		const struct wfc_template *t = n->tmpl->t;
		if (t->type == WFC_TMPL_SCRIPT) {
			const struct wfc_ynode *src = wfc_ymap_get(t->body, "source");
			struct wfc_scope sc = { .plan = p, .node = n, .item = n->item };
			bool rt = false;
			const char *s = src && src->kind == WFC_YSCALAR
					? wfc_subst(p->g->a, &sc, src->s.text, &rt) : "";
			pod.script_configmap = rt ? NULL : script_configmap(o, n, s);
		}
		cJSON *job = node_job(o, n, &pod, emit_jobs);
		cJSON *ptmpl = cJSON_GetObjectItemCaseSensitive(
			cJSON_GetObjectItemCaseSensitive(job, "spec"), "template");
		cJSON *podspec = cJSON_GetObjectItemCaseSensitive(ptmpl, "spec");
		r[i].job = emit_jobs ? n->kname : NULL;
		r[i].runtime = pod.runtime;
		r[i].nruntime = pod.nruntime;
		r[i].script_cm = pod.script_configmap;
		r[i].script_source = pod.script;
		r[i].script_runtime = pod.script_runtime;
		if (t->daemon)
			emit(o, daemon_service(o, n, podspec));
		if (emit_jobs) {
			emit(o, job);
		} else {
			/* the plan carries the pod, and the Job around it */
			r[i].pod = cJSON_DetachItemViaPointer(ptmpl, podspec);
			r[i].wrapper = job;
		}
	}
	if (o->scripts) {
		emit(o, o->scripts);
		o->scripts = NULL;
	}
}

/* A prototype's string as the coordinator reads it (docs/plan.md,
 * "jobTemplates"): text taken literally (from -p, marked by wfc_literal)
 * must never start a tag there, so a literal '{' beside another '{' is
 * written {{wfc.lbrace}}; other literal text is unmarked (the plan text
 * unmarks a literal '\x01' as for any string). */
static void proto_text(cJSON *j)
{
	if (cJSON_IsString(j) && strchr(j->valuestring, '\x01')) {
		struct wfc_buf b = { 0 };
		const char *q = j->valuestring;
		while (*q) {
			bool lit = q[0] == '\x01' && q[1];
			char c = lit ? q[1] : q[0];
			q += lit ? 2 : 1;
			char next = q[0] == '\x01' ? q[1] : q[0];
			if (lit && c == '\x01') {
				wfc_buf_puts(&b, "\x01\x01");  /* still marked: the plan text unmarks it */
				continue;
			}
			if (!lit || c != '{' || (next != '{' && !(b.len && b.s[b.len - 1] == '{'))) {
				wfc_buf_putc(&b, c);
				continue;
			}
			if (b.len && b.s[b.len - 1] == '{') {
				/* a '{' of the template's own text just before */
				b.len--;
				wfc_buf_puts(&b, "{{wfc.lbrace}}");
			}
			wfc_buf_puts(&b, "{{wfc.lbrace}}");
		}
		cJSON_SetValuestring(j, wfc_buf_str(&b));
		wfc_buf_free(&b);
	}
	for (cJSON *c = j->child; c; c = c->next)
		proto_text(c);
}

/* The prototype of a container or script template the runtime runs
 * (docs/plan.md, "jobTemplates"): the Job an eager compile would emit for
 * a node of it, node-specific parts as placeholders, values of the run as
 * their {{...}} text. NULL for other templates. */
static cJSON *prototype(struct out *o, struct wfc_gtmpl *gt)
{
	const struct wfc_template *t = gt->t;
	if (t->type != WFC_TMPL_CONTAINER && t->type != WFC_TMPL_SCRIPT)
		return NULL;
	const struct wfc_plan *p = o->p;
	struct wfc_pnode stand_in = { .name = "{{wfc.node}}", .display = "{{wfc.node}}",
				      .kname = "{{wfc.job}}", .type = WFC_PN_POD, .tmpl = gt,
				      .item_index = -1 };
	struct wfc_pod pod = { .plan = p, .node = &stand_in, .a = p->g->a, .d = o->d,
			       .runtime_image = o->o->runtime_image ? o->o->runtime_image
					       : WFC_DEFAULT_RUNTIME_IMAGE,
			       .proto = true };
	cJSON *entry = cJSON_CreateObject();
	cJSON *job = node_job(o, &stand_in, &pod, false);
	cJSON_AddItemToObject(entry, "job", job);
	if (t->type == WFC_TMPL_SCRIPT)
		cJSON_AddStringToObject(entry, "script", pod.script ? pod.script : "");
	/* a deadline known only at run time: the coordinator computes it */
	struct wfc_scope sc = { .plan = p };
	struct wfc_arena *a = p->g->a;
	const char *ads = t->active_deadline && t->active_deadline->kind == WFC_YSCALAR
			  ? wfc_subst(a, &sc, wfc_yscalar_value(a, t->active_deadline), NULL) : NULL;
	const char *to = t->timeout.s ? wfc_subst(a, &sc, t->timeout.s, NULL) : NULL;
	if (wfc_has_tag(ads) || wfc_has_tag(to)) {
		cJSON *dl = cJSON_AddObjectToObject(entry, "deadline");
		if (ads)
			cJSON_AddStringToObject(dl, "activeDeadlineSeconds", ads);
		if (to)
			cJSON_AddStringToObject(dl, "timeout", to);
		cJSON_DeleteItemFromObjectCaseSensitive(cJSON_GetObjectItemCaseSensitive(job, "spec"),
							"activeDeadlineSeconds");
	}
	if (t->daemon) {
		const cJSON *podspec = cJSON_GetObjectItemCaseSensitive(
			cJSON_GetObjectItemCaseSensitive(
				cJSON_GetObjectItemCaseSensitive(job, "spec"), "template"), "spec");
		cJSON_AddItemToObject(entry, "service", daemon_service(o, &stand_in, podspec));
	}
	proto_text(entry);
	return entry;
}

/* The prototypes of every template the runtime may run, by name; NULL
 * when there is none. */
static cJSON *prototypes(struct out *o)
{
	size_t n;
	struct wfc_gtmpl **ts = wfc_plan_runtime_templates(o->p, &n);
	cJSON *all = NULL;
	for (size_t i = 0; i < n; i++) {
		cJSON *e = prototype(o, ts[i]);
		if (!e)
			continue;
		if (!all)
			all = cJSON_CreateObject();
		cJSON_AddItemToObject(all, ts[i]->t->name.s ? ts[i]->t->name.s : "", e);
	}
	return all;
}

/* The coordinator exits 1 when the workflow failed: its Job fails then,
 * with no new pod; any other failure (a crash, an eviction) is retried and
 * the next coordinator carries on. */
static void coordinator_failure_policy(cJSON *jobspec)
{
	cJSON *rule = cJSON_CreateObject();
	cJSON_AddStringToObject(rule, "action", "FailJob");
	cJSON *oc = cJSON_AddObjectToObject(rule, "onExitCodes");
	cJSON_AddStringToObject(oc, "containerName", "coordinator");
	cJSON_AddStringToObject(oc, "operator", "In");
	cJSON_AddItemToArray(cJSON_AddArrayToObject(oc, "values"), cJSON_CreateNumber(1));
	cJSON *pfp = cJSON_AddObjectToObject(jobspec, "podFailurePolicy");
	cJSON_AddItemToArray(cJSON_AddArrayToObject(pfp, "rules"), rule);
}

static void coordinator_pod(struct out *o, cJSON *podspec, const char *plan_cm)
{
	cJSON_AddStringToObject(podspec, "serviceAccountName", coordinator_name(o));
	cJSON_AddStringToObject(podspec, "restartPolicy", "Never");
	cJSON *cs = cJSON_AddArrayToObject(podspec, "containers");
	cJSON *c = cJSON_CreateObject();
	cJSON_AddStringToObject(c, "name", "coordinator");
	cJSON_AddStringToObject(c, "image", o->o->runtime_image ? o->o->runtime_image
					  : WFC_DEFAULT_RUNTIME_IMAGE);
	cJSON *args = cJSON_AddArrayToObject(c, "args");
	cJSON_AddItemToArray(args, cJSON_CreateString("coordinate"));
	cJSON_AddItemToArray(args, cJSON_CreateString("--plan-configmap"));
	cJSON_AddItemToArray(args, cJSON_CreateString(plan_cm));
	cJSON *env = cJSON_AddArrayToObject(c, "env");
	cJSON *e = cJSON_CreateObject();
	cJSON_AddStringToObject(e, "name", "WFC_NAMESPACE");
	cJSON *fr = cJSON_AddObjectToObject(cJSON_AddObjectToObject(e, "valueFrom"), "fieldRef");
	cJSON_AddStringToObject(fr, "fieldPath", "metadata.namespace");
	cJSON_AddItemToArray(env, e);
	cJSON *res = cJSON_AddObjectToObject(c, "resources");
	cJSON *req = cJSON_AddObjectToObject(res, "requests");
	cJSON_AddStringToObject(req, "cpu", "50m");
	cJSON_AddStringToObject(req, "memory", "64Mi");
	cJSON_AddItemToArray(cs, c);
}

/* Length of the next part of text from off: at most the budget, never
 * cutting a UTF-8 sequence. */
static size_t part_len(const char *text, size_t len, size_t off)
{
	/* count what the part costs once escaped in the object's JSON */
	size_t n = 0, cost = 0;
	while (off + n < len && cost < CONFIGMAP_BUDGET) {
		cost += json_cost((unsigned char)text[off + n]);
		n++;
	}
	if (off + n < len)
		while (n > 1 && ((unsigned char)text[off + n] & 0xC0) == 0x80)
			n--;
	return n;
}

/* The plan JSON in one ConfigMap, or split over several when larger than
 * a ConfigMap may be: <wf>-plan holds "parts" and plan.json.0, <wf>-plan-K
 * holds plan.json.K. */
static void plan_configmaps(struct out *o, char *text)
{
	size_t len = strlen(text), parts = 0;
	for (size_t off = 0; off < len || parts == 0; parts++)
		off += part_len(text, len, off);
	size_t off = 0;
	for (size_t k = 0; k < parts && !o->stop; k++) {
		const char *name = k ? wfc_arena_printf(o->p->g->a, "%s-plan-%zu", o->p->name, k)
				     : wfc_arena_printf(o->p->g->a, "%s-plan", o->p->name);
		cJSON *cm = object(o, "v1", "ConfigMap", name);
		cJSON *data = cJSON_AddObjectToObject(cm, "data");
		size_t n = part_len(text, len, off);
		/* the part in place: end it for a moment */
		char saved = text[off + n];
		text[off + n] = '\0';
		const char *chunk = text + off;
		if (parts == 1) {
			cJSON_AddStringToObject(data, "plan.json", chunk);
		} else {
			char key[32];
			if (k == 0) {
				snprintf(key, sizeof(key), "%zu", parts);
				cJSON_AddStringToObject(data, "parts", key);
			}
			snprintf(key, sizeof(key), "plan.json.%zu", k);
			cJSON_AddStringToObject(data, key, chunk);
		}
		text[off + n] = saved;
		off += n;
		emit(o, cm);
	}
}

static void cron_jobs(struct out *o, const char *plan_cm)
{
	const struct wfc_ynode *spec = wfc_ymap_get(o->p->doc->doc->root, "spec");
	const struct wfc_ynode *sched = wfc_ymap_get(spec, "schedules");
	const struct wfc_ynode *one = wfc_ymap_get(spec, "schedule");
	size_t n = sched && sched->kind == WFC_YSEQ ? sched->seq.n : one ? 1 : 0;
	for (size_t i = 0; i < n && !o->stop; i++) {
		const struct wfc_ynode *s = sched && sched->kind == WFC_YSEQ ? sched->seq.v[i] : one;
		/* CronJob names leave 11 characters for the Jobs it creates */
		const char *name = wfc_plan_fit_name(o->p->g->a, n > 1
				   ? wfc_arena_printf(o->p->g->a, "%s-%zu", o->p->name, i)
				   : o->p->name, 52);
		cJSON *cj = object(o, "batch/v1", "CronJob", name);
		cJSON *cs = cJSON_AddObjectToObject(cj, "spec");
		cJSON_AddStringToObject(cs, "schedule", s->kind == WFC_YSCALAR ? s->s.text : "");
		const struct wfc_ynode *tz = wfc_ymap_get(spec, "timezone");
		if (tz && tz->kind == WFC_YSCALAR && tz->s.len)
			cJSON_AddStringToObject(cs, "timeZone", tz->s.text);
		const struct wfc_ynode *cp = wfc_ymap_get(spec, "concurrencyPolicy");
		if (cp && cp->kind == WFC_YSCALAR && cp->s.len)
			cJSON_AddStringToObject(cs, "concurrencyPolicy", cp->s.text);
		static const char *const ints[] = { "startingDeadlineSeconds",
						    "successfulJobsHistoryLimit",
						    "failedJobsHistoryLimit", NULL };
		for (const char *const *k = ints; *k; k++) {
			const struct wfc_ynode *v = wfc_ymap_get(spec, *k);
			if (v && v->kind == WFC_YSCALAR && v->type == WFC_YINT)
				cJSON_AddNumberToObject(cs, *k, strtod(v->s.text, NULL));
		}
		const struct wfc_ynode *susp = wfc_ymap_get(spec, "suspend");
		if (susp && susp->kind == WFC_YSCALAR && susp->type == WFC_YBOOL)
			cJSON_AddBoolToObject(cs, "suspend",
					      strcmp(wfc_yscalar_value(o->p->g->a, susp), "true") == 0);
		cJSON *jt = cJSON_AddObjectToObject(cs, "jobTemplate");
		cJSON *js = cJSON_AddObjectToObject(jt, "spec");
		cJSON_AddNumberToObject(js, "backoffLimit", 3);
		coordinator_failure_policy(js);
		cJSON *pt = cJSON_AddObjectToObject(js, "template");
		cJSON *pl = cJSON_AddObjectToObject(cJSON_AddObjectToObject(pt, "metadata"), "labels");
		cJSON_AddStringToObject(pl, "wfc.dev/workflow", o->wf_label);
		cJSON_AddStringToObject(pl, "wfc.dev/role", "coordinator");
		coordinator_pod(o, cJSON_AddObjectToObject(pt, "spec"), plan_cm);
		emit(o, cj);
	}
}

size_t wfc_backend_objects(const struct wfc_plan *p, const struct wfc_backend_opts *opts,
			   struct wfc_diags *d, wfc_object_fn fn, void *user)
{
	struct out o = { .p = p, .o = opts, .d = d, .fn = fn, .user = user,
			 .errors_before = d->errors };
	o.wf_label = p->label;
	bool cron = p->doc->doc->kind == WFC_CRON_WORKFLOW;
	const char *plan_cm = wfc_arena_printf(p->g->a, "%s-plan", p->name);

	struct wfc_node_render *r = calloc(p->nnodes ? p->nnodes : 1, sizeof(*r));
	if (!r)
		abort();
	/* objects in dependency order for kubectl apply: ConfigMaps and RBAC
	 * first, then what uses them */
	coordinator_rbac(&o);
	volume_claims(&o);
	/* Jobs stream out as they are rendered (suspended: the plan and the
	 * ConfigMaps they read may follow); the plan keeps what it needs */
	bool emit_jobs = !cron && opts->job_creation == WFC_JOBS_EAGER;
	node_objects(&o, r, emit_jobs);
	cJSON *protos = prototypes(&o);
	char *plan = wfc_plan_text(p, r, protos);
	cJSON_Delete(protos);
	plan_configmaps(&o, plan);
	free(plan);

	if (cron) {
		cron_jobs(&o, plan_cm);
	} else {
		cJSON *job = object(&o, "batch/v1", "Job", p->job_name);
		cJSON_AddStringToObject(cJSON_GetObjectItemCaseSensitive(meta_of(job), "labels"),
					"wfc.dev/role", "coordinator");
		cJSON *spec = cJSON_AddObjectToObject(job, "spec");
		/* a coordinator that dies is started again and carries on; one
		 * that saw the workflow fail (exit 1) fails the Job at once */
		cJSON_AddNumberToObject(spec, "backoffLimit", 10);
		coordinator_failure_policy(spec);
		cJSON *pt = cJSON_AddObjectToObject(spec, "template");
		cJSON *pl = cJSON_AddObjectToObject(cJSON_AddObjectToObject(pt, "metadata"), "labels");
		cJSON_AddStringToObject(pl, "wfc.dev/workflow", o.wf_label);
		cJSON_AddStringToObject(pl, "wfc.dev/role", "coordinator");
		coordinator_pod(&o, cJSON_AddObjectToObject(pt, "spec"), plan_cm);
		emit(&o, job);
	}
	for (size_t i = 0; i < p->nnodes; i++) {
		cJSON_Delete(r[i].pod);
		cJSON_Delete(r[i].wrapper);
	}
	free(r);
	return d->errors - o.errors_before;
}


static int discard_object(void *user, cJSON *obj)
{
	cJSON_Delete(obj);
	return 0;
}

char *wfc_backend_local_plan(const struct wfc_plan *p, struct wfc_diags *d)
{
	struct wfc_backend_opts opts = { .job_creation = WFC_JOBS_LAZY };
	struct out o = { .p = p, .o = &opts, .d = d, .fn = discard_object,
			 .errors_before = d->errors };
	o.wf_label = p->label;
	struct wfc_node_render *r = calloc(p->nnodes ? p->nnodes : 1, sizeof(*r));
	if (!r)
		abort();
	node_objects(&o, r, false);
	for (size_t i = 0; i < p->nnodes; i++)
		r[i].script_inline = true;
	cJSON *protos = prototypes(&o);
	char *plan = d->errors > o.errors_before ? NULL : wfc_plan_text(p, r, protos);
	cJSON_Delete(protos);
	for (size_t i = 0; i < p->nnodes; i++) {
		cJSON_Delete(r[i].pod);
		cJSON_Delete(r[i].wrapper);
	}
	free(r);
	return plan;
}
