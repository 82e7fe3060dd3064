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

#endif /* DTK_COMPAT_H */
