"""API machinery of the fake Kubernetes API server: the resources it serves,
Status objects shaped as the real server writes them, label and field
selectors, and the patch formats (JSON merge patch, strategic merge patch,
JSON patch, server-side apply)."""

import copy
import json
import random
import re
import time
import uuid


class Resource:
    """One served resource (plural name within a group/version)."""

    def __init__(self, group, version, plural, kind, namespaced, status=False,
                 short=(), generation=False, subresources=()):
        self.group = group
        self.version = version
        self.plural = plural
        self.kind = kind
        self.namespaced = namespaced
        self.has_status = status
        self.short = list(short)
        self.generation = generation
        self.subresources = list(subresources)
        if status:
            self.subresources.append("status")

    @property
    def api_version(self):
        return self.version if not self.group else self.group + "/" + self.version

    @property
    def group_version(self):
        return self.api_version

    @property
    def key(self):
        """Store key: 'jobs.batch', 'pods' (the group-qualified plural)."""
        return self.plural if not self.group else self.plural + "." + self.group

    @property
    def singular(self):
        return self.kind.lower()


VERBS = ["create", "delete", "deletecollection", "get", "list", "patch",
         "update", "watch"]

RESOURCES = [
    Resource("", "v1", "namespaces", "Namespace", False, status=True, short=["ns"]),
    Resource("", "v1", "configmaps", "ConfigMap", True, short=["cm"]),
    Resource("", "v1", "secrets", "Secret", True),
    Resource("", "v1", "pods", "Pod", True, status=True, short=["po"],
             subresources=["log"]),
    Resource("", "v1", "services", "Service", True, status=True, short=["svc"]),
    Resource("", "v1", "serviceaccounts", "ServiceAccount", True, short=["sa"]),
    Resource("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", True,
             status=True, short=["pvc"]),
    Resource("", "v1", "events", "Event", True, short=["ev"]),
    Resource("batch", "v1", "jobs", "Job", True, status=True, generation=True),
    Resource("batch", "v1", "cronjobs", "CronJob", True, status=True,
             short=["cj"], generation=True),
    Resource("rbac.authorization.k8s.io", "v1", "roles", "Role", True),
    Resource("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", True),
    Resource("coordination.k8s.io", "v1", "leases", "Lease", True),
]

BY_GV_PLURAL = {(r.group_version, r.plural): r for r in RESOURCES}
BY_KEY = {r.key: r for r in RESOURCES}
BY_KIND = {(r.api_version, r.kind): r for r in RESOURCES}
GROUP_VERSIONS = []
for _r in RESOURCES:
    if _r.group_version not in GROUP_VERSIONS:
        GROUP_VERSIONS.append(_r.group_version)


def resource(key):
    return BY_KEY[key]


# ------------------------------------------------------------------ objects

NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789"  # k8s.io/apimachinery/pkg/util/rand


def random_suffix(n=5):
    return "".join(random.choice(NAME_ALPHABET) for _ in range(n))


def new_uid():
    return str(uuid.uuid4())


def now_rfc3339(t=None):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() if t is None else t))


def parse_rfc3339(s):
    try:
        return time.mktime(time.strptime(s, "%Y-%m-%dT%H:%M:%SZ")) - time.timezone
    except (TypeError, ValueError):
        return None


_ATOMIC = frozenset((str, int, float, bool, type(None)))


def deepcopy(o):
    """A deep copy of JSON-shaped data (dicts, lists, scalars), several times
    faster than copy.deepcopy; anything else is left to copy.deepcopy."""
    t = type(o)
    if t is dict:
        out = {}
        for k, v in o.items():
            tv = type(v)
            if tv is dict or tv is list:
                out[k] = deepcopy(v)
            elif tv in _ATOMIC:
                out[k] = v
            else:
                out[k] = copy.deepcopy(v)
        return out
    if t is list:
        return [deepcopy(v) if type(v) is dict or type(v) is list
                else v if type(v) in _ATOMIC else copy.deepcopy(v) for v in o]
    if t in _ATOMIC:
        return o
    return copy.deepcopy(o)


