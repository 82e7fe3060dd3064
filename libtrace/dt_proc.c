// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Process control: the processes dtrace -c creates and dtrace -p grabs.
 *
 * Theory.  DTrace holds its victim processes still while tracing starts,
 * so that nothing they do after the command line is read goes unseen, and
 * lets them go once the enablings are on (dtrace_go).  Tracing ends when
 * the last of them exits.  Each process has one handle (struct
 * dtrace_proc, dt_proc.h) on the handle's list, in command-line order;
 * the first sets $target (the compiler's cs_target) before any D is
 * compiled, which is why cmd/dtrace creates and grabs before compiling.
 *
 *   dtrace -c 'cmd args'              dtrace -p pid
 *   ────────────────────              ─────────────
 *   resolve cmd on PATH (errors       check the pid (no such process,
 *     before anything runs)             zombie, system process, self)
 *   socketpair, fork: the child       pidfd_open; PTRACE_SEIZE and
 *     closes the other hold sockets     PTRACE_INTERRUPT every thread in
 *     blocks in read()                  /proc/pid/task, until a pass
 *   pidfd_open(child)                   finds no new thread
 *        │                                  │
 *        └──── STOPPED: compile, enable, dtrace_go ────┘
 *                           │
 *   dtrace_proc_continue: write one byte   PTRACE_DETACH every thread
 *     (the child execs: its execve and
 *     first system calls are traced)
 *                           │
 *        RUN: dtrace_sleep polls every pidfd with its timeout
 *                           │
 *   UNDEAD: a created child is reaped (waitpid) for its wait status,
 *     a grabbed process has none; the handler is told once
 *
 * The hold before exec (not after it, as Solaris' Pcreate does) is what a
 * Linux user wants from -c with the syscall provider: the exec and the
 * dynamic linker's work are traced.  The pid provider, which needs the
 * process's mappings at compile time, will add a stop after exec
 * (PTRACE_O_TRACEEXEC) to the same handle; ustack() symbolization will
 * find the handle by pid (dt_proc_lookup) to read /proc/pid/maps.
 *
 * Robustness: the hold socket's child end sees EOF if dtrace dies, and the
 * child then exits without exec'ing; a tracer's death detaches its
 * tracees, so a grabbed process never stays stopped behind us.  On close,
 * created processes still alive are killed (DTrace's rule: the command
 * lives only as long as the tracing of it); grabbed ones are let go.
 *
 * Messages are DTrace's: "failed to execute %s: cannot find executable
 * file", "failed to grab pid %d: no such process", ....
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "dt_cc.h"
#include "dt_proc.h"

#define DT_PF_KTHREAD	0x00200000	/* task flags: a kernel thread */

static struct dt_proclist *dt_procs(dtrace_hdl_t *dtp)
{
	if (!dtp->dt_procs)
		dtp->dt_procs = calloc(1, sizeof(*dtp->dt_procs));
	return dtp->dt_procs;
}

static int dt_pidfd_open(pid_t pid)
{
	return (int)syscall(SYS_pidfd_open, pid, 0);
}

/* The first process of the command line is $target. */
static void dt_proc_target(dtrace_hdl_t *dtp, pid_t pid)
{
	struct dt_cstate *cs = dt_cc_state(dtp);

	if (cs && cs->cs_target == 0)
		cs->cs_target = pid;
}

static struct dtrace_proc *dt_proc_new(dtrace_hdl_t *dtp, pid_t pid)
{
	struct dt_proclist *dpl = dt_procs(dtp);
	struct dtrace_proc *P, **pp;

	P = dpl ? calloc(1, sizeof(*P)) : NULL;
	if (!P) {
		dt_set_errno(dtp, ENOMEM);
		return NULL;
	}
	P->dpr_pid = pid;
	P->dpr_pidfd = -1;
	P->dpr_gofd = -1;
	P->dpr_state = DTRACE_PROC_STOPPED;
	for (pp = &dpl->dpl_head; *pp; pp = &(*pp)->dpr_next)
		;
	*pp = P;
	return P;
}

/*
 * Find file as execvp would: on PATH unless it names a directory.  The
 * result is malloc'd; NULL with *errp ENOENT or EACCES.
 */
static char *dt_proc_which(const char *file, int *errp)
{
	const char *path = getenv("PATH"), *p, *end;
	struct stat st;
	char *buf;
	size_t n;

	*errp = ENOENT;
	if (!*file)
		return NULL;
	if (strchr(file, '/')) {
		if (stat(file, &st) != 0)
			return NULL;
		if (!S_ISREG(st.st_mode) || access(file, X_OK) != 0) {
			*errp = EACCES;
			return NULL;
		}
		return strdup(file);
	}
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path;; p = end + 1) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		n = (size_t)(end - p);
		buf = malloc(n + strlen(file) + 2);
		if (!buf)
			return NULL;
		snprintf(buf, n + strlen(file) + 2, "%.*s%s%s", (int)n, p,
			 n ? "/" : "", file);
		if (stat(buf, &st) == 0 && S_ISREG(st.st_mode)) {
			if (access(buf, X_OK) == 0)
				return buf;
			*errp = EACCES;
		}
		free(buf);
		if (!*end)
			return NULL;
	}
}

