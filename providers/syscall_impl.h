/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The syscall provider's state shared by its process-context half
 * (providers/syscall.c, whose theory comment explains it all) and its
 * probe-context half (providers/syscall_probe.c).
 */
#ifndef SYSCALL_IMPL_H
#define SYSCALL_IMPL_H

#include <linux/bitmap.h>
#include <linux/types.h>

#include "providers.h"

/* The system call tables the provider knows: native 64-bit, then ia32. */
#define SYSCALL_ABI_64		0
#define SYSCALL_ABI_32		1
#define SYSCALL_NABI		2

/* Enough for either table (6.12: 463 64-bit, 463 ia32 entries). */
#define SYSCALL_NR_MAX		1024

/* Entry and return probes of one table, indexed by system call number. */
struct syscall_tab {
	unsigned int	sct_n;				/* table size */
	dtk_id_t	sct_entry[SYSCALL_NR_MAX];	/* probe ids, 0: none */
	dtk_id_t	sct_return[SYSCALL_NR_MAX];
	/* The enabled bitmaps probe context tests: one bit per call. */
	DECLARE_BITMAP(sct_on_entry, SYSCALL_NR_MAX);
	DECLARE_BITMAP(sct_on_return, SYSCALL_NR_MAX);
};

/*
 * A probe's provider argument encodes where it lives: table, direction
 * and number, plus one so that it is never NULL.
 */
#define SYSCALL_PARG(abi, ret, nr)	((void *)(uintptr_t)(((abi) << 17 | \
					 (ret) << 16 | (nr)) + 1))
#define SYSCALL_PARG_ABI(p)	((((uintptr_t)(p) - 1) >> 17) & 1)
#define SYSCALL_PARG_RET(p)	((((uintptr_t)(p) - 1) >> 16) & 1)
#define SYSCALL_PARG_NR(p)	(((uintptr_t)(p) - 1) & 0xffff)

extern struct syscall_tab syscall_tabs[SYSCALL_NABI];

/* PROBE CONTEXT (providers/syscall_probe.c): the tracepoint callbacks. */
void syscall_enter_cb(void *data, struct pt_regs *regs, long id);
void syscall_exit_cb(void *data, struct pt_regs *regs, long ret);
u64 syscall_getargval(void *priv, dtk_id_t id, void *parg, int argno,
		      int aframes);

#endif /* SYSCALL_IMPL_H */