def meta(obj):
    m = obj.get("metadata")
    if not isinstance(m, dict):
        m = {}
        obj["metadata"] = m
    return m


# ------------------------------------------------------------------ errors

class ApiError(Exception):
    """An error answered as a Status object."""

    def __init__(self, code, reason, message, details=None, headers=None):
        super().__init__(message)
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details
        self.headers = headers or {}

    def status(self):
        return status_object(self.code, self.reason, self.message, self.details)


def status_object(code, reason, message, details=None):
    st = {"kind": "Status", "apiVersion": "v1", "metadata": {},
          "status": "Success" if code < 300 else "Failure", "message": message}
    if reason:
        st["reason"] = reason
    if details is not None:
        st["details"] = details
    st["code"] = code
    if code < 300:
        del st["message"]
    return st


def qualified(res):
    """'jobs.batch' or 'configmaps': how messages name a resource."""
    return res.key


def _details(res, name, kind=None, uid=None):
    d = {}
    if name:
        d["name"] = name
    if res.group:
        d["group"] = res.group
    d["kind"] = kind or res.plural
    if uid:
        d["uid"] = uid
    return d


def not_found(res, name):
    return ApiError(404, "NotFound", '%s "%s" not found' % (qualified(res), name),
                    _details(res, name))


def already_exists(res, name):
    return ApiError(409, "AlreadyExists", '%s "%s" already exists' % (qualified(res), name),
                    _details(res, name))


def conflict(res, name, why="the object has been modified; please apply your changes to the latest version and try again"):
    return ApiError(409, "Conflict", 'Operation cannot be fulfilled on %s "%s": %s'
                    % (qualified(res), name, why), _details(res, name))


def bad_request(message):
    return ApiError(400, "BadRequest", message)


def gone(message):
    return ApiError(410, "Expired", message)


def not_acceptable():
    return ApiError(406, "NotAcceptable",
                    "only the following media types are accepted: application/json, "
                    "application/yaml, application/vnd.kubernetes.protobuf", {})


def partial_metadata(obj):
    """The metadata-only form of obj, as the server sends it to a client
    that asks for meta.k8s.io/v1 PartialObjectMetadata."""
    return {"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": meta(obj)}


def method_not_allowed():
    return ApiError(405, "MethodNotAllowed",
                    "the server does not allow this method on the requested resource", {})


def unknown_resource():
    return ApiError(404, "NotFound", "the server could not find the requested resource", {})


class FieldError:
    """One field error, as k8s.io/apimachinery/pkg/util/validation/field."""

    def __init__(self, kind, field, detail=None, value=None):
        self.kind = kind  # Required, Invalid, Forbidden, NotSupported, Duplicate
        self.field = field
        self.detail = detail
        self.value = value

    def text(self):
        if self.kind == "Required":
            s = "Required value"
            return s + (": " + self.detail if self.detail else "")
        if self.kind == "Forbidden":
            return "Forbidden" + (": " + self.detail if self.detail else "")
        if self.kind == "NotFound":
            return "Not found: %s" % _go_value(self.value)
        if self.kind == "TooLong":
            return "Too long: " + (self.detail or "")
        if self.kind == "Duplicate":
            return "Duplicate value: %s" % _go_value(self.value)
        if self.kind == "NotSupported":
            return "Unsupported value: %s%s" % (_go_value(self.value),
                                                ": " + self.detail if self.detail else "")
        return "Invalid value: %s%s" % (_go_value(self.value),
                                        ": " + self.detail if self.detail else "")

    def reason(self):
        return {"Required": "FieldValueRequired", "Forbidden": "FieldValueForbidden",
                "Duplicate": "FieldValueDuplicate", "NotSupported": "FieldValueNotSupported",
                "NotFound": "FieldValueNotFound", "TooLong": "FieldValueTooLong"
                }.get(self.kind, "FieldValueInvalid")


def _go_value(v):
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, (int, float)):
        return str(v)
    return "{...}" if isinstance(v, dict) else "[...]"


