"""The kubelet stand-in: schedules pods onto the one fake node and runs
their containers as local processes (the image is ignored).

Each pod gets a directory under STATE/pods/NS/NAME-UID: volumes/ (emptyDir,
ConfigMap, Secret, downwardAPI files), serviceaccount/ (token, ca.crt,
namespace), containers/NAME/ (log, termination-log, tmp/). PVCs live in
STATE/pvcs/NS/CLAIM and outlive pods.

Isolation "sandbox": each container runs in a private mount namespace whose
root has the host's directories read-only and the pod's volumes, /tmp,
/dev/termination-log (or terminationMessagePath) and the service account
at the paths the manifest names (sandbox.c, the program --sandbox names).
Isolation "rewrite": the
process runs on the host; occurrences of those paths in command, args and
env values are rewritten to the pod directory, WFC_FAKE_ROOT names the
container's directory.
"""

import base64
import fnmatch
import json
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import traceback
import urllib.error
import urllib.request

import kube
from kube import meta

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
SA_DIR = "/var/run/secrets/kubernetes.io/serviceaccount"
MSG_CAP = 4096          # per container
MSG_POD_CAP = 12 * 1024  # per pod, divided among containers
PODS = kube.resource("pods")


def expand(s, env):
    """Kubernetes' $(VAR) expansion: $$ is a literal $, unknown names stay."""
    out, i, n = [], 0, len(s)
    while i < n:
        c = s[i]
        if c == "$" and i + 1 < n:
            nx = s[i + 1]
            if nx == "$":
                out.append("$")
                i += 2
                continue
            if nx == "(":
                j = s.find(")", i + 2)
                if j < 0:
                    out.append(s[i:])
                    break
                name = s[i + 2:j]
                out.append(env[name] if name in env else s[i:j + 1])
                i = j + 1
                continue
        out.append(c)
        i += 1
    return "".join(out)


def exit_code(rc):
    return 128 - rc if rc < 0 else rc


class ConfigError(Exception):
    """The container cannot start yet (missing ConfigMap, key, volume)."""

    def __init__(self, reason, message, event=None):
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.event = event


