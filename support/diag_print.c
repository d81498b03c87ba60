/* The diagnostic printers: gcc-style text, JSON, SARIF 2.1.0 for GitHub code
 * scanning, and GitHub Actions workflow commands.
 *
 * Positions are 1-based byte columns; a range's end (dg->end) names its last
 * byte, inclusive, as gcc's ranges do. SARIF wants the column after the
 * region and counts UTF-16 code units, so its columns are converted when the
 * source text is at hand. */
#include "support/diag.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "support/buf.h"

#define SRC_SHOW_MAX 200    /* longer source lines are shown cut */
#define SRC_SHOW_BEFORE 80  /* bytes kept before the caret in a cut line */
#define SRC_GUTTER_MIN 5    /* gcc 12's minimum line-number width */

/* gcc's SGR sequences, each followed by "erase to end of line" as gcc
 * emits them unless GCC_COLORS has "ne". */
#define SGR(s) "\033[" s "m\033[K"
#define SGR_RESET SGR("")
#define SGR_LOCUS SGR("01")

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define WFC_INFO_URI "https://github.com/wfc-dev/wfc"

static const char *severity_word(enum wfc_severity s)
{
	switch (s) {
	case WFC_WARNING:
		return "warning";
	case WFC_NOTE:
		return "note";
	default:
		return "error";
	}
}

static const char *severity_sgr(enum wfc_severity s)
{
	switch (s) {
	case WFC_WARNING:
		return SGR("01;35");
	case WFC_NOTE:
		return SGR("01;36");
	default:
		return SGR("01;31");
	}
}

