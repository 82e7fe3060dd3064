// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Consumer states: enablings, ECBs, the lifecycle, and teardown.
 *
 * Theory.  Every open of /dev/dtrace is one consumer with one state
 * (struct dtk_state).  A state moves through these activities:
 *
 *   INACTIVE --go--> WARMUP --BEGIN done--> ACTIVE --exit()--> DRAINING
 *      |  ENABLE        (BEGIN fires           |                  |
 *      |  (DOFs)         on one CPU)           +-------stop-------+
 *      |                                                 |
 *      |                          STOPPED <--END done-- COOLDOWN
 *      +---- close (any time): everything torn down ------------------
 *
 * ENABLE copies a DOF in and validates all of it (kernel/dtk_dof.c) into
 * an enabling: its statements, each a probe description plus a predicate
 * and actions, with the DIF objects verified.  Every statement is matched
 * against the probes that exist; each match is an ECB (enabled control
 * block) with its own enabled-probe id (epid, 1, 2, ... per state), chained
 * on the probe.  The enablings stay with the state for its whole life, so
 * probes created later (a provider registering, a module loading: see
 * dtk_enabling_matchall()) are matched too.
 *
 * GO allocates everything probe context will need, before anything can
 * fire for this state: the principal buffers and the DIF scratch of every
 * possible CPU.  Probe context reads the activity (acquire) and fires an
 * ECB only when its state is ACTIVE, except the dtrace provider's probes,
 * which fire for one given state only: BEGIN in WARMUP, END in COOLDOWN,
 * ERROR in any started activity.  exit() moves ACTIVE (or WARMUP) to
 * DRAINING in probe context, with a compare-and-swap, so the consumer sees
 * it in STATUS, drains the buffers and calls STOP.
 *
 * Principal buffers, one pair of halves per CPU:
 *
 *   dts_bufs[cpu]:  dbf_data[dbf_cur]            dbf_data[!dbf_cur]
 *                   +------+------+---+-------+  +------+-----+--------+
 *                   | rec  | rec  |...|       |  | rec  | ... |        |
 *                   +------+------+---+-------+  +------+-----+--------+
 *                   0   dbf_w.dbh_offset^ bufsize 0  dbf_x.dbh_offset^
 *                   probe context of <cpu> writes  the consumer copies out
 *                   here, and only it              after a swap on <cpu>
 *
 * A record is the header of abi.h (epid, size, timestamp) and the payload
 * the statement's DOF records describe, rounded up to 8 bytes.  What
 * happens to a record that does not fit is the buffer policy's (switch:
 * dropped; fill: dropped and the state marked filled, with room kept for
 * END; ring: the oldest records give way), see dtk_buf_reserve() in
 * kernel/dtk_probe.c; drops are counted per CPU.  The swap runs on the
 * owning CPU with interrupts off (kernel/dtk_buf.c), which probe context
 * on that CPU also runs with, so the two never interleave.
 *
 * The deadman (a delayed work, once a second) stops a state whose
 * consumer has not asked for status in 30 s or four switch intervals: a
 * stopped or starved consumer cannot drain, and tracing for nobody only
 * costs the system.
 *
 * Aggregations: each DOF's are numbered after those of the DOFs enabled
 * before it; GO allocates every CPU's aggregation buffer (kernel/dtk_agg.c,
 * probe side kernel/dtk_agg_probe.c).
 *
 * Speculations: GO also allocates nspec speculations and, when a
 * statement speculates, their per-CPU buffers; a cleaner finishes their
 * commits and discards at cleanrate, and once more at STOP after END
 * (kernel/dtk_spec.c).
 *
 * Variables: ENABLE merges the variable tables of every DIF object into
 * the state's (dtk_impl.h, struct dtk_vars); GO allocates globals,
 * per-CPU clause-locals and the one dynamic-variable store that holds
 * every thread-local and array element (dif/dif_dvar.c), which a delayed
 * work cleans at cleanrate.
 *
 * Locks: the state's dts_lock serialises its ioctls (so GO, STOP and the
 * snapshots never race each other); the ECB table and the enabling list,
 * which dtk_enabling_matchall() walks for every state, change under
 * dtk_lock too.  Teardown unlinks every ECB under dtk_lock, waits for
 * probe context to leave (synchronize_rcu()), then frees.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "dtk_impl.h"
