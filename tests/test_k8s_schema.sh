#!/usr/bin/env bash
# Checks the Kubernetes objects wfc emits against the real Kubernetes schema
# with tests/k8s/validate.mjs (the npm package kubernetes-models plus the API
# server's own rules).
#
#   bash tests/test_k8s_schema.sh BUILD_DIR SOURCE_DIR
#
# BUILD_DIR is the folder of the wfc program, SOURCE_DIR the project's top
# folder. (a) The checker's own fixtures: every good one passes, every bad one
# fails with the expected message. (b) When `wfc compile` exists: the output
# of `wfc compile -o json` for testdata/compile/*.yaml (with the flags of
# NAME.args) and for every workflow of the Argo corpus (../shared/corpus/argo
# beside the project) that compiles, and the Jobs its plan holds for the
# coordinator (tests/k8s/plan-jobs.mjs: lazy nodes' jobWrapper and pod,
# jobTemplates with sample values for their tags). Files that do not compile
# are listed, not failures: this test judges the objects, not which features
# the compiler has.
#
# Exit status: 0 passed, 1 failed, 77 skipped (node or the checker's npm
# packages are not installed: apt-get install nodejs npm; npm ci --prefix tests/k8s).
set -u

usage="usage: test_k8s_schema.sh BUILD_DIR SOURCE_DIR"
build=${1:?$usage}
src=${2:?$usage}
src=$(cd "$src" && pwd) || exit 1
if [ -d "$build" ]; then
	build=$(cd "$build" && pwd)
fi
k8s=$src/tests/k8s
validate=$k8s/validate.mjs
plan_jobs=$k8s/plan-jobs.mjs
fixtures=$k8s/fixtures

skip() {
	echo "SKIP: k8s_schema: $*; to run it: apt-get install nodejs npm && npm ci --prefix tests/k8s"
	exit 77
}
command -v node >/dev/null 2>&1 || skip "node is not installed"
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null) || skip "node does not run"
[ "$major" -ge 18 ] 2>/dev/null || skip "node $major is older than 18"
[ -d "$k8s/node_modules/kubernetes-models" ] || skip "tests/k8s/node_modules is missing"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
pass() {
	passed=$((passed + 1))
	echo "ok: $*"
}
fail() {
	failed=$((failed + 1))
	echo "FAIL: $*"
}

# ------------------------------------------------------------ (a) fixtures

# Each bad fixture: the one problem line validate.mjs must print for it.
expect=(
	"bad-restart-policy.json: object Job/hello-world-build: spec.template.spec.restartPolicy: must be Never or OnFailure for a Job"
	"bad-unknown-field.json: object Job/hello-world-build: spec.template.spec.containers[0].imagePullPolicyy: unknown field \"imagePullPolicyy\"; did you mean \"imagePullPolicy\"?"
	"bad-unknown-field-nested.json: object Job/hello-world-build: spec.template.spec.volumes[0].configMap.itmes: unknown field \"itmes\""
	"bad-type.json: object Job/hello-world-build: spec.backoffLimit: must be integer, got string \"3\""
	"bad-enum.json: object Job/hello-world-build: spec.template.spec.containers[0].imagePullPolicy: must be one of \"Always\", \"IfNotPresent\", \"Never\""
	"bad-missing-containers.json: object Job/hello-world-build: spec.template.spec.containers: required field is missing"
	"bad-volume-mount.json: object Job/hello-world-build: spec.template.spec.containers[0].volumeMounts[1].name: no volume named \"workspace\""
	"bad-job-name.json: object Job/hello-world-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: metadata.name: 64 characters, more than 63"
	"bad-cronjob-name.json: object CronJob/nightly-report-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb: metadata.name: 54 characters, more than 52"
	"bad-label-value.json: object Job/hello-world-build: metadata.labels[\"wfc.dev/node\"]: label value \"build step\" is not"
	"bad-configmap-key.json: object ConfigMap/hello-world-plan: data[\"scripts/build.py\"]: key \"scripts/build.py\" is not valid"
	"bad-duplicate-container.json: object Job/hello-world-build: spec.template.spec.containers[0].name: duplicate container name \"main\""
	"bad-env-name.json: object Job/hello-world-build: spec.template.spec.containers[0].env[1].name: \"1-node\" is not a valid environment variable name"
	"bad-sidecar-restart.json: object Job/hello-world-build: spec.template.spec.initContainers[0].restartPolicy: an init container's restartPolicy can only be Always"
	"bad-quantity.json: object Job/hello-world-build: spec.template.spec.containers[0].resources.limits.memory: must be number or a string of format \"quantity\""
	"bad-quantity-suffix.json: object Job/hello-world-build: spec.template.spec.containers[0].resources.requests.cpu: \"2h\" is not a quantity"
	"bad-unknown-kind.json: object Deployment/hello-world-build: kind: unsupported kind \"Deployment\""
)

