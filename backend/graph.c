/* wfc_graph: the plan as Graphviz DOT or Mermaid. One node per plan node,
 * laid out as Argo's UI draws a run: a steps template leads to its groups in
 * a column, each group a small circle fanning out to its steps; a DAG leads
 * to its tasks without dependencies, and the tasks a task's depends names
 * lead to it. Whatever follows a node that runs a template follows the last
 * nodes of that template (its "outbound" nodes), so nested templates read
 * top to bottom. Exit handlers and hooks follow with dashed edges. */
#include <stdlib.h>
#include <string.h>

#include "backend/compile.h"
#include "backend/graph.h"
#include "support/depends.h"
#include "support/strmap.h"

struct look {
	const char *dot;       /* DOT attributes beside the label */
	const char *mm_open;   /* Mermaid shape around the label */
	const char *mm_close;
	const char *mm_class;  /* Mermaid class and its classDef */
	const char *mm_style;
};

#define TMPL_DOT "style=\"rounded,filled\", fillcolor=\"#dae8fc\""
#define TMPL_MM "fill:#dae8fc,stroke:#6c8ebf"

static const struct look looks[] = {
	[WFC_PN_STEPS] = { TMPL_DOT, "(", ")", "steps", TMPL_MM },
	[WFC_PN_GROUP] = { "shape=circle, fillcolor=\"#f5f5f5\", fontsize=9", "((", "))",
			   "group", "fill:#f5f5f5,stroke:#999999" },
	[WFC_PN_DAG] = { TMPL_DOT, "(", ")", "dag", TMPL_MM },
	[WFC_PN_POD] = { "fillcolor=\"#d5e8d4\"", "[", "]", "pod",
			 "fill:#d5e8d4,stroke:#82b366" },
	[WFC_PN_RESOURCE] = { "shape=note, fillcolor=\"#fff2cc\"", ">", "]", "resource",
			      "fill:#fff2cc,stroke:#d6b656" },
	[WFC_PN_SUSPEND] = { "shape=diamond, fillcolor=\"#ffe6cc\"", "{", "}", "suspend",
			     "fill:#ffe6cc,stroke:#d79b00" },
	[WFC_PN_EXPAND] = { "style=dashed", "[", "]", "expand",
			    "fill:#ffffff,stroke:#666666,stroke-dasharray:5 5" },
	[WFC_PN_SKIPPED] = { "style=dotted, fontcolor=\"#888888\"", "[", "]", "skipped",
			     "fill:#ffffff,stroke:#999999,stroke-dasharray:2 2,color:#888888" },
};

#define NLOOKS (sizeof(looks) / sizeof(looks[0]))

struct drawer {
	const struct wfc_plan *p;
	enum wfc_graph_format f;
	FILE *out;
	struct wfc_depends **deps;  /* by node id: the parsed depends of a task */
	bool *needed;               /* by node id: a task some sibling depends on */
};

/* s inside a quoted label: DOT escapes, or Mermaid's entities (a '#' or
 * '&' could start one, '<' HTML, '`' a Markdown string). */
static void put_text(const struct drawer *d, const char *s)
{
	bool dot = d->f == WFC_GRAPH_DOT;
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		const char *rep = NULL;
		switch (*c) {
		case '"':
			rep = dot ? "\\\"" : "#quot;";
			break;
		case '\\':
			rep = dot ? "\\\\" : NULL;
			break;
		case '\n':
			rep = dot ? "\\n" : "<br>";
			break;
		case '#':
			rep = dot ? NULL : "#35;";
			break;
		case '&':
			rep = dot ? NULL : "#amp;";
			break;
		case '<':
			rep = dot ? NULL : "#lt;";
			break;
		case '>':
			rep = dot ? NULL : "#gt;";
			break;
		case '`':
			rep = dot ? NULL : "#96;";
			break;
		default:
			break;
		}
		if (rep)
			fputs(rep, d->out);
		else
			fputc(*c < 0x20 || *c == 0x7f ? ' ' : *c, d->out);
	}
}

