"""The object store of the fake API server: what etcd plus the API server's
registry do for wfc's objects. One global resourceVersion counter, a bounded
event history for watches, validation and defaulting of the fields wfc
emits, finalizers, deletion with propagation policies, and server-side
apply's field ownership."""

import bisect
import json
import re
import threading
import time

import kube
from kube import ApiError, FieldError, deepcopy, meta

DNS1123_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
DNS1123_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
DNS1035_LABEL = re.compile(r"^[a-z]([-a-z0-9]*[a-z0-9])?$")
ENV_NAME = re.compile(r"^[-._a-zA-Z][-._a-zA-Z0-9]*$")

SUBDOMAIN_MSG = ("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                 "characters, '-' or '.', and must start and end with an alphanumeric character "
                 "(e.g. 'example.com', regex used for validation is "
                 "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")
LABEL_MSG = ("a lowercase RFC 1123 label must consist of lower case alphanumeric characters "
             "or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  "
             "or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")
DNS1035_MSG = ("a DNS-1035 label must consist of lower case alphanumeric characters or '-', "
               "start with an alphabetic character, and end with an alphanumeric character "
               "(e.g. 'my-name',  or 'abc-123', regex used for validation is "
               "'[a-z]([-a-z0-9]*[a-z0-9])?')")

PODS_KEY = "pods"

STATUS_DEFAULTS = {
    "pods": lambda: {"phase": "Pending", "qosClass": "BestEffort"},
    "services": lambda: {"loadBalancer": {}},
    "persistentvolumeclaims": lambda: {"phase": "Pending"},
    "namespaces": lambda: {"phase": "Active"},
    "jobs.batch": lambda: {},
    "cronjobs.batch": lambda: {},
}


class Event:
    __slots__ = ("rv", "key", "ns", "type", "obj", "old")

    def __init__(self, rv, key, ns, type_, obj, old):
        self.rv = rv
        self.key = key
        self.ns = ns
        self.type = type_
        self.obj = obj
        self.old = old