#include "dtk_spec.h"
#include "dtk_dif_host.h"

/* The largest DOF accepted, and the default options. */
#define DTK_DOF_MAX		(16U << 20)
#define DTK_BUFSIZE_DEFAULT	(4ULL << 20)
#define DTK_STRSIZE_DEFAULT	256
#define DTK_SCRATCH_DEFAULT	(64U << 10)
#define DTK_DYNVAR_DEFAULT	(1U << 20)
#define DTK_AGGSIZE_DEFAULT	(4U << 20)
#define DTK_SWITCHRATE_DEFAULT	NSEC_PER_SEC
/* The deadman: a consumer silent this long (or 4 switchrates) is gone. */
#define DTK_DEADMAN_TIMEOUT	(30 * NSEC_PER_SEC)
#define DTK_CLEANRATE_DEFAULT	(NSEC_PER_SEC / 101)
#define DTK_NSPEC_DEFAULT	1
#define DTK_SPECSIZE_DEFAULT	(32U << 10)

static LIST_HEAD(dtk_states);

/*
 * The dynamic-variable cleaner, at cleanrate while the state traces (see
 * dif/dif_dvar.c): the chunks it unlinked last time (the rinsing list)
 * are freed once an RCU grace period has passed since, so no CPU can
 * still be looking at them (probe context runs with interrupts off);
 * with the rinsing list empty, it deletes the self-> variables of
 * threads that have exited (once a second: dtk_thread_alive), unlinks
 * every deleted variable onto the rinsing list and starts the grace
 * period.  It never blocks; a chunk waits one to two cleanrate periods
 * between its delete and its reuse, and drops meanwhile are counted as
 * DTrace counts them (dirty, rinsing).
 */
static void dtk_dvar_cleaner(struct work_struct *work)
{
	struct dtk_state *st = container_of(to_delayed_work(work),
					    struct dtk_state, dts_cleaner);
	struct dif_dvar_store *ds = &st->dts_dvars;

	if (ds->ds_rinsing && poll_state_synchronize_rcu(st->dts_dvgp))
		dif_dvar_reclaim(ds);
	if (!ds->ds_rinsing) {
		if (time_after_eq(jiffies, st->dts_reapat)) {
			dif_dvar_reap(ds, dtk_thread_alive, NULL);
			st->dts_reapat = jiffies + HZ;
		}
		dif_dvar_clean(ds);
		if (ds->ds_rinsing)
			st->dts_dvgp = start_poll_synchronize_rcu();
	}
	schedule_delayed_work(&st->dts_cleaner,
			      nsecs_to_jiffies(st->dts_opts.dop_cleanrate) ?: 1);
}

static void dtk_state_set(struct dtk_state *st, int activity);

/*
 * The deadman, every second while the state traces: a consumer that has
 * not asked for status for DTK_DEADMAN_TIMEOUT (or four of its switch
 * intervals) is stopped or starved and cannot drain its buffers, so
 * tracing stops, as DTrace's deadman does; STATUS says why.
 */
static void dtk_deadman(struct work_struct *work)
{
	struct dtk_state *st = container_of(to_delayed_work(work),
					    struct dtk_state, dts_deadman);
	u64 limit = max_t(u64, DTK_DEADMAN_TIMEOUT,
			  4 * st->dts_opts.dop_switchrate);
	int act = smp_load_acquire(&st->dts_activity);

	if (act == DTRACE_ACTIVITY_STOPPED)
		return;
	if (act == DTRACE_ACTIVITY_ACTIVE &&
	    time_after(jiffies, READ_ONCE(st->dts_laststatus) +
		       nsecs_to_jiffies(limit))) {
		WRITE_ONCE(st->dts_killed, true);
		dtk_state_set(st, DTRACE_ACTIVITY_STOPPED);
		return;
	}
	schedule_delayed_work(&st->dts_deadman, HZ);
}

