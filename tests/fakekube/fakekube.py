#!/usr/bin/env python3
"""A fake Kubernetes API server for wfc's tests: the REST API (discovery,
CRUD, patch, server-side apply, watch) for the objects wfc uses, a Job
controller, a garbage collector, and a kubelet that runs containers as
local processes. Faults (5xx, 429, dropped watches, 410, delays, resets)
are switched on by flags or at run time through /fake/faults.

    python3 fakekube.py --port 0 --state-dir DIR [--tls-cert F --tls-key F
        [--client-ca F]] [--token T] [--image PATTERN=ARGV] [--fault JSON]
        [--sandbox PROGRAM]

The first line on stdout is the server's URL. SIGTERM or SIGINT stops it:
every pod's processes are killed, exit status 0. See README.md.

Standard library only.
"""

import argparse
import base64
import json
import os
import signal
import socket
import ssl
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import kube  # noqa: E402
from kube import ApiError, meta  # noqa: E402
from store import Store  # noqa: E402
from kubelet import Kubelet  # noqa: E402
import controllers  # noqa: E402

VERSION = {"major": "1", "minor": "31", "gitVersion": "v1.31.0-fakekube",
           "gitCommit": "0000000000000000000000000000000000000000", "gitTreeState": "clean",
           "buildDate": "2024-08-13T00:00:00Z", "goVersion": "go1.22.5", "compiler": "gc",
           "platform": "linux/amd64"}


def ordered(o):
    """apiVersion and kind first, as the real server writes objects."""
    if isinstance(o, dict) and "kind" in o:
        out = {}
        for k in ("kind", "apiVersion") if o.get("kind") in ("Status",) or "items" in o else ("apiVersion", "kind"):
            if k in o:
                out[k] = o[k]
        for k, v in o.items():
            if k not in out:
                out[k] = v
        return out
    return o


# ---------------------------------------------------------------- faults

class Faults:
    """Rules: {"type": "error"|"throttle"|"delay"|"reset"|"watch-drop"|"watch-gone",
    "count": N (absent: forever), "code": 503, "retryAfter": 1, "ms": 200,
    "after": K, "verb": "patch", "resource": "jobs", "subresource": "status",
    "namespace": NS, "name": NAME, "contentType": PREFIX of the request's
    Content-Type}. The first matching rule applies."""

    TYPES = ("error", "throttle", "delay", "reset", "watch-drop", "watch-gone")

    def __init__(self):
        self.lock = threading.Lock()
        self.rules = []
        self.injected = {}

    def add(self, rules):
        if isinstance(rules, dict):
            rules = rules.get("faults", [rules]) if "faults" in rules or "type" in rules else []
        for r in rules:
            if not isinstance(r, dict) or r.get("type") not in self.TYPES:
                raise ValueError("fault must be an object with type one of %s: %r"
                                 % (", ".join(self.TYPES), r))
        with self.lock:
            self.rules.extend(dict(r) for r in rules)

    def clear(self):
        with self.lock:
            self.rules = []

    def take(self, types, verb, res, sub, ns, name, ctype=None):
        with self.lock:
            for r in self.rules:
                if r["type"] not in types:
                    continue
                if r.get("verb") and r["verb"] != verb:
                    continue
                if r.get("resource") and (res is None or r["resource"] not in (res.plural, res.key)):
                    continue
                if "subresource" in r and r["subresource"] != sub:
                    continue
                if r.get("namespace") and r["namespace"] != ns:
                    continue
                if r.get("name") and r["name"] != name:
                    continue
                if r.get("contentType") and not (ctype or "").startswith(r["contentType"]):
                    continue
                if "count" in r:
                    r["count"] -= 1
                    if r["count"] <= 0:
                        self.rules.remove(r)
                self.injected[r["type"]] = self.injected.get(r["type"], 0) + 1
                return dict(r)
        return None

    def snapshot(self):
        with self.lock:
            return {"faults": [dict(r) for r in self.rules], "injected": dict(self.injected)}


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.requests = {}
            self.watch_events = {}
            self.pods_by_job = {}
            self.pod_starts = []
            self.container_starts = {}
            self.watches_open = 0
            self.watches_total = 0
            self.job_times = {}
            self.container_exits = []

    def job_event(self, ev):
        """Store callback: when each Job completed and was unsuspended.

        Times are time.monotonic() seconds. "completed" is when the event
        that a Job got its Complete (or Failed) condition entered the watch
        history; "unsuspended" is when the request that set spec.suspend to
        false arrived (the watch stream and the request parsing count)."""
        if ev.key != "jobs.batch" or ev.type != "MODIFIED" or ev.old is None:
            return
        def finished(o):
            return any(c.get("type") in ("Complete", "Failed") and c.get("status") == "True"
                       for c in (o.get("status") or {}).get("conditions") or [])
        def suspended(o):
            return bool((o.get("spec") or {}).get("suspend"))
        k = "%s/%s" % (ev.ns, ev.obj["metadata"]["name"])
        t = None
        if finished(ev.obj) and not finished(ev.old):
            t = ("completed", time.monotonic())
        elif suspended(ev.old) and not suspended(ev.obj):
            t = ("unsuspended", getattr(REQUEST, "t0", None) or time.monotonic())
        if t is not None:
            with self.lock:
                self.job_times.setdefault(k, {})[t[0]] = t[1]

    def event_sent(self, res, obj):
        """A Job's event was written on a watch: the first write of the
        event that it completed is stamped "sent" (when a watcher could
        first read it; "sent" less "completed" is the fake's own lag)."""
        if res.key != "jobs.batch":
            return
        m = obj.get("metadata") or {}
        k = "%s/%s" % (m.get("namespace"), m.get("name"))
        with self.lock:
            t = self.job_times.get(k)
            if t is None or "completed" not in t or "sent" in t:
                return
            t["sent"] = time.monotonic()

    def container_exited(self, ns, pod, container, rc, ru):
        with self.lock:
            self.container_exits.append({
                "namespace": ns, "pod": pod, "container": container, "exitCode": rc,
                "userSeconds": ru.ru_utime, "systemSeconds": ru.ru_stime,
                "maxRssKiB": ru.ru_maxrss})

    def request(self, verb, res, sub):
        k = "%s %s%s" % (verb, res.key if res else "-", "/" + sub if sub else "")
        with self.lock:
            self.requests[k] = self.requests.get(k, 0) + 1

    def watch_event(self, res, type_, obj):
        """An event sent on a watch, counted as "RESOURCE TYPE", and for a
        pod "pods TYPE PHASE"."""
        k = "%s %s" % (res.key, type_)
        if res.key == "pods" and type_ != "BOOKMARK":
            k += " " + ((obj.get("status") or {}).get("phase") or "-")
        with self.lock:
            self.watch_events[k] = self.watch_events.get(k, 0) + 1

    def pod_created(self, job, pod):
        jm, pm = meta(job), meta(pod)
        k = "%s/%s" % (jm["namespace"], jm["name"])
        with self.lock:
            self.pods_by_job[k] = self.pods_by_job.get(k, 0) + 1
            self.pod_starts.append({"namespace": jm["namespace"], "job": jm["name"],
                                    "pod": pm["name"], "labels": dict(pm.get("labels") or {}),
                                    "time": time.time()})

    def container_started(self, ns, pod, container, podobj):
        k = "%s/%s/%s" % (ns, pod, container)
        with self.lock:
            self.container_starts[k] = self.container_starts.get(k, 0) + 1

    def watch(self, delta):
        with self.lock:
            self.watches_open += delta
            if delta > 0:
                self.watches_total += 1

    def snapshot(self):
        with self.lock:
            return {"requests": dict(self.requests), "watchEvents": dict(self.watch_events),
                    "podsByJob": dict(self.pods_by_job),
                    "podStarts": list(self.pod_starts),
                    "containerStarts": dict(self.container_starts),
                    "jobTimes": {k: dict(v) for k, v in self.job_times.items()},
                    "containerExits": list(self.container_exits),
                    "watches": {"open": self.watches_open, "total": self.watches_total}}


