/* The YAML tree: libfyaml events turned into compact arena nodes, each with
 * its file:line:col. Nodes belong to the arena they were loaded into; an alias
 * is the same node as its anchor, so the tree is a DAG and must be read only. */
#ifndef WFC_YAML_H
#define WFC_YAML_H
#include <stdbool.h>
#include <stddef.h>

#include "support/arena.h"
#include "support/diag.h"

enum wfc_ykind { WFC_YSCALAR, WFC_YMAP, WFC_YSEQ };

/* The type Kubernetes' YAML 1.1 reader gives a scalar: plain scalars are
 * resolved (yes/on -> bool, 0755 -> int, ~ -> null), quoted and block
 * scalars are strings. */
enum wfc_ytype { WFC_YSTR, WFC_YNULL, WFC_YBOOL, WFC_YINT, WFC_YFLOAT };

enum wfc_ystyle { WFC_YPLAIN, WFC_YSINGLE, WFC_YDOUBLE, WFC_YLITERAL, WFC_YFOLDED };

struct wfc_ypair;

struct wfc_ynode {
	unsigned char kind;   /* enum wfc_ykind */
	unsigned char type;   /* enum wfc_ytype, scalars only */
	unsigned char plain;  /* scalar was written plain (unquoted) */
	unsigned char style;  /* enum wfc_ystyle, scalars only */
	unsigned line, col;   /* 1-based */
	const char *file;
	union {
		struct { const char *text; size_t len; } s;
		struct { struct wfc_ynode **v; size_t n; } seq;
		struct { struct wfc_ypair *v; size_t n; } map;
	};
};

struct wfc_ypair {
	struct wfc_ynode *key;  /* always a scalar */
	struct wfc_ynode *val;
};

struct wfc_ydoc {
	struct wfc_ynode *root;  /* NULL for an empty document */
	const char *file;
	unsigned line;           /* where the document starts */
};

struct wfc_limits {
	size_t max_file_size;      /* bytes of one input */
	size_t max_documents;      /* documents of one input */
	unsigned max_depth;        /* nesting of mappings and sequences */
	size_t max_alias_nodes;    /* nodes reachable through aliases, per document */
};

#define WFC_DEFAULT_MAX_FILE_SIZE ((size_t)64 << 20)
#define WFC_DEFAULT_MAX_DOCUMENTS 10000
#define WFC_DEFAULT_MAX_DEPTH 256
#define WFC_DEFAULT_MAX_ALIAS_NODES 1000000

void wfc_limits_default(struct wfc_limits *l);

/* Parses every document of text (named name, which must outlive the arena)
 * into the arena. YAML errors and limit overruns become diagnostics; the
 * documents read before an error are kept. Appends to *docs / *ndocs
 * (a malloc'd array the caller frees). Returns the number of errors added. */
size_t wfc_yaml_load(struct wfc_arena *a, struct wfc_diags *d,
		     const char *name, const char *text, size_t len,
		     const struct wfc_limits *lim,
		     struct wfc_ydoc **docs, size_t *ndocs);

static inline struct wfc_pos wfc_ypos(const struct wfc_ynode *n)
{
	struct wfc_pos p = { n ? n->file : NULL, n ? n->line : 0, n ? n->col : 0 };
	return p;
}

/* The value of key in a mapping, or NULL (also when n is not a mapping). */
struct wfc_ynode *wfc_ymap_get(const struct wfc_ynode *n, const char *key);
/* The pair of key, so its key node's position can be reported. */
const struct wfc_ypair *wfc_ymap_pair(const struct wfc_ynode *n, const char *key);

bool wfc_yis_str(const struct wfc_ynode *n);  /* a scalar of type string */
/* The type go-yaml v2 (Kubernetes' reader) gives a plain scalar s[0..n). */
enum wfc_ytype wfc_yaml11_resolve(const char *s, size_t n);
/* A scalar's text as Argo's AnyString reads it: bools as true/false, numbers
 * in Go's JSON form (0755 -> 493, 1e3 -> 1000), null as "". Arena-allocated
 * when it differs from the source text. */
const char *wfc_yscalar_value(struct wfc_arena *a, const struct wfc_ynode *n);
const char *wfc_ykind_name(const struct wfc_ynode *n);  /* "string", "mapping", ... */

#endif