/*
 * Merge an enabling's variables into the state's table: every use of an
 * id must agree on scope, kind and size.  All or nothing.
 */
static int dtk_vars_merge(struct dtk_state *st, struct dtk_enabling *en,
			  char *msg, size_t msglen)
{
	struct dtk_vars *vs = &st->dts_vars;
	struct dtk_var *vars = vs->dvs_vars;
	u32 n = vs->dvs_n, i;

	for (i = 0; i < en->den_nvars; i++)
		n = max(n, en->den_vars[i]->dv_id + 1);
	if (n > vs->dvs_n) {
		vars = kvcalloc(n, sizeof(*vars), GFP_KERNEL);
		if (!vars)
			return -ENOMEM;
		if (vs->dvs_n)
			memcpy(vars, vs->dvs_vars, vs->dvs_n * sizeof(*vars));
	}
	for (i = 0; i < en->den_nvars; i++) {
		const struct dif_var *v = en->den_vars[i];
		struct dtk_var *dv = &vars[v->dv_id];
		u32 size = v->dv_type.dt_kind == DIF_TYPE_INT ? 8 :
			   v->dv_type.dt_size;

		if (!dv->dvr_used) {
			dv->dvr_used = true;
			dv->dvr_scope = v->dv_scope;
			dv->dvr_kind = v->dv_kind;
			dv->dvr_size = size;
		} else if (dv->dvr_scope != v->dv_scope ||
			   dv->dvr_kind != v->dv_kind || dv->dvr_size != size) {
			snprintf(msg, msglen, "variable id %u is declared "
				 "differently by two DIF objects", v->dv_id);
			if (vars != vs->dvs_vars)
				kvfree(vars);
			return -EINVAL;
		}
	}
	if (vars != vs->dvs_vars) {
		kvfree(vs->dvs_vars);
		vs->dvs_vars = vars;
		vs->dvs_n = n;
	}
	vs->dvs_chunksize = max(vs->dvs_chunksize, en->den_chunksize);
	return 0;
}

/* Free what dtk_vars_alloc() allocated; the table stays. */
static void dtk_vars_release(struct dtk_state *st)
{
	struct dtk_vars *vs = &st->dts_vars;
	unsigned int cpu;
	u32 i;

	for (i = 0; i < vs->dvs_n; i++) {
		kvfree(vs->dvs_vars[i].dvr_global);
		vs->dvs_vars[i].dvr_global = NULL;
	}
	vs->dvs_localsize = 0;
	if (vs->dvs_locals) {
		for_each_possible_cpu(cpu)
			kvfree(vs->dvs_locals[cpu]);
		kfree(vs->dvs_locals);
		vs->dvs_locals = NULL;
	}
	kvfree(st->dts_dvmem);
	st->dts_dvmem = NULL;
}

static void dtk_vars_free(struct dtk_state *st)
{
	dtk_vars_release(st);
	kvfree(st->dts_vars.dvs_vars);
	st->dts_vars.dvs_vars = NULL;
	st->dts_vars.dvs_n = 0;
}

/*
 * Storage for the variables, before anything can fire: globals, each
 * CPU's clause-locals, and the dynamic-variable store.
 */
static int dtk_vars_alloc(struct dtk_state *st)
{
	struct dtk_vars *vs = &st->dts_vars;
	unsigned int cpu;
	u32 i;

	for (i = 0; i < vs->dvs_n; i++) {
		struct dtk_var *dv = &vs->dvs_vars[i];

		if (!dv->dvr_used || dv->dvr_kind != DIF_VKIND_SCALAR)
			continue;
		if (dv->dvr_scope == DIF_SCOPE_GLOBAL) {
			dv->dvr_global = kvzalloc(dv->dvr_size, GFP_KERNEL);
			if (!dv->dvr_global)
				return -ENOMEM;
		} else if (dv->dvr_scope == DIF_SCOPE_LOCAL) {
			dv->dvr_localoff = vs->dvs_localsize;
			vs->dvs_localsize += round_up(dv->dvr_size, 8);
		}
	}
	if (vs->dvs_localsize) {
		vs->dvs_locals = kcalloc(nr_cpu_ids, sizeof(char *), GFP_KERNEL);
		if (!vs->dvs_locals)
			return -ENOMEM;
		for_each_possible_cpu(cpu) {
			vs->dvs_locals[cpu] = kvzalloc(vs->dvs_localsize,
						       GFP_KERNEL);
			if (!vs->dvs_locals[cpu])
				return -ENOMEM;
		}
	}
	if (!vs->dvs_chunksize)
		return 0;
	st->dts_dvmem = dtk_mem_fits(st->dts_opts.dop_dynvarsize) ?
		dtk_zalloc_big(st->dts_opts.dop_dynvarsize) : NULL;
	if (!st->dts_dvmem)
		return -ENOMEM;
	if (!dif_dvar_init(&st->dts_dvars, st->dts_dvmem,
			   st->dts_opts.dop_dynvarsize, vs->dvs_chunksize,
			   nr_cpu_ids))
		return -ENOSPC;
	return 0;
}