def invalid(kind, group, name, errors):
    """422 as the real server writes it: 'Job.batch "x" is invalid: f: msg'."""
    q = kind + ("." + group if group else "")
    parts = ["%s: %s" % (e.field, e.text()) for e in errors]
    if len(parts) == 1:
        msg = '%s "%s" is invalid: %s' % (q, name, parts[0])
    else:
        msg = '%s "%s" is invalid: [%s]' % (q, name, ", ".join(parts))
    details = {"name": name} if name else {}
    if group:
        details["group"] = group
    details["kind"] = kind
    details["causes"] = [{"reason": e.reason(), "message": e.text(), "field": e.field}
                         for e in errors]
    return ApiError(422, "Invalid", msg, details)


# ------------------------------------------------------------------ selectors

_LABEL_KEY = re.compile(r"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
                        r"[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")


def _split_top(s):
    """Split on commas outside parentheses."""
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


def parse_label_selector(s):
    """'a=b,c!=d,e in (x,y),f notin (z),g,!h' -> [(key, op, values)]."""
    reqs = []
    if s is None or not s.strip():
        return reqs
    for part in _split_top(s):
        p = part.strip()
        if not p:
            raise bad_request("unable to parse requirement: found '', expected: identifier")
        m = re.match(r"^(\S+)\s+(in|notin)\s*\((.*)\)$", p)
        if m:
            key, op, vals = m.group(1), m.group(2), m.group(3)
            values = [v.strip() for v in vals.split(",") if v.strip()]
        elif p.startswith("!"):
            key, op, values = p[1:].strip(), "!", []
        elif "!=" in p:
            key, v = p.split("!=", 1)
            key, op, values = key.strip(), "!=", [v.strip()]
        elif "==" in p:
            key, v = p.split("==", 1)
            key, op, values = key.strip(), "=", [v.strip()]
        elif "=" in p:
            key, v = p.split("=", 1)
            key, op, values = key.strip(), "=", [v.strip()]
        elif re.search(r"[\s()]", p):
            raise bad_request("unable to parse requirement: found '%s', expected: in, notin, =, ==, !=, gt, lt" % p)
        else:
            key, op, values = p, "exists", []
        if not _LABEL_KEY.match(key):
            raise bad_request('unable to parse requirement: values[0][%s]: Invalid value: "%s": '
                              "name part must consist of alphanumeric characters, '-', '_' or '.'"
                              % (key, key))
        reqs.append((key, op, values))
    return reqs


def labels_match(reqs, labels):
    labels = labels or {}
    for key, op, values in reqs:
        has = key in labels
        v = labels.get(key)
        if op == "=" and not (has and v == values[0]):
            return False
        if op == "!=" and has and v == values[0]:
            return False
        if op == "in" and not (has and v in values):
            return False
        if op == "notin" and has and v in values:
            return False
        if op == "exists" and not has:
            return False
        if op == "!" and has:
            return False
    return True


FIELDS = {
    "*": ["metadata.name", "metadata.namespace"],
    "pods": ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
             "spec.serviceAccountName", "status.phase", "status.podIP",
             "status.nominatedNodeName"],
    "events": ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
               "involvedObject.uid", "involvedObject.apiVersion",
               "involvedObject.resourceVersion", "involvedObject.fieldPath",
               "reason", "reportingComponent", "source", "type"],
    "jobs.batch": ["status.successful"],
    "secrets": ["type"],
}


def parse_field_selector(s, res):
    reqs = []
    if s is None or not s.strip():
        return reqs
    allowed = FIELDS["*"] + FIELDS.get(res.key, [])
    for part in s.split(","):
        p = part.strip()
        if "!=" in p:
            f, v = p.split("!=", 1)
            op = "!="
        elif "==" in p:
            f, v = p.split("==", 1)
            op = "="
        elif "=" in p:
            f, v = p.split("=", 1)
            op = "="
        else:
            raise bad_request("invalid selector: '%s'; can't understand '%s'" % (s, p))
        f = f.strip()
        if f not in allowed:
            raise bad_request('field label not supported: %s' % f)
        reqs.append((f, op, v.strip()))
    return reqs


