/* Small predicates on text shared by every phase. */
#ifndef WFC_TEXT_H
#define WFC_TEXT_H
#include <stdbool.h>
#include <stddef.h>

/* Whether s holds an Argo tag: "{{" followed later by "}}". */
bool wfc_has_tag(const char *s);
/* The first tag at or after p: *open at "{{", *close at its "}}"; false
 * when there is none. */
bool wfc_tag_find(const char *p, const char **open, const char **close);
/* Calls fn once for each reference in text to the outputs.result of a
 * step or task, with the step's or task's name: steps.NAME.outputs.result,
 * tasks.NAME.outputs.result, or the name in brackets (steps['NAME']...,
 * as expressions write a name with a '-'), in a tag or an expression
 * alike. A reference whose owner cannot be read (steps[x].outputs.result)
 * gives name NULL: the caller then takes every step as referred to. */
void wfc_result_refs(const char *text, void (*fn)(void *ctx, const char *name, size_t len),
		     void *ctx);
/* Decimal digits only, with an optional sign when signed_ok. */
bool wfc_is_int_text(const char *s, bool signed_ok);

/* Go's time.ParseDuration; returns false on a malformed duration. */
bool wfc_parse_go_duration(const char *s, double *seconds);
/* The seconds of a Job's activeDeadlineSeconds for a template's
 * activeDeadlineSeconds (a whole number) and timeout (a Go duration, rounded
 * up), either NULL: the smaller of those above 0, or -1 when neither is. */
long wfc_deadline_seconds(const char *active_deadline, const char *timeout);

/* A message into a caller's buffer (nothing when err is NULL). */
void wfc_errf(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* RFC 3339 (what metav1.Time marshals to: "2024-05-01T10:00:00Z", with
 * fractions and offsets) as seconds since the epoch; 0, or -1 when s is
 * not one. */
int wfc_rfc3339_parse(const char *s, double *out);
/* t (seconds since the epoch) as metav1.Time writes it: whole seconds, UTC
 * ("2024-05-01T10:00:00Z"). */
void wfc_rfc3339_format(double t, char *buf, size_t size);

#endif
