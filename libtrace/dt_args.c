// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Probe arguments: the types of args[] and the stability attributes of
 * each provider, for the compiler (typed args[N]) and for dtrace -lv.
 *
 * Theory.
 *
 * Where the types come from.  The module knows probes by name only; the
 * types are resolved here, in userland, from the probe's provider and
 * names and the running kernel's own descriptions, so the ABI carries no
 * type information and -e on a build host reads the same sources:
 *
 *   syscall  entry: the call's trace event format in tracefs,
 *            events/syscalls/sys_enter_<func>/format (under
 *            /sys/kernel/tracing or /sys/kernel/debug/tracing): the fields
 *            after __syscall_nr are the arguments, in order, with their C
 *            types ("const char * filename"); BTF has no syscall
 *            prototypes.  return: args[0] and args[1] are long, the return
 *            value (as arg0 and arg1 are).  (DTRACE_TRACEFS names
 *            another tracefs directory, for tests.)
 *   fbt      entry: the parameters of the function's BTF prototype (FUNC
 *            -> FUNC_PROTO); return: args[0] is the return offset (int,
 *            0 where it cannot be known) and args[1] has the function's
 *            return type, as in DTrace.
 *   sdt      the tracepoint's prototype, the BTF typedef
 *            btf_trace_<event>: a pointer to a function whose first
 *            parameter is the callback's void *__data, which is skipped.
 *   dtrace, profile
 *            no arguments (DTrace's dtrace and profile providers declare
 *            none either): args[0] is out of range.
 *
 * Kernel types come from the vmlinux BTF (dt_types.c opens it); a loaded
 * module's functions and tracepoints from its split BTF on top of it,
 * /sys/kernel/btf/<module> (dt_types_modbtf).  The types of a syscall
 * without a trace event are not known, nor those of any probe whose
 * source is missing (no tracefs, no BTF, a function BTF does not list).
 * A probe with unknown types lists "None" under -lv, and its args[N] is
 * untyped (int64_t, like argN) -- rather than DTrace's refusal, so that
 * scripts that only pass args[N] on still compile.  Translated types are
 * the native ones: no translator applies to a kernel argument yet.
 *
 * Typing args[N] in a clause.  DTrace types args[] from the one probe a
 * description names; here a clause may name many (fbt::vfs_*:entry, or
 * several descriptions), so every probe they match is examined (only when
 * the clause uses args[], one walk of the module's probe list per
 * description): if all agree on the type of args[N] (compared by C name,
 * so that the same type parsed twice agrees), that is its type; if they
 * disagree, or some have known types and some not, it is DTrace's
 * D_ARGS_MULTI ("matches an unstable set of probes"); if N is past a
 * probe's arguments, D_ARGS_IDX.  Without the module (dtrace -e), a
 * description names a probe only when it has no glob and names what the
 * provider needs (syscall and fbt the function and name, sdt the name;
 * an empty fbt or sdt module is vmlinux); otherwise args[] is untyped.
 *
 * Stability (dtrace -lv, and the arguments' stability): each provider's
 * attributes are those DTrace documents for it (the tables below); a
 * probe description's attributes are the minimum over the provider and
 * its non-empty, non-glob module, function and name, as in DTrace.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dtrace/abi.h>
#include "dt_args.h"
#include "dt_btf.h"
#include "dt_impl.h"
#include "dtrace.h"

/* ---- Types ------------------------------------------------------------- */

static const char *const dt_tracefs_dirs[] = {
	"/sys/kernel/tracing", "/sys/kernel/debug/tracing",
};

/*
 * One C declaration from a trace event format, "const char *const * argv":
 * its type, the declared name dropped.  CTF_ERR if a type is unknown.
 */
static ctf_id_t dt_args_ctype(dtrace_hdl_t *dtp, char *decl)
{
	ctf_dict_t *fp = dt_types_fp(dtp);
	char *tok[32], base[128] = "", buf[512], *p, *save = NULL;
	int ntok = 0, i, isconst = 0, nbase;
	size_t o = 0;
	ctf_id_t t;

	/* Words and stars; the last word is the argument's name. */
	for (p = decl; *p && o + 4 < sizeof(buf); p++) {
		if (*p == '*') {
			buf[o++] = ' ';
			buf[o++] = '*';
			buf[o++] = ' ';
		} else {
			buf[o++] = *p == '\t' ? ' ' : *p;
		}
	}
	buf[o] = '\0';
	for (p = strtok_r(buf, " ", &save); p && ntok < 32;
	     p = strtok_r(NULL, " ", &save))
		tok[ntok++] = p;
	if (ntok >= 2 && strcmp(tok[ntok - 1], "*") != 0)
		ntok--;
	for (i = 0, nbase = 0; i < ntok && strcmp(tok[i], "*") != 0; i++) {
		if (strcmp(tok[i], "const") == 0)
			isconst = 1;
		else if (strcmp(tok[i], "volatile") != 0 &&
			 strcmp(tok[i], "__user") != 0) {
			snprintf(base + strlen(base), sizeof(base) - strlen(base),
				 "%s%s", nbase++ ? " " : "", tok[i]);
		}
	}
	t = *base ? dt_type_lookup(dtp, base) : CTF_ERR;
	if (t != CTF_ERR && isconst)
		t = ctf_add_const(fp, CTF_ADD_NONROOT, t);
	for (; i < ntok && t != CTF_ERR; i++) {
		if (strcmp(tok[i], "*") == 0)	/* (keeping the const) */
			t = ctf_type_kind(fp, t) == CTF_K_CONST ?
			    ctf_add_pointer(fp, CTF_ADD_NONROOT, t) :
			    dt_type_pointer(dtp, t);
		else if (strcmp(tok[i], "const") == 0)
			t = ctf_add_const(fp, CTF_ADD_NONROOT, t);
	}
	return t;
}

/* syscall entry: the fields of the call's sys_enter event. */
static int dt_args_syscall(dtrace_hdl_t *dtp, const char *func,
			   dt_probeargs_t *pa)
{
	const char *env = getenv("DTRACE_TRACEFS");
	char path[512], line[512];
	FILE *f = NULL;
	size_t i;
	int seen = 0;

	if (strchr(func, '/') || strlen(func) > 200)
		return -1;
	for (i = 0; !f && i < sizeof(dt_tracefs_dirs) /
	     sizeof(dt_tracefs_dirs[0]); i++) {
		snprintf(path, sizeof(path),
			 "%s/events/syscalls/sys_enter_%s/format",
			 env && *env ? env : dt_tracefs_dirs[i], func);
		f = fopen(path, "re");
	}
	if (!f)
		return -1;
	pa->pa_argc = 0;
	while (fgets(line, sizeof(line), f)) {
		char *d = strstr(line, "field:"), *e;

		if (!d || !(e = strchr(d, ';')))
			continue;
		d += 6;
		*e = '\0';
		if (!seen) {
			seen = strstr(d, "__syscall_nr") != NULL;
			continue;
		}
		if (pa->pa_argc == DT_ARGS_MAX)
			break;
		pa->pa_argv[pa->pa_argc] = dt_args_ctype(dtp, d);
		if (pa->pa_argv[pa->pa_argc] == CTF_ERR) {
			fclose(f);
			return -1;
		}
		pa->pa_argc++;
	}
	fclose(f);
	return seen ? 0 : -1;
}

/* A BTF prototype's parameters from skip on; ret: args[1] is the return. */
static int dt_args_btf(dtrace_hdl_t *dtp, dt_btf_t *btf, uint32_t id,
		       int skip, int ret, dt_probeargs_t *pa)
{
	ctf_dict_t *fp = dt_types_fp(dtp);
	uint32_t params[DT_ARGS_MAX + 1], rt;
	int n, i;

	if (!btf || !id)
		return -1;
	n = dt_btf_proto(btf, id, &rt, params, DT_ARGS_MAX + 1);
	if (n < skip)
		return -1;
	if (ret) {
		pa->pa_argv[0] = ctf_lookup_by_name(fp, "int");
		pa->pa_argv[1] = dt_btf_import(btf, fp, rt);
		pa->pa_argc = pa->pa_argv[1] == CTF_ERR ? -1 : 2;
		return pa->pa_argc < 0 ? -1 : 0;
	}
	if (n > DT_ARGS_MAX + skip)
		n = DT_ARGS_MAX + skip;
	for (i = skip; i < n; i++) {
		pa->pa_argv[i - skip] = dt_btf_import(btf, fp, params[i]);
		if (pa->pa_argv[i - skip] == CTF_ERR)
			return -1;
	}
	pa->pa_argc = n - skip;
	return 0;
}

/* The BTF that describes a module's functions and tracepoints. */
static dt_btf_t *dt_args_modbtf(dtrace_hdl_t *dtp, const char *mod)
{
	if (*mod == '\0' || strcmp(mod, "vmlinux") == 0)
		return dt_types_btf(dtp);
	return dt_types_modbtf(dtp, mod);
}

/*
 * The argument types of one probe (a complete description; an empty fbt
 * or sdt module is vmlinux).  pa_argc is -1 when they are not known.
 */
int dt_args_probe(dtrace_hdl_t *dtp, const struct dtrace_probedesc *pd,
		  dt_probeargs_t *pa)
{
	const char *prov = pd->dpd_provider;
	int isret = strcmp(pd->dpd_name, "return") == 0;
	dt_btf_t *btf;
	char buf[DTRACE_NAMELEN + 16];
	int r = -1;

	pa->pa_argc = -1;
	if (!dt_types_fp(dtp))
		return -1;
	if (strcmp(prov, "dtrace") == 0 || strcmp(prov, "profile") == 0) {
		pa->pa_argc = 0;
		return 0;
	}
	if (strcmp(prov, "syscall") == 0) {
		if (isret) {
			pa->pa_argv[0] = pa->pa_argv[1] =
				ctf_lookup_by_name(dt_types_fp(dtp), "long");
			pa->pa_argc = 2;
			return 0;
		}
		if (strcmp(pd->dpd_name, "entry") == 0)
			r = dt_args_syscall(dtp, pd->dpd_func, pa);
	} else if (strcmp(prov, "fbt") == 0 &&
		   (isret || strcmp(pd->dpd_name, "entry") == 0) &&
		   (btf = dt_args_modbtf(dtp, pd->dpd_mod)) != NULL) {
		r = dt_args_btf(dtp, btf, dt_btf_lookup(btf, DT_BTF_FUNC,
							  pd->dpd_func),
				0, isret, pa);
	} else if (strcmp(prov, "sdt") == 0 &&
		   (btf = dt_args_modbtf(dtp, pd->dpd_mod)) != NULL) {
		snprintf(buf, sizeof(buf), "btf_trace_%s", pd->dpd_name);
		r = dt_args_btf(dtp, btf, dt_btf_lookup(btf, CTF_K_TYPEDEF,
							  buf), 1, 0, pa);
	}
	if (r != 0)
		pa->pa_argc = -1;
	return r;
}

/*
 * A type's C name.  libctf spells a pointer to a function oddly ("bool
 * (*)(*) (int)"), so that one is spelled here, "bool (*)(int)".
 */
static const char *dt_args_tname(ctf_dict_t *fp, ctf_id_t t, char *buf,
				 size_t len)
{
	ctf_id_t r = ctf_type_kind(fp, t) == CTF_K_POINTER ?
		     ctf_type_reference(fp, t) : CTF_ERR;
	ctf_id_t argv[DT_ARGS_MAX];
	ctf_funcinfo_t fi;
	char sub[DTRACE_ARGTYPELEN];
	size_t o;
	uint32_t i;

	if (r == CTF_ERR || ctf_type_kind(fp, r) != CTF_K_FUNCTION ||
	    ctf_func_type_info(fp, r, &fi) != 0 ||
	    ctf_func_type_args(fp, r, DT_ARGS_MAX, argv) != 0) {
		if (!ctf_type_name(fp, t, buf, len))
			snprintf(buf, len, "(unknown)");
		return buf;
	}
	snprintf(buf, len, "%s (*)(", dt_args_tname(fp, fi.ctc_return, sub,
						     sizeof(sub)));
	for (i = 0; i < fi.ctc_argc && i < DT_ARGS_MAX; i++) {
		o = strlen(buf);
		snprintf(buf + o, len - o, "%s%s", i ? ", " : "",
			 dt_args_tname(fp, argv[i], sub, sizeof(sub)));
	}
	o = strlen(buf);
	snprintf(buf + o, len - o, "%s)", (fi.ctc_flags & CTF_FUNC_VARARG) ?
		 (fi.ctc_argc ? ", ..." : "...") : fi.ctc_argc ? "" : "void");
	return buf;
}

/* ---- args[N] in a clause ------------------------------------------------ */

struct dt_argwalk {
	int64_t aw_n;
	int aw_result;			/* DT_ARGS_* so far */
	int aw_seen;			/* probes examined */
	int aw_known;			/* ... of them with known types */
	char aw_name[256];		/* the C name of args[n] so far */
	ctf_id_t aw_type;
};

static int dt_args_visit(dtrace_hdl_t *dtp, const struct dtrace_probedesc *pd,
			 void *arg)
{
	struct dt_argwalk *aw = arg;
	dt_probeargs_t pa;
	char name[256];

	dt_args_probe(dtp, pd, &pa);
	if (aw->aw_seen++ && (pa.pa_argc >= 0) != (aw->aw_known > 0)) {
		aw->aw_result = DT_ARGS_MULTI;
		return 1;
	}
	if (pa.pa_argc < 0)
		return 0;
	aw->aw_known++;
	if (aw->aw_n < 0 || aw->aw_n >= pa.pa_argc) {
		aw->aw_result = DT_ARGS_IDX;
		return 1;
	}
	dt_args_tname(dt_types_fp(dtp), pa.pa_argv[aw->aw_n], name,
		      sizeof(name));
	if (aw->aw_known == 1) {
		snprintf(aw->aw_name, sizeof(aw->aw_name), "%s", name);
		aw->aw_type = pa.pa_argv[aw->aw_n];
	} else if (strcmp(name, aw->aw_name) != 0) {
		aw->aw_result = DT_ARGS_MULTI;
		return 1;
	}
	return 0;
}

static int dt_args_glob(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

/*
 * The provider a description names, or implies when it names none: BEGIN,
 * END and ERROR are dtrace's, profile-N and tick-N profile's; else "".
 */
const char *dt_args_provider(const dt_pdesc_t *pdp)
{
	const char *name = pdp->pd_name;

	if (*pdp->pd_prov)
		return pdp->pd_prov;
	if (strcmp(name, "BEGIN") == 0 || strcmp(name, "END") == 0 ||
	    strcmp(name, "ERROR") == 0)
		return "dtrace";
	if (strncmp(name, "profile-", 8) == 0 || strncmp(name, "tick-", 5) == 0)
		return "profile";
	return "";
}

/* Without the module: the one probe a description names, if it does. */
static int dt_args_named(const dt_pdesc_t *pdp, struct dtrace_probedesc *pd)
{
	const char *prov = pdp->pd_prov, *name = pdp->pd_name;

	if (dt_args_glob(prov) || dt_args_glob(pdp->pd_mod) ||
	    dt_args_glob(pdp->pd_func) || dt_args_glob(name) || !*name)
		return 0;
	prov = dt_args_provider(pdp);
	if (!*prov)
		return 0;
	if ((strcmp(prov, "syscall") == 0 || strcmp(prov, "fbt") == 0) &&
	    !*pdp->pd_func)
		return 0;
	memset(pd, 0, sizeof(*pd));
	snprintf(pd->dpd_provider, sizeof(pd->dpd_provider), "%s", prov);
	snprintf(pd->dpd_mod, sizeof(pd->dpd_mod), "%s", pdp->pd_mod);
	snprintf(pd->dpd_func, sizeof(pd->dpd_func), "%s", pdp->pd_func);
	snprintf(pd->dpd_name, sizeof(pd->dpd_name), "%s", name);
	return 1;
}

/*
 * The type of args[n] in a clause whose descriptions are the list pdescs
 * (DT_NODE_PDESC nodes, their dt_pdesc_t in dn_aux).  On DT_ARGS_MULTI
 * and DT_ARGS_IDX, *badp is the description at fault.
 */
int dt_args_clause(dtrace_hdl_t *dtp, const dt_node_t *pdescs, int64_t n,
		   ctf_id_t *tp, const dt_pdesc_t **badp)
{
	struct dt_argwalk aw;
	const dt_node_t *pn;

	memset(&aw, 0, sizeof(aw));
	aw.aw_n = n;
	aw.aw_result = DT_ARGS_TYPED;
	for (pn = pdescs; pn; pn = pn->dn_next) {
		const dt_pdesc_t *pdp = pn->dn_aux;
		struct dtrace_probedesc pd;

		if (!pdp)
			continue;
		*badp = pdp;
		if (dtp->dt_fd >= 0) {
			memset(&pd, 0, sizeof(pd));
			snprintf(pd.dpd_provider, sizeof(pd.dpd_provider), "%s",
				 pdp->pd_prov);
			snprintf(pd.dpd_mod, sizeof(pd.dpd_mod), "%s",
				 pdp->pd_mod);
			snprintf(pd.dpd_func, sizeof(pd.dpd_func), "%s",
				 pdp->pd_func);
			snprintf(pd.dpd_name, sizeof(pd.dpd_name), "%s",
				 pdp->pd_name);
			if (dtrace_probe_iter(dtp, &pd, dt_args_visit, &aw) < 0)
				return DT_ARGS_UNTYPED;
		} else if (dt_args_named(pdp, &pd)) {
			dt_args_visit(dtp, &pd, &aw);
		} else {
			/* Unknown probes: as a probe of unknown types. */
			memset(&pd, 0, sizeof(pd));
			strcpy(pd.dpd_provider, "?");
			dt_args_visit(dtp, &pd, &aw);
		}
		if (aw.aw_result != DT_ARGS_TYPED)
			return aw.aw_result;
	}
	if (!aw.aw_known)
		return DT_ARGS_UNTYPED;
	*tp = aw.aw_type;
	return DT_ARGS_TYPED;
}

/* ---- Stability and dtrace_probe_info (dtrace -lv) ---------------------- */

#define DT_A(n, d, c)	{ DTRACE_S_##n, DTRACE_S_##d, DTRACE_C_##c }

/* provider, module, function, name, arguments: DTrace's tables. */
static const struct dt_provattr {
	const char *pv_name;
	dtrace_attribute_t pv_attr[5];
} dt_provattrs[] = {
	{ "dtrace", { DT_A(STABLE, STABLE, COMMON),
		      DT_A(PRIVATE, PRIVATE, UNKNOWN),
		      DT_A(PRIVATE, PRIVATE, UNKNOWN),
		      DT_A(STABLE, STABLE, COMMON),
		      DT_A(STABLE, STABLE, COMMON) } },
	{ "syscall", { DT_A(EVOLVING, EVOLVING, COMMON),
		       DT_A(PRIVATE, PRIVATE, UNKNOWN),
		       DT_A(PRIVATE, PRIVATE, ISA),
		       DT_A(EVOLVING, EVOLVING, COMMON),
		       DT_A(PRIVATE, PRIVATE, ISA) } },
	{ "fbt", { DT_A(EVOLVING, EVOLVING, ISA),
		   DT_A(PRIVATE, PRIVATE, UNKNOWN),
		   DT_A(PRIVATE, PRIVATE, UNKNOWN),
		   DT_A(EVOLVING, EVOLVING, ISA),
		   DT_A(PRIVATE, PRIVATE, ISA) } },
	{ "sdt", { DT_A(EVOLVING, EVOLVING, ISA),
		   DT_A(PRIVATE, PRIVATE, UNKNOWN),
		   DT_A(PRIVATE, PRIVATE, UNKNOWN),
		   DT_A(PRIVATE, PRIVATE, ISA),
		   DT_A(PRIVATE, PRIVATE, ISA) } },
	{ "profile", { DT_A(EVOLVING, EVOLVING, COMMON),
		       DT_A(UNSTABLE, UNSTABLE, UNKNOWN),
		       DT_A(PRIVATE, PRIVATE, UNKNOWN),
		       DT_A(EVOLVING, EVOLVING, COMMON),
		       DT_A(EVOLVING, EVOLVING, COMMON) } },
	/* Any other provider: DTrace's default, Unstable throughout. */
	{ NULL, { DT_A(UNSTABLE, UNSTABLE, COMMON),
		  DT_A(UNSTABLE, UNSTABLE, COMMON),
		  DT_A(UNSTABLE, UNSTABLE, COMMON),
		  DT_A(UNSTABLE, UNSTABLE, COMMON),
		  DT_A(UNSTABLE, UNSTABLE, COMMON) } },
};

dtrace_attribute_t dt_attr_min(dtrace_attribute_t a, dtrace_attribute_t b)
{
	dtrace_attribute_t m;

	m.dtat_name = a.dtat_name < b.dtat_name ? a.dtat_name : b.dtat_name;
	m.dtat_data = a.dtat_data < b.dtat_data ? a.dtat_data : b.dtat_data;
	m.dtat_class = a.dtat_class < b.dtat_class ? a.dtat_class :
		       b.dtat_class;
	return m;
}

const char *dtrace_stability_name(unsigned s)
{
	static const char *const names[] = {
		"Internal", "Private", "Obsolete", "External", "Unstable",
		"Evolving", "Stable", "Standard",
	};

	return s < 8 ? names[s] : NULL;
}

const char *dtrace_class_name(unsigned c)
{
	static const char *const names[] = {
		"Unknown", "CPU", "Platform", "Group", "ISA", "Common",
	};

	return c < 6 ? names[c] : NULL;
}

int dtrace_probe_info(dtrace_hdl_t *dtp, const struct dtrace_probedesc *pd,
		      dtrace_probeinfo_t *pip)
{
	const struct dt_provattr *pv = dt_provattrs;
	const char *parts[3] = { pd->dpd_mod, pd->dpd_func, pd->dpd_name };
	dtrace_attribute_t attrs[5];
	ctf_dict_t *fp;
	dt_probeargs_t pa;
	int i;

	while (pv->pv_name && strcmp(pv->pv_name, pd->dpd_provider) != 0)
		pv++;
	memset(pip, 0, sizeof(*pip));
	pip->dtp_attr = pv->pv_attr[0];
	if (!*pd->dpd_provider || dt_args_glob(pd->dpd_provider))
		pv = &dt_provattrs[sizeof(dt_provattrs) /
				   sizeof(dt_provattrs[0]) - 1];
	memcpy(attrs, pv->pv_attr, sizeof(attrs));
	dt_attr_provider(dtp, pd->dpd_provider, attrs);
	pip->dtp_attr = attrs[0];
	for (i = 0; i < 3; i++)
		if (*parts[i] && !dt_args_glob(parts[i]))
			pip->dtp_attr = dt_attr_min(pip->dtp_attr,
						    attrs[i + 1]);
	pip->dtp_arga = attrs[4];

	fp = dt_types_fp(dtp);
	if (dt_args_probe(dtp, pd, &pa) != 0 || !fp)
		return 0;		/* no types known: None */
	for (i = 0; i < pa.pa_argc && i < DTRACE_ARGMAX; i++)
		dt_args_tname(fp, pa.pa_argv[i], pip->dtp_argv[i],
			      sizeof(pip->dtp_argv[i]));
	pip->dtp_argc = i;
	return 0;
}
