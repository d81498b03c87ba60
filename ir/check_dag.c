/* Pass "dag": dependencies and depends name real tasks, depends parses with
 * Argo's result names, the two are not mixed, there is no cycle, targets
 * exist. */
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"
#include "support/buf.h"
#include "support/depends.h"

/* Column of byte offset off in a one-line scalar. */
static struct wfc_pos at_offset(const struct wfc_ynode *n, size_t off)
{
	struct wfc_pos p = wfc_ypos(n);
	if (n && n->kind == WFC_YSCALAR && !memchr(n->s.text, '\n', n->s.len))
		p.col += (unsigned)off + (n->plain ? 0 : 1);
	return p;
}

struct dag {
	struct wfc_graph *g;
	const struct wfc_gtmpl *gt;
	const struct wfc_template *t;
	size_t n;
	size_t **edges;    /* edges[i]: indexes of the tasks i depends on */
	size_t *nedges;
	unsigned char *color;
	size_t *stack;
	size_t nstack;
	bool cycle_found;
};

static long task_index(const struct dag *dg, const char *name)
{
	const struct wfc_call *c = wfc_strmap_get(&dg->gt->tasks, name, strlen(name));
	return c ? (long)(c - dg->t->tasks) : -1;
}

static void unknown_dep(struct dag *dg, const struct wfc_call *task, const char *dep,
			struct wfc_pos pos)
{
	const char **cands = WFC_NEWN(dg->g->a, const char *, dg->n + 1);
	for (size_t i = 0; i < dg->n; i++)
		cands[i] = dg->t->tasks[i].name.s;
	const char *best = wfc_did_you_mean(dep, cands, dg->n);
	struct wfc_diag *d = wfc_diag_add(dg->g->d, WFC_ERROR, WFC_RULE_dependency, pos,
					  "task '%s' depends on '%s', which is not a task of this DAG%s%s%s",
					  task->name.s ? task->name.s : "", dep,
					  best ? "; did you mean '" : "", best ? best : "",
					  best ? "'?" : "");
	if (best)
		wfc_diag_set_suggestion(d, best);
}

static void add_edge(struct dag *dg, size_t from, size_t to)
{
	size_t n = dg->nedges[from];
	size_t *v = realloc(dg->edges[from], (n + 1) * sizeof(*v));
	if (!v)
		abort();
	v[n] = to;
	dg->edges[from] = v;
	dg->nedges[from] = n + 1;
}

/* Iterative DFS: a grey node met again closes a cycle, reported once. */
static void find_cycles(struct dag *dg)
{
	size_t *it = calloc(dg->n ? dg->n : 1, sizeof(*it));
	if (!it)
		abort();
	for (size_t root = 0; root < dg->n && !dg->cycle_found; root++) {
		if (dg->color[root])
			continue;
		dg->nstack = 0;
		dg->stack[dg->nstack++] = root;
		dg->color[root] = 1;
		while (dg->nstack && !dg->cycle_found) {
			size_t u = dg->stack[dg->nstack - 1];
			if (it[u] < dg->nedges[u]) {
				size_t v = dg->edges[u][it[u]++];
				if (dg->color[v] == 1) {
					/* the cycle is v ... u on the stack, then v again */
					struct wfc_buf b = { 0 };
					size_t k = dg->nstack;
					while (k > 0 && dg->stack[k - 1] != v)
						k--;
					for (size_t j = k - 1; j < dg->nstack; j++)
						wfc_buf_printf(&b, "%s->", dg->t->tasks[dg->stack[j]].name.s);
					wfc_buf_puts(&b, dg->t->tasks[v].name.s);
					const struct wfc_call *tv = &dg->t->tasks[v];
					wfc_diag_add(dg->g->d, WFC_ERROR, WFC_RULE_dag_cycle,
						     wfc_ypos(tv->name.node ? tv->name.node : tv->node),
						     "templates.%s.tasks dependency cycle detected: %s",
						     dg->t->name.s ? dg->t->name.s : "", wfc_buf_str(&b));
					wfc_buf_free(&b);
					dg->cycle_found = true;
				} else if (!dg->color[v]) {
					dg->color[v] = 1;
					dg->stack[dg->nstack++] = v;
				}
			} else {
				dg->color[u] = 2;
				dg->nstack--;
			}
		}
	}
	free(it);
}

