/* YAML tree -> typed AST. Type errors are the schema checker's business
 * (frontend/schema.c); here a field of the wrong shape is simply absent. What
 * this file reports: the document kind, malformed durations, and the fields
 * wfc reads but cannot run yet. */
#include "frontend/ast.h"
#include "support/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct builder {
	struct wfc_arena *a;
	struct wfc_diags *d;
	struct wfc_doc *doc;
};

const char *wfc_doc_kind_name(enum wfc_doc_kind k)
{
	switch (k) {
	case WFC_WORKFLOW:
		return "Workflow";
	case WFC_WORKFLOW_TEMPLATE:
		return "WorkflowTemplate";
	case WFC_CLUSTER_WORKFLOW_TEMPLATE:
		return "ClusterWorkflowTemplate";
	case WFC_CRON_WORKFLOW:
		return "CronWorkflow";
	}
	return "?";
}

static const char *const tmpl_type_names[] = {
	[WFC_TMPL_NONE] = "",
	[WFC_TMPL_CONTAINER] = "container",
	[WFC_TMPL_SCRIPT] = "script",
	[WFC_TMPL_RESOURCE] = "resource",
	[WFC_TMPL_SUSPEND] = "suspend",
	[WFC_TMPL_STEPS] = "steps",
	[WFC_TMPL_DAG] = "dag",
	[WFC_TMPL_CONTAINER_SET] = "containerSet",
	[WFC_TMPL_DATA] = "data",
	[WFC_TMPL_HTTP] = "http",
	[WFC_TMPL_PLUGIN] = "plugin",
};

const char *wfc_tmpl_type_name(enum wfc_tmpl_type t)
{
	return tmpl_type_names[t];
}

/* ---- small readers ---- */

static struct wfc_sval sval(struct builder *b, const struct wfc_ynode *n)
{
	struct wfc_sval v = { NULL, NULL };
	if (n && n->kind == WFC_YSCALAR && n->type != WFC_YNULL) {
		v.s = wfc_yscalar_value(b->a, n);
		v.node = n;
	}
	return v;
}

static struct wfc_sval field(struct builder *b, const struct wfc_ynode *m,
			     const char *key)
{
	return sval(b, wfc_ymap_get(m, key));
}

static const struct wfc_ynode *get_map(const struct wfc_ynode *m, const char *key)
{
	const struct wfc_ynode *n = wfc_ymap_get(m, key);
	return n && n->kind == WFC_YMAP ? n : NULL;
}

static const struct wfc_ynode *get_seq(const struct wfc_ynode *m, const char *key)
{
	const struct wfc_ynode *n = wfc_ymap_get(m, key);
	return n && n->kind == WFC_YSEQ ? n : NULL;
}

static bool get_bool(const struct wfc_ynode *m, const char *key)
{
	const struct wfc_ynode *n = wfc_ymap_get(m, key);
	if (!n || n->kind != WFC_YSCALAR)
		return false;
	if (n->type == WFC_YBOOL)
		return n->s.text[0] == 'y' || n->s.text[0] == 'Y' ||
		       n->s.text[0] == 't' || n->s.text[0] == 'T' ||
		       ((n->s.text[0] == 'o' || n->s.text[0] == 'O') &&
			(n->s.text[1] == 'n' || n->s.text[1] == 'N'));
	return false;
}

/* A duration where a bare number means seconds (backoff, suspend). */
static void check_seconds_or_duration(struct builder *b, const struct wfc_ynode *n,
				      const char *what)
{
	if (!n || n->kind != WFC_YSCALAR || n->type == WFC_YNULL)
		return;
	if (n->type == WFC_YINT)
		return;
	const char *s = n->s.text;
	double sec;
	if (wfc_has_tag(s) || wfc_is_int_text(s, false) || wfc_parse_go_duration(s, &sec))
		return;
	wfc_diag_add(b->d, WFC_ERROR, WFC_RULE_duration, wfc_ypos(n),
		     "%s '%s' is not a duration (use seconds, or a Go duration such as '30s', '2m', '1h')",
		     what, s);
}

