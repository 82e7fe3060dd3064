// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The dtrace provider: dtrace:::BEGIN, dtrace:::END and dtrace:::ERROR.
 * The framework fires them itself (kernel/dtk_state.c at go and stop,
 * kernel/dtk_probe.c on a fault), each for one consumer's state only, so
 * the provider has nothing to arm: it only names the probes.
 */
#include "kernel/dtk_impl.h"

dtk_id_t dtk_id_begin, dtk_id_end, dtk_id_error;
static struct dtk_provider *dtrace_prov;

static const struct dtk_pops dtrace_pops = { };

int dtrace_prov_init(void)
{
	int ret;

	ret = dtk_provider_register("dtrace", &dtrace_pops, NULL, &dtrace_prov);
	if (ret)
		return ret;
	dtk_id_begin = dtk_probe_create(dtrace_prov, "", "", "BEGIN", 0, NULL);
	dtk_id_end = dtk_probe_create(dtrace_prov, "", "", "END", 0, NULL);
	dtk_id_error = dtk_probe_create(dtrace_prov, "", "", "ERROR", 0, NULL);
	if (!dtk_id_begin || !dtk_id_end || !dtk_id_error) {
		dtk_provider_unregister(dtrace_prov);
		return -ENOMEM;
	}
	return 0;
}

void dtrace_prov_exit(void)
{
	dtk_provider_unregister(dtrace_prov);
	dtk_id_begin = dtk_id_end = dtk_id_error = DTRACE_IDNONE;
}
