/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Probe argument types and stability (dt_args.c has the theory).
 */
#ifndef DT_ARGS_H
#define DT_ARGS_H

#include <ctf-api.h>

#include "dt_cc.h"

#define DT_ARGS_MAX	32

/* The native types of one probe's args[], in the handle's dictionary. */
typedef struct dt_probeargs {
	int pa_argc;			/* -1: not known */
	ctf_id_t pa_argv[DT_ARGS_MAX];
} dt_probeargs_t;

int dt_args_probe(dtrace_hdl_t *dtp, const struct dtrace_probedesc *pd,
		  dt_probeargs_t *pa);

/* What dt_args_clause found for args[n]. */
enum {
	DT_ARGS_TYPED,		/* *tp is its type */
	DT_ARGS_UNTYPED,	/* no probe has known types: int64_t */
	DT_ARGS_MULTI,		/* the probes disagree (D_ARGS_MULTI) */
	DT_ARGS_IDX,		/* n is past a probe's arguments (D_ARGS_IDX) */
};

int dt_args_clause(dtrace_hdl_t *dtp, const dt_node_t *pdescs, int64_t n,
		   ctf_id_t *tp, const dt_pdesc_t **badp);

/* The provider a description names or implies (BEGIN: dtrace), or "". */
const char *dt_args_provider(const dt_pdesc_t *pdp);

/* Attribute by attribute, the less stable of a and b. */
dtrace_attribute_t dt_attr_min(dtrace_attribute_t a, dtrace_attribute_t b);

#endif /* DT_ARGS_H */
