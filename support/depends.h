/* The `depends` language of DAG tasks.
 *
 * Argo finds task references in `depends` with the pattern
 * [a-zA-Z0-9][-a-zA-Z0-9]*(\.[A-Z][a-zA-Z]+)?, rejects result words outside
 * Succeeded, Failed, Errored, Skipped, Omitted, Daemoned, AnySucceeded and
 * AllFailed, expands every bare name A to
 * (A.Succeeded || A.Skipped || A.Daemoned [|| A.Errored] [|| A.Failed]) with
 * the last two only when A has continueOn.error / continueOn.failed, replaces
 * every '-' by '_' and evaluates the result with expr-lang, where ! binds
 * tighter than &&, and && tighter than ||.
 *
 * Here a name is [A-Za-z0-9][-A-Za-z0-9]* (dashes belong to the name: A-1 is
 * one task, never a subtraction), optionally followed by '.' and a result
 * word, combined with &&, ||, ! and parentheses. Rejected, with an offset at
 * the offending character: other characters and operators, result words
 * outside the list (with the closest one suggested), and names starting with
 * a digit (expr-lang reads those as malformed numbers, so Argo fails on them
 * at run time). The words "and", "or" and "not" are task names, as they are to
 * Argo's pattern (a DAG would then have to define such tasks). */
#ifndef WFC_DEPENDS_H
#define WFC_DEPENDS_H
#include <stdbool.h>
#include <stddef.h>

#include "support/govaluate.h"

struct wfc_depends;

/* Task results, as bits for wfc_depends_task_results. */
enum wfc_depends_result {
	WFC_DEPENDS_SUCCEEDED = 1u << 0,
	WFC_DEPENDS_FAILED = 1u << 1,
	WFC_DEPENDS_ERRORED = 1u << 2,
	WFC_DEPENDS_SKIPPED = 1u << 3,
	WFC_DEPENDS_OMITTED = 1u << 4,
	WFC_DEPENDS_DAEMONED = 1u << 5,
	WFC_DEPENDS_ANY_SUCCEEDED = 1u << 6,
	WFC_DEPENDS_ALL_FAILED = 1u << 7,
	WFC_DEPENDS_BARE = 1u << 8, /* referenced without a result */
};

/* Parentheses and '!' nest at most this deep. */
#define WFC_DEPENDS_MAX_NESTING 128

/* NULL on a syntax error (err filled when non-NULL; offsets into text). */
struct wfc_depends *wfc_depends_parse(const char *text, struct wfc_gv_error *err);
void wfc_depends_free(struct wfc_depends *d);

/* Distinct task names in order of first mention, spelled as written. */
size_t wfc_depends_ntasks(const struct wfc_depends *d);
const char *wfc_depends_task(const struct wfc_depends *d, size_t i);
size_t wfc_depends_task_offset(const struct wfc_depends *d, size_t i);
/* Union of the enum wfc_depends_result bits over all mentions of task i.
 * Argo treats a task mentioned with AnySucceeded or AllFailed as a loop
 * ("items") dependency. */
unsigned wfc_depends_task_results(const struct wfc_depends *d, size_t i);

/* Node phases as far as depends is concerned. */
enum wfc_depends_phase {
	WFC_DEPENDS_PHASE_OTHER, /* Pending, Running: not fulfilled */
	WFC_DEPENDS_PHASE_SUCCEEDED,
	WFC_DEPENDS_PHASE_FAILED,
	WFC_DEPENDS_PHASE_ERROR,
	WFC_DEPENDS_PHASE_SKIPPED,
	WFC_DEPENDS_PHASE_OMITTED,
};

/* What the scheduler knows of one task (Argo dag.go evaluateDependsLogic). */
struct wfc_depends_state {
	enum wfc_depends_phase phase;
	bool daemoned;           /* a daemon whose phase is not Pending */
	bool continue_on_failed; /* the task's continueOn, for bare references */
	bool continue_on_error;
	bool is_group;           /* TaskGroup node of withItems/withParam/withSequence */
	size_t children;         /* its children ... */
	size_t children_succeeded; /* ... that Succeeded */
	size_t children_failed;    /* ... that Failed (unknown children count as neither) */
};

/* Fills *out for task; returns 0, 1 when the task is not fulfilled yet, or -1
 * when there is no such task. Called at most once per task and evaluation. */
typedef int (*wfc_depends_state_fn)(void *user, const char *task,
				    struct wfc_depends_state *out);

/* Evaluates with each task's state: 0 with *out, 1 when some referenced task
 * is not fulfilled yet (Argo waits; *out untouched), -1 with err. Every
 * referenced task is looked up, in order of first mention, before anything
 * is evaluated. */
int wfc_depends_eval(const struct wfc_depends *d, wfc_depends_state_fn state, void *user,
		     bool *out, struct wfc_gv_error *err);

/* The closest allowed result word to word[0..n) (edit distance, ignoring
 * case), for suggestions. */
const char *wfc_depends_closest_result(const char *word, size_t n);

#endif
