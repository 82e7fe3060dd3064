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
	int			sp_nargs;	/* its arity, or SDT_NARGS_UNKNOWN */
	void			*sp_cb;		/* the callback registered */
	bool			sp_enabled;	/* callback registered */
};

#define SDT_NARGS_UNKNOWN	(-1)

/*
 * PROBE CONTEXT (providers/sdt_probe.c): the callback for a tracepoint of
 * n arguments, n <= DTK_NARGS; it takes the probe as its data.
 */
extern void *const sdt_cbs[DTK_NARGS + 1];

#endif /* SDT_IMPL_H */
