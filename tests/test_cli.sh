#!/usr/bin/env bash
# The wfc program as users and CI jobs see it: exit statuses, what goes to
# standard output and what to standard error, the output formats.
#
# usage: test_cli.sh WFC_BINARY SOURCE_DIR
set -u

if [ $# -ne 2 ]; then
	echo "usage: $0 WFC_BINARY SOURCE_DIR" >&2
	exit 2
fi
wfc=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pass=0
fail=0
out='' err='' rc=0

# run CMD...: runs it with no standard input; sets out, err and rc.
run() {
	"$@" </dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# run_stdin FILE CMD...: the same with FILE on standard input.
run_stdin() {
	local in=$1
	shift
	"$@" <"$in" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

ok() {
	pass=$((pass + 1))
	echo "ok   $1"
}

not_ok() {
	fail=$((fail + 1))
	echo "FAIL $1"
	echo "     exit status: $rc"
	printf '     stdout: %s\n' "$(head -c 1500 <<<"$out")"
	printf '     stderr: %s\n' "$(head -c 1500 <<<"$err")"
}

skip() {
	echo "skip $1"
}

# expect NAME WHAT [ARG]: one check of the last run.
#   rc N           exit status is N
#   out_has S      stdout contains S     err_has S  stderr contains S
#   out_lacks S    stdout lacks S        err_lacks S
#   out_re RE      every stdout line matches RE (extended regex); needs a line
#   err_re RE      some stderr line matches RE
#   out_re_some RE some stdout line matches RE
#   out_empty      err_empty
expect() {
	local name=$1 what=$2 arg=${3-} good=false
	case $what in
	rc) [ "$rc" -eq "$arg" ] && good=true ;;
	out_has) [[ $out == *"$arg"* ]] && good=true ;;
	err_has) [[ $err == *"$arg"* ]] && good=true ;;
	out_lacks) [[ $out != *"$arg"* ]] && good=true ;;
	err_lacks) [[ $err != *"$arg"* ]] && good=true ;;
	out_re) [ -n "$out" ] && ! grep -qvE -- "$arg" <<<"$out" && good=true ;;
	err_re) grep -qE -- "$arg" <<<"$err" && good=true ;;
	out_re_some) grep -qE -- "$arg" <<<"$out" && good=true ;;
	out_empty) [ -z "$out" ] && good=true ;;
	err_empty) [ -z "$err" ] && good=true ;;
	*)
		echo "test_cli.sh: unknown check '$what'" >&2
		exit 2
		;;
	esac
	if $good; then ok "$name"; else not_ok "$name ($what ${arg})"; fi
}

# ---- inputs ----
clean=$src/testdata/validate/hello-world.yaml
bad=$src/testdata/validate/unknown-field-typo.yaml
if [ ! -f "$clean" ] || [ ! -f "$bad" ]; then
	echo "test_cli.sh: test data missing under $src/testdata/validate" >&2
	exit 2
fi

# A step calling a WorkflowTemplate that is not given: an error, or a warning
# with --allow-missing-templates.
cat >"$tmp/uses-lib.yaml" <<'EOF'
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: uses-lib
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
        - - name: greet
            templateRef:
              name: lib
              template: hello
EOF
mkdir -p "$tmp/lib"
cat >"$tmp/lib/lib.yaml" <<'EOF'
apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: lib
spec:
  templates:
    - name: hello
      container:
        image: busybox:1.36
        command: [echo, hello]
EOF
mkdir -p "$tmp/dir/sub" "$tmp/cleandir"
cp "$clean" "$tmp/dir/a.yaml"
cp "$bad" "$tmp/dir/sub/b.yml"
echo "not yaml at all, and ignored" >"$tmp/dir/notes.txt"
cp "$clean" "$tmp/cleandir/only.yaml"

# ---- the program ----
run "$wfc" --version
expect "--version exits 0" rc 0
expect "--version prints 'wfc VERSION'" out_re '^wfc [0-9]+\.[0-9]+\.[0-9]+'
expect "--version writes nothing on stderr" err_empty

