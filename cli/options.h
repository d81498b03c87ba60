/* Command-line options as data: each command describes its options in a
 * table of struct wfc_cli_opt, and one parser reads argv into the command's
 * own option struct, reports mistakes (with a suggestion for a near miss) and
 * prints the command's help from the same table. Nothing here knows a
 * particular command. */
#ifndef WFC_CLI_OPTIONS_H
#define WFC_CLI_OPTIONS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Exit statuses shared by every command. */
#define WFC_EXIT_OK 0
#define WFC_EXIT_FINDINGS 1
#define WFC_EXIT_USAGE 2  /* wrong options, or an input that could not be read */

enum wfc_cli_type {
	WFC_CLI_FLAG,    /* bool, set to true */
	WFC_CLI_STRING,  /* const char *, the last one given wins */
	WFC_CLI_LIST,    /* struct wfc_cli_list, repeatable */
	WFC_CLI_SIZE,    /* size_t, a positive integer */
	WFC_CLI_UINT,    /* unsigned, a positive integer */
	WFC_CLI_CHOICE,  /* int, index of the value in the choices */
};

/* The values of a repeatable option, in the order given; the strings are
 * argv's. Free v with wfc_cli_list_free. */
struct wfc_cli_list {
	const char **v;
	size_t n;
};

struct wfc_cli_opt {
	const char *name;       /* long name, without "--" */
	char short_name;        /* 0 when there is none */
	enum wfc_cli_type type;
	size_t offset;          /* of the value in the command's option struct */
	const char *metavar;    /* "FORMAT"; NULL for flags */
	const char *help;       /* one line, lowercase */
	/* WFC_CLI_CHOICE: the values, NULL-terminated; or a function returning
	 * them, when they come from the library. */
	const char *const *choices;
	const char *const *(*choices_fn)(void);
	/* The value of "--name" given without "=VALUE"; only the "--name=VALUE"
	 * form then takes a value. NULL: the value is required. */
	const char *implicit;
};

struct wfc_cli_spec {
	const char *name;         /* "validate" */
	const char *operands;     /* "FILE..." for the usage line */
	const char *summary;      /* one line for "wfc --help" */
	const char *description;  /* text after the usage line, or NULL */
	const struct wfc_cli_opt *opts;
	size_t nopts;
	const char *epilogue;     /* text after the options, or NULL */
};

enum wfc_cli_result {
	WFC_CLI_OK,
	WFC_CLI_HELP,   /* -h or --help was given */
	WFC_CLI_ERROR,  /* a message was printed to stderr */
};

/* Parses argv[1..argc) (argv[0] is the command's name) into out, whose
 * fields the table's offsets name; out must hold the defaults already.
 * Options and operands may be mixed; "--" ends the options and "-" is an
 * operand. The operands are moved to argv[0..*noperands), in order. */
enum wfc_cli_result wfc_cli_parse(const struct wfc_cli_spec *spec, int argc,
				  char **argv, void *out, int *noperands);

/* wfc_cli_parse for a command whose operands are input files: prints the
 * help (-h), the error and usage hint, or "no input file given". Returns
 * true to go on; false with *rc the exit status to return. */
bool wfc_cli_parse_files(const struct wfc_cli_spec *spec, int argc, char **argv,
			 void *out, const void *defaults, int *nfiles, int *rc);

/* Frees the lists that wfc_cli_parse filled in out. */
void wfc_cli_free(const struct wfc_cli_spec *spec, void *out);

/* The command's full help, from its table; defaults (the option struct
 * before parsing, or NULL) supplies the "(default ...)" of numbers and
 * choices. */
void wfc_cli_help(FILE *f, const struct wfc_cli_spec *spec,
		  const void *defaults);
/* "usage: wfc NAME [OPTIONS] OPERANDS" and where to read more, after an
 * error message. */
void wfc_cli_usage_hint(FILE *f, const struct wfc_cli_spec *spec);

/* Prints "wfc: MESSAGE" on stderr. */
void wfc_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The candidate closest to word by edit distance (a swap of two neighbours
 * counts as one edit), when close enough to be a likely typo; NULL
 * otherwise. candidates is NULL-terminated. */
const char *wfc_cli_suggest(const char *word, const char *const *candidates);

#endif