# ---------------------------------------------------------------- server

class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, addr, app, ssl_ctx=None):
        self.app = app
        self.ssl_ctx = ssl_ctx
        super().__init__(addr, Handler)

    def get_request(self):
        sock, addr = self.socket.accept()
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass
        if self.ssl_ctx is not None:
            sock = self.ssl_ctx.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, addr


class App:
    def __init__(self, args):
        self.args = args
        self.stopping = threading.Event()
        self.tokens = set(args.token or [])
        self.client_ca = bool(args.client_ca)
        self.faults = Faults()
        for f in args.fault or []:
            self.faults.add(json.loads(f))
        self.stats = Stats()
        self.store = Store(history=args.history, namespaces=args.namespace or ["default"])
        self.store.on_change.append(self.stats.job_event)
        for ns in ("kube-system", "kube-public"):
            self.store.ensure_namespace(ns)
        self.bookmark_interval = args.bookmark_interval
        self.rbac = args.rbac
        self.url = None
        self.kubelet = None

    def start_controllers(self, url):
        a = self.args
        images = []
        for spec in a.image or []:
            pat, _, argv = spec.partition("=")
            argv = argv.strip()
            images.append((pat, json.loads(argv) if argv.startswith("[") else [argv]))
        labels = dict(kv.split("=", 1) for kv in a.node_label or [])
        ca = a.server_ca or a.tls_cert
        self.kubelet = Kubelet(self.store, a.state_dir, url, ca_file=ca,
                               token=(a.token or [None])[0], isolation=a.isolation,
                               sa_token=self.sa_token if a.rbac else None,
                               images=images, node_labels=labels, probe_cap=a.probe_period_max,
                               stats=self.stats, verbose=a.verbose, sandbox=a.sandbox)
        self.jobs = controllers.JobController(self.store, self.kubelet, self.stats, a.pod_backoff)
        self.cron = controllers.CronJobController(self.store)
        self.loop = controllers.ControllerLoop(self.store, [
            controllers.GarbageCollector(self.store, self.kubelet),
            controllers.NamespaceController(self.store, self.kubelet),
            controllers.VolumeController(self.store),
            self.jobs, self.cron, self.kubelet])
        self.loop.start()

    SA_TOKEN = "fakekube-serviceaccount:"

    def sa_token(self, ns, sa):
        return self.SA_TOKEN + base64.urlsafe_b64encode(("%s:%s" % (ns, sa)).encode()).decode()

    def sa_user(self, token):
        """The service account a pod's token stands for (only under --rbac)."""
        if not self.rbac or not token.startswith(self.SA_TOKEN):
            return None
        try:
            ns, sa = base64.urlsafe_b64decode(token[len(self.SA_TOKEN):].encode()).decode().split(":", 1)
        except (ValueError, UnicodeDecodeError):
            return None
        with self.store.lock:
            if self.store.raw(kube.resource("serviceaccounts"), ns, sa) is None:
                return None
        return "system:serviceaccount:%s:%s" % (ns, sa)

    def shutdown(self):
        self.stopping.set()
        with self.store.lock:
            self.store.cond.notify_all()
        if self.kubelet:
            self.kubelet.shutdown()
        self.loop.stop.set()


# the request a handler thread is answering: t0 is when it arrived
REQUEST = threading.local()