run "$wfc" --help
expect "--help exits 0" rc 0
expect "--help shows the usage" out_has "usage: wfc"
expect "--help lists validate" out_has "validate"

run "$wfc" help
expect "help exits 0" rc 0
expect "help shows the usage" out_has "usage: wfc"

run "$wfc"
expect "no command exits 2" rc 2
expect "no command shows the usage on stderr" err_has "usage: wfc"

run "$wfc" validat
expect "unknown command exits 2" rc 2
expect "unknown command is named, with a suggestion" err_has "unknown command 'validat'; did you mean 'validate'?"

run "$wfc" --verison
expect "unknown global option exits 2" rc 2
expect "unknown global option has a suggestion" err_has "unknown option '--verison'; did you mean '--version'?"

run "$wfc" coordinate
expect "coordinate without --plan-configmap exits 2" rc 2
expect "coordinate says what it needs" err_has "'--plan-configmap' is required"

printf 'apiVersion: v1\nkind: Config\nclusters: []\n' >"$tmp/empty-kubeconfig"
run "$wfc" run --kubeconfig "$tmp/empty-kubeconfig" "$clean"
expect "run on a cluster with a kubeconfig without a context exits 2" rc 2
expect "run on a cluster names the kubeconfig" err_has "$tmp/empty-kubeconfig"
run "$wfc" run --local --detach "$clean"
expect "run --local --detach exits 2" rc 2
run "$wfc" run --logs "$clean"
expect "run --logs on a cluster exits 2" rc 2
expect "run --logs on a cluster says how to follow the steps there" err_has "wfc logs -f NAME"
run "$wfc" run --resume x "$clean"
expect "run --resume with a file exits 2" rc 2
run "$wfc" run --local -o json "$src/testdata/run/hello-world.yaml"
expect "run --local of a succeeding workflow exits 0" rc 0
expect "run --local -o json prints the phase" out_has '"phase":	"Succeeded"'
expect "run --local shows progress on stderr" err_has "hello-world  Succeeded"
run "$wfc" run --local "$src/testdata/run/failing-step.yaml"
expect "run --local of a failing workflow exits 1" rc 1
expect "run --local: plain progress has no escape codes" err_lacks $'\033'
expect "run --local: plain progress names the failed step" err_re '  Failed  [0-9.]+s  '

# a step that prints two lines, a line on stderr and an unfinished line
cat >"$tmp/talk.yaml" <<'EOF'
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: talk
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - name: talker
        template: say
  - name: say
    container:
      image: busybox:1.36
      command: [sh, -c]
      args: ["echo 'line one'; sleep 0.3; echo 'line two'; echo 'on stderr' >&2; printf 'no newline'"]
EOF
run "$wfc" run --local --logs "$tmp/talk.yaml"
expect "run --logs exits 0" rc 0
expect "run --logs: stdout lines prefixed with the step's display name" err_re '^talker: line one$'
expect "run --logs: the second line" err_has "talker: line two"
expect "run --logs: stderr lines prefixed too" err_has "talker: on stderr"
expect "run --logs: an unfinished last line is shown at the end" err_has "talker: no newline"
if [[ $err == *"talker: line one"*"talker: line two"* ]]; then
	ok "run --logs: lines in order"
else
	not_ok "run --logs: lines in order"
fi
expect "run --logs: plain mode has no escape codes" err_lacks $'\033'
expect "run --logs: step output stays off stdout" out_empty
run "$wfc" run --local "$tmp/talk.yaml"
expect "run without --logs: no step output" err_lacks "talker: line one"

# ---- wfc resume and wfc stop reach a running `wfc run --local` ----
export XDG_RUNTIME_DIR="$tmp/xdg"
mkdir -m 700 "$XDG_RUNTIME_DIR"
# wait_for FILE TEXT: until FILE holds TEXT (at most 20 s)
wait_for() {
	local i
	for i in $(seq 200); do
		grep -qF -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}
