/* Kubernetes names of a run's Jobs, formed the same way by the compiler
 * (node Jobs) and by the coordinator (attempts, expansions): DNS-1123
 * labels of at most 63 characters, readable when they fit, cut with a
 * stable hash suffix when they do not. docs/plan.md, "Job names". */
#ifndef WFC_NAMES_H
#define WFC_NAMES_H
#include <stddef.h>
#include <stdint.h>

#include "support/buf.h"

/* The longest name a Job may have (its name becomes a pod label). */
#define WFC_NAME_MAX 63

#define WFC_FNV_SEED 1469598103934665603ULL

/* FNV-1a over n bytes of s, continuing from h (WFC_FNV_SEED to start). */
uint64_t wfc_fnv1a(const char *s, size_t n, uint64_t h);

/* Appends s to b lowercased, every run of characters other than [a-z0-9]
 * as one '-', with no leading, trailing or doubled '-'; joined to what b
 * holds with one '-'. */
void wfc_name_sanitize(struct wfc_buf *b, const char *s);

/* Ends the name in b with '-' and 8 hex digits of h, keeping at most its
 * first max - 9 characters (trailing '-' dropped): at most max in all. */
void wfc_name_hash_suffix(struct wfc_buf *b, size_t max, uint64_t h);
/* The same, only when the name in b is longer than max. */
void wfc_name_cut(struct wfc_buf *b, size_t max, uint64_t h);

/* s as a DNS-1123 label of at most max characters (malloc'd): sanitized
 * ("wfc" when nothing is left), cut with a hash of s when longer. */
char *wfc_name_fit(const char *s, size_t max);

/* Names the coordinator forms. Both join with "--", which a name the
 * compiler forms never contains (sanitizing leaves no doubled '-'), so they
 * cannot collide with a node Job of the plan; both are cut to 63 with a
 * hash of the whole joined text. (malloc'd) */

/* Attempt k (k >= 1; attempt 0 is the node's own Job) of the node whose
 * first Job is job: "<job>--<k>". */
char *wfc_name_attempt(const char *job, unsigned k);

/* A Job or name made at run time below parent (a k8sName, or a name made
 * by this function): "<parent>--<part sanitized>". part is a withParam
 * item's index, or a node's display name. */
char *wfc_name_child(const char *parent, const char *part);

#endif