dtrace_proc_t *dtrace_proc_create(dtrace_hdl_t *dtp, const char *file,
				  char *const argv[])
{
	struct dt_proclist *dpl = dt_procs(dtp);
	struct dtrace_proc *P, *Q;
	struct dt_cstate *cs = dt_cc_state(dtp);
	char **env = cs ? cs->cs_env : NULL;	/* -xsetenv, -xunsetenv */
	int hold[2], err;
	char *path;
	pid_t pid;

	path = dt_proc_which(file, &err);
	if (!path) {
		dt_set_errmsg(dtp, err, "failed to execute %s: %s", file,
			      err == EACCES ? "cannot execute file" :
			      "cannot find executable file");
		return NULL;
	}
	/* A socket, not a pipe: writing to a dead child raises no SIGPIPE. */
	if (!dpl || socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0,
			       hold) != 0) {
		free(path);
		dt_set_errmsg(dtp, errno, "failed to execute %s: cannot fork",
			      file);
		return NULL;
	}
	/* What we buffered must not be written twice. */
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		char c;
		ssize_t r;

		/* Earlier children must see EOF when dtrace goes away. */
		for (Q = dpl->dpl_head; Q; Q = Q->dpr_next)
			if (Q->dpr_gofd >= 0)
				close(Q->dpr_gofd);
		close(hold[1]);
		do
			r = read(hold[0], &c, 1);
		while (r < 0 && errno == EINTR);
		if (r != 1)
			_exit(127);	/* dtrace never let us go */
		if (env)
			execve(path, argv, env);
		else
			execv(path, argv);
		fprintf(stderr, "dtrace: failed to execute %s: %s\n", file,
			strerror(errno));
		_exit(127);
	}
	free(path);
	close(hold[0]);
	if (pid < 0) {
		close(hold[1]);
		dt_set_errmsg(dtp, errno, "failed to execute %s: cannot fork",
			      file);
		return NULL;
	}
	P = dt_proc_new(dtp, pid);
	if (!P) {
		close(hold[1]);
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		return NULL;
	}
	P->dpr_created = 1;
	P->dpr_gofd = hold[1];
	P->dpr_pidfd = dt_pidfd_open(pid);
	dt_proc_target(dtp, pid);
	return P;
}

/* One field of /proc/pid/status ("Tgid", "TracerPid"), or -1. */
static long dt_proc_status_field(pid_t pid, const char *name)
{
	char path[64], line[256];
	size_t n = strlen(name);
	long v = -1;
	FILE *fp;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	fp = fopen(path, "re");
	if (!fp)
		return -1;
	while (fgets(line, sizeof(line), fp))
		if (strncmp(line, name, n) == 0 && line[n] == ':') {
			v = strtol(line + n + 1, NULL, 10);
			break;
		}
	fclose(fp);
	return v;
}

/*
 * Why pid cannot be grabbed, in Pgrab's words, or NULL if it can be
 * tried: the state and flags come from /proc/pid/stat.
 */
static const char *dt_proc_grabbable(pid_t pid)
{
	char path[64], buf[1024], *p;
	unsigned long flags = 0;
	char state = '?';
	ssize_t n;
	int fd;

	if (pid <= 0)
		return "no such process";
	if (pid == getpid())
		return "attempt to grab self";
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return "no such process";
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return "no such process";
	buf[n] = '\0';
	/* "pid (comm) S ppid pgrp session tty tpgid flags ..." */
	p = strrchr(buf, ')');
	if (p && sscanf(p + 1, " %c %*d %*d %*d %*d %*d %lu", &state,
			&flags) != 2)
		state = '?';
	if (dt_proc_status_field(pid, "Tgid") != pid)
		return "no such process";	/* a thread, not a process */
	if (state == 'Z' || state == 'X')
		return "zombie process";
	if (flags & DT_PF_KTHREAD)
		return "system process";
	return NULL;
}

