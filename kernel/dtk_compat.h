/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Kernel compatibility: the one place where the differences between the
 * supported kernels (Debian 6.1 and 6.12) are hidden behind small helpers,
 * keyed on LINUX_VERSION_CODE.  Add to it as providers arrive; never copy
 * a whole file for another kernel.
 */
#ifndef DTK_COMPAT_H
#define DTK_COMPAT_H

#include <linux/version.h>
#include <linux/capability.h>

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 1, 0)
#error "dtrace.ko supports Linux 6.1 and later"
#endif

/* Who may open /dev/dtrace: CAP_SYS_ADMIN, or CAP_PERFMON where it exists. */
static inline bool dtk_capable(void)
{
	return capable(CAP_SYS_ADMIN) || perfmon_capable();
}

/* --- providers (issue 6): fbt, stacks --- */
#include <linux/ftrace.h>
#include <linux/ptrace.h>

/*
 * Argument n (0-5) of a function at its ftrace entry.  6.12 has the
 * accessor (struct ftrace_regs is opaque there); 6.1's x86 ftrace_regs is
 * a pt_regs whose argument registers the ftrace trampoline saved.
 */
static inline unsigned long dtk_fregs_arg(struct ftrace_regs *fregs,
					  unsigned int n)
{
#ifdef ftrace_regs_get_argument
	return ftrace_regs_get_argument(fregs, n);
#else
	return regs_get_kernel_argument(&fregs->regs, n);
#endif
}

/*
 * fprobe (one ftrace_ops plus rethook for many functions' returns) is
 * built and exported on 6.12, not in Debian's 6.1: fbt's return probes
 * use it where it exists and batches of kretprobes elsewhere.
 */
#if IS_ENABLED(CONFIG_FPROBE)
#define DTK_HAVE_FPROBE	1
#endif

#endif /* DTK_COMPAT_H */
