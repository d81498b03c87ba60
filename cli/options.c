#include "cli/options.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "support/buf.h"

#define HELP_COL 28    /* where an option's help text starts */
#define HELP_WIDTH 79  /* help lines are wrapped before this column */

void wfc_cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("wfc: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	putc('\n', stderr);
}

/* Optimal string alignment distance: insertions, deletions, substitutions
 * and swaps of neighbours each cost one. Words longer than this are never
 * typos of an option name. */
#define SUGGEST_MAX_LEN 64

static size_t edit_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	size_t d[SUGGEST_MAX_LEN + 1][SUGGEST_MAX_LEN + 1];

	if (n > SUGGEST_MAX_LEN || m > SUGGEST_MAX_LEN)
		return SIZE_MAX;
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = d[i - 1][j - 1] + cost;
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[n][m];
}

const char *wfc_cli_suggest(const char *word, const char *const *candidates)
{
	size_t len = strlen(word);
	/* one edit in three characters, at least one, at most three */
	size_t max = len / 3 ? (len / 3 < 3 ? len / 3 : 3) : 1;
	const char *best = NULL;
	size_t best_d = SIZE_MAX;

	if (!candidates || len == 0)
		return NULL;
	for (const char *const *c = candidates; *c; c++) {
		size_t d = edit_distance(word, *c);
		if (d < best_d && d <= max && d < strlen(*c)) {
			best = *c;
			best_d = d;
		}
	}
	return best;
}

void wfc_cli_usage_hint(FILE *f, const struct wfc_cli_spec *spec)
{
	fprintf(f, "usage: wfc %s [OPTIONS] %s\n", spec->name, spec->operands);
	fprintf(f, "run 'wfc %s --help' for the options\n", spec->name);
}

static const char *const *opt_choices(const struct wfc_cli_opt *o)
{
	return o->choices_fn ? o->choices_fn() : o->choices;
}

/* "one of 'a', 'b', 'c'" */
static void print_choices(FILE *f, const char *const *choices)
{
	if (!choices || !*choices) {
		fputs("no value is available", f);
		return;
	}
	fputs("expected one of ", f);
	for (const char *const *c = choices; *c; c++)
		fprintf(f, "%s'%s'", c == choices ? "" : ", ", *c);
}

/* A positive decimal integer no larger than max. */
static bool parse_count(const char *s, unsigned long long max,
			unsigned long long *v)
{
	if (*s < '0' || *s > '9')
		return false;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return false;
	errno = 0;
	*v = strtoull(s, NULL, 10);
	return errno == 0 && *v > 0 && *v <= max;
}

static bool list_add(struct wfc_cli_list *l, const char *s)
{
	const char **v = realloc(l->v, (l->n + 1) * sizeof(*v));
	if (!v)
		return false;
	v[l->n++] = s;
	l->v = v;
	return true;
}

/* Stores val, given to the option shown to the user as disp. */
static bool set_value(const struct wfc_cli_opt *o, const char *disp,
		      const char *val, void *out)
{
	char *field = (char *)out + o->offset;
	unsigned long long n;

	switch (o->type) {
	case WFC_CLI_FLAG:
		*(bool *)field = true;
		return true;
	case WFC_CLI_STRING:
		*(const char **)field = val;
		return true;
	case WFC_CLI_LIST:
		if (!list_add((struct wfc_cli_list *)field, val)) {
			wfc_cli_error("out of memory");
			return false;
		}
		return true;
	case WFC_CLI_SIZE:
		if (!parse_count(val, SIZE_MAX, &n))
			break;
		*(size_t *)field = (size_t)n;
		return true;
	case WFC_CLI_UINT:
		if (!parse_count(val, UINT_MAX, &n))
			break;
		*(unsigned *)field = (unsigned)n;
		return true;
	case WFC_CLI_CHOICE: {
		const char *const *choices = opt_choices(o);
		for (int i = 0; choices && choices[i]; i++) {
			if (strcmp(val, choices[i]) == 0) {
				*(int *)field = i;
				return true;
			}
		}
		const char *near = wfc_cli_suggest(val, choices);
		fprintf(stderr, "wfc: invalid value '%s' for '%s': ", val, disp);
		print_choices(stderr, choices);
		if (near)
			fprintf(stderr, "; did you mean '%s'?", near);
		putc('\n', stderr);
		return false;
	}
	}
	wfc_cli_error("invalid value '%s' for '%s': expected a positive integer",
		      val, disp);
	return false;
}

static const struct wfc_cli_opt *find_long(const struct wfc_cli_spec *spec,
					   const char *name, size_t len)
{
	for (size_t i = 0; i < spec->nopts; i++) {
		const char *n = spec->opts[i].name;
		if (strlen(n) == len && strncmp(n, name, len) == 0)
			return &spec->opts[i];
	}
	return NULL;
}

