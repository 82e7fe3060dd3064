// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The syscall provider: syscall::<call>:entry and syscall::<call>:return
 * for every system call of the running kernel.
 *
 * Theory.
 *
 * Names.  The kernel's own tables name the calls: the build includes the
 * generated headers <asm/syscalls_64.h> and <asm/syscalls_32.h> of the
 * kernel it is built against (the same headers the kernel builds
 * sys_call_table from, so number and name cannot disagree for that
 * kernel; sys_call_table itself is not exported).  A table entry
 * "sys_openat" is the call "openat", the name tracefs gives the event
 * sys_enter_openat and the name DTrace users type; sys_ni_syscall holes
 * have no probes.  The 64-bit calls have an empty module, as on illumos.
 * The 32-bit (ia32 compat) calls are the same names in module "ia32"
 * ("sys_ia32_pread64" is "pread64"): syscall::read:entry therefore fires
 * for 32-bit and 64-bit processes alike, as on illumos, and
 * syscall:ia32:read:entry or the empty-module description
 * syscall:"":read:entry (written syscall::read:entry /probemod == ""/ in
 * D) tells them apart.  x32 calls (the x32 bit in the number) have no
 * probes.
 *
 * Attaching.  Every call goes through the raw tracepoints sys_enter and
 * sys_exit, which are not exported but found with
 * for_each_kernel_tracepoint.  The provider registers ONE callback on each,
 * only while at least one entry (return) probe is enabled, and unregisters
 * it when the last is disabled, so nothing is attached while no consumer
 * uses a syscall probe.  Which calls are enabled is a bitmap per table and
 * direction: a call with no enabled probe costs the callback one bit test.
 *
 * Arguments.  Entry: arg0..arg5 are the call's six argument registers, in
 * the ABI's order (syscall_get_arguments); dtk_probe() carries arg0..arg4,
 * arg5 is read again from the task's saved user registers by the
 * getargval op.  Return: arg0 and arg1 are both the return value, as on
 * illumos (a negative value is -errno).
 *
 * Locking: enable and disable run under dtk_lock (the framework's); the
 * registration counts are protected by it.  The callbacks read the
 * bitmaps and the id tables without locks: ids never change after
 * registration and a stale bit only fires a probe with no ECBs, which the
 * framework ignores.  Probe context is in providers/syscall_probe.c.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": syscall: " fmt

#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tracepoint.h>

#include "syscall_impl.h"

/* The kernel's syscall tables, by number, from its generated headers. */
#define __SYSCALL(nr, sym)			[nr] = #sym,
#define __SYSCALL_NORETURN(nr, sym)		[nr] = #sym,
#define __SYSCALL_WITH_COMPAT(nr, sym, csym)	[nr] = #sym,
static const char *const syscall_names64[] = {
#include <asm/syscalls_64.h>
};

#ifdef CONFIG_IA32_EMULATION
static const char *const syscall_names32[] = {
#include <asm/syscalls_32.h>
};
#endif
#undef __SYSCALL
#undef __SYSCALL_NORETURN
#undef __SYSCALL_WITH_COMPAT

static_assert(ARRAY_SIZE(syscall_names64) <= SYSCALL_NR_MAX);
#ifdef CONFIG_IA32_EMULATION
static_assert(ARRAY_SIZE(syscall_names32) <= SYSCALL_NR_MAX);
#endif

static const char *const syscall_abimod[SYSCALL_NABI] = { "", "ia32" };

struct syscall_tab syscall_tabs[SYSCALL_NABI];
static struct dtk_provider *syscall_prov;
static struct tracepoint *syscall_tp_enter, *syscall_tp_exit;
static unsigned int syscall_nenter, syscall_nexit;

/* "sys_openat" -> "openat"; "sys_ia32_pread64" -> "pread64"; NULL: none. */
static const char *syscall_name(const char *sym)
{
	if (!sym || strcmp(sym, "sys_ni_syscall") == 0)
		return NULL;
	if (strncmp(sym, "sys_", 4) == 0)
		sym += 4;
	if (strncmp(sym, "ia32_", 5) == 0)
		sym += 5;
	return sym[0] ? sym : NULL;
}

/* Was this name already given probes earlier in the same table? */
static bool syscall_name_dup(const char *const *names, unsigned int nr,
			     const char *name)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		const char *n = syscall_name(names[i]);

		if (n && strcmp(n, name) == 0)
			return true;
	}
	return false;
}

