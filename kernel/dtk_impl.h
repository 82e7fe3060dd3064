/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * dtrace.ko internals shared by kernel/ files: probes, providers, consumer
 * states, enablings, ECBs and buffers.  The theory of the probe framework
 * is at the top of kernel/dtk_probes.c, that of states, enablings and
 * buffers at the top of kernel/dtk_state.c, that of probe firing at the
 * top of kernel/dtk_probe.c.
 */
#ifndef DTK_IMPL_H
#define DTK_IMPL_H

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/atomic.h>
#include <linux/rcupdate.h>
#include <linux/smp.h>
#include <linux/workqueue.h>

#include <dtrace/abi.h>
#include <dtrace/dof.h>
#include "dif/dif_obj.h"
#include "dif/dif_dvar.h"
#include "dtk_provider.h"

/*
 * Lock order: a state's dts_lock, then dtk_provider_lock, then dtk_lock.
 * dtk_provider_lock serialises providers (registration and their provide
 * op, which creates probes); dtk_lock protects the probe table, every
 * probe's ECB chain, every state's ECB table and the list of states.
 */
extern struct mutex dtk_provider_lock;
extern struct mutex dtk_lock;

struct dtk_provider {
	struct list_head	dpv_link;	/* dtk_providers, dtk_lock */
	char			dpv_name[DTRACE_PROVNAMELEN];
	const struct dtk_pops	*dpv_ops;
	void			*dpv_priv;
	unsigned int		dpv_nenabled;	/* probes with ECBs */
};

struct dtk_ecb;

struct dtk_probe {
	dtk_id_t		dpr_id;
	struct dtk_provider	*dpr_prov;
	char			*dpr_mod;
	char			*dpr_func;
	char			*dpr_name;
	int			dpr_aframes;
	void			*dpr_arg;
	struct dtk_ecb __rcu	*dpr_ecb;	/* first ECB; published by RCU */
};

/*
 * The probe table: probe id i is dpt_probes[i - 1].  Probe context reads
 * it under RCU (interrupts off); growing it publishes a new table.
 */
struct dtk_ptab {
	u32			dpt_n;		/* ids in use: 1 .. dpt_n */
	u32			dpt_cap;
	struct rcu_head		dpt_rcu;
	struct dtk_probe	*dpt_probes[];
};
extern struct dtk_ptab __rcu *dtk_ptab;

/* The dtrace provider's probes, which the framework fires itself. */
extern dtk_id_t dtk_id_begin, dtk_id_end, dtk_id_error;

/*
 * An aggregation, from a DOF's AGGS table, validated: the key's layout
 * (DOF records, offsets within the key) and the value's size.
 */
struct dtk_agg {
	u32			dag_index;	/* the state's dar_aggid */
	u32			dag_func;	/* DTRACE_AGG_* */
	u32			dag_nkeys;
	u32			dag_keysize;	/* rounded up to 8 */
	u32			dag_valsize;
	const struct dtrace_dof_rec *dag_keyrecs; /* in den_dof */
	s64			dag_params[4];
};

/* One action of a statement, from the DOF, validated. */
struct dtk_action {
	struct dtk_agg		*dta_agg;	/* AGGREGATE: its aggregation */
	u32			dta_kind;	/* DTRACE_DOFACT_* */
	u32			dta_nargs;
	u64			dta_arg;
	bool			dta_hasdifo;
	bool			dta_hasrec;
	bool			dta_hasweight;	/* AGGREGATE: an AGGWEIGHT
						 * follows the keys */
	u16			dta_recflags;	/* DTRACE_DOFREC_F_* */
	u32			dta_recoff;	/* from the start of the payload */
	u32			dta_recsize;
	int			dta_bv;		/* the DIF_BV_* dta_difo only
						 * returns, or -1 (see
						 * dif_object_builtin()) */
	struct dif_object	dta_difo;	/* points into den_dof */
};

/* usym(), umod(), uaddr(): the pid and the address, 8 bytes each. */
static inline bool dtk_act_upair(u64 kind)
{
	return kind == DTRACE_DOFACT_USYM || kind == DTRACE_DOFACT_UMOD ||
	       kind == DTRACE_DOFACT_UADDR;
}

/* One statement: a probe description and what to do when it fires. */
struct dtk_stmt {
	struct dtrace_probedesc	dst_desc;	/* globs; "" matches anything */
	struct dtk_enabling	*dst_enab;
	u32			dst_index;	/* in its DOF */
	u32			dst_size;	/* whole record, header included */
	bool			dst_silent;	/* writes no record: see dtk_dof.c */
	bool			dst_aggcomm;	/* counts by execname only: see
						 * dtk_dof.c */
	bool			dst_haspred;
	struct dif_object	dst_pred;
	u32			dst_nact;
	struct dtk_action	*dst_act;
};

