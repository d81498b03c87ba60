/* Kubernetes objects (cJSON trees) out as a multi-document YAML stream, built
 * with libyaml's event emitter, or as one JSON List. Text is never pasted: a
 * string value can never change the structure of what is emitted, and every
 * plain scalar reads back as the same string under YAML 1.1 (go-yaml v2, as
 * Kubernetes reads it). Key order is the trees' insertion order. */
#ifndef WFC_EMIT_H
#define WFC_EMIT_H
#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum wfc_emit_format { WFC_EMIT_YAML, WFC_EMIT_JSON };

/* Streams objects out to a FILE. */
struct wfc_emitter;

/* NULL when out of memory. out is not closed by the emitter. */
struct wfc_emitter *wfc_emitter_create(FILE *out, enum wfc_emit_format f);
/* YAML: one document ("---") per object, written as it comes. JSON: one
 * item of the List. Returns 0, or -1 (invalid UTF-8 in a string, a write
 * error, or an earlier failure); after -1 the emitter only fails. */
int wfc_emit_object(struct wfc_emitter *e, const cJSON *obj);
/* Ends the stream (JSON: closes the List) and flushes out. 0 or -1. */
int wfc_emitter_finish(struct wfc_emitter *e);
void wfc_emitter_destroy(struct wfc_emitter *e);

/* One object as a malloc'd, NUL-terminated string: a one-document YAML
 * stream, or the object itself as formatted JSON with a final newline (not
 * wrapped in a List). NULL on failure. */
char *wfc_emit_to_string(const cJSON *obj, enum wfc_emit_format f);

/* Bytes of obj's compact JSON form (what the API server stores is about
 * this size; Kubernetes refuses objects over 1 MiB). 0 on failure. */
size_t wfc_emit_size(const cJSON *obj);

/* Would a YAML 1.1 reader (go-yaml v2, Kubernetes) read s as a plain scalar
 * as something other than this string: null, bool, int, float, timestamp,
 * merge key, base-60 number; also true for the empty string. Conservative:
 * true may be returned for some strings that would read back unchanged.
 * Whether s is a legal plain scalar at all (indicators, ": ", spaces, line
 * breaks, ...) is not asked here: the emitter leaves that to libyaml. */
bool wfc_yaml11_needs_quotes(const char *s, size_t len);

#endif
