/* The YAML readers of the tests, independent of the library: libyaml's
 * parser with go-yaml v2's YAML 1.1 resolution of plain scalars (as
 * Kubernetes reads YAML), and libfyaml's document tree with the same
 * resolution. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libfyaml.h>
#include <regex.h>
#include <yaml.h>

#include "helpers/yaml_read.h"

/* ---- go-yaml v2 resolve(), written independently of the library ---- */

static bool matches(const char *re, const char *s)
{
	regex_t r;
	assert_int_equal(regcomp(&r, re, REG_EXTENDED | REG_NOSUB), 0);
	bool m = regexec(&r, s, 0, NULL, 0) == 0;
	regfree(&r);
	return m;
}

static bool word(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return true;
	return false;
}

/* What Kubernetes gets from a plain scalar, as a cJSON value; NULL when the
 * plain scalar is something a string must never turn into here: a
 * timestamp, a merge key, a float that JSON cannot hold. */
cJSON *test_yaml11_resolve(const char *s)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL", NULL };
	static const char *const trues[] = { "y", "Y", "yes", "Yes", "YES", "on",
		"On", "ON", "true", "True", "TRUE", NULL };
	static const char *const falses[] = { "n", "N", "no", "No", "NO", "off",
		"Off", "OFF", "false", "False", "FALSE", NULL };
	static const char *const special[] = { ".inf", ".Inf", ".INF", "+.inf",
		"+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
		"<<", NULL };

	if (word(s, nulls))
		return cJSON_CreateNull();
	/* resolveTable: only these first bytes are ever anything but a string */
	if (!strchr("yYnNtTfFoO~+-.0123456789", s[0]))
		return cJSON_CreateString(s);
	if (word(s, trues))
		return cJSON_CreateTrue();
	if (word(s, falses))
		return cJSON_CreateFalse();
	if (word(s, special))
		return NULL;
	if (s[0] == '.') {
		/* strconv.ParseFloat */
		if (matches("^\\.[0-9]+([eE][-+]?[0-9]+)?$", s))
			return cJSON_CreateNumber(strtod(s, NULL));
		return cJSON_CreateString(s);
	}
	if (!strchr("+-0123456789", s[0]))
		return cJSON_CreateString(s);
	if (matches("^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?", s))
		return NULL;  /* a timestamp to go-yaml, or close enough */
	char *plain = malloc(strlen(s) + 1);
	assert_non_null(plain);
	size_t k = 0;
	for (const char *p = s; *p; p++)
		if (*p != '_')
			plain[k++] = *p;
	plain[k] = '\0';
	cJSON *v;
	if (matches("^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$",
		    plain)) {
		const char *p = plain;
		bool neg = *p == '-';
		if (*p == '-' || *p == '+')
			p++;
		int base = 10;
		if (p[0] == '0' && strchr("xX", p[1]) && p[1])
			base = 16, p += 2;
		else if (p[0] == '0' && strchr("oO", p[1]) && p[1])
			base = 8, p += 2;
		else if (p[0] == '0' && strchr("bB", p[1]) && p[1])
			base = 2, p += 2;
		else if (p[0] == '0')
			base = 8;
		double d = (double)strtoull(p, NULL, base);
		v = cJSON_CreateNumber(neg ? -d : d);
	} else if (matches("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$",
			   plain)) {
		v = cJSON_CreateNumber(strtod(plain, NULL));
	} else {
		v = cJSON_CreateString(s);
	}
	free(plain);
	return v;
}

/* ---- reader 1: libyaml events, YAML 1.1 as Kubernetes reads it ---- */

struct frame {
	cJSON *node;
	char *key;  /* mapping: the key read, its value not yet */
};

struct reader {
	cJSON *docs;
	struct frame st[64];
	int depth;
	bool bad;
};

static void add_value(struct reader *r, cJSON *v)
{
	if (!v) {
		r->bad = true;
		return;
	}
	if (r->depth == 0) {
		cJSON_AddItemToArray(r->docs, v);
		return;
	}
	struct frame *f = &r->st[r->depth - 1];
	if (cJSON_IsArray(f->node)) {
		cJSON_AddItemToArray(f->node, v);
		return;
	}
	if (!f->key) {
		/* a key that would not be this string to Kubernetes */
		if (!cJSON_IsString(v))
			r->bad = true;
		else
			f->key = strdup(v->valuestring);
		cJSON_Delete(v);
		return;
	}
	cJSON_AddItemToObject(f->node, f->key, v);
	free(f->key);
	f->key = NULL;
}

