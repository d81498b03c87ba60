"""Stand-ins for kube-controller-manager: the Job controller, the garbage
collector (ownerReferences, propagation policies), the namespace controller,
PersistentVolumeClaim binding and CronJob runs on request. One loop calls
them all whenever the store changes (and a few times a second)."""

import sys
import threading
import time
import traceback

import kube
from kube import ApiError, meta

JOBS = kube.resource("jobs.batch")
PODS = kube.resource("pods")
CRONJOBS = kube.resource("cronjobs.batch")
TRACKING = "batch.kubernetes.io/job-tracking"


def condition(st, type_):
    return next((c for c in st.get("conditions") or [] if c.get("type") == type_), None)


def is_true(st, type_):
    c = condition(st, type_)
    return bool(c and c.get("status") == "True")


def set_cond(st, type_, status, reason, message):
    now = kube.now_rfc3339()
    conds = st.setdefault("conditions", [])
    c = condition(st, type_)
    if c is None:
        conds.append({"type": type_, "status": status, "lastProbeTime": now,
                      "lastTransitionTime": now, "reason": reason, "message": message})
        return
    if c.get("status") != status:
        c["lastTransitionTime"] = now
    c.update({"status": status, "reason": reason, "message": message, "lastProbeTime": now})


class JobController:
    def __init__(self, store, kubelet, stats, backoff_base=0.0):
        self.store = store
        self.kubelet = kubelet
        self.stats = stats
        self.backoff_base = backoff_base
        self.counted = set()     # pod uids already counted
        self.ignored = set()     # pod uids whose failure does not count (suspend, job end)
        self.create_errors = {}  # job uid -> last error text
        self.last_failure = {}   # job uid -> time
        self.started = {}        # job uid -> start time, more precise than status.startTime
        self.timed = set()       # job uids to look at each round (deadlines, backoff, TTL)
        # Jobs whose last sync changed nothing and that depend on nothing
        # but the store (no deadline, backoff, TTL, failed pod creation, pod
        # being deleted): the periodic full sync skips them until an event
        # about them or their pods.
        self.quiet = set()

    @staticmethod
    def _targets(evs):
        targets = set()
        for ev in evs:
            if ev.key == "jobs.batch":
                targets.add(meta(ev.obj).get("uid"))
            elif ev.key == "pods":
                for r in meta(ev.obj).get("ownerReferences") or []:
                    if r.get("kind") == "Job":
                        targets.add(r.get("uid"))
        return targets

    def note(self, evs):
        """Events seen in a round that does a full sync instead."""
        self.quiet -= self._targets(evs)

    def forget(self):
        """Events were missed (history compacted): trust nothing."""
        self.quiet = set()

    def sync(self, evs=None):
        """evs: the store's events since the last round, None for all."""
        s = self.store
        if evs is None:
            targets = None
            jobs = [j for j in s.iter(JOBS) if meta(j)["uid"] not in self.quiet]
        else:
            targets = self._targets(evs)
            self.quiet -= targets
            targets |= self.timed
            if not targets:
                return
            jobs = [j for j in (s.by_uid_obj(u) for u in targets) if j is not None
                    and j.get("kind") == "Job"]
            self.timed -= targets - {meta(j)["uid"] for j in jobs}
        # the pods of each Job and of each owner that is gone, before any change
        owned = {}
        for job in jobs:
            owned[meta(job)["uid"]] = s.controlled_pods(meta(job)["uid"])
        orphans = {}
        for owner in (list(s.deps) if targets is None else targets):
            if owner in owned:
                continue
            j = s.by_uid_obj(owner)
            if j is not None and j.get("kind") == "Job":
                continue
            pods = s.controlled_pods(owner)
            if pods:
                orphans[owner] = pods
        for job in jobs:
            uid = meta(job)["uid"]
            pods = owned[uid]
            rv = s.rv
            ok = True
            try:
                self.sync_job(job, pods)
            except ApiError:
                ok = False
            if ok and s.rv == rv and uid not in self.timed and uid not in self.create_errors \
                    and not any(meta(p).get("deletionTimestamp") for p in pods):
                self.quiet.add(uid)
            else:
                self.quiet.discard(uid)
        # pods whose Job is gone lose the tracking finalizer
        for uid, pods in owned.items():
            j = s.by_uid_obj(uid)
            if j is None or j.get("kind") != "Job":
                orphans[uid] = pods
        for owner, pods in orphans.items():
            for p in pods:
                pm = meta(p)
                if TRACKING in (pm.get("finalizers") or []):
                    self.store.mutate(PODS, pm["namespace"], pm["name"], _untrack,
                                      uid=pm["uid"], only=("metadata",))

    def _delete_pod(self, pod, ignore=True):
        m = meta(pod)
        if ignore:
            self.ignored.add(m["uid"])
        if m.get("deletionTimestamp"):
            return
        try:
            self.store.delete(PODS, m["namespace"], m["name"], propagation="Background",
                              kubelet=self.kubelet)
        except ApiError:
            pass

    def sync_job(self, job, pods):
        m = meta(job)
        ns, name, uid = m["namespace"], m["name"], m["uid"]
        spec = job.get("spec") or {}
        st0 = job.get("status") or {}
        finished = is_true(st0, "Complete") or is_true(st0, "Failed")
        new_succ, new_fail = [], []
        untrack = []
        for p in pods:
            pm = meta(p)
            phase = (p.get("status") or {}).get("phase")
            terminal = phase in ("Succeeded", "Failed")
            gone = pm.get("deletionTimestamp") and not self.kubelet.running(pm["uid"])
            if pm["uid"] not in self.counted and (terminal or gone):
                self.counted.add(pm["uid"])
                if pm["uid"] in self.ignored and phase != "Succeeded":
                    pass
                elif phase == "Succeeded":
                    new_succ.append(p)
                else:
                    new_fail.append(p)
            if (terminal or gone) and TRACKING in (pm.get("finalizers") or []):
                untrack.append(p)
        active = [p for p in pods if (p.get("status") or {}).get("phase") not in ("Succeeded", "Failed")
                  and not meta(p).get("deletionTimestamp")]
        terminating = [p for p in pods if meta(p).get("deletionTimestamp")
                       and (p.get("status") or {}).get("phase") not in ("Succeeded", "Failed")]
        now = time.time()
        # restartPolicy OnFailure: container restarts count towards backoffLimit
        restarts = 0
        if ((spec.get("template") or {}).get("spec") or {}).get("restartPolicy") == "OnFailure":
            for p in active:
                for key in ("containerStatuses", "initContainerStatuses"):
                    for cs in (p.get("status") or {}).get(key) or []:
                        restarts += cs.get("restartCount", 0)
        fail_reason = fail_msg = None
        counted_fail = []
        pfp = spec.get("podFailurePolicy")
        for p in new_fail:
            action, idx, cname, code = match_pod_failure_policy(pfp, p)
            if action == "Ignore":
                continue
            if action == "FailJob" and not fail_reason:
                fail_reason = "PodFailurePolicy"
                fail_msg = ("Container %s for pod %s/%s failed with exit code %d matching FailJob rule at index %d"
                            % (cname, ns, meta(p)["name"], code, idx))
            counted_fail.append(p)
        if counted_fail:
            self.last_failure[uid] = now
        created = []

        def mutate(j):
            st = j.setdefault("status", {})
            if new_succ:
                st["succeeded"] = st.get("succeeded", 0) + len(new_succ)
            if counted_fail:
                st["failed"] = st.get("failed", 0) + len(counted_fail)
            nactive = len(active) + len(created)
            if nactive:
                st["active"] = nactive
            else:
                st.pop("active", None)
            st["ready"] = sum(1 for p in active if is_true(p.get("status") or {}, "Ready"))
            st["terminating"] = len(terminating)
            if finished:
                return
            if m.get("deletionTimestamp"):
                return
            sp = j.get("spec") or {}
            if sp.get("suspend"):
                if not is_true(st, "Suspended"):
                    set_cond(st, "Suspended", "True", "JobSuspended", "Job suspended")
                    self.store.record_event(j, "Suspended", "Job suspended", component="job-controller")
                return
            if is_true(st, "Suspended"):
                set_cond(st, "Suspended", "False", "JobResumed", "Job resumed")
                st.pop("startTime", None)
                self.store.record_event(j, "Resumed", "Job resumed", component="job-controller")
            if "startTime" not in st:
                st["startTime"] = kube.now_rfc3339()
                self.started[uid] = now
            st.setdefault("uncountedTerminatedPods", {})
            succeeded, failed = st.get("succeeded", 0), st.get("failed", 0)
            completions = sp.get("completions")
            ads = sp.get("activeDeadlineSeconds")
            started = self.started.get(uid) or kube.parse_rfc3339(st["startTime"]) or now
            target = is_true(st, "FailureTarget") or is_true(st, "SuccessCriteriaMet")
            if not target:
                reason = msg = None
                if fail_reason:
                    reason, msg = fail_reason, fail_msg
                elif failed + restarts > sp.get("backoffLimit", 6):
                    reason, msg = "BackoffLimitExceeded", "Job has reached the specified backoff limit"
                elif ads and now - started >= ads:
                    reason, msg = "DeadlineExceeded", "Job was active longer than specified deadline"
                if reason:
                    set_cond(st, "FailureTarget", "True", reason, msg)
                    self.store.record_event(j, reason, msg, "Warning", "job-controller")
                elif (completions is not None and succeeded >= completions) or \
                        (completions is None and succeeded >= 1):
                    set_cond(st, "SuccessCriteriaMet", "True", "CompletionsReached",
                             "Reached expected number of succeeded pods")
            if is_true(st, "FailureTarget") or is_true(st, "SuccessCriteriaMet"):
                for p in active:
                    # pods stopped because the Job failed count as failed
                    self._delete_pod(p, ignore=not is_true(st, "FailureTarget"))
                if not active and not terminating:
                    if is_true(st, "FailureTarget"):
                        c = condition(st, "FailureTarget")
                        set_cond(st, "Failed", "True", c["reason"], c["message"])
                    else:
                        set_cond(st, "Complete", "True", "CompletionsReached",
                                 "Reached expected number of succeeded pods")
                        st["completionTime"] = kube.now_rfc3339()
                        self.store.record_event(j, "Completed", "Job completed", component="job-controller")
                    st.pop("active", None)
                return
            want = sp.get("parallelism", 1)
            if completions is not None:
                want = min(want, completions - succeeded)
            want -= len(active) + len(terminating)
            if want > 0 and failed and self.backoff_base:
                delay = min(self.backoff_base * (2 ** (failed - 1)), 360)
                if now - self.last_failure.get(uid, 0) < delay:
                    want = 0
            for _ in range(max(0, want)):
                pod = self._new_pod(j)
                if pod is None:
                    break
                created.append(pod)
            if created:
                st["active"] = len(active) + len(created)

        if not finished and spec.get("suspend") and not m.get("deletionTimestamp"):
            for p in active:
                self._delete_pod(p)
        j2 = self.store.mutate(JOBS, ns, name, mutate, uid=uid, only=("status",))
        if j2 is not None:
            st2 = j2.get("status") or {}
            done2 = is_true(st2, "Complete") or is_true(st2, "Failed")
            sp2 = j2.get("spec") or {}
            if (not done2 and not sp2.get("suspend") and (sp2.get("activeDeadlineSeconds") or self.backoff_base)) \
                    or (done2 and sp2.get("ttlSecondsAfterFinished") is not None):
                self.timed.add(uid)
            else:
                self.timed.discard(uid)
        for p in untrack:
            pm = meta(p)
            self.store.mutate(PODS, pm["namespace"], pm["name"], _untrack, uid=pm["uid"],
                              only=("metadata",))
        if finished:
            ttl = spec.get("ttlSecondsAfterFinished")
            if ttl is not None:
                c = condition(st0, "Complete") or condition(st0, "Failed")
                t = kube.parse_rfc3339((c or {}).get("lastTransitionTime")) or now
                if now - t >= ttl and not m.get("deletionTimestamp"):
                    try:
                        self.store.delete(JOBS, ns, name, propagation="Background", kubelet=self.kubelet)
                    except ApiError:
                        pass

    def _new_pod(self, job):
        m = meta(job)
        t = (job.get("spec") or {}).get("template") or {}
        tm = t.get("metadata") or {}
        ann = dict(tm.get("annotations") or {})
        pod = {"apiVersion": "v1", "kind": "Pod",
               "metadata": {"generateName": m["name"] + "-",
                            "labels": dict(tm.get("labels") or {}),
                            "annotations": ann,
                            "ownerReferences": [{"apiVersion": "batch/v1", "kind": "Job",
                                                 "name": m["name"], "uid": m["uid"],
                                                 "controller": True, "blockOwnerDeletion": True}],
                            "finalizers": [TRACKING]},
               "spec": kube.deepcopy(t.get("spec") or {})}
        if not ann:
            del pod["metadata"]["annotations"]
        try:
            p = self.store.create(PODS, m["namespace"], pod, manager="kube-controller-manager")
        except ApiError as e:
            msg = "Error creating: " + e.message
            if self.create_errors.get(m["uid"]) != msg:
                self.create_errors[m["uid"]] = msg
                self.store.record_event(job, "FailedCreate", msg, "Warning", "job-controller")
            return None
        self.create_errors.pop(m["uid"], None)
        self.store.record_event(job, "SuccessfulCreate", "Created pod: " + meta(p)["name"],
                                component="job-controller")
        if self.stats is not None:
            self.stats.pod_created(job, p)
        return p