static void check_dag(struct wfc_graph *g, struct wfc_gtmpl *gt)
{
	const struct wfc_template *t = gt->t;
	if (t->type != WFC_TMPL_DAG || !t->ntasks || !wfc_gtmpl_wanted(gt))
		return;
	struct dag dg = { .g = g, .gt = gt, .t = t, .n = t->ntasks };
	dg.edges = calloc(dg.n, sizeof(*dg.edges));
	dg.nedges = calloc(dg.n, sizeof(*dg.nedges));
	dg.color = calloc(dg.n, 1);
	dg.stack = calloc(dg.n, sizeof(*dg.stack));
	if (!dg.edges || !dg.nedges || !dg.color || !dg.stack)
		abort();

	const struct wfc_call *first_depends = NULL, *first_deps = NULL;
	for (size_t i = 0; i < t->ntasks; i++) {
		if (t->tasks[i].depends.s && !first_depends)
			first_depends = &t->tasks[i];
		if (t->tasks[i].has_dependencies && t->tasks[i].ndeps && !first_deps)
			first_deps = &t->tasks[i];
	}
	if (first_depends && first_deps) {
		const struct wfc_call *later = first_depends->node->line > first_deps->node->line
					       ? first_depends : first_deps;
		wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_mixed_dependencies,
			     wfc_ypos(later == first_depends ? later->depends.node
				      : wfc_ymap_pair(later->node, "dependencies")->key),
			     "templates.%s cannot use both 'depends' and 'dependencies' in the same DAG template",
			     t->name.s ? t->name.s : "");
	}

	for (size_t i = 0; i < t->ntasks; i++) {
		const struct wfc_call *c = &t->tasks[i];
		if (c->name.s && c->name.s[0] >= '0' && c->name.s[0] <= '9' &&
		    (first_depends || first_deps))
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_name, wfc_ypos(c->name.node),
				     "templates.%s.tasks.%s name cannot begin with a digit when using either 'depends' or 'dependencies'",
				     t->name.s ? t->name.s : "", c->name.s);
		if (c->depends.s && c->continue_on)
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_depends, wfc_ypos(c->continue_on),
				     "task '%s' cannot use 'continueOn' with 'depends': use 'dep-task.Failed' or 'dep-task.Errored' instead",
				     c->name.s ? c->name.s : "");
		for (size_t k = 0; k < c->ndeps; k++) {
			long j = task_index(&dg, c->deps[k].s);
			if (j < 0)
				unknown_dep(&dg, c, c->deps[k].s, wfc_ypos(c->deps[k].node));
			else
				add_edge(&dg, i, (size_t)j);
		}
		if (!c->depends.s)
			continue;
		struct wfc_gv_error err;
		struct wfc_depends *dp = wfc_depends_parse(c->depends.s, &err);
		if (!dp) {
			wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_depends,
				     at_offset(c->depends.node, err.offset),
				     "invalid depends '%s': %s", c->depends.s, err.message);
			continue;
		}
		for (size_t k = 0; k < wfc_depends_ntasks(dp); k++) {
			const char *dep = wfc_depends_task(dp, k);
			long j = task_index(&dg, dep);
			if (j < 0) {
				unknown_dep(&dg, c, dep,
					    at_offset(c->depends.node, wfc_depends_task_offset(dp, k)));
				continue;
			}
			add_edge(&dg, i, (size_t)j);
			const struct wfc_call *dc = &t->tasks[j];
			if ((wfc_depends_task_results(dp, k) &
			     (WFC_DEPENDS_ANY_SUCCEEDED | WFC_DEPENDS_ALL_FAILED)) && !dc->with_items &&
			    !dc->with_param.s && !dc->with_sequence)
				wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_depends,
					     at_offset(c->depends.node, wfc_depends_task_offset(dp, k)),
					     "task '%s': dependency '%s' uses an items-based condition such as .AnySucceeded or .AllFailed but does not contain any items",
					     c->name.s ? c->name.s : "", dep);
		}
		wfc_depends_free(dp);
	}
	find_cycles(&dg);

	if (t->target.s && !strstr(t->target.s, "{{")) {
		const char *s = t->target.s;
		while (*s) {
			while (*s == ' ')
				s++;
			size_t len = strcspn(s, " ");
			if (!len)
				break;
			char *name = wfc_arena_strndup(g->a, s, len);
			if (task_index(&dg, name) < 0)
				wfc_diag_add(g->d, WFC_ERROR, WFC_RULE_dependency,
					     at_offset(t->target.node, (size_t)(s - t->target.s)),
					     "templates.%s.targets: target '%s' is not defined",
					     t->name.s ? t->name.s : "", name);
			s += len;
		}
	}
	for (size_t i = 0; i < dg.n; i++)
		free(dg.edges[i]);
	free(dg.edges);
	free(dg.nedges);
	free(dg.color);
	free(dg.stack);
}

void wfc_pass_check_dag(struct wfc_graph *g)
{
	wfc_graph_each_template(g, check_dag);
}