# wait_bg: waits for the background run $bg (at most 30 s, then it is
# killed and the wait fails); sets rc
wait_bg() {
	local i
	for i in $(seq 300); do
		kill -0 "$bg" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$bg" 2>/dev/null; then
		kill "$bg"
		wait "$bg"
		rc=124
		return
	fi
	wait "$bg"
	rc=$?
}
cat >"$tmp/approve.yaml" <<'EOF'
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: approve
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
        - - name: wait
            template: wait
        - - name: after
            template: after
    - name: wait
      suspend: {}
    - name: after
      container:
        image: busybox:1.36
        command: [echo, approved]
EOF
"$wfc" run --local "$tmp/approve.yaml" </dev/null >"$tmp/bg.out" 2>"$tmp/bg.err" &
bg=$!
if wait_for "$tmp/bg.err" "approve[0].wait  Suspended"; then
	ok "run --local: a suspend step waits"
else
	not_ok "run --local: a suspend step waits"
fi
err=$(cat "$tmp/bg.err")
expect "run --local: the suspended step says how to resume it" err_has "until 'wfc resume approve'"
if [ -p "$XDG_RUNTIME_DIR/wfc/runs/approve/control" ]; then
	ok "the control point is a FIFO under XDG_RUNTIME_DIR"
else
	not_ok "the control point is a FIFO under XDG_RUNTIME_DIR"
fi
run "$wfc" run --local "$tmp/approve.yaml"
expect "a second run of the same name says the first one holds the control point" err_has "another local run named 'approve' is running"
run "$wfc" resume approve
expect "resume exits 0" rc 0
expect "resume says so" out_has "workflow approve resumed"
wait_bg
err=$(cat "$tmp/bg.err")
expect "the resumed run exits 0" rc 0
expect "the resumed run went on" err_has "approve[1].after  Succeeded"
expect "the resumed run says it was resumed" err_has "resumed 1 suspended node"
if [ ! -e "$XDG_RUNTIME_DIR/wfc/runs/approve" ]; then
	ok "the control point goes with the run"
else
	not_ok "the control point goes with the run"
fi
run "$wfc" resume approve
expect "resume of a run that is not running exits 1" rc 1
expect "resume of a run that is not running says so" err_has "no local run named 'approve' is running"
mkdir -p "$XDG_RUNTIME_DIR/wfc/runs/ghost"
echo 2147483646 >"$XDG_RUNTIME_DIR/wfc/runs/ghost/pid"
run "$wfc" resume ghost
expect "resume of a stale control point exits 1" rc 1
if [ ! -e "$XDG_RUNTIME_DIR/wfc/runs/ghost" ]; then
	ok "a stale control point is removed"
else
	not_ok "a stale control point is removed"
fi
run "$wfc" stop
expect "stop without a name exits 2" rc 2
cat >"$tmp/stopper.yaml" <<'EOF'
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: stopper
spec:
  entrypoint: main
  onExit: cleanup
  templates:
    - name: main
      steps:
        - - name: long
            template: long
        - - name: never
            template: cleanup
    - name: long
      container:
        image: busybox:1.36
        command: [sleep, "30"]
    - name: cleanup
      container:
        image: busybox:1.36
        command: [echo, "cleaned up after {{workflow.status}}"]
EOF
"$wfc" run --local -o json "$tmp/stopper.yaml" </dev/null >"$tmp/bg.out" 2>"$tmp/bg.err" &
bg=$!
wait_for "$tmp/bg.err" "stopper[0].long  Running" || true
run "$wfc" stop stopper
expect "stop exits 0" rc 0
expect "stop says so" out_has "workflow stopper stopped"
wait_bg
out=$(cat "$tmp/bg.out")
err=$(cat "$tmp/bg.err")
expect "a stopped run exits 1" rc 1
expect "a stopped run is Failed with Argo's message" out_has "Stopped with strategy 'Stop'"
expect "the running step of a stopped run ends with the shutdown message" err_has "workflow shutdown with strategy: Stop"
expect "a stopped run runs its exit handler" err_has "stopper.onExit  Succeeded"
expect "a stopped run starts no further step" err_lacks "stopper[1].never"
unset XDG_RUNTIME_DIR

