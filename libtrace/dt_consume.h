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
#include <dtrace/dif.h>
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
	const struct dtrace_dof_agg *den_aggs;
	uint32_t den_naggs;
	uint32_t den_aggbase;		/* dar_aggid of its first */
};

/* One aggregation of the state (by dar_aggid), from its DOF. */
struct dt_aggdesc {
	const struct dtrace_dof_agg *dad_agg;
	const struct dtrace_dof_rec *dad_keyrecs;	/* [dofag_nkeys] */
	uint32_t dad_keyact[DIF_TUPLE_MAX];	/* the action that made each
						 * key (sym(), usym() ...,
						 * its ARG's dofa_arg), or 0 */
	uint32_t dad_keysize;		/* rounded up to 8 */
	uint32_t dad_valsize;
	bool dad_printed;		/* by printa(): not again at exit */
	uint64_t dad_normal;		/* normalize(): printed values / this */
};

/* One key of one aggregation, merged over CPUs and snapshots. */
struct dt_aggent {
	struct dt_aggent *dae_next;	/* hash chain */
	uint32_t dae_aggid;
	uint32_t dae_hash;
	char *dae_key;			/* dad_keysize bytes */
	int64_t *dae_val;		/* dad_valsize bytes */
	int64_t *dae_percpu;		/* aggpercpu: dc_aggncpus values */
	uint8_t *dae_cpuseen;		/* ... which CPUs brought one */
};

#define DT_AGG_NBUCKETS	4096

/*
 * The slowest statusrate honoured: the module's deadman (kernel/
 * dtk_state.c) stops a state whose consumer has not asked for status in
 * 30 s; DTrace caps statusrate at 10 s too.
 */
#define DT_STATUSRATE_MAX	(10 * (int64_t)1000000000)

/* What an epid means, asked of the module once. */
struct dt_epid {
	bool dep_known;
	uint32_t dep_epid;
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
	int64_t dc_switchrate;		/* ns: buffers drained this often */
	int64_t dc_aggrate;		/* ns: aggregations snapshotted */
	int64_t dc_statusrate;		/* ns: the state's status asked */
	int64_t dc_lastswitch;		/* CLOCK_MONOTONIC ns of the last */
	int64_t dc_lastagg;		/* ... snapshot */
	int64_t dc_laststatus;		/* ... status */
	uint64_t dc_errors;		/* probe-context faults seen so far */
	uint64_t dc_dvdrops;		/* dynamic variable drops reported */
	uint64_t dc_specdrops;		/* speculative drops reported */
	uint32_t dc_specbusy;		/* failed speculations reported */
	uint32_t dc_specunavail;
	uint32_t dc_dvdirty;		/* ... with non-empty dirty list */
	uint32_t dc_dvrinsing;		/* ... with non-empty rinsing list */
	struct dt_aggdesc *dc_aggs;	/* by dar_aggid */
	uint32_t dc_naggs;
	struct dt_aggent *dc_agghash[DT_AGG_NBUCKETS];
	struct dt_aggent **dc_aggents;	/* every entry, for sorting */
	size_t dc_naggents;
	char *dc_aggbuf;		/* one CPU's aggregation snapshot */
	size_t dc_aggbufsize;
	uint32_t dc_aggncpus;		/* aggpercpu: CPUs kept apart, or 0 */
	uint8_t *dc_aggcpuok;		/* ... those that can snapshot */
	bool dc_flow;			/* flowindent */
	bool dc_droptags;		/* droptags: "[DTRACEDROP_...] " */
	int dc_stackindent;		/* stackindent */
	bool dc_rawbytes;		/* rawbytes */
	int dc_indent;			/* flowindent's depth, in columns */
	uint32_t dc_lastepid;		/* flowindent: the record before */
	int dc_savedfd;			/* freopen(): the first output's
					 * descriptor + 1, or 0 */
};

/* The handle's consumer state, created on first use; NULL: no memory. */
struct dt_consumer *dt_consumer(dtrace_hdl_t *dtp);
/* Read the options the consumer honours as it goes (quiet, flowindent). */
void dt_consume_options(dtrace_hdl_t *dtp);
/*
 * print(): the value at addr (size bytes) as its C type typename,
 * illumos-style (dt_print.c); 0 when the type is not known (print it as
 * trace() would), 1 when printed.
 */
int dt_print_typed(dtrace_hdl_t *dtp, FILE *fp, const char *typename,
		   const char *addr, size_t size);
/* Drain every CPU's buffer and print what it holds. */
int dt_consume(dtrace_hdl_t *dtp, FILE *fp);
/* A sym(), mod(), usym(), umod() or uaddr() record (or aggregation key)
 * as DTrace prints it: "  %-50s" of its symbol. */
void dt_print_symrec(FILE *fp, uint32_t kind, const char *addr, uint32_t size);
/* Aggregations (dt_agg.c): describe an enabled DOF's, take snapshots. */
int dt_agg_enable(dtrace_hdl_t *dtp, struct dt_enab *en);
/* printa(): the ARG actions after action ai name the aggregations. */
int dt_agg_printa(dtrace_hdl_t *dtp, FILE *fp, const struct dt_enab *en,
		  uint32_t ai);
int dt_agg_snap(dtrace_hdl_t *dtp);
/*
 * The consumer-side actions on aggregation id (dar_aggid): clear() zeroes
 * the values and keeps the keys; trunc() keeps the n largest (n < 0: the
 * -n smallest; all: none); normalize() divides what is printed.
 */
void dt_agg_clear(dtrace_hdl_t *dtp, uint32_t id);
void dt_agg_trunc(dtrace_hdl_t *dtp, uint32_t id, int64_t n, bool all);
void dt_agg_normalize(dtrace_hdl_t *dtp, uint32_t id, uint64_t normal);
void dt_agg_fini(struct dt_consumer *dc);

#endif /* DT_CONSUME_H */
