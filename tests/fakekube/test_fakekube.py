#!/usr/bin/env python3
"""Tests of the fake Kubernetes API server over HTTP (stdlib unittest).

    python3 tests/fakekube/test_fakekube.py [-v] [--wfc PATH]

FAKEKUBE_ISOLATION=rewrite runs every server in that mode (default: auto).

With --wfc (or WFC env var) the objects `wfc compile -o json` prints for
testdata/compile/*.yaml are created through the API as well, and the
servers run containers through the fakekube-sandbox program beside it.
"""

import glob
import http.client
import json
import os
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
SRC = os.path.dirname(os.path.dirname(HERE))
FAKE = os.path.join(HERE, "fakekube.py")
WFC = os.environ.get("WFC")


def sandbox_program():
    """fakekube-sandbox beside wfc (the build directory), or None."""
    p = os.path.join(os.path.dirname(WFC), "fakekube-sandbox") if WFC else None
    return p if p and os.access(p, os.X_OK) else None

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
import kubelet  # noqa: E402


class Fake:
    """One fake API server process."""

    def __init__(self, *flags, state=None):
        self.tmp = tempfile.mkdtemp(prefix="fakekube-test-")
        self.state = state or os.path.join(self.tmp, "state")
        if os.environ.get("FAKEKUBE_ISOLATION") and "--isolation" not in flags:
            flags = ("--isolation", os.environ["FAKEKUBE_ISOLATION"]) + flags
        if sandbox_program():
            flags = ("--sandbox", sandbox_program()) + flags
        self.proc = subprocess.Popen([sys.executable, FAKE, "--port", "0", "--state-dir", self.state,
                                      "--bookmark-interval", "0.2", "--probe-period-max", "0.2"] + list(flags),
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline().strip()
        if not line:
            raise RuntimeError("fakekube did not start: " + self.proc.stderr.read())
        self.url = line
        u = urllib.parse.urlsplit(line)
        self.scheme, self.host, self.port = u.scheme, u.hostname, u.port
        self.token = None
        self.ssl_ctx = None
        self.errors = []
        self.drain = threading.Thread(target=self._drain, daemon=True)
        self.drain.start()

    def _drain(self):
        for line in self.proc.stderr:
            self.errors.append(line)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc.stdout.close()
        self.drain.join(5)
        self.proc.stderr.close()
        shutil.rmtree(self.tmp, ignore_errors=True)
        return self.proc.returncode

    def conn(self, timeout=10):
        if self.scheme == "https":
            return http.client.HTTPSConnection(self.host, self.port, timeout=timeout, context=self.ssl_ctx)
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def req(self, method, path, body=None, ctype="application/json", headers=None, raw=False):
        c = self.conn()
        h = dict(headers or {})
        if self.token:
            h.setdefault("Authorization", "Bearer " + self.token)
        data = None
        if body is not None:
            data = body if isinstance(body, (bytes, str)) else json.dumps(body)
            h["Content-Type"] = ctype
        try:
            c.request(method, path, body=data, headers=h)
            r = c.getresponse()
            out = r.read()
        finally:
            c.close()
        if raw:
            return r.status, out, r
        try:
            return r.status, json.loads(out), r
        except ValueError:
            return r.status, out.decode(), r

    def get(self, path):
        return self.req("GET", path)

    def post(self, path, body):
        return self.req("POST", path, body)

    def patch(self, path, body, ctype="application/merge-patch+json"):
        return self.req("PATCH", path, body, ctype)

    def watch(self, path, timeout=10, n=None, headers=None):
        """Yields watch events (dicts) until the stream ends (or n came)."""
        c = self.conn(timeout)
        h = dict(headers or {})
        if self.token:
            h["Authorization"] = "Bearer " + self.token
        c.request("GET", path, headers=h)
        r = c.getresponse()
        assert r.status == 200, (r.status, r.read())
        try:
            while n is None or n > 0:
                if n is not None:
                    n -= 1
                line = r.readline()
                if not line:
                    return
                yield json.loads(line)
        finally:
            c.close()

    def wait(self, path, pred, timeout=10, what="condition"):
        end = time.time() + timeout
        last = None
        while time.time() < end:
            code, o, _ = self.get(path)
            last = (code, o)
            if pred(code, o):
                return o
            time.sleep(0.05)
        raise AssertionError("timed out waiting for %s on %s; last: %s" % (what, path, json.dumps(last)[:2000]))


def job(name, command, **spec):
    tmpl_spec = {"restartPolicy": "Never",
                 "containers": [{"name": "main", "image": "busybox:1.36", "command": command}]}
    tmpl_spec.update(spec.pop("pod", {}))
    s = {"template": {"metadata": {"labels": {"wfc.dev/node": name}}, "spec": tmpl_spec}}
    s.update(spec)
    return {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": name}, "spec": s}


def cond(o, t):
    for c in (o.get("status") or {}).get("conditions") or []:
        if c.get("type") == t and c.get("status") == "True":
            return c
    return None


def finished(code, o):
    return code == 200 and (cond(o, "Complete") or cond(o, "Failed"))


FAKE_SRV = None
_ns_counter = [0]


def setUpModule():
    global FAKE_SRV
    FAKE_SRV = Fake()


def tearDownModule():
    rc = FAKE_SRV.stop()
    if rc != 0:
        raise AssertionError("fakekube exited %s on SIGTERM: %s" % (rc, "".join(FAKE_SRV.errors)))


class Base(unittest.TestCase):
    fake = None

    def setUp(self):
        self.f = self.fake or FAKE_SRV
        _ns_counter[0] += 1
        self.ns = "t%d" % _ns_counter[0]
        code, _, _ = self.f.post("/api/v1/namespaces", {"metadata": {"name": self.ns}})
        self.assertEqual(code, 201)
        self.cm = "/api/v1/namespaces/%s/configmaps" % self.ns
        self.jobs = "/apis/batch/v1/namespaces/%s/jobs" % self.ns
        self.pods = "/api/v1/namespaces/%s/pods" % self.ns

    def tearDown(self):
        if self.ns and self.f.proc.poll() is None:
            # leave no pod running behind a test
            self.f.req("DELETE", "/api/v1/namespaces/" + self.ns)
        errs = [e for e in self.f.errors if "Traceback" in e or "fakekube:" in e]
        self.assertEqual(errs, [], "".join(self.f.errors))

    def pods_of(self, name):
        code, o, _ = self.f.get(self.pods + "?labelSelector=job-name%3D" + name)
        self.assertEqual(code, 200)
        return o["items"]

    def run_job(self, j, timeout=10):
        code, o, _ = self.f.post(self.jobs, j)
        self.assertEqual(code, 201, o)
        return self.f.wait(self.jobs + "/" + j["metadata"]["name"], finished, timeout, "job to finish")


# ---------------------------------------------------------------- API shapes

class Discovery(Base):
    def test_discovery(self):
        code, o, _ = self.f.get("/api")
        self.assertEqual((code, o["kind"], o["versions"]), (200, "APIVersions", ["v1"]))
        code, o, _ = self.f.get("/apis")
        names = [g["name"] for g in o["groups"]]
        for g in ("batch", "rbac.authorization.k8s.io", "coordination.k8s.io"):
            self.assertIn(g, names)
        code, o, _ = self.f.get("/api/v1")
        res = {r["name"]: r for r in o["resources"]}
        self.assertEqual(o["groupVersion"], "v1")
        for n in ("configmaps", "pods", "pods/log", "services", "serviceaccounts",
                  "persistentvolumeclaims", "events", "secrets", "namespaces"):
            self.assertIn(n, res)
        self.assertEqual(res["pods"]["kind"], "Pod")
        self.assertTrue(res["pods"]["namespaced"])
        self.assertIn("watch", res["pods"]["verbs"])
        self.assertEqual(res["pods/log"]["verbs"], ["get"])
        code, o, _ = self.f.get("/apis/batch/v1")
        res = {r["name"]: r for r in o["resources"]}
        self.assertEqual(res["jobs"]["kind"], "Job")
        self.assertIn("jobs/status", res)
        self.assertIn("cronjobs", res)
        code, o, _ = self.f.get("/apis/rbac.authorization.k8s.io/v1")
        self.assertEqual({r["name"] for r in o["resources"]}, {"roles", "rolebindings"})
        code, o, _ = self.f.get("/apis/coordination.k8s.io/v1")
        self.assertEqual([r["name"] for r in o["resources"]], ["leases"])
        code, o, _ = self.f.get("/version")
        self.assertEqual((code, o["major"]), (200, "1"))
        code, o, _ = self.f.get("/healthz")
        self.assertEqual((code, o), (200, "ok"))

    def test_unknown_resource_404(self):
        code, o, _ = self.f.get("/apis/batch/v1/namespaces/%s/widgets" % self.ns)
        self.assertEqual(code, 404)
        self.assertEqual(o, {"kind": "Status", "apiVersion": "v1", "metadata": {},
                             "status": "Failure",
                             "message": "the server could not find the requested resource",
                             "reason": "NotFound", "details": {}, "code": 404})
        code, o, _ = self.f.get("/apis/nosuch.group/v1/things")
        self.assertEqual((code, o), (404, "404 page not found\n"))


class Crud(Base):
    def test_create_get_update_delete(self):
        code, o, _ = self.f.post(self.cm, {"apiVersion": "v1", "kind": "ConfigMap",
                                           "metadata": {"name": "a", "labels": {"x": "1"}},
                                           "data": {"k": "v"}})
        self.assertEqual(code, 201)
        m = o["metadata"]
        self.assertEqual((m["name"], m["namespace"]), ("a", self.ns))
        self.assertRegex(m["uid"], r"^[0-9a-f-]{36}$")
        self.assertRegex(m["resourceVersion"], r"^[0-9]+$")
        self.assertRegex(m["creationTimestamp"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        rv1 = int(m["resourceVersion"])
        code, g, _ = self.f.get(self.cm + "/a")
        self.assertEqual((code, g["data"], g["kind"], g["apiVersion"]), (200, {"k": "v"}, "ConfigMap", "v1"))

        # conflicting create
        code, e, _ = self.f.post(self.cm, {"metadata": {"name": "a"}})
        self.assertEqual(code, 409)
        self.assertEqual(e, {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                             "message": 'configmaps "a" already exists', "reason": "AlreadyExists",
                             "details": {"name": "a", "kind": "configmaps"}, "code": 409})

        # update with the current resourceVersion, then with a stale one
        g["data"] = {"k": "w"}
        code, u, _ = self.f.req("PUT", self.cm + "/a", g)
        self.assertEqual(code, 200)
        self.assertGreater(int(u["metadata"]["resourceVersion"]), rv1)
        self.assertEqual(u["metadata"]["uid"], m["uid"])
        code, e, _ = self.f.req("PUT", self.cm + "/a", g)
        self.assertEqual(code, 409)
        self.assertEqual(e["reason"], "Conflict")
        self.assertEqual(e["message"], 'Operation cannot be fulfilled on configmaps "a": the object has been '
                                       'modified; please apply your changes to the latest version and try again')

        # the resourceVersion is one counter across kinds
        code, o2, _ = self.f.post(self.jobs, job("j", ["true"], suspend=True))
        self.assertGreater(int(o2["metadata"]["resourceVersion"]), int(u["metadata"]["resourceVersion"]))
        self.assertEqual(o2["metadata"]["generation"], 1)

        code, d, _ = self.f.req("DELETE", self.cm + "/a")
        self.assertEqual((code, d["kind"], d["status"], d["details"]["name"]), (200, "Status", "Success", "a"))
        code, e, _ = self.f.get(self.cm + "/a")
        self.assertEqual(code, 404)
        self.assertEqual(e["message"], 'configmaps "a" not found')
        code, e, _ = self.f.get(self.jobs + "/nope")
        self.assertEqual(e, {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                             "message": 'jobs.batch "nope" not found', "reason": "NotFound",
                             "details": {"name": "nope", "group": "batch", "kind": "jobs"}, "code": 404})
        code, e, _ = self.f.req("PUT", self.cm + "/gone", {"metadata": {"name": "gone"}})
        self.assertEqual(code, 404)

    def test_namespace_deletion(self):
        self.f.post(self.jobs, job("nsj", ["sleep", "30"]))
        self.f.post(self.cm, {"metadata": {"name": "x", "finalizers": ["test/hold"]}})
        self.f.wait(self.pods + "?labelSelector=job-name%3Dnsj",
                    lambda c, o: o["items"] and o["items"][0]["status"].get("phase") == "Running", 5)
        code, o, _ = self.f.req("DELETE", "/api/v1/namespaces/" + self.ns)
        self.assertEqual((code, o["status"]["phase"]), (200, "Terminating"))
        code, e, _ = self.f.post(self.cm, {"metadata": {"name": "y"}})
        self.assertEqual((code, e["reason"]), (403, "Forbidden"))
        self.f.wait(self.pods + "?labelSelector=job-name%3Dnsj", lambda c, o: not o["items"], 5, "pods to go")
        self.f.patch(self.cm + "/x", {"metadata": {"finalizers": None}})
        self.f.wait("/api/v1/namespaces/" + self.ns, lambda c, o: c == 404, 5, "namespace to go")
        self.assertEqual(self.f.get(self.cm + "/x")[0], 404)
        code, e, _ = self.f.req("DELETE", "/api/v1/namespaces/default")
        self.assertEqual((code, e["message"]), (403, 'namespaces "default" is forbidden: this namespace may not be deleted'))
        self.ns = None

    def test_generate_name(self):
        names = set()
        for _ in range(3):
            code, o, _ = self.f.post(self.cm, {"metadata": {"generateName": "run-"}})
            self.assertEqual(code, 201)
            self.assertRegex(o["metadata"]["name"], r"^run-[bcdfghjklmnpqrstvwxz2456789]{5}$")
            names.add(o["metadata"]["name"])
        self.assertEqual(len(names), 3)

    def test_selectors(self):
        for n, labels in (("a", {"app": "x", "tier": "web"}), ("b", {"app": "y"}),
                          ("c", {"app": "x", "tier": "db"}), ("d", {})):
            self.assertEqual(self.f.post(self.cm, {"metadata": {"name": n, "labels": labels}})[0], 201)

        def names(q):
            code, o, _ = self.f.get(self.cm + "?" + urllib.parse.urlencode(q))
            self.assertEqual(code, 200, o)
            self.assertEqual(o["kind"], "ConfigMapList")
            self.assertNotIn("kind", o["items"][0] if o["items"] else {})
            return [i["metadata"]["name"] for i in o["items"]]
        self.assertEqual(names({"labelSelector": "app=x"}), ["a", "c"])
        self.assertEqual(names({"labelSelector": "app==y"}), ["b"])
        self.assertEqual(names({"labelSelector": "app!=x"}), ["b", "d"])
        self.assertEqual(names({"labelSelector": "tier in (web, db)"}), ["a", "c"])
        self.assertEqual(names({"labelSelector": "tier notin (web)"}), ["b", "c", "d"])
        self.assertEqual(names({"labelSelector": "tier"}), ["a", "c"])
        self.assertEqual(names({"labelSelector": "!tier"}), ["b", "d"])
        self.assertEqual(names({"labelSelector": "app=x,tier!=db"}), ["a"])
        self.assertEqual(names({"fieldSelector": "metadata.name=b"}), ["b"])
        self.assertEqual(names({"fieldSelector": "metadata.name!=b", "labelSelector": "app"}), ["a", "c"])
        code, e, _ = self.f.get(self.cm + "?fieldSelector=spec.foo%3Dx")
        self.assertEqual((code, e["reason"], e["message"]), (400, "BadRequest", "field label not supported: spec.foo"))
        code, e, _ = self.f.get(self.cm + "?labelSelector=" + urllib.parse.quote("a b"))
        self.assertEqual(code, 400)
        # paging
        code, o, _ = self.f.get(self.cm + "?limit=3")
        self.assertEqual(len(o["items"]), 3)
        self.assertIn("continue", o["metadata"])
        # kube-root-ca.crt is not created; the four objects plus none
        code, o2, _ = self.f.get(self.cm + "?limit=3&continue=" + o["metadata"]["continue"])
        self.assertEqual([i["metadata"]["name"] for i in o2["items"]], ["d"])

    def test_invalid_422(self):
        code, e, _ = self.f.post(self.cm, {"metadata": {}})
        self.assertEqual(code, 422)
        self.assertEqual(e["message"], 'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required')
        self.assertEqual(e["details"]["causes"], [{"reason": "FieldValueRequired",
                                                   "message": "Required value: name or generateName is required",
                                                   "field": "metadata.name"}])
        self.assertEqual(e["reason"], "Invalid")
        code, e, _ = self.f.post(self.jobs, {"metadata": {"name": "j"}, "spec": {}})
        self.assertEqual((code, e["message"]), (422, 'Job.batch "j" is invalid: spec.template: Required value'))
        self.assertEqual(e["details"], {"name": "j", "group": "batch", "kind": "Job",
                                        "causes": [{"reason": "FieldValueRequired", "message": "Required value",
                                                    "field": "spec.template"}]})
        j = job("j", ["true"])
        del j["spec"]["template"]["spec"]["containers"][0]["image"]
        code, e, _ = self.f.post(self.jobs, j)
        self.assertEqual((code, e["message"]),
                         (422, 'Job.batch "j" is invalid: spec.template.spec.containers[0].image: Required value'))
        j = job("j", ["true"])
        j["spec"]["template"]["spec"]["restartPolicy"] = "Always"
        code, e, _ = self.f.post(self.jobs, j)
        self.assertEqual(e["message"], 'Job.batch "j" is invalid: spec.template.spec.restartPolicy: '
                                       'Unsupported value: "Always": supported values: "OnFailure", "Never"')
        code, e, _ = self.f.post(self.cm, {"metadata": {"name": "Bad_Name"}})
        self.assertEqual(code, 422)
        self.assertTrue(e["message"].startswith('ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain'))
        code, e, _ = self.f.post(self.cm, {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "x"}})
        self.assertEqual(code, 400)
        code, e, _ = self.f.post("/api/v1/namespaces/nosuchns/configmaps", {"metadata": {"name": "x"}})
        self.assertEqual((code, e["message"]), (404, 'namespaces "nosuchns" not found'))

    def test_job_template_immutable(self):
        code, o, _ = self.f.post(self.jobs, job("imm", ["true"], suspend=True))
        self.assertEqual(code, 201)
        # while suspended and never started, scheduling directives may change
        code, o, _ = self.f.patch(self.jobs + "/imm", {"spec": {"template": {"spec": {"nodeSelector": {"a": "b"}}}}})
        self.assertEqual(code, 200, o)
        code, e, _ = self.f.patch(self.jobs + "/imm", {"spec": {"template": {"spec": {"containers": [
            {"name": "main", "image": "busybox:1.37", "command": ["true"]}]}}}})
        self.assertEqual(code, 422)
        self.assertTrue(e["message"].startswith('Job.batch "imm" is invalid: spec.template: Invalid value: '), e["message"])
        self.assertTrue(e["message"].endswith(": field is immutable"), e["message"])
        self.assertEqual(e["details"]["causes"][0]["field"], "spec.template")

    def test_merge_patch_status_and_strategic(self):
        self.assertEqual(self.f.post(self.jobs, job("st", ["true"], suspend=True))[0], 201)
        # status through the main resource is ignored, through /status it is written
        code, o, _ = self.f.patch(self.jobs + "/st", {"status": {"succeeded": 5}})
        self.assertEqual(code, 200)
        self.assertNotIn("succeeded", o["status"])
        code, o, _ = self.f.patch(self.jobs + "/st/status", {"status": {"succeeded": 5}})
        self.assertEqual((code, o["status"]["succeeded"]), (200, 5))
        code, o, _ = self.f.get(self.jobs + "/st/status")
        self.assertEqual(o["status"]["succeeded"], 5)
        # merge patch: null deletes; labels merge
        code, o, _ = self.f.patch(self.jobs + "/st", {"metadata": {"labels": {"a": "1", "wfc.dev/node": None}}})
        self.assertEqual(o["metadata"]["labels"].get("a"), "1")
        self.assertNotIn("wfc.dev/node", o["metadata"]["labels"])
        # strategic merge patch: containers merge by name
        pod = {"metadata": {"name": "p"}, "spec": {"restartPolicy": "Never", "nodeName": "elsewhere",
                                                   "containers": [
                                                       {"name": "a", "image": "x:1", "command": ["true"]},
                                                       {"name": "b", "image": "y:1", "command": ["true"]}]}}
        self.assertEqual(self.f.post(self.pods, pod)[0], 201)
        code, o, _ = self.f.patch(self.pods + "/p", {"spec": {"containers": [{"name": "b", "image": "y:2"}]}},
                                  "application/strategic-merge-patch+json")
        self.assertEqual(code, 200, o)
        self.assertEqual([(c["name"], c["image"]) for c in o["spec"]["containers"]], [("a", "x:1"), ("b", "y:2")])
        code, o, _ = self.f.patch(self.pods + "/p", [{"op": "replace", "path": "/spec/containers/0/image",
                                                      "value": "x:3"}], "application/json-patch+json")
        self.assertEqual((code, o["spec"]["containers"][0]["image"]), (200, "x:3"))
        code, e, _ = self.f.patch(self.pods + "/p", {"spec": {}}, "text/plain")
        self.assertEqual((code, e["reason"]), (415, "UnsupportedMediaType"))
        # a patch that names an old resourceVersion is a conflict
        code, e, _ = self.f.patch(self.jobs + "/st", {"metadata": {"resourceVersion": "1", "labels": {"b": "2"}}})
        self.assertEqual((code, e["reason"]), (409, "Conflict"))
        code, e, _ = self.f.patch(self.jobs + "/none", {"metadata": {"labels": {"b": "2"}}})
        self.assertEqual(code, 404)

    def test_server_side_apply(self):
        path = self.cm + "/ssa"
        cfg = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "ssa", "labels": {"a": "1"}},
               "data": {"x": "1", "y": "2"}}
        code, e, _ = self.f.patch(path, cfg, "application/apply-patch+yaml")
        self.assertEqual(code, 422)
        self.assertEqual(e["message"], 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch')
        code, o, _ = self.f.patch(path + "?fieldManager=wfc", cfg, "application/apply-patch+yaml")
        self.assertEqual((code, o["data"]), (201, {"x": "1", "y": "2"}))
        # another writer changes x with a merge patch, then wfc re-applies x=1: conflict
        code, o, _ = self.f.patch(path + "?fieldManager=other", {"data": {"x": "9", "z": "3"}})
        self.assertEqual(code, 200)
        code, e, _ = self.f.patch(path + "?fieldManager=wfc", cfg, "application/apply-patch+yaml")
        self.assertEqual((code, e["reason"]), (409, "Conflict"))
        self.assertEqual(e["message"], 'Apply failed with 1 conflict: conflict with "other": .data.x')
        code, o, _ = self.f.patch(path + "?fieldManager=wfc&force=true", cfg, "application/apply-patch+yaml")
        self.assertEqual((code, o["data"]), (200, {"x": "1", "y": "2", "z": "3"}))
        # fields wfc no longer applies are removed; others' fields stay
        cfg2 = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "ssa"}, "data": {"x": "1"}}
        code, o, _ = self.f.patch(path + "?fieldManager=wfc", cfg2, "application/apply-patch+yaml")
        self.assertEqual((code, o["data"]), (200, {"x": "1", "z": "3"}))
        self.assertNotIn("labels", o["metadata"])
        code, e, _ = self.f.patch(path + "?fieldManager=wfc", "data: {}", "application/apply-patch+yaml")
        self.assertEqual(code, 400)