run "$wfc" compile "$clean"
expect "compile of a clean workflow exits 0" rc 0
expect "compile prints a Job" out_has "kind: Job"
run "$wfc" compile -o json "$clean"
expect "compile -o json prints a List" out_has '"kind":	"List"'
run "$wfc" compile -p nope=1 "$clean"
expect "compile with an unknown parameter exits 1" rc 1
expect "compile names the unknown parameter" err_has "workflow has no parameter 'nope'"

run "$wfc" graph --help
expect "graph --help exits 0" rc 0
expect "graph --help lists --format" out_has "--format"
run "$wfc" graph "$clean"
expect "graph of a clean workflow exits 0" rc 0
if [[ $out == 'digraph "'* ]]; then ok "graph prints DOT: a digraph"; else not_ok "graph prints DOT: a digraph"; fi
run "$wfc" graph --format mermaid "$clean"
expect "graph --format mermaid prints a flowchart" out_has "flowchart TD"
run "$wfc" graph --format svg "$clean"
expect "graph with a bad --format exits 2" rc 2
run "$wfc" graph "$bad"
expect "graph of a file with an error exits 1" rc 1
expect "graph: the error goes to stderr" err_has "unknown field 'dependecies'"

# ---- validate: help and options ----
run "$wfc" validate --help
expect "validate --help exits 0" rc 0
expect "validate --help shows the usage" out_has "usage: wfc validate"
expect "validate --help lists --format" out_has "--format"
expect "validate --help lists the exit statuses" out_has "exit status"
help_out=$out

run "$wfc" help validate
expect "help validate exits 0" rc 0
if [ "$out" = "$help_out" ]; then ok "help validate = validate --help"; else not_ok "help validate = validate --help"; fi

run "$wfc" validate -h
expect "validate -h exits 0" rc 0

run "$wfc" validate --frmat json "$clean"
expect "unknown option exits 2" rc 2
expect "unknown option is named, with a suggestion" err_has "wfc: unknown option '--frmat'; did you mean '--format'?"
expect "unknown option shows the usage" err_has "usage: wfc validate"
expect "unknown option writes nothing on stdout" out_empty

run "$wfc" validate -x "$clean"
expect "unknown short option exits 2" rc 2
expect "unknown short option is named" err_has "unknown option '-x'"

run "$wfc" validate --format xml "$clean"
expect "bad --format value exits 2" rc 2
expect "bad --format value lists the formats" err_has "'text', 'json', 'sarif', 'github'"

run "$wfc" validate --format
expect "--format without a value exits 2" rc 2

run "$wfc" validate --strict=yes "$clean"
expect "a value for a flag exits 2" rc 2

run "$wfc" validate --max-depth abc "$clean"
expect "a bad number exits 2" rc 2
expect "a bad number is named" err_has "invalid value 'abc' for '--max-depth'"

run "$wfc" validate --max-depth 0 "$clean"
expect "a zero limit exits 2" rc 2

run "$wfc" validate --dump-ir=no-such-pass "$clean"
expect "unknown --dump-ir pass exits 2" rc 2
expect "unknown --dump-ir pass is named" err_has "invalid value 'no-such-pass' for '--dump-ir'"

run "$wfc" validate
expect "no FILE exits 2" rc 2
expect "no FILE is explained" err_has "no input file"

run "$wfc" validate "$tmp/no-such-file.yaml"
expect "missing file exits 2" rc 2
expect "missing file is named" out_has "no-such-file.yaml"

run "$wfc" validate - -
expect "stdin twice exits 2" rc 2

# ---- validate: results ----
run "$wfc" validate "$clean"
expect "clean file exits 0" rc 0
expect "clean file: nothing on stdout" out_empty
expect "clean file: summary on stderr" err_has "hello-world.yaml: 0 errors, 0 warnings"