struct dtk_state *dtk_state_create(void)
{
	struct dtk_state *st = kzalloc(sizeof(*st), GFP_KERNEL);

	if (!st)
		return NULL;
	mutex_init(&st->dts_lock);
	INIT_LIST_HEAD(&st->dts_enablings);
	st->dts_activity = DTRACE_ACTIVITY_INACTIVE;
	st->dts_opts.dop_bufsize = DTK_BUFSIZE_DEFAULT;
	st->dts_opts.dop_bufpolicy = DTRACE_BUFPOLICY_SWITCH;
	st->dts_opts.dop_bufresize = DTRACE_BUFRESIZE_AUTO;
	st->dts_opts.dop_strsize = DTK_STRSIZE_DEFAULT;
	st->dts_opts.dop_scratchsize = DTK_SCRATCH_DEFAULT;
	st->dts_opts.dop_aggsize = DTK_AGGSIZE_DEFAULT;
	st->dts_opts.dop_dynvarsize = DTK_DYNVAR_DEFAULT;
	st->dts_opts.dop_cleanrate = DTK_CLEANRATE_DEFAULT;
	st->dts_opts.dop_switchrate = DTK_SWITCHRATE_DEFAULT;
	st->dts_opts.dop_nspec = DTK_NSPEC_DEFAULT;
	st->dts_opts.dop_specsize = DTK_SPECSIZE_DEFAULT;
	INIT_DELAYED_WORK(&st->dts_cleaner, dtk_dvar_cleaner);
	INIT_DELAYED_WORK(&st->dts_deadman, dtk_deadman);
	atomic64_set(&st->dts_errors, 0);
	mutex_lock(&dtk_lock);
	list_add_tail(&st->dts_link, &dtk_states);
	mutex_unlock(&dtk_lock);
	return st;
}

static bool dtk_stmt_on_probe(struct dtk_stmt *stmt, struct dtk_probe *prb)
{
	struct dtk_ecb *e;

	for (e = rcu_dereference_protected(prb->dpr_ecb, lockdep_is_held(&dtk_lock));
	     e; e = rcu_dereference_protected(e->dte_next, lockdep_is_held(&dtk_lock)))
		if (e->dte_stmt == stmt)
			return true;
	return false;
}

/* Make an ECB of stmt on prb with the next epid. */
static int dtk_ecb_create(struct dtk_state *st, struct dtk_stmt *stmt,
			  struct dtk_probe *prb)
{
	struct dtk_ecb *ecb;
	int ret;

	lockdep_assert_held(&dtk_lock);
	if (st->dts_necbs == st->dts_ecbcap) {
		u32 cap = st->dts_ecbcap ? st->dts_ecbcap * 2 : 16;
		struct dtk_ecb **n = kvcalloc(cap, sizeof(*n), GFP_KERNEL);

		if (!n)
			return -ENOMEM;
		if (st->dts_necbs)
			memcpy(n, st->dts_ecbs, st->dts_necbs * sizeof(*n));
		kvfree(st->dts_ecbs);
		st->dts_ecbs = n;
		st->dts_ecbcap = cap;
	}
	ecb = kzalloc(sizeof(*ecb), GFP_KERNEL);
	if (!ecb)
		return -ENOMEM;
	ecb->dte_epid = st->dts_necbs + 1;
	ecb->dte_size = stmt->dst_size;
	ecb->dte_state = st;
	ecb->dte_probe = prb;
	ecb->dte_stmt = stmt;
	ret = dtk_ecb_attach(ecb);
	if (ret) {
		kfree(ecb);
		return ret;
	}
	st->dts_ecbs[st->dts_necbs++] = ecb;
	return 0;
}

