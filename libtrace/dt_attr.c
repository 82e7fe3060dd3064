// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The stability of a compiled program, as dtrace -v reports it.
 *
 * Theory.  DTrace gives every interface three attributes, the stability
 * of its names, the stability of its data, and its dependency class,
 * ordered from least to most stable; what a program depends on is the
 * minimum over what it uses, attribute by attribute.  A program has two
 * such minimums:
 *
 *   descriptions  over its probe descriptions, each rated by the
 *                 provider's published attributes for the parts it names
 *                 (dtrace_probe_info in dt_args.c, where the providers'
 *                 tables are); a description with no provider is rated by
 *                 the provider its name implies (BEGIN is dtrace's,
 *                 profile-N profile's), else as an unknown provider;
 *   statements    over the identifiers its clauses use: D's own variables
 *                 and functions are Stable/Stable/Common, but for those
 *                 whose data is the kernel's private implementation
 *                 (curthread: Stable/Private/Common), kernel symbols
 *                 (`name: Private/Private/Unknown) and args[], which has
 *                 its providers' argument attributes.
 *
 * Operators, constants, types and user variables do not lower either.
 *
 * #pragma D attributes changes them: on an identifier of the program,
 * its uses are rated by what the pragma says (dp_attrs); on a provider's
 * part, the handle's providers are (cs_provattrs), as in DTrace.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <dtrace/abi.h>
#include "dt_args.h"
#include "dt_cc.h"
#include "dt_impl.h"
#include "dtrace.h"

static const dtrace_attribute_t dt_attr_stable = {
	DTRACE_S_STABLE, DTRACE_S_STABLE, DTRACE_C_COMMON,
};

/* The identifiers whose attributes are not Stable/Stable/Common. */
static const struct {
	const char *ai_name;
	dtrace_attribute_t ai_attr;
} dt_attr_idents[] = {
	{ "curthread", { DTRACE_S_STABLE, DTRACE_S_PRIVATE, DTRACE_C_COMMON } },
	{ "vmregs", { DTRACE_S_PRIVATE, DTRACE_S_PRIVATE, DTRACE_C_ISA } },
	{ "uregs", { DTRACE_S_STABLE, DTRACE_S_STABLE, DTRACE_C_ISA } },
};

static const dtrace_attribute_t dt_attr_sym = {
	DTRACE_S_PRIVATE, DTRACE_S_PRIVATE, DTRACE_C_UNKNOWN,
};

/* A description as the module would match it, its provider filled in. */
static void dt_attr_pdesc(const dt_pdesc_t *pdp, struct dtrace_probedesc *pd)
{
	memset(pd, 0, sizeof(*pd));
	snprintf(pd->dpd_provider, sizeof(pd->dpd_provider), "%s",
		 dt_args_provider(pdp));
	snprintf(pd->dpd_mod, sizeof(pd->dpd_mod), "%s", pdp->pd_mod);
	snprintf(pd->dpd_func, sizeof(pd->dpd_func), "%s", pdp->pd_func);
	snprintf(pd->dpd_name, sizeof(pd->dpd_name), "%s", pdp->pd_name);
}

int dtrace_str2attr(const char *str, dtrace_attribute_t *attr)
{
	uint8_t v[3] = { DTRACE_S_STANDARD, DTRACE_S_STANDARD,
			 DTRACE_C_COMMON };
	char buf[64], *p, *save = NULL;
	int i = 0;
	unsigned k;

	if (!str || strlen(str) >= sizeof(buf))
		return -1;
	strcpy(buf, str);
	for (p = strtok_r(buf, "/", &save); p; p = strtok_r(NULL, "/", &save)) {
		const char *(*name)(unsigned) = i < 2 ? dtrace_stability_name :
						dtrace_class_name;

		if (i == 3)
			return -1;
		for (k = 0; name(k) && strcasecmp(p, name(k)) != 0; k++)
			;
		if (!name(k))
			return -1;
		v[i++] = (uint8_t)k;
	}
	attr->dtat_name = v[0];
	attr->dtat_data = v[1];
	attr->dtat_class = v[2];
	return 0;
}

int dt_attr_setprov(dtrace_hdl_t *dtp, const char *prov, const char *part,
		    dtrace_attribute_t attr)
{
	static const char *const parts[] = {
		"provider", "module", "function", "name", "args",
	};
	struct dt_cstate *cs = dt_cc_state(dtp);
	struct dt_provattr_set *ps = NULL;
	int i, p;

	for (p = 0; p < 5 && strcmp(part, parts[p]) != 0; p++)
		;
	if (p == 5)
		return -1;
	if (!cs)
		return 0;
	for (i = 0; i < cs->cs_nprovattrs; i++)
		if (strcmp(cs->cs_provattrs[i].ps_name, prov) == 0)
			ps = &cs->cs_provattrs[i];
	if (!ps) {
		ps = realloc(cs->cs_provattrs, (size_t)(cs->cs_nprovattrs + 1) *
			     sizeof(*ps));
		if (!ps)
			return 0;
		cs->cs_provattrs = ps;
		ps += cs->cs_nprovattrs++;
		memset(ps, 0, sizeof(*ps));
		snprintf(ps->ps_name, sizeof(ps->ps_name), "%s", prov);
	}
	ps->ps_attr[p] = attr;
	ps->ps_set |= 1u << p;
	return 0;
}

/* A provider's attributes, with what #pragma D attributes set. */
void dt_attr_provider(dtrace_hdl_t *dtp, const char *prov,
		      dtrace_attribute_t attrs[5])
{
	struct dt_cstate *cs = dtp->dt_cs;
	int i, p;

	for (i = 0; cs && i < cs->cs_nprovattrs; i++) {
		if (strcmp(cs->cs_provattrs[i].ps_name, prov) != 0)
			continue;
		for (p = 0; p < 5; p++)
			if (cs->cs_provattrs[i].ps_set & (1u << p))
				attrs[p] = cs->cs_provattrs[i].ps_attr[p];
	}
}

struct dt_attr_walk {
	dtrace_attribute_t aw_min;
	dtrace_attribute_t aw_args;	/* the clause's args[] attributes */
	const struct dt_pragattr *aw_prag; /* the program's #pragmas */
};

static void dt_attr_node(struct dt_attr_walk *aw, const dt_node_t *dnp)
{
	const struct dt_pragattr *pa;
	size_t i;

	for (; dnp; dnp = dnp->dn_next) {
		if (dnp->dn_kind == DT_NODE_IDENT && dnp->dn_string) {
			const char *s = dnp->dn_string;

			if (strchr(s, '`'))
				aw->aw_min = dt_attr_min(aw->aw_min,
							 dt_attr_sym);
			else if (strcmp(s, "args") == 0)
				aw->aw_min = dt_attr_min(aw->aw_min,
							 aw->aw_args);
			for (i = 0; i < sizeof(dt_attr_idents) /
				    sizeof(dt_attr_idents[0]); i++)
				if (strcmp(s, dt_attr_idents[i].ai_name) == 0)
					aw->aw_min = dt_attr_min(aw->aw_min,
						dt_attr_idents[i].ai_attr);
			for (pa = aw->aw_prag; pa; pa = pa->pa_next)
				if (strcmp(s, pa->pa_name) == 0)
					aw->aw_min = dt_attr_min(aw->aw_min,
								 pa->pa_attr);
		}
		dt_attr_node(aw, dnp->dn_left);
		dt_attr_node(aw, dnp->dn_right);
		dt_attr_node(aw, dnp->dn_third);
		dt_attr_node(aw, dnp->dn_args);
		dt_attr_node(aw, dnp->dn_pred);
		dt_attr_node(aw, dnp->dn_body);
	}
}

