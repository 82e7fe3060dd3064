// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * PROBE CONTEXT: the rules of DESIGN.md apply in this file.
 *
 * Probe firing: what happens when a provider calls dtk_probe().
 *
 * Theory.  A firing runs with interrupts disabled from start to end
 * (local_irq_save), so it cannot be preempted or migrated, an interrupt
 * cannot fire a probe in the middle of it on this CPU, and it is an RCU
 * read-side critical section: process context frees nothing it may be
 * reading until synchronize_rcu() has returned.  A per-CPU guard refuses a
 * nested firing (an NMI, or a probe placed on code this file calls); the
 * dtrace:::ERROR probe is the one deliberate nesting, fired directly below
 * for the one state whose clause faulted, and never from an ERROR clause.
 *
 * For each ECB on the probe, in order:
 *
 *   1. skip it unless its state's activity allows (see dtk_state.c);
 *   2. reserve the record (header + payload, dte_size bytes) at the write
 *      offset of this CPU's active buffer half, or count a drop (a silent
 *      statement, one that only aggregates or assigns, reserves nothing);
 *   3. write the header, zero the payload;
 *   4. run the predicate; false: the reservation is abandoned;
 *   5. run each action's DIF object and store its value where its record
 *      says (by value, or by reference copied with safe loads); an
 *      aggregating action updates this CPU's aggregation buffer instead
 *      (kernel/dtk_agg_probe.c); speculate() moves the reserved record
 *      into a speculation's buffer, commit() and discard() act on one
 *      (kernel/dtk_spec.c); chill(), raise(), stop() and panic() are in
 *      kernel/dtk_destructive.c;
 *   6. on a fault: abandon the record, count the error, fire ERROR;
 *      otherwise commit by advancing the write offset, and act on exit().
 *
 * A statement that only counts by execname (`@[execname] = count();`)
 * skips 2 to 6: its key is built and aggregated directly
 * (dtk_ecb_aggcomm()), without the DIF machine's set-up.
 *
 * Nothing is allocated, no lock is taken: the buffers and DIF scratch of
 * every possible CPU were allocated at go (kernel/dtk_buf.c, dtk_state.c).
 */
#include <linux/irqflags.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>

#include "dtk_impl.h"
#include "dtk_dif_host.h"
#include "dtk_stack.h"
#include "dtk_agg_probe.h"
#include "dtk_spec.h"

/* Set while this CPU runs a firing (dtk_probe_active() reads it). */
DEFINE_PER_CPU(int, dtk_inprobe);

/* May an ECB of a state in this activity fire on this probe? */
static __always_inline bool dtk_ecb_active(dtk_id_t id, int act)
{
	/* The common case first: tracing, and not BEGIN or END. */
	if (likely(act == DTRACE_ACTIVITY_ACTIVE))
		return id != dtk_id_begin && id != dtk_id_end;
	if (id == dtk_id_begin)
		return act == DTRACE_ACTIVITY_WARMUP;
	if (id == dtk_id_end)
		return act == DTRACE_ACTIVITY_COOLDOWN;
	if (id == dtk_id_error)
		return act >= DTRACE_ACTIVITY_WARMUP &&
		       act <= DTRACE_ACTIVITY_COOLDOWN;
	return act == DTRACE_ACTIVITY_ACTIVE;
}

/*
 * Room for a record of size bytes in this CPU's buffer, at dbh_offset, as
 * the buffer policy says; NULL (a counted drop) when there is none.  The
 * record is committed by advancing dbh_offset afterwards.
 *
 *   switch: the consumer swaps halves often enough, or records drop;
 *   fill:   the first record that does not fit marks the buffer full and
 *           the state filled; END records use the room kept for them;
 *   ring:   a record that does not fit at the end starts again at 0, and
 *           the oldest records it overwrites are given up:
 *
 *           0        offset       oldest              wrapoff  bufsize
 *           | newer  |  (free)   | older ...          |        |
 */
struct dtrace_rechdr *dtk_buf_reserve(struct dtk_state *st,
				      struct dtk_buf *buf, u32 size, bool end)
{
	struct dtk_bufhalf *w = &buf->dbf_w;
	u64 limit = st->dts_opts.dop_bufsize;
	char *data = buf->dbf_data[buf->dbf_cur];

