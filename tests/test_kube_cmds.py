#!/usr/bin/env python3
"""wfc get, wfc logs and wfc delete against the fake Kubernetes API server.

    python3 tests/test_kube_cmds.py --wfc build/wfc [-v]

A run's objects are made by hand the way a run leaves them: the objects of
`wfc compile` created through the API, the node Jobs unsuspended so that
their pods run and log, and a `<run>-status` ConfigMap holding the Workflow
that `wfc run --local -o json` prints for the same file.
"""

import http.client
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)
FAKE = os.path.join(HERE, "fakekube", "fakekube.py")
WFC = None
TOKEN = "kube-cmds-token"
NS = "default"

sys.dont_write_bytecode = True

# where the objects of each kind live in the API
PATHS = {
    "ConfigMap": "/api/v1/namespaces/{ns}/configmaps",
    "Pod": "/api/v1/namespaces/{ns}/pods",
    "Service": "/api/v1/namespaces/{ns}/services",
    "ServiceAccount": "/api/v1/namespaces/{ns}/serviceaccounts",
    "PersistentVolumeClaim": "/api/v1/namespaces/{ns}/persistentvolumeclaims",
    "Job": "/apis/batch/v1/namespaces/{ns}/jobs",
    "CronJob": "/apis/batch/v1/namespaces/{ns}/cronjobs",
    "Role": "/apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/roles",
    "RoleBinding": "/apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/rolebindings",
    "Lease": "/apis/coordination.k8s.io/v1/namespaces/{ns}/leases",
}


