"""Runs one container's process in a private mount namespace whose root is
built from the host's own directories (bound read-only) plus the pod's
volumes at their mountPaths, a private /tmp, /dev and termination-message
file, so a command sees the paths its Kubernetes manifest names.

    python3 sandbox.py SPEC.json        (run by kubelet.py, not by hand)
    python3 sandbox.py --probe          exit 0 when this machine allows it

SPEC.json: {"root": DIR, "mounts": [{"target", "source", "readOnly", "file"}],
"argv": [...], "env": {...}, "cwd": "/", "startError": FILE, "hostname": NAME}

Needs root, or unprivileged user namespaces; kubelet.py falls back to path
rewriting where neither works. Only the standard library (ctypes for
unshare(2), mount(2)).
"""

import ctypes
import json
import os
import sys

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWUTS = 0x04000000
MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_REMOUNT = 32
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18

# statvfs f_flag bits that a read-only remount must keep (locked in a user namespace)
ST_FLAGS = {1: MS_RDONLY, 2: MS_NOSUID, 4: MS_NODEV, 8: MS_NOEXEC}

SKIP = {"proc", "sys", "dev", "tmp", "lost+found"}
DEVICES = ["null", "zero", "full", "random", "urandom", "tty"]

_libc = None
_err_fd = None  # the start-error file, opened before chroot


def libc():
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
    return _libc


def _enc(s):
    return None if s is None else os.fsencode(s)


def mount(src, tgt, fstype, flags, data=None):
    if libc().mount(_enc(src), _enc(tgt), _enc(fstype), ctypes.c_ulong(flags), _enc(data)) != 0:
        e = ctypes.get_errno()
        raise OSError(e, "mount %s on %s: %s" % (src, tgt, os.strerror(e)))


def bind(src, tgt, ro=False, rec=True):
    mount(src, tgt, None, MS_BIND | (MS_REC if rec else 0))
    if ro:
        flags = MS_REMOUNT | MS_BIND | MS_RDONLY
        try:
            st = os.statvfs(src)
            for bit, ms in ST_FLAGS.items():
                if st.f_flag & bit:
                    flags |= ms
            mount(None, tgt, None, flags)
        except OSError:
            pass  # stays writable where the kernel refuses


def unshare():
    uid, gid = os.geteuid(), os.getegid()
    if uid == 0:
        if libc().unshare(CLONE_NEWNS | CLONE_NEWUTS) == 0:
            return
        if libc().unshare(CLONE_NEWNS) == 0:
            return
    if libc().unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWUTS) != 0:
        e = ctypes.get_errno()
        raise OSError(e, "unshare: " + os.strerror(e))
    with open("/proc/self/setgroups", "w") as f:
        f.write("deny")
    with open("/proc/self/uid_map", "w") as f:
        f.write("0 %d 1" % uid)
    with open("/proc/self/gid_map", "w") as f:
        f.write("0 %d 1" % gid)


def _needed(targets):
    """Every host path that must become a writable copy (a directory on the
    new root's tmpfs) so that the targets can be created below it."""
    need = set()
    for t in targets:
        parts = [p for p in t.split("/") if p]
        for i in range(1, len(parts)):
            need.add("/" + "/".join(parts[:i]))
    return need


def populate(dst, src, vpath, need, targets):
    """Fill dst (a directory on the tmpfs) with src's entries: each a
    read-only bind, except the directories on the way to a target, which are
    copied one level further."""
    try:
        entries = os.listdir(src)
    except OSError:
        return
    for e in entries:
        v = vpath.rstrip("/") + "/" + e
        if vpath == "/" and e in SKIP:
            continue
        if v in targets:
            continue  # the mount covers it
        s = os.path.join(src, e)
        d = os.path.join(dst, e)
        try:
            if v in need:
                os.mkdir(d)
                populate(d, os.path.realpath(s), v, need, targets)
            elif os.path.islink(s):
                os.symlink(os.readlink(s), d)
            elif os.path.isdir(s):
                os.mkdir(d)
                bind(s, d, ro=True)
            elif os.path.isfile(s):
                open(d, "w").close()
                bind(s, d, ro=True, rec=False)
        except OSError:
            continue


