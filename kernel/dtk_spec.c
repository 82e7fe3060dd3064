// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Speculations: speculation(), speculate(), commit(), discard().
 *
 * PROBE CONTEXT: everything above the "process context" line below runs
 * inside a firing (kernel/dtk_probe.c, the DIF host's speculation()), with
 * interrupts off and the rules of DESIGN.md; the cleaner below the line
 * runs in process context and, on each CPU, from an IPI.
 *
 * Theory.  A state has nspec speculations, ids 1 .. nspec (0 means "none":
 * speculate(0), commit(0) and discard(0) do nothing; an id above nspec is
 * an illegal operation).  Each speculation has one buffer of specsize
 * bytes per possible CPU, allocated at go when some statement speculates,
 * laid out like a principal buffer (record header + payload, as
 * kernel/dtk_state.c pictures it).  A clause whose first action is
 * speculate(id) writes its whole record into id's buffer of this CPU
 * instead of the principal buffer: the record was reserved in the
 * principal buffer first, as every record is, and the reservation is
 * moved, so a principal buffer without room drops it either way.  A record
 * that does not fit in the speculation's buffer is a speculative drop;
 * those of a speculation that is later committed are counted in STATUS
 * ("speculative drops"), those of a discarded one are forgotten, as in
 * DTrace.
 *
 * Each speculation has a state, changed only by compare-and-swap, so any
 * CPU (and an NMI) may act on any speculation without a lock:
 *
 *                  speculation()
 *     INACTIVE ------------------------> ACTIVE
 *        ^  ^                             |  speculate() on a CPU
 *        |  |  commit()/discard()         v
 *        |  +------------------------- ACTIVEONE -- speculate() on ---+
 *        |      on that same CPU          |         another CPU       |
 *        |                                |                           v
 *        |  commit(): COMMITTING, then    |                     ACTIVEMANY
 *        |  INACTIVE when its one buffer  |                           |
 *        |  was copied                    | commit()/discard() on     |
 *        |                                | another CPU               |
 *        |      the cleaner: every CPU    v                           |
 *        +---- copied (or emptied) --- COMMITTINGMANY / DISCARDING <--+
 *              its own buffer
 *
 * commit(id) copies this CPU's buffer of id into this CPU's principal
 * buffer right away, under the principal buffer's policy, stamping every
 * record with the time of the commit so that the principal buffer stays in
 * time order; discard(id) empties it.  When data may sit in other CPUs'
 * buffers (ACTIVEMANY, or a commit on a CPU that did not speculate), the
 * speculation waits in COMMITTINGMANY or DISCARDING until the cleaner,
 * which runs at cleanrate, has visited every CPU: on each (by IPI, with
 * interrupts off, so never in the middle of a firing there, and with the
 * per-CPU probe guard held, so not under an NMI firing either) it copies
 * or empties that CPU's buffer, and then it makes the speculation
 * INACTIVE.  Only then can speculation() hand the id out again: until
 * then a speculation() that finds no free id counts "busy" if some id is
 * being committed or discarded, "unavailable" otherwise, and returns 0.
 * speculate() on an id that is not active (free, committing, discarding)
 * drops the record silently, as in DTrace.  The consumer prints the three
 * counts from STATUS in DTrace's words.  STOP runs the cleaner a last
 * time after END, so what was committed reaches the final drain.
 *
 * Nothing here allocates or locks in probe context; all the memory was
 * allocated at go and is freed when the state is destroyed, after the
 * cleaner was cancelled.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpu.h>
#include <linux/ktime.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/timekeeping.h>

#include "dtk_spec.h"
#include "dif/dif_vm.h"

enum {
	DTK_SPEC_INACTIVE,
	DTK_SPEC_ACTIVE,		/* handed out, nothing written */
	DTK_SPEC_ACTIVEONE,		/* written on one CPU */
	DTK_SPEC_ACTIVEMANY,		/* written on several CPUs */
	DTK_SPEC_COMMITTING,		/* one CPU's buffer being copied */
	DTK_SPEC_COMMITTINGMANY,	/* waiting for the cleaner */
	DTK_SPEC_DISCARDING,		/* waiting for the cleaner */
};

/* The speculation of an id, or NULL (0: none; too large: a fault). */
static struct dtk_spec *dtk_spec_get(struct dtk_state *st, u64 id,
				     struct dif_mstate *ms)
{
	struct dtk_specs *ss = st->dts_spec;

	if (id == 0)
		return NULL;
	if (!ss || id > ss->dss_n) {
		dif_fault(ms, DIF_FLT_ILLOP, id);
		return NULL;
	}
	return &ss->dss_specs[id - 1];
}

/* speculation(): a free id, or 0 counted as busy or unavailable. */
u64 dtk_spec_new(struct dtk_state *st)
{
	struct dtk_specs *ss = st->dts_spec;
	atomic64_t *stat;
	u32 i = 0;

	if (!ss)
		return 0;
	stat = &ss->dss_unavail;
	while (i < ss->dss_n) {
		struct dtk_spec *sp = &ss->dss_specs[i];
		int cur = READ_ONCE(sp->dsp_state);

		if (cur != DTK_SPEC_INACTIVE) {
			if (cur == DTK_SPEC_COMMITTINGMANY ||
			    cur == DTK_SPEC_COMMITTING ||
			    cur == DTK_SPEC_DISCARDING)
				stat = &ss->dss_busy;
			i++;
			continue;
		}
		/* Lost a race for this one: look at it again. */
		if (cmpxchg(&sp->dsp_state, cur, DTK_SPEC_ACTIVE) == cur)
			return i + 1;
	}
	atomic64_inc(stat);
	return 0;
}

/*
 * speculate(id): this CPU's buffer of id, making the speculation active
 * here; NULL when id is 0, not active, or being committed or discarded.
 */
struct dtk_specbuf *dtk_spec_buffer(struct dtk_state *st, int cpu, u64 id,
				    struct dif_mstate *ms)
{
	struct dtk_spec *sp = dtk_spec_get(st, id, ms);
	struct dtk_specbuf *sb;
	int cur, new;

	if (!sp || !sp->dsp_bufs)
		return NULL;
	sb = &sp->dsp_bufs[cpu];
	do {
		cur = READ_ONCE(sp->dsp_state);
		switch (cur) {
		case DTK_SPEC_ACTIVEMANY:
			return sb;
		case DTK_SPEC_ACTIVEONE:
			/* Data here means the one CPU is this one. */
			if (sb->dsb_offset)
				return sb;
			new = DTK_SPEC_ACTIVEMANY;
			break;
		case DTK_SPEC_ACTIVE:
			new = DTK_SPEC_ACTIVEONE;
			break;
		default:
			return NULL;
		}
	} while (cmpxchg(&sp->dsp_state, cur, new) != cur);
	return sb;
}

/* Room for a record of size bytes in a speculation's buffer, or a drop. */
struct dtrace_rechdr *dtk_spec_reserve(struct dtk_state *st,
				       struct dtk_specbuf *sb, u32 size)
{
	if (sb->dsb_offset + size > st->dts_spec->dss_size) {
		sb->dsb_drops++;
		return NULL;
	}
	return (void *)(sb->dsb_data + sb->dsb_offset);
}

/*
 * Copy cpu's buffer of a speculation into cpu's principal buffer (the
 * caller runs on cpu with interrupts off, or cpu is offline), stamped
 * with the time of the commit; empty it either way.  A principal buffer
 * without room counts one principal drop, as DTrace does.
 */
static void dtk_spec_copy(struct dtk_state *st, int cpu,
			  struct dtk_specbuf *src)
{
	struct dtk_buf *dest = &st->dts_bufs[cpu];
	struct dtrace_rechdr *d, *h;
	u64 now, off;

	if (src->dsb_offset) {
		d = dtk_buf_reserve(st, dest, src->dsb_offset, false);
		if (d) {
			now = ktime_get_mono_fast_ns();
			for (off = 0; off + sizeof(*h) <= src->dsb_offset;
			     off += h->drh_size) {
				h = (void *)(src->dsb_data + off);
				if (!h->drh_size)
					break;
				h->drh_timestamp = now;
			}
			memcpy(d, src->dsb_data, src->dsb_offset);
			dest->dbf_w.dbh_offset += src->dsb_offset;
		}
	}
	if (src->dsb_drops)
		atomic64_add(src->dsb_drops, &st->dts_spec->dss_drops);
	src->dsb_offset = 0;
	src->dsb_drops = 0;
}

static void dtk_spec_commit_id(struct dtk_state *st, int cpu,
			       struct dtk_spec *sp)
{
	struct dtk_specbuf *src = sp->dsp_bufs ? &sp->dsp_bufs[cpu] : NULL;
	int cur, new = DTK_SPEC_INACTIVE;

	do {
		cur = READ_ONCE(sp->dsp_state);
		if (cur == DTK_SPEC_COMMITTINGMANY)
			break;
		switch (cur) {
		case DTK_SPEC_ACTIVE:
			new = DTK_SPEC_COMMITTING;
			break;
		case DTK_SPEC_ACTIVEONE:
			/* Written here only: done once this buffer is. */
			if (src && src->dsb_offset) {
				new = DTK_SPEC_COMMITTING;
				break;
			}
			fallthrough;
		case DTK_SPEC_ACTIVEMANY:
			new = DTK_SPEC_COMMITTINGMANY;
			break;
		default:
			/* Free, or being committed or discarded already. */
			return;
		}
	} while (cmpxchg(&sp->dsp_state, cur, new) != cur);

	if (src)
		dtk_spec_copy(st, cpu, src);
	if (cur == DTK_SPEC_ACTIVE ||
	    (cur == DTK_SPEC_ACTIVEONE && new == DTK_SPEC_COMMITTING))
		cmpxchg(&sp->dsp_state, DTK_SPEC_COMMITTING, DTK_SPEC_INACTIVE);
}

void dtk_spec_commit(struct dtk_state *st, int cpu, u64 id,
		     struct dif_mstate *ms)
{
	struct dtk_spec *sp = dtk_spec_get(st, id, ms);

	if (sp)
		dtk_spec_commit_id(st, cpu, sp);
}

void dtk_spec_discard(struct dtk_state *st, int cpu, u64 id,
		      struct dif_mstate *ms)
{
	struct dtk_spec *sp = dtk_spec_get(st, id, ms);
	struct dtk_specbuf *sb;
	int cur, new;

	if (!sp)
		return;
	sb = sp->dsp_bufs ? &sp->dsp_bufs[cpu] : NULL;
	do {
		cur = READ_ONCE(sp->dsp_state);
		switch (cur) {
		case DTK_SPEC_ACTIVE:
		case DTK_SPEC_ACTIVEMANY:
			new = DTK_SPEC_DISCARDING;
			break;
		case DTK_SPEC_ACTIVEONE:
			new = sb && sb->dsb_offset ? DTK_SPEC_INACTIVE :
						     DTK_SPEC_DISCARDING;
			break;
		default:
			return;
		}
	} while (cmpxchg(&sp->dsp_state, cur, new) != cur);
	if (sb) {
		sb->dsb_offset = 0;
		sb->dsb_drops = 0;
	}
}

/* ---- process context ---------------------------------------------------- */

/* One CPU's part of a cleaning: interrupts off, on cpu or cpu offline. */
static void dtk_spec_clean_cpu(struct dtk_specs *ss, int cpu)
{
	u32 i;

	for (i = 0; i < ss->dss_n; i++) {
		struct dtk_spec *sp = &ss->dss_specs[i];
		struct dtk_specbuf *sb;
		int cur = READ_ONCE(sp->dsp_state);

		if (!sp->dsp_bufs)
			continue;
		sb = &sp->dsp_bufs[cpu];
		if (cur == DTK_SPEC_DISCARDING) {
			sb->dsb_offset = 0;
			sb->dsb_drops = 0;
		} else if (cur == DTK_SPEC_COMMITTINGMANY &&
			   (sb->dsb_offset || sb->dsb_drops)) {
			dtk_spec_commit_id(ss->dss_state, cpu, sp);
		}
	}
}

/* From the IPI: this CPU's part, with the probe guard against NMIs. */
static void dtk_spec_clean_here(void *arg)
{
	int was = this_cpu_read(dtk_inprobe);

	this_cpu_write(dtk_inprobe, 1);
	dtk_spec_clean_cpu(arg, smp_processor_id());
	this_cpu_write(dtk_inprobe, was);
}

/*
 * Finish the speculations being committed or discarded: every CPU copies
 * or empties its buffer of them, then they are free again.
 */
static void dtk_spec_clean(struct dtk_specs *ss)
{
	unsigned long flags;
	unsigned int cpu;
	u32 i, work = 0;

	for (i = 0; i < ss->dss_n; i++) {
		struct dtk_spec *sp = &ss->dss_specs[i];
		int cur = READ_ONCE(sp->dsp_state);

		if (cur != DTK_SPEC_DISCARDING && cur != DTK_SPEC_COMMITTINGMANY)
			continue;
		sp->dsp_cleaning = true;
		work++;
	}
	if (!work)
		return;
	cpus_read_lock();
	on_each_cpu(dtk_spec_clean_here, ss, 1);
	for_each_possible_cpu(cpu) {
		if (cpu_online(cpu))
			continue;
		/* Offline: nothing fires there, so it is done from here. */
		local_irq_save(flags);
		dtk_spec_clean_cpu(ss, cpu);
		local_irq_restore(flags);
	}
	cpus_read_unlock();
	for (i = 0; i < ss->dss_n; i++) {
		struct dtk_spec *sp = &ss->dss_specs[i];
		int cur = READ_ONCE(sp->dsp_state);

		if (!sp->dsp_cleaning)
			continue;
		/* Only the cleaner moves a speculation out of these. */
		WARN_ON_ONCE(cur != DTK_SPEC_DISCARDING &&
			     cur != DTK_SPEC_COMMITTINGMANY);
		cmpxchg(&sp->dsp_state, cur, DTK_SPEC_INACTIVE);
		sp->dsp_cleaning = false;
	}
}

/*
 * At cleanrate.  The state's lock keeps the snapshot of an offline CPU's
 * principal buffer (done from whatever CPU asks) from racing with a
 * commit into it from here; when an ioctl holds it, the cleaning waits
 * for the next round (STOP cancels this work while holding the lock, so
 * waiting for it here could deadlock).
 */
static void dtk_spec_cleaner(struct work_struct *work)
{
	struct dtk_specs *ss = container_of(to_delayed_work(work),
					    struct dtk_specs, dss_cleaner);

	if (mutex_trylock(&ss->dss_state->dts_lock)) {
		dtk_spec_clean(ss);
		mutex_unlock(&ss->dss_state->dts_lock);
	}
	schedule_delayed_work(&ss->dss_cleaner,
		nsecs_to_jiffies(ss->dss_state->dts_opts.dop_cleanrate) ?: 1);
}

/* Does any statement speculate, and how large is its largest record? */
static bool dtk_spec_used(struct dtk_state *st, u64 *maxrec)
{
	struct dtk_enabling *en;
	bool used = false;
	u32 s, a;

	*maxrec = sizeof(struct dtrace_rechdr);
	list_for_each_entry(en, &st->dts_enablings, den_link) {
		for (s = 0; s < en->den_nstmts; s++) {
			const struct dtk_stmt *stmt = &en->den_stmts[s];

			for (a = 0; a < stmt->dst_nact; a++) {
				if (stmt->dst_act[a].dta_kind !=
				    DTRACE_DOFACT_SPECULATE)
					continue;
				used = true;
				*maxrec = max_t(u64, *maxrec, stmt->dst_size);
			}
		}
	}
	return used;
}

static void dtk_spec_free_bufs(struct dtk_specs *ss)
{
	unsigned int cpu;
	u32 i;

	for (i = 0; i < ss->dss_n; i++) {
		struct dtk_spec *sp = &ss->dss_specs[i];

		if (!sp->dsp_bufs)
			continue;
		for_each_possible_cpu(cpu)
			kvfree(sp->dsp_bufs[cpu].dsb_data);
		kfree(sp->dsp_bufs);
		sp->dsp_bufs = NULL;
	}
}

static int dtk_spec_try(struct dtk_specs *ss, u64 size)
{
	unsigned int cpu;
	u32 i;

	if (!dtk_mem_fits(size * ss->dss_n * num_possible_cpus()))
		return -ENOMEM;
	for (i = 0; i < ss->dss_n; i++) {
		struct dtk_spec *sp = &ss->dss_specs[i];

		sp->dsp_bufs = kcalloc(nr_cpu_ids, sizeof(*sp->dsp_bufs),
				       GFP_KERNEL);
		if (!sp->dsp_bufs)
			goto fail;
		for_each_possible_cpu(cpu) {
			sp->dsp_bufs[cpu].dsb_data = dtk_zalloc_big(size);
			if (!sp->dsp_bufs[cpu].dsb_data)
				goto fail;
		}
	}
	return 0;
fail:
	dtk_spec_free_bufs(ss);
	return -ENOMEM;
}

/*
 * At go: nspec speculations, with buffers if some statement speculates.
 * With bufresize=auto a specsize that cannot be had is halved until it
 * can, down to the largest speculated record.
 */
int dtk_spec_alloc(struct dtk_state *st)
{
	struct dtk_specs *ss;
	u64 size = st->dts_opts.dop_specsize, min;
	bool used = dtk_spec_used(st, &min);

	ss = kzalloc(sizeof(*ss), GFP_KERNEL);
	if (!ss)
		return -ENOMEM;
	ss->dss_state = st;
	ss->dss_n = st->dts_opts.dop_nspec;
	INIT_DELAYED_WORK(&ss->dss_cleaner, dtk_spec_cleaner);
	if (ss->dss_n) {
		ss->dss_specs = kcalloc(ss->dss_n, sizeof(*ss->dss_specs),
					GFP_KERNEL);
		if (!ss->dss_specs) {
			kfree(ss);
			return -ENOMEM;
		}
	}
	while (used && ss->dss_n && dtk_spec_try(ss, size)) {
		if (st->dts_opts.dop_bufresize != DTRACE_BUFRESIZE_AUTO ||
		    size / 2 < min) {
			kfree(ss->dss_specs);
			kfree(ss);
			return -ENOMEM;
		}
		size = round_down(size / 2, 8);
	}
	ss->dss_size = size;
	st->dts_spec = ss;
	if (ss->dss_n)
		schedule_delayed_work(&ss->dss_cleaner,
			nsecs_to_jiffies(st->dts_opts.dop_cleanrate) ?: 1);
	return 0;
}

/*
 * At stop (the state's lock held), after END: no more firings; finish
 * the last commits.
 */
void dtk_spec_stop(struct dtk_state *st)
{
	if (!st->dts_spec)
		return;
	cancel_delayed_work_sync(&st->dts_spec->dss_cleaner);
	dtk_spec_clean(st->dts_spec);
}

void dtk_spec_free(struct dtk_state *st)
{
	struct dtk_specs *ss = st->dts_spec;

	if (!ss)
		return;
	cancel_delayed_work_sync(&ss->dss_cleaner);
	dtk_spec_free_bufs(ss);
	kfree(ss->dss_specs);
	kfree(ss);
	st->dts_spec = NULL;
}

void dtk_spec_status(struct dtk_state *st, struct dtrace_ioc_status *ds)
{
	struct dtk_specs *ss = st->dts_spec;

	if (!ss)
		return;
	ds->ds_specdrops = atomic64_read(&ss->dss_drops);
	/* Counts that wrap: the consumer reports differences. */
	ds->ds_specbusy = (u32)atomic64_read(&ss->dss_busy);
	ds->ds_specunavail = (u32)atomic64_read(&ss->dss_unavail);
}