cd "$fixtures" || {
	echo "FAIL: no folder $fixtures"
	exit 1
}

total=0
for f in good-*.json; do
	out=$(node "$validate" "$f" 2>&1)
	rc=$?
	if [ "$rc" -eq 0 ] && [[ $out =~ ^([0-9]+)\ objects\ ok$ ]]; then
		total=$((total + BASH_REMATCH[1]))
		pass "$f: $out"
	else
		fail "$f: expected to pass, exit $rc:"
		printf '%s\n' "$out" | sed 's/^/    /'
	fi
done

out=$(node "$validate" good-*.json 2>&1)
rc=$?
if [ "$rc" -eq 0 ] && [ "$out" = "$total objects ok" ]; then
	pass "all good fixtures in one run: $out"
else
	fail "all good fixtures in one run: expected \"$total objects ok\", exit 0; got exit $rc:"
	printf '%s\n' "$out" | sed 's/^/    /'
fi

declare -A expected=()
for e in "${expect[@]}"; do
	expected[${e%%: *}]=$e
done
for f in bad-*.json; do
	if [ -z "${expected[$f]+set}" ]; then
		fail "$f: no expected message in test_k8s_schema.sh"
	fi
done
for e in "${expect[@]}"; do
	f=${e%%: *}
	if [ ! -f "$f" ]; then
		fail "$f: fixture missing"
		continue
	fi
	out=$(node "$validate" "$f" 2>/dev/null)
	rc=$?
	lines=$(printf '%s\n' "$out" | grep -c "^$f: ")
	if [ "$rc" -eq 1 ] && [ "$lines" -eq 1 ] && printf '%s\n' "$out" | grep -qF -- "$e"; then
		pass "$f rejected"
	else
		fail "$f: expected exit 1 and exactly one problem containing:"
		echo "    $e"
		echo "  got exit $rc, $lines problem line(s):"
		printf '%s\n' "$out" | sed 's/^/    /'
	fi
done

# Standard input, and the name it is reported under.
out=$(node "$validate" <good-job.json 2>&1)
if [ "$out" = "1 objects ok" ]; then
	pass "standard input"
else
	fail "standard input: expected \"1 objects ok\", got: $out"
fi
out=$(node "$validate" --stdin-name wf.yaml - <bad-type.json 2>/dev/null)
if [[ $out == "wf.yaml: object Job/hello-world-build: spec.backoffLimit: "* ]]; then
	pass "--stdin-name names standard input"
else
	fail "--stdin-name: got: $out"
fi

# A ConfigMap over 1 MiB (made here, not kept as a fixture).
node -e '
const big = "x".repeat(1100 * 1024);
console.log(JSON.stringify({ apiVersion: "v1", kind: "List", items: [
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "big" }, data: { "plan.json": big } } ] }));
' >"$tmp/big.json"
out=$(node "$validate" "$tmp/big.json" 2>/dev/null)
rc=$?
if [ "$rc" -eq 1 ] && grep -qF "object ConfigMap/big: data: data and binaryData total" <<<"$out" &&
	grep -qF "object ConfigMap/big: (object): object is" <<<"$out"; then
	pass "ConfigMap over 1 MiB rejected"
else
	fail "ConfigMap over 1 MiB: exit $rc:"
	printf '%s\n' "$out" | sed 's/^/    /'
fi

# Not JSON, and bad usage.
printf 'kind: Job\n' >"$tmp/job.yaml"
out=$(node "$validate" "$tmp/job.yaml" 2>/dev/null)
rc=$?
if [ "$rc" -eq 1 ] && [[ $out == *"job.yaml: not valid JSON: "* ]]; then
	pass "input that is not JSON rejected"