def make_dev(root):
    dev = os.path.join(root, "dev")
    os.makedirs(dev, exist_ok=True)
    mount("tmpfs", dev, "tmpfs", MS_NOSUID, "mode=755")
    for n in DEVICES:
        p = os.path.join(dev, n)
        open(p, "w").close()
        try:
            bind("/dev/" + n, p, rec=False)
        except OSError:
            os.unlink(p)
    for n, t in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"),
                 ("stdout", "/proc/self/fd/1"), ("stderr", "/proc/self/fd/2"),
                 ("ptmx", "pts/ptmx")):
        os.symlink(t, os.path.join(dev, n))
    for n in ("pts", "shm"):
        os.mkdir(os.path.join(dev, n))
    try:
        bind("/dev/pts", os.path.join(dev, "pts"))
    except OSError:
        pass
    try:
        mount("tmpfs", os.path.join(dev, "shm"), "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777")
    except OSError:
        pass


def build(spec):
    root = spec["root"]
    mounts = sorted(spec.get("mounts", []), key=lambda m: len(m["target"].rstrip("/")))
    targets = {m["target"].rstrip("/") or "/" for m in mounts}
    unshare()
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    os.makedirs(root, exist_ok=True)
    mount("tmpfs", root, "tmpfs", 0, "mode=755")
    need = _needed(targets) | {"/dev"}
    populate(root, "/", "/", need, targets | {"/dev"})
    for n in ("proc", "sys"):
        d = os.path.join(root, n)
        os.makedirs(d, exist_ok=True)
        try:
            bind("/" + n, d, ro=(n == "sys"))
        except OSError:
            pass
    make_dev(root)
    for m in mounts:
        t = root + m["target"].rstrip("/")
        if m.get("file"):
            os.makedirs(os.path.dirname(t), exist_ok=True)
            if not os.path.exists(t):
                open(t, "w").close()
            bind(m["source"], t, ro=m.get("readOnly", False), rec=False)
        else:
            os.makedirs(t, exist_ok=True)
            bind(m["source"], t, ro=m.get("readOnly", False))
    if spec.get("hostname"):
        try:
            h = spec["hostname"].encode()
            libc().sethostname(h, len(h))
        except (AttributeError, OSError):
            pass
    os.chroot(root)
    os.chdir("/")


def run(spec_file):
    with open(spec_file) as f:
        spec = json.load(f)
    global _err_fd
    try:
        _err_fd = os.open(spec["startError"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o644)
    except (KeyError, OSError):
        _err_fd = None
    try:
        build(spec)
    except OSError as e:
        _start_error(spec, "failed to create the sandbox: %s" % e)
    argv, env = spec["argv"], spec["env"]
    try:
        os.chdir(spec.get("cwd") or "/")
    except OSError:
        _start_error(spec, "chdir to cwd (\"%s\") set in config.json failed: no such file or directory"
                     % spec.get("cwd"))
    try:
        os.execvpe(argv[0], argv, env)
    except OSError as e:
        if isinstance(e, FileNotFoundError):
            why = "exec: \"%s\": executable file not found in $PATH" % argv[0] \
                if "/" not in argv[0] else "exec: \"%s\": stat %s: no such file or directory" % (argv[0], argv[0])
        else:
            why = "exec: \"%s\": %s" % (argv[0], e.strerror.lower() if e.strerror else e)
        _start_error(spec, why)


def _start_error(spec, why):
    msg = ("failed to create containerd task: failed to create shim task: OCI runtime create failed: "
           "runc create failed: unable to start container process: %s: unknown" % why)
    if _err_fd is not None:
        try:
            os.write(_err_fd, msg.encode())
        except OSError:
            pass
    sys.stderr.write(msg + "\n")
    os._exit(128)


def probe():
    """Exit 0 when a sandbox can be built here."""
    pid = os.fork()
    if pid == 0:
        try:
            unshare()
            mount(None, "/", None, MS_REC | MS_PRIVATE)
            os._exit(0)
        except BaseException:
            os._exit(1)
    _, st = os.waitpid(pid, 0)
    return os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--probe":
        sys.exit(0 if probe() else 1)
    if len(sys.argv) != 2:
        sys.stderr.write("usage: sandbox.py SPEC.json\n")
        sys.exit(2)
    run(sys.argv[1])