	switch (st->dts_opts.dop_bufpolicy) {
	case DTRACE_BUFPOLICY_FILL:
		if (!end)
			limit -= min(limit, st->dts_reserve);
		if ((w->dbh_full && !end) || w->dbh_offset + size > limit) {
			if (!end) {
				w->dbh_full = true;
				WRITE_ONCE(st->dts_filled, true);
			}
			w->dbh_drops++;
			return NULL;
		}
		break;
	case DTRACE_BUFPOLICY_RING:
		if (size > limit) {
			w->dbh_drops++;
			return NULL;
		}
		if (w->dbh_offset + size > limit) {
			w->dbh_wrapoff = w->dbh_offset;
			w->dbh_oldest = 0;
			w->dbh_wrapped = true;
			w->dbh_offset = 0;
		}
		while (w->dbh_wrapped &&
		       w->dbh_oldest < w->dbh_offset + size) {
			const struct dtrace_rechdr *old = (void *)(data + w->dbh_oldest);

			w->dbh_oldest += old->drh_size;
			if (!old->drh_size || w->dbh_oldest >= w->dbh_wrapoff)
				w->dbh_wrapped = false;
		}
		break;
	default:
		if (w->dbh_offset + size > limit) {
			w->dbh_drops++;
			return NULL;
		}
		break;
	}
	return (void *)(data + w->dbh_offset);
}

static void dtk_fire_error(struct dtk_probe *prb, const u64 *args,
			   struct dtk_state *only);

/*
 * A clause faulted: count it and fire dtrace:::ERROR for its state with
 * DTrace's arguments: arg1 the epid, arg2 the action (0: the predicate),
 * arg3 the DIF byte offset, arg4 the fault, arg5 the offending value.
 */
static void dtk_error(struct dtk_mctx *mc, u32 which)
{
	struct dtk_state *st = mc->mc_ecb->dte_state;
	struct dtk_ptab *pt = rcu_dereference_sched(dtk_ptab);
	u64 args[DTK_NARGS] = {
		0, mc->mc_ecb->dte_epid, which,
		(u64)mc->mc_ms.ms_fault_pc * sizeof(dif_instr_t),
		mc->mc_ms.ms_fault, mc->mc_ms.ms_illval,
	};

	atomic64_inc(&st->dts_errors);
	if (mc->mc_in_error || !pt || dtk_id_error == DTRACE_IDNONE ||
	    dtk_id_error > smp_load_acquire(&pt->dpt_n))
		return;
	dtk_fire_error(READ_ONCE(pt->dpt_probes[dtk_id_error - 1]), args, st);
}

/*
 * A string of len bytes at dst, in a record of size bytes: its NUL and
 * the rest of its 8-byte word zero.  An aggregation key is not zeroed
 * before it is built, and its hash reads a string up to that word
 * (kernel/dtk_agg_probe.c); a payload is zeroed already.
 */
static __always_inline void dtk_str_end(char *dst, size_t len, u32 size)
{
	size_t end = min_t(size_t, size, (len + 8) & ~(size_t)7);

	if (len < end)
		memset(dst + len, 0, end - len);
}

/*
 * Store a value where a record says (size bytes at dst, by value or by
 * reference as flags say); returns a DIF fault or 0.  Every byte of a
 * value is written, and a string up to the end of the word holding its
 * NUL (dtk_str_end()).
 */
