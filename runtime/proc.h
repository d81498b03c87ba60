/*
 * One workflow step as a host process tree (the primitive under
 * `wfc run --local`): start, poll or wait, kill, collect the result.
 *
 * The steps of a run share a pool (wfc_proc_pool): one private directory
 * for the run, ROOT = SCRATCH/wfc-run-XXXXXX, in which each running step
 * has a slot of its own:
 *   ROOT/K/tmp    the step's /tmp
 *   ROOT/K/work   the step's working directory (its cwd)
 *   ROOT/K/script the script source, when the spec has one
 *   ROOT/K/stdin  the stdin text, when the spec has one
 *   ROOT/K/stdout.log, ROOT/K/stderr.log  unless spec->log_dir says where
 * Once the step is destroyed its slot is emptied (wfc_proc_pool_tidy) and
 * a later step takes it again, truncating the logs, so a run of many steps
 * does not create and remove files and directories for each (see
 * wfc_proc_follow_logs); wfc_proc_pool_destroy removes ROOT.
 *
 * Isolation: the first step's child is cloned into a new mount namespace
 * (as root or with CAP_SYS_ADMIN), else into a new user and mount
 * namespace (unprivileged user namespaces); it makes every mount a slave
 * and bind-mounts its slot's tmp on /tmp: two steps writing /tmp/out.txt
 * never see each other's file and the host's /tmp is untouched. Where
 * neither is permitted (or the pool's no_namespaces is set) the step sees
 * the host's /tmp and gets TMPDIR=ROOT/K/tmp instead, which well-behaved
 * programs honour and hard-coded /tmp paths do not: wfc_proc_isolation()
 * says which one happened so the caller can say so once. The pool keeps a
 * slot's namespaces open (up to a limit) and the next step of the slot
 * enters them instead of making new ones.
 *
 * Environment: a clean minimal one (PATH and HOME taken from wfc's own
 * environment, or defaults), plus spec->env. A container sees only its
 * image's and its template's variables, so a step must not depend on
 * whatever the user's shell exported; spec->inherit_env gives the whole
 * parent environment instead when a caller wants it.
 *
 * stdout and stderr go straight to two files (no pipes to drain, so many
 * steps can run from one thread without deadlock); the result holds the
 * stdout tail as Argo's outputs.result.
 *
 * When the leader exits, whatever it left running in its process group is
 * SIGKILLed (as a container's processes end with its main process), and
 * the leader is reaped only after that, so its pid (the group id) cannot
 * have been reused. A process that leaves the group (setsid, a daemon) is
 * out of reach: there is no PID namespace, and it keeps the slot's /tmp
 * and work dir, which a later step of the run may then use too. SIGCHLD
 * must not be ignored (exit statuses would be lost: exit_code -1).
 *
 * The child is cloned as by vfork (no page tables copied; the caller waits
 * until it execs). Signal dispositions that are not the default when the
 * pool is created, and those of wfc_proc_signals_install, are reset to the
 * default in the step; one ignored later by the caller would stay ignored.
 *
 * Not thread-safe per pool; distinct pools are independent. The only
 * global state is the signal self-pipe of wfc_proc_signals_install.
 */
#ifndef WFC_RUNTIME_PROC_H
#define WFC_RUNTIME_PROC_H
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Argo keeps at most this much of a step's stdout as outputs.result. */
#define WFC_PROC_RESULT_MAX (256 * 1024)
/* How much of stderr the result keeps, for error messages. */
#define WFC_PROC_STDERR_TAIL (4 * 1024)

struct wfc_proc_spec {
	/* Command and arguments after substitution; NULL-terminated.
	 * argv[0] without a '/' is searched in the step's PATH. */
	const char *const *argv;
	/* NAME=VALUE entries, NULL-terminated, or NULL; they override the
	 * base environment (see above). */
	const char *const *env;
	bool inherit_env;
	/* Script source (Argo script templates): written to base/script,
	 * whose path is appended to argv (the template's command). */
	const char *script_source;
	/* Text fed to stdin; NULL means /dev/null. */
	const char *stdin_text;
	/* Seconds before the tree is killed (timed_out set); <= 0: none. */
	double timeout_s;
	/* Seconds between SIGTERM and SIGKILL on a kill; <= 0: 5 s. */
	double grace_s;
	/* Directory (created if missing) that keeps stdout.log and
	 * stderr.log after destroy; NULL: files in the run's directory,
	 * removed by destroy. */
	const char *log_dir;
	/* The run's pool (required). */
	struct wfc_proc_pool *pool;
};

enum wfc_proc_isolation {
	WFC_PROC_ISO_MOUNTNS,	/* private /tmp by a mount namespace */
	WFC_PROC_ISO_USERNS,	/* same, inside an unprivileged user namespace */
	WFC_PROC_ISO_TMPDIR,	/* no namespace: TMPDIR points at a private dir */
};