run "$wfc" validate -q "$clean"
expect "-q: exits 0" rc 0
expect "-q: no summary" err_empty

run "$wfc" validate "$bad"
expect "file with an error exits 1" rc 1
expect "the error is file:line:col: error: message [rule]" out_re '^(.*:[0-9]+:[0-9]+: error: .* \[[a-z-]+\]|.* \| .*)$'
expect "the error names the field and the suggestion" out_has "did you mean 'dependencies'?"
expect "the summary counts the error" err_has "1 error, 0 warnings"

run "$wfc" validate "$clean" "$bad"
expect "two files, one bad: exits 1" rc 1
expect "two files: summary counts files" err_has "2 files: 1 error"

run "$wfc" validate "$bad" --strict -q
expect "options after the files are read" rc 1
expect "-q after the files" err_empty

run "$wfc" validate -- "$clean"
expect "'--' ends the options" rc 0

run_stdin "$clean" "$wfc" validate -
expect "stdin '-': clean exits 0" rc 0
run_stdin "$bad" "$wfc" validate -
expect "stdin '-': error exits 1" rc 1
expect "stdin '-': the error is reported" out_has "unknown field 'dependecies'"

run "$wfc" validate "$tmp/dir"
expect "directory: exits 1 for the bad file below it" rc 1
expect "directory: reads *.yml in subdirectories" out_has "sub/b.yml"
expect "directory: ignores other files" out_lacks "notes.txt"
expect "directory: two files in the summary" err_has "2 files:"

run "$wfc" validate "$tmp/cleandir"
expect "clean directory exits 0" rc 0

run "$wfc" validate --max-file-size 10 "$clean"
expect "--max-file-size is applied" out_has "[limit]"

# ---- templates, warnings, --strict ----
run "$wfc" validate "$tmp/uses-lib.yaml"
expect "missing templateRef exits 1" rc 1
expect "missing templateRef is an error" out_has "error:"

run "$wfc" validate -t "$tmp/lib" "$tmp/uses-lib.yaml"
expect "-t DIR resolves the templateRef" rc 0
expect "-t DIR: no findings" out_empty

run "$wfc" validate -t "$tmp/no-such-dir" "$tmp/uses-lib.yaml"
expect "-t with a missing DIR exits 2" rc 2

run "$wfc" validate --allow-missing-templates "$tmp/uses-lib.yaml"
if [[ $out == *"warning:"* ]]; then
	expect "--allow-missing-templates: a warning, exit 0" rc 0
	run "$wfc" validate --allow-missing-templates --strict "$tmp/uses-lib.yaml"
	expect "--strict: a warning exits 1" rc 1
else
	skip "--strict (no warning produced by --allow-missing-templates)"
fi

# ---- formats ----
run "$wfc" validate --format json "$bad" "$clean"
expect "json: exits 1" rc 1
expect "json: no summary on stderr" err_empty
if command -v python3 >/dev/null 2>&1; then
	if python3 -m json.tool <"$tmp/out" >/dev/null 2>&1; then
		ok "json: valid JSON"
	else
		not_ok "json: valid JSON"
	fi
	if python3 -c 'import json, sys; d = json.load(sys.stdin); assert d["diagnostics"][0]["rule"] == "unknown-field"; assert d["errors"] == 1' <"$tmp/out" 2>/dev/null; then
		ok "json: has the diagnostic and the count"
	else
		not_ok "json: has the diagnostic and the count"
	fi
else
	skip "json: valid JSON (no python3)"
fi
expect "json: names the rule" out_has '"unknown-field"'

run "$wfc" validate -f sarif "$bad"
expect "sarif: exits 1" rc 1
if command -v python3 >/dev/null 2>&1; then
	if python3 -c 'import json, sys; d = json.load(sys.stdin); assert d["version"] == "2.1.0"; assert d["runs"][0]["results"]' <"$tmp/out" 2>/dev/null; then
		ok "sarif: valid SARIF 2.1.0 with a result"
	else
		not_ok "sarif: valid SARIF 2.1.0 with a result"
	fi