static int dtk_store(struct dtk_mctx *mc, u16 flags, u32 size, char *dst,
		     u64 val)
{
	size_t len;
	int flt;

	if (!(flags & DTRACE_DOFREC_F_BYREF)) {
		switch (size) {
		case 1:
			*(u8 *)dst = val;
			break;
		case 2:
			*(u16 *)dst = val;
			break;
		case 4:
			*(u32 *)dst = val;
			break;
		default:
			*(u64 *)dst = val;
			break;
		}
		return 0;
	}
	if (flags & DTRACE_DOFREC_F_STRING) {
		uintptr_t sb = mc->mc_ms.ms_scratch_base;
		size_t ss = mc->mc_ms.ms_scratch_size;

		/*
		 * A string this firing built in its own scratch (execname,
		 * strjoin(), ...) is memory we own: copy it plainly, up to
		 * its NUL, instead of with safe loads over the whole size.
		 * dst is zeroed already (a reserved payload, a fresh key).
		 */
		if (val >= sb && val < sb + ss) {
			len = strnlen((const char *)(uintptr_t)val,
				      min_t(size_t, size, sb + ss - val));
			memcpy(dst, (const char *)(uintptr_t)val, len);
			dtk_str_end(dst, len, size);
			return 0;
		}
		flt = dtk_host_kstr(mc, dst, val, size, &len);
		if (!flt)
			dtk_str_end(dst, len, size);
		return flt;
	}
	return dtk_host_kload(mc, dst, val, size);
}

/* Run a DIF object for an action; false after a fault (reported). */
static bool dtk_run(struct dtk_mctx *mc, const struct dif_object *obj,
		    u32 which, u64 *v)
{
	*v = dif_run(obj, &mc->mc_ms);
	if (!mc->mc_ms.ms_fault)
		return true;
	dtk_error(mc, which);
	return false;
}

/*
 * A stack() or ustack() key: the pcs, zero-padded so equal stacks hash
 * equal (the key is not zeroed beforehand: a kernel stack's unused
 * slots are zeroed after the walk); a user stack starts with the pid
 * (kernel/dtk_stack.c).
 */
static void dtk_stack_key(struct dtk_mctx *mc, const struct dtrace_dof_rec *r,
			  char *dst)
{
	unsigned long *pcs = (unsigned long *)dst;
	int n = r->dofr_size / sizeof(*pcs), got;

	if (r->dofr_flags & DTRACE_DOFREC_F_KSTACK) {
		got = dtk_stack_kernel(pcs, n, mc->mc_probe->dpr_aframes);
		got = clamp(got, 0, n);
		memset(pcs + got, 0, r->dofr_size - got * sizeof(*pcs));
		return;
	}
	memset(dst, 0, r->dofr_size);
	dtk_stack_ustack(pcs, n - 1);
}

/*
 * usym(), umod() and uaddr(), as actions and as aggregation keys: the
 * process, so the consumer can find its maps, then the address.
 */
static void dtk_store_upair(char *dst, u64 v)
{
	*(u64 *)dst = current->tgid;
	*(u64 *)(dst + 8) = v;
}

/*
 * execname straight into a string key record of at least TASK_COMM_LEN
 * bytes, without the interpreter or scratch: the task's comm up to its
 * NUL (byte 15 at the latest), the rest of the NUL's word zero, as
 * dtk_str_end() leaves a string.
 */
static __always_inline void dtk_key_comm(char *dst)
{
	const char *comm = current->comm;
	u64 w0, w1, z0;

	/* Little-endian words: byte 0 is the least significant. */
	BUILD_BUG_ON(TASK_COMM_LEN != 2 * sizeof(u64) ||
		     !IS_ENABLED(CONFIG_X86_64));
	memcpy(&w0, comm, sizeof(w0));
	memcpy(&w1, comm + 8, sizeof(w1));
	w1 &= ~(0xffULL << 56);
	z0 = (w0 - 0x0101010101010101ULL) & ~w0 & 0x8080808080808080ULL;

	/*
	 * The lowest flagged byte is the first zero byte (flags above it
	 * may be false): keep the bytes below it, clear the rest.
	 */
	if (z0) {
		w0 &= (1ULL << (__ffs64(z0) & ~7U)) - 1;
		w1 = 0;
	} else {
		u64 z1 = (w1 - 0x0101010101010101ULL) & ~w1 &
			 0x8080808080808080ULL;

		w1 &= (1ULL << (__ffs64(z1) & ~7U)) - 1;
	}
	memcpy(dst, &w0, sizeof(w0));
	memcpy(dst + 8, &w1, sizeof(w1));
}

/*
 * The value of an action's DIF object (false after a fault, reported):
 * one that only returns a built-in variable is read directly, which
 * saves the interpreter's set-up for the commonest keys and arguments
 * (execname, pid, probefunc, arg0 ...).
 */