# ---------------------------------------------------------------- watch

class Watch(Base):
    def test_watch_from_resource_version(self):
        code, a, _ = self.f.post(self.cm, {"metadata": {"name": "a"}})
        rv = a["metadata"]["resourceVersion"]
        self.f.patch(self.cm + "/a", {"data": {"k": "1"}})
        self.f.post(self.cm, {"metadata": {"name": "b", "labels": {"x": "y"}}})
        self.f.req("DELETE", self.cm + "/a")
        evs = list(self.f.watch(self.cm + "?watch=true&resourceVersion=" + rv, n=3))
        self.assertEqual([(e["type"], e["object"]["metadata"]["name"]) for e in evs],
                         [("MODIFIED", "a"), ("ADDED", "b"), ("DELETED", "a")])
        self.assertEqual(evs[0]["object"]["data"], {"k": "1"})
        self.assertEqual(evs[0]["object"]["kind"], "ConfigMap")
        rvs = [int(e["object"]["metadata"]["resourceVersion"]) for e in evs]
        self.assertEqual(rvs, sorted(rvs))
        # without a resourceVersion: the current objects as ADDED; selectors apply
        evs = list(self.f.watch(self.cm + "?watch=1&labelSelector=x%3Dy", n=1))
        self.assertEqual([(e["type"], e["object"]["metadata"]["name"]) for e in evs], [("ADDED", "b")])
        # /watch/ paths, a single object
        evs = list(self.f.watch("/api/v1/watch/namespaces/%s/configmaps/b?resourceVersion=%s"
                                % (self.ns, rv), n=1))
        self.assertEqual([e["type"] for e in evs], ["ADDED"])

    def test_metadata_only(self):
        """Accept: application/json;as=PartialObjectMetadata[List];g=meta.k8s.io;v=v1
        gets metadata only, as client-go's metadata informers ask."""
        code, a, _ = self.f.post(self.cm, {"metadata": {"name": "m", "annotations": {"x": "1"}},
                                           "data": {"big": "y" * 1000}})
        self.assertEqual(code, 201)
        one = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1"
        many = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"
        code, o, _ = self.f.req("GET", self.cm + "/m", headers={"Accept": one})
        self.assertEqual(code, 200)
        self.assertEqual(o, {"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
                             "metadata": a["metadata"]})
        code, l, _ = self.f.req("GET", self.cm, headers={"Accept": many + ",application/json"})
        self.assertEqual((code, l["kind"], l["apiVersion"]),
                         (200, "PartialObjectMetadataList", "meta.k8s.io/v1"))
        self.assertEqual(l["items"], [o])
        self.assertIn("resourceVersion", l["metadata"])
        # the single form is not one a list is served as: the next range is
        code, l, _ = self.f.req("GET", self.cm, headers={"Accept": one + ",application/json"})
        self.assertEqual((code, l["kind"], l["items"][0]["data"]), (200, "ConfigMapList", {"big": "y" * 1000}))
        code, st, _ = self.f.req("GET", self.cm, headers={"Accept": one})
        self.assertEqual((code, st["reason"]), (406, "NotAcceptable"))
        # watch events carry the metadata only
        self.f.patch(self.cm + "/m", {"data": {"big": "z"}, "metadata": {"annotations": {"x": "2"}}})
        evs = list(self.f.watch(self.cm + "?watch=1&resourceVersion=" + a["metadata"]["resourceVersion"],
                                n=1, headers={"Accept": one + ",application/json"}))
        self.assertEqual([(e["type"], e["object"]["kind"], set(e["object"]),
                           e["object"]["metadata"]["annotations"]) for e in evs],
                         [("MODIFIED", "PartialObjectMetadata", {"kind", "apiVersion", "metadata"},
                           {"x": "2"})])

    def test_controller_updates_keep_their_resource_versions(self):
        """Status updates share the unchanged metadata of the version before;
        each event still carries its own resourceVersion, so a watch
        resumed from any of them misses nothing."""
        code, j, _ = self.f.post(self.jobs, job("rvs", ["true"]))
        self.assertEqual(code, 201)
        self.f.wait(self.jobs + "/rvs", finished, 10, "job to finish")
        path = self.jobs + "?watch=1&timeoutSeconds=1&labelSelector=wfc.dev%2Fnode%3Drvs&resourceVersion="
        evs = list(self.f.watch(path + j["metadata"]["resourceVersion"]))
        rvs = [int(e["object"]["metadata"]["resourceVersion"]) for e in evs]
        self.assertGreater(len(rvs), 1)
        self.assertEqual(rvs, sorted(set(rvs)), "events' resourceVersions repeat or go back")
        # resumed from the first event: the others, none skipped
        again = list(self.f.watch(path + str(rvs[0])))
        self.assertEqual([int(e["object"]["metadata"]["resourceVersion"]) for e in again], rvs[1:])

    def test_live_events_and_bookmarks(self):
        code, o, _ = self.f.get(self.cm)
        rv = o["metadata"]["resourceVersion"]
        got = []

        def reader():
            for e in self.f.watch(self.cm + "?watch=true&allowWatchBookmarks=true&timeoutSeconds=1&resourceVersion=" + rv):
                got.append(e)
        t = threading.Thread(target=reader)
        t.start()
        time.sleep(0.3)
        self.f.post(self.cm, {"metadata": {"name": "live"}})
        t0 = time.time()
        t.join(5)
        self.assertFalse(t.is_alive())
        self.assertLess(time.time() - t0, 2, "timeoutSeconds did not close the stream")
        types = [e["type"] for e in got]
        self.assertIn("ADDED", types)
        self.assertIn("BOOKMARK", types)
        bm = [e for e in got if e["type"] == "BOOKMARK"][-1]
        self.assertEqual(bm["object"]["kind"], "ConfigMap")
        self.assertEqual(set(bm["object"]["metadata"]), {"resourceVersion"})
        added = [e for e in got if e["type"] == "ADDED"][0]
        self.assertGreaterEqual(int(bm["object"]["metadata"]["resourceVersion"]),
                                int(added["object"]["metadata"]["resourceVersion"]))

    def test_cluster_wide_watch_of_pods(self):
        got = []
        code, o, _ = self.f.get("/api/v1/pods")
        self.assertEqual((code, o["kind"]), (200, "PodList"))
        rv = o["metadata"]["resourceVersion"]

        def reader():
            for e in self.f.watch("/api/v1/pods?watch=true&labelSelector=job-name%3Dcw&resourceVersion=" + rv,
                                  timeout=10):
                got.append(e)
                if e["type"] == "MODIFIED" and e["object"]["status"].get("phase") == "Succeeded":
                    return
        t = threading.Thread(target=reader)
        t.start()
        self.f.post(self.jobs, job("cw", ["true"]))
        t.join(10)
        self.assertFalse(t.is_alive())
        self.assertEqual(got[0]["type"], "ADDED")
        self.assertEqual(got[0]["object"]["metadata"]["namespace"], self.ns)
        phases = [e["object"]["status"].get("phase") for e in got]
        self.assertEqual(phases[0], "Pending")
        self.assertEqual(phases[-1], "Succeeded")

    def test_watch_gone_410(self):
        code, a, _ = self.f.post(self.cm, {"metadata": {"name": "old"}})
        rv = a["metadata"]["resourceVersion"]
        self.f.patch(self.cm + "/old", {"data": {"a": "b"}})
        code, _, _ = self.f.req("POST", "/fake/compact")
        self.assertEqual(code, 200)
        evs = list(self.f.watch(self.cm + "?watch=true&timeoutSeconds=2&resourceVersion=" + rv))
        self.assertEqual(len(evs), 1)
        self.assertEqual(evs[0]["type"], "ERROR")
        st = evs[0]["object"]
        self.assertEqual((st["kind"], st["status"], st["reason"], st["code"]), ("Status", "Failure", "Expired", 410))
        self.assertTrue(st["message"].startswith("too old resource version: %s (" % rv), st["message"])
        # a list gives the current resourceVersion, from which a watch works
        code, o, _ = self.f.get(self.cm)
        evs = list(self.f.watch(self.cm + "?watch=true&timeoutSeconds=1&resourceVersion=" + o["metadata"]["resourceVersion"]))
        self.assertEqual(evs, [])