/* One loaded DOF, kept for the life of the state. */
struct dtk_enabling {
	struct list_head	den_link;	/* dts_enablings */
	u32			den_index;
	void			*den_dof;	/* the copied-in image */
	u32			den_nstmts;
	struct dtk_stmt		*den_stmts;
	struct dtk_agg		*den_aggs;
	u32			den_naggs;
	const struct dif_var	**den_vars;	/* every DIF object's variables */
	u32			den_nvars;
	u32			den_chunksize;	/* dynamic variables need */
};

/*
 * A D variable of a state, by id, merged from the variable tables of all
 * its DIF objects (which must agree on scope, kind and size).  Globals
 * have one copy, clause-locals one per CPU (zeroed when a probe firing
 * starts running the state's clauses); thread-locals and associative
 * arrays live in the dynamic-variable store.
 */
struct dtk_var {
	bool			dvr_used;
	u8			dvr_scope;	/* DIF_SCOPE_* */
	u8			dvr_kind;	/* DIF_VKIND_* */
	u32			dvr_size;	/* bytes of storage */
	void			*dvr_global;	/* global scalars, at go */
	u32			dvr_localoff;	/* clause-locals: in dvs_locals */
};

struct dtk_vars {
	struct dtk_var		*dvs_vars;	/* [dvs_n], by id */
	u32			dvs_n;
	u32			dvs_localsize;	/* bytes per CPU */
	char			**dvs_locals;	/* [nr_cpu_ids], at go */
	u32			dvs_chunksize;	/* 0: no dynamic variables */
};

/* An enabled probe: one statement on one probe. */
struct dtk_ecb {
	u32			dte_epid;
	u32			dte_size;	/* bytes of its record */
	struct dtk_state	*dte_state;
	struct dtk_probe	*dte_probe;
	struct dtk_stmt		*dte_stmt;
	struct dtk_ecb __rcu	*dte_next;	/* next ECB on the probe */
	bool			dte_first;	/* first of its state on the
						 * probe: clears clause-locals */
};

/*
 * One CPU's principal buffer.  The probe context of that CPU writes
 * dbf_data[dbf_cur] at dbf_offset; the switch policy's snapshot swaps the
 * halves on that CPU (kernel/dtk_buf.c).  See the picture in dtk_state.c.
 */
struct dtk_bufhalf {
	u64			dbh_offset;	/* write offset */
	u64			dbh_drops;	/* records that did not fit */
	bool			dbh_full;	/* fill: no more records */
	bool			dbh_wrapped;	/* ring: [oldest, wrapoff) is
						 * older than [0, offset) */
	u64			dbh_oldest;	/* ring: the oldest record */
	u64			dbh_wrapoff;	/* ring: where the data ends */
};

struct dtk_buf {
	char			*dbf_data[2];
	u32			dbf_cur;	/* the half being written */
	struct dtk_bufhalf	dbf_w;		/* its state */
	struct dtk_bufhalf	dbf_x;		/* the other's, when swapped */
};

/*
 * One CPU's aggregation buffer: each half is a hash table of
 * DTK_AGG_NBUCKETS chain heads (entry offsets; 0 ends a chain) followed
 * by the entries of abi.h's struct dtrace_aggrec, appended.
 */
#define DTK_AGG_NBUCKETS	1024
#define DTK_QUANTIZE_NBUCKETS	127	/* DTrace's: 63 negative, 0, 63 */
#define DTK_QUANTIZE_ZERO	63
#define DTK_AGG_DATA		(DTK_AGG_NBUCKETS * sizeof(u32))

struct dtk_aggbuf {
	char			*dab_data[2];
	u32			dab_cur;
	u64			dab_offset;	/* append offset in dab_cur */
	u64			dab_drops;
	u64			dab_xoffset;	/* the other half, when swapped */
	u64			dab_xdrops;
};

/* Per-CPU scratch for DIF execution, preallocated at go. */
struct dtk_scratch;

/* Options that the kernel acts on, from the DOFs. */
struct dtk_opts {
	u64			dop_bufsize;
	u64			dop_bufpolicy;
	u64			dop_bufresize;
	u64			dop_strsize;
	u64			dop_scratchsize;
	u64			dop_aggsize;
	u64			dop_dynvarsize;
	u64			dop_cleanrate;	/* ns */
	u64			dop_switchrate;	/* ns */
	u64			dop_nspec;	/* speculations (dtk_spec.c) */
	u64			dop_specsize;	/* per speculation and CPU */
	bool			dop_destructive;
};

struct dtk_specs;