/* "display", and a second line for what is not one run of a template */
static void put_label(const struct drawer *d, const struct wfc_pnode *n)
{
	const char *br = d->f == WFC_GRAPH_DOT ? "\\n" : "<br>";
	fputc('"', d->out);
	put_text(d, n->display);
	if (n->type == WFC_PN_EXPAND) {
		fprintf(d->out, "%sexpanded at run time", br);
		if (n->expand_reason) {
			fputs(" (", d->out);
			put_text(d, n->expand_reason);
			fputc(')', d->out);
		}
	} else if (n->type == WFC_PN_SKIPPED) {
		fprintf(d->out, "%sno items: skipped", br);
	}
	fputc('"', d->out);
}

static void put_node(const struct drawer *d, const struct wfc_pnode *n)
{
	const struct look *l = &looks[n->type];
	if (d->f == WFC_GRAPH_DOT) {
		fprintf(d->out, "\tn%zu [label=", n->id);
		put_label(d, n);
		fprintf(d->out, ", %s];\n", l->dot);
	} else {
		fprintf(d->out, "    n%zu%s", n->id, l->mm_open);
		put_label(d, n);
		fprintf(d->out, "%s:::%s\n", l->mm_close, l->mm_class);
	}
}

static void put_edge(const struct drawer *d, const struct wfc_pnode *from,
		     const struct wfc_pnode *to, bool dashed, const char *label)
{
	if (d->f == WFC_GRAPH_DOT) {
		fprintf(d->out, "\tn%zu -> n%zu", from->id, to->id);
		if (dashed || label) {
			fputs(" [", d->out);
			if (dashed)
				fprintf(d->out, "style=dashed%s", label ? ", " : "");
			if (label) {
				fputs("label=\"", d->out);
				put_text(d, label);
				fputc('"', d->out);
			}
			fputc(']', d->out);
		}
		fputs(";\n", d->out);
	} else {
		fprintf(d->out, "    n%zu %s", from->id, dashed ? "-.->" : "-->");
		if (label) {
			fputs("|\"", d->out);
			put_text(d, label);
			fputs("\"|", d->out);
		}
		fprintf(d->out, " n%zu\n", to->id);
	}
}

/* Children that make up a node's template, without its hooks. */
static bool is_body(const struct wfc_pnode *c)
{
	return c->hook == NULL;
}

/* Edges to `to` from the nodes that finish n: n itself, or the outbound
 * nodes of the template it runs (the last group's steps, the tasks nothing
 * in the DAG depends on). */
static void put_edges_after(const struct drawer *d, const struct wfc_pnode *n,
			    const struct wfc_pnode *to, bool dashed, const char *label)
{
	bool any = false;
	switch (n->type) {
	case WFC_PN_STEPS: {
		const struct wfc_pnode *last = NULL;
		for (size_t i = 0; i < n->nchildren; i++)
			if (is_body(n->children[i]))
				last = n->children[i];
		if (last) {
			put_edges_after(d, last, to, dashed, label);
			any = true;
		}
		break;
	}
	case WFC_PN_GROUP:
	case WFC_PN_DAG:
		for (size_t i = 0; i < n->nchildren; i++) {
			const struct wfc_pnode *c = n->children[i];
			if (!is_body(c) || (n->type == WFC_PN_DAG && d->needed[c->id]))
				continue;
			put_edges_after(d, c, to, dashed, label);
			any = true;
		}
		break;
	default:
		break;
	}
	if (!any)
		put_edge(d, n, to, dashed, label);
}

static const char *task_name(const struct wfc_pnode *t)
{
	return is_body(t) && t->call && t->call->name.s ? t->call->name.s : NULL;
}

/* Task name -> the slot in dag->children of its first node; the nodes of
 * one task (its loop items) are next to each other. */
