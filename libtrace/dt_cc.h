/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The D compiler's state kept in the handle between compilations (options,
 * cpp arguments, the -c/-p target) and the compiled program.  The theory
 * of the compiler is at the top of dt_cc.c.
 */
#ifndef DT_CC_H
#define DT_CC_H

#include <stdint.h>

#include "dt_parser.h"

/* Options: one table (dt_options.c) gives names, kinds and defaults. */
enum dt_optid {
#define DT_OPT_ENUM(id, name, kind, dflt) id,
#include "dt_options.def"
#undef DT_OPT_ENUM
	DT_OPT_COUNT
};

#define DT_OPT_UNSET	INT64_MIN	/* an option never set */

struct dt_cstate {
	int64_t cs_opt[DT_OPT_COUNT];	/* option values, DT_OPT_UNSET */
	char **cs_cppargv;		/* -D, -U, -I arguments for cpp */
	int cs_cppargc;
	long cs_target;			/* $target: the -c/-p process, or 0 */
};

/* One probe description of a clause, split into its four parts. */
typedef struct dt_pdesc {
	char *pd_prov;
	char *pd_mod;
	char *pd_func;
	char *pd_name;
	int pd_line;
} dt_pdesc_t;

/* A compiled clause: where it fires, and its (typed) tree. */
typedef struct dt_clause {
	dt_pdesc_t *cl_pdescs;		/* cl_npdescs descriptions */
	int cl_npdescs;
	dt_node_t *cl_node;		/* the DT_NODE_CLAUSE */
} dt_clause_t;

struct dtrace_prog {
	dt_clause_t *dp_clauses;
	int dp_nclauses;
	void *dp_allocs;		/* the parse tree's memory */
	unsigned dp_cflags;
};

struct dt_cstate *dt_cc_state(dtrace_hdl_t *dtp);
void dt_cc_fini(dtrace_hdl_t *dtp);
char *dt_cc_expand_pspec(dt_pcb_t *pcb, const char *spec);
int dt_pdesc_split(dt_pcb_t *pcb, const dt_node_t *dnp, dt_pdesc_t *pdp);

/* Options (dt_options.c). */
int dt_opt_lookup(const char *name);
unsigned dt_opt_cflags(dtrace_hdl_t *dtp);

/* Probe matching (dt_probes.c). */
int dt_probe_match(dtrace_hdl_t *dtp, const dt_pdesc_t *pdp);

#endif /* DT_CC_H */
