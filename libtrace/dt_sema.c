// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The semantic pass: probe descriptions, names, actions and aggregations
 * (see dt_cc.c for where it sits in the compiler).
 */
#include <stdlib.h>
#include <string.h>

#include "dt_cc.h"

static void dt_sema_pdescs(dt_pcb_t *pcb, dt_node_t *clause)
{
	dt_node_t *pd;

	for (pd = clause->dn_left; pd; pd = pd->dn_next) {
		dt_pdesc_t *pdp = dt_pcb_zalloc(pcb, sizeof(*pdp));

		if (!pd->dn_string)
			dt_node_error(pcb, pd, D_PDESC_INVAL, "probe ids are "
				      "not supported: %llu",
				      (unsigned long long)pd->dn_value);
		dt_pdesc_split(pcb, pd, pdp);
		pd->dn_aux = pdp;
		if (!(pcb->pcb_cflags & DTRACE_C_ZDEFS) &&
		    dt_probe_match(pcb->pcb_hdl, pdp) == 0)
			dt_node_error(pcb, pd, D_PDESC_ZERO, "probe description "
				      "%s:%s:%s:%s does not match any probes",
				      pdp->pd_prov, pdp->pd_mod, pdp->pd_func,
				      pdp->pd_name);
	}
}

void dt_sema_program(dt_pcb_t *pcb)
{
	dt_node_t *dnp;

	for (dnp = pcb->pcb_root->dn_body; dnp; dnp = dnp->dn_next)
		if (dnp->dn_kind == DT_NODE_CLAUSE)
			dt_sema_pdescs(pcb, dnp);
}
