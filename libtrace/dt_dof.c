// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The DOF writer: a compiled program (dt_cc.h) becomes the image that
 * <dtrace/dof.h> describes.  Section order is fixed:
 *
 *   0 STRTAB  1 OPTIONS  2 STMTS  3 ACTIONS  4 RECORDS  5 AGGS  6.. DIFO
 *
 * so DIF object k is section 6 + k.  A clause with several probe
 * descriptions becomes one DOF statement per description, all pointing
 * at the same actions.  Options travel only when they were set (-x,
 * #pragma D option): the module has the defaults.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <dtrace/dof.h>
#include "dt_cc.h"

#define DT_DOF_FIRST_DIFO	6

/* A string table under construction; offset 0 is "". */
typedef struct dt_strtab {
	char *st_buf;
	size_t st_len, st_cap;
} dt_strtab_t;

static int64_t dt_strtab_add(dt_strtab_t *st, const char *s)
{
	size_t n = strlen(s) + 1, off;

	if (*s == '\0' && st->st_len)
		return 0;
	for (off = 0; off < st->st_len; off += strlen(st->st_buf + off) + 1)
		if (strcmp(st->st_buf + off, s) == 0)
			return (int64_t)off;
	if (st->st_len + n > st->st_cap) {
		size_t cap = st->st_cap * 2 + n + 64;
		char *b = realloc(st->st_buf, cap);

		if (!b)
			return -1;
		st->st_buf = b;
		st->st_cap = cap;
	}
	memcpy(st->st_buf + st->st_len, s, n);
	st->st_len += n;
	return (int64_t)(st->st_len - n);
}

/* The options the module acts on, by their -x names. */
static const struct {
	const char *name;
	uint32_t id;
} dt_dof_opts[] = {
	{ "bufsize", DTRACE_DOFOPT_BUFSIZE },
	{ "bufpolicy", DTRACE_DOFOPT_BUFPOLICY },
	{ "bufresize", DTRACE_DOFOPT_BUFRESIZE },
	{ "aggsize", DTRACE_DOFOPT_AGGSIZE },
	{ "dynvarsize", DTRACE_DOFOPT_DYNVARSIZE },
	{ "nspec", DTRACE_DOFOPT_NSPEC },
	{ "specsize", DTRACE_DOFOPT_SPECSIZE },
	{ "strsize", DTRACE_DOFOPT_STRSIZE },
	{ "switchrate", DTRACE_DOFOPT_SWITCHRATE },
	{ "aggrate", DTRACE_DOFOPT_AGGRATE },
	{ "cleanrate", DTRACE_DOFOPT_CLEANRATE },
	{ "cpu", DTRACE_DOFOPT_CPU },
	{ "stackframes", DTRACE_DOFOPT_STACKFRAMES },
	{ "ustackframes", DTRACE_DOFOPT_USTACKFRAMES },
	{ "jstackframes", DTRACE_DOFOPT_JSTACKFRAMES },
	{ "jstackstrsize", DTRACE_DOFOPT_JSTACKSTRSIZE },
	{ "destructive", DTRACE_DOFOPT_DESTRUCTIVE },
};

static size_t dt_align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

static uint32_t dt_dof_difo(int i)
{
	return i < 0 ? DTRACE_DOF_NONE : DT_DOF_FIRST_DIFO + (uint32_t)i;
}

int dtrace_program_dof(dtrace_hdl_t *dtp, dtrace_prog_t *pgp,
		       void **dofp, size_t *lenp)
{
	struct dt_cstate *cs = dt_cc_state(dtp);
	dt_strtab_t st = { NULL, 0, 0 };
	struct dtrace_dof_opt *opts = NULL;
	struct dtrace_dof_stmt *stmts = NULL;
	struct dtrace_dof_action *acts = NULL;
	struct dtrace_dof_rec *recs = NULL;
	struct dtrace_dof_agg *aggs = NULL;
	struct dtrace_dof_hdr *h;
	struct dtrace_dof_sec *sec;
	size_t nopts = 0, nstmts = 0, nsec, i, off, size[DT_DOF_FIRST_DIFO];
	const void *data[DT_DOF_FIRST_DIFO];
	char *img = NULL;
	int j, k, err = ENOMEM;

	if (!cs)
		return dt_set_errno(dtp, ENOMEM);
	if (dt_strtab_add(&st, "") < 0)
		goto fail;

	opts = calloc(sizeof(dt_dof_opts) / sizeof(dt_dof_opts[0]) + 1,
		      sizeof(*opts));
	for (i = 0; opts && i < sizeof(dt_dof_opts) / sizeof(dt_dof_opts[0]);
	     i++) {
		int id = dt_opt_lookup(dt_dof_opts[i].name);

		if (id < 0 || cs->cs_opt[id] == DT_OPT_UNSET)
			continue;
		opts[nopts].dofo_id = dt_dof_opts[i].id;
		opts[nopts].dofo_value = (uint64_t)cs->cs_opt[id];
		nopts++;
	}

	for (j = 0; j < pgp->dp_stmts.n; j++)
		nstmts += (size_t)pgp->dp_clauses[pgp->dp_stmts.v[j].ds_clause]
				  .cl_npdescs;
	stmts = calloc(nstmts + 1, sizeof(*stmts));
	acts = calloc((size_t)pgp->dp_acts.n + 1, sizeof(*acts));
	recs = calloc((size_t)pgp->dp_recs.n + 1, sizeof(*recs));
	aggs = calloc((size_t)pgp->dp_aggs.n + 1, sizeof(*aggs));
	if (!opts || !stmts || !acts || !recs || !aggs)
		goto fail;

	for (j = 0, i = 0; j < pgp->dp_stmts.n; j++) {
		const dt_stmt_t *s = &pgp->dp_stmts.v[j];
		const dt_clause_t *c = &pgp->dp_clauses[s->ds_clause];

		for (k = 0; k < c->cl_npdescs; k++, i++) {
			const dt_pdesc_t *pd = &c->cl_pdescs[k];
			int64_t o[4] = {
				dt_strtab_add(&st, pd->pd_prov),
				dt_strtab_add(&st, pd->pd_mod),
				dt_strtab_add(&st, pd->pd_func),
				dt_strtab_add(&st, pd->pd_name),
			};

			if (o[0] < 0 || o[1] < 0 || o[2] < 0 || o[3] < 0)
				goto fail;
			stmts[i].dofst_provider = (uint32_t)o[0];
			stmts[i].dofst_module = (uint32_t)o[1];
			stmts[i].dofst_function = (uint32_t)o[2];
			stmts[i].dofst_name = (uint32_t)o[3];
			stmts[i].dofst_pred = dt_dof_difo(s->ds_pred);
			stmts[i].dofst_act_first = (uint32_t)s->ds_act_first;
			stmts[i].dofst_act_count = (uint32_t)s->ds_act_count;
			stmts[i].dofst_size = s->ds_size;
			stmts[i].dofst_align = s->ds_align;
			stmts[i].dofst_clause = (uint32_t)s->ds_clause;
		}
	}
	for (j = 0; j < pgp->dp_acts.n; j++) {
		const dt_act_t *a = &pgp->dp_acts.v[j];

		acts[j].dofa_kind = a->da_kind;
		acts[j].dofa_difo = dt_dof_difo(a->da_difo);
		acts[j].dofa_rec = a->da_rec < 0 ? DTRACE_DOF_NONE :
				   (uint32_t)a->da_rec;
		acts[j].dofa_nargs = a->da_nargs;
		acts[j].dofa_arg = a->da_arg;
		if (a->da_str) {
			int64_t o = dt_strtab_add(&st, a->da_str);

			if (o < 0)
				goto fail;
			acts[j].dofa_arg = (uint64_t)o;
		}
	}
	for (j = 0; j < pgp->dp_recs.n; j++) {
		recs[j].dofr_offset = pgp->dp_recs.v[j].dr_offset;
		recs[j].dofr_size = pgp->dp_recs.v[j].dr_size;
		recs[j].dofr_align = pgp->dp_recs.v[j].dr_align;
		recs[j].dofr_flags = pgp->dp_recs.v[j].dr_flags;
	}
	for (j = 0; j < pgp->dp_aggs.n; j++) {
		const dt_agg_t *g = &pgp->dp_aggs.v[j];
		int64_t o = dt_strtab_add(&st, g->dg_name);

		if (o < 0)
			goto fail;
		aggs[j].dofag_id = (uint32_t)j;
		aggs[j].dofag_name = (uint32_t)o;
		aggs[j].dofag_func = g->dg_func;
		aggs[j].dofag_nkeys = g->dg_nkeys;
		aggs[j].dofag_rec_first = (uint32_t)g->dg_rec_first;
		aggs[j].dofag_keysize = g->dg_keysize;
		memcpy(aggs[j].dofag_params, g->dg_params,
		       sizeof(aggs[j].dofag_params));
	}

	data[0] = st.st_buf;	size[0] = st.st_len;
	data[1] = opts;		size[1] = nopts * sizeof(*opts);
	data[2] = stmts;	size[2] = nstmts * sizeof(*stmts);
	data[3] = acts;		size[3] = (size_t)pgp->dp_acts.n * sizeof(*acts);
	data[4] = recs;		size[4] = (size_t)pgp->dp_recs.n * sizeof(*recs);
	data[5] = aggs;		size[5] = (size_t)pgp->dp_aggs.n * sizeof(*aggs);

	nsec = DT_DOF_FIRST_DIFO + (size_t)pgp->dp_difos.n;
	off = sizeof(*h) + nsec * sizeof(*sec);
	for (i = 0; i < DT_DOF_FIRST_DIFO; i++)
		off = dt_align8(off) + size[i];
	for (j = 0; j < pgp->dp_difos.n; j++)
		off = dt_align8(off) + pgp->dp_difos.v[j].dd_size;
	off = dt_align8(off);

	img = calloc(1, off);
	if (!img)
		goto fail;
	h = (struct dtrace_dof_hdr *)img;
	h->dofh_magic[0] = DTRACE_DOF_MAG0;
	h->dofh_magic[1] = DTRACE_DOF_MAG1;
	h->dofh_magic[2] = DTRACE_DOF_MAG2;
	h->dofh_magic[3] = DTRACE_DOF_MAG3;
	h->dofh_version = DTRACE_DOF_VERSION;
	h->dofh_abi = DTRACE_ABI_VERSION;
	h->dofh_hdrsize = sizeof(*h);
	h->dofh_secsize = sizeof(*sec);
	h->dofh_secnum = (uint32_t)nsec;
	h->dofh_secoff = sizeof(*h);
	h->dofh_loadsz = off;
	h->dofh_flags = pgp->dp_destructive ? DTRACE_DOF_F_DESTRUCTIVE : 0;

	sec = (struct dtrace_dof_sec *)(img + sizeof(*h));
	off = sizeof(*h) + nsec * sizeof(*sec);
	for (i = 0; i < nsec; i++) {
		static const uint32_t kinds[DT_DOF_FIRST_DIFO] = {
			DTRACE_DOF_SECT_STRTAB, DTRACE_DOF_SECT_OPTIONS,
			DTRACE_DOF_SECT_STMTS, DTRACE_DOF_SECT_ACTIONS,
			DTRACE_DOF_SECT_RECORDS, DTRACE_DOF_SECT_AGGS,
		};
		static const uint32_t entsizes[DT_DOF_FIRST_DIFO] = {
			0, sizeof(struct dtrace_dof_opt),
			sizeof(struct dtrace_dof_stmt),
			sizeof(struct dtrace_dof_action),
			sizeof(struct dtrace_dof_rec),
			sizeof(struct dtrace_dof_agg),
		};
		const void *src;
		size_t n;

		if (i < DT_DOF_FIRST_DIFO) {
			sec[i].dofs_kind = kinds[i];
			sec[i].dofs_entsize = entsizes[i];
			sec[i].dofs_align = i == 0 ? 1 : 8;
			src = data[i];
			n = size[i];
		} else {
			const dt_difo_t *d = &pgp->dp_difos.v[i -
						DT_DOF_FIRST_DIFO];

			sec[i].dofs_kind = DTRACE_DOF_SECT_DIFO;
			sec[i].dofs_align = 8;
			src = d->dd_blob;
			n = d->dd_size;
		}
		off = dt_align8(off);
		sec[i].dofs_offset = off;
		sec[i].dofs_size = n;
		if (n)
			memcpy(img + off, src, n);
		off += n;
	}

	*dofp = img;
	*lenp = h->dofh_loadsz;
	err = 0;
fail:
	free(st.st_buf);
	free(opts);
	free(stmts);
	free(acts);
	free(recs);
	free(aggs);
	return err ? dt_set_errno(dtp, err) : 0;
}