# ---------------------------------------------------------------- garbage collection

class GarbageCollection(Base):
    def owned(self, owner, name):
        code, o, _ = self.f.post(self.cm, {"metadata": {"name": name, "ownerReferences": [
            {"apiVersion": "v1", "kind": "ConfigMap", "name": owner["metadata"]["name"],
             "uid": owner["metadata"]["uid"]}]}})
        self.assertEqual(code, 201)
        return o

    def test_background_orphan_foreground(self):
        gone = lambda code, o: code == 404  # noqa: E731
        _, owner, _ = self.f.post(self.cm, {"metadata": {"name": "owner"}})
        self.owned(owner, "dep")
        self.f.req("DELETE", self.cm + "/owner")
        self.f.wait(self.cm + "/dep", gone, 5, "dependent to be collected")

        _, owner, _ = self.f.post(self.cm, {"metadata": {"name": "owner2"}})
        self.owned(owner, "dep2")
        self.f.req("DELETE", self.cm + "/owner2?propagationPolicy=Orphan")
        self.f.wait(self.cm + "/owner2", gone, 5)
        dep = self.f.wait(self.cm + "/dep2", lambda c, o: c == 200 and not o["metadata"].get("ownerReferences"), 5)
        self.assertEqual(dep["metadata"]["name"], "dep2")

        _, owner, _ = self.f.post(self.cm, {"metadata": {"name": "owner3"}})
        self.owned(owner, "dep3")
        # a finalizer on the dependent holds the owner in foreground deletion
        self.f.patch(self.cm + "/dep3", {"metadata": {"finalizers": ["test/hold"]}})
        code, o, _ = self.f.req("DELETE", self.cm + "/owner3", {"propagationPolicy": "Foreground"})
        self.assertEqual(code, 200)
        self.assertIn("foregroundDeletion", o["metadata"]["finalizers"])
        self.assertIn("deletionTimestamp", o["metadata"])
        self.f.wait(self.cm + "/dep3", lambda c, o: c == 200 and o["metadata"].get("deletionTimestamp"), 5)
        time.sleep(0.2)
        self.assertEqual(self.f.get(self.cm + "/owner3")[0], 200)
        self.f.patch(self.cm + "/dep3", {"metadata": {"finalizers": None}})
        self.f.wait(self.cm + "/dep3", gone, 5)
        self.f.wait(self.cm + "/owner3", gone, 5)

    def test_deleting_a_job_deletes_its_pods_and_kills_them(self):
        self.assertEqual(self.f.post(self.jobs, job("long", ["sleep", "30"]))[0], 201)
        self.f.wait(self.pods + "?labelSelector=job-name%3Dlong",
                    lambda c, o: o["items"] and o["items"][0]["status"].get("phase") == "Running", 5)
        pod = self.pods_of("long")[0]
        self.assertEqual(pod["metadata"]["ownerReferences"][0]["kind"], "Job")
        self.assertEqual(pod["metadata"]["labels"]["batch.kubernetes.io/job-name"], "long")
        self.assertRegex(pod["metadata"]["name"], r"^long-[a-z0-9]{5}$")
        self.assertEqual(pod["status"]["podIP"], "127.0.0.1")
        t0 = time.time()
        code, o, _ = self.f.req("DELETE", self.jobs + "/long?propagationPolicy=Background")
        self.assertEqual((code, o["kind"], o["status"]), (200, "Status", "Success"))
        self.f.wait(self.pods + "/" + pod["metadata"]["name"], lambda c, o: c == 404, 5, "pod to go")
        self.assertLess(time.time() - t0, 5)

    def test_job_delete_orphans_by_default(self):
        self.assertEqual(self.f.post(self.jobs, job("orph", ["true"]))[0], 201)
        self.f.wait(self.jobs + "/orph", finished, 5)
        code, o, _ = self.f.req("DELETE", self.jobs + "/orph")
        # batch/v1 orphans by default: the Job goes through the orphan finalizer
        self.assertEqual((code, o["kind"], o["metadata"]["finalizers"]), (200, "Job", ["orphan"]))
        self.f.wait(self.jobs + "/orph", lambda c, o: c == 404, 5)
        time.sleep(0.2)
        pods = self.pods_of("orph")
        self.assertEqual(len(pods), 1)
        self.assertNotIn("ownerReferences", pods[0]["metadata"])