static __always_inline bool dtk_eval(struct dtk_mctx *mc,
				     const struct dtk_action *a, u32 which,
				     u64 *v)
{
	int flt;

	if (a->dta_bv < 0)
		return dtk_run(mc, &a->dta_difo, which, v);
	flt = dtk_builtin(mc, a->dta_bv, 0, v);
	if (likely(!flt && !mc->mc_ms.ms_fault))
		return true;
	if (flt)
		dif_fault(&mc->mc_ms, flt, 0);
	mc->mc_ms.ms_fault_pc = 0;	/* the ldb */
	dtk_error(mc, which);
	return false;
}

/*
 * An aggregating action at index i: its value, its keys (the ARG actions
 * after it) laid out in scratch as the aggregation's key records say, and
 * its weight.  Returns the number of actions it used, or 0 after a fault.
 */
static u32 dtk_act_aggregate(struct dtk_mctx *mc, const struct dtk_stmt *stmt,
			     u32 i)
{
	const struct dtk_action *a = &stmt->dst_act[i];
	const struct dtk_agg *ag = a->dta_agg;
	u64 v = 0, w = 1, kv;
	char *key;
	u32 k;
	int flt;

	if (a->dta_hasdifo && !dtk_eval(mc, a, i + 1, &v))
		return 0;
	/* Not zeroed: each record below is written whole (dtk_store()). */
	key = (char *)dif_scratch_take(&mc->mc_ms, ag->dag_keysize ?: 8);
	if (!key) {
		dtk_error(mc, i + 1);
		return 0;
	}
	for (k = 0; k < ag->dag_nkeys; k++) {
		const struct dtrace_dof_rec *r = &ag->dag_keyrecs[k];
		const struct dtk_action *ka = &stmt->dst_act[i + 1 + k];

		if (r->dofr_flags & (DTRACE_DOFREC_F_KSTACK |
				     DTRACE_DOFREC_F_USTACK)) {
			dtk_stack_key(mc, r, key + r->dofr_offset);
			continue;
		}
		if (ka->dta_bv == DIF_BV_EXECNAME &&
		    (r->dofr_flags & DTRACE_DOFREC_F_STRING) &&
		    r->dofr_size >= TASK_COMM_LEN) {
			dtk_key_comm(key + r->dofr_offset);
			continue;
		}
		if (!dtk_eval(mc, ka, i + 2 + k, &kv))
			return 0;
		if (dtk_act_upair(ka->dta_arg)) {
			dtk_store_upair(key + r->dofr_offset, kv);
			continue;
		}
		flt = dtk_store(mc, r->dofr_flags, r->dofr_size,
				key + r->dofr_offset, kv);
		if (flt) {
			dif_fault(&mc->mc_ms, flt, kv);
			dtk_error(mc, i + 2 + k);
			return 0;
		}
	}
	k = i + 1 + ag->dag_nkeys;
	if (a->dta_hasweight && !dtk_eval(mc, &stmt->dst_act[k], k + 1, &w))
		return 0;
	dtk_aggregate(mc->mc_state, mc->mc_cpu, ag, key, (s64)v, (s64)w,
		      mc->mc_span);
	return 1 + ag->dag_nkeys + a->dta_hasweight;
}

/*
 * tracemem(addr, max, n) at index i: a u64 length (n, at most the
 * record's room) and then that many bytes copied from addr; the ARG
 * action after it computes n.  False after a fault (reported).
 */
static bool dtk_act_tracemem(struct dtk_mctx *mc, const struct dtk_stmt *stmt,
			     u32 i, char *payload)
{
	const struct dtk_action *a = &stmt->dst_act[i];
	u64 addr, n;
	char *dst;
	int flt;

	if (!dtk_run(mc, &a->dta_difo, i + 1, &addr) ||
	    !dtk_run(mc, &stmt->dst_act[i + 1].dta_difo, i + 2, &n))
		return false;
	if (!payload)
		return true;
	dst = payload + a->dta_recoff;
	if ((s64)n < 0)
		n = 0;
	n = min_t(u64, n, a->dta_recsize - 8);
	*(u64 *)dst = n;
	flt = n ? dtk_host_kload(mc, dst + 8, addr, n) : 0;
	if (flt) {
		dif_fault(&mc->mc_ms, flt, addr);
		dtk_error(mc, i + 1);
		return false;
	}
	return true;
}

