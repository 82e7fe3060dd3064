/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The consumer's state kept in the handle: the DOFs it enabled (their
 * tables decode the buffers), what each epid means, the snapshot buffer,
 * and where tracing stands.  The theory is at the top of dt_consume.c.
 */
#ifndef DT_CONSUME_H
#define DT_CONSUME_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include <dtrace/abi.h>
#include <dtrace/dof.h>
#include "dt_impl.h"

/* One enabled DOF, kept to decode what its statements write. */
struct dt_enab {
	void *den_dof;
	size_t den_size;
	const char *den_strtab;
	size_t den_strlen;
	const struct dtrace_dof_stmt *den_stmts;
	uint32_t den_nstmts;
	const struct dtrace_dof_action *den_acts;
	uint32_t den_nacts;
	const struct dtrace_dof_rec *den_recs;
	uint32_t den_nrecs;
	struct dt_pfv **den_pfv;	/* parsed formats, by action index */
};

/* What an epid means, asked of the module once. */
struct dt_epid {
	bool dep_known;
	uint32_t dep_enabling;
	uint32_t dep_stmt;
	uint32_t dep_size;
	struct dtrace_probedesc dep_probe;
};

struct dt_consumer {
	struct dt_enab *dc_enabs;
	uint32_t dc_nenabs;
	struct dt_epid *dc_epids;	/* by epid */
	uint32_t dc_nepids;
	char *dc_buf;			/* one CPU's snapshot */
	size_t dc_bufsize;
	int dc_begancpu;		/* BEGIN ran here: drained first */
	int dc_endedcpu;		/* END ran here: drained last */
	int dc_errenab;			/* the library's ERROR enabling, or -1 */
	bool dc_started;
	bool dc_stopped;
	bool dc_exited;			/* an exit() record was consumed */
	int dc_status;			/* its value */
	bool dc_heading;		/* the CPU/ID/FUNCTION:NAME header */
	bool dc_quiet;
	bool dc_atend;			/* fill, ring: drain once stopped */
	int64_t dc_switchrate;		/* ns */
	struct timespec dc_lastswitch;
	uint64_t dc_errors;		/* probe-context faults seen so far */
	uint64_t dc_dvdrops;		/* dynamic variable drops reported */
};

/* The handle's consumer state, created on first use; NULL: no memory. */
struct dt_consumer *dt_consumer(dtrace_hdl_t *dtp);
/* Drain every CPU's buffer and print what it holds. */
int dt_consume(dtrace_hdl_t *dtp, FILE *fp);

#endif /* DT_CONSUME_H */