# ---------------------------------------------------------------- jobs and pods

class Jobs(Base):
    def test_suspended_job_runs_after_unsuspend(self):
        j = job("sus", ["sh", "-c"], suspend=True, backoffLimit=0)
        c = j["spec"]["template"]["spec"]["containers"][0]
        c["args"] = ["echo hello $(WHO) from $(POD) in $(NS); echo -n out=42 > /tmp/msg; echo '$$(NOT)'"]
        c["terminationMessagePath"] = "/tmp/msg"
        c["env"] = [{"name": "WHO", "valueFrom": {"configMapKeyRef": {"name": "sus-in", "key": "WHO"}}},
                    {"name": "POD", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}},
                    {"name": "NS", "valueFrom": {"fieldRef": {"fieldPath": "metadata.namespace"}}}]
        code, o, _ = self.f.post(self.jobs, j)
        self.assertEqual(code, 201)
        self.assertTrue(o["spec"]["suspend"])
        time.sleep(0.4)
        self.assertEqual(self.pods_of("sus"), [])
        o = self.f.wait(self.jobs + "/sus", lambda c, o: cond(o, "Suspended"), 5)
        self.assertNotIn("startTime", o["status"])
        self.f.post(self.cm, {"metadata": {"name": "sus-in"}, "data": {"WHO": "wfc"}})
        code, o, _ = self.f.patch(self.jobs + "/sus", {"spec": {"suspend": False}})
        self.assertEqual(code, 200)
        o = self.f.wait(self.jobs + "/sus", finished, 10)
        self.assertTrue(cond(o, "Complete"), o["status"])
        st = o["status"]
        self.assertEqual(st["succeeded"], 1)
        self.assertNotIn("failed", st)
        self.assertNotIn("active", st)
        self.assertIn("startTime", st)
        self.assertIn("completionTime", st)
        self.assertEqual(cond(o, "Complete")["reason"], "CompletionsReached")
        pods = self.pods_of("sus")
        self.assertEqual(len(pods), 1)
        p = pods[0]
        name = p["metadata"]["name"]
        self.assertEqual(p["status"]["phase"], "Succeeded")
        cs = p["status"]["containerStatuses"][0]
        term = cs["state"]["terminated"]
        self.assertEqual((term["exitCode"], term["reason"], term["message"]), (0, "Completed", "out=42"))
        code, log, _ = self.f.get(self.pods + "/" + name + "/log?container=main")
        self.assertEqual(code, 200)
        self.assertEqual(log, "hello wfc from %s in %s\n$(NOT)\n" % (name, self.ns))
        self.assertEqual(p["metadata"].get("finalizers"), None)
        _, stats, _ = self.f.get("/fake/stats")
        self.assertEqual(stats["podsByJob"]["%s/sus" % self.ns], 1)
        self.assertTrue(any(s["labels"].get("wfc.dev/node") == "sus" for s in stats["podStarts"]))
        self.assertGreaterEqual(stats["requests"]["patch jobs.batch"], 1)

    def test_backoff_limit_retries(self):
        o = self.run_job(job("fail", ["sh", "-c", "echo try; exit 3"], backoffLimit=2))
        self.assertTrue(cond(o, "Failed"))
        self.assertEqual(cond(o, "Failed")["reason"], "BackoffLimitExceeded")
        self.assertEqual(cond(o, "FailureTarget")["reason"], "BackoffLimitExceeded")
        self.assertEqual(o["status"]["failed"], 3)
        self.assertNotIn("completionTime", o["status"])
        pods = self.pods_of("fail")
        self.assertEqual(len(pods), 3)
        for p in pods:
            t = p["status"]["containerStatuses"][0]["state"]["terminated"]
            self.assertEqual((p["status"]["phase"], t["exitCode"], t["reason"]), ("Failed", 3, "Error"))

    def test_retry_then_success(self):
        # the first attempt fails, the second succeeds (a marker in a PVC)
        self.assertEqual(self.f.post("/api/v1/namespaces/%s/persistentvolumeclaims" % self.ns, {
            "metadata": {"name": "work"}, "spec": {"accessModes": ["ReadWriteOnce"],
                                                   "resources": {"requests": {"storage": "1Gi"}}}})[0], 201)
        j = job("flaky", ["sh", "-c", "if [ -e /work/once ]; then echo ok; else touch /work/once; exit 1; fi"],
                backoffLimit=3,
                pod={"volumes": [{"name": "w", "persistentVolumeClaim": {"claimName": "work"}}]})
        j["spec"]["template"]["spec"]["containers"][0]["volumeMounts"] = [{"name": "w", "mountPath": "/work"}]
        o = self.run_job(j)
        self.assertTrue(cond(o, "Complete"), o["status"])
        self.assertEqual((o["status"]["succeeded"], o["status"]["failed"]), (1, 1))
        code, pvc, _ = self.f.get("/api/v1/namespaces/%s/persistentvolumeclaims/work" % self.ns)
        self.assertEqual(pvc["status"]["phase"], "Bound")

    def test_active_deadline(self):
        t0 = time.time()
        o = self.run_job(job("slow", ["sleep", "30"], activeDeadlineSeconds=1))
        self.assertLess(time.time() - t0, 6)
        c = cond(o, "Failed")
        self.assertTrue(c)
        self.assertEqual((c["reason"], c["message"]),
                         ("DeadlineExceeded", "Job was active longer than specified deadline"))
        # the Job controller deletes the pods it stopped, as the real one does
        self.f.wait(self.pods + "?labelSelector=job-name%3Dslow", lambda c, o: not o["items"], 5)
        self.assertLess(time.time() - t0, 6)

    def test_deadline_counts_from_unsuspend(self):
        self.f.post(self.jobs, job("later", ["true"], suspend=True, activeDeadlineSeconds=1))
        time.sleep(1.3)
        self.f.patch(self.jobs + "/later", {"spec": {"suspend": False}})
        o = self.f.wait(self.jobs + "/later", finished, 5)
        self.assertTrue(cond(o, "Complete"), o["status"])

    def test_init_containers_and_native_sidecar(self):
        j = job("side", ["sh", "-c", "cat /data/init.txt; test -e /data/sidecar-up && echo sidecar seen"],
                pod={"volumes": [{"name": "d", "emptyDir": {}}],
                     "initContainers": [
                         {"name": "prep", "image": "busybox", "command": ["sh", "-c", "echo prepared > /data/init.txt"],
                          "volumeMounts": [{"name": "d", "mountPath": "/data"}]},
                         {"name": "svc", "image": "nginx", "restartPolicy": "Always",
                          "command": ["sh", "-c", "touch /data/sidecar-up; exec sleep 60"],
                          "volumeMounts": [{"name": "d", "mountPath": "/data"}]}]})
        j["spec"]["template"]["spec"]["containers"][0]["volumeMounts"] = [{"name": "d", "mountPath": "/data"}]
        # the main container may start before the sidecar has touched its file: retry it
        j["spec"]["template"]["spec"]["containers"][0]["command"] = [
            "sh", "-c", "cat /data/init.txt; for i in 1 2 3 4 5 6 7 8 9 10; do test -e /data/sidecar-up && break; sleep 0.1; done; test -e /data/sidecar-up && echo sidecar seen"]
        t0 = time.time()
        o = self.run_job(j)
        self.assertLess(time.time() - t0, 8, "the sidecar was not stopped when main ended")
        self.assertTrue(cond(o, "Complete"), o["status"])
        p = self.pods_of("side")[0]
        code, log, _ = self.f.get(self.pods + "/" + p["metadata"]["name"] + "/log")
        self.assertEqual(log, "prepared\nsidecar seen\n")
        inits = {c["name"]: c for c in p["status"]["initContainerStatuses"]}
        self.assertEqual(inits["prep"]["state"]["terminated"]["exitCode"], 0)
        self.assertIn("terminated", inits["svc"]["state"])
        self.assertEqual(p["status"]["phase"], "Succeeded")
        code, e, _ = self.f.get(self.pods + "/" + p["metadata"]["name"] + "/log?container=nope")
        self.assertEqual((code, e["message"]), (400, "container nope is not valid for pod " + p["metadata"]["name"]))

    def test_readiness_probe_and_follow_log(self):
        j = job("ready", ["sh", "-c", "echo one; sleep 0.3; touch /tmp/ready; echo two; sleep 0.3; echo three"])
        j["spec"]["template"]["spec"]["containers"][0]["readinessProbe"] = {
            "exec": {"command": ["test", "-e", "/tmp/ready"]}, "periodSeconds": 1}
        self.assertEqual(self.f.post(self.jobs, j)[0], 201)
        p = self.f.wait(self.pods + "?labelSelector=job-name%3Dready",
                        lambda c, o: o["items"] and o["items"][0]["status"].get("phase") == "Running", 5)["items"][0]
        self.assertFalse(cond(p, "Ready"))
        name = p["metadata"]["name"]
        c = self.f.conn()
        c.request("GET", self.pods + "/" + name + "/log?follow=true")
        r = c.getresponse()
        self.assertEqual(r.status, 200)
        body = r.read().decode()
        c.close()
        self.assertEqual(body, "one\ntwo\nthree\n")
        o = self.f.wait(self.jobs + "/ready", finished, 5)
        self.assertTrue(cond(o, "Complete"))

    def test_ready_condition(self):
        j = job("up", ["sh", "-c", "touch /tmp/ok; sleep 30"])
        j["spec"]["template"]["spec"]["containers"][0]["readinessProbe"] = {
            "exec": {"command": ["test", "-e", "/tmp/ok"]}, "periodSeconds": 1}
        self.assertEqual(self.f.post(self.jobs, j)[0], 201)
        self.f.wait(self.pods + "?labelSelector=job-name%3Dup",
                    lambda c, o: o["items"] and cond(o["items"][0], "Ready"), 6, "pod to be Ready")
        self.f.wait(self.jobs + "/up", lambda c, o: o["status"].get("ready") == 1, 5)
        self.f.req("DELETE", self.jobs + "/up?propagationPolicy=Foreground")
        self.f.wait(self.jobs + "/up", lambda c, o: c == 404, 5)

    def test_http_and_tcp_probes(self):
        import socket
        ports = []
        for _ in range(2):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            ports.append(s.getsockname()[1])
            s.close()
        serve = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1"]
        j = job("web", serve + [str(ports[0])], pod={"initContainers": [
            {"name": "tcp", "image": "x", "restartPolicy": "Always", "command": serve + [str(ports[1])],
             "readinessProbe": {"tcpSocket": {"port": ports[1]}}}]})
        c = j["spec"]["template"]["spec"]["containers"][0]
        c["ports"] = [{"name": "http", "containerPort": ports[0]}]
        c["readinessProbe"] = {"httpGet": {"path": "/", "port": "http"}, "initialDelaySeconds": 0}
        self.f.post(self.jobs, j)
        p = self.f.wait(self.pods + "?labelSelector=job-name%3Dweb",
                        lambda c, o: o["items"] and cond(o["items"][0], "Ready"), 8, "pod to be Ready")["items"][0]
        self.assertTrue(all(cs["ready"] for cs in p["status"]["containerStatuses"] + p["status"]["initContainerStatuses"]))
        self.f.req("DELETE", self.jobs + "/web?propagationPolicy=Background")
        self.f.wait(self.pods + "?labelSelector=job-name%3Dweb", lambda c, o: not o["items"], 5, "pods to go")

    def test_waiting_for_configmap_and_start_error(self):
        j = job("wait", ["echo", "$(V)"])
        j["spec"]["template"]["spec"]["containers"][0]["env"] = [
            {"name": "V", "valueFrom": {"configMapKeyRef": {"name": "later", "key": "v"}}}]
        self.f.post(self.jobs, j)
        p = self.f.wait(self.pods + "?labelSelector=job-name%3Dwait",
                        lambda c, o: o["items"] and "waiting" in (o["items"][0]["status"].get("containerStatuses") or [{}])[0].get("state", {})
                        and o["items"][0]["status"]["containerStatuses"][0]["state"]["waiting"]["reason"] == "CreateContainerConfigError", 5)
        w = p["items"][0]["status"]["containerStatuses"][0]["state"]["waiting"]
        self.assertEqual(w["message"], 'configmap "later" not found')
        code, e, _ = self.f.get(self.pods + "/" + p["items"][0]["metadata"]["name"] + "/log")
        self.assertEqual(e["message"], 'container "main" in pod "%s" is waiting to start: CreateContainerConfigError'
                         % p["items"][0]["metadata"]["name"])
        self.f.post(self.cm, {"metadata": {"name": "later"}, "data": {"v": "now"}})
        o = self.f.wait(self.jobs + "/wait", finished, 5)
        self.assertTrue(cond(o, "Complete"))
        o = self.run_job(job("noexec", ["/no/such/program"], backoffLimit=0))
        self.assertTrue(cond(o, "Failed"))
        t = self.pods_of("noexec")[0]["status"]["containerStatuses"][0]["state"]["terminated"]
        self.assertEqual((t["exitCode"], t["reason"]), (128, "StartError"))
        self.assertIn("no such file or directory", t["message"])

    def test_restart_on_failure_counts_towards_backoff_limit(self):
        j = job("onf", ["sh", "-c", "echo again; exit 1"], backoffLimit=2, pod={"restartPolicy": "OnFailure"})
        o = self.run_job(j)
        self.assertEqual(cond(o, "Failed")["reason"], "BackoffLimitExceeded")
        _, stats, _ = self.f.get("/fake/stats")
        self.assertEqual(stats["podsByJob"]["%s/onf" % self.ns], 1)  # one pod, restarted in place
        starts = [v for k, v in stats["containerStarts"].items() if k.startswith(self.ns + "/onf-")]
        self.assertGreaterEqual(starts[0], 3)

    def test_image_entrypoints(self):
        code, o, _ = self.f.req("POST", "/fake/images", {"example.com/greeter": ["echo", "entrypoint"]})
        self.assertEqual(code, 200)
        j = job("img", None, pod={"initContainers": [{"name": "idle", "image": "redis:7", "restartPolicy": "Always"}]})
        c = j["spec"]["template"]["spec"]["containers"][0]
        del c["command"]
        c["image"] = "example.com/greeter:1.0"
        c["args"] = ["$(WHO)"]
        c["env"] = [{"name": "WHO", "value": "arg"}]
        o = self.run_job(j)
        self.assertTrue(cond(o, "Complete"), o["status"])
        p = self.pods_of("img")[0]
        _, log, _ = self.f.get(self.pods + "/" + p["metadata"]["name"] + "/log")
        self.assertEqual(log, "entrypoint arg\n")
        # an image with no command and no known entrypoint idles until stopped
        idle = p["status"]["initContainerStatuses"][0]["state"]["terminated"]
        self.assertEqual(idle["exitCode"], 143)

    def test_termination_message_cap(self):
        o = self.run_job(job("big", ["sh", "-c", "head -c 5000 /dev/zero | tr '\\0' x > /dev/termination-log"]))
        self.assertTrue(cond(o, "Complete"), o["status"])
        t = self.pods_of("big")[0]["status"]["containerStatuses"][0]["state"]["terminated"]
        self.assertEqual(t["message"], "x" * 4096)

    def test_missing_service_account(self):
        self.f.post(self.jobs, job("nosa", ["true"], pod={"serviceAccountName": "runner"}))
        self.f.wait("/api/v1/namespaces/%s/events?fieldSelector=reason%%3DFailedCreate" % self.ns,
                    lambda c, o: o["items"], 5)
        e = self.f.get("/api/v1/namespaces/%s/events?fieldSelector=reason%%3DFailedCreate" % self.ns)[1]["items"][0]
        self.assertIn('serviceaccount "runner" not found', e["message"])
        self.f.post("/api/v1/namespaces/%s/serviceaccounts" % self.ns, {"metadata": {"name": "runner"}})
        o = self.f.wait(self.jobs + "/nosa", finished, 5)
        self.assertTrue(cond(o, "Complete"))


