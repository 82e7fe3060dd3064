// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * dtrace -S: the DIF of every clause, as the DIF disassembler prints it,
 * under a heading that says which clause, segment and action it is for.
 */
#include <dtrace/dof.h>
#include "dif/dif_asm.h"
#include "dt_cc.h"

static const char *const dt_actnames[DTRACE_DOFACT_MAX + 1] = {
	[DTRACE_DOFACT_TRACE] = "trace",
	[DTRACE_DOFACT_ARG] = "argument",
	[DTRACE_DOFACT_PRINTF] = "printf",
	[DTRACE_DOFACT_PRINTA] = "printa",
	[DTRACE_DOFACT_PRINT] = "print",
	[DTRACE_DOFACT_SYSTEM] = "system",
	[DTRACE_DOFACT_FREOPEN] = "freopen",
	[DTRACE_DOFACT_EXIT] = "exit",
	[DTRACE_DOFACT_STACK] = "stack",
	[DTRACE_DOFACT_USTACK] = "ustack",
	[DTRACE_DOFACT_JSTACK] = "jstack",
	[DTRACE_DOFACT_SYM] = "sym",
	[DTRACE_DOFACT_MOD] = "mod",
	[DTRACE_DOFACT_USYM] = "usym",
	[DTRACE_DOFACT_UMOD] = "umod",
	[DTRACE_DOFACT_UADDR] = "uaddr",
	[DTRACE_DOFACT_TRACEMEM] = "tracemem",
	[DTRACE_DOFACT_SPECULATE] = "speculate",
	[DTRACE_DOFACT_COMMIT] = "commit",
	[DTRACE_DOFACT_DISCARD] = "discard",
	[DTRACE_DOFACT_CHILL] = "chill",
	[DTRACE_DOFACT_RAISE] = "raise",
	[DTRACE_DOFACT_STOP] = "stop",
	[DTRACE_DOFACT_PANIC] = "panic",
	[DTRACE_DOFACT_BREAKPOINT] = "breakpoint",
	[DTRACE_DOFACT_AGGREGATE] = "aggregation",
	[DTRACE_DOFACT_AGGWEIGHT] = "aggregation weight",
	[DTRACE_DOFACT_CLEAR] = "clear",
	[DTRACE_DOFACT_TRUNC] = "trunc",
	[DTRACE_DOFACT_NORMALIZE] = "normalize",
	[DTRACE_DOFACT_DENORMALIZE] = "denormalize",
	[DTRACE_DOFACT_SETOPT] = "setopt",
	[DTRACE_DOFACT_FTRUNCATE] = "ftruncate",
};

static int dt_dump_difo(dtrace_hdl_t *dtp, dtrace_prog_t *pgp, int i,
			FILE *fp)
{
	struct dif_object obj;
	struct dif_error err;

	if (dif_object_parse(&obj, pgp->dp_difos.v[i].dd_blob,
			     pgp->dp_difos.v[i].dd_size, &err) != 0)
		return dt_set_errmsg(dtp, DTRACE_ECOMPILE, "DIF object %d is "
				     "malformed: %s", i, dif_check_msg(err.de_check));
	dif_disasm(fp, &obj, 0);
	return 0;
}

int dtrace_program_dump(dtrace_hdl_t *dtp, dtrace_prog_t *pgp, FILE *fp)
{
	int s, a;

	for (s = 0; s < pgp->dp_stmts.n; s++) {
		const dt_stmt_t *st = &pgp->dp_stmts.v[s];
		const dt_clause_t *c = &pgp->dp_clauses[st->ds_clause];
		int k;

		fprintf(fp, "\n/* clause %d, statement %d:", st->ds_clause + 1,
			s + 1);
		for (k = 0; k < c->cl_npdescs; k++)
			fprintf(fp, "%s %s:%s:%s:%s", k ? "," : "",
				c->cl_pdescs[k].pd_prov, c->cl_pdescs[k].pd_mod,
				c->cl_pdescs[k].pd_func, c->cl_pdescs[k].pd_name);
		fprintf(fp, " */\n");
		if (st->ds_pred >= 0) {
			fprintf(fp, "\nDIFO for the predicate:\n");
			if (dt_dump_difo(dtp, pgp, st->ds_pred, fp) != 0)
				return -1;
		}
		for (a = 0; a < st->ds_act_count; a++) {
			const dt_act_t *ap = &pgp->dp_acts.v[st->ds_act_first + a];

			if (ap->da_difo < 0)
				continue;
			fprintf(fp, "\nDIFO for action #%d (%s", a + 1,
				dt_actnames[ap->da_kind] ? dt_actnames[ap->da_kind]
				: "?");
			/* An aggregation key made by sym(), usym() ... */
			if (ap->da_kind == DTRACE_DOFACT_ARG &&
			    ap->da_arg >= DTRACE_DOFACT_SYM &&
			    ap->da_arg <= DTRACE_DOFACT_UADDR)
				fprintf(fp, ": %s", dt_actnames[ap->da_arg]);
			fprintf(fp, "):\n");
			if (dt_dump_difo(dtp, pgp, ap->da_difo, fp) != 0)
				return -1;
		}
	}
	return 0;
}