/*
 * speculate(id): move the record reserved at *hdr to this CPU's buffer of
 * speculation id (kernel/dtk_spec.c); false when it cannot go there and
 * is dropped.
 */
static bool dtk_act_speculate(struct dtk_mctx *mc, u64 id,
			      struct dtrace_rechdr **hdr,
			      struct dtk_specbuf **sb)
{
	struct dtk_state *st = mc->mc_state;
	u32 size = mc->mc_ecb->dte_size;
	struct dtrace_rechdr *sh;

	*sb = *hdr ? dtk_spec_buffer(st, mc->mc_cpu, id, &mc->mc_ms) : NULL;
	sh = *sb ? dtk_spec_reserve(st, *sb, size) : NULL;
	if (!sh)
		return false;
	*sh = **hdr;
	memset(sh + 1, 0, size - sizeof(*sh));
	*hdr = sh;
	return true;
}

/* commit(), discard() and the destructive actions that take a value. */
static void dtk_act_value(struct dtk_mctx *mc, u32 kind, u64 v)
{
	switch (kind) {
	case DTRACE_DOFACT_COMMIT:
		dtk_spec_commit(mc->mc_state, mc->mc_cpu, v, &mc->mc_ms);
		break;
	case DTRACE_DOFACT_DISCARD:
		dtk_spec_discard(mc->mc_state, mc->mc_cpu, v, &mc->mc_ms);
		break;
	case DTRACE_DOFACT_CHILL:
		dtk_act_chill(&mc->mc_ms, v);
		break;
	case DTRACE_DOFACT_RAISE:
		dtk_act_raise(&mc->mc_ms, v);
		break;
	}
}

/*
 * this-> variables live for one firing, across its clauses: the state's
 * first clause on the probe starts them at zero.
 */
static __always_inline void dtk_ecb_locals(const struct dtk_ecb *ecb, int cpu)
{
	struct dtk_state *st = ecb->dte_state;

	if (ecb->dte_first && st->dts_vars.dvs_locals)
		memset(st->dts_vars.dvs_locals[cpu], 0,
		       st->dts_vars.dvs_localsize);
}