# ---------------------------------------------------------------- faults

class FaultSwitches(Base):
    def tearDown(self):
        self.f.req("DELETE", "/fake/faults")
        super().tearDown()

    def test_5xx_burst_and_429(self):
        code, _, _ = self.f.req("POST", "/fake/faults", {"type": "error", "code": 503, "count": 2,
                                                         "verb": "get", "resource": "configmaps"})
        self.assertEqual(code, 200)
        self.f.post(self.cm, {"metadata": {"name": "a"}})  # a create is not matched
        got = [self.f.get(self.cm + "/a")[0] for _ in range(3)]
        self.assertEqual(got, [503, 503, 200])
        self.f.req("POST", "/fake/faults", {"type": "throttle", "count": 1, "retryAfter": 2})
        code, e, r = self.f.get(self.cm + "/a")
        self.assertEqual((code, e["reason"], r.getheader("Retry-After")), (429, "TooManyRequests", "2"))
        self.assertEqual(e["details"]["retryAfterSeconds"], 2)
        self.assertEqual(self.f.get(self.cm + "/a")[0], 200)
        _, snap, _ = self.f.get("/fake/faults")
        self.assertEqual(snap["faults"], [])
        self.assertGreaterEqual(snap["injected"]["error"], 2)

    def test_delay_and_reset(self):
        self.f.post(self.cm, {"metadata": {"name": "a"}})
        self.f.req("POST", "/fake/faults", {"type": "delay", "ms": 300, "count": 1})
        t0 = time.time()
        self.assertEqual(self.f.get(self.cm + "/a")[0], 200)
        self.assertGreaterEqual(time.time() - t0, 0.3)
        self.f.req("POST", "/fake/faults", {"type": "reset", "count": 1})
        with self.assertRaises((ConnectionError, http.client.HTTPException, OSError)):
            self.f.get(self.cm + "/a")
        self.assertEqual(self.f.get(self.cm + "/a")[0], 200)

    def test_watch_drop_and_gone(self):
        for n in ("a", "b", "c"):
            self.f.post(self.cm, {"metadata": {"name": n}})
        self.f.req("POST", "/fake/faults", {"type": "watch-drop", "after": 2, "count": 1})
        evs = []
        with self.assertRaises((http.client.HTTPException, ConnectionError, OSError)):
            for e in self.f.watch(self.cm + "?watch=true&timeoutSeconds=5"):
                evs.append(e)
        self.assertEqual(len(evs), 2)
        self.f.req("POST", "/fake/faults", {"type": "watch-gone", "count": 1})
        evs = list(self.f.watch(self.cm + "?watch=true&resourceVersion=1"))
        self.assertEqual([(e["type"], e["object"]["code"]) for e in evs], [("ERROR", 410)])
        evs = list(self.f.watch(self.cm + "?watch=true", n=3))
        self.assertEqual([e["type"] for e in evs], ["ADDED"] * 3)

    def test_stats_count_requests(self):
        self.f.req("POST", "/fake/stats/reset")
        self.f.get(self.cm)
        self.f.get(self.cm)
        self.f.get("/apis/batch/v1/namespaces/%s/jobs/x/status" % self.ns)
        _, s, _ = self.f.get("/fake/stats")
        self.assertEqual(s["requests"]["list configmaps"], 2)
        self.assertEqual(s["requests"]["get jobs.batch/status"], 1)


