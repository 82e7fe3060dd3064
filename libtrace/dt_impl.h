/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * libtrace internals shared by its files: the handle.  Each subsystem
 * (compiler, consumer) keeps its own state behind a pointer here rather
 * than growing this structure with its details.
 */
#ifndef DT_IMPL_H
#define DT_IMPL_H

#include "dtrace.h"

struct dtrace_hdl {
	int dt_fd;			/* /dev/dtrace, or -1 */
	int dt_oflags;			/* DTRACE_O_* given to dtrace_open */
	int dt_errno;			/* last error: errno or DTRACE_E* */
	char dt_errmsg[1024];		/* message for the last error, if set */
	dtrace_module_info_t dt_module;	/* the handshake's answer */
	struct dt_cstate *dt_cs;	/* the compiler's state (dt_cc.c) */
	struct dt_consumer *dt_cons;	/* the consumer's (dt_consume.h) */
	struct dt_proclist *dt_procs;	/* -c/-p processes (dt_proc.h) */
};

/* Free the consumer's state (dt_enable.c). */
void dt_consume_fini(dtrace_hdl_t *dtp);
/* The compiler's state (dt_cs): options, types, BTF; dtrace_close calls it. */
void dt_cc_fini(dtrace_hdl_t *dtp);

/* Set the handle's error; a message, if given, overrides the default. */
int dt_set_errno(dtrace_hdl_t *dtp, int err);
int dt_set_errmsg(dtrace_hdl_t *dtp, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* DT_IMPL_H */