def _untrack(pod):
    fins = [f for f in meta(pod).get("finalizers") or [] if f != TRACKING]
    if fins:
        meta(pod)["finalizers"] = fins
    else:
        meta(pod).pop("finalizers", None)


def match_pod_failure_policy(pfp, pod):
    """(action, rule index, container, exit code) for a failed pod."""
    cname, code = None, None
    for cs in (pod.get("status") or {}).get("containerStatuses") or []:
        t = (cs.get("state") or {}).get("terminated")
        if t and t.get("exitCode"):
            cname, code = cs.get("name"), t.get("exitCode")
            break
    if not pfp:
        return "Count", -1, cname, code or 0
    for i, rule in enumerate(pfp.get("rules") or []):
        oe = rule.get("onExitCodes")
        if oe and code is not None:
            if oe.get("containerName") and oe["containerName"] != cname:
                continue
            vals = oe.get("values") or []
            hit = code in vals if oe.get("operator") == "In" else code not in vals
            if hit:
                return rule.get("action"), i, cname, code
        for pc in rule.get("onPodConditions") or []:
            c = condition(pod.get("status") or {}, pc.get("type"))
            if c and c.get("status") == pc.get("status", "True"):
                return rule.get("action"), i, cname, code or 0
    return "Count", -1, cname, code or 0