# ---------------------------------------------------------------- credentials and lifecycle

def openssl(*args):
    return subprocess.run(["openssl"] + list(args), stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, check=True)


class Credentials(unittest.TestCase):
    def test_bearer_token(self):
        kc = os.path.join(tempfile.gettempdir(), "fakekube-kubeconfig-%d.json" % os.getpid())
        f = Fake("--token", "s3cret", "--write-kubeconfig", kc)
        try:
            with open(kc) as fh:
                cfg = json.load(fh)
            os.unlink(kc)
            self.assertEqual(cfg["clusters"][0]["cluster"]["server"], f.url)
            self.assertEqual(cfg["users"][0]["user"]["token"], "s3cret")
            self.assertEqual(cfg["current-context"], "fakekube")
            code, e, _ = f.get("/api/v1/namespaces/default/configmaps")
            self.assertEqual(code, 401)
            self.assertEqual(e, {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                                 "message": "Unauthorized", "reason": "Unauthorized", "code": 401})
            f.token = "wrong"
            self.assertEqual(f.get("/api/v1/namespaces/default/configmaps")[0], 401)
            f.token = "s3cret"
            self.assertEqual(f.get("/api/v1/namespaces/default/configmaps")[0], 200)
            # pods get the token, the namespace and the API's address
            f.post("/apis/batch/v1/namespaces/default/jobs", job("tok", ["sh", "-c",
                   "cat $WFC_SA/token; echo; cat $WFC_SA/namespace; echo; echo $KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT"],
                   pod={"containers": [{"name": "main", "image": "x", "command": ["sh", "-c",
                        "cat /var/run/secrets/kubernetes.io/serviceaccount/token; echo; "
                        "cat /var/run/secrets/kubernetes.io/serviceaccount/namespace; echo; "
                        "echo $KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT"]}]}))
            f.wait("/apis/batch/v1/namespaces/default/jobs/tok", finished)
            _, pods, _ = f.get("/api/v1/namespaces/default/pods?labelSelector=job-name%3Dtok")
            _, log, _ = f.get("/api/v1/namespaces/default/pods/%s/log" % pods["items"][0]["metadata"]["name"])
            self.assertEqual(log, "s3cret\ndefault\n127.0.0.1:%d\n" % f.port)
        finally:
            self.assertEqual(f.stop(), 0)

    @unittest.skipUnless(shutil.which("openssl"), "openssl is not installed")
    def test_tls_and_client_certificates(self):
        import ssl
        d = tempfile.mkdtemp(prefix="fakekube-tls-")
        try:
            p = lambda n: os.path.join(d, n)  # noqa: E731
            ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
            openssl("req", "-x509", *ec, "-nodes", "-days", "1", "-subj", "/CN=fake-ca",
                    "-keyout", p("ca.key"), "-out", p("ca.crt"))
            for n, cn in (("server", "127.0.0.1"), ("client", "wfc")):
                openssl("req", *ec, "-nodes", "-subj", "/CN=" + cn,
                        "-keyout", p(n + ".key"), "-out", p(n + ".csr"))
                ext = p(n + ".ext")
                with open(ext, "w") as fh:
                    fh.write("subjectAltName=IP:127.0.0.1\n" if n == "server" else "extendedKeyUsage=clientAuth\n")
                openssl("x509", "-req", "-in", p(n + ".csr"), "-CA", p("ca.crt"), "-CAkey", p("ca.key"),
                        "-CAcreateserial", "-days", "1", "-out", p(n + ".crt"), "-extfile", ext)
            f = Fake("--tls-cert", p("server.crt"), "--tls-key", p("server.key"), "--client-ca", p("ca.crt"),
                     "--server-ca", p("ca.crt"), "--token", "tok")
            try:
                self.assertTrue(f.url.startswith("https://"))
                ctx = ssl.create_default_context(cafile=p("ca.crt"))
                f.ssl_ctx = ctx
                self.assertEqual(f.get("/api/v1/namespaces")[0], 401)
                ctx2 = ssl.create_default_context(cafile=p("ca.crt"))
                ctx2.load_cert_chain(p("client.crt"), p("client.key"))
                f.ssl_ctx = ctx2
                self.assertEqual(f.get("/api/v1/namespaces")[0], 200)
                f.ssl_ctx = ctx
                f.token = "tok"
                self.assertEqual(f.get("/api/v1/namespaces")[0], 200)
            finally:
                self.assertEqual(f.stop(), 0)
        finally:
            shutil.rmtree(d, ignore_errors=True)

    def test_sigterm_kills_pods(self):
        f = Fake()
        try:
            f.post("/apis/batch/v1/namespaces/default/jobs",
                   job("hang", ["sh", "-c", "echo $$$$ > /tmp/pid; exec sleep 60"]))
            f.wait("/api/v1/namespaces/default/pods?labelSelector=job-name%3Dhang",
                   lambda c, o: o["items"] and o["items"][0]["status"].get("phase") == "Running", 5)
            pidfiles = []
            end = time.time() + 5
            while not pidfiles and time.time() < end:
                pidfiles = [x for x in glob.glob(os.path.join(f.state, "pods", "default", "*", "containers",
                                                              "main", "tmp", "pid")) if os.path.getsize(x)]
                time.sleep(0.05)
            self.assertTrue(pidfiles)
            with open(pidfiles[0]) as fh:
                pid = int(fh.read())
            os.kill(pid, 0)
            f.proc.send_signal(signal.SIGTERM)
            self.assertEqual(f.proc.wait(10), 0)
            end = time.time() + 3
            alive = True
            while alive and time.time() < end:
                try:
                    os.kill(pid, 0)
                    time.sleep(0.05)
                except ProcessLookupError:
                    alive = False
            self.assertFalse(alive, "pod process %d outlived the server" % pid)
        finally:
            f.stop()


