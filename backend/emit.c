/* cJSON trees -> a YAML stream (libyaml's event emitter) or a JSON List.
 *
 * YAML: each object is a document starting with "---", block style, 2-space
 * indentation, unicode, no folding of long lines. Strings are plain only when
 * YAML 1.1 (go-yaml v2, as Kubernetes reads it) would read the plain scalar
 * back as the same string; libyaml itself refuses plain style where the text
 * is not a legal plain scalar and falls back to quotes. Multi-line strings
 * are literal block scalars where libyaml allows it, else double-quoted.
 *
 * JSON: one {"apiVersion":"v1","kind":"List","items":[...]} printed exactly
 * as cJSON_Print would print it, streamed item by item. */
#include "backend/emit.h"
#include "frontend/yaml.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "support/buf.h"

/* Deeper trees are refused rather than risking the stack (cJSON's own
 * parser stops at 1000). */
#define MAX_DEPTH 1000

struct wfc_emitter {
	enum wfc_emit_format fmt;
	FILE *out;
	struct wfc_buf *buf;    /* wfc_emit_to_string: write here, not to out */
	yaml_emitter_t y;
	bool y_ready;           /* y initialized */
	bool started;           /* YAML: stream start emitted; JSON: List head */
	bool failed, finished;
	size_t nitems;
};

/* ---- YAML 1.1: which plain scalars Kubernetes' reader would not take as
 * strings (the resolution itself is the frontend's, wfc_yaml11_resolve) ---- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* 0x.., 0o.., 0b.. with underscores: go-yaml reads one that overflows as a
 * string, but quoting it is harmless and keeps older readers right. */
static bool looks_prefixed_int(const char *s, size_t len)
{
	size_t i = 0;
	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	if (i + 2 > len || s[i] != '0')
		return false;
	char p = s[i + 1];
	const char *set = p == 'x' || p == 'X' ? "0123456789abcdefABCDEF_"
			  : p == 'o' || p == 'O' ? "01234567_"
			  : p == 'b' || p == 'B' ? "01_" : NULL;
	if (!set)
		return false;
	bool digit = false;
	for (i += 2; i < len; i++) {
		if (!strchr(set, s[i]))
			return false;
		digit |= s[i] != '_';
	}
	return digit;
}

/* go-yaml v2 parseTimestamp only tries strings starting "dddd-"; quote every
 * string that starts like a date: yyyy-m-d. */
static bool looks_timestamp(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && i < 4 && is_digit(s[i]))
		i++;
	if (i != 4 || i >= len || s[i] != '-')
		return false;
	for (int part = 0; part < 2; part++) {
		size_t start = ++i;
		while (i < len && i - start < 2 && is_digit(s[i]))
			i++;
		if (i == start)
			return false;
		if (part == 0 && (i >= len || s[i] != '-'))
			return false;
	}
	return true;
}

/* ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$ : go-yaml v2 quotes
 * these on output for YAML 1.1 readers that take 12:30 as 750. */
static bool looks_base60(const char *s, size_t len)
{
	size_t i = 0;
	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	if (i >= len || !is_digit(s[i]))
		return false;
	while (i < len && (is_digit(s[i]) || s[i] == '_'))
		i++;
	size_t groups = 0;
	while (i < len && s[i] == ':') {
		i++;
		if (i + 1 < len && s[i] >= '0' && s[i] <= '5' && is_digit(s[i + 1]))
			i += 2;
		else if (i < len && is_digit(s[i]))
			i++;
		else
			return false;
		groups++;
	}
	if (!groups)
		return false;
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && (is_digit(s[i]) || s[i] == '_'))
			i++;
	}
	return i == len;
}

bool wfc_yaml11_needs_quotes(const char *s, size_t len)
{
	if (len == 0 || wfc_yaml11_resolve(s, len) != WFC_YSTR)
		return true;
	/* the merge key, and YAML 1.1's value key */
	if ((len == 2 && memcmp(s, "<<", 2) == 0) || (len == 1 && s[0] == '='))
		return true;
	char c = s[0];
	/* go-yaml tries numbers and timestamps only for these first bytes */
	if (!is_digit(c) && c != '+' && c != '-' && c != '.')
		return false;
	return looks_prefixed_int(s, len) || looks_timestamp(s, len) ||
	       looks_base60(s, len);
}

/* ---- YAML ---- */

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
	struct wfc_emitter *e = data;
	if (e->buf) {
		wfc_buf_add(e->buf, (const char *)buffer, size);
		return 1;
	}
	return fwrite(buffer, 1, size, e->out) == size;
}

/* NEL, LS and PS are line breaks to YAML 1.1 but not to YAML 1.2: written
 * raw (plain, single-quoted or literal) they read back differently in one
 * of the two, so such strings are double-quoted, where they are escaped. */
static bool has_unicode_break(const char *s, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++) {
		unsigned char a = (unsigned char)s[i], b = (unsigned char)s[i + 1];
		if (a == 0xC2 && b == 0x85)
			return true;
		if (a == 0xE2 && b == 0x80 && i + 2 < len &&
		    ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9))
			return true;
	}
	return false;
}