static void index_tasks(const struct wfc_pnode *dag, struct wfc_strmap *m)
{
	for (size_t i = 0; i < dag->nchildren; i++) {
		const char *name = task_name(dag->children[i]);
		if (name && !wfc_strmap_get(m, name, strlen(name)))
			wfc_strmap_put(m, name, strlen(name), (void *)&dag->children[i]);
	}
}

/* The nodes of the task named by depends' i-th reference: [*first, *end). */
static size_t task_nodes(const struct wfc_pnode *dag, const struct wfc_strmap *m,
			 const struct wfc_depends *dep, size_t i,
			 struct wfc_pnode *const **first)
{
	const char *name = wfc_depends_task(dep, i);
	struct wfc_pnode *const *s = wfc_strmap_get(m, name, strlen(name));
	struct wfc_pnode *const *end = dag->children + dag->nchildren;
	size_t k = 0;
	if (s)
		while (s + k < end && is_body(s[k]) && s[k]->call == s[0]->call)
			k++;
	*first = s;
	return k;
}

/* Parses every task's depends and marks the tasks others depend on. */
static void prepare(struct drawer *d)
{
	for (size_t i = 0; i < d->p->nnodes; i++) {
		const struct wfc_pnode *dag = d->p->nodes[i];
		if (dag->type != WFC_PN_DAG)
			continue;
		struct wfc_strmap m = { 0 };
		index_tasks(dag, &m);
		for (size_t j = 0; j < dag->nchildren; j++) {
			const struct wfc_pnode *t = dag->children[j];
			if (!task_name(t) || !t->depends)
				continue;
			struct wfc_depends *dep = wfc_depends_parse(t->depends, NULL);
			if (!dep)
				continue;  /* validation said why */
			d->deps[t->id] = dep;
			for (size_t k = 0; k < wfc_depends_ntasks(dep); k++) {
				struct wfc_pnode *const *s;
				size_t n = task_nodes(dag, &m, dep, k, &s);
				for (size_t q = 0; q < n; q++)
					d->needed[s[q]->id] = true;
			}
		}
		wfc_strmap_free(&m);
	}
}

/* The results a reference names ("Failed", "Succeeded, Skipped"), or NULL
 * for a plain one. */
static const char *results_label(unsigned bits, char *buf, size_t size)
{
	static const struct {
		unsigned bit;
		const char *word;
	} words[] = {
		{ WFC_DEPENDS_SUCCEEDED, "Succeeded" },
		{ WFC_DEPENDS_FAILED, "Failed" },
		{ WFC_DEPENDS_ERRORED, "Errored" },
		{ WFC_DEPENDS_SKIPPED, "Skipped" },
		{ WFC_DEPENDS_OMITTED, "Omitted" },
		{ WFC_DEPENDS_DAEMONED, "Daemoned" },
		{ WFC_DEPENDS_ANY_SUCCEEDED, "AnySucceeded" },
		{ WFC_DEPENDS_ALL_FAILED, "AllFailed" },
	};
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if ((bits & words[i].bit) && len < size) {
			int w = snprintf(buf + len, size - len, "%s%s", len ? ", " : "",
					 words[i].word);
			len += w > 0 ? (size_t)w : 0;
		}
	return len ? buf : NULL;
}

static void put_dag_edges(const struct drawer *d, const struct wfc_pnode *dag)
{
	struct wfc_strmap m = { 0 };
	index_tasks(dag, &m);
	for (size_t j = 0; j < dag->nchildren; j++) {
		const struct wfc_pnode *t = dag->children[j];
		const struct wfc_depends *dep = d->deps[t->id];
		bool any = false;
		if (!task_name(t))
			continue;
		for (size_t k = 0; dep && k < wfc_depends_ntasks(dep); k++) {
			struct wfc_pnode *const *s;
			size_t n = task_nodes(dag, &m, dep, k, &s);
			char buf[128];
			const char *label = results_label(wfc_depends_task_results(dep, k),
							  buf, sizeof(buf));
			for (size_t q = 0; q < n; q++)
				put_edges_after(d, s[q], t, false, label);
			any = any || n > 0;
		}
		if (!any)
			put_edge(d, dag, t, false, NULL);
	}
	wfc_strmap_free(&m);
}

