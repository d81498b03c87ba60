/* Compile-time substitution of {{...}} tags: what the plan knows (inputs,
 * workflow parameters and metadata, loop items) is replaced; what only a run
 * knows (outputs of other nodes, workflow.uid, {{=expressions}}) is left in
 * place for the runtime. */
#include <string.h>

#include "ir/subst.h"
#include "support/buf.h"

static bool starts(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static const char *binding(const struct wfc_binding *b, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(b[i].name, name) == 0)
			return b[i].value;
	return NULL;
}

static const char *json_of(struct wfc_arena *a, const cJSON *j)
{
	if (cJSON_IsString(j))
		return j->valuestring;
	char *s = cJSON_PrintUnformatted(j);
	const char *r = wfc_arena_strdup(a, s ? s : "");
	cJSON_free(s);
	return r;
}

static const char *params_json(struct wfc_arena *a, const struct wfc_binding *b, size_t n,
			       bool as_list)
{
	cJSON *j = as_list ? cJSON_CreateArray() : cJSON_CreateObject();
	for (size_t i = 0; i < n; i++) {
		if (as_list) {
			cJSON *p = cJSON_CreateObject();
			cJSON_AddStringToObject(p, "name", b[i].name);
			cJSON_AddStringToObject(p, "value", b[i].value);
			cJSON_AddItemToArray(j, p);
		} else {
			cJSON_AddStringToObject(j, b[i].name, b[i].value);
		}
	}
	const char *r = json_of(a, j);
	cJSON_Delete(j);
	return r;
}

static const char *map_value(struct wfc_arena *a, const struct wfc_ynode *m, const char *key)
{
	const struct wfc_ynode *v = wfc_ymap_get(m, key);
	return v && v->kind == WFC_YSCALAR ? wfc_yscalar_value(a, v) : NULL;
}

/* The value of one tag, or NULL when the plan does not know it. */
static const char *lookup(struct wfc_arena *a, const struct wfc_scope *sc, const char *tag)
{
	const struct wfc_plan *p = sc->plan;
	const struct wfc_pnode *n = sc->node;
	if (n) {
		if (starts(tag, "inputs.parameters.")) {
			return binding(n->inputs, n->ninputs, tag + 18);
		}
		if (strcmp(tag, "inputs.parameters") == 0)
			return params_json(a, n->inputs, n->ninputs, true);
	}
	if (sc->item) {
		if (strcmp(tag, "item") == 0)
			return json_of(a, sc->item);
		if (starts(tag, "item.") && cJSON_IsObject(sc->item)) {
			const cJSON *v = cJSON_GetObjectItemCaseSensitive(sc->item, tag + 5);
			return v ? json_of(a, v) : NULL;
		}
	}
	if (!starts(tag, "workflow."))
		return NULL;
	const char *w = tag + 9;
	if (starts(w, "parameters.") && strcmp(w, "parameters.json") != 0)
		return binding(p->params, p->nparams, w + 11);
	if (strcmp(w, "parameters") == 0 || strcmp(w, "parameters.json") == 0)
		return params_json(a, p->params, p->nparams, strcmp(w, "parameters") == 0);
	if (strcmp(w, "name") == 0)
		return p->name;
	if (strcmp(w, "namespace") == 0)
		return p->namespace;
	if (strcmp(w, "mainEntrypoint") == 0)
		return p->root && p->root->tmpl ? p->root->tmpl->t->name.s : NULL;
	if (strcmp(w, "serviceAccountName") == 0)
		return p->doc->doc->service_account.s ? p->doc->doc->service_account.s : "default";
	if (starts(w, "labels.") && strcmp(w, "labels.json") != 0)
		return map_value(a, p->doc->doc->labels, w + 7);
	if (starts(w, "annotations.") && strcmp(w, "annotations.json") != 0)
		return map_value(a, p->doc->doc->annotations, w + 12);
	return NULL;
}