def field_value(obj, path):
    if path == "status.successful":
        return str((obj.get("status") or {}).get("succeeded", 0))
    if path == "source":
        return ((obj.get("source") or {}).get("component")) or ""
    cur = obj
    for p in path.split("."):
        if not isinstance(cur, dict):
            return ""
        cur = cur.get(p)
    if cur is None:
        return ""
    return str(cur)


def fields_match(reqs, obj):
    for f, op, v in reqs:
        got = field_value(obj, f)
        if op == "=" and got != v:
            return False
        if op == "!=" and got == v:
            return False
    return True


# ------------------------------------------------------------------ patches

def merge_patch(target, patch):
    """RFC 7386 JSON merge patch."""
    if not isinstance(patch, dict):
        return deepcopy(patch)
    if not isinstance(target, dict):
        target = {}
    out = dict(target)
    for k, v in patch.items():
        if v is None:
            out.pop(k, None)
        else:
            out[k] = merge_patch(out.get(k), v)
    return out


# Lists merged by a key in strategic merge patch and server-side apply
# (the patchMergeKey / listMapKeys of the Kubernetes types wfc emits).
MERGE_KEYS = {
    "containers": "name", "initContainers": "name", "ephemeralContainers": "name",
    "env": "name", "volumes": "name", "volumeMounts": "mountPath",
    "ports": "containerPort", "conditions": "type", "imagePullSecrets": "name",
    "ownerReferences": "uid", "resourceClaims": "name", "hostAliases": "ip",
    "tolerations": None, "args": None, "command": None,
}
SET_LISTS = {"finalizers"}


def _merge_keyed_lists(cur, new, key, strategic, nulls_delete):
    if not isinstance(cur, list):
        cur = []
    out = [deepcopy(x) for x in cur]
    index = {x.get(key): i for i, x in enumerate(out) if isinstance(x, dict)}
    for item in new:
        if not isinstance(item, dict):
            return deepcopy(new)
        if item.get("$patch") == "delete":
            k = item.get(key)
            out = [x for x in out if not (isinstance(x, dict) and x.get(key) == k)]
            index = {x.get(key): i for i, x in enumerate(out) if isinstance(x, dict)}
            continue
        k = item.get(key)
        if k in index:
            out[index[k]] = _smp(out[index[k]], item, strategic, nulls_delete)
        else:
            out.append(_smp({}, item, strategic, nulls_delete))
            index[k] = len(out) - 1
    return out


def _smp(target, patch, strategic=True, nulls_delete=True):
    if not isinstance(patch, dict):
        return deepcopy(patch)
    if not isinstance(target, dict):
        target = {}
    if patch.get("$patch") == "replace":
        p = {k: v for k, v in patch.items() if k != "$patch"}
        return deepcopy(p)
    out = dict(target)
    for k, v in patch.items():
        if k.startswith("$"):
            continue
        if v is None and nulls_delete:
            out.pop(k, None)
        elif isinstance(v, list) and k in SET_LISTS:
            cur = out.get(k) if isinstance(out.get(k), list) else []
            out[k] = cur + [x for x in v if x not in cur]
        elif isinstance(v, list) and MERGE_KEYS.get(k):
            out[k] = _merge_keyed_lists(out.get(k), v, MERGE_KEYS[k], strategic, nulls_delete)
        elif isinstance(v, dict):
            out[k] = _smp(out.get(k), v, strategic, nulls_delete)
        else:
            out[k] = deepcopy(v)
    return out


def strategic_merge_patch(target, patch):
    """Strategic merge patch for the fields wfc touches: maps merge, lists of
    containers/env/volumes/... merge by their key, other lists replace."""
    return _smp(target, patch, True, True)


def _pointer(path):
    if path == "":
        return []
    if not path.startswith("/"):
        raise bad_request("the server rejected our request due to an error in our request")
    return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]


def _walk(doc, parts):
    cur = doc
    for p in parts:
        if isinstance(cur, list):
            cur = cur[int(p)]
        else:
            cur = cur[p]
    return cur


