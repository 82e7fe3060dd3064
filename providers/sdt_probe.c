// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * PROBE CONTEXT: the rules of DESIGN.md apply in this file.
 *
 * The sdt provider's tracepoint callback (theory at the top of
 * providers/sdt.c).  Tracepoints call it with preemption disabled.
 */
#include <linux/percpu.h>

#include "sdt_impl.h"

/* arg5..arg9 of the firing on this CPU, for sdt_getargval(). */
static DEFINE_PER_CPU(u64 [5], sdt_xargs);

void sdt_cb(void *data, u64 a0, u64 a1, u64 a2, u64 a3, u64 a4, u64 a5,
	    u64 a6, u64 a7, u64 a8, u64 a9)
{
	struct sdt_probe *sp = data;
	u64 *x = this_cpu_ptr(sdt_xargs);

	x[0] = a5;
	x[1] = a6;
	x[2] = a7;
	x[3] = a8;
	x[4] = a9;
	dtk_probe(sp->sp_id, a0, a1, a2, a3, a4);
}

u64 sdt_getargval(void *priv, dtk_id_t id, void *parg, int argno,
		  int aframes)
{
	if (argno < 5 || argno > 9)
		return 0;
	return this_cpu_ptr(sdt_xargs)[argno - 5];
}