/* ---- arguments, inputs, outputs ---- */

static void read_params(struct builder *b, const struct wfc_ynode *seq,
			struct wfc_args *out)
{
	if (!seq || seq->kind != WFC_YSEQ)
		return;
	out->params = WFC_NEWN(b->a, struct wfc_param, seq->seq.n ? seq->seq.n : 1);
	for (size_t i = 0; i < seq->seq.n; i++) {
		const struct wfc_ynode *m = seq->seq.v[i];
		if (m->kind != WFC_YMAP)
			continue;
		struct wfc_param *p = &out->params[out->nparams++];
		p->node = m;
		p->name = field(b, m, "name");
		p->value = field(b, m, "value");
		const struct wfc_ynode *vn = wfc_ymap_get(m, "value");
		if (vn && vn->kind == WFC_YSCALAR && vn->type == WFC_YNULL)
			p->value.node = NULL;
		p->def = field(b, m, "default");
		p->enum_node = get_seq(m, "enum");
		p->value_from = get_map(m, "valueFrom");
		p->global_name = field(b, m, "globalName");
	}
}

static const char *const artifact_locations[] = {
	"s3", "git", "http", "artifactory", "hdfs", "raw", "oss", "gcs",
	"azure", "plugin", "key", NULL
};

static void read_artifacts(struct builder *b, const struct wfc_ynode *seq,
			   struct wfc_args *out)
{
	if (!seq || seq->kind != WFC_YSEQ)
		return;
	out->arts = WFC_NEWN(b->a, struct wfc_artifact, seq->seq.n ? seq->seq.n : 1);
	for (size_t i = 0; i < seq->seq.n; i++) {
		const struct wfc_ynode *m = seq->seq.v[i];
		if (m->kind != WFC_YMAP)
			continue;
		struct wfc_artifact *ar = &out->arts[out->narts++];
		ar->node = m;
		ar->name = field(b, m, "name");
		ar->path = field(b, m, "path");
		ar->from = field(b, m, "from");
		ar->from_expression = field(b, m, "fromExpression");
		ar->global_name = field(b, m, "globalName");
		ar->optional = get_bool(m, "optional");
		for (const char *const *l = artifact_locations; *l; l++)
			if (wfc_ymap_get(m, *l))
				ar->has_location = true;
	}
}

static void read_args(struct builder *b, const struct wfc_ynode *m,
		      struct wfc_args *out)
{
	memset(out, 0, sizeof(*out));
	if (!m || m->kind != WFC_YMAP)
		return;
	out->node = m;
	read_params(b, wfc_ymap_get(m, "parameters"), out);
	read_artifacts(b, wfc_ymap_get(m, "artifacts"), out);
}

static struct wfc_tref *read_tref(struct builder *b, const struct wfc_ynode *m)
{
	if (!m || m->kind != WFC_YMAP)
		return NULL;
	struct wfc_tref *t = WFC_NEW(b->a, struct wfc_tref);
	t->node = m;
	t->name = field(b, m, "name");
	t->template = field(b, m, "template");
	t->cluster_scope = get_bool(m, "clusterScope");
	return t;
}

static void read_hooks(struct builder *b, const struct wfc_ynode *m,
		       struct wfc_hook **out, size_t *n)
{
	if (!m || m->kind != WFC_YMAP)
		return;
	*out = WFC_NEWN(b->a, struct wfc_hook, m->map.n ? m->map.n : 1);
	for (size_t i = 0; i < m->map.n; i++) {
		const struct wfc_ynode *h = m->map.v[i].val;
		if (h->kind != WFC_YMAP)
			continue;
		struct wfc_hook *k = &(*out)[(*n)++];
		k->node = h;
		k->name = sval(b, m->map.v[i].key);
		k->template = field(b, h, "template");
		k->tref = read_tref(b, wfc_ymap_get(h, "templateRef"));
		read_args(b, wfc_ymap_get(h, "arguments"), &k->args);
		k->expression = field(b, h, "expression");
	}
}