class Fake:
    def __init__(self):
        self.tmp = tempfile.mkdtemp(prefix="wfc-kube-cmds-")
        self.kubeconfig = os.path.join(self.tmp, "kubeconfig")
        # the coordinator's image: says something and idles, so that its
        # pod runs and logs but coordinates nothing
        coord = json.dumps(["sh", "-c", "echo coordinator-says-hi; exec sleep 300", "coordinator"])
        self.proc = subprocess.Popen(
            [sys.executable, FAKE, "--port", "0", "--state-dir", os.path.join(self.tmp, "state"),
             "--token", TOKEN, "--write-kubeconfig", self.kubeconfig, "--namespace", NS,
             "--namespace", "other", "--namespace", "sweep", "--image", "ghcr.io/wfc-dev/wfc=" + coord,
             "--sandbox", os.path.join(os.path.dirname(WFC), "fakekube-sandbox")],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline().strip()
        if not line:
            raise RuntimeError("fakekube did not start: " + self.proc.stderr.read())
        u = urllib.parse.urlsplit(line)
        self.host, self.port = u.hostname, u.port
        self.errors = []
        self.drain = threading.Thread(target=lambda: self.errors.extend(self.proc.stderr),
                                      daemon=True)
        self.drain.start()
        deadline = time.time() + 10
        while not os.path.exists(self.kubeconfig) and time.time() < deadline:
            time.sleep(0.05)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.drain.join(5)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def req(self, method, path, body=None, ctype="application/json"):
        c = http.client.HTTPConnection(self.host, self.port, timeout=20)
        h = {"Authorization": "Bearer " + TOKEN}
        data = None
        if body is not None:
            data = json.dumps(body)
            h["Content-Type"] = ctype
        try:
            c.request(method, path, body=data, headers=h)
            r = c.getresponse()
            out = r.read()
        finally:
            c.close()
        try:
            return r.status, json.loads(out)
        except ValueError:
            return r.status, out.decode()

    def create(self, obj, ns=NS):
        st, out = self.req("POST", PATHS[obj["kind"]].format(ns=ns), obj)
        assert st == 201, (st, out)
        return out

    def items(self, kind, selector, ns=NS):
        q = urllib.parse.urlencode({"labelSelector": selector})
        st, out = self.req("GET", PATHS[kind].format(ns=ns) + "?" + q)
        assert st == 200, (st, out)
        return out["items"]

    def get(self, kind, name, ns=NS):
        return self.req("GET", PATHS[kind].format(ns=ns) + "/" + name)

    def patch(self, kind, name, body, ns=NS):
        st, out = self.req("PATCH", PATHS[kind].format(ns=ns) + "/" + name, body,
                           "application/merge-patch+json")
        assert st == 200, (st, out)
        return out


FAKEKUBE = None


def wfc(*args, env=None, timeout=60):
    e = dict(os.environ)
    e.update({"KUBECONFIG": FAKEKUBE.kubeconfig, "TZ": "UTC", "LC_ALL": "C.UTF-8",
              "NO_COLOR": ""})
    e.pop("LANG", None)
    e.update(env or {})
    p = subprocess.run([WFC] + list(args), env=e, stdin=subprocess.DEVNULL,
                       capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def wait_for(what, pred, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        v = pred()
        if v:
            return v
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


def job_done(name):
    st, job = FAKEKUBE.get("Job", name)
    if st != 200:
        return False
    return any(c["type"] in ("Complete", "Failed") and c["status"] == "True"
               for c in job.get("status", {}).get("conditions", []))


def local_status(path, name=None):
    """The Workflow `wfc run --local -o json` prints for testdata/run/PATH."""
    args = [WFC, "run", "--local", "-n", NS, "-o", "json"]
    if name:
        args += ["--name", name]
    p = subprocess.run(args + [os.path.join(SRC, "testdata", "run", path)],
                       capture_output=True, text=True, timeout=60)
    assert p.stdout.startswith("{"), p.stderr
    return p.stdout


def compiled(path, name=None):
    args = [WFC, "compile", "-o", "json"]
    if name:
        args += ["--name", name]
    p = subprocess.run(args + [os.path.join(SRC, "testdata", "run", path)],
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)["items"]


def status_configmap(run, text, label=None):
    return {"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": run + "-status", "labels": {"wfc.dev/workflow": label or run}},
            "data": {"workflow.json": text}}


def submit(path, status_text=None, skip=(), name=None):
    """Creates the objects of testdata/run/PATH, unsuspends its node Jobs
    (but those whose node name ends with one of skip) and waits for them;
    returns the node Jobs by Argo node name."""
    objs = compiled(path, name)
    nodes = {}
    for o in objs:
        FAKEKUBE.create(o)
        ann = o["metadata"].get("annotations", {})
        if o["kind"] == "Job" and "wfc.dev/node-name" in ann:
            nodes[ann["wfc.dev/node-name"]] = o["metadata"]["name"]
    if status_text is not None:
        run = name or objs[0]["metadata"]["labels"]["wfc.dev/workflow"]
        FAKEKUBE.create(status_configmap(run, status_text))
    for node, job in nodes.items():
        if not node.endswith(tuple(skip)) or not skip:
            FAKEKUBE.patch("Job", job, {"spec": {"suspend": False}})
    for node, job in nodes.items():
        if not node.endswith(tuple(skip)) or not skip:
            wait_for("job " + job, lambda: job_done(job))
    return nodes


def pod_of(job):
    pods = FAKEKUBE.items("Pod", "batch.kubernetes.io/job-name=" + job)
    assert len(pods) == 1, pods
    return pods[0]["metadata"]["name"]


class Get(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.status = local_status("failing-step.yaml")
        cls.nodes = submit("failing-step.yaml", cls.status, skip=(".never",))

    def test_text(self):
        rc, out, err = wfc("get", "failing-step")
        self.assertEqual(rc, 0, err)
        self.assertEqual(err, "")
        lines = out.split("\n")
        self.assertEqual(lines[0], "Name:                failing-step")
        self.assertEqual(lines[1], "Namespace:           default")
        self.assertEqual(lines[2], "Status:              Failed")
        self.assertEqual(lines[3], "Message:             step group failing-step[0] was "
                         "unsuccessful: child 'failing-step[0].fail' failed")
        stamp = r"[A-Z][a-z]{2} [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d \+0000 \(.+ ago|now\)"
        for i, label in enumerate(["Created:", "Started:", "Finished:"]):
            self.assertRegex(lines[4 + i], "^" + label.ljust(21) + stamp)
        self.assertRegex(lines[7], r"^Duration:            \d+ seconds?$")
        self.assertEqual(lines[8], "")
        fail_pod = pod_of(self.nodes["failing-step[0].fail"])
        ok_pod = pod_of(self.nodes["failing-step[0].ok"])
        tree = [line for line in lines[9:] if line]
        self.assertRegex(tree[0], r"^STEP +TEMPLATE +PODNAME +DURATION +MESSAGE$")
        self.assertRegex(tree[1], r"^ ✖ failing-step +main +step group failing-step\[0\] "
                         "was unsuccessful")
        # the step group is not a line: its steps hang from the root, in
        # start order (ties by name)
        self.assertRegex(tree[2], r"^ └─┬─✖ fail +fail +" + fail_pod +
                         r" +\d+s +Error \(exit code 3\)$")
        self.assertRegex(tree[3], r"^   └─✔ ok +ok +" + ok_pod + r" +\d+s$")
        self.assertEqual(len(tree), 4, out)   # 'never' did not run
        # the columns line up
        col = tree[0].index("PODNAME")
        self.assertEqual(tree[2].index(fail_pod), col)
        self.assertEqual(tree[3].index(ok_pod), col)
        self.assertNotIn("\033", out)

    def test_ascii(self):
        rc, out, err = wfc("get", "failing-step", env={"LC_ALL": "C"})
        self.assertEqual(rc, 0, err)
        self.assertRegex(out, r"\n Failed failing-step +main")
        self.assertRegex(out, r"\n `-\+-Failed fail +fail")
        self.assertRegex(out, r"\n   `-Succeeded ok +ok")
        self.assertTrue(all(ord(ch) < 128 for ch in out), out)

    def test_wide(self):
        rc, out, err = wfc("get", "-o", "wide", "failing-step")
        self.assertEqual(rc, 0, err)
        self.assertRegex(out, r"\nSTEP +TEMPLATE +PODNAME +DURATION +ARTIFACTS +MESSAGE +NODENAME\n")
        self.assertRegex(out, r"✔ ok +ok +failing-step-ok-\w+ +\d+s +fake-node\n")

    def test_json_is_the_stored_text(self):
        rc, out, err = wfc("get", "-o", "json", "failing-step")
        self.assertEqual(rc, 0, err)
        self.assertEqual(out, self.status)

    def test_yaml(self):
        rc, out, err = wfc("get", "-o", "yaml", "failing-step")
        self.assertEqual(rc, 0, err)
        self.assertTrue(out.startswith("---\napiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"),
                        out)
        self.assertIn("\n  phase: Failed\n", out)
        # YAML 1.1 words and numbers stay strings
        self.assertRegex(out, r'\n +exitCode: "3"\n')

    def test_not_found(self):
        rc, out, err = wfc("get", "no-such-run")
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(err, "wfc: workflow 'no-such-run' not found in namespace 'default'\n")
        rc, out, err = wfc("get", "-n", "other", "failing-step")
        self.assertEqual(rc, 1)
        self.assertEqual(err, "wfc: workflow 'failing-step' not found in namespace 'other'\n")

    def test_parts(self):
        # a status too large for one ConfigMap, split as the store splits it
        text = local_status("continue-on.yaml", name="split-run")
        cut = len(text) // 2
        cm = status_configmap("split-run", "")
        cm["data"] = {"parts": "2", "workflow.json.0": text[:cut]}
        FAKEKUBE.create(cm)
        FAKEKUBE.create({"apiVersion": "v1", "kind": "ConfigMap",
                         "metadata": {"name": "split-run-status-1",
                                      "labels": {"wfc.dev/workflow": "split-run"}},
                         "data": {"workflow.json.1": text[cut:]}})
        rc, out, err = wfc("get", "-o", "json", "split-run")
        self.assertEqual(rc, 0, err)
        self.assertEqual(out, text)
        rc, out, err = wfc("get", "split-run")
        self.assertEqual(rc, 0, err)
        self.assertIn("Status:              Succeeded\n", out)
        self.assertRegex(out, r"\n ├───✖ fail +fail +\d+s +Error \(exit code 1\)\n")
        self.assertRegex(out, r"\n └───✔ after +ok +\d+s\n")

    def test_bad_status(self):
        # nodes that list each other, the root among them: drawn once each
        wf = {"apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow",
              "metadata": {"name": "loop-run"},
              "status": {"phase": "Running", "nodes": {
                  "loop-run": {"id": "loop-run", "name": "loop-run", "type": "Steps",
                               "phase": "Running", "children": ["a"]},
                  "a": {"id": "a", "name": "loop-run.a", "displayName": "a", "type": "Steps",
                        "phase": "Running", "children": ["b", "loop-run"]},
                  "b": {"id": "b", "name": "loop-run.b", "displayName": "b", "type": "Steps",
                        "phase": "Running", "children": ["a", "b", 7]}}}}
        FAKEKUBE.create(status_configmap("loop-run", json.dumps(wf)))
        rc, out, err = wfc("get", "loop-run")
        self.assertEqual(rc, 0, err)
        self.assertRegex(out, r"\n ● loop-run\n └─● a\n   └─● b\n$")
        # not a Workflow at all
        FAKEKUBE.create(status_configmap("garbled-run", "{not json"))
        rc, out, err = wfc("get", "garbled-run")
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(err, "wfc: cannot read workflow 'garbled-run': ConfigMap "
                         "'garbled-run-status' holds no Workflow under 'workflow.json': "
                         "not a JSON object\n")

    def test_dag_and_omitted(self):
        # a DAG's tasks hang from it; the omitted on-failure task is not
        # drawn, so D ends the branch
        FAKEKUBE.create(status_configmap("dag-diamond", local_status("dag-diamond.yaml")))
        rc, out, err = wfc("get", "dag-diamond")
        self.assertEqual(rc, 0, err)
        tree = out[out.index("STEP"):].splitlines()
        self.assertEqual([re.sub(" +.*", "", line[1:]) for line in tree[1:]],
                         ["✔", "├─✔", "├─✔", "├─✔", "└─✔"])
        self.assertRegex(tree[-1], r"^ └─✔ D +echo +\d+s$")
        self.assertNotIn("on-failure", out)

    def test_pending(self):
        # applied, its coordinator not started: no status yet
        for o in compiled("hello-world.yaml", name="not-started"):
            if o["kind"] == "ConfigMap":
                FAKEKUBE.create(o)
        rc, out, err = wfc("get", "not-started")
        self.assertEqual(rc, 0, err)
        self.assertIn("Status:              Pending\n", out)
        self.assertRegex(out, r"\nCreated: +\w")
        rc, out, err = wfc("get", "-o", "json", "not-started")
        self.assertEqual(rc, 0, err)
        wf = json.loads(out)
        self.assertEqual(wf["status"], {"phase": "Pending"})
        self.assertEqual(wf["metadata"]["name"], "not-started")


class Logs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # the status says 'three' started first, then 'one', then 'two'
        wf = json.loads(local_status("parallel-tmp.yaml"))
        starts = {"three": "2024-05-01T10:00:00Z", "one": "2024-05-01T10:00:01Z",
                  "two": "2024-05-01T10:00:02Z"}
        for n in wf["status"]["nodes"].values():
            if n["displayName"] in starts:
                n["startedAt"] = starts[n["displayName"]]
        cls.nodes = submit("parallel-tmp.yaml", json.dumps(wf))

    def test_all_in_start_order(self):
        rc, out, err = wfc("logs", "parallel-tmp")
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(out, "three: three\none: one\ntwo: two\n")

    def test_no_prefix(self):
        rc, out, err = wfc("logs", "--no-prefix", "parallel-tmp")
        self.assertEqual((rc, out), (0, "three\none\ntwo\n"), err)

    def test_select(self):
        job = self.nodes["parallel-tmp[0].two"]
        for sel in ("two", "parallel-tmp[0].two", job, pod_of(job)):
            rc, out, err = wfc("logs", "parallel-tmp", sel)
            self.assertEqual((rc, out, err), (0, "two: two\n", ""), sel)
        # a node and what runs under it
        rc, out, err = wfc("logs", "parallel-tmp", "parallel-tmp[0]")
        self.assertEqual((rc, out), (0, "three: three\none: one\ntwo: two\n"), err)

    def test_coordinator(self):
        coord = wait_for("the coordinator's pod", lambda: [
            p for p in FAKEKUBE.items("Pod", "wfc.dev/workflow=parallel-tmp,wfc.dev/role=coordinator")
            if p.get("status", {}).get("phase") == "Running"])
        # its log has something by now
        name = coord[0]["metadata"]["name"]
        wait_for("the coordinator's log",
                 lambda: "coordinator-says-hi" in wfc("logs", "parallel-tmp", name)[1])
        rc, out, err = wfc("logs", "parallel-tmp")
        self.assertNotIn("coordinator-says-hi", out)

    def test_tail(self):
        rc, out, err = wfc("logs", "--tail", "1", "parallel-tmp", "one")
        self.assertEqual((rc, out), (0, "one: one\n"), err)
        rc, out, err = wfc("logs", "--tail", "0", "parallel-tmp", "one")
        self.assertEqual((rc, out), (0, ""), err)
        rc, out, err = wfc("logs", "--tail=-1", "--since", "1h", "parallel-tmp", "one")
        self.assertEqual((rc, out), (0, "one: one\n"), err)

    def test_not_found(self):
        rc, out, err = wfc("logs", "no-such-run")
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(err, "wfc: workflow 'no-such-run' not found in namespace 'default'\n")
        rc, out, err = wfc("logs", "parallel-tmp", "four")
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(err, "wfc: node 'four' not found in workflow 'parallel-tmp'\n")


def hand_job(run, node, script):
    """A node's Job as the compiler makes it, suspended."""
    name = run + "-" + node
    return {"apiVersion": "batch/v1", "kind": "Job",
            "metadata": {"name": name,
                         "labels": {"wfc.dev/workflow": run, "wfc.dev/node": name},
                         "annotations": {"wfc.dev/node-name": run + "." + node,
                                         "wfc.dev/template": node}},
            "spec": {"suspend": True, "backoffLimit": 0,
                     "template": {"metadata": {"labels": {"wfc.dev/workflow": run,
                                                          "wfc.dev/node": name}},
                                  "spec": {"restartPolicy": "Never",
                                           "containers": [{"name": "main", "image": "busybox",
                                                           "command": ["sh", "-c", script]}]}}}}


class Follow(unittest.TestCase):
    def test_follow_until_the_run_ends(self):
        run = "follow-run"
        wf = {"apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow",
              "metadata": {"name": run, "namespace": NS},
              "status": {"phase": "Running", "startedAt": "2024-05-01T10:00:00Z", "nodes": {}}}
        FAKEKUBE.create(status_configmap(run, json.dumps(wf)))
        FAKEKUBE.create(hand_job(run, "talk", "echo one; sleep 1; printf 'two\\nno newline'"))
        FAKEKUBE.create(hand_job(run, "later", "echo later-line"))
        FAKEKUBE.patch("Job", run + "-talk", {"spec": {"suspend": False}})
        e = dict(os.environ, KUBECONFIG=FAKEKUBE.kubeconfig)
        p = subprocess.Popen([WFC, "logs", "-f", run], env=e, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # every line as it comes (communicate() would lose what a readline
        # had buffered)
        lines = queue.Queue()
        reader = threading.Thread(target=lambda: [lines.put(x) for x in p.stdout], daemon=True)
        reader.start()
        try:
            self.assertEqual(lines.get(timeout=60), "talk: one\n")
            # a node that starts while it follows
            FAKEKUBE.patch("Job", run + "-later", {"spec": {"suspend": False}})
            wait_for("the jobs", lambda: job_done(run + "-talk") and job_done(run + "-later"))
            time.sleep(1.5)
            self.assertIsNone(p.poll(), "wfc logs -f ended while the run was Running")
            wf["status"]["phase"] = "Succeeded"
            FAKEKUBE.patch("ConfigMap", run + "-status", {"data": {"workflow.json": json.dumps(wf)}})
            p.wait(timeout=30)
            reader.join(10)
            err = p.stderr.read()
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
            p.stdout.close()
            p.stderr.close()
        self.assertEqual((p.returncode, err), (0, ""))
        lines = ["talk: one"] + [x.rstrip("\n") for x in list(lines.queue)]
        self.assertEqual(sorted(lines), sorted(["talk: one", "talk: two", "talk: no newline",
                                                "later: later-line"]), lines)
        self.assertLess(lines.index("talk: two"), lines.index("talk: no newline"))

    def test_follow_ended_run(self):
        # no status and no coordinator: the pods there are, then the end
        run = "ended-run"
        FAKEKUBE.create(hand_job(run, "only", "echo done-already"))
        FAKEKUBE.patch("Job", run + "-only", {"spec": {"suspend": False}})
        wait_for("the job", lambda: job_done(run + "-only"))
        rc, out, err = wfc("logs", "-f", run, timeout=20)
        self.assertEqual((rc, out, err), (0, "only: done-already\n", ""))


def labelled(run):
    left = {}
    for kind in PATHS:
        for o in FAKEKUBE.items(kind, "wfc.dev/workflow=" + run):
            left.setdefault(kind, []).append(o["metadata"]["name"])
    return left


class Delete(unittest.TestCase):
    def test_delete(self):
        run = "del-run"
        submit("continue-on.yaml", local_status("continue-on.yaml", name=run), name=run)
        lab = {"wfc.dev/workflow": run}
        FAKEKUBE.create({"apiVersion": "v1", "kind": "Service",
                         "metadata": {"name": run + "-svc", "labels": lab},
                         "spec": {"clusterIP": "None", "selector": {"a": "b"},
                                  "ports": [{"port": 80}]}})
        FAKEKUBE.create({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                         "metadata": {"name": run + "-data", "labels": lab},
                         "spec": {"accessModes": ["ReadWriteOnce"],
                                  "resources": {"requests": {"storage": "1Gi"}}}})
        # a claim the run uses but did not make
        FAKEKUBE.create({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                         "metadata": {"name": "shared-data"},
                         "spec": {"accessModes": ["ReadWriteOnce"],
                                  "resources": {"requests": {"storage": "1Gi"}}}})
        FAKEKUBE.create({"apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
                         "metadata": {"name": run + "-lock", "labels": lab}, "spec": {}})
        # another run, left alone
        FAKEKUBE.create(hand_job("bystander", "x", "true"))
        wait_for("the coordinator's pod", lambda: FAKEKUBE.items(
            "Pod", "wfc.dev/workflow=%s,wfc.dev/role=coordinator" % run))
        before = labelled(run)
        for kind in ("Job", "Pod", "ConfigMap", "ServiceAccount", "Role", "RoleBinding",
                     "Service", "PersistentVolumeClaim", "Lease"):
            self.assertIn(kind, before)

        rc, out, err = wfc("delete", run)
        self.assertEqual((rc, out, err), (0, "workflow 'del-run' deleted\n", ""))
        wait_for("every object of the run gone", lambda: labelled(run) == {}, timeout=20)
        self.assertEqual(FAKEKUBE.get("PersistentVolumeClaim", "shared-data")[0], 200)
        self.assertEqual(FAKEKUBE.get("Job", "bystander-x")[0], 200)

        rc, out, err = wfc("delete", run)
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(err, "wfc: workflow 'del-run' not found in namespace 'default'\n")

    def test_several_and_verbose(self):
        FAKEKUBE.create(hand_job("del-a", "x", "true"))
        rc, out, err = wfc("delete", "-v", "del-a", "del-missing")
        self.assertEqual(rc, 1)
        self.assertEqual(out, "jobs.batch 'del-a-x' deleted\nworkflow 'del-a' deleted\n")
        self.assertEqual(err, "wfc: workflow 'del-missing' not found in namespace 'default'\n")
        self.assertEqual(FAKEKUBE.get("Job", "del-a-x")[0], 404)

    def test_long_name(self):
        # a name that is no label: the objects carry the label it was cut to
        run = "a-run-whose-name-is-far-too-long-to-be-a-label-on-the-objects-of-the-run"
        label = "a-run-whose-name-is-far-too-long-cut-1234"
        FAKEKUBE.create(status_configmap(run, json.dumps(
            {"apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow",
             "metadata": {"name": run}, "status": {"phase": "Succeeded"}}), label=label))
        FAKEKUBE.create(hand_job(label, "x", "true"))
        rc, out, err = wfc("get", run)
        self.assertEqual(rc, 0, err)
        self.assertIn("Status:              Succeeded\n", out)
        rc, out, err = wfc("delete", run)
        self.assertEqual((rc, out, err), (0, "workflow '%s' deleted\n" % run, ""))
        self.assertEqual(labelled(label), {})

    def test_all(self):
        # --all removes every run of the namespace, and only there
        FAKEKUBE.create(hand_job("in-other", "x", "true"), ns="other")
        FAKEKUBE.create(hand_job("all-a", "x", "true"), ns="sweep")
        cm = status_configmap("all-b", "{}")
        FAKEKUBE.create(cm, ns="sweep")
        FAKEKUBE.create({"apiVersion": "v1", "kind": "ConfigMap",
                         "metadata": {"name": "not-a-run"}, "data": {}}, ns="sweep")
        rc, out, err = wfc("delete", "-n", "sweep", "--all")
        self.assertEqual(rc, 0, err)
        self.assertEqual(sorted(out.splitlines()),
                         ["workflow 'all-a' deleted", "workflow 'all-b' deleted"])
        self.assertEqual(FAKEKUBE.items("Job", "wfc.dev/workflow", ns="sweep"), [])
        self.assertEqual(FAKEKUBE.items("ConfigMap", "wfc.dev/workflow", ns="sweep"), [])
        self.assertEqual(FAKEKUBE.get("ConfigMap", "not-a-run", ns="sweep")[0], 200)
        self.assertEqual(len(FAKEKUBE.items("Job", "wfc.dev/workflow", ns="other")), 1)
        rc, out, err = wfc("delete", "-n", "sweep", "--all")
        self.assertEqual((rc, out, err), (0, "", "wfc: no workflows in namespace 'sweep'\n"))


def main():
    global WFC, FAKEKUBE
    args = sys.argv[1:]
    if "--wfc" in args:
        i = args.index("--wfc")
        WFC = os.path.abspath(args[i + 1])
        del args[i:i + 2]
    WFC = WFC or os.environ.get("WFC")
    if not WFC:
        print("usage: test_kube_cmds.py --wfc PATH [unittest options]", file=sys.stderr)
        return 2
    FAKEKUBE = Fake()
    try:
        prog = unittest.main(argv=[sys.argv[0]] + args, exit=False)
    finally:
        FAKEKUBE.stop()
    ok = prog.result.wasSuccessful()
    if not ok and FAKEKUBE.errors:
        sys.stderr.write("fakekube said:\n" + "".join(FAKEKUBE.errors[-40:]))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
