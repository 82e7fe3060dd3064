/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * PROBE CONTEXT: the rules of DESIGN.md apply to everything declared here.
 *
 * Kernel stacks for stack(), caller and stackdepth: see kernel/dtk_stack.c.
 */
#ifndef DTK_STACK_H
#define DTK_STACK_H

#include <linux/percpu.h>
#include <linux/types.h>

/* The deepest kernel stack walked (frames beyond are not counted). */
#define DTK_STACK_MAX	128

/*
 * Walk the current kernel stack: store at most max return addresses in
 * pcs (which may be NULL), innermost first, and return the depth.  The
 * frames of dtrace.ko are left out, then those up to the provider's hint
 * (below), then aframes more (the probe's artificial frames).
 */
int dtk_stack_kernel(unsigned long *pcs, int max, int aframes);

/*
 * A provider whose probe site is the entry of a known function (fbt)
 * names it around dtk_probe(), so the walk drops the frames up to and
 * including the one inside that function, whatever the tracing machinery
 * between (ftrace trampolines, list functions) added.  Nests like
 * interrupts do:
 *
 *	prev = dtk_stack_hint_push(func);
 *	dtk_probe(...);
 *	dtk_stack_hint_pop(prev);
 */
DECLARE_PER_CPU(unsigned long, dtk_stack_hint);

static __always_inline unsigned long dtk_stack_hint_push(unsigned long func)
{
	unsigned long prev = this_cpu_read(dtk_stack_hint);

	this_cpu_write(dtk_stack_hint, func);
	return prev;
}

static __always_inline void dtk_stack_hint_pop(unsigned long prev)
{
	this_cpu_write(dtk_stack_hint, prev);
}

#endif /* DTK_STACK_H */
