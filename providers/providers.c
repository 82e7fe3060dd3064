// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The table of kernel providers that dtrace.ko registers at load time
 * (after the dtrace provider) and removes at unload, in reverse order.
 * A new provider is one line here and a declaration in providers.h.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/printk.h>

#include "providers.h"

static const struct {
	const char	*pt_name;
	int		(*pt_init)(void);
	void		(*pt_exit)(void);
} providers[] = {
	{ "syscall",	syscall_prov_init,	syscall_prov_exit },
	{ "fbt",	fbt_prov_init,		fbt_prov_exit },
	{ "sdt",	sdt_prov_init,		sdt_prov_exit },
	{ "profile",	profile_prov_init,	profile_prov_exit },
};

int providers_init(void)
{
	int i, ret;

	for (i = 0; i < ARRAY_SIZE(providers); i++) {
		ret = providers[i].pt_init();
		if (ret) {
			pr_err("provider %s: %d\n", providers[i].pt_name, ret);
			while (--i >= 0)
				providers[i].pt_exit();
			return ret;
		}
	}
	return 0;
}

void providers_exit(void)
{
	int i;

	for (i = ARRAY_SIZE(providers) - 1; i >= 0; i--)
		providers[i].pt_exit();
}