/*
 * Match every statement of an enabling against every probe; returns the
 * number of probes newly matched or a negative errno.
 */
static int dtk_enabling_match(struct dtk_state *st, struct dtk_enabling *en)
{
	struct dtk_ptab *pt;
	int n = 0, ret;
	u32 s, i;

	lockdep_assert_held(&dtk_lock);
	pt = rcu_dereference_protected(dtk_ptab, lockdep_is_held(&dtk_lock));
	for (s = 0; s < en->den_nstmts; s++) {
		struct dtk_stmt *stmt = &en->den_stmts[s];

		for (i = 0; pt && i < pt->dpt_n; i++) {
			struct dtk_probe *prb = pt->dpt_probes[i];

			if (!prb || !dtk_probe_match(&stmt->dst_desc, prb) ||
			    dtk_stmt_on_probe(stmt, prb))
				continue;
			ret = dtk_ecb_create(st, stmt, prb);
			if (ret)
				return ret;
			n++;
		}
	}
	return n;
}

/*
 * Match the retained enablings of every state against probes created
 * since: providers call this after creating probes outside their provide
 * op.  A failure leaves that probe unenabled for that state.
 */
void dtk_enabling_matchall(void)
{
	struct dtk_state *st;
	struct dtk_enabling *en;

	mutex_lock(&dtk_lock);
	list_for_each_entry(st, &dtk_states, dts_link)
		list_for_each_entry(en, &st->dts_enablings, den_link)
			dtk_enabling_match(st, en);
	dtk_providers_commit();
	mutex_unlock(&dtk_lock);
}

static void dtk_enable_msg(struct dtrace_ioc_enable *de, const char *msg)
{
	size_t len;

	if (!de->de_errmsg || !de->de_errmsglen)
		return;
	len = min_t(size_t, strlen(msg) + 1, de->de_errmsglen);
	if (copy_to_user(u64_to_user_ptr(de->de_errmsg), msg, len - 1) ||
	    put_user('\0', (char __user *)u64_to_user_ptr(de->de_errmsg) + len - 1))
		return;
}

int dtk_state_enable(struct dtk_state *st, struct dtrace_ioc_enable *de)
{
	struct dtk_enabling *en;
	struct dtk_opts opts;
	char *msg;
	void *dof;
	int ret, err;
	u32 s;

	if (de->de_pad0 || de->de_enabling || de->de_nprobes)
		return -EINVAL;
	if (READ_ONCE(st->dts_activity) != DTRACE_ACTIVITY_INACTIVE)
		return -EBUSY;
	if (de->de_dofsize > DTK_DOF_MAX) {
		dtk_enable_msg(de, "DOF larger than the module accepts");
		return -E2BIG;
	}
	msg = kzalloc(256, GFP_KERNEL);
	en = kzalloc(sizeof(*en), GFP_KERNEL);
	dof = kvmalloc(max_t(u64, de->de_dofsize, 1), GFP_KERNEL);
	if (!msg || !en || !dof) {
		ret = -ENOMEM;
		goto fail;
	}
	if (copy_from_user(dof, u64_to_user_ptr(de->de_dof), de->de_dofsize)) {
		ret = -EFAULT;
		goto fail;
	}
	en->den_dof = dof;
	ret = dtk_dof_load(dof, de->de_dofsize, &st->dts_opts, st->dts_naggs,
			   en, &opts, msg, 256);
	if (!ret) {
		ret = dtk_vars_merge(st, en, msg, 256);
		if (ret)
			dtk_dof_free(en);
	}
	if (ret) {
		dtk_enable_msg(de, msg);
		en->den_dof = NULL;
		goto fail;
	}
	st->dts_opts = opts;
	st->dts_naggs += en->den_naggs;
	en->den_index = st->dts_nenablings++;
	de->de_enabling = en->den_index;

	mutex_lock(&dtk_provider_lock);
	for (s = 0; s < en->den_nstmts; s++)
		dtk_provide_all(&en->den_stmts[s].dst_desc);
	mutex_lock(&dtk_lock);
	list_add_tail(&en->den_link, &st->dts_enablings);
	ret = dtk_enabling_match(st, en);
	err = dtk_providers_commit();
	if (ret >= 0 && err)
		ret = err;
	mutex_unlock(&dtk_lock);
	mutex_unlock(&dtk_provider_lock);
	kfree(msg);
	if (ret < 0)
		return ret;	/* the enabling stays; close tears it down */
	de->de_nprobes = ret;
	return 0;

fail:
	kfree(msg);
	kfree(en);
	kvfree(dof);
	return ret;
}