class Rbac(Base):
    """--rbac: a pod's token is its service account's, held to its Role."""
    fake = None

    @classmethod
    def setUpClass(cls):
        cls.fake = Fake("--rbac")

    @classmethod
    def tearDownClass(cls):
        cls.fake.stop()

    def test_service_account_is_held_to_its_role(self):
        ns = self.ns
        self.f.post("/api/v1/namespaces/%s/serviceaccounts" % ns, {"metadata": {"name": "coord"}})
        self.f.post("/apis/rbac.authorization.k8s.io/v1/namespaces/%s/roles" % ns, {
            "metadata": {"name": "coord"},
            "rules": [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]},
                      {"apiGroups": ["batch"], "resources": ["jobs"], "verbs": ["list"]}]})
        self.f.post("/apis/rbac.authorization.k8s.io/v1/namespaces/%s/rolebindings" % ns, {
            "metadata": {"name": "coord"},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "coord"},
            "subjects": [{"kind": "ServiceAccount", "name": "coord"}]})
        self.f.post(self.cm, {"metadata": {"name": "plan"}, "data": {"a": "b"}})
        script = (
            "import json, os, urllib.request, urllib.error\n"
            "d = '/var/run/secrets/kubernetes.io/serviceaccount/'\n"
            "tok = open(d + 'token').read(); ns = open(d + 'namespace').read()\n"
            "base = 'http://%s:%s' % (os.environ['KUBERNETES_SERVICE_HOST'], os.environ['KUBERNETES_SERVICE_PORT'])\n"
            "for m, p in (('GET', '/api/v1/namespaces/%s/configmaps/plan'), ('GET', '/apis/batch/v1/namespaces/%s/jobs'),\n"
            "             ('DELETE', '/api/v1/namespaces/%s/configmaps/plan'), ('GET', '/api/v1/namespaces/%s/pods/x/log')):\n"
            "    r = urllib.request.Request(base + p % ns, method=m, headers={'Authorization': 'Bearer ' + tok})\n"
            "    try:\n"
            "        print(urllib.request.urlopen(r).status)\n"
            "    except urllib.error.HTTPError as e:\n"
            "        print(e.code, json.load(e)['message'])\n")
        o = self.run_job(job("rbac", [sys.executable, "-c", script], pod={"serviceAccountName": "coord"}))
        self.assertTrue(cond(o, "Complete"), o["status"])
        _, log, _ = self.f.get(self.pods + "/" + self.pods_of("rbac")[0]["metadata"]["name"] + "/log")
        user = "system:serviceaccount:%s:coord" % ns
        self.assertEqual(log.split("\n"), [
            "200", "200",
            '403 configmaps "plan" is forbidden: User "%s" cannot delete resource "configmaps" in API group "" '
            'in the namespace "%s"' % (user, ns),
            '403 pods "x" is forbidden: User "%s" cannot get resource "pods/log" in API group "" '
            'in the namespace "%s"' % (user, ns), ""])
        # the harness itself (no credentials) is not restricted
        self.assertEqual(self.f.req("DELETE", self.cm + "/plan")[0], 200)
        code, e, _ = self.f.req("GET", self.cm, headers={"Authorization": "Bearer forged"})
        self.assertEqual(code, 401)