else
	fail "input that is not JSON: exit $rc: $out"
fi
node "$validate" --no-such-option >/dev/null 2>&1
rc=$?
if [ "$rc" -eq 2 ]; then
	pass "unknown option: exit 2"
else
	fail "unknown option: expected exit 2, got $rc"
fi

# ------------------------------------------------------------ (b) wfc compile

wfc=$build/wfc
if [ -x "$wfc" ] && "$wfc" compile --help >/dev/null 2>&1; then
	inputs=()
	for f in "$src"/testdata/compile/*.yaml; do
		[ -f "$f" ] && inputs+=("$f")
	done
	corpus=$src/../shared/corpus/argo
	if [ -d "$corpus" ]; then
		while IFS= read -r f; do
			inputs+=("$f")
		done < <(find "$corpus" -type f \( -name '*.yaml' -o -name '*.yml' \) | LC_ALL=C sort)
	else
		echo "note: no Argo corpus at $corpus: only testdata/compile is compiled"
	fi

	not_compiled=()
	objects=0
	for f in "${inputs[@]}"; do
		rel=${f#"$src"/}
		rel=${rel#../shared/}
		dir=$(dirname "$f")
		# testdata/compile/NAME.args: the golden test's extra flags, less -o
		flags=()
		if [ -f "${f%.yaml}.args" ]; then
			read -r -a words <"${f%.yaml}.args" || true
			for ((i = 0; i < ${#words[@]}; i++)); do
				case ${words[i]} in
				-o | --output) i=$((i + 1)) ;;
				-o* | --output=*) ;;
				*) flags+=("${words[i]}") ;;
				esac
			done
		fi
		if "$wfc" compile -o json ${flags[@]+"${flags[@]}"} "$f" >"$tmp/out.json" 2>"$tmp/err"; then
			:
		elif { [ -f "$dir/templates.yaml" ] || [ -f "$dir/clustertemplates.yaml" ]; } &&
			"$wfc" compile -o json -t "$dir" "$f" >"$tmp/out.json" 2>"$tmp/err"; then
			: # a workflow that refers to the templates beside it
		else
			reason=$(grep -m1 -v '^[[:space:]]*$' "$tmp/err")
			reason=${reason//"$f"/}
			reason=${reason#:}
			reason=$(printf '%s' "$reason" | cut -c1-200)
			not_compiled+=("$rel: ${reason:-exit status not 0}")
			continue
		fi
		out=$(node "$validate" --stdin-name "$rel" - <"$tmp/out.json" 2>&1)
		rc=$?
		if [ "$rc" -eq 0 ]; then
			n=${out%% objects ok}
			objects=$((objects + n))
			pass "$rel: wfc compile output: $out"
		else
			fail "$rel: wfc compile output is not valid Kubernetes:"
			printf '%s\n' "$out" | sed 's/^/    /'
		fi
		# the Jobs the plan holds for the coordinator (lazy nodes, prototypes),
		# their tags given sample values
		if grep -qE 'jobTemplates|jobWrapper' "$tmp/out.json"; then
			if node "$plan_jobs" <"$tmp/out.json" >"$tmp/plan-jobs.json" 2>"$tmp/err"; then
				out=$(node "$validate" --stdin-name "$rel (plan)" - <"$tmp/plan-jobs.json" 2>&1)
				rc=$?
			else
				out=$(cat "$tmp/err")
				rc=1
			fi
			if [ "$rc" -eq 0 ]; then
				n=${out%% objects ok}
				objects=$((objects + n))
				pass "$rel: Jobs in the plan: $out"
			else
				fail "$rel: Jobs in the plan are not valid Kubernetes:"
				printf '%s\n' "$out" | sed 's/^/    /'
			fi
		fi
	done
	echo "wfc compile: ${#inputs[@]} inputs, $((${#inputs[@]} - ${#not_compiled[@]})) compiled ($objects objects checked), ${#not_compiled[@]} did not compile (listed, not failures):"
	for n in "${not_compiled[@]}"; do
		echo "  $n"
	done
else
	echo "skip: (b) wfc compile output: $wfc has no compile command yet"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
