/* runtime/kube_resource: Argo's condition syntax and the JSONPath subset,
 * on objects as the API server returns them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cjson/cJSON.h>

#include "runtime/kube_resource.h"

static const char *const job_json =
	"{\"metadata\": {\"name\": \"pi-x7k\", \"labels\": {\"app\": \"pi\"}},"
	" \"status\": {\"succeeded\": 3, \"failed\": 0, \"phase\": \"Succeeded\","
	"  \"replicaStatuses\": {\"Worker\": {\"succeeded\": 2, \"failed\": 0}},"
	"  \"conditions\": [{\"type\": \"Complete\", \"status\": \"True\"}]}}";

static void test_conditions(void **state)
{
	(void)state;
	cJSON *job = cJSON_Parse(job_json);
	assert_non_null(job);
	static const struct {
		const char *cond;
		int want;
	} cases[] = {
		/* the corpus's own conditions */
		{ "status.succeeded > 2", 1 },
		{ "status.succeeded > 9", 0 },
		{ "status.failed > 1", 0 },
		{ "status.replicaStatuses.Worker.succeeded = 2", 1 },
		{ "status.replicaStatuses.Worker.failed > 0", 0 },
		{ "status.phase == Succeeded", 1 },
		{ "status.phase in (Failed, Error)", 0 },
		{ "status.phase in (Failed,Succeeded)", 1 },
		{ "status.phase notin (Failed, Error)", 1 },
		{ "status.phase != Succeeded", 0 },
		/* all requirements must hold */
		{ "status.succeeded > 2, status.phase == Succeeded", 1 },
		{ "status.succeeded > 2, status.phase == Failed", 0 },
		/* a field that is not there matches no equality and no comparison */
		{ "status.active > 0", 0 },
		{ "status.active != 1", 1 },
		{ "status.conditions.0.type == Complete", 1 },
		{ "metadata.labels.app", 1 },
		{ "!metadata.labels.tier", 1 },
		{ "status.succeeded >= 3", 1 },
		{ "status.succeeded <= 2", 0 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char err[128] = "";
		int got = wfc_kres_condition(cases[i].cond, job, err, sizeof(err));
		if (got != cases[i].want)
			fail_msg("'%s': got %d, want %d (%s)", cases[i].cond, got, cases[i].want, err);
	}
	char err[128] = "";
	assert_int_equal(wfc_kres_condition("status.succeeded > many", job, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "'many' is not a number"));
	assert_int_equal(wfc_kres_condition("status.succeeded > 1,", job, err, sizeof(err)), -1);
	cJSON_Delete(job);
}

static void test_jsonpath(void **state)
{
	(void)state;
	cJSON *job = cJSON_Parse(job_json);
	char *v = wfc_kres_jsonpath(job, "{.metadata.name}");
	assert_string_equal(v, "pi-x7k");
	free(v);
	v = wfc_kres_jsonpath(job, ".status.succeeded");
	assert_string_equal(v, "3");
	free(v);
	v = wfc_kres_jsonpath(job, "{.status.conditions[0].type}");
	assert_string_equal(v, "Complete");
	free(v);
	v = wfc_kres_jsonpath(job, "{.metadata.labels}");
	assert_string_equal(v, "{\"app\":\"pi\"}");
	free(v);
	v = wfc_kres_jsonpath(job, "{.metadata['labels'].app}");
	assert_string_equal(v, "pi");
	free(v);
	assert_null(wfc_kres_jsonpath(job, "{.status.nothing}"));
	assert_null(wfc_kres_jsonpath(job, "{.status.conditions[5].type}"));
	cJSON_Delete(job);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conditions),
		cmocka_unit_test(test_jsonpath),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