static bool utf8_cont(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* Where the last looked-up line starts, so that sorted diagnostics find
 * their lines in one pass over each source. */
struct line_cursor {
	const struct wfc_source *src;
	unsigned line;
	size_t off;
};

/* Finds line (1-based) of s without its line break; YAML's breaks are LF,
 * CR LF and CR. */
static bool find_line(struct line_cursor *c, const struct wfc_source *s,
		      unsigned line, const char **p, size_t *len)
{
	if (!s || !s->text || line == 0)
		return false;
	if (c->src != s || line < c->line) {
		c->src = s;
		c->line = 1;
		c->off = 0;
	}
	const char *t = s->text;
	size_t n = s->len, i = c->off;
	while (c->line < line) {
		while (i < n && t[i] != '\n' && t[i] != '\r')
			i++;
		if (i == n)
			return false;
		if (t[i] == '\r' && i + 1 < n && t[i + 1] == '\n')
			i++;
		i++;
		c->line++;
		c->off = i;
	}
	size_t e = i;
	while (e < n && t[e] != '\n' && t[e] != '\r')
		e++;
	*p = t + i;
	*len = e - i;
	return true;
}

static const struct wfc_source *find_source(const struct wfc_sources *src,
					    const char *file)
{
	return src && file ? wfc_sources_find(src, file) : NULL;
}

/* Byte after the character that starts at i. */
static size_t char_end(const char *p, size_t len, size_t i)
{
	if (i >= len)
		return i;
	for (i++; i < len && utf8_cont(p[i]); i++)
		;
	return i;
}

/* The source line and the caret line under it, gcc 12 style. hl and rs are
 * the highlight and reset sequences, "" without colour. */
static void print_source(FILE *out, const struct wfc_diag *dg, const char *p,
			 size_t len, const char *hl, const char *rs)
{
	unsigned line = dg->pos.line;
	bool caret = dg->pos.col > 0;
	size_t c = caret ? dg->pos.col - 1 : 0;
	if (c > len)
		c = len;
	/* [c, e) is highlighted: the caret's character, or the range. */
	size_t e = caret ? char_end(p, len, c) : c;
	if (caret && dg->end.line == line && dg->end.col > dg->pos.col) {
		size_t re = dg->end.col < len ? dg->end.col : len;
		if (re > e)
			e = char_end(p, len, re - 1);
	}

	/* The window [ws, we) shown of a long line keeps the caret in view. */
	size_t ws = 0, we = len;
	if (len > SRC_SHOW_MAX) {
		if (c >= SRC_SHOW_MAX - SRC_SHOW_BEFORE) {
			ws = c - SRC_SHOW_BEFORE;
			if (ws > len - SRC_SHOW_MAX)
				ws = len - SRC_SHOW_MAX;
		}
		we = ws + SRC_SHOW_MAX;
		while (ws > 0 && ws < c && utf8_cont(p[ws]))
			ws++;
		while (we < len && we > c && utf8_cont(p[we]))
			we--;
		if (e > we)
			e = we;
	}

	int width = SRC_GUTTER_MIN;
	for (unsigned l = line / 100000; l; l /= 10)
		width++;

	fprintf(out, "%*u | ", width, line);
	if (ws > 0)
		fputs("...", out);
	if (*hl && e > c) {
		fwrite(p + ws, 1, c - ws, out);
		fputs(hl, out);
		fwrite(p + c, 1, e - c, out);
		fputs(rs, out);
		fwrite(p + e, 1, we - e, out);
	} else {
		fwrite(p + ws, 1, we - ws, out);
	}
	if (we < len)
		fputs("...", out);
	putc('\n', out);
	if (!caret)
		return;

	/* One space per character before the caret; tabs are copied so the
	 * caret lines up whatever the tab width. */
	fprintf(out, "%*s | ", width, "");
	if (ws > 0)
		fputs("   ", out);
	for (size_t i = ws; i < c; i++)
		if (!utf8_cont(p[i]))
			putc(p[i] == '\t' ? '\t' : ' ', out);
	fputs(hl, out);
	putc('^', out);
	for (size_t i = c + 1; i < e; i++)
		if (!utf8_cont(p[i]))
			putc('~', out);
	fputs(rs, out);
	putc('\n', out);
}

static int print_text(FILE *out, const struct wfc_diags *d,
		      const struct wfc_sources *src, bool color)
{
	struct line_cursor cur = { 0 };
	const char *locus = color ? SGR_LOCUS : "";
	const char *rs = color ? SGR_RESET : "";

	for (size_t i = 0; i < d->n; i++) {
		const struct wfc_diag *dg = &d->v[i];
		const struct wfc_pos *pos = &dg->pos;
		const char *sev = color ? severity_sgr(dg->severity) : "";

		fputs(locus, out);
		if (!pos->file)
			fputs("wfc:", out);
		else if (!pos->line)
			fprintf(out, "%s:", pos->file);
		else if (!pos->col)
			fprintf(out, "%s:%u:", pos->file, pos->line);
		else
			fprintf(out, "%s:%u:%u:", pos->file, pos->line,
				pos->col);
		fprintf(out, "%s %s%s: %s%s [%s%s%s]\n", rs, sev,
			severity_word(dg->severity), rs,
			dg->message ? dg->message : "", sev,
			wfc_rule_id(dg->rule), rs);

		const char *p;
		size_t len;
		if (find_line(&cur, find_source(src, pos->file), pos->line, &p,
			      &len))
			print_source(out, dg, p, len, sev, rs);
	}
	return 0;
}

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	size_t len;
	uint32_t cp, min;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, cp = s[0] & 0x1F, min = 0x80;
	else if ((s[0] & 0xF0) == 0xE0)
		len = 3, cp = s[0] & 0x0F, min = 0x800;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, cp = s[0] & 0x07, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* s as valid UTF-8, as JSON must be: s itself, or a copy in tmp where each
 * invalid byte became U+FFFD. */
static const char *utf8_clean(const char *s, struct wfc_buf *tmp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;

	while (i < n) {
		size_t k = utf8_seq(u + i, n - i);
		if (!k)
			break;
		i += k;
	}
	if (i == n)
		return s;
	wfc_buf_add(tmp, s, i);
	while (i < n) {
		size_t k = utf8_seq(u + i, n - i);
		if (k) {
			wfc_buf_add(tmp, s + i, k);
			i += k;
		} else {
			wfc_buf_puts(tmp, "\xEF\xBF\xBD");
			i++;
		}
	}
	return wfc_buf_str(tmp);
}

static bool add_str(cJSON *o, const char *key, const char *val)
{
	struct wfc_buf tmp = { 0 };
	bool ok = cJSON_AddStringToObject(o, key,
					  utf8_clean(val ? val : "", &tmp));
	wfc_buf_free(&tmp);
	return ok;
}

static bool add_num(cJSON *o, const char *key, unsigned v)
{
	return cJSON_AddNumberToObject(o, key, (double)v) != NULL;
}

/* Appends item to arr; deletes it when that fails. */
static bool append(cJSON *arr, cJSON *item)
{
	if (!item)
		return false;
	if (!cJSON_AddItemToArray(arr, item)) {
		cJSON_Delete(item);
		return false;
	}
	return true;
}

static int print_cjson(FILE *out, const cJSON *root)
{
	char *s = cJSON_Print(root);
	if (!s)
		return -1;
	fputs(s, out);
	putc('\n', out);
	cJSON_free(s);
	return 0;
}

static cJSON *json_diag(const struct wfc_diag *dg)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	if (ok && dg->pos.file)
		ok = add_str(o, "file", dg->pos.file);
	if (ok && dg->pos.line) {
		ok = add_num(o, "line", dg->pos.line);
		if (ok && dg->pos.col)
			ok = add_num(o, "column", dg->pos.col);
	}
	if (ok && dg->end.line) {
		ok = add_num(o, "endLine", dg->end.line);
		if (ok && dg->end.col)
			ok = add_num(o, "endColumn", dg->end.col);
	}
	ok = ok && add_str(o, "severity", severity_word(dg->severity)) &&
	     add_str(o, "rule", wfc_rule_id(dg->rule)) &&
	     add_str(o, "message", dg->message);
	if (ok && dg->suggestion)
		ok = add_str(o, "suggestion", dg->suggestion);
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static int print_json(FILE *out, const struct wfc_diags *d)
{
	int rc = -1;
	cJSON *root = cJSON_CreateObject();

	if (!root || !add_num(root, "version", 1))
		goto err_out;
	cJSON *arr = cJSON_AddArrayToObject(root, "diagnostics");
	if (!arr)
		goto err_out;
	for (size_t i = 0; i < d->n; i++)
		if (!append(arr, json_diag(&d->v[i])))
			goto err_out;
	if (!add_num(root, "errors", (unsigned)d->errors) ||
	    !add_num(root, "warnings", (unsigned)d->warnings))
		goto err_out;
	rc = print_cjson(out, root);
err_out:
	cJSON_Delete(root);
	return rc;
}

static const char *sarif_level(enum wfc_severity s)
{
	return s == WFC_ERROR ? "error" : s == WFC_WARNING ? "warning" : "note";
}

/* "unknown-field" -> "UnknownField", the SARIF rule name. */
static void rule_name(struct wfc_buf *b, const char *id)
{
	bool up = true;
	for (; *id; id++) {
		if (*id == '-' || *id == '_') {
			up = true;
			continue;
		}
		char c = *id;
		if (up && c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		wfc_buf_putc(b, c);
		up = false;
	}
}

static cJSON *sarif_rule(enum wfc_rule r)
{
	struct wfc_buf name = { 0 };
	cJSON *o = cJSON_CreateObject();

	rule_name(&name, wfc_rule_id(r));
	bool ok = o && add_str(o, "id", wfc_rule_id(r)) &&
		  add_str(o, "name", wfc_buf_str(&name)) &&
		  add_str(cJSON_AddObjectToObject(o, "shortDescription"),
			  "text", wfc_rule_description(r)) &&
		  add_str(cJSON_AddObjectToObject(o, "defaultConfiguration"),
			  "level", "error");
	wfc_buf_free(&name);
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static bool is_stdin(const char *file)
{
	return strcmp(file, "-") == 0 || strcmp(file, "<stdin>") == 0;
}

static bool uri_char_ok(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return true;
	return c && strchr("-._~!$&'()*+,;=@/", c);
}

/* A path as a URI reference: relative paths stay relative, absolute ones
 * become file: URIs; bytes a URI may not hold are percent-encoded. */
static void path_uri(struct wfc_buf *b, const char *path)
{
	if (path[0] == '/')
		wfc_buf_puts(b, "file://");
	for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
		if (uri_char_ok(*s))
			wfc_buf_putc(b, (char)*s);
		else
			wfc_buf_printf(b, "%%%02X", *s);
	}
}

/* The SARIF column (UTF-16 code units) of byte column col of line p; the
 * byte column itself when the line is not known. */
static unsigned sarif_col(const char *p, size_t len, unsigned col)
{
	if (!p || col == 0)
		return col;
	size_t n = (size_t)col - 1 < len ? (size_t)col - 1 : len;
	unsigned u = 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if ((c & 0xC0) != 0x80)
			u += (c & 0xF8) == 0xF0 ? 2 : 1;
	}
	return u + (unsigned)((size_t)col - 1 - n);
}

static bool sarif_region(cJSON *phys, const struct wfc_diag *dg,
			 const struct wfc_source *s, struct line_cursor *cur)
{
	const char *p = NULL, *ep = NULL;
	size_t len = 0, elen = 0;
	cJSON *r = cJSON_AddObjectToObject(phys, "region");

	if (!find_line(cur, s, dg->pos.line, &p, &len))
		p = NULL;
	bool ok = add_num(r, "startLine", dg->pos.line);
	if (ok && dg->pos.col)
		ok = add_num(r, "startColumn", sarif_col(p, len, dg->pos.col));
	if (ok && dg->end.line >= dg->pos.line) {
		ok = add_num(r, "endLine", dg->end.line);
		if (!find_line(cur, s, dg->end.line, &ep, &elen))
			ep = NULL;
		/* SARIF's endColumn is the column after the region. */
		if (ok && dg->end.col)
			ok = add_num(r, "endColumn",
				     sarif_col(ep, elen, dg->end.col + 1));
	}
	return ok;
}

static cJSON *sarif_location(const struct wfc_diag *dg,
			     const struct wfc_sources *src,
			     struct line_cursor *cur)
{
	struct wfc_buf uri = { 0 };
	cJSON *loc = cJSON_CreateObject();
	cJSON *phys = cJSON_AddObjectToObject(loc, "physicalLocation");
	cJSON *art = cJSON_AddObjectToObject(phys, "artifactLocation");

	path_uri(&uri, dg->pos.file);
	bool ok = add_str(art, "uri", wfc_buf_str(&uri));
	if (ok && dg->pos.file[0] != '/')
		ok = add_str(art, "uriBaseId", "%SRCROOT%");
	if (ok && dg->pos.line)
		ok = sarif_region(phys, dg, find_source(src, dg->pos.file),
				  cur);
	wfc_buf_free(&uri);
	if (!ok) {
		cJSON_Delete(loc);
		return NULL;
	}
	return loc;
}

/* The rule reference and the parts a result and a notification share. */
static bool sarif_common(cJSON *o, const struct wfc_diag *dg)
{
	bool ok = add_str(o, "level", sarif_level(dg->severity)) &&
		  add_str(cJSON_AddObjectToObject(o, "message"), "text",
			  dg->message);
	if (ok && dg->suggestion)
		ok = add_str(cJSON_AddObjectToObject(o, "properties"),
			     "suggestion", dg->suggestion);
	return ok;
}

static cJSON *sarif_result(const struct wfc_diag *dg,
			   const struct wfc_sources *src,
			   struct line_cursor *cur)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = add_str(o, "ruleId", wfc_rule_id(dg->rule));
	if (ok && (unsigned)dg->rule < WFC_RULE_COUNT)
		ok = add_num(o, "ruleIndex", (unsigned)dg->rule);
	ok = ok && sarif_common(o, dg) &&
	     append(cJSON_AddArrayToObject(o, "locations"),
		    sarif_location(dg, src, cur));
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* A diagnostic about no file (or about standard input) cannot be a result:
 * GitHub rejects a whole SARIF file when one result has no location. It
 * becomes a tool execution notification instead. */
static cJSON *sarif_notification(const struct wfc_diag *dg)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *rule = cJSON_AddObjectToObject(o, "associatedRule");
	bool ok = add_str(rule, "id", wfc_rule_id(dg->rule));
	if (ok && (unsigned)dg->rule < WFC_RULE_COUNT)
		ok = add_num(rule, "index", (unsigned)dg->rule);
	ok = ok && sarif_common(o, dg);
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static int print_sarif(FILE *out, const struct wfc_diags *d,
		       const struct wfc_sources *src, const char *version)
{
	struct line_cursor cur = { 0 };
	int rc = -1;
	cJSON *root = cJSON_CreateObject();

	if (!add_str(root, "$schema", SARIF_SCHEMA) ||
	    !add_str(root, "version", "2.1.0"))
		goto err_out;
	cJSON *run = cJSON_CreateObject();
	if (!append(cJSON_AddArrayToObject(root, "runs"), run))
		goto err_out;
	cJSON *drv = cJSON_AddObjectToObject(
		cJSON_AddObjectToObject(run, "tool"), "driver");
	if (!add_str(drv, "name", "wfc") ||
	    (version && !add_str(drv, "version", version)) ||
	    !add_str(drv, "informationUri", WFC_INFO_URI))
		goto err_out;
	cJSON *rules = cJSON_AddArrayToObject(drv, "rules");
	for (int r = 0; r < WFC_RULE_COUNT; r++)
		if (!append(rules, sarif_rule((enum wfc_rule)r)))
			goto err_out;

	cJSON *inv = cJSON_CreateObject();
	if (!append(cJSON_AddArrayToObject(run, "invocations"), inv))
		goto err_out;
	cJSON *notes =
		cJSON_AddArrayToObject(inv, "toolExecutionNotifications");
	cJSON *results = cJSON_AddArrayToObject(run, "results");
	if (!notes || !results)
		goto err_out;
	bool failed = false;
	for (size_t i = 0; i < d->n; i++) {
		const struct wfc_diag *dg = &d->v[i];
		bool ok;
		if (dg->pos.file && !is_stdin(dg->pos.file)) {
			ok = append(results, sarif_result(dg, src, &cur));
		} else {
			ok = append(notes, sarif_notification(dg));
			failed |= dg->severity == WFC_ERROR;
		}
		if (!ok)
			goto err_out;
	}
	if (cJSON_GetArraySize(notes) == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(run, "invocations");
	else if (!cJSON_AddBoolToObject(inv, "executionSuccessful", !failed))
		goto err_out;
	if (!add_str(run, "columnKind", "utf16CodeUnits"))
		goto err_out;
	rc = print_cjson(out, root);
err_out:
	cJSON_Delete(root);
	return rc;
}

/* GitHub's workflow command escaping; property values also escape : and ,. */
static void gh_escape(FILE *out, const char *s, bool property)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '%':
			fputs("%25", out);
			break;
		case '\r':
			fputs("%0D", out);
			break;
		case '\n':
			fputs("%0A", out);
			break;
		case ':':
			fputs(property ? "%3A" : ":", out);
			break;
		case ',':
			fputs(property ? "%2C" : ",", out);
			break;
		default:
			putc(*s, out);
		}
	}
}