/* ---- templates ---- */

static struct wfc_template *read_template(struct builder *b,
					  const struct wfc_ynode *m,
					  struct wfc_template *t);

static void read_call(struct builder *b, const struct wfc_ynode *m,
		      struct wfc_call *c, bool task)
{
	c->node = m;
	c->name = field(b, m, "name");
	c->template = field(b, m, "template");
	c->tref = read_tref(b, wfc_ymap_get(m, "templateRef"));
	const struct wfc_ynode *in = get_map(m, "inline");
	if (in)
		c->inline_tmpl = read_template(b, in, NULL);
	read_args(b, wfc_ymap_get(m, "arguments"), &c->args);
	c->when = field(b, m, "when");
	c->with_items = get_seq(m, "withItems");
	c->with_param = field(b, m, "withParam");
	c->with_sequence = get_map(m, "withSequence");
	c->on_exit = field(b, m, "onExit");
	read_hooks(b, wfc_ymap_get(m, "hooks"), &c->hooks, &c->nhooks);
	c->continue_on = get_map(m, "continueOn");
	if (c->continue_on) {
		c->continue_failed = get_bool(c->continue_on, "failed");
		c->continue_error = get_bool(c->continue_on, "error");
	}
	if (!task)
		return;
	const struct wfc_ynode *deps = wfc_ymap_get(m, "dependencies");
	if (deps && deps->kind == WFC_YSEQ) {
		c->has_dependencies = true;
		c->deps = WFC_NEWN(b->a, struct wfc_sval, deps->seq.n ? deps->seq.n : 1);
		for (size_t i = 0; i < deps->seq.n; i++) {
			struct wfc_sval v = sval(b, deps->seq.v[i]);
			if (v.s)
				c->deps[c->ndeps++] = v;
		}
	}
	c->depends = field(b, m, "depends");
}

static const struct {
	const char *key;
	enum wfc_tmpl_type type;
} tmpl_types[] = {
	{ "container", WFC_TMPL_CONTAINER },
	{ "script", WFC_TMPL_SCRIPT },
	{ "resource", WFC_TMPL_RESOURCE },
	{ "suspend", WFC_TMPL_SUSPEND },
	{ "steps", WFC_TMPL_STEPS },
	{ "dag", WFC_TMPL_DAG },
	{ "containerSet", WFC_TMPL_CONTAINER_SET },
	{ "data", WFC_TMPL_DATA },
	{ "http", WFC_TMPL_HTTP },
	{ "plugin", WFC_TMPL_PLUGIN },
};

/* The template fields wfc compiles; any other field of Argo's schema is
 * reported as `unsupported`, so nothing is dropped silently. (containerSet,
 * data, http and plugin are types: the unsupported pass names them.) */
static const char *const compiled_tmpl_fields[] = {
	"name", "inputs", "outputs", "container", "script", "resource", "suspend",
	"steps", "dag", "containerSet", "data", "http", "plugin", "daemon",
	"retryStrategy", "timeout", "activeDeadlineSeconds", "pendingTimeout",
	"parallelism", "failFast", "nodeSelector", "affinity", "tolerations",
	"securityContext", "priorityClassName", "schedulerName", "serviceAccountName",
	"automountServiceAccountToken", "hostAliases", "initContainers", "sidecars",
	"volumes", "podSpecPatch", "metadata", "annotations", "podResources",
	"resourceClaims", "synchronization", NULL
};

static bool in_words(const char *const *list, const struct wfc_ynode *k)
{
	for (; *list; list++)
		if (strcmp(*list, k->s.text) == 0)
			return true;
	return false;
}

/* Keys of m not in the list: valid Argo (the schema check says so) that wfc
 * does not compile yet. */