/* The style asked of libyaml; it downgrades plain to single-quoted and
 * single-quoted or literal to double-quoted where the text needs it. */
static yaml_scalar_style_t string_style(const char *s, size_t len)
{
	if (has_unicode_break(s, len))
		return YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	if (memchr(s, '\n', len))
		return YAML_LITERAL_SCALAR_STYLE;
	if (wfc_yaml11_needs_quotes(s, len))
		return YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	return YAML_PLAIN_SCALAR_STYLE;
}

static int emit_scalar(yaml_emitter_t *y, const char *s, size_t len,
		       yaml_scalar_style_t style)
{
	yaml_event_t ev;
	if (len > INT_MAX)
		return -1;
	/* fails on invalid UTF-8 */
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
					  (int)len, 1, 1, style))
		return -1;
	return yaml_emitter_emit(y, &ev) ? 0 : -1;
}

static int emit_string(yaml_emitter_t *y, const char *s)
{
	size_t len = strlen(s);
	return emit_scalar(y, s, len, string_style(s, len));
}

/* Integers as integers; other numbers in the shortest form that reads back
 * as the same double. NaN and infinities have no JSON form: null, as
 * cJSON_Print writes them. */
static void format_number(double d, char *out, size_t cap)
{
	if (isnan(d) || isinf(d)) {
		snprintf(out, cap, "null");
		return;
	}
	if (d == floor(d) && fabs(d) <= 9007199254740992.0) {
		snprintf(out, cap, "%lld", (long long)d);
		return;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(out, cap, "%.*g", prec, d);
		if (strtod(out, NULL) == d)
			return;
	}
}

static int emit_node(yaml_emitter_t *y, const cJSON *n, unsigned depth)
{
	yaml_event_t ev;
	char num[40];

	if (depth > MAX_DEPTH)
		return -1;
	if (cJSON_IsNull(n))
		return emit_scalar(y, "null", 4, YAML_PLAIN_SCALAR_STYLE);
	if (cJSON_IsTrue(n))
		return emit_scalar(y, "true", 4, YAML_PLAIN_SCALAR_STYLE);
	if (cJSON_IsFalse(n))
		return emit_scalar(y, "false", 5, YAML_PLAIN_SCALAR_STYLE);
	if (cJSON_IsNumber(n)) {
		format_number(n->valuedouble, num, sizeof(num));
		return emit_scalar(y, num, strlen(num), YAML_PLAIN_SCALAR_STYLE);
	}
	if (cJSON_IsString(n))
		return n->valuestring ? emit_string(y, n->valuestring) : -1;
	if (cJSON_IsArray(n)) {
		if (!yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
				n->child ? YAML_BLOCK_SEQUENCE_STYLE : YAML_FLOW_SEQUENCE_STYLE) ||
		    !yaml_emitter_emit(y, &ev))
			return -1;
		for (const cJSON *c = n->child; c; c = c->next)
			if (emit_node(y, c, depth + 1) != 0)
				return -1;
		if (!yaml_sequence_end_event_initialize(&ev) || !yaml_emitter_emit(y, &ev))
			return -1;
		return 0;
	}
	if (cJSON_IsObject(n)) {
		if (!yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
				n->child ? YAML_BLOCK_MAPPING_STYLE : YAML_FLOW_MAPPING_STYLE) ||
		    !yaml_emitter_emit(y, &ev))
			return -1;
		for (const cJSON *c = n->child; c; c = c->next) {
			if (!c->string || emit_string(y, c->string) != 0 ||
			    emit_node(y, c, depth + 1) != 0)
				return -1;
		}
		if (!yaml_mapping_end_event_initialize(&ev) || !yaml_emitter_emit(y, &ev))
			return -1;
		return 0;
	}
	return -1;  /* cJSON_Raw, cJSON_Invalid */
}

static int yaml_start(struct wfc_emitter *e)
{
	yaml_event_t ev;
	if (!yaml_emitter_initialize(&e->y))
		return -1;
	e->y_ready = true;
	yaml_emitter_set_output(&e->y, write_handler, e);
	yaml_emitter_set_encoding(&e->y, YAML_UTF8_ENCODING);
	yaml_emitter_set_unicode(&e->y, 1);
	yaml_emitter_set_indent(&e->y, 2);
	yaml_emitter_set_width(&e->y, -1);
	yaml_emitter_set_break(&e->y, YAML_LN_BREAK);
	if (!yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) ||
	    !yaml_emitter_emit(&e->y, &ev))
		return -1;
	return 0;
}

static int yaml_object(struct wfc_emitter *e, const cJSON *obj)
{
	yaml_event_t ev;
	if (!e->started) {
		if (yaml_start(e) != 0)
			return -1;
		e->started = true;
	}
	if (!yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0) ||
	    !yaml_emitter_emit(&e->y, &ev))
		return -1;
	if (emit_node(&e->y, obj, 0) != 0)
		return -1;
	if (!yaml_document_end_event_initialize(&ev, 1) ||
	    !yaml_emitter_emit(&e->y, &ev))
		return -1;
	return 0;
}