/* A consumer: the state behind one open /dev/dtrace. */
struct dtk_state {
	struct mutex		dts_lock;	/* this consumer's ioctls */
	bool			dts_handshaken;	/* set by dtrace_dev.c */
	int			dts_activity;	/* DTRACE_ACTIVITY_* */
	struct list_head	dts_link;	/* dtk_states, dtk_lock */
	struct list_head	dts_enablings;
	u32			dts_nenablings;
	struct dtk_ecb		**dts_ecbs;	/* by epid - 1, dtk_lock */
	u32			dts_necbs;
	u32			dts_ecbcap;
	struct dtk_opts		dts_opts;
	struct dtk_buf		*dts_bufs;	/* [nr_cpu_ids], at go */
	u32			dts_naggs;	/* aggregations of all DOFs */
	struct dtk_aggbuf	*dts_aggbufs;	/* [nr_cpu_ids], at go */
	void			**dts_scratch;	/* [nr_cpu_ids], at go */
	struct dtk_vars		dts_vars;
	struct dif_dvar_store	dts_dvars;	/* at go, if dvs_chunksize */
	void			*dts_dvmem;
	struct delayed_work	dts_cleaner;	/* reclaims deleted dynvars */
	unsigned long		dts_dvgp;	/* the rinsing list's grace
						 * period (RCU poll cookie) */
	unsigned long		dts_reapat;	/* jiffies of the next reap */
	u64			dts_reserve;	/* fill: bytes kept for END */
	bool			dts_filled;	/* fill: a buffer filled up */
	bool			dts_killed;	/* the deadman stopped it */
	unsigned long		dts_laststatus;	/* jiffies of the last STATUS */
	struct delayed_work	dts_deadman;
	atomic64_t		dts_errors;
	struct dtk_specs	*dts_spec;	/* at go (kernel/dtk_spec.c) */
};

/* dtk_probes.c: the framework (process context). */
void dtk_probes_exit(void);
struct dtk_probe *dtk_probe_byid(dtk_id_t id);
bool dtk_probe_match(const struct dtrace_probedesc *pat,
		     const struct dtk_probe *prb);
void dtk_probe_describe(const struct dtk_probe *prb,
			struct dtrace_probedesc *pd);
int dtk_probe_list(struct dtrace_ioc_probes *dp);
void dtk_provide_all(const struct dtrace_probedesc *desc);
int dtk_providers_commit(void);
int dtk_ecb_attach(struct dtk_ecb *ecb);
void dtk_ecb_detach(struct dtk_ecb *ecb);

/* dtk_state.c: consumer states. */
struct dtk_state *dtk_state_create(void);
void dtk_state_destroy(struct dtk_state *st);
int dtk_state_enable(struct dtk_state *st, struct dtrace_ioc_enable *de);
int dtk_state_go(struct dtk_state *st, struct dtrace_ioc_go *dg);
int dtk_state_stop(struct dtk_state *st, struct dtrace_ioc_stop *ds);
int dtk_state_status(struct dtk_state *st, struct dtrace_ioc_status *ds);
int dtk_state_eprobe(struct dtk_state *st, struct dtrace_ioc_eprobe *de);

/* dtk_dof.c: DOF validation. */
int dtk_dof_load(const void *dof, size_t size, const struct dtk_opts *dflt,
		 u32 aggbase, struct dtk_enabling *en, struct dtk_opts *opts,
		 char *msg, size_t msglen);
void dtk_dof_free(struct dtk_enabling *en);

/* dtk_buf.c: principal buffers (process context). */
int dtk_buf_alloc(struct dtk_state *st);
bool dtk_mem_fits(u64 total);
void *dtk_zalloc_big(u64 size);
void dtk_buf_free(struct dtk_state *st);
int dtk_buf_snapshot(struct dtk_state *st, struct dtrace_ioc_bufsnap *db);
void dtk_swap_on(unsigned int cpu, smp_call_func_t fn, void *arg);
void dtk_buf_reserve_end(struct dtk_state *st);
int dtk_aggbuf_alloc(struct dtk_state *st);
void dtk_aggbuf_free(struct dtk_state *st);
int dtk_aggbuf_snapshot(struct dtk_state *st, struct dtrace_ioc_bufsnap *db);

/* dtk_probe.c: probe context. */
void dtk_probe_fire_state(dtk_id_t id, struct dtk_state *st);
struct dtrace_rechdr *dtk_buf_reserve(struct dtk_state *st,
				      struct dtk_buf *buf, u32 size, bool end);

/* providers/: the providers built into the module. */
int dtrace_prov_init(void);
void dtrace_prov_exit(void);

#ifdef DTRACE_DEBUG
#define DTK_ASSERT(c)	WARN_ON_ONCE(!(c))
#else
#define DTK_ASSERT(c)	do { } while (0)
#endif

#endif /* DTK_IMPL_H */
