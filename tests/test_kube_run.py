#!/usr/bin/env python3
"""The kube executor end to end: every testdata/run case through `wfc run`
against the fake API server (tests/fakekube), which runs each Job's pod as
local processes. Each case must end as NAME.expected says (the same files
`wfc run --local` is held to; NAME.kube.expected where a cluster legitimately
differs), then again under injected faults, and a coordinator killed at
random moments must finish with the same status, no node run twice.

usage: test_kube_run.py WFC_BUILD_DIR SOURCE_DIR [CASE...]
       test_kube_run.py --cluster WFC_BUILD_DIR SOURCE_DIR [CASE...]
With --cluster the cases run on the cluster $KUBECONFIG names (kind, k3s...)
in a new namespace that is deleted afterwards (needs kubectl; images are
pulled; WFC_E2E_RUNTIME_IMAGE names the runtime image when the default one
is not reachable). CASE may also be faults, crash, incluster or lazy.
Exit 0 all passed, 1 a failure, 77 skipped (no fake server possible).
"""
import json
import os
import random
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request

TOKEN = "wfc-test-token"


def node_log(logs, wf, node):
    """What the pods of a step node printed (its attempts', not its hooks'),
    as `wfc logs RUN NODE` shows it, lines joined by '|', or None; logs is
    (wfc, kubeconfig)."""
    wfc, kubeconfig = logs
    md = wf.get("metadata", {})
    p = subprocess.run([wfc, "logs", "--kubeconfig", kubeconfig, "-n",
                        md.get("namespace", "default"), md["name"], node["name"]],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, timeout=60)
    prefix = node["displayName"] + ": "
    lines = [ln[len(prefix):] for ln in p.stdout.splitlines() if ln.startswith(prefix)]
    return "|".join(lines) if p.returncode == 0 and lines else None


def _keeps_result(wf, n):
    """Whether wfc keeps a step's outputs.result whatever refers to it: the
    workflow's own pod, an exit handler's, a hook's (runtime/plan.h)."""
    d = n["displayName"]
    return n["name"] == wf["metadata"]["name"] or d == "onExit" or d.startswith("hooks.") \
        or n["name"].startswith(wf["metadata"]["name"] + ".onExit")


def summary(wf, logs):
    """The lines tests/test_run.c writes for a run: the workflow's phase, its
    global outputs, then one sorted line per node that ran; a step that kept
    no outputs.result (nothing refers to it) shows what it printed, read with
    `wfc logs` (a daemon's pod is gone with its scope: none)."""
    st = wf.get("status", {})
    out = ["workflow %s" % st.get("phase")]
    for p in st.get("outputs", {}).get("parameters", []) or []:
        out.append("workflow.outputs.parameters.%s=%s" % (p["name"], p.get("value", "")))
    lines = []
    for n in st.get("nodes", {}).values():
        if not n.get("phase"):
            continue
        line = "%s %s" % (n["name"], n["phase"])
        o = n.get("outputs") or {}
        if n.get("type") != "Pod" or not _is_attempt(n):
            if o.get("result"):
                line += " outputs.result=%s" % o["result"]
            elif n.get("type") in ("Pod", "Retry") and logs and not _keeps_result(wf, n):
                log = node_log(logs, wf, n)
                if log:
                    line += " log=%s" % log
            for p in o.get("parameters", []) or []:
                if "value" in p:
                    line += " outputs.parameters.%s=%s" % (p["name"], p["value"])
        if n.get("message"):
            line += " message=%s" % n["message"]
        lines.append(line.replace("\n", "|"))
    return out + sorted(lines)


def _is_attempt(n):
    return n["name"].endswith(")") and "(" in n["name"] and n["name"].rsplit("(", 1)[1][:-1].isdigit()


