/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The sdt provider's state shared by providers/sdt.c (theory comment
 * there) and its probe-context half, providers/sdt_probe.c.
 */
#ifndef SDT_IMPL_H
#define SDT_IMPL_H

#include <linux/list.h>
#include <linux/module.h>

#include "providers.h"

/* One tracepoint's probe. */
struct sdt_probe {
	struct list_head	sp_link;	/* sdt_probes, sdt_lock */
	struct hlist_node	sp_hash;	/* sdt_probe_hash, by name */
	struct tracepoint	*sp_tp;		/* NULL: its module is gone */
	struct module		*sp_mod;	/* NULL: the core kernel */
	char			*sp_tp_name;
	char			sp_modname[MODULE_NAME_LEN];
	dtk_id_t		sp_id;
	bool			sp_enabled;	/* callback registered */
};

/* PROBE CONTEXT (providers/sdt_probe.c). */
void sdt_cb(void *data, u64 a0, u64 a1, u64 a2, u64 a3, u64 a4);

#endif /* SDT_IMPL_H */