else
	skip "sarif: valid JSON (no python3)"
fi

run "$wfc" validate --format=github "$bad"
expect "github: exits 1" rc 1
expect "github: workflow command lines" out_re '^::(error|warning|notice) (file=[^,:]+,line=[0-9]+(,col=[0-9]+)?,)?title=[a-z-]+::.+$'

# ---- colour ----
run "$wfc" validate "$bad"
expect "no colour when stdout is not a terminal" out_lacks $'\033['
run "$wfc" validate --color=always "$bad"
expect "--color=always colours" out_has $'\033['
run "$wfc" validate --color "$bad"
expect "--color alone colours" out_has $'\033['
run env NO_COLOR=1 "$wfc" validate --color=always "$bad"
expect "--color=always wins over NO_COLOR" out_has $'\033['
run "$wfc" validate --color=never -f json "$bad"
expect "json is never coloured" out_lacks $'\033['
if command -v script >/dev/null 2>&1 && script -qec true /dev/null </dev/null >/dev/null 2>&1; then
	# script(1) runs the command on a terminal.
	q() { printf '%q ' "$@"; }
	run script -qec "TERM=xterm $(q "$wfc" validate -q "$bad")" /dev/null
	expect "terminal: coloured by default" out_has $'\033['
	run script -qec "TERM=xterm NO_COLOR=1 $(q "$wfc" validate -q "$bad")" /dev/null
	expect "terminal: NO_COLOR turns colour off" out_lacks $'\033['
	run script -qec "TERM=xterm NO_COLOR= $(q "$wfc" validate -q "$bad")" /dev/null
	expect "terminal: an empty NO_COLOR is unset" out_has $'\033['
	run script -qec "TERM=xterm $(q "$wfc" validate -q --color=never "$bad")" /dev/null
	expect "terminal: --color=never" out_lacks $'\033['

	# wfc run draws its progress on standard error, which script(1) shows
	sgr=$'\033''\[[0-9;]*m'
	run script -qec "TERM=xterm $(q "$wfc" run --local --logs "$tmp/talk.yaml")" /dev/null
	expect "terminal: run ends" out_has "talk  Succeeded"
	expect "terminal: run redraws in place" out_has $'\033[J'
	expect "terminal: run colours Succeeded green" out_has $'\033[32m'
	expect "terminal: run --logs prints the step's lines" out_has "talker: line one"
	expect "terminal: run --logs prints stderr lines" out_has "talker: on stderr"
	expect "terminal: the tree shows the step" out_re_some 'talker  .*Succeeded.*  [0-9.]+s'
	run script -qec "TERM=xterm NO_COLOR=1 $(q "$wfc" run --local "$tmp/talk.yaml")" /dev/null
	expect "terminal: run with NO_COLOR still draws the tree" out_has "talker  Succeeded"
	if grep -q -- "$sgr" <<<"$out"; then
		not_ok "terminal: run with NO_COLOR has no colour codes"
	else
		ok "terminal: run with NO_COLOR has no colour codes"
	fi
	run script -qec "TERM=xterm NO_COLOR= $(q "$wfc" run --local "$tmp/talk.yaml")" /dev/null
	if grep -q -- "$sgr" <<<"$out"; then
		ok "terminal: run with an empty NO_COLOR colours"
	else
		not_ok "terminal: run with an empty NO_COLOR colours"
	fi
	run script -qec "TERM=dumb $(q "$wfc" run --local "$tmp/talk.yaml")" /dev/null
	expect "terminal: run with TERM=dumb prints plain lines" out_has "talker  Succeeded"
	expect "terminal: run with TERM=dumb has no escape codes" out_lacks $'\033'
else
	skip "colour on a terminal (no script(1))"
fi

# wfc exec and wfc install: the output wrapper as a step's pod runs it.
printf 'forty-two' >"$tmp/answer"
run "$wfc" exec --output answer="$tmp/answer" --output none="$tmp/none" \
	--termination-path "$tmp/term" -- sh -c 'echo to-stdout; exit 4'
