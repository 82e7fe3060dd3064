/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Speculations (kernel/dtk_spec.c, whose top comment has the theory) and
 * the destructive actions (kernel/dtk_destructive.c).  The functions
 * marked PROBE CONTEXT run inside a firing, interrupts off; the others in
 * process context, under the state's dts_lock.
 */
#ifndef DTK_SPEC_H
#define DTK_SPEC_H

#include "dtk_impl.h"

struct dif_mstate;

/* One CPU's buffer of one speculation: records as in the principal. */
struct dtk_specbuf {
	char			*dsb_data;	/* dss_size bytes */
	u64			dsb_offset;	/* written so far */
	u64			dsb_drops;	/* records that did not fit */
};

struct dtk_spec {
	int			dsp_state;	/* DTK_SPEC_*, changed by cmpxchg */
	bool			dsp_cleaning;	/* the cleaner's, see dtk_spec.c */
	struct dtk_specbuf	*dsp_bufs;	/* [nr_cpu_ids]; NULL: no data */
};

struct dtk_specs {
	struct dtk_state	*dss_state;
	u32			dss_n;		/* nspec; ids are 1 .. dss_n */
	u64			dss_size;	/* specsize, per CPU */
	struct dtk_spec		*dss_specs;	/* [dss_n] */
	atomic64_t		dss_drops;	/* of committed speculations */
	atomic64_t		dss_busy;	/* speculation(): all busy */
	atomic64_t		dss_unavail;	/* speculation(): none free */
	struct delayed_work	dss_cleaner;
};

/* Process context (kernel/dtk_state.c calls these). */
int dtk_spec_alloc(struct dtk_state *st);
void dtk_spec_stop(struct dtk_state *st);
void dtk_spec_free(struct dtk_state *st);
void dtk_spec_status(struct dtk_state *st, struct dtrace_ioc_status *ds);

/* PROBE CONTEXT (kernel/dtk_probe.c, kernel/dtk_dif_host.c). */
u64 dtk_spec_new(struct dtk_state *st);
struct dtk_specbuf *dtk_spec_buffer(struct dtk_state *st, int cpu, u64 id,
				    struct dif_mstate *ms);
struct dtrace_rechdr *dtk_spec_reserve(struct dtk_state *st,
				       struct dtk_specbuf *sb, u32 size);
void dtk_spec_commit(struct dtk_state *st, int cpu, u64 id,
		     struct dif_mstate *ms);
void dtk_spec_discard(struct dtk_state *st, int cpu, u64 id,
		      struct dif_mstate *ms);

/* The destructive actions, PROBE CONTEXT (kernel/dtk_destructive.c). */
void dtk_act_chill(struct dif_mstate *ms, u64 ns);
void dtk_act_raise(struct dif_mstate *ms, u64 sig);
void dtk_act_stop(void);
/* Panics, except on a CPU that comes second (it returns). */
void dtk_act_panic(const struct dtk_probe *prb);
/* Process context: no signal request of a firing is still queued. */
void dtk_act_sync(void);

#endif /* DTK_SPEC_H */