class Fake:
    def __init__(self, src, build, tmp, extra=(), tls=None):
        self.state = os.path.join(tmp, "state")
        os.makedirs(self.state, exist_ok=True)
        self.ca = None
        if tls:
            extra = list(extra) + ["--tls-cert", tls[0], "--tls-key", tls[1]]
            self.ca = tls[0]
        cmd = [sys.executable, os.path.join(src, "tests/fakekube/fakekube.py"),
               "--port", "0", "--state-dir", self.state, "--token", TOKEN,
               "--image", "ghcr.io/wfc-dev/wfc*=%s" % os.path.join(build, "wfc"),
               "--pod-backoff", "0", "--sandbox", os.path.join(build, "fakekube-sandbox")] + list(extra)
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=open(
            os.path.join(tmp, "fakekube.log"), "w"), text=True)
        self.url = self.proc.stdout.readline().strip()
        if not self.url.startswith("http"):
            raise RuntimeError("fakekube did not start: %r" % self.url)
        self.kubeconfig = os.path.join(tmp, "kubeconfig")
        with open(self.kubeconfig, "w") as f:
            f.write("""apiVersion: v1
kind: Config
clusters:
- name: fake
  cluster: {server: "%s"%s}
users:
- name: me
  user: {token: "%s"}
contexts:
- name: fake
  context: {cluster: fake, user: me, namespace: default}
current-context: fake
""" % (self.url, ', certificate-authority: "%s"' % self.ca if self.ca else "", TOKEN))

    def admin_text(self, path, method="GET", body=None):
        data = json.dumps(body).encode() if body is not None else None
        rq = urllib.request.Request(self.url + path, data=data, method=method,
                                    headers={"Content-Type": "application/json",
                                             "Authorization": "Bearer " + TOKEN})
        ctx = ssl.create_default_context(cafile=self.ca) if self.ca else None
        with urllib.request.urlopen(rq, timeout=10, context=ctx) as r:
            return r.read().decode()

    def admin(self, method, path, body=None):
        t = self.admin_text(path, method, body)
        return json.loads(t) if t else None

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def expected_of(src, case):
    base = os.path.join(src, "testdata/run", case)
    for p in (base + ".kube.expected", base + ".expected"):
        if os.path.exists(p):
            with open(p) as f:
                return f.read().splitlines(), p
    return None, None


def run_case(wfc, fake, src, case, ns, timeout=120, extra=()):
    path = os.path.join(src, "testdata/run", case + ".yaml")
    cmd = [wfc, "run", "--kubeconfig", fake.kubeconfig, "-n", ns, "-o", "json"] + \
        list(extra) + [path]
    if case.endswith("-resume"):
        # a step waits for `wfc resume NAME`, given from another process as
        # a user would, until the run ends
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + timeout
        while proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.5)
            subprocess.run([wfc, "resume", "--kubeconfig", fake.kubeconfig, "-n", ns, case],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if proc.poll() is None:
            proc.kill()
        out, err = proc.communicate()
        p = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    else:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           timeout=timeout)
    try:
        wf = json.loads(p.stdout)
    except ValueError:
        return None, p
    return wf, p


FAULT_CASES = ["dag-diamond", "retry", "with-param", "exit-handler"]
FAULTS = [
    {"type": "error", "code": 503, "count": 3},
    {"type": "error", "code": 500, "count": 2, "verb": "patch"},
    {"type": "throttle", "retryAfter": 1, "count": 1},
    {"type": "watch-drop", "after": 2, "count": 6},
    {"type": "watch-gone", "count": 2},
    {"type": "reset", "count": 3},
    {"type": "delay", "ms": 200, "count": 10},
]


def make_namespace(fake, ns):
    fake.admin("POST", "/api/v1/namespaces",
               {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}})


def compare(case, got, want, wpath, src, stderr, t0):
    if got == want:
        print("ok   %s (%.1fs)" % (case, time.monotonic() - t0))
        return 0
    print("FAIL %s (%.1fs) against %s" % (case, time.monotonic() - t0, os.path.relpath(wpath, src)))
    if got is None:
        print("     no JSON; stderr:\n%s" % stderr[-3000:])
    else:
        for line in want:
            if line not in got:
                print("     - %s" % line)
        for line in got:
            if line not in want:
                print("     + %s" % line)
        print("     stderr tail:\n%s" % stderr[-1500:])
    return 1