expect "exec exits as the command did" rc 4
expect "exec leaves the command's stdout alone" out_has "to-stdout"
out=$(cat "$tmp/term")
expect "exec reports the output file" out_has $'output answer 9\nforty-two'
expect "exec reports a missing file as missing" out_has "missing none"
run "$wfc" exec --output bad -- true
expect "exec with a malformed --output exits 2" rc 2
expect "exec names the malformed --output" err_has "invalid value 'bad' for '--output': expected NAME=PATH"
run "$wfc" exec
expect "exec without a command exits 2" rc 2
run "$wfc" install "$tmp/wrapper"
expect "install exits 0" rc 0
run "$tmp/wrapper" exec --termination-path "$tmp/term2" -- sh -c 'exit 0'
expect "the installed wrapper runs exec" rc 0
run "$tmp/wrapper" validate x.yaml
expect "the installed wrapper refuses other commands" rc 2
expect "the installed wrapper says what it is" err_has "only 'exec' is here"
run "$wfc" install --from "$tmp/no-such-file" "$tmp/w2"
expect "install from a missing file exits 1" rc 1
expect "install names the missing file" err_has "cannot read '$tmp/no-such-file'"

# ---- get, logs, delete: help and usage errors (no cluster needed) ----
for c in get logs delete; do
	run "$wfc" "$c" --help
	expect "$c --help exits 0" rc 0
	expect "$c --help shows the usage" out_has "usage: wfc $c [OPTIONS]"
	expect "$c --help lists the cluster options" out_has "--kubeconfig FILE"
	expect "$c --help lists -n" out_has "-n, --namespace NS"
	expect "$c --help lists the exit statuses" out_has "exit status"
	help_out=$out
	run "$wfc" help "$c"
	if [ "$out" = "$help_out" ]; then ok "help $c = $c --help"; else not_ok "help $c = $c --help"; fi
	run "$wfc" "$c"
	expect "$c without a name exits 2" rc 2
	expect "$c without a name says so" err_has "wfc: no workflow name given"
	expect "$c without a name shows the usage" err_has "usage: wfc $c"
	run "$wfc" "$c" --kubeconfg x run
	expect "$c with a misspelt option exits 2" rc 2
	expect "$c suggests the option" err_has "unknown option '--kubeconfg'; did you mean '--kubeconfig'?"
done
run "$wfc" --help
expect "--help lists get" out_has "  get "
expect "--help lists logs" out_has "  logs "
expect "--help lists delete" out_has "  delete "
run "$wfc" get a b
expect "get with two names exits 2" rc 2
expect "get with two names says so" err_has "wfc: 'get' takes one workflow name, not 2"
run "$wfc" get -o xml a
expect "get -o xml exits 2" rc 2
expect "get -o xml lists the formats" err_has "invalid value 'xml' for '-o': expected one of 'json', 'yaml', 'wide'"
run "$wfc" logs a b c
expect "logs with three names exits 2" rc 2
expect "logs with three names says so" err_has "'logs' takes a workflow name and at most one node, not 3 names"
run "$wfc" logs --tail many a
expect "logs --tail many exits 2" rc 2
expect "logs --tail many says why" err_has "invalid value 'many' for '--tail': expected a number of lines, or -1 for all"
run "$wfc" logs --tail=-2 a
expect "logs --tail=-2 exits 2" rc 2
run "$wfc" logs --since 5 a
expect "logs --since without a unit exits 2" rc 2
expect "logs --since without a unit says why" err_has "invalid value '5' for '--since': expected a duration like 5s, 2m or 3h"
run "$wfc" delete --all a
expect "delete --all with a name exits 2" rc 2
expect "delete --all with a name says so" err_has "'--all' deletes every run: give it no names"
run "$wfc" get --kubeconfig "$tmp/no-such-kubeconfig" a
expect "get with a missing kubeconfig exits 1" rc 1
expect "get names the missing kubeconfig" err_has "$tmp/no-such-kubeconfig"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
