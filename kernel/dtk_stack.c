// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * PROBE CONTEXT: the rules of DESIGN.md apply in this file.
 *
 * Kernel stack walking for stack(), caller and stackdepth.
 *
 * Theory.  A probe fires deep inside dtrace.ko, below the provider's
 * callback, below the kernel's tracing machinery (an ftrace trampoline,
 * a tracepoint iterator, the kprobe/rethook handlers), below the traced
 * code.  DTrace's stack() shows only the traced code: for fbt entry the
 * first frame is the traced function's caller, at the return address
 * into it (`module`caller+0xoff`), exactly as on illumos.
 *
 * The walk uses the kernel's own unwinder (ORC on the Debian kernels,
 * exported as __unwind_start/unwind_next_frame; stack_trace_save_regs is
 * not exported), started at the current frame, so it works in any context
 * the unwinder does, NMI included, and never reads memory the unwinder has
 * not checked to be stack.  It then drops, in this order:
 *
 *   1. the frames inside dtrace.ko (their number depends on inlining and
 *      on the path taken: counting them would be fragile);
 *   2. with a provider's hint (dtk_stack_hint_push(), used by fbt
 *      entry), every frame up to and including the first whose return
 *      address is within the hinted function's first bytes, which is how
 *      the unwinder sees the fentry call;
 *   3. aframes more: the probe's artificial frames, a constant per
 *      provider (dtk_probe_create()'s aframes).
 *
 * A provider that fires from an interrupt (profile) names the interrupted
 * registers instead (dtk_stack_regs_push()): the walk starts there, so
 * the first frame is the interrupted pc, as in DTrace, and nothing needs
 * dropping; an interrupt from user mode has no kernel stack.
 *
 * Return addresses are what the unwinder reports (the instruction after
 * the call); the consumer symbolizes them from /proc/kallsyms
 * (libtrace/dt_ksym.c).
 *
 * User stacks (ustack(), ustackdepth, ucaller) are walked by hand, as
 * DTrace does on every platform: the kernel's user unwinder
 * (stack_trace_save_user) is not exported.  The user registers are the
 * ones saved at the kernel's entry (task_pt_regs(current), valid for a
 * system call, a fault and an interrupt from user mode alike); the first
 * frame is the user pc, then the frame-pointer chain is followed:
 *
 *	fp -> [ saved fp | return address ]	(16 bytes, 8-aligned)
 *
 * every load through copy_from_user_nofault (which refuses when the mm
 * loaded is not current's), stopping at a zero or unreadable frame, at a
 * frame pointer that does not move up the stack, or after
 * DTK_USTACK_MAX frames.  So a thread of a binary built without frame
 * pointers (most of a Debian system's libraries) gives a short or wrong
 * stack past the first frame, as DTrace on Linux always has; a function
 * that has not set up its frame (a libc system-call wrapper, or a probe
 * at a function's first instruction) hides its caller.  Kernel threads
 * have no user stack (depth 0); a 32-bit process's is its pc alone.
 */
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <linux/uaccess.h>
#include <asm/ptrace.h>
#include <asm/unwind.h>

#include "dtk_stack.h"

DEFINE_PER_CPU(unsigned long, dtk_stack_hint);
DEFINE_PER_CPU(struct pt_regs *, dtk_stack_regs);

/* How far past a function's start the fentry call's return address is. */
#define DTK_STACK_HINT_SPAN	16

int dtk_stack_kernel(unsigned long *pcs, int max, int aframes)
{
	unsigned long hint = this_cpu_read(dtk_stack_hint);
	struct pt_regs *regs = this_cpu_read(dtk_stack_regs);
	struct unwind_state state;
	bool ours = true;
	int depth = 0;

	if (regs) {
		/* From the interrupted pc: nothing of ours, no hint. */
		if (user_mode(regs))
			return 0;
		ours = false;
		hint = 0;
		aframes = 0;
	}
	for (unwind_start(&state, current, regs, NULL); !unwind_done(&state);
	     unwind_next_frame(&state)) {
		unsigned long pc = unwind_get_return_address(&state);

		if (!pc)
			break;
		if (ours) {
			if (within_module(pc, THIS_MODULE))
				continue;
			ours = false;
		}
		if (hint) {
			if (pc - hint <= DTK_STACK_HINT_SPAN)
				hint = 0;
			continue;
		}
		if (aframes > 0) {
			aframes--;
			continue;
		}
		if (pcs && depth < max)
			pcs[depth] = pc;
		if (++depth >= DTK_STACK_MAX)
			break;
	}
	return depth;
}

int dtk_stack_user(unsigned long *pcs, int max)
{
	struct task_struct *t = current;
	struct pt_regs *regs;
	unsigned long fp, frame[2];
	int depth = 0;

	if (!t->mm || (t->flags & (PF_KTHREAD | PF_EXITING)))
		return 0;
	regs = task_pt_regs(t);
	if (!user_mode(regs))
		return 0;
	if (pcs && max < 1)
		return 0;
	if (pcs)
		pcs[0] = regs->ip;
	depth = 1;
	if (!user_64bit_mode(regs))
		return depth;	/* 32-bit frames: the pc only */
	for (fp = regs->bp; depth < DTK_USTACK_MAX; fp = frame[0]) {
		if (pcs && depth >= max)
			break;
		if (!fp || fp & (sizeof(long) - 1) ||
		    copy_from_user_nofault(frame, (const void __user *)fp,
					   sizeof(frame)))
			break;
		if (!frame[1])
			break;
		if (pcs && depth < max)
			pcs[depth] = frame[1];
		depth++;
		if (frame[0] <= fp)
			break;
	}
	return depth;
}

void dtk_stack_ustack(unsigned long *rec, int n)
{
	rec[0] = task_tgid_nr(current);
	dtk_stack_user(rec + 1, n);
}