/* Stop one thread under ptrace; 1 if held, 0 if gone, -1 on error. */
static int dt_proc_seize(pid_t tid)
{
	int st;

	if (ptrace(PTRACE_SEIZE, tid, 0, 0) != 0)
		return errno == ESRCH ? 0 : -1;
	if (ptrace(PTRACE_INTERRUPT, tid, 0, 0) != 0 ||
	    waitpid(tid, &st, __WALL) != tid || !WIFSTOPPED(st)) {
		ptrace(PTRACE_DETACH, tid, 0, 0);
		return 0;
	}
	return 1;
}

static int dt_proc_holds(const struct dtrace_proc *P, pid_t tid)
{
	int i;

	for (i = 0; i < P->dpr_ntids; i++)
		if (P->dpr_tids[i] == tid)
			return 1;
	return 0;
}

/* Let every held thread go; a dead one is reaped from our wait list. */
static void dt_proc_detach(struct dtrace_proc *P)
{
	int i;

	for (i = 0; i < P->dpr_ntids; i++)
		if (ptrace(PTRACE_DETACH, P->dpr_tids[i], 0, 0) != 0)
			waitpid(P->dpr_tids[i], NULL, __WALL | WNOHANG);
	free(P->dpr_tids);
	P->dpr_tids = NULL;
	P->dpr_ntids = 0;
}

/*
 * Hold every thread of the process: a thread created while we scan is
 * found by the next pass, and a pass that finds none new ends it (the
 * threads seen are all stopped, so none can create another).
 */
static int dt_proc_stop_all(struct dtrace_proc *P)
{
	char path[64];
	int found;

	snprintf(path, sizeof(path), "/proc/%d/task", (int)P->dpr_pid);
	do {
		struct dirent *de;
		DIR *dir = opendir(path);

		if (!dir)
			return P->dpr_ntids ? 0 : -1;
		found = 0;
		while ((de = readdir(dir)) != NULL) {
			pid_t tid = (pid_t)strtol(de->d_name, NULL, 10);
			pid_t *tids;
			int r;

			if (tid <= 0 || dt_proc_holds(P, tid))
				continue;
			r = dt_proc_seize(tid);
			if (r < 0) {
				int err = errno;

				closedir(dir);
				errno = err;
				return -1;
			}
			if (r == 0)
				continue;
			tids = realloc(P->dpr_tids, (size_t)(P->dpr_ntids + 1) *
				       sizeof(*tids));
			if (!tids) {
				ptrace(PTRACE_DETACH, tid, 0, 0);
				closedir(dir);
				errno = ENOMEM;
				return -1;
			}
			P->dpr_tids = tids;
			P->dpr_tids[P->dpr_ntids++] = tid;
			found = 1;
		}
		closedir(dir);
	} while (found);
	if (!dt_proc_holds(P, P->dpr_pid)) {
		errno = ESRCH;
		return -1;
	}
	return 0;
}

dtrace_proc_t *dtrace_proc_grab(dtrace_hdl_t *dtp, int pid)
{
	const char *why = dt_proc_grabbable(pid);
	struct dtrace_proc *P, **pp;
	int pidfd, err;

	if (why) {
		dt_set_errmsg(dtp, ESRCH, "failed to grab pid %d: %s", pid, why);
		return NULL;
	}
	if (dt_proc_lookup(dtp, pid)) {
		dt_set_errmsg(dtp, EBUSY, "failed to grab pid %d: %s", pid,
			      "process is traced");
		return NULL;
	}
	pidfd = dt_pidfd_open(pid);
	if (pidfd < 0) {
		dt_set_errmsg(dtp, errno, "failed to grab pid %d: %s", pid,
			      errno == ESRCH ? "no such process" :
			      strerror(errno));
		return NULL;
	}
	P = dt_proc_new(dtp, pid);
	if (!P) {
		close(pidfd);
		return NULL;
	}
	P->dpr_pidfd = pidfd;
	if (dt_proc_stop_all(P) != 0) {
		err = errno;
		dt_proc_detach(P);
		for (pp = &dtp->dt_procs->dpl_head; *pp != P; pp = &(*pp)->dpr_next)
			;
		*pp = P->dpr_next;
		close(pidfd);
		free(P);
		dt_set_errmsg(dtp, err, "failed to grab pid %d: %s", pid,
			      err == ESRCH ? "no such process" :
			      err != EPERM ? strerror(err) :
			      dt_proc_status_field(pid, "TracerPid") > 0 ?
			      "process is traced" : "permission denied");
		return NULL;
	}
	dt_proc_target(dtp, pid);
	return P;
}