class Store:
    def __init__(self, history=1000, namespaces=("default",), node_name="fake-node",
                 default_service_account=True):
        self.lock = threading.RLock()
        self.cond = threading.Condition(self.lock)
        self.objects = {}          # (reskey, ns, name) -> obj
        self.by_uid = {}           # uid -> (reskey, ns, name)
        self.by_res = {}           # reskey -> {(ns, name): obj}
        self.deps = {}             # owner uid -> {(reskey, ns, name)}
        self.seq = {}              # (reskey, ns, name) -> n: the order objects were created in
        self.nseq = 0
        self.by_label = {}         # (reskey, label, value) -> {(ns, name)}
        self.deleting = set()      # keys of objects with a deletionTimestamp
        self.owners = {}           # (reskey, ns, name) -> {path: set(managers)}, or
                                   # (manager, obj) until first needed (see _owned)
        self.rv = 0
        self.history = []          # [Event], rv ascending
        self.history_rvs = []
        self.history_max = max(1, history)
        self.compacted = 0         # events with rv <= compacted are gone
        self.node_name = node_name
        self.default_sa = default_service_account
        self.cluster_ip = 0
        self.on_change = []        # callbacks f(Event), called with the lock held
        for ns in namespaces:
            self.ensure_namespace(ns)

    # ------------------------------------------------------------ basics

    def next_rv(self):
        self.rv += 1
        return self.rv

    def _commit(self, res, ns, name, obj, type_, old=None):
        """Store obj (or remove it when type_ is DELETED) under a new rv.

        Committed objects are never changed in place: the store, the watch
        history and the controllers share them, and every change stores a
        new object (obj must not be the stored one; old may be)."""
        k = (res.key, ns, name)
        rv = self.next_rv()
        # a metadata that did not change is the previous version's own
        # (share()): the new rv goes into a copy, or the watch history's
        # earlier events would show it and a watch resumed from them skip
        obj["metadata"] = dict(meta(obj))
        meta(obj)["resourceVersion"] = str(rv)
        prev = self.objects.get(k)
        if prev is not None:
            pm = meta(prev)
            for r in pm.get("ownerReferences") or []:
                d = self.deps.get(r.get("uid"))
                if d is not None:
                    d.discard(k)
                    if not d:
                        del self.deps[r.get("uid")]
            for lk, lv in (pm.get("labels") or {}).items():
                ix = self.by_label.get((res.key, lk, lv))
                if ix is not None:
                    ix.discard((ns, name))
                    if not ix:
                        del self.by_label[(res.key, lk, lv)]
        m = meta(obj)
        if type_ == "DELETED":
            self.objects.pop(k, None)
            self.by_res.get(res.key, {}).pop((ns, name), None)
            self.by_uid.pop(m.get("uid"), None)
            self.owners.pop(k, None)
            self.seq.pop(k, None)
            self.deleting.discard(k)
        else:
            if prev is None:
                self.nseq += 1
                self.seq[k] = self.nseq
            self.objects[k] = obj
            self.by_res.setdefault(res.key, {})[(ns, name)] = obj
            self.by_uid[m["uid"]] = k
            for r in m.get("ownerReferences") or []:
                self.deps.setdefault(r.get("uid"), set()).add(k)
            labels = m.get("labels")
            if isinstance(labels, dict):
                for lk, lv in labels.items():
                    if isinstance(lv, str):
                        self.by_label.setdefault((res.key, lk, lv), set()).add((ns, name))
            if m.get("deletionTimestamp"):
                self.deleting.add(k)
            else:
                self.deleting.discard(k)
        ev = Event(rv, res.key, ns, type_, obj, old)
        self.history.append(ev)
        self.history_rvs.append(rv)
        for cb in self.on_change:
            cb(ev)
        if len(self.history) > self.history_max:
            drop = len(self.history) - self.history_max
            self.compacted = self.history[drop - 1].rv
            del self.history[:drop]
            del self.history_rvs[:drop]
        self.cond.notify_all()
        return obj

    def compact(self):
        """Forget all history (the next watch from an old rv gets 410)."""
        with self.lock:
            self.compacted = self.rv
            self.history = []
            self.history_rvs = []

    def events_after(self, rv):
        """Events with resourceVersion > rv; raises 410 when compacted."""
        if rv < self.compacted:
            raise kube.gone("too old resource version: %d (%d)" % (rv, self.compacted + 1))
        i = bisect.bisect_right(self.history_rvs, rv)
        return self.history[i:]

    def raw(self, res, ns, name):
        return self.objects.get((res.key, ns, name))

    def by_uid_obj(self, uid):
        k = self.by_uid.get(uid)
        return self.objects.get(k) if k else None

    def iter(self, res, ns=None):
        for (ons, _), o in list(self.by_res.get(res.key, {}).items()):
            if ns is None or ons == ns:
                yield o

    def select(self, res, ns, label_reqs=(), field_reqs=()):
        """The stored objects of res (in namespace ns, or all when None) that
        the selectors match, sorted by namespace and name. Equality and `in`
        label requirements and metadata.name/namespace fields are looked up
        in indexes rather than by scanning every object."""
        objs = self.by_res.get(res.key, {})
        cands = None
        for f, op, v in field_reqs:
            if op == "=" and f == "metadata.name" and ns is not None:
                c = {(ns, v)} if (ns, v) in objs else set()
                cands = c if cands is None else cands & c
        for key, op, values in label_reqs:
            if op == "=":
                c = self.by_label.get((res.key, key, values[0]), set())
            elif op == "in":
                c = set()
                for v in values:
                    c |= self.by_label.get((res.key, key, v), set())
            else:
                continue
            cands = c if cands is None or len(c) < len(cands) else cands
        if cands is None:
            found = [o for (ons, _), o in objs.items() if ns is None or ons == ns]
        else:
            found = [objs[kk] for kk in cands if kk in objs and (ns is None or kk[0] == ns)]
        out = [o for o in found if kube.labels_match(label_reqs, meta(o).get("labels"))
               and kube.fields_match(field_reqs, o)]
        out.sort(key=lambda o: (meta(o).get("namespace", ""), meta(o)["name"]))
        return out

    def controlled_pods(self, uid):
        """The pods whose controller ownerReference (kind Job) names uid, in
        the order they were created."""
        out = []
        for k in self.deps.get(uid, ()):
            if k[0] != "pods":
                continue
            p = self.objects.get(k)
            if p is None:
                continue
            for r in meta(p).get("ownerReferences") or []:
                if r.get("controller") and r.get("kind") == "Job" and r.get("uid") == uid:
                    out.append(p)
                    break
        out.sort(key=lambda p: self.seq.get((PODS_KEY, meta(p).get("namespace"), meta(p).get("name")), 0))
        return out

    # ------------------------------------------------------------ namespaces

    def ensure_namespace(self, ns):
        with self.lock:
            r = kube.resource("namespaces")
            if self.raw(r, "", ns) is None:
                self.create(r, "", {"apiVersion": "v1", "kind": "Namespace",
                                    "metadata": {"name": ns}}, manager="fakekube")

    def _check_namespace(self, res, ns):
        if not res.namespaced:
            return
        nso = self.raw(kube.resource("namespaces"), "", ns)
        if nso is None:
            raise ApiError(404, "NotFound", 'namespaces "%s" not found' % ns,
                           {"name": ns, "kind": "namespaces"})
        if meta(nso).get("deletionTimestamp"):
            raise ApiError(403, "Forbidden",
                           "%s \"%s\" is forbidden: unable to create new content in namespace %s because it is being terminated"
                           % (res.key, "", ns),
                           {"kind": res.plural, "causes": [{"reason": "NamespaceTerminating",
                                                             "message": "namespace %s is being terminated" % ns,
                                                             "field": "metadata.namespace"}]})

    # ------------------------------------------------------------ read

    def get(self, res, ns, name):
        with self.lock:
            o = self.raw(res, ns, name)
            if o is None:
                raise kube.not_found(res, name)
            return deepcopy(o)

    def list(self, res, ns, label_reqs=(), field_reqs=()):
        """(items, rv): the items are shallow copies (their top level may be
        changed; what is below belongs to the store and must not be)."""
        with self.lock:
            return [dict(o) for o in self.select(res, ns, label_reqs, field_reqs)], self.rv

    # ------------------------------------------------------------ create

    def create(self, res, ns, obj, manager="unknown", dry_run=False, generate=True):
        with self.lock:
            if not isinstance(obj, dict):
                raise kube.bad_request("Object 'Kind' is missing in '%s'" % json.dumps(obj)[:100])
            self._check_type(res, obj)
            m = meta(obj)
            if res.namespaced:
                if m.get("namespace") and m["namespace"] != ns:
                    raise kube.bad_request("the namespace of the provided object does not match the namespace sent on the request")
                m["namespace"] = ns
            else:
                m.pop("namespace", None)
                ns = ""
            if not m.get("name") and m.get("generateName") and generate:
                for _ in range(8):
                    cand = m["generateName"] + kube.random_suffix()
                    if self.raw(res, ns, cand) is None:
                        break
                m["name"] = cand
            self._validate(res, obj, None)
            self._check_namespace(res, ns)
            name = m["name"]
            if self.raw(res, ns, name) is not None:
                raise kube.already_exists(res, name)
            obj["apiVersion"] = res.api_version
            obj["kind"] = res.kind
            for f in ("uid", "resourceVersion", "creationTimestamp", "deletionTimestamp",
                      "deletionGracePeriodSeconds", "managedFields", "selfLink"):
                m.pop(f, None)
            m["uid"] = kube.new_uid()
            m["creationTimestamp"] = kube.now_rfc3339()
            if res.generation:
                m["generation"] = 1
            if res.has_status:
                obj["status"] = STATUS_DEFAULTS.get(res.key, dict)()
            self._default(res, obj, None)
            if res.key == "pods":
                sa = (obj.get("spec") or {}).get("serviceAccountName") or "default"
                if self.raw(kube.resource("serviceaccounts"), ns, sa) is None:
                    raise ApiError(403, "Forbidden",
                                   'pods "%s" is forbidden: error looking up service account %s/%s: serviceaccount "%s" not found'
                                   % (name, ns, sa, sa), {"name": name, "kind": "pods"})
            if dry_run:
                return deepcopy(obj)
            # who set which field is worked out when first needed: most
            # objects (events, pods) are never updated by a client
            self.owners[(res.key, ns, name)] = (manager, obj)
            self._commit(res, ns, name, obj, "ADDED")
            if res.key == "namespaces" and self.default_sa:
                sa = kube.resource("serviceaccounts")
                if self.raw(sa, name, "default") is None:
                    self.create(sa, name, {"metadata": {"name": "default"}}, manager="fakekube")
            return deepcopy(obj)

    def _check_type(self, res, obj):
        av, kind = obj.get("apiVersion"), obj.get("kind")
        if av and av != res.api_version:
            raise kube.bad_request("the API version in the data (%s) does not match the expected API version (%s)"
                                   % (av, res.api_version))
        if kind and kind != res.kind:
            raise kube.bad_request("the kind in the data (%s) does not match the expected kind (%s)"
                                   % (kind, res.kind))

    # ------------------------------------------------------------ update

    def update(self, res, ns, name, obj, sub=None, manager="unknown", dry_run=False):
        with self.lock:
            if not isinstance(obj, dict):
                raise kube.bad_request("Object 'Kind' is missing")
            self._check_type(res, obj)
            cur = self.raw(res, ns, name)
            m = meta(obj)
            if m.get("name") and m["name"] != name:
                raise kube.bad_request("the name of the object (%s) does not match the name on the URL (%s)"
                                       % (m["name"], name))
            if cur is None:
                raise kube.not_found(res, name)
            want_rv = m.get("resourceVersion")
            if want_rv and want_rv != meta(cur)["resourceVersion"]:
                raise kube.conflict(res, name)
            if m.get("uid") and m["uid"] != meta(cur)["uid"]:
                raise kube.conflict(res, name, "Precondition failed: UID in precondition: %s, UID in object meta: %s"
                                    % (meta(cur)["uid"], m["uid"]))
            return self._replace(res, ns, name, cur, obj, sub, manager, dry_run)

    def _replace(self, res, ns, name, cur, new, sub, manager, dry_run=False, applied=None,
                 force=False):
        """Turn new (a whole object as the client wants it) into the stored
        object: keep what the server owns, validate, commit."""
        new = deepcopy(new)
        cm, nm = meta(cur), meta(new)
        if sub == "status":
            out = deepcopy(cur)
            out["status"] = new.get("status", {})
            new = out
            nm = meta(new)
        else:
            if res.has_status:
                new["status"] = deepcopy(cur.get("status", {}))
            for f in ("uid", "creationTimestamp", "deletionTimestamp",
                      "deletionGracePeriodSeconds", "generation", "generateName"):
                if f in cm:
                    nm[f] = cm[f]
                else:
                    nm.pop(f, None)
            if res.namespaced:
                nm["namespace"] = ns
            nm["name"] = name
            new["apiVersion"] = res.api_version
            new["kind"] = res.kind
            self._default(res, new, cur)
            self._validate(res, new, cur)
            if res.generation and new.get("spec") != cur.get("spec"):
                nm["generation"] = cm.get("generation", 1) + 1
        nm.pop("managedFields", None)
        nm["resourceVersion"] = cm["resourceVersion"]
        if new == cur:
            return deepcopy(cur)  # a no-op write keeps the resourceVersion
        if dry_run:
            return new
        self._own(res, ns, name, cur, new, manager, applied=applied)
        old = cur
        if nm.get("deletionTimestamp") and not nm.get("finalizers") and res.key != "namespaces":
            self._commit(res, ns, name, new, "DELETED", old)
            return deepcopy(new)
        self._commit(res, ns, name, new, "MODIFIED", old)
        return deepcopy(new)

    def mutate(self, res, ns, name, fn, sub=None, uid=None, only=None):
        """For controllers: fn(copy) edits the object; committed if changed.
        Returns the new object, or None if it is gone. only: the top-level
        keys fn may change (say "status"); the others are the committed
        object's own, for fn to read, and are not copied."""
        with self.lock:
            cur = self.raw(res, ns, name)
            if cur is None or (uid and meta(cur).get("uid") != uid):
                return None
            if only is None:
                new = deepcopy(cur)
            else:
                new = {k: deepcopy(v) if k in only else v for k, v in cur.items()}
            if fn(new) is False:
                return cur
            if share(new, cur):
                return cur
            old = cur
            nm = meta(new)
            if nm.get("deletionTimestamp") and not nm.get("finalizers") and res.key != "namespaces":
                self._commit(res, ns, name, new, "DELETED", old)
                return None
            self._commit(res, ns, name, new, "MODIFIED", old)
            return new

    # ------------------------------------------------------------ patch

    def patch(self, res, ns, name, ctype, body, sub=None, manager=None, force=False,
              dry_run=False):
        with self.lock:
            cur = self.raw(res, ns, name)
            if ctype == "application/apply-patch+yaml":
                if not manager:
                    raise ApiError(422, "Invalid",
                                   'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
                                   {"group": "meta.k8s.io", "kind": "PatchOptions",
                                    "causes": [{"reason": "FieldValueRequired",
                                                "message": "Required value: is required for apply patch",
                                                "field": "fieldManager"}]})
                return self._apply(res, ns, name, cur, body, sub, manager, force, dry_run)
            if cur is None:
                raise kube.not_found(res, name)
            if ctype == "application/merge-patch+json":
                if not isinstance(body, dict):
                    raise kube.bad_request("json: cannot unmarshal into Go value of type map[string]interface {}")
                new = kube.merge_patch(cur, body)
            elif ctype == "application/strategic-merge-patch+json":
                if not isinstance(body, dict):
                    raise kube.bad_request("json: cannot unmarshal into Go value of type map[string]interface {}")
                new = kube.strategic_merge_patch(cur, body)
            elif ctype == "application/json-patch+json":
                new = kube.json_patch(cur, body)
            else:
                raise ApiError(415, "UnsupportedMediaType",
                               "the body of the request was in an unknown format - accepted media types include: "
                               "application/json-patch+json, application/merge-patch+json, "
                               "application/apply-patch+yaml, application/strategic-merge-patch+json", {})
            want_rv = meta(new).get("resourceVersion")
            if want_rv and want_rv != meta(cur)["resourceVersion"]:
                raise kube.conflict(res, name)
            if meta(new).get("uid") and meta(new)["uid"] != meta(cur)["uid"]:
                raise kube.conflict(res, name, "Precondition failed: UID in precondition: %s, UID in object meta: %s"
                                    % (meta(cur)["uid"], meta(new)["uid"]))
            self._check_type(res, new)
            return self._replace(res, ns, name, cur, new, sub, manager or "unknown", dry_run)

    def _apply(self, res, ns, name, cur, body, sub, manager, force, dry_run):
        if not isinstance(body, dict):
            raise kube.bad_request("error decoding YAML: the fake API server reads apply bodies written as JSON only")
        if not body.get("apiVersion") or not body.get("kind"):
            raise kube.bad_request("Object 'Kind' is missing in '%s'" % json.dumps(body)[:200])
        self._check_type(res, body)
        bm = meta(body)
        if bm.get("name") and bm["name"] != name:
            raise kube.bad_request("the name of the object (%s) does not match the name on the URL (%s)"
                                   % (bm["name"], name))
        if cur is None:
            if sub == "status":
                raise kube.not_found(res, name)
            body = deepcopy(body)
            meta(body)["name"] = name
            applied = self._applied_leaves(body, sub)
            out = self.create(res, ns, body, manager=manager, dry_run=dry_run, generate=False)
            if not dry_run:
                own = self._owned((res.key, ns, name))
                if own is not None:
                    for p in list(own):
                        if p not in applied:
                            own[p].discard(manager)
                            if not own[p]:
                                del own[p]
                    for p in applied:
                        own.setdefault(p, set()).add(manager)
            return out
        want_rv = bm.get("resourceVersion")
        if want_rv and want_rv != meta(cur)["resourceVersion"]:
            raise kube.conflict(res, name)
        applied = self._applied_leaves(body, sub)
        own = self._owned((res.key, ns, name))
        conflicts = []
        for path, val in applied.items():
            have = kube.get_path(cur, path)
            owners = own.get(path, set()) - {manager}
            if have is not None and have != val and owners and not force:
                conflicts.append((sorted(owners)[0], path))
        if conflicts:
            lines = ['conflict with "%s": %s' % (mgr, kube.path_text(p)) for mgr, p in conflicts]
            if len(lines) == 1:
                msg = "Apply failed with 1 conflict: " + lines[0]
            else:
                msg = "Apply failed with %d conflicts: %s" % (len(lines), "\n".join(lines))
            raise ApiError(409, "Conflict", msg, {
                "causes": [{"reason": "FieldManagerConflict",
                            "message": 'conflict with "%s"' % mgr,
                            "field": kube.path_text(p)} for mgr, p in conflicts]})
        # a copy: what is removed below must not go from the stored object
        new = deepcopy(kube.apply_merge(cur, body))
        # fields this manager applied before and no longer applies: removed
        # when nobody else owns them
        for path, mgrs in list(own.items()):
            if manager in mgrs and path not in applied and not any(
                    path[:len(a)] == a or a[:len(path)] == path for a in applied):
                if mgrs == {manager}:
                    kube.remove_path(new, path)
        return self._replace(res, ns, name, cur, new, sub, manager, dry_run,
                             applied=applied, force=True)

    def _applied_leaves(self, body, sub):
        lv = kube.leaves(body)
        if sub == "status":
            return {p: v for p, v in lv.items() if p[:1] == ("status",)}
        return {p: v for p, v in lv.items() if p[:1] != ("status",)}

    def _owned(self, k):
        """The {path: set(managers)} of object k: every leaf of the object as
        created belongs to its creator."""
        own = self.owners.get(k)
        if own is None:
            own = self.owners[k] = {}
        elif type(own) is tuple:
            manager, obj = own
            own = self.owners[k] = {p: {manager} for p in kube.leaves(obj)}
        return own

    def _own(self, res, ns, name, cur, new, manager, applied=None):
        """Record which manager set which leaf (for server-side apply)."""
        own = self._owned((res.key, ns, name))
        if applied is not None:
            for p in list(own):
                if manager in own[p] and p not in applied:
                    own[p].discard(manager)
                    if not own[p]:
                        del own[p]
            for p, v in applied.items():
                if kube.get_path(cur, p) != v:
                    own[p] = {manager}
                else:
                    own.setdefault(p, set()).add(manager)
            return
        before = kube.leaves(cur) if cur is not None else {}
        after = kube.leaves(new)
        for p, v in after.items():
            if p[:1] == ("status",) and cur is not None and manager == "unknown":
                continue
            if before.get(p, object()) != v:
                own[p] = {manager}
        for p in list(own):
            if p not in after:
                del own[p]

    # ------------------------------------------------------------ delete

    def delete(self, res, ns, name, propagation=None, grace=None, preconditions=None,
               dry_run=False, kubelet=None):
        """Returns (object, finished): finished False when the object stays
        (finalizers, graceful pod termination)."""
        with self.lock:
            cur = self.raw(res, ns, name)
            if cur is None:
                raise kube.not_found(res, name)
            cm = meta(cur)
            pre = preconditions or {}
            if pre.get("uid") and pre["uid"] != cm["uid"]:
                raise kube.conflict(res, name, "Precondition failed: UID in precondition: %s, UID in object meta: %s"
                                    % (pre["uid"], cm["uid"]))
            if pre.get("resourceVersion") and pre["resourceVersion"] != cm["resourceVersion"]:
                raise kube.conflict(res, name, "Precondition failed: ResourceVersion in precondition: %s, ResourceVersion in object meta: %s"
                                    % (pre["resourceVersion"], cm["resourceVersion"]))
            if propagation not in (None, "Background", "Foreground", "Orphan"):
                raise kube.invalid("DeleteOptions", "meta.k8s.io", "", [
                    FieldError("NotSupported", "propagationPolicy", '"Foreground", "Background", "Orphan", nil',
                               propagation)])
            if propagation is None:
                # batch/v1 Jobs and CronJobs orphan their dependents by default
                propagation = "Orphan" if res.key in ("jobs.batch", "cronjobs.batch") else "Background"
            if dry_run:
                return deepcopy(cur), True
            new = deepcopy(cur)
            if res.key == "namespaces":
                if name in ("default", "kube-system", "kube-public"):
                    raise ApiError(403, "Forbidden", 'namespaces "%s" is forbidden: this namespace may not be deleted' % name,
                                   {"name": name, "kind": "namespaces"})
                if not meta(new).get("deletionTimestamp"):
                    meta(new)["deletionTimestamp"] = kube.now_rfc3339()
                    new.setdefault("status", {})["phase"] = "Terminating"
                    self._commit(res, ns, name, new, "MODIFIED", cur)
                return deepcopy(new), False
            nm = meta(new)
            fins = list(nm.get("finalizers") or [])
            if propagation == "Foreground" and "foregroundDeletion" not in fins:
                fins.append("foregroundDeletion")
            if propagation == "Orphan" and "orphan" not in fins:
                fins.append("orphan")
            graceful = False
            if res.key == "pods" and kubelet is not None:
                g = grace
                if g is None:
                    g = (new.get("spec") or {}).get("terminationGracePeriodSeconds", 30)
                if g and kubelet.running(cm["uid"]):
                    graceful = True
                    nm["deletionGracePeriodSeconds"] = int(g)
            if nm.get("deletionTimestamp"):
                # already being deleted: only a shorter grace period matters
                if graceful and kubelet is not None:
                    kubelet.terminate(cm["uid"], nm.get("deletionGracePeriodSeconds", 0))
                if fins != list(cm.get("finalizers") or []):
                    nm["finalizers"] = fins
                    self._commit(res, ns, name, new, "MODIFIED", cur)
                return deepcopy(self.raw(res, ns, name) or new), False
            if fins or graceful:
                nm["deletionTimestamp"] = kube.now_rfc3339()
                if fins:
                    nm["finalizers"] = fins
                if res.generation:
                    nm["generation"] = cm.get("generation", 1) + 1
                self._commit(res, ns, name, new, "MODIFIED", cur)
                if graceful:
                    kubelet.terminate(cm["uid"], nm["deletionGracePeriodSeconds"])
                elif res.key == "pods" and kubelet is not None:
                    kubelet.terminate(cm["uid"], 0)
                return deepcopy(new), False
            if res.key == "pods" and kubelet is not None:
                kubelet.terminate(cm["uid"], 0)
            self._commit(res, ns, name, new, "DELETED", cur)
            return deepcopy(new), True

    def finish_pod_deletion(self, ns, name, uid):
        """The kubelet has stopped the pod's processes: remove it when no
        finalizer holds it."""
        res = kube.resource("pods")
        with self.lock:
            cur = self.raw(res, ns, name)
            if cur is None or meta(cur).get("uid") != uid or not meta(cur).get("deletionTimestamp"):
                return
            if meta(cur).get("finalizers"):
                return
            self._commit(res, ns, name, deepcopy(cur), "DELETED", cur)

    def dependents(self, uid):
        return [(k, self.objects[k]) for k in sorted(self.deps.get(uid, ())) if k in self.objects]

    # ------------------------------------------------------------ events

    def record_event(self, obj, reason, message, type_="Normal", component="fakekube"):
        """A core/v1 Event about obj, as controllers and the kubelet write."""
        with self.lock:
            m = meta(obj)
            ns = m.get("namespace") or "default"
            if self.raw(kube.resource("namespaces"), "", ns) is None:
                return
            t = kube.now_rfc3339()
            ev = {"metadata": {"name": "%s.%x" % (m.get("name"), time.time_ns())},
                  "involvedObject": {"kind": obj.get("kind"), "namespace": ns,
                                     "name": m.get("name"), "uid": m.get("uid"),
                                     "apiVersion": obj.get("apiVersion"),
                                     "resourceVersion": m.get("resourceVersion")},
                  "reason": reason, "message": message,
                  "source": {"component": component},
                  "firstTimestamp": t, "lastTimestamp": t, "count": 1, "type": type_,
                  "eventTime": None, "reportingComponent": component,
                  "reportingInstance": self.node_name}
            try:
                self.create(kube.resource("events"), ns, ev, manager=component)
            except ApiError:
                pass

    # ------------------------------------------------------------ defaults

    def _default(self, res, obj, cur):
        m = meta(obj)
        spec = obj.get("spec")
        if res.key == "jobs.batch" and isinstance(spec, dict):
            self._default_job(obj, m, spec, cur)
        elif res.key == "cronjobs.batch" and isinstance(spec, dict):
            spec.setdefault("concurrencyPolicy", "Allow")
            spec.setdefault("suspend", False)
            spec.setdefault("successfulJobsHistoryLimit", 3)
            spec.setdefault("failedJobsHistoryLimit", 1)
            jt = spec.get("jobTemplate")
            if isinstance(jt, dict) and isinstance(jt.get("spec"), dict):
                t = jt["spec"].get("template")
                if isinstance(t, dict) and isinstance(t.get("spec"), dict):
                    default_pod_spec(t["spec"])
        elif res.key == "pods" and isinstance(spec, dict):
            default_pod_spec(spec)
            if cur is None:
                spec.setdefault("serviceAccountName", "default")
                spec.setdefault("serviceAccount", spec["serviceAccountName"])
                spec.setdefault("enableServiceLinks", True)
                spec.setdefault("priority", 0)
                tol = spec.setdefault("tolerations", [])
                for key in ("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"):
                    if not any(t.get("key") == key for t in tol if isinstance(t, dict)):
                        tol.append({"key": key, "operator": "Exists",
                                    "effect": "NoExecute", "tolerationSeconds": 300})
        elif res.key == "services" and isinstance(spec, dict):
            spec.setdefault("type", "ClusterIP")
            spec.setdefault("sessionAffinity", "None")
            if cur is not None and (cur.get("spec") or {}).get("clusterIP"):
                spec.setdefault("clusterIP", cur["spec"]["clusterIP"])
                spec.setdefault("clusterIPs", cur["spec"].get("clusterIPs"))
            if not spec.get("clusterIP"):
                self.cluster_ip += 1
                ip = "10.96.%d.%d" % (self.cluster_ip // 250, self.cluster_ip % 250 + 1)
                spec["clusterIP"] = ip
            spec.setdefault("clusterIPs", [spec["clusterIP"]])
            spec.setdefault("ipFamilies", ["IPv4"])
            spec.setdefault("ipFamilyPolicy", "SingleStack")
            spec.setdefault("internalTrafficPolicy", "Cluster")
            for p in spec.get("ports") or []:
                if isinstance(p, dict):
                    p.setdefault("protocol", "TCP")
                    p.setdefault("targetPort", p.get("port"))
        elif res.key == "persistentvolumeclaims" and isinstance(spec, dict):
            spec.setdefault("volumeMode", "Filesystem")
            if cur is None:
                spec.setdefault("storageClassName", "standard")
        elif res.key == "secrets":
            obj.setdefault("type", "Opaque")
            sd = obj.pop("stringData", None)
            if isinstance(sd, dict):
                import base64
                data = obj.setdefault("data", {})
                for k, v in sd.items():
                    data[k] = base64.b64encode(str(v).encode()).decode()
        elif res.key == "namespaces":
            m.setdefault("labels", {})["kubernetes.io/metadata.name"] = m.get("name")
            obj.setdefault("spec", {}).setdefault("finalizers", ["kubernetes"])

    def _default_job(self, obj, m, spec, cur):
        if "completions" not in spec and "parallelism" not in spec:
            spec["completions"] = 1
            spec["parallelism"] = 1
        spec.setdefault("parallelism", 1)
        spec.setdefault("backoffLimit", 6)
        spec.setdefault("completionMode", "NonIndexed")
        spec.setdefault("suspend", False)
        spec.setdefault("podReplacementPolicy", "TerminatingOrFailed")
        spec.setdefault("manualSelector", None)
        if spec.get("manualSelector") is None:
            spec.pop("manualSelector")
        t = spec.get("template")
        if isinstance(t, dict):
            tm = t.setdefault("metadata", {})
            if cur is None:
                uid = m.get("uid")
                labels = tm.setdefault("labels", {})
                if not m.get("labels"):
                    m["labels"] = dict(labels)
                labels.update({"batch.kubernetes.io/controller-uid": uid,
                               "batch.kubernetes.io/job-name": m["name"],
                               "controller-uid": uid, "job-name": m["name"]})
                spec.setdefault("selector", {"matchLabels": {
                    "batch.kubernetes.io/controller-uid": uid}})
            if isinstance(t.get("spec"), dict):
                default_pod_spec(t["spec"])

    # ------------------------------------------------------------ validation

    def _validate(self, res, obj, cur):
        errs = []
        m = meta(obj)
        name = m.get("name")
        if not name:
            errs.append(FieldError("Required", "metadata.name", "name or generateName is required"))
        else:
            if res.key in ("services", "namespaces"):
                rx, msg = (DNS1035_LABEL, DNS1035_MSG) if res.key == "services" else (DNS1123_LABEL, LABEL_MSG)
                if not rx.match(name) or len(name) > 63:
                    errs.append(FieldError("Invalid", "metadata.name", msg, name))
            elif not DNS1123_SUBDOMAIN.match(name) or len(name) > 253:
                errs.append(FieldError("Invalid", "metadata.name", SUBDOMAIN_MSG, name))
        for lk, lv in (m.get("labels") or {}).items():
            if not isinstance(lv, str) or len(lv) > 63 or (lv and not re.match(r"^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", lv)):
                errs.append(FieldError("Invalid", "metadata.labels", "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')", lv))
        spec = obj.get("spec")
        if res.key == "jobs.batch":
            if name and len(name) > 63:
                errs.append(FieldError("Invalid", "metadata.name", "must be no more than 63 characters", name))
            errs += validate_job_spec(spec, "spec")
            if cur is not None:
                errs += job_immutable(cur, obj)
        elif res.key == "cronjobs.batch":
            if name and len(name) > 52:
                errs.append(FieldError("Invalid", "metadata.name", "must be no more than 52 characters", name))
            if not isinstance(spec, dict) or not spec.get("schedule"):
                errs.append(FieldError("Required", "spec.schedule"))
            jt = (spec or {}).get("jobTemplate") if isinstance(spec, dict) else None
            errs += validate_job_spec((jt or {}).get("spec"), "spec.jobTemplate.spec")
        elif res.key == "pods":
            errs += validate_pod_spec(spec, "spec", job=False)
            if cur is not None:
                errs += pod_immutable(cur, obj)
        elif res.key == "configmaps":
            for k in list((obj.get("data") or {})) + list((obj.get("binaryData") or {})):
                if not re.match(r"^[-._a-zA-Z0-9]+$", k) or len(k) > 253:
                    errs.append(FieldError("Invalid", "data", "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')", k))
            size = len(json.dumps(obj.get("data") or {})) + len(json.dumps(obj.get("binaryData") or {}))
            if size > 1024 * 1024:
                errs.append(FieldError("TooLong", "data", "must have at most 1048576 bytes"))
        if errs:
            raise kube.invalid(res.kind, res.group, name or "", errs)


def _share_at(new, k, v, ov):
    """share() of member k of new (v) against ov."""
    if v is ov:
        return True
    tv = type(v)
    if tv is not type(ov):
        return False
    if tv is dict or tv is list:
        if share(v, ov):
            new[k] = ov
            return True
        return False
    return v == ov


def share(new, old):
    """Whether new is old in value and in type throughout (True and 1 are
    equal, but one for the other changes the JSON); on the way, the lists
    and maps of new that are so are replaced by old's: committed objects are
    never changed, so versions of an object share what did not change (a
    pod's spec through all its status updates)."""
    tn = type(new)
    if tn is not type(old):
        return False
    if tn is dict:
        eq = len(new) == len(old)
        get = old.get
        for k, v in new.items():
            ov = get(k, _MISSING)
            if ov is _MISSING or not _share_at(new, k, v, ov):
                eq = False
        return eq
    if tn is list:
        if len(new) != len(old):
            for i, v in enumerate(new[:len(old)]):
                if (type(v) is dict or type(v) is list) and type(old[i]) is type(v):
                    share(v, old[i])
            return False
        eq = True
        for i, v in enumerate(new):
            if not _share_at(new, i, v, old[i]):
                eq = False
        return eq
    return new == old


_MISSING = object()


def default_pod_spec(spec):
    spec.setdefault("restartPolicy", "Always")
    spec.setdefault("dnsPolicy", "ClusterFirst")
    spec.setdefault("schedulerName", "default-scheduler")
    spec.setdefault("terminationGracePeriodSeconds", 30)
    spec.setdefault("securityContext", {})
    for key in ("containers", "initContainers"):
        for c in spec.get(key) or []:
            if not isinstance(c, dict):
                continue
            c.setdefault("terminationMessagePath", "/dev/termination-log")
            c.setdefault("terminationMessagePolicy", "File")
            img = c.get("image") or ""
            tag = img.rsplit("/", 1)[-1]
            c.setdefault("imagePullPolicy",
                         "Always" if (":" not in tag or tag.endswith(":latest")) and "@" not in tag
                         else "IfNotPresent")
            c.setdefault("resources", {})
            for p in c.get("ports") or []:
                if isinstance(p, dict):
                    p.setdefault("protocol", "TCP")


def validate_job_spec(spec, path):
    errs = []
    if not isinstance(spec, dict):
        return [FieldError("Required", path)]
    t = spec.get("template")
    if not isinstance(t, dict) or not t:
        return [FieldError("Required", path + ".template")]
    for f in ("backoffLimit", "activeDeadlineSeconds", "completions", "parallelism",
              "ttlSecondsAfterFinished"):
        v = spec.get(f)
        if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0):
            errs.append(FieldError("Invalid", "%s.%s" % (path, f),
                                   "must be greater than or equal to 0", v))
    if spec.get("activeDeadlineSeconds") == 0:
        errs.append(FieldError("Invalid", path + ".activeDeadlineSeconds",
                               "must be greater than 0", 0))
    ps = t.get("spec")
    errs += validate_pod_spec(ps, path + ".template.spec", job=True)
    return errs