/* Run one ECB: predicate, actions, and the commit of its record. */
static noinline void dtk_ecb_run(struct dtk_ecb *ecb, struct dtk_probe *prb,
			const u64 *args, int cpu, bool in_error)
{
	struct dtk_state *st = ecb->dte_state;
	struct dtk_stmt *stmt = ecb->dte_stmt;
	struct dtk_buf *buf = &st->dts_bufs[cpu];
	struct dtrace_rechdr *hdr;
	struct dtk_specbuf *sb = NULL;	/* speculate(): the record's buffer */
	/* Not zeroed on entry (INIT_STACK_ALL_ZERO): dtk_mctx_init() sets it. */
	struct dtk_mctx mc __uninitialized;
	bool exiting = false, dropped = false;
	char *payload;
	u32 i;
	u64 v;

	if (stmt->dst_silent) {
		/* Nothing to record: no room taken, nothing to drop. */
		hdr = NULL;
		payload = NULL;
	} else {
		hdr = dtk_buf_reserve(st, buf, ecb->dte_size,
				      prb->dpr_id == dtk_id_end);
		if (!hdr)
			return;
		hdr->drh_epid = ecb->dte_epid;
		hdr->drh_size = ecb->dte_size;
		hdr->drh_timestamp = ktime_get_mono_fast_ns();
		payload = (char *)(hdr + 1);
		memset(payload, 0, ecb->dte_size - sizeof(*hdr));
	}

	dtk_ecb_locals(ecb, cpu);
	dtk_mctx_init(&mc, st, ecb, prb, args, cpu, in_error);
	if (stmt->dst_haspred) {
		v = dif_run(&stmt->dst_pred, &mc.mc_ms);
		if (mc.mc_ms.ms_fault) {
			dtk_error(&mc, 0);
			return;
		}
		if (!v)
			return;
	}
	for (i = 0; i < stmt->dst_nact; i++) {
		const struct dtk_action *a = &stmt->dst_act[i];
		int flt;

		if (a->dta_kind == DTRACE_DOFACT_AGGREGATE) {
			u32 used = dtk_act_aggregate(&mc, stmt, i);

			if (!used)
				return;
			i += used - 1;
			continue;
		}
		/* A silent statement has no payload (dtk_stmt_silent()). */
		if (a->dta_kind == DTRACE_DOFACT_STACK && a->dta_hasrec && payload) {
			/* pc[] of the record; unused slots stay 0. */
			dtk_stack_kernel((unsigned long *)(payload + a->dta_recoff),
					 a->dta_recsize / sizeof(unsigned long),
					 prb->dpr_aframes);
			continue;
		}
		if ((a->dta_kind == DTRACE_DOFACT_USTACK ||
		     a->dta_kind == DTRACE_DOFACT_JSTACK) &&
		    a->dta_hasrec && payload) {
			/* The pid, then pc[]; the strings stay empty. */
			dtk_stack_ustack((unsigned long *)(payload + a->dta_recoff),
					 (u32)a->dta_arg);
			continue;
		}
		if (a->dta_kind == DTRACE_DOFACT_STOP)
			dtk_act_stop();
		if (a->dta_kind == DTRACE_DOFACT_PANIC)
			dtk_act_panic(prb);
		if (!a->dta_hasdifo)
			continue;
		if (a->dta_recflags & DTRACE_DOFREC_F_DYNSIZE) {
			if (!dtk_act_tracemem(&mc, stmt, i, payload))
				return;
			i++;	/* its size's ARG */
			continue;
		}
		if (!dtk_eval(&mc, a, i + 1, &v))
			return;
		if (a->dta_kind == DTRACE_DOFACT_SPECULATE) {
			/* Dropped: the clause runs on, its record goes nowhere. */
			dropped = !dtk_act_speculate(&mc, v, &hdr, &sb);
			payload = hdr ? (char *)(hdr + 1) : NULL;
		} else if (a->dta_kind == DTRACE_DOFACT_COMMIT && hdr) {
			/* This clause's own record goes before the commit's. */
			if (!dropped)
				*(sb ? &sb->dsb_offset : &buf->dbf_w.dbh_offset) +=
					ecb->dte_size;
			hdr = NULL;
			payload = NULL;
		}
		dtk_act_value(&mc, a->dta_kind, v);
		if (mc.mc_ms.ms_fault) {
			mc.mc_ms.ms_fault_pc = a->dta_difo.do_ninstr - 1;
			dtk_error(&mc, i + 1);
			return;
		}
		if (a->dta_hasrec && payload && dtk_act_upair(a->dta_kind)) {
			dtk_store_upair(payload + a->dta_recoff, v);
		} else if (a->dta_hasrec && payload) {
			flt = dtk_store(&mc, a->dta_recflags, a->dta_recsize,
					payload + a->dta_recoff, v);
			if (flt) {
				dif_fault(&mc.mc_ms, flt, v);
				mc.mc_ms.ms_fault_pc = a->dta_difo.do_ninstr - 1;
				dtk_error(&mc, i + 1);
				return;
			}
		}
		if (a->dta_kind == DTRACE_DOFACT_EXIT)
			exiting = true;
	}
	if (hdr && !dropped)
		*(sb ? &sb->dsb_offset : &buf->dbf_w.dbh_offset) += ecb->dte_size;
	if (exiting) {
		/* The first exit() wins; BEGIN and tracing both stop here. */
		if (cmpxchg(&st->dts_activity, DTRACE_ACTIVITY_ACTIVE,
			    DTRACE_ACTIVITY_DRAINING) != DTRACE_ACTIVITY_ACTIVE)
			cmpxchg(&st->dts_activity, DTRACE_ACTIVITY_WARMUP,
				DTRACE_ACTIVITY_DRAINING);
	}
}

/*
 * A statement that only counts by execname (dst_aggcomm, dtk_dof.c): its
 * keys built in this CPU's scratch, the hash's spans after them, no DIF
 * machine, no record.  False, for dtk_ecb_run(), when the scratch is too
 * small for that (which then reports it).
 */
