// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Principal buffers, the process-context side: allocation at go, the
 * snapshot a consumer takes of one CPU, and freeing.  What a firing does
 * when its record does not fit (the buffer policy) is probe context's
 * business: dtk_buf_reserve() in kernel/dtk_probe.c.  The layout and the
 * switch protocol are pictured at the top of kernel/dtk_state.c; probe
 * context writes them in kernel/dtk_probe.c.
 *
 * The swap runs on the buffer's own CPU from an IPI, with interrupts off
 * and the CPU marked as in probe context (dtk_swap_on()), so it cannot
 * interleave with a firing on that CPU, not even one from an NMI, which
 * the re-entry guard then refuses; afterwards the other half belongs to
 * process context until the next swap, which only this state's next
 * snapshot (serialised by the state's lock) can do.  A CPU that is offline
 * fires nothing, so its swap is done where we are.
 */
#include <linux/cpumask.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "dtk_impl.h"

#define DTK_BUF_HALVES	2
/* The most one half may have; a bufsize above it is one not to be had. */
#define DTK_BUF_MAXSIZE	(1ULL << 30)

/*
 * Buffers whose sizes the user chooses (bufsize, aggsize) are allocated
 * so that a size the machine cannot give fails, rather than waking the
 * OOM killer against unrelated processes: a request for `total` bytes in
 * all is refused up front when it exceeds half of the memory available
 * now, and each piece is asked for with __GFP_RETRY_MAYFAIL.  The caller
 * then shrinks (bufresize=auto) or reports ENOMEM.
 */
bool dtk_mem_fits(u64 total)
{
	u64 avail = (u64)si_mem_available() << PAGE_SHIFT;

	return total <= avail / 2;
}

void *dtk_zalloc_big(u64 size)
{
	return kvzalloc(size, GFP_KERNEL | __GFP_RETRY_MAYFAIL | __GFP_NOWARN);
}

void dtk_buf_free(struct dtk_state *st)
{
	unsigned int cpu;
	int h;

	if (!st->dts_bufs)
		return;
	for_each_possible_cpu(cpu)
		for (h = 0; h < DTK_BUF_HALVES; h++)
			kvfree(st->dts_bufs[cpu].dbf_data[h]);
	kfree(st->dts_bufs);
	st->dts_bufs = NULL;
}

static int dtk_buf_try(struct dtk_state *st, u64 size)
{
	unsigned int cpu;
	int h;

	if (size > DTK_BUF_MAXSIZE ||
	    !dtk_mem_fits(size * DTK_BUF_HALVES * num_possible_cpus()))
		return -ENOMEM;
	st->dts_bufs = kcalloc(nr_cpu_ids, sizeof(*st->dts_bufs), GFP_KERNEL);
	if (!st->dts_bufs)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		for (h = 0; h < DTK_BUF_HALVES; h++) {
			st->dts_bufs[cpu].dbf_data[h] = dtk_zalloc_big(size);
			if (!st->dts_bufs[cpu].dbf_data[h]) {
				dtk_buf_free(st);
				return -ENOMEM;
			}
		}
	}
	return 0;
}

/* The largest record any ECB of the state writes. */
static u64 dtk_buf_minsize(struct dtk_state *st)
{
	struct dtk_enabling *en;
	u64 min = sizeof(struct dtrace_rechdr);
	u32 i;

	list_for_each_entry(en, &st->dts_enablings, den_link)
		for (i = 0; i < en->den_nstmts; i++)
			min = max_t(u64, min, en->den_stmts[i].dst_size);
	return min;
}

/*
 * Allocate every possible CPU's buffers.  With bufresize=auto a size that
 * cannot be had is halved until it can, down to the largest record.
 */
int dtk_buf_alloc(struct dtk_state *st)
{
	u64 size = st->dts_opts.dop_bufsize, min = dtk_buf_minsize(st);

	for (;;) {
		if (dtk_buf_try(st, size) == 0) {
			st->dts_opts.dop_bufsize = size;
			return 0;
		}
		if (st->dts_opts.dop_bufresize != DTRACE_BUFRESIZE_AUTO ||
		    size / 2 < min)
			return -ENOMEM;
		size = round_down(size / 2, 8);
	}
}

struct dtk_swap {
	smp_call_func_t	ds_fn;
	void		*ds_arg;
};

static void dtk_swap_here(void *arg)
{
	struct dtk_swap *sw = arg;
	int was = this_cpu_read(dtk_inprobe);

	this_cpu_write(dtk_inprobe, 1);
	sw->ds_fn(sw->ds_arg);
	this_cpu_write(dtk_inprobe, was);
}

/* Run a buffer swap fn(arg) on cpu, where no probe can fire meanwhile. */
void dtk_swap_on(unsigned int cpu, smp_call_func_t fn, void *arg)
{
	struct dtk_swap sw = { fn, arg };
	unsigned long flags;

	if (smp_call_function_single(cpu, dtk_swap_here, &sw, 1)) {
		local_irq_save(flags);
		dtk_swap_here(&sw);
		local_irq_restore(flags);
	}
}

static void dtk_buf_swap(void *arg)
{
	struct dtk_buf *b = arg;

	b->dbf_x = b->dbf_w;
	memset(&b->dbf_w, 0, sizeof(b->dbf_w));
	b->dbf_cur ^= 1;
}

/* The room fill keeps for END: every END record of the state, once. */
void dtk_buf_reserve_end(struct dtk_state *st)
{
	u32 i;

	st->dts_reserve = 0;
	mutex_lock(&dtk_lock);
	for (i = 0; i < st->dts_necbs; i++)
		if (st->dts_ecbs[i]->dte_probe->dpr_id == dtk_id_end)
			st->dts_reserve += st->dts_ecbs[i]->dte_size;
	mutex_unlock(&dtk_lock);
}

int dtk_buf_snapshot(struct dtk_state *st, struct dtrace_ioc_bufsnap *db)
{
	struct dtk_bufhalf *x;
	struct dtk_buf *b;
	u64 older = 0;
	char *data;

	if (db->db_flags || db->db_drops)
		return -EINVAL;
	if (db->db_cpu >= nr_cpu_ids || !cpu_possible(db->db_cpu))
		return -EINVAL;
	if (!st->dts_bufs)
		return -ENOENT;
	if (db->db_size < st->dts_opts.dop_bufsize)
		return -ENOSPC;
	b = &st->dts_bufs[db->db_cpu];
	dtk_swap_on(db->db_cpu, dtk_buf_swap, b);
	x = &b->dbf_x;
	data = b->dbf_data[b->dbf_cur ^ 1];
	/* A wrapped ring: the older part first, then the newer. */
	if (x->dbh_wrapped) {
		older = x->dbh_wrapoff - x->dbh_oldest;
		if (copy_to_user(u64_to_user_ptr(db->db_data),
				 data + x->dbh_oldest, older))
			return -EFAULT;
	}
	if (copy_to_user(u64_to_user_ptr(db->db_data) + older, data,
			 x->dbh_offset))
		return -EFAULT;
	db->db_size = older + x->dbh_offset;
	db->db_drops = x->dbh_drops;
	return 0;
}