def faults_pass(wfc, fake, src):
    """The same cases with the API server failing: 5xx bursts, 429s, cut
    and expired watches, connection resets, slow answers."""
    ns = "faults"
    make_namespace(fake, ns)
    failed = 0
    for case in FAULT_CASES:
        want, wpath = expected_of(src, case)
        fake.admin("PUT", "/fake/faults", FAULTS)
        t0 = time.monotonic()
        try:
            wf, p = run_case(wfc, fake, src, case, ns, timeout=300)
        except subprocess.TimeoutExpired:
            print("FAIL faults %s: timed out" % case)
            failed += 1
            continue
        injected = fake.admin("GET", "/fake/faults")
        fake.admin("DELETE", "/fake/faults")
        n = sum(injected.get("injected", {}).values())
        if n == 0:
            print("FAIL faults %s: no fault was injected" % case)
            failed += 1
            continue
        got = summary(wf, (wfc, fake.kubeconfig)) if wf else None
        failed += compare("faults " + case, got, want, wpath, src, p.stderr, t0)
    return failed


def status_exists(fake, ns, name):
    try:
        fake.admin("GET", "/api/v1/namespaces/%s/configmaps/%s-status" % (ns, name))
        return True
    except Exception:  # noqa: BLE001 - 404 and the like
        return False


CRASH_CASES = ["dag-diamond", "retry", "with-param", "steps-result", "exit-handler",
               "parallelism"]


def crash_pass(wfc, fake, src, seed=None):
    """`wfc run` killed (SIGKILL) at random moments and carried on with
    --resume: the final status is the undisturbed one, and no Job had more
    than one pod (no node ran twice)."""
    rnd = random.Random(seed if seed is not None else int(os.environ.get("WFC_CRASH_SEED", "1")))
    ns = "crash"
    make_namespace(fake, ns)
    failed = 0
    for case in CRASH_CASES:
        want, wpath = expected_of(src, case)
        path = os.path.join(src, "testdata/run", case + ".yaml")
        with open(path) as f:
            name = re.search(r"^metadata:\s*\{?\s*name:\s*([\w.-]+)", f.read(), re.M).group(1)
        t0 = time.monotonic()
        kills = 0
        base = [wfc, "run", "--kubeconfig", fake.kubeconfig, "-n", ns, "-o", "json"]
        wf, err = None, ""
        for attempt in range(12):
            cmd = base + (["--resume", name] if status_exists(fake, ns, name) else [path])
            p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            last = attempt >= 3
            try:
                out, err = p.communicate(timeout=300 if last else rnd.uniform(0.05, 0.6))
            except subprocess.TimeoutExpired:
                p.kill()
                p.communicate()
                kills += 1
                continue
            try:
                wf = json.loads(out)
            except ValueError:
                wf = None
            break
        got = summary(wf, (wfc, fake.kubeconfig)) if wf else None
        stats = fake.admin("GET", "/fake/stats")
        twice = {j: n for j, n in stats.get("podsByJob", {}).items()
                 if j.startswith(ns + "/") and n > 1}
        if twice:
            print("FAIL crash %s: Jobs with more than one pod: %s" % (case, twice))
            failed += 1
            continue
        failed += compare("crash %s (%d kills)" % (case, kills), got, want, wpath, src, err, t0)
    return failed


CRON = """apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata:
  name: tick
spec:
  schedules: ["*/5 * * * *"]
  workflowSpec:
    entrypoint: main
    templates:
    - name: main
      steps:
      - - name: say
          template: say
      - - name: show
          template: show
          arguments: {parameters: [{name: m, value: "{{steps.say.outputs.result}}"}]}
    - name: say
      container: {image: busybox:1.36, command: [echo, tock]}
    - name: show
      inputs: {parameters: [{name: m}]}
      container: {image: busybox:1.36, command: [echo, "got {{inputs.parameters.m}}"]}
"""


GC = """apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: gc
spec:
  entrypoint: main
  podGC: {strategy: OnWorkflowCompletion}
  ttlStrategy: {secondsAfterCompletion: 300}
  templates:
  - name: main
    container: {image: busybox:1.36, command: [echo, bye]}
"""