class GarbageCollector:
    def __init__(self, store, kubelet):
        self.store = store
        self.kubelet = kubelet
        self.pending = set()  # owner uids waiting for their dependents

    def _delete(self, key, obj, policy="Background"):
        res = kube.BY_KEY[key[0]]
        try:
            self.store.delete(res, key[1], key[2], propagation=policy, kubelet=self.kubelet)
        except ApiError:
            pass

    def sync(self, evs=None):
        s = self.store
        if evs is None:
            owners = [s.objects[k] for k in sorted(s.deleting, key=lambda k: s.seq.get(k, 0))
                      if k in s.objects]
            # only a dependent with an owner gone or being deleted has anything
            # to do: look at those rather than at every object
            check = set()
            for uid, keys in s.deps.items():
                o = s.by_uid_obj(uid)
                if o is None or meta(o).get("deletionTimestamp"):
                    check.update(keys)
        else:
            owners, check = [], set()
            for ev in evs:
                m = meta(ev.obj)
                k = (ev.key, m.get("namespace", ""), m.get("name"))
                if ev.type == "DELETED":
                    check.update(s.deps.get(m.get("uid"), ()))
                    continue
                if m.get("ownerReferences"):
                    check.add(k)
                if m.get("deletionTimestamp"):
                    check.update(s.deps.get(m.get("uid"), ()))
            for uid in list(self.pending):
                o = s.by_uid_obj(uid)
                if o is None:
                    self.pending.discard(uid)
                else:
                    owners.append(o)
            for ev in evs:
                if ev.type != "DELETED" and meta(ev.obj).get("deletionTimestamp"):
                    o = s.by_uid_obj(meta(ev.obj).get("uid"))
                    if o is not None:
                        owners.append(o)
            if not owners and not check:
                return
        for o in owners:
            self._owner(o)
        for key in sorted(check):
            o = s.objects.get(key)
            if o is not None:
                self._dependent(key, o)

    def _owner(self, o):
        """An object being deleted with the foreground or orphan finalizer."""
        s = self.store
        m = meta(o)
        fins = m.get("finalizers") or []
        key = s.by_uid.get(m.get("uid"))
        if key is None or not m.get("deletionTimestamp"):
            return
        if "foregroundDeletion" in fins:
            deps = s.dependents(m["uid"])
            for dk, d in deps:
                if not meta(d).get("deletionTimestamp"):
                    self._delete(dk, d, "Foreground")
            if deps:
                self.pending.add(m["uid"])
            else:
                self._drop_finalizer(key, "foregroundDeletion")
        if "orphan" in fins:
            for dk, d in s.dependents(m["uid"]):
                s.mutate(kube.BY_KEY[dk[0]], dk[1], dk[2], lambda x, u=m["uid"]: _strip_owner(x, u))
            self._drop_finalizer(key, "orphan")
        cur = s.by_uid_obj(m["uid"])
        if cur is None or not {"foregroundDeletion", "orphan"} & set(meta(cur).get("finalizers") or []):
            self.pending.discard(m["uid"])

    def _dependent(self, key, o):
        s = self.store
        m = meta(o)
        refs = m.get("ownerReferences") or []
        if not refs or m.get("deletionTimestamp"):
            return
        solid, dangling, waiting = [], [], []
        for r in refs:
            owner = s.by_uid_obj(r.get("uid"))
            if owner is None:
                dangling.append(r)
            elif meta(owner).get("deletionTimestamp") and \
                    "foregroundDeletion" in (meta(owner).get("finalizers") or []):
                waiting.append(r)
            else:
                solid.append(r)
        if solid:
            if dangling:
                gone = {r.get("uid") for r in dangling}
                s.mutate(kube.BY_KEY[key[0]], key[1], key[2],
                         lambda x, g=gone: meta(x).__setitem__(
                             "ownerReferences",
                             [r for r in meta(x).get("ownerReferences") or [] if r.get("uid") not in g]))
            return
        if waiting:
            self._delete(key, o, "Foreground")
        elif dangling:
            self._delete(key, o, "Background")

    def _drop_finalizer(self, key, fin):
        self.store.mutate(kube.BY_KEY[key[0]], key[1], key[2],
                          lambda x: meta(x).__setitem__(
                              "finalizers", [f for f in meta(x).get("finalizers") or [] if f != fin]))