def json_patch(doc, ops):
    """RFC 6902 JSON patch."""
    doc = deepcopy(doc)
    if not isinstance(ops, list):
        raise bad_request("json: cannot unmarshal object into Go value of type jsonpatch.Patch")
    for op in ops:
        try:
            kind = op["op"]
            parts = _pointer(op["path"])
            if kind in ("add", "replace", "test"):
                value = deepcopy(op["value"])
            if kind == "test":
                if _walk(doc, parts) != value:
                    raise ApiError(422, "Invalid", "the server rejected our request due to an error in our request")
                continue
            if kind in ("move", "copy"):
                src = _pointer(op["from"])
                value = deepcopy(_walk(doc, src))
                if kind == "move":
                    parent = _walk(doc, src[:-1])
                    if isinstance(parent, list):
                        del parent[int(src[-1])]
                    else:
                        del parent[src[-1]]
                kind = "add"
            if not parts:
                if kind in ("add", "replace"):
                    doc = value
                continue
            parent = _walk(doc, parts[:-1])
            last = parts[-1]
            if isinstance(parent, list):
                if kind == "add":
                    idx = len(parent) if last == "-" else int(last)
                    if idx > len(parent):
                        raise IndexError(idx)
                    parent.insert(idx, value)
                elif kind == "replace":
                    parent[int(last)] = value
                elif kind == "remove":
                    del parent[int(last)]
            else:
                if kind == "add":
                    parent[last] = value
                elif kind == "replace":
                    if last not in parent:
                        raise KeyError(last)
                    parent[last] = value
                elif kind == "remove":
                    del parent[last]
        except ApiError:
            raise
        except (KeyError, IndexError, ValueError, TypeError) as e:
            raise ApiError(422, "Invalid", "the server rejected our request due to an error in our request: %s" % e)
    return doc


# Server-side apply: which manager set which leaf. Paths are tuples; list
# items with a merge key are addressed as ('k:name=main',), other lists are
# atomic (one leaf).

def leaves(obj, prefix=()):
    out = {}
    if isinstance(obj, dict):
        if not obj and prefix:
            out[prefix] = obj
        for k, v in obj.items():
            if prefix == () and k in ("apiVersion", "kind"):
                continue
            if prefix == ("metadata",) and k in ("name", "namespace", "uid",
                                                 "resourceVersion", "generation",
                                                 "creationTimestamp", "managedFields"):
                continue
            key = MERGE_KEYS.get(k)
            if isinstance(v, list) and key and all(isinstance(x, dict) for x in v):
                for item in v:
                    out.update(leaves(item, prefix + (k, "k:%s=%s" % (key, item.get(key)))))
                if not v:
                    out[prefix + (k,)] = v
            else:
                out.update(leaves(v, prefix + (k,)))
    else:
        out[prefix] = obj
    return out


def get_path(obj, path):
    cur = obj
    for p in path:
        if isinstance(cur, list) and p.startswith("k:"):
            kk, _, kv = p[2:].partition("=")
            cur = next((x for x in cur if isinstance(x, dict) and str(x.get(kk)) == kv), None)
        elif isinstance(cur, dict):
            cur = cur.get(p)
        else:
            return None
        if cur is None:
            return None
    return cur


def remove_path(obj, path):
    if not path:
        return
    parent = get_path(obj, path[:-1]) if len(path) > 1 else obj
    last = path[-1]
    if isinstance(parent, list) and last.startswith("k:"):
        kk, _, kv = last[2:].partition("=")
        parent[:] = [x for x in parent if not (isinstance(x, dict) and str(x.get(kk)) == kv)]
    elif isinstance(parent, dict):
        parent.pop(last, None)
    # prune emptied parents
    if len(path) > 1:
        p = get_path(obj, path[:-1])
        if p in ({}, []):
            remove_path(obj, path[:-1])


def path_text(path):
    out = ""
    for p in path:
        if p.startswith("k:"):
            kk, _, kv = p[2:].partition("=")
            out += '[%s="%s"]' % (kk, kv)
        else:
            out += "." + p
    return out


def apply_merge(current, applied):
    """Merge an applied configuration into an object (no null deletion)."""
    return _smp(current, applied, True, False)