static void push(struct reader *r, cJSON *c)
{
	if (r->depth > 0 && cJSON_IsObject(r->st[r->depth - 1].node) &&
	    !r->st[r->depth - 1].key) {
		r->bad = true;  /* a collection as a key */
		cJSON_Delete(c);
		c = cJSON_CreateObject();
		cJSON_AddItemToArray(r->docs, c);
	} else {
		add_value(r, c);
	}
	assert_true(r->depth < 64);
	r->st[r->depth].node = c;
	r->st[r->depth].key = NULL;
	r->depth++;
}

/* Every document of text as a cJSON array; NULL when libyaml refuses the
 * text or a value is not what a JSON tree can be. */
cJSON *test_yaml11_read(const char *text, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	struct reader r = { .docs = cJSON_CreateArray() };
	bool done = false;

	assert_true(yaml_parser_initialize(&p));
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			r.bad = true;
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_ALIAS_EVENT:
			r.bad = true;
			break;
		case YAML_SCALAR_EVENT: {
			const char *v = (const char *)ev.data.scalar.value;
			if (ev.data.scalar.tag || ev.data.scalar.anchor ||
			    strlen(v) != ev.data.scalar.length)
				r.bad = true;
			if (ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
				add_value(&r, test_yaml11_resolve(v));
			else
				add_value(&r, cJSON_CreateString(v));
			break;
		}
		case YAML_SEQUENCE_START_EVENT:
			push(&r, cJSON_CreateArray());
			break;
		case YAML_MAPPING_START_EVENT:
			push(&r, cJSON_CreateObject());
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			r.depth--;
			free(r.st[r.depth].key);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	while (r.depth > 0)
		free(r.st[--r.depth].key);
	if (r.bad) {
		cJSON_Delete(r.docs);
		return NULL;
	}
	return r.docs;
}

/* ---- reader 2: libfyaml's document tree, the same scalar resolution ---- */

static cJSON *fy_to_json(struct fy_node *n, bool *bad)
{
	size_t len;
	if (!n || fy_node_get_tag(n, &len) || fy_node_is_alias(n)) {
		*bad = true;
		return cJSON_CreateNull();
	}
	switch (fy_node_get_type(n)) {
	case FYNT_SCALAR: {
		const char *s = fy_node_get_scalar(n, &len);
		char *t = strndup(s, len);
		assert_non_null(t);
		if (strlen(t) != len)
			*bad = true;
		cJSON *v = fy_node_get_style(n) == FYNS_PLAIN ? test_yaml11_resolve(t)
							     : cJSON_CreateString(t);
		free(t);
		if (!v) {
			*bad = true;
			v = cJSON_CreateNull();
		}
		return v;
	}
	case FYNT_SEQUENCE: {
		cJSON *a = cJSON_CreateArray();
		void *it = NULL;
		struct fy_node *c;
		while ((c = fy_node_sequence_iterate(n, &it)) != NULL)
			cJSON_AddItemToArray(a, fy_to_json(c, bad));
		return a;
	}
	case FYNT_MAPPING: {
		cJSON *o = cJSON_CreateObject();
		void *it = NULL;
		struct fy_node_pair *pr;
		while ((pr = fy_node_mapping_iterate(n, &it)) != NULL) {
			cJSON *k = fy_to_json(fy_node_pair_key(pr), bad);
			if (!cJSON_IsString(k)) {
				*bad = true;
			} else {
				cJSON_AddItemToObject(o, k->valuestring,
						      fy_to_json(fy_node_pair_value(pr), bad));
			}
			cJSON_Delete(k);
		}
		return o;
	}
	}
	*bad = true;
	return cJSON_CreateNull();
}

cJSON *test_fyaml_read(const char *text, size_t len)
{
	struct fy_parse_cfg cfg = { .flags = FYPCF_QUIET };
	struct fy_parser *fyp = fy_parser_create(&cfg);
	struct fy_document *fyd;
	cJSON *docs = cJSON_CreateArray();
	bool bad = false;

	assert_non_null(fyp);
	assert_int_equal(fy_parser_set_string(fyp, text, len), 0);
	while ((fyd = fy_parse_load_document(fyp)) != NULL) {
		cJSON_AddItemToArray(docs, fy_to_json(fy_document_root(fyd), &bad));
		fy_parse_document_destroy(fyp, fyd);
	}
	if (fy_parser_get_stream_error(fyp))
		bad = true;
	fy_parser_destroy(fyp);
	if (bad) {
		cJSON_Delete(docs);
		return NULL;
	}
	return docs;
}