static void collect_unsupported(const struct wfc_ynode *m, const char *const *compiled,
				const struct wfc_ynode **out, size_t cap, size_t *n)
{
	for (size_t i = 0; m && m->kind == WFC_YMAP && i < m->map.n; i++)
		if (!in_words(compiled, m->map.v[i].key) && *n < cap)
			out[(*n)++] = m->map.v[i].key;
}

static struct wfc_template *read_template(struct builder *b,
					  const struct wfc_ynode *m,
					  struct wfc_template *t)
{
	if (!t)
		t = WFC_NEW(b->a, struct wfc_template);
	t->node = m;
	t->doc = b->doc;
	t->name = field(b, m, "name");
	for (size_t i = 0; i < sizeof(tmpl_types) / sizeof(tmpl_types[0]); i++) {
		const struct wfc_ypair *p = wfc_ymap_pair(m, tmpl_types[i].key);
		if (!p || (p->val->kind == WFC_YSCALAR && p->val->type == WFC_YNULL))
			continue;
		if (t->ntypes < sizeof(t->type_keys) / sizeof(t->type_keys[0]))
			t->type_keys[t->ntypes] = p->key;
		t->ntypes++;
		if (t->type == WFC_TMPL_NONE) {
			t->type = tmpl_types[i].type;
			t->body = p->val;
		}
	}
	read_args(b, wfc_ymap_get(m, "inputs"), &t->inputs);
	read_args(b, wfc_ymap_get(m, "outputs"), &t->outputs);

	if (t->type == WFC_TMPL_CONTAINER || t->type == WFC_TMPL_SCRIPT) {
		t->image = field(b, t->body, "image");
	}
	const struct wfc_ynode *steps = get_seq(m, "steps");
	if (steps) {
		t->groups = WFC_NEWN(b->a, struct wfc_step_group,
				     steps->seq.n ? steps->seq.n : 1);
		for (size_t i = 0; i < steps->seq.n; i++) {
			const struct wfc_ynode *g = steps->seq.v[i];
			struct wfc_step_group *sg = &t->groups[t->ngroups++];
			sg->node = g;
			/* a group is a list of steps; Argo also reads {steps: [...]} */
			if (g->kind == WFC_YMAP)
				g = get_seq(g, "steps");
			if (!g || g->kind != WFC_YSEQ)
				continue;
			sg->steps = WFC_NEWN(b->a, struct wfc_call, g->seq.n ? g->seq.n : 1);
			for (size_t j = 0; j < g->seq.n; j++)
				if (g->seq.v[j]->kind == WFC_YMAP)
					read_call(b, g->seq.v[j], &sg->steps[sg->n++], false);
		}
	}
	const struct wfc_ynode *dag = get_map(m, "dag");
	if (dag) {
		const struct wfc_ynode *tasks = get_seq(dag, "tasks");
		if (tasks) {
			t->tasks = WFC_NEWN(b->a, struct wfc_call,
					    tasks->seq.n ? tasks->seq.n : 1);
			for (size_t i = 0; i < tasks->seq.n; i++)
				if (tasks->seq.v[i]->kind == WFC_YMAP)
					read_call(b, tasks->seq.v[i], &t->tasks[t->ntasks++], true);
		}
		t->target = field(b, dag, "target");
	}
	t->daemon = get_bool(m, "daemon");
	t->retry = get_map(m, "retryStrategy");
	t->timeout = field(b, m, "timeout");
	t->active_deadline = wfc_ymap_get(m, "activeDeadlineSeconds");
	t->parallelism = wfc_ymap_get(m, "parallelism");

