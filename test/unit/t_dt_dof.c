// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The DOF writer: the image of a compiled program reads back as the same
 * program (statements, actions, records, aggregations, strings), keeps
 * every rule of <dtrace/dof.h>, and every DIF object in it parses and
 * passes the verifier.
 */
#include <stdlib.h>
#include <string.h>

#include <dtrace/dof.h>
#include "dif/dif_obj.h"
#include "dif/dif_vm.h"
#include "dtrace.h"
#include "tap.h"

static const char *img;
static size_t imglen;
static const struct dtrace_dof_sec *secs;

static const void *section(uint32_t kind, size_t *np, size_t entsize)
{
	const struct dtrace_dof_hdr *h = (const void *)img;
	uint32_t i;

	for (i = 0; i < h->dofh_secnum; i++)
		if (secs[i].dofs_kind == kind) {
			*np = entsize ? secs[i].dofs_size / entsize :
			      secs[i].dofs_size;
			return img + secs[i].dofs_offset;
		}
	*np = 0;
	return NULL;
}

int main(void)
{
	static const char prog[] =
		"syscall::read:entry, syscall::write:entry\n"
		"/execname == \"sshd\"/ { self->t = timestamp; }\n"
		"syscall::read:return /self->t/ {\n"
		"	@[execname] = quantize(timestamp - self->t);\n"
		"	printf(\"%d %s\\n\", pid, execname);\n"
		"	self->t = 0;\n"
		"}\n"
		"END { exit(3); }\n";
	const struct dtrace_dof_hdr *h;
	const struct dtrace_dof_stmt *st;
	const struct dtrace_dof_action *ac;
	const struct dtrace_dof_rec *rec;
	const struct dtrace_dof_agg *ag;
	const char *strtab;
	size_t nst, nac, nrec, nag, nstr, i, ndifo = 0, nok = 0;
	dtrace_prog_t *pgp;
	dtrace_hdl_t *dtp;
	void *dof;
	int err;

	dtp = dtrace_open(DTRACE_O_NODEV, &err);
	pgp = dtrace_program_strcompile(dtp, prog, DTRACE_PROBESPEC_NAME, 0,
					0, NULL);
	ok(pgp != NULL, "the program compiles");
	if (!pgp) {
		printf("# %s\n", dtrace_errmsg(dtp, dtrace_errno(dtp)));
		return tap_done();
	}
	ok(dtrace_program_dof(dtp, pgp, &dof, &imglen) == 0, "DOF written");
	img = dof;
	h = dof;

	ok(h->dofh_magic[0] == DTRACE_DOF_MAG0 && h->dofh_magic[3] ==
	   DTRACE_DOF_MAG3 && h->dofh_version == DTRACE_DOF_VERSION,
	   "magic and version");
	is_int(h->dofh_loadsz, imglen, "load size is the image size");
	ok(h->dofh_hdrsize == sizeof(*h) && h->dofh_secsize ==
	   sizeof(struct dtrace_dof_sec), "header and section sizes");
	secs = (const void *)(img + h->dofh_secoff);
	for (i = 0; i < h->dofh_secnum; i++) {
		if (secs[i].dofs_offset + secs[i].dofs_size > imglen ||
		    secs[i].dofs_offset % secs[i].dofs_align)
			break;
		if (secs[i].dofs_entsize &&
		    secs[i].dofs_size % secs[i].dofs_entsize)
			break;
	}
	is_int(i, h->dofh_secnum, "every section inside the image, aligned, "
	       "whole entries");

	strtab = section(DTRACE_DOF_SECT_STRTAB, &nstr, 0);
	ok(strtab && nstr > 0 && strtab[0] == '\0' && strtab[nstr - 1] == '\0',
	   "string table starts and ends with NUL");
	st = section(DTRACE_DOF_SECT_STMTS, &nst, sizeof(*st));
	ac = section(DTRACE_DOF_SECT_ACTIONS, &nac, sizeof(*ac));
	rec = section(DTRACE_DOF_SECT_RECORDS, &nrec, sizeof(*rec));
	ag = section(DTRACE_DOF_SECT_AGGS, &nag, sizeof(*ag));

	is_int(nst, 4, "four statements: two descriptions, two clauses");
	is_str(strtab + st[1].dofst_function, "write",
	       "the second description of clause 1");
	ok(st[0].dofst_act_first == st[1].dofst_act_first &&
	   st[0].dofst_pred == st[1].dofst_pred,
	   "descriptions of one clause share predicate and actions");
	is_int(st[2].dofst_clause, 1, "statement 3 is clause 2");
	ok(st[3].dofst_pred == DTRACE_DOF_NONE, "END has no predicate");

	/* Clause 2: aggregation + key, printf + 2 args, the assignment. */
	is_int(st[2].dofst_act_count, 6, "clause 2 has six actions");
	ac += st[2].dofst_act_first;
	is_int(ac[0].dofa_kind, DTRACE_DOFACT_AGGREGATE, "aggregation first");
	is_int(ac[0].dofa_nargs, 1, "one key");
	is_int(ac[1].dofa_kind, DTRACE_DOFACT_ARG, "the key");
	is_int(ac[2].dofa_kind, DTRACE_DOFACT_PRINTF, "then printf");
	is_str(strtab + ac[2].dofa_arg, "%d %s\n", "with its format");
	is_int(ac[2].dofa_nargs, 2, "and two arguments");
	ok(ac[3].dofa_rec != DTRACE_DOF_NONE && ac[4].dofa_rec !=
	   DTRACE_DOF_NONE, "printf's arguments have records");
	ok(rec[ac[4].dofa_rec].dofr_flags & DTRACE_DOFREC_F_STRING,
	   "execname is recorded as a string");
	ok(rec[ac[3].dofa_rec].dofr_offset + rec[ac[3].dofa_rec].dofr_size <=
	   rec[ac[4].dofa_rec].dofr_offset && rec[ac[4].dofa_rec].dofr_offset +
	   rec[ac[4].dofa_rec].dofr_size <= st[2].dofst_size,
	   "records do not overlap and fit the payload");
	ok(ac[5].dofa_kind == DTRACE_DOFACT_TRACE &&
	   ac[5].dofa_rec == DTRACE_DOF_NONE && ac[5].dofa_difo !=
	   DTRACE_DOF_NONE, "the assignment runs for its effect");

	is_int(nag, 1, "one aggregation");
	is_int(ag[0].dofag_func, DTRACE_AGG_QUANTIZE, "quantize");
	is_str(strtab + ag[0].dofag_name, "", "the anonymous @");
	is_int(ag[0].dofag_nkeys, 1, "keyed by one string");
	ok(rec[ag[0].dofag_rec_first].dofr_flags & DTRACE_DOFREC_F_STRING,
	   "the key record is a string");

	ac = section(DTRACE_DOF_SECT_ACTIONS, &nac, sizeof(*ac));
	ac += st[3].dofst_act_first;
	ok(ac[0].dofa_kind == DTRACE_DOFACT_EXIT &&
	   rec[ac[0].dofa_rec].dofr_size == 4, "exit() with a 4-byte record");

	for (i = 0; i < h->dofh_secnum; i++) {
		struct dif_object obj;
		struct dif_error derr;

		if (secs[i].dofs_kind != DTRACE_DOF_SECT_DIFO)
			continue;
		ndifo++;
		if (dif_object_parse(&obj, img + secs[i].dofs_offset,
				     secs[i].dofs_size, &derr) == 0 &&
		    dif_verify(&obj, DIF_PRIV_ALL, &derr) == 0)
			nok++;
	}
	ok(ndifo > 0 && nok == ndifo, "all %zu DIF objects parse and verify",
	   ndifo);

	free(dof);
	dtrace_program_destroy(dtp, pgp);
	dtrace_close(dtp);
	return tap_done();
}