def _validate_container(c, path, volumes):
    errs = []
    if not isinstance(c, dict):
        return [FieldError("Invalid", path, "must be an object", c)]
    if not c.get("name"):
        errs.append(FieldError("Required", path + ".name"))
    elif not DNS1123_LABEL.match(c["name"]):
        errs.append(FieldError("Invalid", path + ".name", LABEL_MSG, c["name"]))
    if not c.get("image"):
        errs.append(FieldError("Required", path + ".image"))
    for i, e in enumerate(c.get("env") or []):
        n = (e or {}).get("name") if isinstance(e, dict) else None
        if not n:
            errs.append(FieldError("Required", "%s.env[%d].name" % (path, i)))
        elif not ENV_NAME.match(n):
            errs.append(FieldError("Invalid", "%s.env[%d].name" % (path, i),
                                   "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')", n))
    for i, vm in enumerate(c.get("volumeMounts") or []):
        if not isinstance(vm, dict):
            continue
        if vm.get("name") not in volumes:
            errs.append(FieldError("NotFound", "%s.volumeMounts[%d].name" % (path, i), value=vm.get("name")))
        if not vm.get("mountPath"):
            errs.append(FieldError("Required", "%s.volumeMounts[%d].mountPath" % (path, i)))
    return errs


def validate_pod_spec(ps, path, job):
    errs = []
    if not isinstance(ps, dict):
        return [FieldError("Required", path + ".containers")]
    cs = ps.get("containers")
    volumes = {v.get("name") for v in ps.get("volumes") or [] if isinstance(v, dict)}
    if not cs:
        errs.append(FieldError("Required", path + ".containers"))
    names = set()
    for key in ("initContainers", "containers"):
        for i, c in enumerate(ps.get(key) or []):
            p = "%s.%s[%d]" % (path, key, i)
            errs += _validate_container(c, p, volumes)
            if isinstance(c, dict) and c.get("name"):
                if c["name"] in names:
                    errs.append(FieldError("Duplicate", p + ".name", value=c["name"]))
                names.add(c["name"])
            if key == "initContainers" and isinstance(c, dict) and c.get("restartPolicy") not in (None, "Always"):
                errs.append(FieldError("NotSupported", p + ".restartPolicy", '"Always"', c.get("restartPolicy")))
    rp = ps.get("restartPolicy")
    if job and rp not in ("OnFailure", "Never"):
        if rp is None:
            errs.append(FieldError("Required", path + ".restartPolicy", 'valid values: "OnFailure", "Never"'))
        else:
            errs.append(FieldError("NotSupported", path + ".restartPolicy", 'supported values: "OnFailure", "Never"', rp))
    elif rp not in (None, "Always", "OnFailure", "Never"):
        errs.append(FieldError("NotSupported", path + ".restartPolicy",
                               'supported values: "Always", "OnFailure", "Never"', rp))
    return errs


