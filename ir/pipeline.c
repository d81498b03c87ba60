/* The whole pass pipeline, in order, with a verify step between passes and
 * a dump of the graph after the pass named by --dump-ir=PASS. */
#include <string.h>

#include "ir/ir.h"
#include "wfc.h"

static const struct {
	const char *name;
	void (*run)(struct wfc_graph *g);
} passes[] = {
	{ "index", wfc_pass_index },
	{ "resolve", wfc_pass_resolve },
	{ "templates", wfc_pass_check_templates },
	{ "calls", wfc_pass_check_calls },
	{ "dag", wfc_pass_check_dag },
	{ "references", wfc_pass_check_refs },
	{ "results", wfc_pass_results },
	{ "unsupported", wfc_pass_unsupported },
};

#define NPASSES (sizeof(passes) / sizeof(passes[0]))

static const char *const pass_names[NPASSES + 1] = {
	"index", "resolve", "templates", "calls", "dag", "references", "results", "unsupported", NULL
};

const char *const *wfc_pass_names(void)
{
	return pass_names;
}

void wfc_pipeline_run(struct wfc_graph *g, const char *dump_after, FILE *dump_out)
{
	for (size_t i = 0; i < NPASSES; i++) {
		passes[i].run(g);
		if (!wfc_graph_verify(g, stderr)) {
			fprintf(stderr, "wfc: internal error: graph invalid after pass '%s'\n",
				passes[i].name);
			return;
		}
		if (dump_after && strcmp(dump_after, passes[i].name) == 0) {
			fprintf(dump_out, "# graph after pass '%s'\n", passes[i].name);
			wfc_graph_dump(g, dump_out);
		}
	}
}