static int print_github(FILE *out, const struct wfc_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct wfc_diag *dg = &d->v[i];
		const struct wfc_pos *pos = &dg->pos;
		const char *cmd = dg->severity == WFC_ERROR ? "error" :
				  dg->severity == WFC_WARNING ? "warning" :
								"notice";

		fprintf(out, "::%s ", cmd);
		if (pos->file && !is_stdin(pos->file)) {
			fputs("file=", out);
			gh_escape(out, pos->file, true);
			if (pos->line) {
				fprintf(out, ",line=%u", pos->line);
				if (pos->col)
					fprintf(out, ",col=%u", pos->col);
			}
			putc(',', out);
		}
		fputs("title=", out);
		gh_escape(out, wfc_rule_id(dg->rule), true);
		fputs("::", out);
		gh_escape(out, dg->message, false);
		putc('\n', out);
	}
	return 0;
}

int wfc_diags_print(FILE *out, const struct wfc_diags *d,
		    const struct wfc_sources *src,
		    const struct wfc_print_opts *o)
{
	static const struct wfc_print_opts defaults = {
		.format = WFC_FORMAT_TEXT,
	};
	int rc;

	if (!o)
		o = &defaults;
	switch (o->format) {
	case WFC_FORMAT_TEXT:
		rc = print_text(out, d, src, o->color);
		break;
	case WFC_FORMAT_JSON:
		rc = print_json(out, d);
		break;
	case WFC_FORMAT_SARIF:
		rc = print_sarif(out, d, src, o->tool_version);
		break;
	case WFC_FORMAT_GITHUB:
		rc = print_github(out, d);
		break;
	default:
		rc = -1;
	}
	if (fflush(out) != 0 || ferror(out))
		rc = -1;
	return rc;
}
