/* Argo's schema: every field of Workflow, WorkflowTemplate,
 * ClusterWorkflowTemplate and CronWorkflow with its type, down through the
 * Kubernetes core types, from a constant table generated out of Argo's JSON
 * schema (frontend/schema_table.c, tools/gen-schema-table.py). Checking a YAML
 * tree against it reports unknown fields (with a suggestion when one is close)
 * and values of the wrong type, the way Kubernetes' YAML 1.1 reader and Argo's
 * Go types would reject them. */
#ifndef WFC_SCHEMA_H
#define WFC_SCHEMA_H
#include <stddef.h>

#include "frontend/yaml.h"
#include "support/diag.h"

struct wfc_stype;  /* opaque; a type lives as long as the program */

/* "Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow";
 * NULL for any other kind. The type is the whole document: apiVersion, kind,
 * metadata, spec, status. */
const struct wfc_stype *wfc_schema_for_kind(const char *kind);
/* By full definition name ("io.argoproj.workflow.v1alpha1.WorkflowStep"),
 * NULL when the schema has no such definition reachable from the kinds. */
const struct wfc_stype *wfc_schema_type(const char *definition);
/* The type of a field of an object type; NULL when it is not a field. */
const struct wfc_stype *wfc_schema_field(const struct wfc_stype *t,
					 const char *field);
/* The full definition name, or a description of an unnamed type: "string",
 * "AnyString", "[]string", "map[string]io.k8s...Quantity". */
const char *wfc_schema_type_name(const struct wfc_stype *t);

/* Checks the tree n against t: every unknown field and every wrong type is
 * one diagnostic (WFC_RULE_unknown_field at the key, WFC_RULE_type at the
 * value). null is accepted everywhere. Returns the number of errors added. */
size_t wfc_schema_check(struct wfc_diags *d, const struct wfc_ynode *n,
			const struct wfc_stype *t);

#ifdef WFC_SCHEMA_INTERNAL
/* The layout of the generated table, for schema.c and schema_table.c only. */
enum wfc_skind {
	WFC_SK_OBJECT,         /* fields: sorted by name */
	WFC_SK_ARRAY,          /* a list of sub */
	WFC_SK_MAP,            /* a mapping of any keys to sub */
	WFC_SK_STRING,
	WFC_SK_INTEGER,
	WFC_SK_NUMBER,         /* integer or float */
	WFC_SK_BOOLEAN,
	WFC_SK_INT_OR_STRING,  /* intstr.IntOrString */
	WFC_SK_QUANTITY,       /* resource.Quantity: a string or a number */
	WFC_SK_ANY_STRING,     /* Argo's AnyString: string, number or boolean */
	WFC_SK_ANY,            /* any value (Item) */
	WFC_SK_FREE_OBJECT,    /* a mapping of anything (Plugin, FieldsV1) */
};

struct wfc_stype {
	unsigned short name;   /* offset in strings */
	unsigned char kind;    /* enum wfc_skind */
	unsigned char named;   /* a schema definition, not an unnamed type */
	unsigned short sub;    /* object: first field; array, map: element type */
	unsigned short nfields;
};

struct wfc_sfield {
	unsigned short name;   /* offset in strings */
	unsigned short type;   /* index in types */
};

struct wfc_schema_table {
	const char *strings;
	const struct wfc_stype *types;    /* sorted by name */
	const struct wfc_sfield *fields;
	unsigned ntypes, nfields;
};

extern const struct wfc_schema_table wfc_schema_table;
#endif

#endif
