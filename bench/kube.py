#!/usr/bin/env python3
"""bench/kube.py [BUILD_DIR]: the coordinator against the fake API server.

Runs generated workflows on tests/fakekube (loopback, one fake node whose
pods are host processes) and prints, for the in-cluster coordinator
(`wfc run --detach`: the coordinator Job's `wfc coordinate`) and for an
attached `wfc run` (which compiles, applies and coordinates from here):

- latency: from the watch event that a Job completed to the PATCH that
  unsuspends the Job it frees (the fake stamps both: when the event entered
  its watch history, when the PATCH request arrived), p50, p99 and max.
  The Job a completion frees is counted in order: with W Jobs running at
  once (1 on the chain, the parallelism on the fan-out), the k-th
  completion frees the (k+W)-th Job to start;
  beside it, the fake's own lag: from that event entering its watch
  history to its first write on a watch (a saturated fake sends late,
  and the latency above counts that);
- CPU per transition: the coordinator's user+sys time, less that of a
  one-step workflow run the same way (the baseline: start-up, reading the
  plan, the first lists), divided by the Jobs run beyond that one;
- peak RSS of the coordinator process (from wait4).

Workflows: chain-N (N steps in sequence: every Job frees the next),
fanout-N (one step over N items with spec.parallelism P: every completion
frees the next item) and paced-N (the same fan-out, but every step runs
S/2 to 3S/2 seconds, as a real step at least does: about P/S completions
a second, apart). The fan-out's steps end at once, so it runs as fast as
the fake and the coordinator together can: it measures CPU per transition
and memory, and its latency is the time a completion waits in that closed
loop's queues, mostly the fake's (its lag column). The latency targets
are for the chain and the paced fan-out, where the load is below the
fake's own capacity: there the latency is the coordinator's reaction.
BENCH_RUNS (default 3) runs of each; the median run (by CPU) is shown,
latencies are pooled over the runs. It prints figures: a missed target
is not a failure; a run that fails is (exit 1).

BENCH_CHAIN (500), BENCH_FANOUT (10000), BENCH_PACED (1000),
BENCH_STEP_S (2), BENCH_PARALLELISM (64) size them; BENCH_DRIVERS
("coordinator,wfc run") picks the drivers.
"""

import glob
import json
import os
import re
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)
TOKEN = "bench-token"

TARGETS = {"p50_ms": 20.0, "p99_ms": 100.0, "cpu_us": 1000.0, "rss_mib": 64.0}


def die(msg):
    sys.stderr.write("\n!!! bench/kube.py: FAILED: %s\n\n" % msg)
    sys.exit(1)


def make_cert(tmp):
    """A self-signed certificate for the fake: the in-cluster client speaks TLS."""
    cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
    r = subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                        "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                        "-keyout", key, "-out", cert, "-subj", "/CN=fakekube", "-addext",
                        "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        die("openssl could not make a certificate: %s" % r.stderr[-300:])
    return cert, key


