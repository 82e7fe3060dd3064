// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Aggregation buffers, the process-context side: allocation at go, the
 * snapshot of one CPU, freeing.  The entry layout is abi.h's (struct
 * dtrace_aggrec); probe context finds and updates entries in
 * kernel/dtk_agg_probe.c, where the theory of aggregating is.
 *
 * Each half starts with its hash table, whose chain heads must be empty
 * before probe context appends to the half: the half about to become the
 * current one is the one process context owns, so it is cleared here,
 * before the swap on the CPU, like the principal buffers' swap.
 */
#include <linux/cpumask.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/uaccess.h>

#include "dtk_impl.h"

void dtk_aggbuf_free(struct dtk_state *st)
{
	unsigned int cpu;

	if (!st->dts_aggbufs)
		return;
	for_each_possible_cpu(cpu) {
		kvfree(st->dts_aggbufs[cpu].dab_data[0]);
		kvfree(st->dts_aggbufs[cpu].dab_data[1]);
	}
	kfree(st->dts_aggbufs);
	st->dts_aggbufs = NULL;
}

int dtk_aggbuf_alloc(struct dtk_state *st)
{
	unsigned int cpu;
	int h;

	if (!st->dts_naggs)
		return 0;
	if (!dtk_mem_fits(st->dts_opts.dop_aggsize * 2 * num_possible_cpus()))
		return -ENOMEM;
	st->dts_aggbufs = kcalloc(nr_cpu_ids, sizeof(*st->dts_aggbufs),
				  GFP_KERNEL);
	if (!st->dts_aggbufs)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		struct dtk_aggbuf *ab = &st->dts_aggbufs[cpu];

		for (h = 0; h < 2; h++) {
			ab->dab_data[h] = dtk_zalloc_big(st->dts_opts.dop_aggsize);
			if (!ab->dab_data[h]) {
				dtk_aggbuf_free(st);
				return -ENOMEM;
			}
		}
		ab->dab_offset = DTK_AGG_DATA;
	}
	return 0;
}

static void dtk_aggbuf_swap(void *arg)
{
	struct dtk_aggbuf *ab = arg;

	ab->dab_xoffset = ab->dab_offset;
	ab->dab_xdrops = ab->dab_drops;
	ab->dab_offset = DTK_AGG_DATA;
	ab->dab_drops = 0;
	ab->dab_cur ^= 1;
}

int dtk_aggbuf_snapshot(struct dtk_state *st, struct dtrace_ioc_bufsnap *db)
{
	struct dtk_aggbuf *ab;
	u64 len;

	if (db->db_flags || db->db_drops)
		return -EINVAL;
	if (db->db_cpu >= nr_cpu_ids || !cpu_possible(db->db_cpu))
		return -EINVAL;
	if (!st->dts_aggbufs)
		return -ENOENT;
	if (db->db_size < st->dts_opts.dop_aggsize)
		return -ENOSPC;
	ab = &st->dts_aggbufs[db->db_cpu];
	/* The half that becomes current starts with empty chains. */
	memset(ab->dab_data[ab->dab_cur ^ 1], 0, DTK_AGG_DATA);
	dtk_swap_on(db->db_cpu, dtk_aggbuf_swap, ab);
	len = ab->dab_xoffset - DTK_AGG_DATA;
	if (copy_to_user(u64_to_user_ptr(db->db_data),
			 ab->dab_data[ab->dab_cur ^ 1] + DTK_AGG_DATA, len))
		return -EFAULT;
	db->db_size = len;
	db->db_drops = ab->dab_xdrops;
	return 0;
}