PUBLIC = ("/healthz", "/livez", "/readyz", "/version")


def rule_allows(rule, group, resource, verb, name):
    if not ({group, "*"} & set(rule.get("apiGroups") or [])):
        return False
    rs = set(rule.get("resources") or [])
    if resource not in rs and "*" not in rs and not ("/" in resource and "*/" + resource.split("/", 1)[1] in rs):
        return False
    if not ({verb, "*"} & set(rule.get("verbs") or [])):
        return False
    names = rule.get("resourceNames")
    if names and (name is None or name not in names):
        return False
    return True


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fakekube"
    sys_version = ""

    def setup(self):
        if isinstance(self.request, ssl.SSLSocket):
            self.request.settimeout(10)
            try:
                self.request.do_handshake()
            except (ssl.SSLError, OSError):
                self.request.close()
                raise ConnectionAbortedError("tls handshake failed")
            self.request.settimeout(None)
        super().setup()

    def handle(self):
        try:
            super().handle()
        except (ConnectionError, ssl.SSLError, OSError):
            pass

    def log_message(self, fmt, *a):
        if self.server.app.args.verbose:
            sys.stderr.write("fakekube: %s %s\n" % (self.address_string(), fmt % a))

    def do_GET(self):
        self.dispatch("GET")

    def do_POST(self):
        self.dispatch("POST")

    def do_PUT(self):
        self.dispatch("PUT")

    def do_PATCH(self):
        self.dispatch("PATCH")

    def do_DELETE(self):
        self.dispatch("DELETE")

    # ------------------------------------------------------------ plumbing

    @property
    def app(self):
        return self.server.app

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            out = b""
            while True:
                line = self.rfile.readline().strip()
                n = int(line.split(b";")[0], 16)
                if n == 0:
                    self.rfile.readline()
                    break
                out += self.rfile.read(n)
                self.rfile.readline()
            return out
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def send(self, code, body, ctype="application/json", headers=None):
        if isinstance(body, (dict, list)):
            body = json.dumps(ordered(body)).encode()
        elif isinstance(body, str):
            body = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache, private")
        for k, v in (headers or {}).items():
            self.send_header(k, str(v))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_error_status(self, e):
        self.send(e.code, e.status(), headers=e.headers)

    def start_chunked(self, ctype):
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Cache-Control", "no-cache, private")
        self.end_headers()
        self.wfile.flush()

    def chunk(self, data):
        if isinstance(data, str):
            data = data.encode()
        if not data:
            return
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def end_chunked(self):
        try:
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except OSError:
            pass

    def reset_connection(self):
        """Close the socket with a TCP RST (SO_LINGER 0)."""
        try:
            self.wfile.flush()
        except OSError:
            pass
        try:
            sock = self.request
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()
        except OSError:
            pass
        self.close_connection = True

    def authenticate(self):
        """The user: "admin" (an accepted --token or client certificate),
        "system:serviceaccount:NS:NAME" (a pod's token under --rbac),
        "anonymous" when no credential is required, None when refused."""
        app = self.app
        auth = self.headers.get("Authorization", "")
        if auth.startswith("Bearer "):
            tok = auth[7:].strip()
            if tok in app.tokens:
                return "admin"
            sa = app.sa_user(tok)
            if sa:
                return sa
            return None if app.tokens or app.client_ca or app.rbac else "anonymous"
        if auth:
            return None
        if app.client_ca and isinstance(self.request, ssl.SSLSocket):
            try:
                if self.request.getpeercert():
                    return "admin"
            except (ValueError, OSError):
                return None
        if not app.tokens and not app.client_ca:
            return "anonymous"
        return None

    def authorize(self, user, verb, res, ns, name, sub):
        """RBAC for service accounts (--rbac): Roles bound by RoleBindings in
        the request's namespace. Raises 403 as the real server words it."""
        if not user.startswith("system:serviceaccount:"):
            return
        store = self.app.store
        _, _, sa_ns, sa = user.split(":", 3)
        resource = res.plural + ("/" + sub if sub else "")
        if ns:
            with store.lock:
                for rb in store.iter(kube.resource("rolebindings.rbac.authorization.k8s.io"), ns):
                    if not any(s.get("kind") == "ServiceAccount" and s.get("name") == sa
                               and (s.get("namespace") or ns) == sa_ns for s in rb.get("subjects") or []):
                        continue
                    ref = rb.get("roleRef") or {}
                    if ref.get("kind") != "Role":
                        continue
                    role = store.raw(kube.resource("roles.rbac.authorization.k8s.io"), ns, ref.get("name"))
                    for rule in (role or {}).get("rules") or []:
                        if rule_allows(rule, res.group, resource, verb, name):
                            return
        what = '%s "%s"' % (res.key, name) if name else res.key
        where = 'in the namespace "%s"' % ns if ns else "at the cluster scope"
        msg = '%s is forbidden: User "%s" cannot %s resource "%s" in API group "%s" %s' % (
            what, user, verb, resource, res.group, where)
        details = {"name": name} if name else {}
        if res.group:
            details["group"] = res.group
        details["kind"] = res.plural
        raise ApiError(403, "Forbidden", msg, details)

    # ------------------------------------------------------------ dispatch

    def dispatch(self, method):
        REQUEST.t0 = time.monotonic()
        app = self.app
        u = urlsplit(self.path)
        path = u.path.rstrip("/") or "/"
        q = {k: v[-1] for k, v in parse_qs(u.query, keep_blank_values=True).items()}
        try:
            body = self.read_body()
        except (ValueError, OSError):
            self.close_connection = True
            return
        if path.startswith("/fake/") or path == "/fake":
            return self.admin(method, path, q, body)
        user = self.authenticate()
        if path not in PUBLIC and user is None:
            return self.send(401, kube.status_object(401, "Unauthorized", "Unauthorized"))
        try:
            route = self.route(method, path, q)
        except ApiError as e:
            app.stats.request(method.lower(), None, None)
            return self.send_error_status(e)
        if route is None:
            app.stats.request(method.lower(), None, None)
            return self.send(404, "404 page not found\n", "text/plain; charset=utf-8")
        if callable(route):
            return route()
        verb, res, ns, name, sub = route
        app.stats.request(verb, res, sub)
        try:
            self.authorize(user or "anonymous", verb, res, ns, name, sub)
        except ApiError as e:
            return self.send_error_status(e)
        ctype = self.headers.get("Content-Type")
        fault = app.faults.take(("delay",), verb, res, sub, ns, name, ctype)
        if fault:
            time.sleep(fault.get("ms", 100) / 1000.0)
        fault = app.faults.take(("error", "throttle", "reset"), verb, res, sub, ns, name, ctype)
        if fault:
            if fault["type"] == "reset":
                if fault.get("partial", True):
                    try:
                        self.send_response(200)
                        self.send_header("Content-Type", "application/json")
                        self.send_header("Content-Length", "1000")
                        self.end_headers()
                        self.wfile.write(b'{"kind":')
                    except OSError:
                        pass
                return self.reset_connection()
            if fault["type"] == "throttle":
                ra = fault.get("retryAfter", 1)
                e = ApiError(429, "TooManyRequests", "Too many requests, please try again later.",
                             {"causes": [{"reason": "UnexpectedServerResponse",
                                          "message": "Too many requests, please try again later."}],
                              "retryAfterSeconds": ra}, {"Retry-After": ra})
                return self.send_error_status(e)
            code = fault.get("code", 503)
            reasons = {403: "Forbidden", 500: "InternalError", 502: "InternalError",
                       503: "ServiceUnavailable", 504: "Timeout"}
            msg = fault.get("message") or {500: "Internal error occurred: fake fault",
                                           503: "the server is currently unable to handle the request",
                                           504: "the server was unable to return a response in the time allotted, but may still be processing the request"}.get(code, "fake fault")
            return self.send(code, kube.status_object(code, reasons.get(code, "InternalError"), msg, {}))
        try:
            if app.args.dump_requests:
                sys.stderr.write("fakekube: %s %s %s\n" % (method, self.path, body[:200]))
            self.api(method, verb, res, ns, name, sub, q, body)
        except ApiError as e:
            self.send_error_status(e)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def route(self, method, path, q):
        """(verb, resource, namespace, name, subresource), a callable, or None."""
        if path in ("/healthz", "/livez", "/readyz") or path.startswith(("/healthz/", "/livez/", "/readyz/")):
            return lambda: self.send(200, "ok", "text/plain; charset=utf-8")
        if path == "/version":
            return lambda: self.send(200, VERSION)
        parts = path.strip("/").split("/")
        if parts[0] == "api":
            if len(parts) == 1:
                return lambda: self.send(200, {"kind": "APIVersions", "versions": ["v1"],
                                               "serverAddressByClientCIDRs": [
                                                   {"clientCIDR": "0.0.0.0/0",
                                                    "serverAddress": self.server_address()}]})
            gv, rest = parts[1], parts[2:]
            if gv != "v1":
                return None
        elif parts[0] == "apis":
            if len(parts) == 1:
                return lambda: self.send(200, self.group_list())
            if len(parts) == 2:
                g = self.group(parts[1])
                return (lambda: self.send(200, g)) if g else None
            gv, rest = parts[1] + "/" + parts[2], parts[3:]
            if gv not in kube.GROUP_VERSIONS:
                return None
        else:
            return None
        if not rest:
            return lambda: self.send(200, self.resource_list(gv))
        watch_path = False
        if rest[0] == "watch":
            watch_path = True
            rest = rest[1:]
        ns = None
        if len(rest) >= 3 and rest[0] == "namespaces" and rest[2] != "status":
            ns = rest[1]
            rest = rest[2:]
        res = kube.BY_GV_PLURAL.get((gv, rest[0])) if rest else None
        if res is None:
            raise kube.unknown_resource()
        if ns is not None and not res.namespaced:
            raise kube.unknown_resource()
        name = rest[1] if len(rest) > 1 else None
        sub = rest[2] if len(rest) > 2 else None
        if len(rest) > 3 or (sub and sub not in res.subresources):
            raise kube.unknown_resource()
        if res.namespaced and ns is None and name is not None:
            raise kube.unknown_resource()
        if method == "GET":
            if name is None:
                verb = "watch" if watch_path or q.get("watch") in ("true", "1") else "list"
            else:
                verb = "watch" if watch_path else "get"
        elif method == "POST":
            if name is not None or watch_path:
                raise kube.method_not_allowed()
            verb = "create"
        elif method == "PUT":
            verb = "update"
        elif method == "PATCH":
            verb = "patch"
        elif method == "DELETE":
            verb = "delete" if name is not None else "deletecollection"
        else:
            raise kube.method_not_allowed()
        if name is None and method in ("PUT", "PATCH"):
            raise kube.method_not_allowed()
        if sub == "log" and method != "GET":
            raise kube.method_not_allowed()
        if sub and method in ("POST", "DELETE"):
            raise kube.method_not_allowed()
        if watch_path and method != "GET":
            raise kube.method_not_allowed()
        return verb, res, ns if res.namespaced else "", name, sub

    def server_address(self):
        h, p = self.server.server_address[:2]
        return "%s:%d" % (h, p)

    # ------------------------------------------------------------ discovery

    def group_list(self):
        groups = []
        for gv in kube.GROUP_VERSIONS:
            if "/" not in gv:
                continue
            g, v = gv.split("/")
            groups.append({"name": g, "versions": [{"groupVersion": gv, "version": v}],
                           "preferredVersion": {"groupVersion": gv, "version": v}})
        return {"kind": "APIGroupList", "apiVersion": "v1", "groups": groups}

    def group(self, name):
        for g in self.group_list()["groups"]:
            if g["name"] == name:
                return dict(g, kind="APIGroup", apiVersion="v1")
        return None

    def resource_list(self, gv):
        out = []
        for r in kube.RESOURCES:
            if r.group_version != gv:
                continue
            e = {"name": r.plural, "singularName": r.singular, "namespaced": r.namespaced,
                 "kind": r.kind, "verbs": kube.VERBS if r.namespaced else
                 [v for v in kube.VERBS if v != "deletecollection"]}
            if r.short:
                e["shortNames"] = r.short
            if r.key == "jobs.batch" or r.key == "cronjobs.batch":
                e["categories"] = ["all"]
            out.append(e)
            for s in r.subresources:
                out.append({"name": r.plural + "/" + s, "singularName": "", "namespaced": r.namespaced,
                            "kind": r.kind, "verbs": ["get"] if s == "log" else ["get", "patch", "update"]})
        return {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": gv, "resources": out}

    # ------------------------------------------------------------ the API

    def manager(self, q):
        m = q.get("fieldManager")
        if m:
            return m
        ua = self.headers.get("User-Agent") or "unknown"
        return ua.split("/")[0] or "unknown"

    def parse_json(self, body, what="object"):
        if not body:
            raise kube.bad_request("the server rejected our request for an unknown reason")
        try:
            return json.loads(body)
        except ValueError as e:
            raise kube.bad_request("couldn't get version/kind; json parse error: %s" % e)

    def api(self, method, verb, res, ns, name, sub, q, body):
        store = self.app.store
        dry = q.get("dryRun") == "All"
        if q.get("dryRun") not in (None, "All"):
            raise kube.invalid("CreateOptions", "meta.k8s.io", "", [
                kube.FieldError("NotSupported", "dryRun", 'supported values: "All"', q.get("dryRun"))])
        if verb == "get" and sub == "log":
            return self.pod_log(ns, name, q)
        if verb == "get":
            obj = store.get(res, ns, name)
            return self.send(200, kube.partial_metadata(obj) if self.metadata_only(verb) else obj)
        if verb == "list":
            return self.list(res, ns, q)
        if verb == "watch":
            return self.watch(res, ns, name, q)
        mgr = self.manager(q)
        if len(mgr) > 128:
            raise kube.invalid("PatchOptions", "meta.k8s.io", "", [
                kube.FieldError("TooLong", "fieldManager", "must have at most 128 bytes")])
        if verb == "create":
            obj = self.parse_json(body)
            out = store.create(res, ns, obj, manager=mgr, dry_run=dry)
            return self.send(201, out)
        if verb == "update":
            obj = self.parse_json(body)
            return self.send(200, store.update(res, ns, name, obj, sub=sub, manager=mgr, dry_run=dry))
        if verb == "patch":
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            if ctype == "application/apply-patch+yaml":
                mgr = q.get("fieldManager")
            try:
                patch = json.loads(body) if body else None
            except ValueError as e:
                if ctype == "application/apply-patch+yaml":
                    raise kube.bad_request("error decoding YAML: the fake API server reads apply bodies written as JSON only (%s)" % e)
                raise kube.bad_request("error decoding patch: %s" % e)
            with store.lock:
                existed = store.raw(res, ns, name) is not None
                out = store.patch(res, ns, name, ctype, patch, sub=sub, manager=mgr,
                                  force=q.get("force") == "true", dry_run=dry)
            return self.send(200 if existed else 201, out)
        if verb == "delete":
            opts = {}
            if body:
                try:
                    opts = json.loads(body)
                except ValueError:
                    raise kube.bad_request("error decoding DeleteOptions")
            prop = q.get("propagationPolicy") or opts.get("propagationPolicy")
            if prop is None and (q.get("orphanDependents") or opts.get("orphanDependents")) is not None:
                od = q.get("orphanDependents", opts.get("orphanDependents"))
                prop = "Orphan" if od in (True, "true") else "Background"
            orphan_false = q.get("orphanDependents", opts.get("orphanDependents")) in (False, "false")
            grace = q.get("gracePeriodSeconds", opts.get("gracePeriodSeconds"))
            grace = int(grace) if grace is not None else None
            out, done = store.delete(res, ns, name, propagation=prop, grace=grace,
                                     preconditions=opts.get("preconditions"), dry_run=dry,
                                     kubelet=self.app.kubelet)
            if not done:
                # as the real server: 202 only when orphanDependents=false was asked
                return self.send(202 if orphan_false else 200, out)
            if res.key in ("pods", "services"):  # their registries return the deleted object
                return self.send(200, out)
            return self.send(200, {"kind": "Status", "apiVersion": "v1", "metadata": {},
                                   "status": "Success",
                                   "details": dict(kube._details(res, name), uid=meta(out).get("uid"))})
        if verb == "deletecollection":
            lsel = kube.parse_label_selector(q.get("labelSelector"))
            fsel = kube.parse_field_selector(q.get("fieldSelector"), res)
            items, rv = store.list(res, ns, lsel, fsel)
            out = []
            for it in items:
                try:
                    o, _ = store.delete(res, meta(it).get("namespace", ""), meta(it)["name"],
                                        propagation=q.get("propagationPolicy"),
                                        kubelet=self.app.kubelet, dry_run=dry)
                    out.append(o)
                except ApiError:
                    pass
            return self.send(200, self.list_body(res, out, store.rv))
        raise kube.method_not_allowed()

    PARTIAL_KINDS = {"get": "PartialObjectMetadata", "watch": "PartialObjectMetadata",
                     "list": "PartialObjectMetadataList"}

    def metadata_only(self, verb):
        """Whether the Accept header asks for the metadata-only form
        (application/json;as=PartialObjectMetadata[List];g=meta.k8s.io;v=v1),
        negotiated as the real server does: the first media range it can
        serve wins, and none is 406."""
        for rng in (self.headers.get("Accept") or "*/*").split(","):
            parts = [x.strip() for x in rng.split(";")]
            if parts[0].lower() not in ("application/json", "application/*", "*/*"):
                continue
            params = dict(x.split("=", 1) for x in parts[1:] if "=" in x)
            if "as" not in params:
                return False
            if (params["as"] == self.PARTIAL_KINDS.get(verb) and params.get("g") == "meta.k8s.io"
                    and params.get("v") == "v1"):
                return True
        raise kube.not_acceptable()

    def list_body(self, res, items, rv, cont=None, remaining=None):
        for it in items:
            it.pop("apiVersion", None)
            it.pop("kind", None)
        md = {"resourceVersion": str(rv)}
        if cont:
            md["continue"] = cont
            if remaining is not None:
                md["remainingItemCount"] = remaining
        return {"kind": res.kind + "List", "apiVersion": res.api_version, "metadata": md,
                "items": items}

    def list(self, res, ns, q):
        store = self.app.store
        lsel = kube.parse_label_selector(q.get("labelSelector"))
        fsel = kube.parse_field_selector(q.get("fieldSelector"), res)
        items, rv = store.list(res, ns or None, lsel, fsel)
        cont = q.get("continue")
        if cont:
            try:
                tok = json.loads(base64.urlsafe_b64decode(cont.encode()))
                start = tuple(tok["start"])
                rv = tok["rv"]
            except (ValueError, KeyError, TypeError):
                raise kube.bad_request("continue key is not valid: illegal base64 data")
            items = [i for i in items if (meta(i).get("namespace", ""), meta(i)["name"]) > start]
        limit = int(q.get("limit") or 0)
        token = remaining = None
        if limit and len(items) > limit:
            remaining = len(items) - limit
            items = items[:limit]
            last = items[-1]
            token = base64.urlsafe_b64encode(json.dumps(
                {"rv": rv, "start": [meta(last).get("namespace", ""), meta(last)["name"]]}).encode()).decode()
        body = self.list_body(res, items, rv, token, remaining)
        if self.metadata_only("list"):
            body.update(kind="PartialObjectMetadataList", apiVersion="meta.k8s.io/v1",
                        items=[kube.partial_metadata(i) for i in items])
        self.send(200, body)

    # ------------------------------------------------------------ watch

    def watch(self, res, ns, name, q):
        app = self.app
        store = app.store
        lsel = kube.parse_label_selector(q.get("labelSelector"))
        fsel = kube.parse_field_selector(q.get("fieldSelector"), res)
        if name:
            fsel = fsel + [("metadata.name", "=", name)]
        rv = q.get("resourceVersion") or ""
        try:
            rv_n = int(rv) if rv else 0
        except ValueError:
            raise kube.bad_request('invalid resource version: "%s"' % rv)
        bookmarks = q.get("allowWatchBookmarks") in ("true", "1")
        timeout = float(q.get("timeoutSeconds") or 1800)
        send_initial = q.get("sendInitialEvents") == "true"
        partial = self.metadata_only("watch")
        deadline = time.time() + timeout
        gone_fault = app.faults.take(("watch-gone",), "watch", res, None, ns, name)
        drop = app.faults.take(("watch-drop",), "watch", res, None, ns, name)
        self.close_connection = True
        self.start_chunked("application/json")
        app.stats.watch(1)
        sent = 0

        def match(o):
            if o is None:
                return False
            m = meta(o)
            if ns and m.get("namespace") != ns:
                return False
            return kube.labels_match(lsel, m.get("labels")) and kube.fields_match(fsel, o)

        def emit(type_, obj):
            app.stats.watch_event(res, type_, obj)
            if partial and type_ != "ERROR":
                obj = kube.partial_metadata(obj)
            self.chunk(json.dumps({"type": type_, "object": ordered(obj)},
                                  separators=(",", ":")) + "\n")
            if type_ == "MODIFIED":
                app.stats.event_sent(res, obj)

        def error(e):
            emit("ERROR", e.status())

        try:
            if gone_fault:
                error(kube.gone("too old resource version: %d (%d)" % (rv_n, store.rv)))
                return
            with store.lock:
                if not rv or rv == "0" or send_initial:
                    # stored objects are never changed in place: no copies
                    initial = store.select(res, ns or None, lsel, fsel)
                    last = store.rv
                    pending = []
                else:
                    initial = []
                    last = rv_n
                    try:
                        pending = store.events_after(rv_n)
                    except ApiError as e:
                        pending = None
                        err = e
            if pending is None:
                error(err)
                return
            for o in initial:
                emit("ADDED", o)
                sent += 1
                if drop and sent >= drop.get("after", 1):
                    return self._drop(drop)
            if send_initial and bookmarks:
                emit("BOOKMARK", {"kind": res.kind, "apiVersion": res.api_version,
                                  "metadata": {"resourceVersion": str(last),
                                               "annotations": {"k8s.io/initial-events-end": "true"}}})
            next_bookmark = time.time() + self.app.bookmark_interval
            while not app.stopping.is_set():
                for ev in pending:
                    last = ev.rv
                    if ev.key != res.key:
                        continue
                    t = None
                    now_m, old_m = match(ev.obj), match(ev.old)
                    if ev.type == "ADDED" and now_m:
                        t = "ADDED"
                    elif ev.type == "MODIFIED":
                        if now_m and old_m:
                            t = "MODIFIED"
                        elif now_m:
                            t = "ADDED"
                        elif old_m:
                            t = "DELETED"
                    elif ev.type == "DELETED" and (now_m or old_m):
                        t = "DELETED"
                    if t:
                        emit(t, ev.obj)
                        sent += 1
                        if drop and sent >= drop.get("after", 1):
                            return self._drop(drop)
                now = time.time()
                if now >= deadline:
                    return
                if bookmarks and now >= next_bookmark:
                    emit("BOOKMARK", {"kind": res.kind, "apiVersion": res.api_version,
                                      "metadata": {"resourceVersion": str(last)}})
                    next_bookmark = now + self.app.bookmark_interval
                with store.lock:
                    try:
                        pending = store.events_after(last)
                    except ApiError as e:
                        error(e)
                        return
                    if not pending:
                        wait = min(deadline - now, 0.5)
                        if bookmarks:
                            wait = min(wait, max(0.01, next_bookmark - now))
                        store.cond.wait(max(0.01, wait))
                        try:
                            pending = store.events_after(last)
                        except ApiError as e:
                            error(e)
                            return
        except (BrokenPipeError, ConnectionResetError, OSError):
            return
        finally:
            app.stats.watch(-1)
            if not getattr(self, "_dropped", False):
                self.end_chunked()

    def _drop(self, fault):
        self._dropped = True
        if fault.get("clean"):
            self.end_chunked()
        else:
            self.reset_connection()

    # ------------------------------------------------------------ logs

    def pod_log(self, ns, name, q):
        store = self.app.store
        kubelet = self.app.kubelet
        pod = store.get(kube.resource("pods"), ns, name)
        spec = pod.get("spec") or {}
        mains = [c.get("name") for c in spec.get("containers") or []]
        inits = [c.get("name") for c in spec.get("initContainers") or []]
        cname = q.get("container")
        if not cname:
            if len(mains) == 1:
                cname = mains[0]
            else:
                msg = "a container name must be specified for pod %s, choose one of: [%s]" % (name, " ".join(mains))
                if inits:
                    msg += " or one of the init containers: [%s]" % " ".join(inits)
                raise kube.bad_request(msg)
        if cname not in mains + inits:
            raise kube.bad_request("container %s is not valid for pod %s" % (cname, name))
        runner = kubelet.runner(meta(pod)["uid"]) if kubelet else None
        hist = list(runner.history.get(cname, [])) if runner else []
        previous = q.get("previous") == "true"
        if previous:
            if len(hist) < 2:
                raise kube.bad_request('previous terminated container "%s" in pod "%s" not found' % (cname, name))
            proc = hist[-2]
        elif not hist:
            state = "ContainerCreating"
            for key in ("containerStatuses", "initContainerStatuses"):
                for cs in (pod.get("status") or {}).get(key) or []:
                    if cs.get("name") == cname:
                        state = ((cs.get("state") or {}).get("waiting") or {}).get("reason", "ContainerCreating")
            raise kube.bad_request('container "%s" in pod "%s" is waiting to start: %s' % (cname, name, state))
        else:
            proc = hist[-1]
        tail = q.get("tailLines")
        limit = q.get("limitBytes")
        with open(proc.log, "rb") as f:
            data = f.read()
        if tail is not None:
            n = int(tail)
            lines = data.split(b"\n")
            if lines and lines[-1] == b"":
                lines = lines[:-1]
                data = b"\n".join(lines[-n:]) + b"\n" if n else b""
            else:
                data = b"\n".join(lines[-n:]) if n else b""
        if q.get("follow") != "true" or previous:
            if limit:
                data = data[:int(limit)]
            return self.send(200, data, "text/plain")
        self.close_connection = True
        self.start_chunked("text/plain")
        sent = 0
        limit = int(limit) if limit else None
        pos = None
        try:
            with open(proc.log, "rb") as f:
                f.seek(0, 2)
                pos = f.tell()
            chunk = data if limit is None else data[:limit]
            self.chunk(chunk)
            sent += len(chunk)
            with open(proc.log, "rb") as f:
                f.seek(pos)
                while not self.app.stopping.is_set():
                    more = f.read(65536)
                    if more:
                        if limit is not None:
                            more = more[:max(0, limit - sent)]
                        self.chunk(more)
                        sent += len(more)
                        if limit is not None and sent >= limit:
                            break
                        continue
                    if proc.poll() is not None:
                        more = f.read()
                        if more:
                            continue
                        break
                    if store.by_uid_obj(meta(pod)["uid"]) is None:
                        break
                    time.sleep(0.02)
        except OSError:
            return
        self.end_chunked()

    # ------------------------------------------------------------ admin

    def admin(self, method, path, q, body):
        app = self.app
        try:
            data = json.loads(body) if body else None
        except ValueError as e:
            return self.send(400, {"error": "body is not JSON: %s" % e})
        try:
            if path == "/fake/stats":
                return self.send(200, app.stats.snapshot())
            if path == "/fake/stats/reset" and method == "POST":
                app.stats.reset()
                return self.send(200, {})
            if path == "/fake/faults":
                if method == "GET":
                    return self.send(200, app.faults.snapshot())
                if method == "DELETE":
                    app.faults.clear()
                    return self.send(200, app.faults.snapshot())
                if method in ("POST", "PUT"):
                    if method == "PUT":
                        app.faults.clear()
                    app.faults.add(data if data is not None else [])
                    return self.send(200, app.faults.snapshot())
            if path == "/fake/compact" and method == "POST":
                app.store.compact()
                return self.send(200, {"compacted": app.store.compacted})
            if path == "/fake/objects" and method == "GET":
                with app.store.lock:
                    out = [o for o in app.store.objects.values()]
                    return self.send(200, {"resourceVersion": str(app.store.rv), "items": out})
            if path == "/fake/node-labels" and method == "POST":
                app.kubelet.node_labels.update(data or {})
                return self.send(200, app.kubelet.node_labels)
            if path == "/fake/images" and method == "POST":
                for pat, argv in (data or {}).items():
                    app.kubelet.images.insert(0, (pat, argv if isinstance(argv, list) else [argv]))
                return self.send(200, {"images": app.kubelet.images})
            if path == "/fake/info" and method == "GET":
                return self.send(200, {"isolation": app.kubelet.isolation, "url": app.url,
                                       "stateDir": app.args.state_dir})
            parts = path.strip("/").split("/")
            if len(parts) == 5 and parts[1] == "cronjobs" and parts[4] == "run" and method == "POST":
                job = app.cron.run(parts[2], parts[3])
                return self.send(201, job)
        except ApiError as e:
            return self.send_error_status(e)
        except (ValueError, TypeError) as e:
            return self.send(400, {"error": str(e)})
        return self.send(404, {"error": "no admin endpoint %s %s" % (method, path)})


# ---------------------------------------------------------------- main

def write_kubeconfig(path, url, ca, token):
    cluster = {"server": url}
    if ca:
        with open(ca, "rb") as f:
            cluster["certificate-authority-data"] = base64.b64encode(f.read()).decode()
    user = {"token": token} if token else {}
    cfg = {"apiVersion": "v1", "kind": "Config", "current-context": "fakekube",
           "clusters": [{"name": "fakekube", "cluster": cluster}],
           "users": [{"name": "fakekube", "user": user}],
           "contexts": [{"name": "fakekube", "context": {"cluster": "fakekube", "user": "fakekube",
                                                         "namespace": "default"}}],
           "preferences": {}}
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(cfg, f, indent=2)
    os.replace(tmp, path)


def parse_args(argv):
    p = argparse.ArgumentParser(prog="fakekube.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--port", type=int, default=0, help="port (0: a free one)")
    p.add_argument("--address", default="127.0.0.1")
    p.add_argument("--state-dir", required=True, help="pod directories, logs, PVC data")
    p.add_argument("--tls-cert")
    p.add_argument("--tls-key")
    p.add_argument("--client-ca", help="verify client certificates against this CA")
    p.add_argument("--server-ca", help="CA written to pods' ca.crt (default: --tls-cert)")
    p.add_argument("--token", action="append", help="accepted bearer token (repeatable)")
    p.add_argument("--rbac", action="store_true",
                   help="pods get their service account's own token, and requests with it are "
                        "authorized against the namespace's Roles and RoleBindings")
    p.add_argument("--namespace", action="append", help="namespace that exists at start (default: default)")
    p.add_argument("--image", action="append",
                   help="PATTERN=ARGV: the entrypoint of images matching PATTERN (fnmatch, with or without tag); "
                        "ARGV a JSON list or one program path")
    p.add_argument("--fault", action="append", help="a fault rule as JSON (see /fake/faults)")
    p.add_argument("--isolation", choices=("auto", "sandbox", "rewrite"), default="auto")
    p.add_argument("--sandbox", metavar="PROGRAM",
                   help="the container sandbox program (fakekube-sandbox, built beside wfc); "
                        "without it containers run with --isolation rewrite")
    p.add_argument("--history", type=int, default=10000, help="watch events kept (older: 410)")
    p.add_argument("--bookmark-interval", type=float, default=1.0, help="seconds between BOOKMARKs")
    p.add_argument("--pod-backoff", type=float, default=0.0,
                   help="seconds before a Job's first retry, doubling (Kubernetes: 10)")
    p.add_argument("--probe-period-max", type=float, default=1.0,
                   help="cap on probes' periodSeconds and initialDelaySeconds")
    p.add_argument("--node-label", action="append", help="K=V label of the fake node")
    p.add_argument("--write-kubeconfig", metavar="FILE",
                   help="write a kubeconfig (JSON, which is YAML) for this server once it listens")
    p.add_argument("--verbose", action="store_true")
    p.add_argument("--dump-requests", action="store_true")
    a = p.parse_args(argv)
    if bool(a.tls_cert) != bool(a.tls_key):
        p.error("--tls-cert and --tls-key go together")
    if a.client_ca and not a.tls_cert:
        p.error("--client-ca needs --tls-cert and --tls-key")
    if a.isolation == "sandbox" and not a.sandbox:
        p.error("--isolation sandbox needs --sandbox PROGRAM")
    return a


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    os.makedirs(args.state_dir, exist_ok=True)
    args.state_dir = os.path.abspath(args.state_dir)
    ctx = None
    if args.tls_cert:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.tls_cert, args.tls_key)
        if args.client_ca:
            ctx.load_verify_locations(args.client_ca)
            ctx.verify_mode = ssl.CERT_OPTIONAL
    app = App(args)
    server = Server((args.address, args.port), app, ctx)
    host, port = server.server_address[:2]
    app.url = "%s://%s:%d" % ("https" if ctx else "http", host, port)
    app.start_controllers(app.url)
    if args.write_kubeconfig:
        write_kubeconfig(args.write_kubeconfig, app.url, args.server_ca or args.tls_cert,
                         (args.token or [None])[0])
    stop = threading.Event()

    def on_signal(signum, frame):
        if not stop.is_set():
            stop.set()
            threading.Thread(target=server.shutdown, daemon=True).start()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    sys.stdout.write(app.url + "\n")
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        app.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