def wait_status(fake, ns, name, timeout=120):
    """The Workflow a coordinator in the cluster stored, once it ended."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            cm = fake.admin("GET", "/api/v1/namespaces/%s/configmaps/%s-status" % (ns, name))
            wf = json.loads(cm.get("data", {}).get("workflow.json", "{}"))
            if wf.get("status", {}).get("phase") in ("Succeeded", "Failed", "Error"):
                return wf
        except Exception:  # noqa: BLE001 - not there yet
            pass
        time.sleep(0.3)
    return None


def owned_from_start(fake, name, job):
    """`wfc run --detach` applies the run's objects owned by the coordinator
    Job: the coordinator has none to give an owner (its last log line)."""
    uid = job["metadata"]["uid"]
    log = coordinator_log(fake, name)
    cms = fake.admin("GET", "/api/v1/namespaces/default/configmaps?labelSelector="
                     "wfc.dev%2Fworkflow%3D" + name)["items"]
    unowned = [c["metadata"]["name"] for c in cms
               if uid not in [r.get("uid") for r in c["metadata"].get("ownerReferences", [])]]
    if "objects given an owner: 0;" not in log or unowned:
        print("FAIL in-cluster --detach: objects not owned from the start (unowned %s); "
              "coordinator log:\n%s" % (unowned, log[-1500:]))
        return 1
    print("ok   in-cluster --detach: the run is owned by the coordinator Job from the start")
    return 0


def coordinator_log(fake, name):
    pods = fake.admin("GET", "/api/v1/namespaces/default/pods?labelSelector="
                      "job-name%3D" + name)["items"]
    return "".join(fake.admin_text("/api/v1/namespaces/default/pods/%s/log?container=coordinator"
                                   % p["metadata"]["name"]) for p in pods)


FANOUT = """apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: fan
spec:
  entrypoint: main
  parallelism: 8
  templates:
  - name: main
    steps:
    - - name: each
        template: noop
        withSequence:
          count: "40"
  - name: noop
    container:
      image: alpine:3.19
      command: [sh, -c, "sleep 0.$((RANDOM % 5))"]