class Fake:
    def __init__(self, build, tmp, tls):
        self.state = os.path.join(tmp, "state")
        os.makedirs(self.state)
        self.kubeconfig = os.path.join(tmp, "kubeconfig.json")
        cmd = [sys.executable, os.path.join(SRC, "tests/fakekube/fakekube.py"),
               "--port", "0", "--state-dir", self.state, "--token", TOKEN,
               "--image", "ghcr.io/wfc-dev/wfc*=%s" % os.path.join(build, "wfc"),
               "--pod-backoff", "0", "--history", "1000000",
               "--write-kubeconfig", self.kubeconfig,
               "--sandbox", os.path.join(build, "fakekube-sandbox"),
               "--tls-cert", tls[0], "--tls-key", tls[1]]
        self.ssl = ssl.create_default_context(cafile=tls[0])
        self.log = open(os.path.join(tmp, "fakekube.log"), "w")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self.log, text=True)
        self.url = self.proc.stdout.readline().strip()
        if not self.url.startswith("http"):
            die("fakekube did not start (see %s)" % self.log.name)
        while not os.path.exists(self.kubeconfig):
            time.sleep(0.02)

    def get(self, path):
        rq = urllib.request.Request(self.url + path,
                                    headers={"Authorization": "Bearer " + TOKEN})
        with urllib.request.urlopen(rq, timeout=60, context=self.ssl) as r:
            return json.loads(r.read())

    def cpu(self):
        """user+sys seconds the fake itself has used."""
        with open("/proc/%d/stat" % self.proc.pid) as f:
            v = f.read().rsplit(")", 1)[1].split()
        return (int(v[11]) + int(v[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def workflow(kind, n, parallelism, path, step_s=0):
    """Write the workflow; with step_s, the fan-out's item k sleeps between
    step_s/2 and 3*step_s/2 seconds (spread evenly, in a fixed order), so
    that completions come apart as real steps' do, not in waves."""
    if kind == "fanout":
        lines = ["    - - name: each", "        template: noop"]
        if step_s:
            lines += ["        arguments:", "          parameters:", "          - name: s",
                      '            value: "{{item}}"']
        lines += ["        withItems:"]
        if step_s:
            lines += ['        - "%.3f"' % (step_s * (0.5 + (i * 7919 % 1000) / 1000.0)) for i in range(n)]
        else:
            lines += ["        - item-%05d" % i for i in range(n)]
        extra = "  parallelism: %d\n" % parallelism
    else:
        lines = []
        for i in range(n):
            lines += ["    - - name: step-%05d" % i, "        template: noop"]
        extra = ""
    with open(path, "w") as f:
        f.write("apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
                "metadata:\n  generateName: bench-%s-%d-\n"
                "spec:\n  entrypoint: main\n%s"
                "  templates:\n  - name: main\n    steps:\n%s\n"
                "  - name: noop\n%s    container:\n      image: alpine:3.19\n"
                "      command: %s\n" % (kind, n, extra, "\n".join(lines),
                                        "    inputs:\n      parameters:\n      - name: s\n" if step_s else "",
                                        '[sleep, "{{inputs.parameters.s}}"]' if step_s else '["true"]'))


def run_once(build, tmp, tls, path, detach, window):
    """One run on a fresh fake: the figures of that run (window: how many
    Jobs run at once)."""
    fake = Fake(build, tmp, tls)
    try:
        cmd = [os.path.join(build, "wfc"), "run", "--kubeconfig", fake.kubeconfig,
               "-n", "default"] + (["--detach"] if detach else []) + [path]
        t0 = time.monotonic()
        usage = None
        out = open(os.path.join(tmp, "wfc.out"), "w+")
        err = open(os.path.join(tmp, "wfc.err"), "w+")
        if detach:
            pid = os.posix_spawn(cmd[0], cmd, os.environ, file_actions=[
                (os.POSIX_SPAWN_DUP2, out.fileno(), 1), (os.POSIX_SPAWN_DUP2, err.fileno(), 2)])
            _, status, _ = os.wait4(pid, 0)
            rc = os.waitstatus_to_exitcode(status)
        else:
            # bench_measure runs it: a child of this process would start
            # with this process's peak RSS
            m = subprocess.run([os.path.join(build, "bench", "bench_measure"), "-n", "1", "-c",
                                "--"] + cmd, stdout=subprocess.PIPE, text=True, check=True).stdout
            m = re.match(r"median_s=\S+ maxrss_kib=(\d+) status=(\d+) cpu_s=\S+ self_cpu_s=([0-9.]+)", m)
            if not m:
                die("unexpected bench_measure output")
            rc = int(m.group(2))
            usage = (float(m.group(3)), float(m.group(1)))
        if rc != 0:
            err.seek(0)
            die("%s exited %d: %s" % (" ".join(cmd), rc, err.read()[-2000:]))
        if detach:
            out.seek(0)
            name = out.read().split()[0]
            deadline = time.monotonic() + 3600
            while True:
                jobs = fake.get("/apis/batch/v1/namespaces/default/jobs"
                                "?labelSelector=wfc.dev/role%3Dcoordinator")["items"]
                conds = [c for j in jobs for c in (j.get("status") or {}).get("conditions") or []
                         if c.get("status") == "True" and c.get("type") in ("Complete", "Failed")]
                if conds:
                    if conds[0]["type"] != "Complete":
                        die("the coordinator of %s failed: %s" % (name, conds[0].get("message")))
                    break
                if time.monotonic() > deadline:
                    die("the coordinator of %s did not end within an hour" % name)
                time.sleep(0.2)
        wall = time.monotonic() - t0
        stats = fake.get("/fake/stats")
        fake_cpu = fake.cpu()
        if detach:
            # the coordinator's last line: its CPU and its own peak memory
            # (the pod's rusage would count the fake's fork before the exec)
            co = [e for e in stats["containerExits"] if e["container"] == "coordinator"]
            if co:
                logs = glob.glob(os.path.join(fake.state, "pods", co[0]["namespace"],
                                              co[0]["pod"] + "-*", "containers", "coordinator",
                                              "log.*"))
                text = ""
                for log in logs:
                    with open(log) as f:
                        text += f.read()
                m = re.search(r"CPU: ([0-9.]+) s; peak memory: ([0-9.]+) MiB", text)
                if not m:
                    die("the coordinator's log has no usage line: %s" % text[-1000:])
                usage = (float(m.group(1)), float(m.group(2)) * 1024)
    finally:
        fake.stop()
    for f in ("wfc.out", "wfc.err", "kubeconfig.json", "fakekube.log"):
        os.unlink(os.path.join(tmp, f))
    subprocess.run(["rm", "-rf", "--", os.path.join(tmp, "state")], check=True)

    if detach:
        co = [e for e in stats["containerExits"] if e["container"] == "coordinator"]
        if len(co) != 1 or co[0]["exitCode"] != 0:
            die("expected one coordinator container that exited 0, got %r" % co)
    cpu, rss_kib = usage
    steps = [e for e in stats["containerExits"] if e["container"] != "coordinator"]
    if any(e["exitCode"] != 0 for e in steps):
        die("a step failed: %r" % [e for e in steps if e["exitCode"] != 0][:3])
    times = stats["jobTimes"]
    if detach:
        times = {k: t for k, t in times.items() if k != "default/" + name}
    done = sorted(t["completed"] for t in times.values() if "completed" in t)
    starts = sorted(t["unsuspended"] for t in times.values() if "unsuspended" in t)
    # the k-th completion frees the (k + window)-th start; the first
    # window starts were freed by none
    lat = [(u - done[k - window]) * 1000.0 for k, u in enumerate(starts)
           if k >= window and k - window < len(done)]
    lag = [(t["sent"] - t["completed"]) * 1000.0 for t in times.values()
           if "sent" in t and "completed" in t]
    return {"jobs": len(steps), "cpu": cpu, "rss_kib": rss_kib, "wall": wall,
            "latencies": lat, "lags": lag, "fake_cpu": fake_cpu}


def pct(v, q):
    v = sorted(v)
    if not v:
        return float("nan")
    k = min(len(v) - 1, max(0, int(round(q / 100.0 * len(v) + 0.5)) - 1))
    return v[k]


def main():
    if len(sys.argv) > 2 or (len(sys.argv) == 2 and sys.argv[1].startswith("-")):
        sys.stderr.write("usage: bench/kube.py [BUILD_DIR]\n")
        sys.exit(2)
    build = os.path.abspath(sys.argv[1] if len(sys.argv) == 2 else "build")
    if not os.access(os.path.join(build, "wfc"), os.X_OK):
        die("%s/wfc is missing; build first (cmake --build %s)" % (build, build))
    if not os.access(os.path.join(build, "fakekube-sandbox"), os.X_OK):
        die("%s/fakekube-sandbox is missing; it is built with the tests (-DWFC_TESTS=ON)" % build)
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    nchain = int(os.environ.get("BENCH_CHAIN", "500"))
    nfan = int(os.environ.get("BENCH_FANOUT", "10000"))
    npaced = int(os.environ.get("BENCH_PACED", "1000"))
    step_s = float(os.environ.get("BENCH_STEP_S", "2"))
    par = int(os.environ.get("BENCH_PARALLELISM", "64"))

    with tempfile.TemporaryDirectory(prefix="wfc-kbench.") as tmp:
        tls = make_cert(tmp)
        cases = [("one", "chain", 1, 0), ("chain-%d" % nchain, "chain", nchain, 0),
                 ("fanout-%d" % nfan, "fanout", nfan, 0),
                 ("paced-%d" % npaced, "fanout", npaced, step_s)]
        rows = {}
        drivers = [d for d in (("coordinator", True), ("wfc run", False))
                   if os.environ.get("BENCH_DRIVERS", "coordinator,wfc run").find(d[0]) >= 0]
        for mode, detach in drivers:
            for label, kind, n, step in cases:
                path = os.path.join(tmp, label + ".yaml")
                workflow(kind, n, par, path, step)
                res = []
                for i in range(runs):
                    sys.stderr.write("bench/kube.py: %s %s, run %d of %d\n" % (mode, label, i + 1, runs))
                    r = run_once(build, tmp, tls, path, detach, par if kind == "fanout" else 1)
                    if r["jobs"] != n:
                        die("%s ran %d Jobs, expected %d" % (label, r["jobs"], n))
                    res.append(r)
                res.sort(key=lambda r: r["cpu"])
                med = dict(res[len(res) // 2])
                med["latencies"] = [x for r in res for x in r["latencies"]]
                med["lags"] = [x for r in res for x in r["lags"]]
                rows[(mode, label)] = med

        print("%-12s %-13s %6s %8s %8s %8s %8s %11s %9s %8s %9s" %
              ("driver", "workflow", "jobs", "wall_s", "p50_ms", "p99_ms", "max_ms",
               "cpu_us/job", "rss_MiB", "fake_s", "lag_p99"))
        for (mode, label), r in rows.items():
            base = rows[(mode, "one")]
            per = ((r["cpu"] - base["cpu"]) / (r["jobs"] - 1) * 1e6) if r["jobs"] > 1 else float("nan")
            r["per_us"] = per
            lat = r["latencies"]
            print("%-12s %-13s %6d %8.1f %8.1f %8.1f %8.1f %11.0f %9.1f %8.1f %9.1f" %
                  (mode, label, r["jobs"], r["wall"], pct(lat, 50), pct(lat, 99),
                   max(lat) if lat else float("nan"), per, r["rss_kib"] / 1024.0, r["fake_cpu"],
                   pct(r["lags"], 99)))
        print()
        for mode, _ in drivers:
            b = rows[(mode, "one")]
            print("baseline (one step), %s: CPU %.0f ms, peak RSS %.1f MiB" %
                  (mode, b["cpu"] * 1e3, b["rss_kib"] / 1024.0))
        print()
        checks = []
        for mode, _ in drivers:
            for label, kind, n, step in cases[1:]:
                r = rows[(mode, label)]
                # a saturated fan-out's latency is the fake's queues
                if kind == "chain" or step:
                    checks += [
                        ("%s: latency p50, %s" % (mode, label), pct(r["latencies"], 50), TARGETS["p50_ms"], "ms"),
                        ("%s: latency p99, %s" % (mode, label), pct(r["latencies"], 99), TARGETS["p99_ms"], "ms"),
                    ]
                checks.append(("%s: CPU per transition, %s" % (mode, label), r["per_us"], TARGETS["cpu_us"], "us"))
            checks.append(("%s: peak RSS, fanout-%d" % (mode, nfan), rows[(mode, "fanout-%d" % nfan)]["rss_kib"] / 1024.0,
                           TARGETS["rss_mib"], "MiB"))
        for what, v, t, unit in checks:
            print("%-46s %9.1f %-3s (target <= %g): %s" % (what, v, unit, t, "met" if v <= t else "NOT met"))


if __name__ == "__main__":
    main()
