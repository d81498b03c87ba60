/* Compile-time {{...}} substitution, and YAML subtrees as JSON. */
#ifndef WFC_SUBST_H
#define WFC_SUBST_H
#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdlib.h>

#include "ir/plan.h"
#include "support/text.h"

struct wfc_scope {
	const struct wfc_plan *plan;
	const struct wfc_pnode *node;   /* inputs.* come from here (NULL: none) */
	const cJSON *item;              /* {{item}} (NULL: not in a loop) */
};

/* s with every tag the plan knows replaced; tags only a run can fill are
 * kept as written and *runtime is set. Returns s itself when it has no tag. */
const char *wfc_subst(struct wfc_arena *a, const struct wfc_scope *sc, const char *s,
		      bool *runtime);
/* Literal text (from -p): escaped so that it is never read as a tag. */
const char *wfc_literal(struct wfc_arena *a, const char *s);
/* The text of an escaped string as the user wrote it (malloc'd). */
char *wfc_unliteral(const char *s);
/* A YAML subtree as cJSON (YAML 1.1 types), strings substituted in scope sc
 * when sc is not NULL. The caller owns the result (cJSON_Delete). */
cJSON *wfc_ynode_to_json(struct wfc_arena *a, const struct wfc_ynode *n,
			 const struct wfc_scope *sc, bool *runtime, unsigned depth);

#endif