"""


def read_at_news(wfc, fake, d):
    """A running Job's state is read from the caches when there is news of
    it (an event of its Job or its pod, a timer of its own), not at every
    wake-up of the coordinator (bookmarks, the status, the other Jobs'
    events). On a fan-out of 40 with 8 at once: about 5 reads a Job (its
    start, its Job's events, its pod's end); reading every running Job at
    every wake-up made 44 a Job."""
    path = os.path.join(d, "fan.yaml")
    with open(path, "w") as f:
        f.write(FANOUT)
    p = subprocess.run([wfc, "run", "--detach", "--kubeconfig", fake.kubeconfig, path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)
    wf = wait_status(fake, "default", "fan") if p.returncode == 0 else None
    log = ""
    for _ in range(50):  # the usage line is the coordinator's last
        log = coordinator_log(fake, "fan")
        if "Job reads" in log:
            break
        time.sleep(0.2)
    m = re.search(r"Jobs: (\d+) unsuspended, (\d+) created.*Job reads: (\d+);", log)
    if not wf or wf["status"]["phase"] != "Succeeded" or not m:
        print("FAIL in-cluster fan-out: exit %d, phase %s; coordinator log:\n%s" % (
            p.returncode, wf and wf["status"]["phase"], log[-1500:] or p.stderr[-1500:]))
        return 1
    jobs, reads = int(m.group(1)) + int(m.group(2)), int(m.group(3))
    ok = jobs == 40 and reads <= 8 * jobs
    print("%s in-cluster fan-out: %d Job reads for %d Jobs" % ("ok  " if ok else "FAIL", reads, jobs))
    return 0 if ok else 1


def pods_spared(wfc, fake, src):
    """The coordinator watches pods once they ended (a field selector), and
    a daemon's once it left Pending: a run without daemons gets no event of
    a pending or running pod, one with a daemon some of the daemon's
    running pod, and none of a pending one."""
    failed = 0
    for case, running in (("dag-diamond", False), ("daemon", True)):
        ns = "spared-" + case
        make_namespace(fake, ns)
        before = fake.admin("GET", "/fake/stats")["watchEvents"]
        wf, p = run_case(wfc, fake, src, case, ns)
        after = fake.admin("GET", "/fake/stats")["watchEvents"]
        ev = {k: n - before.get(k, 0) for k, n in after.items()
              if k.startswith("pods ") and n - before.get(k, 0)}
        phases = {k.split()[-1] for k in ev}
        # the events are judged, not the run's end: the daemon case's fixed
        # port may still be held by the main pass's server
        ok = wf is not None and "Pending" not in phases and "Succeeded" in phases and \
            ("Running" in phases) == running
        print("%s pods spared, %s: pods' watch events %s" % (
            "ok  " if ok else "FAIL", case, ", ".join("%s %d" % (k[5:], n)
                                                   for k, n in sorted(ev.items()))))
        failed += 0 if ok else 1
    return failed


def start_refused(wfc, fake, src):
    """The server refuses the PATCH that starts a step (403, not tried
    again): the step ends in Error with the server's message, the run
    fails, and it was asked once."""
    ns = "refused"
    make_namespace(fake, ns)
    before = fake.admin("GET", "/fake/stats")["requests"].get("patch jobs.batch", 0)
    fake.admin("PUT", "/fake/faults", [{
        "type": "error", "code": 403, "verb": "patch", "resource": "jobs",
        "namespace": ns, "contentType": "application/merge-patch+json",
        "message": 'jobs.batch "hello-world-main" is forbidden: fake'}])
    try:
        wf, p = run_case(wfc, fake, src, "hello-world", ns)
    finally:
        fake.admin("DELETE", "/fake/faults")
    patches = fake.admin("GET", "/fake/stats")["requests"].get("patch jobs.batch", 0) - before
    node = [n for n in ((wf or {}).get("status") or {}).get("nodes", {}).values()
            if n.get("type") == "Pod"]
    want = "cannot start Job 'hello-world-main': jobs.batch \"hello-world-main\" is forbidden: fake"
    # the apply of the Job is a PATCH too (server-side apply): two in all
    ok = p.returncode == 1 and len(node) == 1 and node[0].get("phase") == "Error" and \
        node[0].get("message") == want and patches == 2
    print("%s start refused: exit %d, %d PATCH of jobs, node %s" % (
        "ok  " if ok else "FAIL", p.returncode, patches,
        json.dumps(node[0] if node else None)[:300]))
    if not ok:
        print("     stderr tail:\n%s" % p.stderr[-1500:])
    return 0 if ok else 1


def incluster_pass(wfc, build, src, tmp):
    """The coordinator as a Job in the cluster (in-cluster config over TLS,
    its service account's token): `wfc run --detach`, and two firings of a
    CronWorkflow, each a run of its own."""
    if not shutil.which("openssl"):
        print("skip in-cluster: no openssl command")
        return 0
    d = os.path.join(tmp, "incluster")
    os.makedirs(d)
    r = subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                        "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                        "-keyout", os.path.join(d, "key.pem"), "-out", os.path.join(d, "cert.pem"),
                        "-subj", "/CN=fakekube", "-addext",
                        "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        print("skip in-cluster: openssl failed: %s" % r.stderr[-300:])
        return 0
    fake = Fake(src, build, d, tls=(os.path.join(d, "cert.pem"), os.path.join(d, "key.pem")))
    failed = 0
    try:
        case = "steps-result"
        want, wpath = expected_of(src, case)
        t0 = time.monotonic()
        p = subprocess.run([wfc, "run", "--detach", "--kubeconfig", fake.kubeconfig,
                            os.path.join(src, "testdata/run", case + ".yaml")],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)
        if p.returncode != 0 or p.stdout.strip() != case:
            print("FAIL in-cluster --detach: exit %d, printed %r\n%s" % (p.returncode, p.stdout,
                                                                        p.stderr[-1500:]))
            failed += 1
        else:
            wf = wait_status(fake, "default", case)
            got = summary(wf, (wfc, fake.kubeconfig)) if wf else None
            failed += compare("in-cluster --detach " + case, got, want, wpath, src, p.stderr,
                              t0)
            job = fake.admin("GET", "/apis/batch/v1/namespaces/default/jobs/" + case)
            conds = [c["type"] for c in job.get("status", {}).get("conditions", [])
                     if c.get("status") == "True"]
            if "Complete" not in conds:
                print("FAIL in-cluster: the coordinator Job is not Complete: %s" % conds)
                failed += 1
            failed += owned_from_start(fake, case, job)
        failed += read_at_news(wfc, fake, d)
        # podGC and ttlStrategy, done by the coordinator in the cluster
        gc = os.path.join(d, "gc.yaml")
        with open(gc, "w") as f:
            f.write(GC)
        p = subprocess.run([wfc, "run", "--detach", "--kubeconfig", fake.kubeconfig, gc],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)
        wf = wait_status(fake, "default", "gc")
        # the status is written before the clean-up: give it a moment
        for _ in range(50):
            pods = fake.admin("GET", "/api/v1/namespaces/default/pods?labelSelector="
                              "wfc.dev%2Fworkflow%3Dgc")
            left = [x["metadata"]["name"] for x in pods.get("items", [])
                    if x["metadata"].get("labels", {}).get("wfc.dev/role") != "coordinator"
                    and not x["metadata"].get("deletionTimestamp")]
            job = fake.admin("GET", "/apis/batch/v1/namespaces/default/jobs/gc")
            ttl = job.get("spec", {}).get("ttlSecondsAfterFinished")
            if not left and ttl == 300:
                break
            time.sleep(0.2)
        if not wf or wf["status"]["phase"] != "Succeeded" or left or ttl != 300:
            print("FAIL in-cluster podGC/ttlStrategy: phase %s, pods left %s, ttl %s" % (
                wf and wf["status"]["phase"], left, ttl))
            failed += 1
        else:
            print("ok   in-cluster podGC and ttlStrategy")
        cron = os.path.join(d, "cron.yaml")
        with open(cron, "w") as f:
            f.write(CRON)
        p = subprocess.run([wfc, "run", "--kubeconfig", fake.kubeconfig, cron],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)
        if p.returncode != 0:
            print("FAIL cron install: %s" % p.stderr[-1500:])
            return failed + 1
        runs = []
        for _ in range(2):
            job = fake.admin("POST", "/fake/cronjobs/default/tick/run")
            runs.append(job["metadata"]["name"])
            time.sleep(1.1)
        for run in runs:
            t0 = time.monotonic()
            wf = wait_status(fake, "default", run)
            got = summary(wf, (wfc, fake.kubeconfig)) if wf else None
            want = ["workflow Succeeded", "%s Succeeded" % run, "%s[0] Succeeded" % run,
                    "%s[0].say Succeeded outputs.result=tock" % run, "%s[1] Succeeded" % run,
                    "%s[1].show Succeeded log=got tock" % run]
            failed += compare("cron firing " + run, got, sorted(want[:1]) + sorted(want[1:]),
                              "(cron)", src, "", t0)
        stats = fake.admin("GET", "/fake/stats")
        twice = {j: n for j, n in stats.get("podsByJob", {}).items() if n > 1}
        if twice:
            print("FAIL in-cluster: Jobs with more than one pod: %s" % twice)
            failed += 1
    finally:
        fake.stop()
    return failed


LAZY_CASES = ["steps-result", "with-param", "retry", "script", "output-param", "daemon"]


def lazy_pass(wfc, fake, src):
    """--job-creation lazy: no Job up front, the coordinator creates each
    from the plan when it may run."""
    ns = "lazy"
    make_namespace(fake, ns)
    failed = 0
    for case in LAZY_CASES:
        want, wpath = expected_of(src, case)
        t0 = time.monotonic()
        wf, p = run_case(wfc, fake, src, case, ns, extra=["--job-creation", "lazy"])
        got = summary(wf, (wfc, fake.kubeconfig)) if wf else None
        failed += compare("lazy " + case, got, want, wpath, src, p.stderr, t0)
    return failed


class RealCluster:
    """The cluster of $KUBECONFIG, a namespace of its own."""

    def __init__(self):
        self.kubeconfig = os.environ.get("KUBECONFIG") or os.path.expanduser("~/.kube/config")
        self.ns = "wfc-e2e-%06x" % random.randrange(1 << 24)
        subprocess.run(["kubectl", "create", "namespace", self.ns], check=True)

    def stop(self):
        subprocess.run(["kubectl", "delete", "namespace", self.ns, "--wait=false"])


def cluster_main(build, src, only):
    if not shutil.which("kubectl"):
        print("--cluster needs kubectl")
        return 2
    wfc = os.path.join(build, "wfc")
    cl = RealCluster()
    extra = []
    if os.environ.get("WFC_E2E_RUNTIME_IMAGE"):
        extra = ["--runtime-image", os.environ["WFC_E2E_RUNTIME_IMAGE"]]
    failed = 0
    try:
        for case in sorted(f[:-5] for f in os.listdir(os.path.join(src, "testdata/run"))
                           if f.endswith(".yaml")):
            if only and case not in only:
                continue
            want, wpath = expected_of(src, case)
            if want is None:
                continue
            t0 = time.monotonic()
            try:
                wf, p = run_case(wfc, cl, src, case, cl.ns, timeout=600, extra=extra)
            except subprocess.TimeoutExpired:
                print("FAIL %s: timed out" % case)
                failed += 1
                continue
            failed += compare(case, summary(wf, (wfc, cl.kubeconfig)) if wf else None, want, wpath,
                              src, p.stderr, t0)
    finally:
        cl.stop()
    print("%d failed" % failed)
    return 1 if failed else 0


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "--cluster":
        if len(sys.argv) < 4:
            print(__doc__)
            return 2
        return cluster_main(os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3]),
                            sys.argv[4:])
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    build, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    only = sys.argv[3:]
    wfc = os.path.join(build, "wfc")
    cases = sorted(f[:-5] for f in os.listdir(os.path.join(src, "testdata/run"))
                   if f.endswith(".yaml"))
    if only:
        cases = [c for c in cases if c in only]
    tmp = tempfile.mkdtemp(prefix="wfc-kube-run-")
    failed = 0
    try:
        fake = Fake(src, build, tmp)
    except Exception as e:  # noqa: BLE001 - any failure to start is a skip
        print("skip: %s" % e)
        shutil.rmtree(tmp, ignore_errors=True)
        return 77
    try:
        for i, case in enumerate(cases):
            want, wpath = expected_of(src, case)
            if want is None:
                continue
            ns = "default"
            t0 = time.monotonic()
            try:
                wf, p = run_case(wfc, fake, src, case, ns)
            except subprocess.TimeoutExpired:
                print("FAIL %s: timed out" % case)
                failed += 1
                continue
            got = summary(wf, (wfc, fake.kubeconfig)) if wf else None
            if got != want:
                failed += 1
                print("FAIL %s (%.1fs) against %s" % (case, time.monotonic() - t0,
                                                     os.path.relpath(wpath, src)))
                if got is None:
                    print("     no JSON; exit %d; stderr:\n%s" % (p.returncode, p.stderr[-3000:]))
                else:
                    for line in want:
                        if line not in got:
                            print("     - %s" % line)
                    for line in got:
                        if line not in want:
                            print("     + %s" % line)
                    print("     stderr tail:\n%s" % p.stderr[-1500:])
            else:
                print("ok   %s (%.1fs)" % (case, time.monotonic() - t0))
        if not only:
            failed += pods_spared(wfc, fake, src)
            failed += start_refused(wfc, fake, src)
        if not only or "faults" in only:
            failed += faults_pass(wfc, fake, src)
        if not only or "crash" in only:
            failed += crash_pass(wfc, fake, src)
        if not only or "lazy" in only:
            failed += lazy_pass(wfc, fake, src)
        if not only or "incluster" in only:
            failed += incluster_pass(wfc, build, src, tmp)
    finally:
        fake.stop()
        if not failed:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print("kept %s" % tmp)
    print("%d failed" % failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