class RewriteIsolation(Base):
    """Without a mount namespace, paths in command, args and env are mapped."""
    fake = None

    @classmethod
    def setUpClass(cls):
        cls.fake = Fake("--isolation", "rewrite")

    @classmethod
    def tearDownClass(cls):
        cls.fake.stop()

    def test_paths_are_mapped(self):
        j = job("rw", ["sh", "-c", "cat /cfg/plan.json; echo -n 1 > /tmp/n; echo $OUT"],
                pod={"volumes": [{"name": "cfg", "configMap": {"name": "plan"}}]})
        c = j["spec"]["template"]["spec"]["containers"][0]
        c["volumeMounts"] = [{"name": "cfg", "mountPath": "/cfg", "readOnly": True}]
        c["terminationMessagePath"] = "/tmp/n"
        c["env"] = [{"name": "OUT", "value": "/cfg"}]
        self.f.post(self.cm, {"metadata": {"name": "plan"}, "data": {"plan.json": "{}\n"}})
        o = self.run_job(j)
        self.assertTrue(cond(o, "Complete"), o["status"])
        p = self.pods_of("rw")[0]
        self.assertEqual(p["status"]["containerStatuses"][0]["state"]["terminated"]["message"], "1")
        _, log, _ = self.f.get(self.pods + "/" + p["metadata"]["name"] + "/log")
        lines = log.split("\n")
        self.assertEqual(lines[0], "{}")
        self.assertTrue(lines[1].startswith(self.f.state) and lines[1].endswith("/volumes/cfg"), lines[1])


class SandboxIsolation(Base):
    def test_paths_are_real(self):
        if not sandbox_program():
            self.skipTest("no fakekube-sandbox program beside wfc (--wfc PATH)")
        if not kubelet.sandbox_works(sandbox_program()):
            self.skipTest("no mount namespaces here (root or user namespaces needed)")
        if os.environ.get("FAKEKUBE_ISOLATION") == "rewrite":
            self.skipTest("FAKEKUBE_ISOLATION=rewrite")
        self.assertEqual(self.f.get("/fake/info")[1]["isolation"], "sandbox")
        j = job("sb", ["sh", "-c", "cat /cfg/plan.json; echo -n msg > /dev/termination-log; "
                                   "test -w /usr || echo readonly; "
                                   "test -e /tmp/pid || echo private-tmp; hostname"],
                pod={"volumes": [{"name": "cfg", "configMap": {"name": "plan", "items": [
                    {"key": "plan.json", "path": "plan.json"}]}}]})
        j["spec"]["template"]["spec"]["containers"][0]["volumeMounts"] = [
            {"name": "cfg", "mountPath": "/cfg", "readOnly": True}]
        self.f.post(self.cm, {"metadata": {"name": "plan"}, "data": {"plan.json": "{}\n"}})
        o = self.run_job(j)
        self.assertTrue(cond(o, "Complete"), o["status"])
        p = self.pods_of("sb")[0]
        self.assertEqual(p["status"]["containerStatuses"][0]["state"]["terminated"]["message"], "msg")
        _, log, _ = self.f.get(self.pods + "/" + p["metadata"]["name"] + "/log")
        self.assertEqual(log, "{}\nreadonly\nprivate-tmp\n%s\n" % p["metadata"]["name"])


class WfcObjects(Base):
    """What `wfc compile` prints is accepted as a real server would."""

    def test_compiled_objects_are_accepted(self):
        if not (WFC and os.access(WFC, os.X_OK)):
            self.skipTest("no wfc program given (--wfc PATH)")
        paths = {"ServiceAccount": "/api/v1/namespaces/%s/serviceaccounts",
                 "ConfigMap": "/api/v1/namespaces/%s/configmaps",
                 "Service": "/api/v1/namespaces/%s/services",
                 "PersistentVolumeClaim": "/api/v1/namespaces/%s/persistentvolumeclaims",
                 "Role": "/apis/rbac.authorization.k8s.io/v1/namespaces/%s/roles",
                 "RoleBinding": "/apis/rbac.authorization.k8s.io/v1/namespaces/%s/rolebindings",
                 "Job": "/apis/batch/v1/namespaces/%s/jobs",
                 "CronJob": "/apis/batch/v1/namespaces/%s/cronjobs"}
        n = 0
        srcs = sorted(glob.glob(os.path.join(SRC, "testdata", "compile", "*.yaml")))
        # the Argo corpus beside the project, when there
        srcs += sorted(glob.glob(os.path.join(SRC, "..", "shared", "corpus", "argo", "*.yaml")))
        def compile_one(src):
            args = []
            if os.path.exists(src[:-5] + ".args"):
                with open(src[:-5] + ".args") as fh:
                    words = fh.read().split()
                skip = False
                for w in words:
                    if skip:
                        skip = False
                    elif w in ("-o", "--output"):
                        skip = True
                    elif not w.startswith(("-o", "--output=")):
                        args.append(w)
            r = subprocess.run([WFC, "compile", "-o", "json"] + args + [src], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
            d = os.path.dirname(src)
            if r.returncode != 0 and os.path.exists(os.path.join(d, "templates.yaml")):
                r = subprocess.run([WFC, "compile", "-o", "json", "-t", d, src], stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True)
            return src, (json.loads(r.stdout)["items"] if r.returncode == 0 else None)

        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(4) as ex:
            compiled = list(ex.map(compile_one, srcs))
        conn = self.f.conn()

        def post(path, body):
            conn.request("POST", path, body=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
            r = conn.getresponse()
            return r.status, json.loads(r.read())
        for src, items in compiled:
            if items is None:
                continue
            ns = "c%d" % n
            n += 1
            self.assertEqual(post("/api/v1/namespaces", {"metadata": {"name": ns}})[0], 201)
            for item in items:
                kind = item["kind"]
                ons = item["metadata"].get("namespace")
                if ons and self.f.get("/api/v1/namespaces/" + ons)[0] == 404:
                    self.assertEqual(post("/api/v1/namespaces", {"metadata": {"name": ons}})[0], 201)
                # the coordinator would run wfc coordinate: suspend it here
                if kind == "Job" and not item["spec"].get("suspend"):
                    item["spec"]["suspend"] = True
                code, o = post(paths[kind] % (ons or ns), item)
                self.assertEqual(code, 201, "%s: %s %s: %s" % (os.path.basename(src), kind,
                                                              item["metadata"].get("name"), o))
        conn.close()
        self.assertGreater(n, 5)
        # one emitted Job runs as the coordinator would run it: unsuspended,
        # its output read back from the termination message
        ns = "c%d" % [os.path.basename(s) for s, items in compiled if items is not None].index("outputs.yaml")
        jobs = "/apis/batch/v1/namespaces/%s/jobs" % ns
        code, o, _ = self.f.patch(jobs + "/outputs-one", {"spec": {"suspend": False}})
        self.assertEqual(code, 200, o)
        o = self.f.wait(jobs + "/outputs-one", finished, 10)
        self.assertTrue(cond(o, "Complete"), o["status"])
        _, pods, _ = self.f.get("/api/v1/namespaces/%s/pods?labelSelector=wfc.dev/node%%3Doutputs-one" % ns)
        t = pods["items"][0]["status"]["containerStatuses"][0]["state"]["terminated"]
        self.assertEqual(t["message"], "1\n")


if __name__ == "__main__":
    if "--wfc" in sys.argv:
        i = sys.argv.index("--wfc")
        WFC = sys.argv[i + 1]
        del sys.argv[i:i + 2]
    unittest.main()