def _strip_owner(obj, uid):
    refs = [r for r in meta(obj).get("ownerReferences") or [] if r.get("uid") != uid]
    if refs:
        meta(obj)["ownerReferences"] = refs
    else:
        meta(obj).pop("ownerReferences", None)


class NamespaceController:
    def __init__(self, store, kubelet):
        self.store = store
        self.kubelet = kubelet
        self.terminating = True

    def sync(self, evs=None):
        s = self.store
        nsres = kube.resource("namespaces")
        if evs is not None and not self.terminating and not any(ev.key == "namespaces" for ev in evs):
            return
        self.terminating = False
        for ns in list(s.iter(nsres)):
            m = meta(ns)
            if not m.get("deletionTimestamp"):
                continue
            self.terminating = True
            left = [(k, o) for k, o in s.objects.items() if k[1] == m["name"] and k[0] != "namespaces"]
            for k, o in left:
                if not meta(o).get("deletionTimestamp"):
                    try:
                        s.delete(kube.BY_KEY[k[0]], k[1], k[2], propagation="Background",
                                 grace=0, kubelet=self.kubelet)
                    except ApiError:
                        pass
            if not left:
                cur = kube.deepcopy(ns)
                cur.setdefault("spec", {})["finalizers"] = []
                s._commit(nsres, "", m["name"], cur, "DELETED", ns)