static const struct wfc_cli_opt *find_short(const struct wfc_cli_spec *spec,
					    char c)
{
	for (size_t i = 0; i < spec->nopts; i++)
		if (spec->opts[i].short_name == c)
			return &spec->opts[i];
	return NULL;
}

static void unknown_long(const struct wfc_cli_spec *spec, const char *arg,
			 size_t len)
{
	const char **names = calloc(spec->nopts + 2, sizeof(*names));
	char *word = strndup(arg, len);
	const char *near = NULL;

	if (names && word) {
		size_t k = 0;
		for (size_t i = 0; i < spec->nopts; i++)
			names[k++] = spec->opts[i].name;
		names[k++] = "help";
		near = wfc_cli_suggest(word, names);
	}
	if (near)
		wfc_cli_error("unknown option '--%.*s'; did you mean '--%s'?",
			      (int)len, arg, near);
	else
		wfc_cli_error("unknown option '--%.*s'", (int)len, arg);
	free(word);
	free(names);
}

static enum wfc_cli_result parse_long(const struct wfc_cli_spec *spec,
				      int argc, char **argv, int *i, void *out)
{
	const char *name = argv[*i] + 2;
	const char *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	const struct wfc_cli_opt *o = find_long(spec, name, len);
	char disp[SUGGEST_MAX_LEN + 8];
	const char *val;

	if (!o && len == 4 && strncmp(name, "help", 4) == 0) {
		if (!eq)
			return WFC_CLI_HELP;
		wfc_cli_error("option '--help' takes no value");
		return WFC_CLI_ERROR;
	}
	if (!o) {
		unknown_long(spec, name, len);
		return WFC_CLI_ERROR;
	}
	snprintf(disp, sizeof(disp), "--%s", o->name);
	if (o->type == WFC_CLI_FLAG) {
		if (eq) {
			wfc_cli_error("option '%s' takes no value", disp);
			return WFC_CLI_ERROR;
		}
		val = NULL;
	} else if (eq) {
		val = eq + 1;
	} else if (o->implicit) {
		val = o->implicit;
	} else if (*i + 1 < argc) {
		val = argv[++*i];
	} else {
		wfc_cli_error("option '%s' needs a value (%s)", disp, o->metavar);
		return WFC_CLI_ERROR;
	}
	return set_value(o, disp, val, out) ? WFC_CLI_OK : WFC_CLI_ERROR;
}

/* A cluster of short options: "-q", "-qf json", "-fjson". */
static enum wfc_cli_result parse_short(const struct wfc_cli_spec *spec,
				       int argc, char **argv, int *i, void *out)
{
	const char *arg = argv[*i];

	for (size_t j = 1; arg[j]; j++) {
		char disp[3] = { '-', arg[j], '\0' };
		const struct wfc_cli_opt *o = find_short(spec, arg[j]);
		const char *val = NULL;

		if (!o) {
			if (arg[j] == 'h')
				return WFC_CLI_HELP;
			wfc_cli_error("unknown option '%s'", disp);
			return WFC_CLI_ERROR;
		}
		if (o->type != WFC_CLI_FLAG) {
			if (arg[j + 1]) {
				val = arg + j + 1;
			} else if (*i + 1 < argc) {
				val = argv[++*i];
			} else {
				wfc_cli_error("option '%s' needs a value (%s)",
					      disp, o->metavar);
				return WFC_CLI_ERROR;
			}
		}
		if (!set_value(o, disp, val, out))
			return WFC_CLI_ERROR;
		if (val)
			break;
	}
	return WFC_CLI_OK;
}

enum wfc_cli_result wfc_cli_parse(const struct wfc_cli_spec *spec, int argc,
				  char **argv, void *out, int *noperands)
{
	bool options_end = false;
	int n = 0;

	for (int i = 1; i < argc; i++) {
		char *a = argv[i];
		enum wfc_cli_result r;

		if (options_end || a[0] != '-' || a[1] == '\0') {
			argv[n++] = a;  /* n <= i - 1: nothing unread is lost */
			continue;
		}
		if (strcmp(a, "--") == 0) {
			options_end = true;
			continue;
		}
		if (a[1] == '-')
			r = parse_long(spec, argc, argv, &i, out);
		else
			r = parse_short(spec, argc, argv, &i, out);
		if (r != WFC_CLI_OK) {
			*noperands = n;
			return r;
		}
	}
	*noperands = n;
	return WFC_CLI_OK;
}