static int syscall_tab_create(int abi, const char *const *names,
			      unsigned int n)
{
	struct syscall_tab *t = &syscall_tabs[abi];
	unsigned int nr;

	t->sct_n = n;
	for (nr = 0; nr < n; nr++) {
		const char *name = syscall_name(names[nr]);

		if (!name || syscall_name_dup(names, nr, name))
			continue;
		t->sct_entry[nr] = dtk_probe_create(syscall_prov,
			syscall_abimod[abi], name, "entry", 0,
			SYSCALL_PARG(abi, 0, nr));
		t->sct_return[nr] = dtk_probe_create(syscall_prov,
			syscall_abimod[abi], name, "return", 0,
			SYSCALL_PARG(abi, 1, nr));
		if (!t->sct_entry[nr] || !t->sct_return[nr])
			return -ENOMEM;
	}
	return 0;
}

/* Attach the callback for one direction when its first probe is enabled. */
static int syscall_attach(bool ret)
{
	unsigned int *count = ret ? &syscall_nexit : &syscall_nenter;
	struct tracepoint *tp = ret ? syscall_tp_exit : syscall_tp_enter;
	void *cb = ret ? (void *)syscall_exit_cb : (void *)syscall_enter_cb;
	int err;

	if (!tp)
		return -ENOENT;
	if ((*count)++)
		return 0;
	err = tracepoint_probe_register(tp, cb, NULL);
	if (err)
		(*count)--;
	return err;
}

static void syscall_detach(bool ret)
{
	unsigned int *count = ret ? &syscall_nexit : &syscall_nenter;
	struct tracepoint *tp = ret ? syscall_tp_exit : syscall_tp_enter;
	void *cb = ret ? (void *)syscall_exit_cb : (void *)syscall_enter_cb;

	if (WARN_ON_ONCE(!*count) || --(*count))
		return;
	tracepoint_probe_unregister(tp, cb, NULL);
	/* No callback is still running, or can start, past this point. */
	tracepoint_synchronize_unregister();
}

static int syscall_enable(void *priv, dtk_id_t id, void *parg)
{
	struct syscall_tab *t = &syscall_tabs[SYSCALL_PARG_ABI(parg)];
	bool ret = SYSCALL_PARG_RET(parg);
	int err;

	err = syscall_attach(ret);
	if (err)
		return err;
	set_bit(SYSCALL_PARG_NR(parg), ret ? t->sct_on_return : t->sct_on_entry);
	return 0;
}

static void syscall_disable(void *priv, dtk_id_t id, void *parg)
{
	struct syscall_tab *t = &syscall_tabs[SYSCALL_PARG_ABI(parg)];
	bool ret = SYSCALL_PARG_RET(parg);

	clear_bit(SYSCALL_PARG_NR(parg), ret ? t->sct_on_return : t->sct_on_entry);
	syscall_detach(ret);
}

static const struct dtk_pops syscall_pops = {
	.dpo_enable	= syscall_enable,
	.dpo_disable	= syscall_disable,
	.dpo_getargval	= syscall_getargval,
};

int syscall_prov_init(void)
{
	int ret;

	syscall_tp_enter = sdt_tp_find("sys_enter");
	syscall_tp_exit = sdt_tp_find("sys_exit");
	if (!syscall_tp_enter || !syscall_tp_exit)
		pr_warn("no sys_enter/sys_exit tracepoints: probes cannot be enabled\n");

	ret = dtk_provider_register("syscall", &syscall_pops, NULL,
				    &syscall_prov);
	if (ret)
		return ret;
	ret = syscall_tab_create(SYSCALL_ABI_64, syscall_names64,
				 ARRAY_SIZE(syscall_names64));
#ifdef CONFIG_IA32_EMULATION
	if (!ret)
		ret = syscall_tab_create(SYSCALL_ABI_32, syscall_names32,
					 ARRAY_SIZE(syscall_names32));
#endif
	if (ret) {
		dtk_provider_unregister(syscall_prov);
		memset(syscall_tabs, 0, sizeof(syscall_tabs));
	}
	return ret;
}

void syscall_prov_exit(void)
{
	dtk_provider_unregister(syscall_prov);
	memset(syscall_tabs, 0, sizeof(syscall_tabs));
}