/* steps -> [0] -> its steps -> [1] -> ... */
static void put_steps_edges(const struct drawer *d, const struct wfc_pnode *steps)
{
	const struct wfc_pnode *prev = NULL;
	for (size_t i = 0; i < steps->nchildren; i++) {
		const struct wfc_pnode *g = steps->children[i];
		if (g->type != WFC_PN_GROUP)
			continue;
		if (!prev)
			put_edge(d, steps, g, false, NULL);
		else
			put_edges_after(d, prev, g, false, NULL);
		for (size_t k = 0; k < g->nchildren; k++)
			put_edge(d, g, g->children[k], false, NULL);
		prev = g;
	}
}

static void put_edges(const struct drawer *d, const struct wfc_pnode *n)
{
	if (n->type == WFC_PN_STEPS)
		put_steps_edges(d, n);
	else if (n->type == WFC_PN_DAG)
		put_dag_edges(d, n);
	for (size_t i = 0; i < n->nchildren; i++)
		if (!is_body(n->children[i]))
			put_edges_after(d, n, n->children[i], true, NULL);
}

void wfc_graph_write(const struct wfc_plan *p, enum wfc_graph_format format, FILE *out)
{
	struct drawer d = { .p = p, .f = format, .out = out };
	size_t n = p->nnodes ? p->nnodes : 1;
	d.deps = calloc(n, sizeof(*d.deps));
	d.needed = calloc(n, sizeof(*d.needed));
	if (!d.deps || !d.needed)
		abort();
	prepare(&d);

	if (format == WFC_GRAPH_DOT) {
		fputs("digraph \"", out);
		put_text(&d, p->name);
		fputs("\" {\n"
		      "\tnode [shape=box, style=filled, fillcolor=\"#ffffff\", "
		      "fontname=\"Helvetica\", fontsize=11];\n"
		      "\tedge [fontname=\"Helvetica\", fontsize=9];\n", out);
	} else {
		fputs("flowchart TD\n", out);
	}
	bool used[NLOOKS] = { false };
	for (size_t i = 0; i < p->nnodes; i++) {
		put_node(&d, p->nodes[i]);
		used[p->nodes[i]->type] = true;
	}
	for (size_t i = 0; i < p->nnodes; i++)
		put_edges(&d, p->nodes[i]);
	if (p->root && p->on_exit)
		put_edges_after(&d, p->root, p->on_exit, true, NULL);
	if (format == WFC_GRAPH_DOT) {
		fputs("}\n", out);
	} else {
		for (size_t t = 0; t < NLOOKS; t++)
			if (used[t])
				fprintf(out, "    classDef %s %s\n", looks[t].mm_class,
					looks[t].mm_style);
	}

	for (size_t i = 0; i < p->nnodes; i++)
		wfc_depends_free(d.deps[i]);
	free(d.deps);
	free(d.needed);
}

struct graph_sink {
	enum wfc_graph_format f;
	FILE *out;
	size_t n;
};

static void plan_graph(void *user, const struct wfc_plan *p)
{
	struct graph_sink *s = user;
	if (s->n++)
		fputc('\n', s->out);
	wfc_graph_write(p, s->f, s->out);
}

size_t wfc_graph(struct wfc_ctx *ctx, const struct wfc_compile_cfg *cfg,
		 enum wfc_graph_format format, FILE *out)
{
	struct wfc_diags *d = wfc_ctx_diags(ctx);
	size_t before = d->errors;
	struct graph_sink s = { .f = format, .out = out };
	wfc_each_plan(ctx, cfg, plan_graph, &s);
	wfc_diags_sort(d);
	return d->errors - before;
}