void wfc_cli_free(const struct wfc_cli_spec *spec, void *out)
{
	for (size_t i = 0; i < spec->nopts; i++) {
		const struct wfc_cli_opt *o = &spec->opts[i];
		if (o->type == WFC_CLI_LIST) {
			struct wfc_cli_list *l =
				(struct wfc_cli_list *)((char *)out + o->offset);
			free(l->v);
			l->v = NULL;
			l->n = 0;
		}
	}
}

/* Prints words at column col, from column at, wrapped before HELP_WIDTH;
 * returns the column reached. */
static int put_words(FILE *f, const char *s, int at, int col)
{
	while (*s) {
		size_t w = strcspn(s, " ");
		if (at > col && at + 1 + (int)w > HELP_WIDTH) {
			fprintf(f, "\n%*s", col, "");
			at = col;
		} else if (at > col) {
			putc(' ', f);
			at++;
		}
		fwrite(s, 1, w, f);
		at += (int)w;
		s += w;
		while (*s == ' ')
			s++;
	}
	return at;
}

static void help_option(FILE *f, const struct wfc_cli_opt *o,
			const void *defaults)
{
	char left[128];
	int n;

	if (o->short_name)
		n = snprintf(left, sizeof(left), "  -%c, --%s", o->short_name,
			     o->name);
	else
		n = snprintf(left, sizeof(left), "      --%s", o->name);
	if (o->type != WFC_CLI_FLAG && n > 0 && (size_t)n < sizeof(left))
		snprintf(left + n, sizeof(left) - (size_t)n,
			 o->implicit ? "[=%s]" : " %s", o->metavar);
	fputs(left, f);
	int at = (int)strlen(left);
	if (at + 2 > HELP_COL) {
		fprintf(f, "\n%*s", HELP_COL, "");
	} else {
		fprintf(f, "%*s", HELP_COL - at, "");
	}
	at = put_words(f, o->help, HELP_COL, HELP_COL);

	/* "(a, b, c; default a)" */
	struct wfc_buf extra = { 0 };
	const char *const *choices =
		o->type == WFC_CLI_CHOICE ? opt_choices(o) : NULL;
	for (const char *const *c = choices; c && *c; c++)
		wfc_buf_printf(&extra, "%s%s", c == choices ? "" : ", ", *c);
	if (defaults) {
		const char *field = (const char *)defaults + o->offset;
		const char *sep = extra.len ? "; " : "";
		if (o->type == WFC_CLI_SIZE)
			wfc_buf_printf(&extra, "%sdefault %zu", sep,
				       *(const size_t *)field);
		else if (o->type == WFC_CLI_UINT)
			wfc_buf_printf(&extra, "%sdefault %u", sep,
				       *(const unsigned *)field);
		else if (o->type == WFC_CLI_CHOICE && *(const int *)field >= 0)
			wfc_buf_printf(&extra, "%sdefault %s", sep,
				       choices[*(const int *)field]);
	}
	if (extra.len) {
		struct wfc_buf paren = { 0 };
		wfc_buf_printf(&paren, "(%s)", wfc_buf_str(&extra));
		put_words(f, wfc_buf_str(&paren), at, HELP_COL);
		wfc_buf_free(&paren);
	}
	wfc_buf_free(&extra);
	putc('\n', f);
}

void wfc_cli_help(FILE *f, const struct wfc_cli_spec *spec,
		  const void *defaults)
{
	static const struct wfc_cli_opt help_opt = {
		.name = "help", .short_name = 'h', .type = WFC_CLI_FLAG,
		.help = "show this help and exit",
	};

	fprintf(f, "usage: wfc %s [OPTIONS] %s\n", spec->name, spec->operands);
	if (spec->description)
		fprintf(f, "\n%s", spec->description);
	fputs("\noptions:\n", f);
	for (size_t i = 0; i < spec->nopts; i++)
		help_option(f, &spec->opts[i], defaults);
	help_option(f, &help_opt, NULL);
	if (spec->epilogue)
		fprintf(f, "\n%s", spec->epilogue);
}

bool wfc_cli_parse_files(const struct wfc_cli_spec *spec, int argc, char **argv,
			 void *out, const void *defaults, int *nfiles, int *rc)
{
	*rc = WFC_EXIT_USAGE;
	switch (wfc_cli_parse(spec, argc, argv, out, nfiles)) {
	case WFC_CLI_OK:
		break;
	case WFC_CLI_HELP:
		wfc_cli_help(stdout, spec, defaults);
		*rc = WFC_EXIT_OK;
		return false;
	case WFC_CLI_ERROR:
		wfc_cli_usage_hint(stderr, spec);
		return false;
	}
	if (*nfiles == 0) {
		wfc_cli_error("no input file given (use '-' for standard input)");
		wfc_cli_usage_hint(stderr, spec);
		return false;
	}
	return true;
}
