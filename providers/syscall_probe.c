// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * PROBE CONTEXT: the rules of DESIGN.md apply in this file.
 *
 * The syscall provider's tracepoint callbacks (theory at the top of
 * providers/syscall.c).  They run in the calling task's context, with
 * preemption disabled by the tracepoint, before (sys_enter) and after
 * (sys_exit) the call; dtk_probe() does the rest.
 */
#include <linux/compat.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <asm/syscall.h>

#include "syscall_impl.h"

/* The table of the call being made: native or ia32, NULL for x32. */
static struct syscall_tab *syscall_tab_current(long nr)
{
	struct syscall_tab *t = &syscall_tabs[SYSCALL_ABI_64];

#ifdef CONFIG_IA32_EMULATION
	if (in_ia32_syscall())
		t = &syscall_tabs[SYSCALL_ABI_32];
	else
#endif
	if (in_compat_syscall())
		return NULL;
	if (nr < 0 || nr >= t->sct_n)
		return NULL;
	return t;
}

void syscall_enter_cb(void *data, struct pt_regs *regs, long id)
{
	struct syscall_tab *t = syscall_tab_current(id);
	unsigned long a[6];

	if (!t || !test_bit(id, t->sct_on_entry))
		return;
	syscall_get_arguments(current, regs, a);
	dtk_probe(READ_ONCE(t->sct_entry[id]), a[0], a[1], a[2], a[3], a[4]);
}

void syscall_exit_cb(void *data, struct pt_regs *regs, long ret)
{
	long id = syscall_get_nr(current, regs);
	struct syscall_tab *t = syscall_tab_current(id);

	if (!t || !test_bit(id, t->sct_on_return))
		return;
	dtk_probe(READ_ONCE(t->sct_return[id]), ret, ret, 0, 0, 0);
}

/*
 * Arguments past arg4: entry probes read the sixth argument register
 * again from the task's saved user registers, which the kernel does not
 * change before the call runs.
 */
u64 syscall_getargval(void *priv, dtk_id_t id, void *parg, int argno,
		      int aframes)
{
	unsigned long a[6];

	if (argno != 5 || SYSCALL_PARG_RET(parg))
		return 0;
	syscall_get_arguments(current, task_pt_regs(current), a);
	return a[5];
}