int dtrace_proc_continue(dtrace_hdl_t *dtp, dtrace_proc_t *P)
{
	(void)dtp;
	if (P->dpr_state != DTRACE_PROC_STOPPED)
		return 0;
	if (P->dpr_gofd >= 0) {
		ssize_t r;

		do
			r = send(P->dpr_gofd, "g", 1, MSG_NOSIGNAL);
		while (r < 0 && errno == EINTR);
		close(P->dpr_gofd);
		P->dpr_gofd = -1;
	}
	dt_proc_detach(P);
	P->dpr_state = DTRACE_PROC_RUN;
	return 0;
}

int dtrace_proc_pid(const dtrace_proc_t *P)
{
	return P->dpr_pid;
}

int dtrace_proc_state(const dtrace_proc_t *P)
{
	return P->dpr_state;
}

int dtrace_proc_wstatus(const dtrace_proc_t *P, int *wstatusp)
{
	if (P->dpr_state != DTRACE_PROC_UNDEAD || !P->dpr_created)
		return -1;
	*wstatusp = P->dpr_wstatus;
	return 0;
}

int dtrace_handle_proc(dtrace_hdl_t *dtp, dtrace_handle_proc_f *hdlr,
		       void *arg)
{
	struct dt_proclist *dpl = dt_procs(dtp);

	if (!dpl)
		return dt_set_errno(dtp, ENOMEM);
	dpl->dpl_hdlr = hdlr;
	dpl->dpl_arg = arg;
	return 0;
}

struct dtrace_proc *dt_proc_lookup(dtrace_hdl_t *dtp, pid_t pid)
{
	struct dtrace_proc *P;

	for (P = dtp->dt_procs ? dtp->dt_procs->dpl_head : NULL; P;
	     P = P->dpr_next)
		if (P->dpr_pid == pid)
			return P;
	return NULL;
}

/* The process behind P has exited: collect what there is to know. */
static void dt_proc_exited(struct dtrace_proc *P)
{
	P->dpr_state = DTRACE_PROC_UNDEAD;
	if (P->dpr_created &&
	    waitpid(P->dpr_pid, &P->dpr_wstatus, 0) != P->dpr_pid)
		P->dpr_created = 0;	/* no status to report after all */
}

void dt_proc_sleep(dtrace_hdl_t *dtp, int64_t ns)
{
	struct dt_proclist *dpl = dtp->dt_procs;
	struct dtrace_proc *P, **procs = NULL;
	struct pollfd *pfd = NULL;
	struct timespec ts;
	int n = 0, i;

	ts.tv_sec = ns / 1000000000;
	ts.tv_nsec = ns % 1000000000;
	for (P = dpl ? dpl->dpl_head : NULL; P; P = P->dpr_next)
		n++;
	if (n) {
		pfd = calloc((size_t)n, sizeof(*pfd));
		procs = calloc((size_t)n, sizeof(*procs));
	}
	n = 0;
	for (P = dpl && pfd && procs ? dpl->dpl_head : NULL; P;
	     P = P->dpr_next) {
		if (P->dpr_state == DTRACE_PROC_UNDEAD || P->dpr_pidfd < 0)
			continue;
		pfd[n].fd = P->dpr_pidfd;
		pfd[n].events = POLLIN;
		procs[n++] = P;
	}
	if (n == 0) {
		if (ns > 0)
			nanosleep(&ts, NULL);	/* a signal ends it early */
	} else if (ppoll(pfd, (nfds_t)n, &ts, NULL) > 0) {
		for (i = 0; i < n; i++)
			if (pfd[i].revents & (POLLIN | POLLHUP | POLLERR))
				dt_proc_exited(procs[i]);
	}
	free(pfd);
	free(procs);
	for (P = dpl ? dpl->dpl_head : NULL; P; P = P->dpr_next) {
		if (P->dpr_state != DTRACE_PROC_UNDEAD || P->dpr_notified)
			continue;
		P->dpr_notified = 1;
		if (dpl->dpl_hdlr)
			dpl->dpl_hdlr(P, NULL, dpl->dpl_arg);
	}
}

void dt_proc_fini(dtrace_hdl_t *dtp)
{
	struct dt_proclist *dpl = dtp->dt_procs;
	struct dtrace_proc *P, *next;

	if (!dpl)
		return;
	for (P = dpl->dpl_head; P; P = next) {
		next = P->dpr_next;
		if (P->dpr_created && P->dpr_state != DTRACE_PROC_UNDEAD) {
			kill(P->dpr_pid, SIGKILL);
			waitpid(P->dpr_pid, NULL, 0);
		}
		if (P->dpr_gofd >= 0)
			close(P->dpr_gofd);
		dt_proc_detach(P);
		if (P->dpr_pidfd >= 0)
			close(P->dpr_pidfd);
		free(P);
	}
	free(dpl);
	dtp->dt_procs = NULL;
}