class VolumeController:
    """Binds every PersistentVolumeClaim at once (a directory per claim)."""

    def __init__(self, store):
        self.store = store

    def sync(self, evs=None):
        if evs is not None and not any(ev.key == "persistentvolumeclaims" for ev in evs):
            return
        res = kube.resource("persistentvolumeclaims")
        for pvc in list(self.store.iter(res)):
            if (pvc.get("status") or {}).get("phase") != "Pending":
                continue
            m = meta(pvc)

            def bind(x):
                sp = x.setdefault("spec", {})
                sp.setdefault("volumeName", "pvc-" + meta(x)["uid"])
                st = x.setdefault("status", {})
                st["phase"] = "Bound"
                st["accessModes"] = sp.get("accessModes") or ["ReadWriteOnce"]
                st["capacity"] = {"storage": ((sp.get("resources") or {}).get("requests") or {}).get("storage", "1Gi")}
                meta(x).setdefault("annotations", {})["pv.kubernetes.io/bind-completed"] = "yes"
            self.store.mutate(res, m["namespace"], m["name"], bind, uid=m["uid"])


class CronJobController:
    """CronJobs do not fire on their schedule here; POST
    /fake/cronjobs/NS/NAME/run makes the Job a firing would."""

    def __init__(self, store):
        self.store = store

    def run(self, ns, name):
        with self.store.lock:
            cj = self.store.raw(CRONJOBS, ns, name)
            if cj is None:
                raise kube.not_found(CRONJOBS, name)
            m = meta(cj)
            jt = (cj.get("spec") or {}).get("jobTemplate") or {}
            t = int(time.time())
            jname = "%s-%d" % (name, t // 60)
            while self.store.raw(JOBS, ns, jname) is not None:
                t += 60
                jname = "%s-%d" % (name, t // 60)
            jm = kube.deepcopy(jt.get("metadata") or {})
            jm["name"] = jname
            jm.setdefault("annotations", {})["batch.kubernetes.io/cronjob-scheduled-timestamp"] = kube.now_rfc3339(t)
            jm["ownerReferences"] = [{"apiVersion": "batch/v1", "kind": "CronJob", "name": name,
                                      "uid": m["uid"], "controller": True, "blockOwnerDeletion": True}]
            job = self.store.create(JOBS, ns, {"apiVersion": "batch/v1", "kind": "Job", "metadata": jm,
                                               "spec": kube.deepcopy(jt.get("spec") or {})},
                                    manager="kube-controller-manager")

            def st(x):
                s = x.setdefault("status", {})
                s["lastScheduleTime"] = kube.now_rfc3339(t)
                s.setdefault("active", []).append({"kind": "Job", "namespace": ns, "name": jname,
                                                   "uid": meta(job)["uid"], "apiVersion": "batch/v1",
                                                   "resourceVersion": meta(job)["resourceVersion"]})
            self.store.mutate(CRONJOBS, ns, name, st)
            self.store.record_event(cj, "SuccessfulCreate", "Created job " + jname,
                                    component="cronjob-controller")
            return job

    def sync(self, evs=None):
        if evs is not None and not any(ev.key == "jobs.batch" for ev in evs):
            return
        for cj in list(self.store.iter(CRONJOBS)):
            active = (cj.get("status") or {}).get("active") or []
            if not active:
                continue
            keep, done_ok = [], None
            for ref in active:
                j = self.store.raw(JOBS, ref.get("namespace"), ref.get("name"))
                if j is None:
                    continue
                st = j.get("status") or {}
                if is_true(st, "Complete"):
                    done_ok = st.get("completionTime")
                elif not is_true(st, "Failed"):
                    keep.append(ref)
            if len(keep) != len(active) or done_ok:
                m = meta(cj)

                def fn(x, keep=keep, done_ok=done_ok):
                    s = x.setdefault("status", {})
                    if keep:
                        s["active"] = keep
                    else:
                        s.pop("active", None)
                    if done_ok:
                        s["lastSuccessfulTime"] = done_ok
                self.store.mutate(CRONJOBS, m["namespace"], m["name"], fn, uid=m["uid"])


class ControllerLoop:
    def __init__(self, store, controllers, interval=0.05):
        self.store = store
        self.controllers = controllers
        self.interval = interval
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.loop, name="controllers", daemon=True)

    def start(self):
        self.thread.start()

    def loop(self):
        seen = 0
        last_full = 0.0
        while not self.stop.is_set():
            with self.store.lock:
                if self.store.rv == seen:
                    self.store.cond.wait(self.interval)
                now = time.time()
                try:
                    evs = self.store.events_after(seen)
                    missed = False
                except ApiError:
                    evs, missed = None, True
                if missed or now - last_full >= 1.0:
                    # a full round; controllers that remember what needs no
                    # look are told what changed, or that events were missed
                    for c in self.controllers:
                        if missed and hasattr(c, "forget"):
                            c.forget()
                        elif not missed and hasattr(c, "note"):
                            c.note(evs)
                    evs = None
                    last_full = now
                upto = self.store.rv
                try:
                    for c in self.controllers:
                        c.sync(evs)
                except Exception as e:  # a controller bug must not stop the others
                    sys.stderr.write("fakekube: controller: %s\n" % e)
                    traceback.print_exc()
                seen = upto
