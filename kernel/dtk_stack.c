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
 * Return addresses are what the unwinder reports (the instruction after
 * the call); the consumer symbolizes them from /proc/kallsyms
 * (libtrace/dt_ksym.c).
 */
#include <linux/module.h>
#include <linux/sched.h>
#include <asm/unwind.h>

#include "dtk_stack.h"

DEFINE_PER_CPU(unsigned long, dtk_stack_hint);

/* How far past a function's start the fentry call's return address is. */
#define DTK_STACK_HINT_SPAN	16

int dtk_stack_kernel(unsigned long *pcs, int max, int aframes)
{
	unsigned long hint = this_cpu_read(dtk_stack_hint);
	struct unwind_state state;
	bool ours = true;
	int depth = 0;

	for (unwind_start(&state, current, NULL, NULL); !unwind_done(&state);
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