static void dtk_state_set(struct dtk_state *st, int activity)
{
	/* Everything set up before this is visible to probe context. */
	smp_store_release(&st->dts_activity, activity);
}

static void dtk_scratch_free(struct dtk_state *st)
{
	unsigned int cpu;

	if (!st->dts_scratch)
		return;
	for_each_possible_cpu(cpu)
		kvfree(st->dts_scratch[cpu]);
	kfree(st->dts_scratch);
	st->dts_scratch = NULL;
}

static int dtk_scratch_alloc(struct dtk_state *st)
{
	unsigned int cpu;

	st->dts_scratch = kcalloc(nr_cpu_ids, sizeof(void *), GFP_KERNEL);
	if (!st->dts_scratch)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		st->dts_scratch[cpu] = kvzalloc(st->dts_opts.dop_scratchsize,
						GFP_KERNEL);
		if (!st->dts_scratch[cpu]) {
			dtk_scratch_free(st);
			return -ENOMEM;
		}
	}
	return 0;
}

int dtk_state_go(struct dtk_state *st, struct dtrace_ioc_go *dg)
{
	int ret, cpu;

	if (dg->dg_pad0 || dg->dg_reserved[0] || dg->dg_reserved[1] ||
	    dg->dg_reserved[2] || dg->dg_reserved[3])
		return -EINVAL;
	if (READ_ONCE(st->dts_activity) != DTRACE_ACTIVITY_INACTIVE)
		return -EBUSY;
	if (!st->dts_nenablings)
		return -ENOENT;
	ret = dtk_buf_alloc(st);
	if (ret)
		return ret;
	ret = dtk_scratch_alloc(st);
	if (!ret)
		ret = dtk_vars_alloc(st);
	if (!ret)
		ret = dtk_aggbuf_alloc(st);
	if (!ret)
		ret = dtk_spec_alloc(st);
	if (ret) {
		dtk_aggbuf_free(st);
		dtk_buf_free(st);
		dtk_scratch_free(st);
		dtk_vars_release(st);
		return ret;
	}
	st->dts_reapat = jiffies;
	if (st->dts_dvmem)
		schedule_delayed_work(&st->dts_cleaner,
			nsecs_to_jiffies(st->dts_opts.dop_cleanrate) ?: 1);
	dg->dg_bufsize = st->dts_opts.dop_bufsize;
	dtk_buf_reserve_end(st);

	WRITE_ONCE(st->dts_laststatus, jiffies);
	schedule_delayed_work(&st->dts_deadman, HZ);
	dtk_state_set(st, DTRACE_ACTIVITY_WARMUP);
	cpu = get_cpu();
	dtk_probe_fire_state(dtk_id_begin, st);
	put_cpu();
	dg->dg_cpu = cpu;
	/* exit() in BEGIN has moved it to DRAINING already: keep that. */
	cmpxchg_release(&st->dts_activity, DTRACE_ACTIVITY_WARMUP,
			DTRACE_ACTIVITY_ACTIVE);
	return 0;
}