const char *wfc_subst(struct wfc_arena *a, const struct wfc_scope *sc, const char *s,
		      bool *runtime)
{
	if (!s || !strstr(s, "{{"))
		return s;
	struct wfc_buf b = { 0 };
	const char *p = s;
	for (;;) {
		const char *open, *close;
		if (!wfc_tag_find(p, &open, &close)) {
			wfc_buf_puts(&b, p);
			break;
		}
		wfc_buf_add(&b, p, (size_t)(open - p));
		const char *x = open + 2, *y = close;
		while (x < y && (*x == ' ' || *x == '\t'))
			x++;
		while (y > x && (y[-1] == ' ' || y[-1] == '\t'))
			y--;
		char *tag = wfc_arena_strndup(a, x, (size_t)(y - x));
		const char *v = *tag == '=' ? NULL : lookup(a, sc, tag);
		if (v) {
			wfc_buf_puts(&b, v);
		} else {
			wfc_buf_add(&b, open, (size_t)(close + 2 - open));
			if (runtime)
				*runtime = true;
		}
		p = close + 2;
	}
	const char *r = wfc_arena_strndup(a, wfc_buf_str(&b), b.len);
	wfc_buf_free(&b);
	/* a value put in may itself be a run-time reference */
	if (runtime && wfc_has_tag(r))
		*runtime = true;
	return r;
}

/* Literal text (a value from -p or a parameter file) must never be read as
 * a tag: its '{' and '\x01' are prefixed with '\x01', which YAML input
 * cannot contain, and the backend takes the prefixes out as objects leave. */
const char *wfc_literal(struct wfc_arena *a, const char *s)
{
	if (!s || !strpbrk(s, "{\x01"))
		return s;
	struct wfc_buf b = { 0 };
	for (; *s; s++) {
		if (*s == '{' || *s == '\x01')
			wfc_buf_putc(&b, '\x01');
		wfc_buf_putc(&b, *s);
	}
	const char *r = wfc_arena_strndup(a, wfc_buf_str(&b), b.len);
	wfc_buf_free(&b);
	return r;
}

char *wfc_unliteral(const char *s)
{
	char *r = strdup(s), *w = r;
	if (!r)
		abort();
	for (const char *q = s; *q; q++) {
		if (*q == '\x01' && q[1])
			q++;
		*w++ = *q;
	}
	*w = '\0';
	return r;
}


cJSON *wfc_ynode_to_json(struct wfc_arena *a, const struct wfc_ynode *n,
			 const struct wfc_scope *sc, bool *runtime, unsigned depth)
{
	if (!n || depth > 512)
		return cJSON_CreateNull();
	switch (n->kind) {
	case WFC_YMAP: {
		cJSON *o = cJSON_CreateObject();
		for (size_t i = 0; i < n->map.n; i++)
			cJSON_AddItemToObject(o, n->map.v[i].key->s.text,
					      wfc_ynode_to_json(a, n->map.v[i].val, sc, runtime,
								depth + 1));
		return o;
	}
	case WFC_YSEQ: {
		cJSON *l = cJSON_CreateArray();
		for (size_t i = 0; i < n->seq.n; i++)
			cJSON_AddItemToArray(l, wfc_ynode_to_json(a, n->seq.v[i], sc, runtime,
								  depth + 1));
		return l;
	}
	default:
		break;
	}
	switch (n->type) {
	case WFC_YNULL:
		return cJSON_CreateNull();
	case WFC_YBOOL:
		return cJSON_CreateBool(strcmp(wfc_yscalar_value(a, n), "true") == 0);
	case WFC_YINT:
	case WFC_YFLOAT: {
		const char *v = wfc_yscalar_value(a, n);
		return cJSON_CreateNumber(strtod(v, NULL));
	}
	default:
		return cJSON_CreateString(sc ? wfc_subst(a, sc, n->s.text, runtime) : n->s.text);
	}
}
