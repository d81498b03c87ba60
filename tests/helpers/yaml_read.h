/* Reading YAML back in tests, independently of the library: two readers
 * that give every document of a stream as a cJSON array, plain scalars
 * resolved with go-yaml v2's YAML 1.1 rules, as Kubernetes reads YAML.
 * Both fail a cmocka test on internal errors (out of memory, nesting
 * deeper than 64 in the libyaml reader). */
#ifndef WFC_TEST_YAML_READ_H
#define WFC_TEST_YAML_READ_H
#include <cjson/cJSON.h>
#include <stddef.h>

/* What Kubernetes gets from the plain scalar s, as a cJSON value; NULL when
 * it is something a string must never turn into: a timestamp, a merge key,
 * a float that JSON cannot hold. */
cJSON *test_yaml11_resolve(const char *s);

/* libyaml's parser. NULL when libyaml refuses the text, or a node has a
 * tag, an anchor or an alias, a key is not a string, a scalar holds a NUL,
 * or a plain scalar resolves to NULL above. */
cJSON *test_yaml11_read(const char *text, size_t len);

/* libfyaml's document tree, the same resolution and the same refusals. */
cJSON *test_fyaml_read(const char *text, size_t len);

#endif
