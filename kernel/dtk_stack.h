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

/* The deepest user stack walked. */
#define DTK_USTACK_MAX	128

/*
 * Walk the current thread's user stack by frame pointers: the user pc,
 * then the return addresses, at most max of them stored in pcs (which
 * may be NULL); returns the depth (0 for a kernel thread).
 */
int dtk_stack_user(unsigned long *pcs, int max);

/* A ustack(n) record or key: the pid (the thread group's), then n pcs. */
void dtk_stack_ustack(unsigned long *rec, int n);

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

/*
 * A provider that fires from an interrupt (profile) names the
 * interrupted registers around dtk_probe(): the walk then starts at the
 * interrupted pc, as DTrace's profile stacks do, and is empty when the
 * interrupt came from user mode.  Nests like the hint above.
 */
struct pt_regs;
DECLARE_PER_CPU(struct pt_regs *, dtk_stack_regs);

static __always_inline struct pt_regs *dtk_stack_regs_push(struct pt_regs *regs)
{
	struct pt_regs *prev = this_cpu_read(dtk_stack_regs);

	this_cpu_write(dtk_stack_regs, regs);
	return prev;
}

static __always_inline void dtk_stack_regs_pop(struct pt_regs *prev)
{
	this_cpu_write(dtk_stack_regs, prev);
}

#endif /* DTK_STACK_H */