# Pod template fields that may change while a Job is suspended and has
# never started (Kubernetes 1.27+, "mutable scheduling directives").
MUTABLE_WHILE_SUSPENDED = ("nodeSelector", "tolerations", "affinity", "schedulingGates")


def job_immutable(cur, new):
    errs = []
    cs, ns = cur.get("spec") or {}, new.get("spec") or {}
    ct, nt = deepcopy(cs.get("template")), deepcopy(ns.get("template"))
    started = bool((cur.get("status") or {}).get("startTime"))
    if cs.get("suspend") and not started and isinstance(ct, dict) and isinstance(nt, dict):
        for t in (ct, nt):
            tm = t.get("metadata") or {}
            tm.pop("labels", None)
            tm.pop("annotations", None)
            for f in MUTABLE_WHILE_SUSPENDED:
                (t.get("spec") or {}).pop(f, None)
    if ct != nt:
        errs.append(FieldError("Invalid", "spec.template", "field is immutable", nt))
    if cs.get("selector") != ns.get("selector"):
        errs.append(FieldError("Invalid", "spec.selector", "field is immutable", ns.get("selector")))
    if cs.get("completionMode") != ns.get("completionMode"):
        errs.append(FieldError("Invalid", "spec.completionMode", "field is immutable", ns.get("completionMode")))
    return errs


def pod_immutable(cur, new):
    a, b = deepcopy(cur.get("spec") or {}), deepcopy(new.get("spec") or {})
    for s in (a, b):
        for key in ("containers", "initContainers"):
            for c in s.get(key) or []:
                if isinstance(c, dict):
                    c.pop("image", None)
        s.pop("activeDeadlineSeconds", None)
        s.pop("tolerations", None)
        s.pop("nodeName", None)
    if (cur.get("spec") or {}).get("nodeName") and (new.get("spec") or {}).get("nodeName") != cur["spec"]["nodeName"]:
        return [FieldError("Forbidden", "spec", "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)")]
    if a != b:
        return [FieldError("Forbidden", "spec", "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)")]
    return []