struct wfc_proc_result {
	int exit_code;		/* exit status; 128 + signal when killed */
	int signal;		/* terminating signal, 0 when it exited */
	bool timed_out;		/* killed because timeout_s passed */
	bool killed;		/* killed by wfc_proc_kill */
	char *stdout_text;	/* last WFC_PROC_RESULT_MAX bytes, one
				 * trailing newline trimmed, NUL-terminated */
	size_t stdout_len;
	bool stdout_truncated;	/* stdout was longer than the tail */
	char *stderr_tail;	/* last WFC_PROC_STDERR_TAIL bytes of stderr */
	double elapsed_s;
};

/* A running (then finished) process tree; opaque. */
struct wfc_proc;

struct wfc_proc_pool_cfg {
	/* Where the run's directory is created; NULL: $TMPDIR or /tmp. */
	const char *scratch_dir;
	/* Skip namespaces even where available (tests, debugging). */
	bool no_namespaces;
};

/* The steps of one run; opaque. */
struct wfc_proc_pool;

/* Creates the run's directory. 0 and *out, or -1 with a message in err. */
int wfc_proc_pool_create(const struct wfc_proc_pool_cfg *cfg,
			 struct wfc_proc_pool **out, char *err, size_t errlen);
/* Removes the run's directory; every proc of the pool must be destroyed
 * first. NULL is fine. */
void wfc_proc_pool_destroy(struct wfc_proc_pool *pool);
/* The run's directory (ROOT above). */
const char *wfc_proc_pool_dir(const struct wfc_proc_pool *pool);
/* Empties the slots of destroyed procs for the next steps: call it when
 * about to wait for a step, so that the work is done while a step runs
 * rather than between one's end and the next one's start (a start that
 * finds no free slot empties one itself). */
void wfc_proc_pool_tidy(struct wfc_proc_pool *pool);

/*
 * Starts the step. Returns 0 and *out, or -1 with a one-line lowercase
 * message in err: a command missing on the host says so by name
 * ("command not found: foo"), found before forking when possible.
 */
int wfc_proc_start(const struct wfc_proc_spec *s, struct wfc_proc **out,
		   char *err, size_t errlen);

/* Leader's pid, which is also the process group id. */
pid_t wfc_proc_pid(const struct wfc_proc *p);
/* A pidfd that polls readable (POLLIN) once the leader has exited, for a
 * scheduler's poll(); -1 where pidfds are unavailable (then call
 * wfc_proc_poll at least every wfc_proc_timeout_ms, capped at 50 ms).
 * Open until destroy (take it out of an epoll set before: a child being
 * started may hold a copy for a moment, which keeps it in the set). */
int wfc_proc_fd(const struct wfc_proc *p);
/* Milliseconds until this process's next deadline (timeout or kill
 * grace), for poll(); -1 when it has none; 0 when due. */
int wfc_proc_timeout_ms(const struct wfc_proc *p);
/* Does not block: enforces deadlines and reaps. 1 finished, 0 running. */
int wfc_proc_poll(struct wfc_proc *p);
/* Blocks until finished (deadlines enforced). */
void wfc_proc_wait(struct wfc_proc *p);
/* SIGTERM to the process group now, SIGKILL after grace_s (enforced by
 * poll/wait). Safe on a finished process. */
void wfc_proc_kill(struct wfc_proc *p);
/* The result once wfc_proc_poll returned 1 (or after wait); else NULL.
 * Owned by p. */
const struct wfc_proc_result *wfc_proc_result(const struct wfc_proc *p);

enum wfc_proc_isolation wfc_proc_isolation(const struct wfc_proc *p);
const char *wfc_proc_isolation_name(enum wfc_proc_isolation iso);
/* Host paths of the step's private directories and logs, valid until
 * destroy. */
const char *wfc_proc_workdir(const struct wfc_proc *p);
const char *wfc_proc_tmpdir(const struct wfc_proc *p);
const char *wfc_proc_stdout_path(const struct wfc_proc *p);
const char *wfc_proc_stderr_path(const struct wfc_proc *p);
/* Someone else reads the log files (opened while the step runs, read after
 * destroy): destroy unlinks them instead of leaving them to the slot's
 * next step, so what a reader opened stays this step's. */
void wfc_proc_follow_logs(struct wfc_proc *p);
/* The host path of a path as the step saw it (an output parameter's
 * valueFrom.path): /tmp/... maps into its tmp dir, a relative path into
 * its work dir, any other path is itself. Caller frees. */
char *wfc_proc_host_path(const struct wfc_proc *p, const char *step_path);

/* Kills a running tree (SIGKILL to the group), reaps it, removes its logs
 * (unless in spec->log_dir) and empties its slot for the next step. NULL
 * is fine. */
void wfc_proc_destroy(struct wfc_proc *p);

/*
 * Ctrl-C: children run in their own process groups, so the terminal's
 * SIGINT reaches only wfc. wfc_proc_signals_install installs SIGINT and
 * SIGTERM handlers that record the signal and write a byte to a self-pipe
 * (the one piece of global state here); the scheduler polls
 * wfc_proc_signal_fd() next to its pidfds and, when wfc_proc_signal_caught()
 * is non-zero, calls wfc_proc_kill on every running step. Returns 0 or -1.
 */
int wfc_proc_signals_install(void);
int wfc_proc_signal_fd(void);
int wfc_proc_signal_caught(void);

#endif
