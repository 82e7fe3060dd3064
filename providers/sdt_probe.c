// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * PROBE CONTEXT: the rules of DESIGN.md apply in this file.
 *
 * The sdt provider's tracepoint callback (theory at the top of
 * providers/sdt.c).  Tracepoints call it with preemption disabled.
 */
#include "sdt_impl.h"

/*
 * The callback takes the data pointer and five arguments, all of which
 * arrive in registers on x86-64.  It must not declare more: a parameter
 * beyond the sixth is read from the caller's stack, and a tracepoint
 * with fewer arguments fired near the top of an interrupt or entry stack
 * makes that read run off the stack (an oops, seen with every sdt probe
 * enabled).
 */
void sdt_cb(void *data, u64 a0, u64 a1, u64 a2, u64 a3, u64 a4)
{
	struct sdt_probe *sp = data;

	dtk_probe(sp->sp_id, a0, a1, a2, a3, a4);
}