class Proc:
    """One run (instance) of a container."""

    def __init__(self, cname, popen, log, started, instance, start_error=None, on_exit=None):
        self.cname = cname
        self.popen = popen
        self.log = log
        self.started = started
        self.instance = instance
        self.start_error = start_error
        self.rc = None
        self.finished = None
        self.rusage = None
        self.exited = threading.Event()
        self.status = None
        self.on_exit = on_exit
        if popen is None:
            self.exited.set()
        else:
            # one thread blocked in wait4 per process: its end wakes the pod's
            # runner at once, with no polling
            threading.Thread(target=self._reap, name="reap-%s" % cname, daemon=True).start()

    def _reap(self):
        # wait4 rather than waitpid: the container's CPU time and peak RSS
        while True:
            try:
                _, status, ru = os.wait4(self.popen.pid, 0)
                break
            except InterruptedError:
                continue
            except ChildProcessError:
                status, ru = 0, None
                break
        self.rusage = ru
        self.status = os.waitstatus_to_exitcode(status)
        self.exited.set()
        if self.on_exit is not None:
            self.on_exit()

    def wait(self, timeout=None):
        return self.exited.wait(timeout)

    def poll(self):
        if self.rc is not None:
            return self.rc
        if self.popen is None:
            self.rc = 128
            self.finished = self.finished or time.time()
            return self.rc
        if not self.exited.is_set():
            return None
        self.popen.returncode = self.status
        r = self.popen.returncode
        if r is not None:
            self.rc = exit_code(r)
            self.finished = time.time()
            # a container ends with its first process: what it left behind goes too
            try:
                os.killpg(self.popen.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        return self.rc

    def signal(self, sig):
        if self.popen is None or self.rc is not None:
            return
        try:
            os.killpg(self.popen.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass


class Kubelet:
    def __init__(self, store, state_dir, server_url, ca_file=None, token=None,
                 isolation="auto", images=None, node_labels=None, probe_cap=1.0,
                 stats=None, verbose=False, sa_token=None, sandbox=None):
        self.store = store
        self.sandbox = sandbox  # the fakekube-sandbox program, or None
        self.sa_token = sa_token
        self.state_dir = state_dir
        self.server_url = server_url
        self.ca_file = ca_file
        self.token = token
        self.images = images or []   # [(pattern, argv)]
        self.node_name = store.node_name
        self.node_labels = {"kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
                            "beta.kubernetes.io/os": "linux", "beta.kubernetes.io/arch": "amd64",
                            "kubernetes.io/hostname": self.node_name}
        self.node_labels.update(node_labels or {})
        self.probe_cap = probe_cap
        self.stats = stats
        self.verbose = verbose
        self.pods = {}   # uid -> PodRunner
        self.waiting = set()  # (ns, name) of pods that cannot be scheduled yet
        self.lock = threading.Lock()
        if isolation == "auto":
            isolation = "sandbox" if sandbox and sandbox_works(sandbox) else "rewrite"
        self.isolation = isolation
        self.stopping = False

    # called with the store lock held
    def running(self, uid):
        r = self.pods.get(uid)
        return r is not None and not r.done.is_set()

    def terminate(self, uid, grace):
        r = self.pods.get(uid)
        if r is not None:
            r.request_stop(grace)

    def runner(self, uid):
        return self.pods.get(uid)

    def shutdown(self):
        self.stopping = True
        for r in list(self.pods.values()):
            r.request_stop(0)
        for r in list(self.pods.values()):
            r.done.wait(5)

    def sync(self, evs=None):
        """Schedule new pods; called by the controller loop with the lock.
        evs: the store's events since the last round, None for all."""
        if self.stopping:
            return
        if evs is None:
            pods = list(self.store.iter(PODS))
        else:
            keys = set(self.waiting)
            for ev in evs:
                if ev.key == "pods":
                    m = meta(ev.obj)
                    if ev.type == "DELETED":
                        r = self.pods.get(m.get("uid"))
                        if r is not None and r.done.is_set():
                            del self.pods[m["uid"]]
                        continue
                    keys.add((m.get("namespace"), m.get("name")))
            if not keys:
                return
            pods = [p for p in (self.store.raw(PODS, ns, n) for ns, n in keys) if p is not None]
        self.waiting = set()
        for pod in pods:
            m = meta(pod)
            uid = m["uid"]
            if uid in self.pods:
                continue
            spec = pod.get("spec") or {}
            if spec.get("nodeName") and spec["nodeName"] != self.node_name:
                continue
            phase = (pod.get("status") or {}).get("phase")
            if phase in ("Succeeded", "Failed"):
                continue
            if m.get("deletionTimestamp"):
                self.store.finish_pod_deletion(m["namespace"], m["name"], uid)
                continue
            why = self.unschedulable(pod)
            if why:
                self.waiting.add((m["namespace"], m["name"]))
                self._unschedulable(pod, why)
                continue
            r = PodRunner(self, pod)
            self.pods[uid] = r
            self.store.mutate(PODS, m["namespace"], m["name"], r.scheduled, uid=uid)
            self.store.record_event(pod, "Scheduled", "Successfully assigned %s/%s to %s"
                                    % (m["namespace"], m["name"], self.node_name),
                                    component="default-scheduler")
            t = threading.Thread(target=r.run, name="pod-" + m["name"], daemon=True)
            t.start()
        if evs is None:
            for uid, r in list(self.pods.items()):
                if r.done.is_set() and self.store.by_uid_obj(uid) is None:
                    del self.pods[uid]

    def unschedulable(self, pod):
        spec = pod.get("spec") or {}
        sel = spec.get("nodeSelector") or {}
        for k, v in sel.items():
            if self.node_labels.get(k) != v:
                return ("0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. "
                        "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.")
        ns = meta(pod)["namespace"]
        pvcs = kube.resource("persistentvolumeclaims")
        for v in spec.get("volumes") or []:
            c = (v.get("persistentVolumeClaim") or {}).get("claimName")
            if c and self.store.raw(pvcs, ns, c) is None:
                return '0/1 nodes are available: persistentvolumeclaim "%s" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.' % c
        return None

    def _unschedulable(self, pod, why):
        m = meta(pod)

        def fn(p):
            conds = p.setdefault("status", {}).setdefault("conditions", [])
            c = next((c for c in conds if c.get("type") == "PodScheduled"), None)
            if c and c.get("message") == why:
                return False
            set_condition(conds, "PodScheduled", "False", "Unschedulable", why)
        if self.store.mutate(PODS, m["namespace"], m["name"], fn, uid=m["uid"]) is not pod:
            self.store.record_event(pod, "FailedScheduling", why, "Warning", "default-scheduler")

    def entrypoint(self, image):
        for pat, argv in self.images:
            base = image.split("@")[0]
            repo = base.rsplit(":", 1)[0] if ":" in base.rsplit("/", 1)[-1] else base
            if fnmatch.fnmatchcase(image, pat) or fnmatch.fnmatchcase(repo, pat):
                return list(argv)
        return None


def sandbox_works(program):
    """Whether the sandbox program can build a mount namespace here."""
    try:
        return subprocess.run([program, "--probe"], timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def set_condition(conds, type_, status, reason=None, message=None):
    now = kube.now_rfc3339()
    c = next((c for c in conds if c.get("type") == type_), None)
    if c is None:
        c = {"type": type_, "status": status, "lastProbeTime": None,
             "lastTransitionTime": now}
        conds.append(c)
    elif c.get("status") != status:
        c["status"] = status
        c["lastTransitionTime"] = now
    for k, v in (("reason", reason), ("message", message)):
        if v:
            c[k] = v
        else:
            c.pop(k, None)


class PodRunner:
    def __init__(self, kubelet, pod):
        self.k = kubelet
        self.store = kubelet.store
        self.pod = kube.deepcopy(pod)
        m = meta(pod)
        self.ns, self.name, self.uid = m["namespace"], m["name"], m["uid"]
        self.spec = pod.get("spec") or {}
        self.dir = os.path.join(kubelet.state_dir, "pods", self.ns, "%s-%s" % (self.name, self.uid[:8]))
        self.done = threading.Event()
        self.stop = threading.Event()
        self.wake = threading.Event()  # a process ended, or a stop was asked
        self.stop_grace = None
        self.procs = {}       # container name -> Proc (current instance)
        self.history = {}     # container name -> [Proc] (all instances)
        self.restarts = {}
        self.mounts = {}      # container name -> [(target, source, ro, file)]
        self.envs = {}
        self.ready = {}
        self.lock = threading.Lock()
        self.start_time = None
        self.volumes = {}

    # ------------------------------------------------------------ state

    def request_stop(self, grace):
        g = 0 if grace is None else grace
        if self.stop_grace is None or g < self.stop_grace:
            self.stop_grace = g
        self.stop_at = time.time() + g
        self.stop.set()
        self.wake.set()

    def update(self, fn):
        """fn changes the pod's status, nothing else."""
        return self.store.mutate(PODS, self.ns, self.name, fn, uid=self.uid, only=("status",))

    def scheduled(self, p):
        p.setdefault("spec", {})["nodeName"] = self.k.node_name
        st = p.setdefault("status", {})
        conds = st.setdefault("conditions", [])
        set_condition(conds, "PodScheduled", "True")
        st["hostIP"] = "127.0.0.1"
        st["hostIPs"] = [{"ip": "127.0.0.1"}]
        st["startTime"] = kube.now_rfc3339()
        st["phase"] = "Pending"
        statuses = []
        for c in self.spec.get("containers") or []:
            statuses.append(self._cstatus(c, {"waiting": {"reason": "ContainerCreating"}}))
        st["containerStatuses"] = statuses
        inits = self.spec.get("initContainers") or []
        if inits:
            st["initContainerStatuses"] = [self._cstatus(c, {"waiting": {"reason": "PodInitializing"}})
                                           for c in inits]
            set_condition(conds, "Initialized", "False", "ContainersNotInitialized",
                          "containers with incomplete status: [%s]" % " ".join(c["name"] for c in inits))
        else:
            set_condition(conds, "Initialized", "True")
        set_condition(conds, "Ready", "False", "ContainersNotReady",
                      "containers with unready status: [%s]" % " ".join(
                          c["name"] for c in self.spec.get("containers") or []))
        set_condition(conds, "ContainersReady", "False", "ContainersNotReady",
                      "containers with unready status: [%s]" % " ".join(
                          c["name"] for c in self.spec.get("containers") or []))
        set_condition(conds, "PodReadyToStartContainers", "False")
        p["status"] = st

    def _cstatus(self, c, state):
        return {"name": c.get("name"), "image": c.get("image"), "imageID": "",
                "ready": False, "restartCount": self.restarts.get(c.get("name"), 0),
                "started": False, "state": state, "lastState": {}}

    def _set_cstate(self, cname, state, ready=None, started=None, last=None):
        def fn(p):
            st = p.setdefault("status", {})
            for key in ("containerStatuses", "initContainerStatuses"):
                for cs in st.get(key) or []:
                    if cs.get("name") == cname:
                        cs["state"] = state
                        cs["restartCount"] = self.restarts.get(cname, 0)
                        if ready is not None:
                            cs["ready"] = ready
                        if started is not None:
                            cs["started"] = started
                        if last is not None:
                            cs["lastState"] = last
                        if "running" in state or "terminated" in state:
                            cs["containerID"] = "fake://%s-%s" % (self.uid[:8], cname)
                            cs["imageID"] = "fake://" + (cs.get("image") or "")
            self._conditions(p)
        self.update(fn)

    def _conditions(self, p):
        st = p["status"]
        conds = st.setdefault("conditions", [])
        mains = st.get("containerStatuses") or []
        inits = st.get("initContainerStatuses") or []
        unready = [c["name"] for c in mains if not c.get("ready")]
        unready += [c["name"] for c in inits if self._is_sidecar(c["name"]) and not c.get("ready")
                    and "running" in (c.get("state") or {})]
        if st.get("phase") in ("Succeeded", "Failed"):
            set_condition(conds, "Ready", "False", "PodCompleted")
            set_condition(conds, "ContainersReady", "False", "PodCompleted")
            set_condition(conds, "PodReadyToStartContainers", "False")
            return
        if unready:
            msg = "containers with unready status: [%s]" % " ".join(unready)
            set_condition(conds, "Ready", "False", "ContainersNotReady", msg)
            set_condition(conds, "ContainersReady", "False", "ContainersNotReady", msg)
        else:
            set_condition(conds, "Ready", "True")
            set_condition(conds, "ContainersReady", "True")

    def _is_sidecar(self, cname):
        for c in self.spec.get("initContainers") or []:
            if c.get("name") == cname:
                return c.get("restartPolicy") == "Always"
        return False

    # ------------------------------------------------------------ setup

    def setup(self):
        """Volumes, service account, env. Raises ConfigError to retry."""
        os.makedirs(os.path.join(self.dir, "volumes"), exist_ok=True)
        for v in self.spec.get("volumes") or []:
            self.volumes[v["name"]] = self._volume(v)
        sa = os.path.join(self.dir, "serviceaccount")
        if self.spec.get("automountServiceAccountToken", True) is not False:
            os.makedirs(sa, exist_ok=True)
            sa_name = self.spec.get("serviceAccountName") or "default"
            if self.k.sa_token:
                tok = self.k.sa_token(self.ns, sa_name)
            else:
                tok = self.k.token or "fake-token-%s-%s" % (self.ns, sa_name)
            _write(os.path.join(sa, "token"), tok)
            _write(os.path.join(sa, "namespace"), self.ns)
            ca = b""
            if self.k.ca_file:
                with open(self.k.ca_file, "rb") as f:
                    ca = f.read()
            _write(os.path.join(sa, "ca.crt"), ca)
        hosts = ["127.0.0.1\tlocalhost", "::1\tlocalhost ip6-localhost ip6-loopback",
                 "127.0.0.1\t%s" % self.name]
        for s in self.store.iter(kube.resource("services"), self.ns):
            n = meta(s)["name"]
            hosts.append("127.0.0.1\t%s %s.%s %s.%s.svc %s.%s.svc.cluster.local"
                         % (n, n, self.ns, n, self.ns, n, self.ns))
        _write(os.path.join(self.dir, "hosts"), "\n".join(hosts) + "\n")
        _write(os.path.join(self.dir, "hostname"), self.name + "\n")
        for key in ("initContainers", "containers"):
            for c in self.spec.get(key) or []:
                self.envs[c["name"]] = self._env(c)
                self.mounts[c["name"]] = self._mounts(c)

    def _volume(self, v):
        name = v["name"]
        d = os.path.join(self.dir, "volumes", name)
        if v.get("persistentVolumeClaim"):
            claim = v["persistentVolumeClaim"].get("claimName")
            d = os.path.join(self.k.state_dir, "pvcs", self.ns, claim)
            os.makedirs(d, exist_ok=True)
            return d
        if v.get("hostPath"):
            return v["hostPath"].get("path") or "/"
        os.makedirs(d, exist_ok=True)
        if v.get("configMap") is not None:
            self._project_source(d, {"configMap": v["configMap"]}, name,
                                 v["configMap"].get("defaultMode", 0o644))
        elif v.get("secret") is not None:
            s = dict(v["secret"])
            s["name"] = s.pop("secretName", None)
            self._project_source(d, {"secret": s}, name, s.get("defaultMode", 0o644))
        elif v.get("projected") is not None:
            for src in v["projected"].get("sources") or []:
                self._project_source(d, src, name, v["projected"].get("defaultMode", 0o644))
        elif v.get("downwardAPI") is not None:
            self._project_source(d, {"downwardAPI": v["downwardAPI"]}, name,
                                 v["downwardAPI"].get("defaultMode", 0o644))
        return d

    def _project_source(self, d, src, vname, mode):
        if "configMap" in src or "secret" in src:
            is_cm = "configMap" in src
            ref = src.get("configMap") if is_cm else src.get("secret")
            res = kube.resource("configmaps" if is_cm else "secrets")
            obj = self.store.raw(res, self.ns, ref.get("name"))
            if obj is None:
                if ref.get("optional"):
                    return
                raise ConfigError("ContainerCreating", "",
                                  'MountVolume.SetUp failed for volume "%s" : %s "%s" not found'
                                  % (vname, "configmap" if is_cm else "secret", ref.get("name")))
            data = {}
            if is_cm:
                data.update({k: v.encode() for k, v in (obj.get("data") or {}).items()})
                data.update({k: base64.b64decode(v) for k, v in (obj.get("binaryData") or {}).items()})
            else:
                data.update({k: base64.b64decode(v) for k, v in (obj.get("data") or {}).items()})
            items = ref.get("items")
            if items:
                for it in items:
                    if it.get("key") not in data:
                        if ref.get("optional"):
                            continue
                        raise ConfigError("ContainerCreating", "",
                                          'MountVolume.SetUp failed for volume "%s" : configmap references non-existent config key: %s'
                                          % (vname, it.get("key")))
                    _write(os.path.join(d, it.get("path") or it["key"]), data[it["key"]],
                           it.get("mode", mode))
            else:
                for k, v in data.items():
                    _write(os.path.join(d, k), v, mode)
        elif "downwardAPI" in src:
            for it in src["downwardAPI"].get("items") or []:
                if it.get("fieldRef"):
                    _write(os.path.join(d, it["path"]),
                           self._field(it["fieldRef"].get("fieldPath", "")), it.get("mode", mode))
        elif "serviceAccountToken" in src:
            p = src["serviceAccountToken"].get("path", "token")
            sa_name = self.spec.get("serviceAccountName") or "default"
            tok = self.k.sa_token(self.ns, sa_name) if self.k.sa_token else (self.k.token or "fake-token")
            _write(os.path.join(d, p), tok, mode)

    def _field(self, path):
        pod = self.store.raw(PODS, self.ns, self.name) or self.pod
        m = meta(pod)
        simple = {"metadata.name": m.get("name"), "metadata.namespace": m.get("namespace"),
                  "metadata.uid": m.get("uid"), "spec.nodeName": self.k.node_name,
                  "spec.serviceAccountName": (pod.get("spec") or {}).get("serviceAccountName", "default"),
                  "status.podIP": "127.0.0.1", "status.hostIP": "127.0.0.1",
                  "status.podIPs": "127.0.0.1", "status.hostIPs": "127.0.0.1"}
        if path in simple:
            return simple[path] or ""
        mm = re.match(r"^metadata\.(labels|annotations)\['(.+)'\]$", path)
        if mm:
            return (m.get(mm.group(1)) or {}).get(mm.group(2), "")
        if path in ("metadata.labels", "metadata.annotations"):
            d = m.get(path.split(".")[1]) or {}
            return "\n".join('%s="%s"' % (k, v) for k, v in sorted(d.items()))
        return ""

    def _env(self, c):
        env = {"PATH": DEFAULT_PATH, "HOSTNAME": self.name, "HOME": "/root"}
        port = self.k.server_url.rsplit(":", 1)[-1].rstrip("/")
        svc_env = {"KUBERNETES_SERVICE_HOST": "127.0.0.1", "KUBERNETES_SERVICE_PORT": port,
                   "KUBERNETES_SERVICE_PORT_HTTPS": port,
                   "KUBERNETES_PORT": "tcp://127.0.0.1:" + port,
                   "KUBERNETES_PORT_443_TCP": "tcp://127.0.0.1:" + port,
                   "KUBERNETES_PORT_443_TCP_ADDR": "127.0.0.1",
                   "KUBERNETES_PORT_443_TCP_PORT": port,
                   "KUBERNETES_PORT_443_TCP_PROTO": "tcp"}
        if self.spec.get("enableServiceLinks", True):
            for s in self.store.iter(kube.resource("services"), self.ns):
                n = meta(s)["name"].upper().replace("-", "_")
                ports = (s.get("spec") or {}).get("ports") or []
                if ports:
                    svc_env[n + "_SERVICE_HOST"] = "127.0.0.1"
                    svc_env[n + "_SERVICE_PORT"] = str(ports[0].get("port"))
        env.update(svc_env)
        for ef in c.get("envFrom") or []:
            prefix = ef.get("prefix", "")
            for key, res_name in (("configMapRef", "configmaps"), ("secretRef", "secrets")):
                ref = ef.get(key)
                if not ref:
                    continue
                obj = self.store.raw(kube.resource(res_name), self.ns, ref.get("name"))
                if obj is None:
                    if ref.get("optional"):
                        continue
                    raise ConfigError("CreateContainerConfigError", '%s "%s" not found'
                                      % ("configmap" if key == "configMapRef" else "secret", ref.get("name")))
                data = obj.get("data") or {}
                for k2, v2 in data.items():
                    env[prefix + k2] = v2 if res_name == "configmaps" else base64.b64decode(v2).decode("utf-8", "replace")
        for e in c.get("env") or []:
            n = e.get("name")
            if "valueFrom" not in e:
                env[n] = expand(e.get("value", ""), env)
                continue
            vf = e["valueFrom"] or {}
            if vf.get("fieldRef"):
                env[n] = self._field(vf["fieldRef"].get("fieldPath", ""))
            elif vf.get("configMapKeyRef") or vf.get("secretKeyRef"):
                is_cm = bool(vf.get("configMapKeyRef"))
                ref = vf.get("configMapKeyRef") or vf.get("secretKeyRef")
                res = kube.resource("configmaps" if is_cm else "secrets")
                obj = self.store.raw(res, self.ns, ref.get("name"))
                word = "configmap" if is_cm else "secret"
                if obj is None:
                    if ref.get("optional"):
                        continue
                    raise ConfigError("CreateContainerConfigError", '%s "%s" not found' % (word, ref.get("name")))
                data = obj.get("data") or {}
                if ref.get("key") not in data:
                    if ref.get("optional"):
                        continue
                    raise ConfigError("CreateContainerConfigError", "couldn't find key %s in %s %s/%s"
                                      % (ref.get("key"), "ConfigMap" if is_cm else "Secret",
                                         self.ns, ref.get("name")))
                v = data[ref["key"]]
                env[n] = v if is_cm else base64.b64decode(v).decode("utf-8", "replace")
            elif vf.get("resourceFieldRef"):
                r = vf["resourceFieldRef"].get("resource", "")
                kind, _, what = r.partition(".")
                val = ((c.get("resources") or {}).get(kind) or {}).get(what)
                env[n] = str(val) if val is not None else ("2" if what == "cpu" else "8589934592")
        return env

    def _mounts(self, c):
        """[(target, source, readOnly, isFile)] for container c."""
        cname = c["name"]
        cdir = os.path.join(self.dir, "containers", cname)
        os.makedirs(os.path.join(cdir, "tmp"), exist_ok=True)
        os.chmod(os.path.join(cdir, "tmp"), 0o1777)
        os.makedirs(os.path.join(cdir, "root"), exist_ok=True)
        tl = os.path.join(cdir, "termination-log")
        open(tl, "w").close()
        out = []
        targets = set()
        for vm in c.get("volumeMounts") or []:
            src = self.volumes.get(vm.get("name"))
            if src is None:
                continue
            if vm.get("subPath"):
                src = os.path.join(src, vm["subPath"])
                if not os.path.exists(src):
                    os.makedirs(src, exist_ok=True)
            t = vm["mountPath"].rstrip("/") or "/"
            out.append((t, src, bool(vm.get("readOnly")), os.path.isfile(src)))
            targets.add(t)
        sa = os.path.join(self.dir, "serviceaccount")
        if os.path.isdir(sa) and SA_DIR not in targets:
            out.append((SA_DIR, sa, True, False))
        if "/tmp" not in targets:
            out.append(("/tmp", os.path.join(cdir, "tmp"), False, False))
        out.append(("/etc/hosts", os.path.join(self.dir, "hosts"), True, True))
        out.append(("/etc/hostname", os.path.join(self.dir, "hostname"), True, True))
        tmp = c.get("terminationMessagePath") or "/dev/termination-log"
        out.append((tmp, tl, False, True))
        return out

    # ------------------------------------------------------------ processes

    def argv(self, c):
        env = self.envs[c["name"]]
        cmd = c.get("command")
        args = c.get("args")
        if not cmd:
            ep = self.k.entrypoint(c.get("image", ""))
            if ep is not None:
                cmd = ep
            elif args:
                cmd, args = args, []
            else:
                cmd = ["sleep", "infinity"]
        return [expand(str(x), env) for x in list(cmd) + list(args or [])]

    def start(self, c, instance=None):
        cname = c["name"]
        cdir = os.path.join(self.dir, "containers", cname)
        n = instance if instance is not None else len(self.history.get(cname, []))
        log = os.path.join(cdir, "log.%d" % n)
        argv = self.argv(c)
        env = dict(self.envs[cname])
        mounts = self.mounts[cname]
        se = os.path.join(cdir, "start-error")
        if os.path.exists(se):
            os.unlink(se)
        _write(os.path.join(cdir, "termination-log"), "")
        cwd = c.get("workingDir") or "/"
        start_error = None
        popen = None
        logf = open(log, "ab")
        try:
            if self.k.isolation == "sandbox":
                spec = {"root": os.path.join(cdir, "rootfs"),
                        "mounts": [{"target": t, "source": s, "readOnly": ro, "file": f}
                                   for t, s, ro, f in mounts],
                        "argv": argv, "env": env, "cwd": cwd, "startError": se,
                        "hostname": self.name}
                spec = self._shadowed_entrypoint(spec, mounts)
                sf = os.path.join(cdir, "sandbox.json")
                with open(sf, "w") as f:
                    json.dump(spec, f)
                popen = subprocess.Popen([self.k.sandbox, sf], stdin=subprocess.DEVNULL,
                                         stdout=logf, stderr=subprocess.STDOUT,
                                         start_new_session=True, close_fds=True)
            else:
                mapping = [(t, s) for t, s, _, _ in mounts if t not in ("/etc/hosts", "/etc/hostname")]
                argv = [rewrite(a, mapping) for a in argv]
                env = {k: rewrite(v, mapping) for k, v in env.items()}
                env["WFC_FAKE_ROOT"] = os.path.join(cdir, "root")
                env["TMPDIR"] = rewrite("/tmp", mapping)
                if cwd == "/":
                    cwd = os.path.join(cdir, "root")
                else:
                    cwd = rewrite(cwd, mapping)
                    os.makedirs(cwd, exist_ok=True)
                popen = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                                         stdout=logf, stderr=subprocess.STDOUT,
                                         start_new_session=True, close_fds=True)
        except OSError as e:
            if isinstance(e, FileNotFoundError) and "/" in argv[0]:
                why = 'exec: "%s": stat %s: no such file or directory' % (argv[0], argv[0])
            elif isinstance(e, FileNotFoundError):
                why = 'exec: "%s": executable file not found in $PATH' % argv[0]
            else:
                why = 'exec: "%s": %s' % (argv[0], e.strerror or e)
            start_error = ("failed to create containerd task: failed to create shim task: OCI runtime create failed: "
                           "runc create failed: unable to start container process: %s: unknown" % why)
            logf.write((start_error + "\n").encode())
        finally:
            logf.close()
        p = Proc(cname, popen, log, time.time(), n, start_error, on_exit=self.wake.set)
        with self.lock:
            self.procs[cname] = p
            self.history.setdefault(cname, []).append(p)
        if self.k.stats is not None:
            self.k.stats.container_started(self.ns, self.name, cname, self.pod)
        return p

    def _shadowed_entrypoint(self, spec, mounts):
        """An entrypoint program under a mountPath would be hidden: bind it."""
        a0 = spec["argv"][0]
        if not a0.startswith("/"):
            return spec
        for t, _, _, _ in mounts:
            if a0 == t or a0.startswith(t.rstrip("/") + "/"):
                if os.path.isfile(a0) and not any(a0.startswith(s) for _, s, _, _ in mounts):
                    target = "/.fakekube/bin/" + os.path.basename(a0)
                    spec["mounts"].append({"target": target, "source": a0, "readOnly": True,
                                           "file": True})
                    spec["argv"] = [target] + spec["argv"][1:]
                break
        return spec

    def finish(self, p):
        """Terminated state of Proc p (its termination message read)."""
        if p.rusage is not None and self.k.stats is not None:
            self.k.stats.container_exited(self.ns, self.name, p.cname, p.rc, p.rusage)
            p.rusage = None
        c = self._container(p.cname)
        cdir = os.path.join(self.dir, "containers", p.cname)
        se = os.path.join(cdir, "start-error")
        if p.start_error is None and os.path.exists(se):
            with open(se) as f:
                p.start_error = f.read() or None
        ncont = len(self.spec.get("containers") or []) + len(self.spec.get("initContainers") or [])
        cap = min(MSG_CAP, MSG_POD_CAP // max(1, ncont))
        msg = ""
        if p.start_error:
            msg = p.start_error
        else:
            try:
                with open(os.path.join(cdir, "termination-log"), "rb") as f:
                    msg = f.read(cap).decode("utf-8", "replace")
            except OSError:
                msg = ""
            if not msg and p.rc != 0 and (c or {}).get("terminationMessagePolicy") == "FallbackToLogsOnError":
                msg = tail_log(p.log, 80, min(2048, cap))
        term = {"exitCode": p.rc, "reason": "Completed" if p.rc == 0 else "Error",
                "startedAt": kube.now_rfc3339(p.started),
                "finishedAt": kube.now_rfc3339(p.finished or time.time()),
                "containerID": "fake://%s-%s" % (self.uid[:8], p.cname)}
        if p.start_error:
            term["reason"] = "StartError"
            term["exitCode"] = 128
            term["startedAt"] = "1970-01-01T00:00:00Z"
        if getattr(p, "deadline", False):
            term["reason"] = "Error"
        if msg:
            term["message"] = msg[:cap]
        return {"terminated": term}

    def _container(self, cname):
        for key in ("initContainers", "containers"):
            for c in self.spec.get(key) or []:
                if c.get("name") == cname:
                    return c
        return None

    # ------------------------------------------------------------ probes

    def probe(self, c, probe):
        try:
            timeout = min(float(probe.get("timeoutSeconds", 1)), 5.0)
            if probe.get("exec"):
                cmd = [expand(x, self.envs[c["name"]]) for x in probe["exec"].get("command") or []]
                if not cmd:
                    return False
                if self.k.isolation == "sandbox":
                    cdir = os.path.join(self.dir, "containers", c["name"])
                    sf = os.path.join(cdir, "probe.json")
                    spec = {"root": os.path.join(cdir, "proberoot"),
                            "mounts": [{"target": t, "source": s, "readOnly": ro, "file": f}
                                       for t, s, ro, f in self.mounts[c["name"]]],
                            "argv": cmd, "env": self.envs[c["name"]], "cwd": c.get("workingDir") or "/",
                            "startError": os.path.join(cdir, "probe-error")}
                    with open(sf, "w") as f:
                        json.dump(spec, f)
                    argv = [self.k.sandbox, sf]
                    env = None
                else:
                    mapping = [(t, s) for t, s, _, _ in self.mounts[c["name"]]]
                    argv = [rewrite(a, mapping) for a in cmd]
                    env = {k: rewrite(v, mapping) for k, v in self.envs[c["name"]].items()}
                r = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, timeout=timeout + 2)
                return r.returncode == 0
            if probe.get("httpGet"):
                h = probe["httpGet"]
                port = self._port(c, h.get("port"))
                scheme = (h.get("scheme") or "HTTP").lower()
                url = "%s://127.0.0.1:%s%s" % (scheme, port, h.get("path") or "/")
                req = urllib.request.Request(url)
                for hh in h.get("httpHeaders") or []:
                    req.add_header(hh.get("name"), hh.get("value"))
                ctx = ssl._create_unverified_context() if scheme == "https" else None
                try:
                    with urllib.request.urlopen(req, timeout=timeout, context=ctx) as resp:
                        return 200 <= resp.status < 400
                except urllib.error.HTTPError as e:
                    return 200 <= e.code < 400
            if probe.get("tcpSocket"):
                port = self._port(c, probe["tcpSocket"].get("port"))
                with socket.create_connection(("127.0.0.1", int(port)), timeout=timeout):
                    return True
            if probe.get("grpc"):
                port = probe["grpc"].get("port")
                with socket.create_connection(("127.0.0.1", int(port)), timeout=timeout):
                    return True
        except (OSError, ValueError, subprocess.SubprocessError):
            return False
        return False

    def _port(self, c, port):
        if isinstance(port, str) and not port.isdigit():
            for p in c.get("ports") or []:
                if p.get("name") == port:
                    return p.get("containerPort")
        return port

    # ------------------------------------------------------------ lifecycle

    def run(self):
        try:
            self._run()
        except Exception as e:  # never leave a pod half-done silently
            sys.stderr.write("fakekube: pod %s/%s: %s: %s\n" % (self.ns, self.name, type(e).__name__, e))
            traceback.print_exc()
            self._kill_all(0)
            self._final_phase(force_failed=True, reason="Error", message=str(e))
        finally:
            self.done.set()
            if meta(self.store.raw(PODS, self.ns, self.name) or {}).get("deletionTimestamp"):
                self.store.finish_pod_deletion(self.ns, self.name, self.uid)

    def _run(self):
        last_err = None
        while not self.stop.is_set():
            try:
                self.setup()
                break
            except ConfigError as e:
                if e.message != last_err:
                    last_err = e.message
                    self._config_error(e)
                self.stop.wait(0.2)
        if self.stop.is_set():
            self._final_phase(force_failed=True)
            return
        self.start_time = time.time()
        self.update(lambda p: set_condition(p["status"]["conditions"], "PodReadyToStartContainers", "True"))
        ads = self.spec.get("activeDeadlineSeconds")
        self.deadline = self.start_time + ads if ads else None
        rp = self.spec.get("restartPolicy", "Always")
        # init containers: regular ones run to completion, sidecars stay up
        self.sidecars = []
        for c in self.spec.get("initContainers") or []:
            if c.get("restartPolicy") == "Always":
                self.start(c)
                self.sidecars.append(c)
                self._set_cstate(c["name"], {"running": {"startedAt": kube.now_rfc3339()}},
                                 ready=not c.get("readinessProbe"), started=True)
                self.pod_event("Started", "Started container " + c["name"])
                continue
            while True:
                p = self.start(c)
                self._set_cstate(c["name"], {"running": {"startedAt": kube.now_rfc3339()}}, started=True)
                ok = self._wait(lambda: p.poll() is not None)
                if not ok:
                    self._kill_all(self.stop_grace or 0)
                    p.poll()
                    self._set_cstate(c["name"], self.finish(p), ready=False, started=False)
                    self._final_phase(force_failed=True, why=getattr(self, "why", None))
                    return
                term = self.finish(p)
                if p.rc == 0:
                    self._set_cstate(c["name"], term, ready=True, started=False)
                    break
                self._set_cstate(c["name"], term, ready=False, started=False)
                if rp == "Never":
                    self._kill_all(0)
                    self._final_phase(force_failed=True)
                    return
                self.restarts[c["name"]] = self.restarts.get(c["name"], 0) + 1
        self.update(lambda p: set_condition(p["status"]["conditions"], "Initialized", "True"))
        mains = list(self.spec.get("containers") or [])
        for c in mains:
            self.start(c)
            self._set_cstate(c["name"], {"running": {"startedAt": kube.now_rfc3339()}},
                             ready=not c.get("readinessProbe"), started=True)
            self.pod_event("Started", "Started container " + c["name"])
        self.update(self._running)
        self._monitor(mains, rp)

    def pod_event(self, reason, message, type_="Normal"):
        pod = self.store.raw(PODS, self.ns, self.name) or self.pod
        self.store.record_event(pod, reason, message, type_, "kubelet")

    def _config_error(self, e):
        if e.reason == "CreateContainerConfigError":
            for c in self.spec.get("containers") or []:
                self._set_cstate(c["name"], {"waiting": {"reason": e.reason, "message": e.message}})
            self.pod_event("Failed", "Error: " + e.message, "Warning")
        else:
            self.pod_event("FailedMount", e.event or e.message, "Warning")

    def _running(self, p):
        st = p["status"]
        st["phase"] = "Running"
        st["podIP"] = "127.0.0.1"
        st["podIPs"] = [{"ip": "127.0.0.1"}]
        self._conditions(p)

    def _sleep(self, until=None):
        """Wait until a process ends, a stop is asked or the time until
        (at most a second: a safety net, nothing needs it)."""
        t = 1.0 if until is None else min(1.0, max(0.0, until - time.time()))
        self.wake.wait(t)

    def _wait(self, cond):
        """Wait for cond() or a stop/deadline; False when stopped."""
        while True:
            self.wake.clear()
            if cond():
                return True
            if self.stop.is_set():
                self.why = None
                return False
            if self.deadline and time.time() >= self.deadline:
                self.why = "DeadlineExceeded"
                self.stop_grace = 0
                return False
            self._sleep(self.deadline)

    def _monitor(self, mains, rp):
        probes = {}
        now = time.time()
        for c in mains + self.sidecars:
            pr = c.get("readinessProbe")
            if pr:
                delay = min(float(pr.get("initialDelaySeconds", 0)), self.k.probe_cap)
                period = min(float(pr.get("periodSeconds", 10)), self.k.probe_cap)
                probes[c["name"]] = [now + delay, period, pr, None]
        finished = {}
        while True:
            self.wake.clear()
            for c in mains:
                n = c["name"]
                if n in finished:
                    continue
                p = self.procs[n]
                if p.poll() is None:
                    continue
                term = self.finish(p)
                if p.rc != 0 and rp in ("OnFailure", "Always") and not self.stop.is_set():
                    self.restarts[n] = self.restarts.get(n, 0) + 1
                    self.start(c)
                    self._set_cstate(n, {"running": {"startedAt": kube.now_rfc3339()}},
                                     ready=not c.get("readinessProbe"), started=True, last=term)
                    continue
                if rp == "Always" and not self.stop.is_set():
                    self.restarts[n] = self.restarts.get(n, 0) + 1
                    self.start(c)
                    self._set_cstate(n, {"running": {"startedAt": kube.now_rfc3339()}},
                                     ready=not c.get("readinessProbe"), started=True, last=term)
                    continue
                finished[n] = term
                self._set_cstate(n, term, ready=False, started=False)
            if len(finished) == len(mains):
                break
            for c in self.sidecars:
                p = self.procs[c["name"]]
                if p.poll() is not None and not self.stop.is_set():
                    term = self.finish(p)
                    self.restarts[c["name"]] = self.restarts.get(c["name"], 0) + 1
                    self.start(c)
                    self._set_cstate(c["name"], {"running": {"startedAt": kube.now_rfc3339()}},
                                     ready=not c.get("readinessProbe"), started=True, last=term)
            t = time.time()
            for n, pr in probes.items():
                if t >= pr[0] and n not in finished:
                    pr[0] = t + pr[1]
                    ok = self.probe(self._container(n), pr[2])
                    if ok != pr[3]:
                        pr[3] = ok
                        self._set_cstate(n, self._state_of(n), ready=ok)
            if self.stop.is_set() or (self.deadline and t >= self.deadline):
                if not self.stop.is_set():
                    self.why = "DeadlineExceeded"
                    self.stop_grace = 0
                    self.pod_event("DeadlineExceeded", "Pod was active on the node longer than the specified deadline", "Normal")
                self._kill(mains, self.stop_grace or 0, finished)
                break
            due = [pr[0] for n, pr in probes.items() if n not in finished]
            if self.deadline:
                due.append(self.deadline)
            self._sleep(min(due) if due else None)
        self._kill(self.sidecars[::-1], 0 if self.stop.is_set() else min(
            self.spec.get("terminationGracePeriodSeconds", 30), 2), {})
        self._final_phase(why=getattr(self, "why", None))

    def _state_of(self, cname):
        pod = self.store.raw(PODS, self.ns, self.name) or {}
        for key in ("containerStatuses", "initContainerStatuses"):
            for cs in (pod.get("status") or {}).get(key) or []:
                if cs.get("name") == cname:
                    return cs.get("state") or {}
        return {}

    def _kill(self, containers, grace, finished):
        procs = [self.procs[c["name"]] for c in containers
                 if c["name"] in self.procs and c["name"] not in finished]
        for p in procs:
            if p.poll() is None:
                self.pod_event("Killing", "Stopping container " + p.cname)
                p.signal(signal.SIGTERM)
        end = time.time() + grace
        self._wait_procs(procs, end)
        for p in procs:
            if p.poll() is None:
                p.signal(signal.SIGKILL)
                p.wait(5)
                p.poll()
            finished[p.cname] = self.finish(p)
            self._set_cstate(p.cname, finished[p.cname], ready=False, started=False)

    def _kill_all(self, grace):
        with self.lock:
            procs = list(self.procs.values())
        for p in procs:
            p.signal(signal.SIGTERM)
        end = time.time() + grace
        self._wait_procs(procs, end)
        for p in procs:
            if p.poll() is None:
                p.signal(signal.SIGKILL)

    def _wait_procs(self, procs, end):
        """Until every one of procs has ended, or the time end."""
        for p in procs:
            left = end - time.time()
            if left <= 0:
                break
            p.wait(left)

    def _final_phase(self, force_failed=False, why=None, reason=None, message=None):
        mains = [c["name"] for c in self.spec.get("containers") or []]

        def fn(p):
            st = p.setdefault("status", {})
            ok = not force_failed and not why
            for cs in st.get("containerStatuses") or []:
                if cs.get("name") in mains:
                    t = (cs.get("state") or {}).get("terminated")
                    if t is None:
                        cs["state"] = {"terminated": {"exitCode": 137, "reason": "ContainerStatusUnknown",
                                                      "message": "The container could not be located when the pod was terminated",
                                                      "startedAt": None, "finishedAt": kube.now_rfc3339()}}
                        ok = False
                    elif t.get("exitCode") != 0:
                        ok = False
                    cs["ready"] = False
                    cs["started"] = False
            for cs in st.get("initContainerStatuses") or []:
                t = (cs.get("state") or {}).get("terminated")
                if t is None and "waiting" in (cs.get("state") or {}):
                    cs["state"] = {"terminated": {"exitCode": 137, "reason": "ContainerStatusUnknown",
                                                  "startedAt": None, "finishedAt": kube.now_rfc3339()}}
                cs["ready"] = False
                cs["started"] = False
            st["phase"] = "Succeeded" if ok else "Failed"
            if why == "DeadlineExceeded":
                st["reason"] = "DeadlineExceeded"
                st["message"] = "Pod was active on the node longer than the specified deadline"
            elif reason:
                st["reason"] = reason
                st["message"] = message
            self._conditions(p)
        self.update(fn)


def rewrite(s, mapping):
    """Replace Kubernetes paths by host paths where they stand as a path of
    their own in s (one pass: a replacement is not looked at again)."""
    table = {v: h for v, h in mapping if v not in ("", "/")}
    if not table:
        return s
    alts = "|".join(re.escape(v) for v in sorted(table, key=len, reverse=True))
    rx = re.compile(r"(?<![\w.\-/])(" + alts + r")(?=$|[/\s\"'`;:|&<>)=,])")
    return rx.sub(lambda m: table[m.group(1)], s)


def tail_log(path, lines, limit):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return ""
    text = b"\n".join(data.rstrip(b"\n").split(b"\n")[-lines:])
    return text[-limit:].decode("utf-8", "replace")


def _write(path, data, mode=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(path, "wb") as f:
        f.write(data)
    if mode is not None:
        os.chmod(path, mode)