static noinline bool dtk_ecb_aggcomm(struct dtk_ecb *ecb, int cpu)
{
	struct dtk_state *st = ecb->dte_state;
	const struct dtk_stmt *stmt = ecb->dte_stmt;
	const struct dtk_agg *ag = stmt->dst_act[0].dta_agg;
	char *key = st->dts_scratch[cpu];
	u32 k;

	if (ag->dag_keysize + ag->dag_nkeys * sizeof(u32) >
	    st->dts_opts.dop_scratchsize)
		return false;
	dtk_ecb_locals(ecb, cpu);
	for (k = 0; k < ag->dag_nkeys; k++)
		dtk_key_comm(key + ag->dag_keyrecs[k].dofr_offset);
	dtk_aggregate(st, cpu, ag, key, 0, 1,
		      (u32 *)(key + ag->dag_keysize));
	return true;
}

static __always_inline void dtk_fire(struct dtk_probe *prb, const u64 *args,
				     struct dtk_state *only, bool in_error)
{
	struct dtk_ecb *ecb;
	int cpu = smp_processor_id();

	if (!prb)
		return;
	for (ecb = rcu_dereference_sched(prb->dpr_ecb); ecb;
	     ecb = rcu_dereference_sched(ecb->dte_next)) {
		if (only && ecb->dte_state != only)
			continue;
		if (!dtk_ecb_active(prb->dpr_id,
				    smp_load_acquire(&ecb->dte_state->dts_activity)))
			continue;
		if (ecb->dte_stmt->dst_aggcomm && dtk_ecb_aggcomm(ecb, cpu))
			continue;
		dtk_ecb_run(ecb, prb, args, cpu, in_error);
	}
}

/* dtrace:::ERROR, out of line: the rare path keeps the firing's short. */
static noinline void dtk_fire_error(struct dtk_probe *prb, const u64 *args,
				    struct dtk_state *only)
{
	dtk_fire(prb, args, only, true);
}

/*
 * Fire probe id, interrupts off (the caller's), under the re-entry
 * guard.
 */
static __always_inline void dtk_probe_guarded(dtk_id_t id, const u64 *args,
					      struct dtk_state *only)
{
	struct dtk_ptab *pt;

	DTK_ASSERT(irqs_disabled());
	DTK_ASSERT(!preemptible());
	if (this_cpu_read(dtk_inprobe)) {
		/* A probe inside probe context: refused, never nested. */
		DTK_ASSERT(in_nmi());
		return;
	}
	this_cpu_write(dtk_inprobe, 1);

	pt = rcu_dereference_sched(dtk_ptab);
	if (pt && id != DTRACE_IDNONE && id <= smp_load_acquire(&pt->dpt_n))
		dtk_fire(READ_ONCE(pt->dpt_probes[id - 1]), args, only, false);

	this_cpu_write(dtk_inprobe, 0);
}

/* Fire probe id with interrupts off and the re-entry guard held. */
static __always_inline void dtk_probe_enter(dtk_id_t id, const u64 *args,
					    struct dtk_state *only)
{
	unsigned long flags;

	local_irq_save(flags);
	dtk_probe_guarded(id, args, only);
	local_irq_restore(flags);
}

void dtk_probe(dtk_id_t id, u64 arg0, u64 arg1, u64 arg2, u64 arg3, u64 arg4)
{
	u64 args[DTK_NARGS] = { arg0, arg1, arg2, arg3, arg4 };

	dtk_probe_enter(id, args, NULL);
}

void dtk_probe_argv(dtk_id_t id, const u64 args[DTK_NARGS])
{
	dtk_probe_enter(id, args, NULL);
}

void dtk_probe_args(dtk_id_t id, const u64 args[DTK_NARGS])
{
	dtk_probe_guarded(id, args, NULL);
}

/* BEGIN and END: the dtrace provider's probes fire for one state only. */
void dtk_probe_fire_state(dtk_id_t id, struct dtk_state *st)
{
	u64 args[DTK_NARGS] = { 0 };

	dtk_probe_enter(id, args, st);
}