static int yaml_finish(struct wfc_emitter *e)
{
	yaml_event_t ev;
	if (!e->started) {
		if (yaml_start(e) != 0)
			return -1;
		e->started = true;
	}
	if (!yaml_stream_end_event_initialize(&ev) || !yaml_emitter_emit(&e->y, &ev))
		return -1;
	return yaml_emitter_flush(&e->y) ? 0 : -1;
}

/* ---- JSON ---- */

/* cJSON_Print of the List, cut where the items go. */
#define LIST_HEAD "{\n\t\"apiVersion\":\t\"v1\",\n\t\"kind\":\t\"List\",\n\t\"items\":\t["
#define LIST_TAIL "]\n}\n"

static int out_write(struct wfc_emitter *e, const char *s, size_t n)
{
	if (e->buf) {
		wfc_buf_add(e->buf, s, n);
		return 0;
	}
	return fwrite(s, 1, n, e->out) == n ? 0 : -1;
}

/* An item printed alone, indented as cJSON_Print indents it two levels down
 * (the List, its items). Its only newlines are cJSON's own: strings escape
 * theirs. */
static int json_object(struct wfc_emitter *e, const cJSON *obj)
{
	int rc = -1;
	char *s = cJSON_Print(obj);
	if (!s)
		goto err_out;
	if (!e->started) {
		if (out_write(e, LIST_HEAD, strlen(LIST_HEAD)) != 0)
			goto err_out;
		e->started = true;
	}
	if (e->nitems && out_write(e, ", ", 2) != 0)
		goto err_out;
	const char *p = s;
	for (const char *nl; (nl = strchr(p, '\n')) != NULL; p = nl + 1)
		if (out_write(e, p, (size_t)(nl + 1 - p)) != 0 ||
		    out_write(e, "\t\t", 2) != 0)
			goto err_out;
	if (out_write(e, p, strlen(p)) != 0)
		goto err_out;
	rc = 0;
err_out:
	cJSON_free(s);
	return rc;
}

static int json_finish(struct wfc_emitter *e)
{
	if (!e->started) {
		if (out_write(e, LIST_HEAD, strlen(LIST_HEAD)) != 0)
			return -1;
		e->started = true;
	}
	return out_write(e, LIST_TAIL, strlen(LIST_TAIL));
}

/* ---- API ---- */

struct wfc_emitter *wfc_emitter_create(FILE *out, enum wfc_emit_format f)
{
	struct wfc_emitter *e = calloc(1, sizeof(*e));
	if (!e)
		return NULL;
	e->fmt = f;
	e->out = out;
	return e;
}

int wfc_emit_object(struct wfc_emitter *e, const cJSON *obj)
{
	if (!e || !obj || e->failed || e->finished)
		return -1;
	int rc = e->fmt == WFC_EMIT_JSON ? json_object(e, obj) : yaml_object(e, obj);
	if (rc != 0)
		e->failed = true;
	else
		e->nitems++;
	return rc;
}

int wfc_emitter_finish(struct wfc_emitter *e)
{
	if (!e || e->failed || e->finished)
		return -1;
	e->finished = true;
	int rc = e->fmt == WFC_EMIT_JSON ? json_finish(e) : yaml_finish(e);
	if (rc == 0 && e->out && (fflush(e->out) != 0 || ferror(e->out)))
		rc = -1;
	if (rc != 0)
		e->failed = true;
	return rc;
}

void wfc_emitter_destroy(struct wfc_emitter *e)
{
	if (!e)
		return;
	if (e->y_ready)
		yaml_emitter_delete(&e->y);
	free(e);
}

char *wfc_emit_to_string(const cJSON *obj, enum wfc_emit_format f)
{
	if (!obj)
		return NULL;
	if (f == WFC_EMIT_JSON) {
		char *s = cJSON_Print(obj);
		if (!s)
			return NULL;
		size_t n = strlen(s);
		char *r = malloc(n + 2);
		if (r) {
			memcpy(r, s, n);
			memcpy(r + n, "\n", 2);
		}
		cJSON_free(s);
		return r;
	}
	struct wfc_buf b = { 0 };
	struct wfc_emitter *e = wfc_emitter_create(NULL, f);
	if (!e)
		return NULL;
	e->buf = &b;
	if (wfc_emit_object(e, obj) != 0 || wfc_emitter_finish(e) != 0)
		goto err_out;
	wfc_emitter_destroy(e);
	wfc_buf_str(&b);
	return b.s;
err_out:
	wfc_emitter_destroy(e);
	wfc_buf_free(&b);
	return NULL;
}

size_t wfc_emit_size(const cJSON *obj)
{
	if (!obj)
		return 0;
	char *s = cJSON_PrintUnformatted(obj);
	if (!s)
		return 0;
	size_t n = strlen(s);
	cJSON_free(s);
	return n;
}
