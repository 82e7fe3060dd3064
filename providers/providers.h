/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The kernel providers built into dtrace.ko beside the dtrace provider:
 * syscall (providers/syscall.c), fbt (providers/fbt.c), sdt
 * (providers/sdt.c) and profile (providers/profile.c).  Each file's theory comment says how its probes are
 * found, named and attached.  providers/providers.c registers them all at
 * module load and removes them at unload.
 */
#ifndef PROVIDERS_H
#define PROVIDERS_H

#include <linux/tracepoint.h>

#include "kernel/dtk_impl.h"

/* providers/providers.c: all of the below, in order; undone on failure. */
int providers_init(void);
void providers_exit(void);

int syscall_prov_init(void);
void syscall_prov_exit(void);
int fbt_prov_init(void);
void fbt_prov_exit(void);
int sdt_prov_init(void);
void sdt_prov_exit(void);
int profile_prov_init(void);
void profile_prov_exit(void);

/* A core kernel tracepoint by name (for_each_kernel_tracepoint), or NULL. */
struct tracepoint *sdt_tp_find(const char *name);

#endif /* PROVIDERS_H */