	if (t->retry) {
		const struct wfc_ynode *bo = get_map(t->retry, "backoff");
		if (bo) {
			check_seconds_or_duration(b, wfc_ymap_get(bo, "duration"), "backoff.duration");
			check_seconds_or_duration(b, wfc_ymap_get(bo, "maxDuration"), "backoff.maxDuration");
			check_seconds_or_duration(b, wfc_ymap_get(bo, "cap"), "backoff.cap");
		}
	}
	if (t->timeout.s && !wfc_has_tag(t->timeout.s)) {
		double sec;
		if (wfc_is_int_text(t->timeout.s, false))
			wfc_diag_add(b->d, WFC_ERROR, WFC_RULE_duration, wfc_ypos(t->timeout.node),
				     "timeout '%s' needs a unit, as in '%ss'",
				     t->timeout.s, t->timeout.s);
		else if (!wfc_parse_go_duration(t->timeout.s, &sec))
			wfc_diag_add(b->d, WFC_ERROR, WFC_RULE_duration, wfc_ypos(t->timeout.node),
				     "timeout '%s' is not a duration (use a Go duration such as '30s', '2m', '1h')",
				     t->timeout.s);
	}
	if (t->type == WFC_TMPL_SUSPEND && t->body && t->body->kind == WFC_YMAP)
		check_seconds_or_duration(b, wfc_ymap_get(t->body, "duration"), "suspend.duration");

	collect_unsupported(m, compiled_tmpl_fields, t->unsupported,
			    sizeof(t->unsupported) / sizeof(t->unsupported[0]), &t->nunsupported);
	return t;
}

/* ---- documents ---- */

/* The WorkflowSpec fields wfc compiles (pod-level ones go to every Job,
 * run-level ones to the plan for the coordinator). */
static const char *const compiled_spec_fields[] = {
	"entrypoint", "arguments", "templates", "onExit", "hooks", "workflowTemplateRef",
	"templateDefaults", "serviceAccountName", "automountServiceAccountToken",
	"nodeSelector", "affinity", "tolerations", "securityContext", "schedulerName",
	"podPriorityClassName", "hostAliases", "hostNetwork", "dnsConfig", "dnsPolicy",
	"imagePullSecrets", "volumes", "volumeClaimTemplates", "podSpecPatch",
	"podMetadata", "podResources", "resourceClaims", "workflowMetadata",
	"activeDeadlineSeconds", "parallelism", "podGC", "ttlStrategy", "retryStrategy",
	"shutdown", "suspend", "synchronization", NULL
};

/* CronWorkflowSpec fields wfc compiles into the CronJob. */
static const char *const compiled_cron_fields[] = {
	"schedules", "schedule", "timezone", "concurrencyPolicy", "startingDeadlineSeconds",
	"successfulJobsHistoryLimit", "failedJobsHistoryLimit", "suspend", "workflowSpec",
	"workflowMetadata", NULL
};

static const struct {
	const char *name;
	enum wfc_doc_kind kind;
} doc_kinds[] = {
	{ "Workflow", WFC_WORKFLOW },
	{ "WorkflowTemplate", WFC_WORKFLOW_TEMPLATE },
	{ "ClusterWorkflowTemplate", WFC_CLUSTER_WORKFLOW_TEMPLATE },
	{ "CronWorkflow", WFC_CRON_WORKFLOW },
};

