/* A plan as a picture for reviewers: Graphviz DOT or Mermaid. */
#ifndef WFC_BACKEND_GRAPH_H
#define WFC_BACKEND_GRAPH_H
#include <stdio.h>

#include "ir/plan.h"
#include "wfc.h"

/* Writes p as one Graphviz digraph or one Mermaid flowchart: a node per
 * plan node (named n<id>), edges in the order the nodes run. */
void wfc_graph_write(const struct wfc_plan *p, enum wfc_graph_format format, FILE *out);

#endif
