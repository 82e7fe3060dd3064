/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Process control inside libtrace: the handles of the processes dtrace -c
 * creates and dtrace -p grabs.  The theory is at the top of dt_proc.c.
 */
#ifndef DT_PROC_H
#define DT_PROC_H

#include <stdint.h>
#include <sys/types.h>

#include "dt_impl.h"

/* One controlled process (dtrace_proc_t in the public API). */
struct dtrace_proc {
	struct dtrace_proc *dpr_next;	/* the handle's list, in creation order */
	pid_t dpr_pid;
	int dpr_pidfd;			/* readable once the process has exited */
	int dpr_gofd;			/* -c: our end of the hold socket, or -1 */
	pid_t *dpr_tids;		/* -p: the threads held stopped by ptrace */
	int dpr_ntids;
	int dpr_created;		/* we forked it: reaped by us, killed on close */
	int dpr_state;			/* DTRACE_PROC_* */
	int dpr_wstatus;		/* wait status, when dpr_created */
	int dpr_notified;		/* the exit went to the handler */
};

/* Every process of the handle, for the pid provider and ustack() later. */
struct dt_proclist {
	struct dtrace_proc *dpl_head;
	dtrace_handle_proc_f *dpl_hdlr;	/* dtrace_handle_proc() */
	void *dpl_arg;
};

/*
 * Wait up to ns nanoseconds (a signal ends it early) or until a process
 * exits; then tell the handler of every exit seen.  dtrace_sleep's wait.
 */
void dt_proc_sleep(dtrace_hdl_t *dtp, int64_t ns);
/* dtrace_close: kill what we created and still hold, release the rest. */
void dt_proc_fini(dtrace_hdl_t *dtp);
/* The handle of pid, or NULL: for the pid provider and ustack(). */
struct dtrace_proc *dt_proc_lookup(dtrace_hdl_t *dtp, pid_t pid);

#endif /* DT_PROC_H */