struct wfc_doc *wfc_ast_build(struct wfc_arena *a, struct wfc_diags *d,
			      const struct wfc_ydoc *ydoc)
{
	const struct wfc_ynode *root = ydoc->root;
	struct wfc_pos dpos = { ydoc->file, ydoc->line, 1 };
	if (!root || (root->kind == WFC_YSCALAR && root->type == WFC_YNULL))
		return NULL;  /* an empty document, as after a trailing '---' */
	if (root->kind != WFC_YMAP) {
		wfc_diag_add(d, WFC_ERROR, WFC_RULE_kind, wfc_ypos(root),
			     "document is %s, not a Kubernetes object", wfc_ykind_name(root));
		return NULL;
	}
	const struct wfc_ynode *kind = wfc_ymap_get(root, "kind");
	const struct wfc_ynode *api = wfc_ymap_get(root, "apiVersion");
	if (!kind || !wfc_yis_str(kind)) {
		/* other YAML (CI configs, Helm values) is skipped, unless it says it is Argo */
		bool argo = api && wfc_yis_str(api) && strncmp(api->s.text, "argoproj.io/", 12) == 0;
		wfc_diag_add(d, argo || kind ? WFC_ERROR : WFC_NOTE, WFC_RULE_kind,
			     kind ? wfc_ypos(kind) : dpos,
			     argo || kind ? "document has no 'kind'"
			     : "skipping a document with no 'kind': not a Kubernetes object");
		return NULL;
	}
	int ki = -1;
	for (size_t i = 0; i < sizeof(doc_kinds) / sizeof(doc_kinds[0]); i++)
		if (strcmp(kind->s.text, doc_kinds[i].name) == 0)
			ki = (int)i;
	bool argo_api = api && wfc_yis_str(api) &&
			strncmp(api->s.text, "argoproj.io/", 12) == 0;
	if (ki < 0) {
		if (argo_api)
			wfc_diag_add(d, WFC_ERROR, WFC_RULE_kind, wfc_ypos(kind),
				     "kind '%s' is not one of Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow",
				     kind->s.text);
		else
			wfc_diag_add(d, WFC_NOTE, WFC_RULE_kind, wfc_ypos(kind),
				     "skipping '%s': not an Argo workflow document",
				     kind->s.text);
		return NULL;
	}
	if (!argo_api)
		wfc_diag_add(d, WFC_ERROR, WFC_RULE_kind, api ? wfc_ypos(api) : wfc_ypos(kind),
			     "apiVersion of a %s must be 'argoproj.io/v1alpha1'",
			     doc_kinds[ki].name);

	struct builder b = { .a = a, .d = d };
	struct wfc_doc *doc = WFC_NEW(a, struct wfc_doc);
	b.doc = doc;
	doc->kind = doc_kinds[ki].kind;
	doc->root = root;
	doc->file = ydoc->file;
	const struct wfc_ynode *meta = get_map(root, "metadata");
	doc->name = field(&b, meta, "name");
	doc->generate_name = field(&b, meta, "generateName");
	doc->namespace = field(&b, meta, "namespace");
	doc->labels = get_map(meta, "labels");
	doc->annotations = get_map(meta, "annotations");

	const struct wfc_ynode *spec = get_map(root, "spec");
	if (doc->kind == WFC_CRON_WORKFLOW) {
		doc->schedule = wfc_ymap_get(spec, "schedule");
		if (!doc->schedule)
			doc->schedule = wfc_ymap_get(spec, "schedules");
		spec = get_map(spec, "workflowSpec");
	}
	doc->spec = spec;
	if (!spec)
		return doc;
	doc->entrypoint = field(&b, spec, "entrypoint");
	read_args(&b, wfc_ymap_get(spec, "arguments"), &doc->args);
	doc->on_exit = field(&b, spec, "onExit");
	doc->wf_tref = read_tref(&b, wfc_ymap_get(spec, "workflowTemplateRef"));
	read_hooks(&b, wfc_ymap_get(spec, "hooks"), &doc->hooks, &doc->nhooks);
	doc->service_account = field(&b, spec, "serviceAccountName");
	const struct wfc_ynode *tmpls = get_seq(spec, "templates");
	if (tmpls) {
		doc->templates = WFC_NEWN(a, struct wfc_template, tmpls->seq.n ? tmpls->seq.n : 1);
		for (size_t i = 0; i < tmpls->seq.n; i++)
			if (tmpls->seq.v[i]->kind == WFC_YMAP)
				read_template(&b, tmpls->seq.v[i], &doc->templates[doc->ntemplates++]);
	}
	size_t cap = sizeof(doc->unsupported) / sizeof(doc->unsupported[0]);
	collect_unsupported(spec, compiled_spec_fields, doc->unsupported, cap, &doc->nunsupported);
	if (doc->kind == WFC_CRON_WORKFLOW)
		collect_unsupported(get_map(root, "spec"), compiled_cron_fields, doc->unsupported,
				    cap, &doc->nunsupported);
	return doc;
}