int dtk_state_stop(struct dtk_state *st, struct dtrace_ioc_stop *ds)
{
	int act = READ_ONCE(st->dts_activity), cpu;

	if (ds->ds_pad0)
		return -EINVAL;
	if (act == DTRACE_ACTIVITY_STOPPED)
		return 0;
	if (act != DTRACE_ACTIVITY_ACTIVE && act != DTRACE_ACTIVITY_DRAINING)
		return -EINVAL;
	cancel_delayed_work_sync(&st->dts_deadman);
	dtk_state_set(st, DTRACE_ACTIVITY_COOLDOWN);
	/* Firings that saw ACTIVE finish before END starts. */
	synchronize_rcu();
	cpu = get_cpu();
	dtk_probe_fire_state(dtk_id_end, st);
	put_cpu();
	ds->ds_cpu = cpu;
	dtk_spec_stop(st);	/* what END and the others committed */
	dtk_state_set(st, DTRACE_ACTIVITY_STOPPED);
	synchronize_rcu();
	return 0;
}

int dtk_state_status(struct dtk_state *st, struct dtrace_ioc_status *ds)
{
	memset(ds, 0, sizeof(*ds));
	ds->ds_activity = smp_load_acquire(&st->dts_activity);
	ds->ds_errors = atomic64_read(&st->dts_errors);
	if (READ_ONCE(st->dts_filled))
		ds->ds_flags |= DTRACE_STATUS_FILLED;
	if (READ_ONCE(st->dts_killed))
		ds->ds_flags |= DTRACE_STATUS_KILLED;
	WRITE_ONCE(st->dts_laststatus, jiffies);
	dtk_spec_status(st, ds);
	if (st->dts_dvmem) {
		u64 dirty, rinsing;

		dif_dvar_drops(&st->dts_dvars, &ds->ds_dynvar_drops, &dirty,
			       &rinsing);
		ds->ds_dvdirty = (u32)dirty;
		ds->ds_dvrinsing = (u32)rinsing;
	}
	return 0;
}

int dtk_state_eprobe(struct dtk_state *st, struct dtrace_ioc_eprobe *de)
{
	struct dtk_ecb *ecb;
	int ret = -ENOENT;

	if (de->de_enabling || de->de_stmt || de->de_size)
		return -EINVAL;
	mutex_lock(&dtk_lock);
	if (de->de_epid != DTRACE_EPIDNONE && de->de_epid <= st->dts_necbs) {
		ecb = st->dts_ecbs[de->de_epid - 1];
		de->de_enabling = ecb->dte_stmt->dst_enab->den_index;
		de->de_stmt = ecb->dte_stmt->dst_index;
		de->de_size = ecb->dte_size;
		dtk_probe_describe(ecb->dte_probe, &de->de_probe);
		ret = 0;
	}
	mutex_unlock(&dtk_lock);
	return ret;
}

void dtk_state_destroy(struct dtk_state *st)
{
	struct dtk_enabling *en, *tmp;
	u32 i;

	if (READ_ONCE(st->dts_activity) != DTRACE_ACTIVITY_INACTIVE)
		dtk_state_set(st, DTRACE_ACTIVITY_STOPPED);
	mutex_lock(&dtk_lock);
	list_del(&st->dts_link);
	for (i = 0; i < st->dts_necbs; i++)
		dtk_ecb_detach(st->dts_ecbs[i]);
	dtk_providers_commit();
	mutex_unlock(&dtk_lock);
	/* No probe context can see this state's ECBs past this point. */
	synchronize_rcu();

	for (i = 0; i < st->dts_necbs; i++)
		kfree(st->dts_ecbs[i]);
	kvfree(st->dts_ecbs);
	list_for_each_entry_safe(en, tmp, &st->dts_enablings, den_link) {
		dtk_dof_free(en);
		kvfree(en->den_dof);
		kfree(en);
	}
	cancel_delayed_work_sync(&st->dts_deadman);
	cancel_delayed_work_sync(&st->dts_cleaner);
	dtk_spec_free(st);
	dtk_act_sync();		/* no raise() or stop() still queued */
	dtk_buf_free(st);
	dtk_aggbuf_free(st);
	dtk_scratch_free(st);
	dtk_vars_free(st);
	mutex_destroy(&st->dts_lock);
	kfree(st);
}