void dtrace_program_info(dtrace_hdl_t *dtp, dtrace_prog_t *pgp,
			 dtrace_proginfo_t *pip)
{
	int c, i;

	memset(pip, 0, sizeof(*pip));
	pip->dpi_descattr = dt_attr_stable;
	pip->dpi_stmtattr = dt_attr_stable;
	for (c = 0; c < pgp->dp_nclauses; c++) {
		const dt_clause_t *cl = &pgp->dp_clauses[c];
		struct dt_attr_walk aw = { dt_attr_stable, dt_attr_stable,
					   pgp->dp_attrs };

		for (i = 0; i < cl->cl_npdescs; i++) {
			struct dtrace_probedesc pd;
			dtrace_probeinfo_t info;

			dt_attr_pdesc(&cl->cl_pdescs[i], &pd);
			if (dtrace_probe_info(dtp, &pd, &info) != 0)
				continue;
			pip->dpi_descattr = dt_attr_min(pip->dpi_descattr,
							info.dtp_attr);
			aw.aw_args = dt_attr_min(aw.aw_args, info.dtp_arga);
		}
		if (cl->cl_node) {
			dt_attr_node(&aw, cl->cl_node->dn_pred);
			dt_attr_node(&aw, cl->cl_node->dn_body);
		}
		pip->dpi_stmtattr = dt_attr_min(pip->dpi_stmtattr, aw.aw_min);
	}
}

/*
 * Each probe description of each clause, as written (dtrace -ev prints
 * them), with its probe information rated as above.
 */
int dtrace_stmt_iter(dtrace_hdl_t *dtp, dtrace_prog_t *pgp,
		     dtrace_stmt_f *func, void *arg)
{
	int c, i, ret;

	for (c = 0; c < pgp->dp_nclauses; c++) {
		const dt_clause_t *cl = &pgp->dp_clauses[c];

		for (i = 0; i < cl->cl_npdescs; i++) {
			const dt_pdesc_t *pdp = &cl->cl_pdescs[i];
			struct dtrace_probedesc pd;
			dtrace_probeinfo_t info;

			dt_attr_pdesc(pdp, &pd);
			if (dtrace_probe_info(dtp, &pd, &info) != 0)
				return -1;
			snprintf(pd.dpd_provider, sizeof(pd.dpd_provider), "%s",
				 pdp->pd_prov);
			if ((ret = func(dtp, &pd, &info, arg)) != 0)
				return ret;
		}
	}
	return 0;
}
