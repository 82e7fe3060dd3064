// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Loading a DOF: the strict validation of everything a consumer sends
 * before any of it is enabled.  The layout and its rules are described in
 * include/dtrace/dof.h; this file checks every one of them, in the order
 * header, section table, sections, tables, then the statements with their
 * actions and records, and turns the result into an enabling's statements
 * (kernel/dtk_impl.h).  Every DIF object is parsed and verified here.
 *
 * The image stays in memory for the life of the enabling: the DIF objects
 * point into it.  Offsets and sizes are 64-bit and checked with
 * subtraction, never addition, so no sum can wrap.  A refusal returns a
 * negative errno and a message for the consumer, which names the section,
 * statement or action at fault.
 *
 * Process context only.
 */
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/overflow.h>
#include <linux/sched.h>

#include "dtk_impl.h"
#include "dtk_stack.h"
#include "dif/dif_vm.h"

#define DTK_DOF_MAXSECS		65536
#define DTK_DOF_MAXPAYLOAD	(64U << 10)	/* bytes of one record */
#define DTK_DOF_MAXBUFSIZE	(1ULL << 30)
/* bufsize: more than can be had is bufresize's business (dtk_buf.c). */
#define DTK_DOF_MAXBUFOPT	(1ULL << 50)
#define DTK_DOF_MINBUFSIZE	(8U << 10)
#define DTK_DOF_MAXSTRSIZE	(64U << 10)
#define DTK_DOF_MAXSCRATCH	(4U << 20)
#define DTK_DOF_MAXAGGS		4096
#define DTK_DOF_MINAGGSIZE	(16U << 10)
#define DTK_DOF_MAXNSPEC	4096
#define DTK_CLEANRATE_MIN	(200 * NSEC_PER_USEC)	/* DTrace's: 5000 Hz */
#define DTK_CLEANRATE_MAX	(60 * NSEC_PER_SEC)	/* and once a minute */

/* What the loader is looking at. */
struct dtk_dof {
	const u8			*dd_base;
	u64				dd_size;
	const struct dtrace_dof_sec	*dd_secs;
	u32				dd_nsecs;
	const char			*dd_strtab;
	u64				dd_strlen;
	const struct dtrace_dof_opt	*dd_opts;
	u32				dd_nopts;
	const struct dtrace_dof_stmt	*dd_stmts;
	u32				dd_nstmts;
	const struct dtrace_dof_action	*dd_acts;
	u32				dd_nacts;
	const struct dtrace_dof_rec	*dd_recs;
	u32				dd_nrecs;
	const struct dtrace_dof_agg	*dd_aggs;
	u32				dd_naggs;
	bool				dd_destructive;
	struct dtk_enabling		*dd_enab;	/* collects variables */
	char				*dd_msg;
	size_t				dd_msglen;
};

static __printf(3, 4) int dtk_dof_fail(struct dtk_dof *d, int err,
					const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(d->dd_msg, d->dd_msglen, fmt, ap);
	va_end(ap);
	return err;
}

static bool dtk_align_ok(u64 align)
{
	return align == 1 || align == 2 || align == 4 || align == 8;
}

/* Does [off, off + len) lie inside an area of size total? */
static bool dtk_range_ok(u64 off, u64 len, u64 total)
{
	return off <= total && len <= total - off;
}

static int dtk_dof_header(struct dtk_dof *d)
{
	const struct dtrace_dof_hdr *h = (const void *)d->dd_base;

	if (d->dd_size < sizeof(*h))
		return dtk_dof_fail(d, -EINVAL, "DOF shorter than its header");
	if (h->dofh_magic[0] != DTRACE_DOF_MAG0 ||
	    h->dofh_magic[1] != DTRACE_DOF_MAG1 ||
	    h->dofh_magic[2] != DTRACE_DOF_MAG2 ||
	    h->dofh_magic[3] != DTRACE_DOF_MAG3)
		return dtk_dof_fail(d, -EINVAL, "DOF has a bad magic number");
	if (h->dofh_version != DTRACE_DOF_VERSION ||
	    h->dofh_abi != DTRACE_ABI_VERSION)
		return dtk_dof_fail(d, -EINVAL,
			"DOF version %u, ABI %u: the module reads version %u, ABI %u",
			h->dofh_version, h->dofh_abi, DTRACE_DOF_VERSION,
			DTRACE_ABI_VERSION);
	if (h->dofh_hdrsize != sizeof(*h) ||
	    h->dofh_secsize != sizeof(struct dtrace_dof_sec))
		return dtk_dof_fail(d, -EINVAL, "DOF header or section size is wrong");
	if (h->dofh_loadsz != d->dd_size)
		return dtk_dof_fail(d, -EINVAL,
			"DOF load size %llu differs from the %llu bytes given",
			h->dofh_loadsz, d->dd_size);
	if (h->dofh_flags & ~DTRACE_DOF_F_ALL || h->dofh_pad0 ||
	    h->dofh_reserved[0] || h->dofh_reserved[1])
		return dtk_dof_fail(d, -EINVAL, "DOF header has unknown flags or nonzero padding");
	if (h->dofh_secnum == 0 || h->dofh_secnum > DTK_DOF_MAXSECS ||
	    h->dofh_secoff % 8 || h->dofh_secoff < sizeof(*h) ||
	    !dtk_range_ok(h->dofh_secoff,
			  (u64)h->dofh_secnum * sizeof(struct dtrace_dof_sec),
			  d->dd_size))
		return dtk_dof_fail(d, -EINVAL, "DOF section table out of bounds");
	d->dd_secs = (const void *)(d->dd_base + h->dofh_secoff);
	d->dd_nsecs = h->dofh_secnum;
	d->dd_destructive = h->dofh_flags & DTRACE_DOF_F_DESTRUCTIVE;
	return 0;
}

/* Check a table section and point *tab at it, *n its entry count. */
static int dtk_dof_table(struct dtk_dof *d, u32 i, size_t entsize,
			 const void **tab, u32 *n, const char *what)
{
	const struct dtrace_dof_sec *s = &d->dd_secs[i];

	if (*tab)
		return dtk_dof_fail(d, -EINVAL, "DOF has two %s sections", what);
	if (s->dofs_entsize != entsize || s->dofs_size % entsize ||
	    s->dofs_size / entsize > U32_MAX)
		return dtk_dof_fail(d, -EINVAL,
			"DOF section %u (%s): entry size %u, size %llu",
			i, what, s->dofs_entsize, s->dofs_size);
	*tab = d->dd_base + s->dofs_offset;
	*n = s->dofs_size / entsize;
	return 0;
}

static int dtk_dof_sections(struct dtk_dof *d)
{
	u32 i;
	int ret = 0;

	for (i = 0; i < d->dd_nsecs && !ret; i++) {
		const struct dtrace_dof_sec *s = &d->dd_secs[i];

		if (!dtk_align_ok(s->dofs_align) || s->dofs_pad0 ||
		    s->dofs_offset % s->dofs_align ||
		    !dtk_range_ok(s->dofs_offset, s->dofs_size, d->dd_size))
			return dtk_dof_fail(d, -EINVAL,
				"DOF section %u out of bounds or misaligned", i);
		switch (s->dofs_kind) {
		case DTRACE_DOF_SECT_STRTAB:
			if (d->dd_strtab)
				return dtk_dof_fail(d, -EINVAL, "DOF has two string tables");
			d->dd_strtab = (const char *)d->dd_base + s->dofs_offset;
			d->dd_strlen = s->dofs_size;
			if (!d->dd_strlen || d->dd_strtab[0] ||
			    d->dd_strtab[d->dd_strlen - 1])
				return dtk_dof_fail(d, -EINVAL,
					"DOF string table does not begin and end with NUL");
			break;
		case DTRACE_DOF_SECT_OPTIONS:
			ret = dtk_dof_table(d, i, sizeof(*d->dd_opts),
					    (const void **)&d->dd_opts,
					    &d->dd_nopts, "options");
			break;
		case DTRACE_DOF_SECT_STMTS:
			ret = dtk_dof_table(d, i, sizeof(*d->dd_stmts),
					    (const void **)&d->dd_stmts,
					    &d->dd_nstmts, "statements");
			break;
		case DTRACE_DOF_SECT_ACTIONS:
			ret = dtk_dof_table(d, i, sizeof(*d->dd_acts),
					    (const void **)&d->dd_acts,
					    &d->dd_nacts, "actions");
			break;
		case DTRACE_DOF_SECT_RECORDS:
			ret = dtk_dof_table(d, i, sizeof(*d->dd_recs),
					    (const void **)&d->dd_recs,
					    &d->dd_nrecs, "records");
			break;
		case DTRACE_DOF_SECT_AGGS:
			ret = dtk_dof_table(d, i, sizeof(*d->dd_aggs),
					    (const void **)&d->dd_aggs,
					    &d->dd_naggs, "aggregations");
			break;
		case DTRACE_DOF_SECT_DIFO:
			if (s->dofs_entsize || s->dofs_offset % 8)
				return dtk_dof_fail(d, -EINVAL,
					"DOF section %u: DIF object misaligned", i);
			break;
		default:
			return dtk_dof_fail(d, -EINVAL,
				"DOF section %u has unknown kind %u", i, s->dofs_kind);
		}
	}
	if (ret)
		return ret;
	if (!d->dd_strtab)
		return dtk_dof_fail(d, -EINVAL, "DOF has no string table");
	return 0;
}

static int dtk_dof_options(struct dtk_dof *d, struct dtk_opts *o)
{
	u32 i;

	for (i = 0; i < d->dd_nopts; i++) {
		const struct dtrace_dof_opt *op = &d->dd_opts[i];
		u64 v = op->dofo_value;

		if (op->dofo_pad0 || op->dofo_id == 0 ||
		    op->dofo_id > DTRACE_DOFOPT_MAX)
			return dtk_dof_fail(d, -EINVAL, "DOF option %u is unknown", i);
		switch (op->dofo_id) {
		case DTRACE_DOFOPT_BUFSIZE:
			if (v < DTK_DOF_MINBUFSIZE || v > DTK_DOF_MAXBUFOPT)
				return dtk_dof_fail(d, -EINVAL,
					"bufsize %llu out of range", v);
			o->dop_bufsize = round_up(v, 8);
			break;
		case DTRACE_DOFOPT_BUFPOLICY:
			if (v > DTRACE_BUFPOLICY_RING)
				return dtk_dof_fail(d, -EINVAL,
					"bad bufpolicy %llu", v);
			o->dop_bufpolicy = v;
			break;
		case DTRACE_DOFOPT_BUFRESIZE:
			if (v > DTRACE_BUFRESIZE_MANUAL)
				return dtk_dof_fail(d, -EINVAL, "bad bufresize %llu", v);
			o->dop_bufresize = v;
			break;
		case DTRACE_DOFOPT_STRSIZE:
			if (!v || v > DTK_DOF_MAXSTRSIZE)
				return dtk_dof_fail(d, -EINVAL, "strsize %llu out of range", v);
			o->dop_strsize = v;
			break;
		case DTRACE_DOFOPT_SCRATCHSIZE:
			if (v < PAGE_SIZE || v > DTK_DOF_MAXSCRATCH)
				return dtk_dof_fail(d, -EINVAL,
					"scratchsize %llu out of range", v);
			o->dop_scratchsize = v;
			break;
		case DTRACE_DOFOPT_DESTRUCTIVE:
			o->dop_destructive = v != 0;
			break;
		case DTRACE_DOFOPT_AGGSIZE:
			if (v < DTK_DOF_MINAGGSIZE || v > DTK_DOF_MAXBUFSIZE)
				return dtk_dof_fail(d, -EINVAL,
					"aggsize %llu out of range", v);
			o->dop_aggsize = round_up(v, 8);
			break;
		case DTRACE_DOFOPT_SWITCHRATE:
			if (!v || v > NSEC_PER_SEC * 3600)
				return dtk_dof_fail(d, -EINVAL,
					"switchrate %llu out of range", v);
			o->dop_switchrate = v;
			break;
		case DTRACE_DOFOPT_DYNVARSIZE:
			if (v < PAGE_SIZE || v > DTK_DOF_MAXBUFSIZE)
				return dtk_dof_fail(d, -EINVAL,
					"dynvarsize %llu out of range", v);
			o->dop_dynvarsize = v;
			break;
		case DTRACE_DOFOPT_NSPEC:
			if (v > DTK_DOF_MAXNSPEC)
				return dtk_dof_fail(d, -EINVAL,
					"nspec %llu out of range", v);
			o->dop_nspec = v;
			break;
		case DTRACE_DOFOPT_SPECSIZE:
			if (v < 8 || v > DTK_DOF_MAXBUFSIZE)
				return dtk_dof_fail(d, -EINVAL,
					"specsize %llu out of range", v);
			o->dop_specsize = round_up(v, 8);
			break;
		case DTRACE_DOFOPT_CLEANRATE:
			/* As DTrace: clamped into its range, never refused;
			 * 0 is the slowest. */
			o->dop_cleanrate = v ? clamp_t(u64, v, DTK_CLEANRATE_MIN,
						       DTK_CLEANRATE_MAX) :
					   DTK_CLEANRATE_MAX;
			break;
		default:
			/* Sizes and rates of subsystems that use them later. */
			break;
		}
	}
	return 0;
}

/* The string at a string-table offset, at most maxlen - 1 bytes long. */
static const char *dtk_dof_str(struct dtk_dof *d, u32 off, size_t maxlen)
{
	const char *s;

	if (off >= d->dd_strlen)
		return NULL;
	s = d->dd_strtab + off;
	return strnlen(s, maxlen) < maxlen ? s : NULL;
}

static const struct dif_var *dtk_difo_var(const struct dif_object *obj,
					   u32 id)
{
	u32 i;

	for (i = 0; i < obj->do_nvars; i++)
		if (obj->do_vars[i].dv_id == id)
			return &obj->do_vars[i];
	return NULL;
}

static u32 dtk_var_size(const struct dif_var *v)
{
	return v->dv_type.dt_kind == DIF_TYPE_INT ? 8 : v->dv_type.dt_size;
}

/*
 * The dynamic-variable chunk an object needs: for each instruction that
 * uses an array element or a thread-local, the key is the tuple pushed
 * since the last consumer (a by-reference element counted at strsize)
 * plus the thread for self->, and the value is the variable's size.
 */
static u32 dtk_difo_chunksize(const struct dif_object *obj, u32 keymax)
{
	u32 pc, ntuple = 0, keybytes = 0, need = 0;

	for (pc = 0; pc < obj->do_ninstr; pc++) {
		dif_instr_t in = obj->do_instr[pc];
		const struct dif_var *v;
		u32 nkeys;

		switch (DIF_INSTR_OP(in)) {
		case DIF_OP_PUSHTV:
			ntuple++;
			continue;
		case DIF_OP_PUSHTS:
		case DIF_OP_PUSHTR:
			ntuple++;
			keybytes += round_up(keymax, 8);
			continue;
		case DIF_OP_FLUSHT:
		case DIF_OP_CALL:
			ntuple = keybytes = 0;
			continue;
		case DIF_OP_LDGA:
		case DIF_OP_STGA:
			nkeys = ntuple;
			break;
		case DIF_OP_LDTA:
		case DIF_OP_STTA:
			nkeys = ntuple + 1;
			break;
		case DIF_OP_LDTS:
		case DIF_OP_STTS:
			nkeys = 1;
			break;
		default:
			continue;
		}
		v = dtk_difo_var(obj, (u32)DIF_INSTR_IMM(in));
		if (v)
			need = max(need, dif_dvar_chunksize(nkeys, keybytes,
							    dtk_var_size(v)));
		ntuple = keybytes = 0;
	}
	return need;
}

/* Remember an object's variables and dynamic-variable needs. */
static int dtk_dof_vars(struct dtk_dof *d, const struct dtk_opts *o,
			const struct dif_object *obj)
{
	struct dtk_enabling *en = d->dd_enab;
	const struct dif_var **vars;
	u32 i;

	if (!obj->do_nvars)
		return 0;
	vars = krealloc_array(en->den_vars, en->den_nvars + obj->do_nvars,
			      sizeof(*vars), GFP_KERNEL);
	if (!vars)
		return -ENOMEM;
	en->den_vars = vars;
	for (i = 0; i < obj->do_nvars; i++)
		vars[en->den_nvars++] = &obj->do_vars[i];
	en->den_chunksize = max(en->den_chunksize,
				dtk_difo_chunksize(obj, o->dop_strsize));
	return 0;
}

/* Parse and verify the DIF object in section i. */
static int dtk_dof_difo(struct dtk_dof *d, u32 i, const struct dtk_opts *o,
			struct dif_object *obj, const char *what)
{
	const struct dtrace_dof_sec *s;
	struct dif_error err;

	if (i >= d->dd_nsecs || d->dd_secs[i].dofs_kind != DTRACE_DOF_SECT_DIFO)
		return dtk_dof_fail(d, -EINVAL,
			"%s: section %u is not a DIF object", what, i);
	s = &d->dd_secs[i];
	if (dif_object_parse(obj, d->dd_base + s->dofs_offset, s->dofs_size,
			     &err))
		return dtk_dof_fail(d, -EINVAL, "%s: DIF object: %s", what,
				    dif_check_msg(err.de_check));
	if (dif_verify(obj, DIF_PRIV_USER |
		       (o->dop_destructive ? DIF_PRIV_DESTRUCTIVE : 0), &err))
		return dtk_dof_fail(d, -EINVAL,
			"%s: DIF object refused at instruction %d: %s", what,
			err.de_pc, dif_check_msg(err.de_check));
	return dtk_dof_vars(d, o, obj);
}

static bool dtk_act_destructive(u32 kind)
{
	switch (kind) {
	case DTRACE_DOFACT_SYSTEM:
	case DTRACE_DOFACT_CHILL:
	case DTRACE_DOFACT_RAISE:
	case DTRACE_DOFACT_STOP:
	case DTRACE_DOFACT_PANIC:
	case DTRACE_DOFACT_BREAKPOINT:
		return true;
	default:
		return false;
	}
}

/* The action kinds this module executes so far. */
static bool dtk_act_supported(u32 kind)
{
	switch (kind) {
	case DTRACE_DOFACT_TRACE:
	case DTRACE_DOFACT_ARG:
	case DTRACE_DOFACT_PRINTF:
	case DTRACE_DOFACT_EXIT:
	case DTRACE_DOFACT_AGGREGATE:
	case DTRACE_DOFACT_AGGWEIGHT:
	case DTRACE_DOFACT_STACK:
	case DTRACE_DOFACT_USTACK:
	case DTRACE_DOFACT_JSTACK:
	case DTRACE_DOFACT_PRINTA:
	/* Records the consumer prints or acts on (dt_consume.c). */
	case DTRACE_DOFACT_PRINT:
	case DTRACE_DOFACT_SYM:
	case DTRACE_DOFACT_MOD:
	case DTRACE_DOFACT_USYM:
	case DTRACE_DOFACT_UMOD:
	case DTRACE_DOFACT_UADDR:
	case DTRACE_DOFACT_TRACEMEM:
	case DTRACE_DOFACT_CLEAR:
	case DTRACE_DOFACT_TRUNC:
	case DTRACE_DOFACT_NORMALIZE:
	case DTRACE_DOFACT_DENORMALIZE:
	case DTRACE_DOFACT_SETOPT:
	case DTRACE_DOFACT_FREOPEN:
	case DTRACE_DOFACT_FTRUNCATE:
	case DTRACE_DOFACT_SYSTEM:
	case DTRACE_DOFACT_SPECULATE:
	case DTRACE_DOFACT_COMMIT:
	case DTRACE_DOFACT_DISCARD:
	case DTRACE_DOFACT_CHILL:
	case DTRACE_DOFACT_RAISE:
	case DTRACE_DOFACT_STOP:
	case DTRACE_DOFACT_PANIC:
		return true;
	default:
		return false;
	}
}


/*
 * Speculation and destructive actions record nothing; all but stop() and
 * panic() take their value (an id, ns, a signal) from a DIF object.
 */
static int dtk_dof_ctlact(struct dtk_dof *d, const struct dtk_action *a,
			  const char *what)
{
	switch (a->dta_kind) {
	case DTRACE_DOFACT_SPECULATE:
	case DTRACE_DOFACT_COMMIT:
	case DTRACE_DOFACT_DISCARD:
	case DTRACE_DOFACT_CHILL:
	case DTRACE_DOFACT_RAISE:
		if (!a->dta_hasdifo || a->dta_hasrec || a->dta_nargs)
			return dtk_dof_fail(d, -EINVAL,
				"%s: needs a value and no record", what);
		return 0;
	case DTRACE_DOFACT_STOP:
	case DTRACE_DOFACT_PANIC:
		if (a->dta_hasdifo || a->dta_hasrec || a->dta_nargs)
			return dtk_dof_fail(d, -EINVAL,
				"%s: takes no value and no record", what);
		return 0;
	default:
		return 0;
	}
}

/*
 * An aggregating action: its aggregation, a value unless it counts, one
 * ARG per key, and a weight only where the function takes one.
 */
static int dtk_dof_aggact(struct dtk_dof *d, const struct dtrace_dof_stmt *ds,
			  u32 ai, struct dtk_action *a, const char *what)
{
	struct dtk_enabling *en = d->dd_enab;
	const struct dtrace_dof_action *acts = &d->dd_acts[ds->dofst_act_first];
	struct dtk_agg *ag;
	u32 k, w;

	if (a->dta_arg >= en->den_naggs)
		return dtk_dof_fail(d, -EINVAL, "%s: no such aggregation", what);
	ag = &en->den_aggs[a->dta_arg];
	if (a->dta_hasrec || a->dta_nargs != ag->dag_nkeys ||
	    a->dta_hasdifo == (ag->dag_func == DTRACE_AGG_COUNT))
		return dtk_dof_fail(d, -EINVAL,
			"%s: does not match its aggregation", what);
	/*
	 * A stack key is walked, not computed: its ARG has no DIFO.  A key
	 * made by sym() and friends carries the action in its ARG's
	 * dofa_arg; usym(), umod() and uaddr() keep the pid and the
	 * address, a 16-byte record no other key has.
	 */
	for (k = 1; k <= a->dta_nargs; k++) {
		const struct dtrace_dof_action *ka = &acts[ai + k];
		const struct dtrace_dof_rec *r = &ag->dag_keyrecs[k - 1];
		bool stack = r->dofr_flags & (DTRACE_DOFREC_F_KSTACK |
					      DTRACE_DOFREC_F_USTACK);
		bool pair = !stack && !(r->dofr_flags & DTRACE_DOFREC_F_BYREF) &&
			    r->dofr_size == 16;

		if (ka->dofa_kind != DTRACE_DOFACT_ARG ||
		    (ka->dofa_difo == DTRACE_DOF_NONE) != stack ||
		    dtk_act_upair(ka->dofa_arg) != pair ||
		    (ka->dofa_arg && !pair &&
		     (stack || (ka->dofa_arg != DTRACE_DOFACT_SYM &&
				ka->dofa_arg != DTRACE_DOFACT_MOD) ||
		      r->dofr_flags & DTRACE_DOFREC_F_BYREF ||
		      r->dofr_size != 8)))
			return dtk_dof_fail(d, -EINVAL, "%s: key %u malformed",
					    what, k - 1);
	}
	w = ai + a->dta_nargs + 1;
	if (w < ds->dofst_act_count &&
	    acts[w].dofa_kind == DTRACE_DOFACT_AGGWEIGHT) {
		if (ag->dag_func != DTRACE_AGG_QUANTIZE &&
		    ag->dag_func != DTRACE_AGG_LQUANTIZE &&
		    ag->dag_func != DTRACE_AGG_LLQUANTIZE)
			return dtk_dof_fail(d, -EINVAL,
				"%s: a weight for a function without one", what);
		a->dta_hasweight = true;
	}
	a->dta_agg = ag;
	return 0;
}

/* Check one action of statement si and fill in *a. */
static int dtk_dof_action(struct dtk_dof *d, const struct dtk_opts *o,
			  u32 si, u32 ai, const struct dtrace_dof_stmt *ds,
			  struct dtk_action *a)
{
	const struct dtrace_dof_action *da = &d->dd_acts[ds->dofst_act_first + ai];
	char what[48];
	int ret;

	snprintf(what, sizeof(what), "statement %u action %u", si, ai);
	if (da->dofa_kind == 0 || da->dofa_kind > DTRACE_DOFACT_MAX)
		return dtk_dof_fail(d, -EINVAL, "%s: unknown kind %u", what,
				    da->dofa_kind);
	if (dtk_act_destructive(da->dofa_kind) &&
	    !(o->dop_destructive && d->dd_destructive))
		return dtk_dof_fail(d, -EPERM,
			"%s: destructive action not permitted (use -w)", what);
	if (!dtk_act_supported(da->dofa_kind))
		return dtk_dof_fail(d, -EOPNOTSUPP,
			"%s: action kind %u is not implemented yet in the module",
			what, da->dofa_kind);
	/* The ARG actions an action announces lie inside the statement. */
	if (da->dofa_nargs > ds->dofst_act_count - ai - 1)
		return dtk_dof_fail(d, -EINVAL, "%s: %u arguments overrun the statement",
				    what, da->dofa_nargs);
	a->dta_kind = da->dofa_kind;
	a->dta_nargs = da->dofa_nargs;
	a->dta_arg = da->dofa_arg;

	if ((da->dofa_kind == DTRACE_DOFACT_PRINTF ||
	     da->dofa_kind == DTRACE_DOFACT_SYSTEM ||
	     da->dofa_kind == DTRACE_DOFACT_FREOPEN ||
	     da->dofa_kind == DTRACE_DOFACT_PRINTA) &&
	    !dtk_dof_str(d, da->dofa_arg, DTK_DOF_MAXSTRSIZE))
		return dtk_dof_fail(d, -EINVAL, "%s: bad format string offset", what);
	/* printa() is the consumer's: its record header says when. */
	if (da->dofa_kind == DTRACE_DOFACT_PRINTA &&
	    (da->dofa_difo != DTRACE_DOF_NONE || da->dofa_rec != DTRACE_DOF_NONE))
		return dtk_dof_fail(d, -EINVAL, "%s: printa() takes no data", what);

	if (da->dofa_difo != DTRACE_DOF_NONE) {
		ret = dtk_dof_difo(d, da->dofa_difo, o, &a->dta_difo, what);
		if (ret)
			return ret;
		a->dta_hasdifo = true;
	}
	a->dta_bv = a->dta_hasdifo ? dif_object_builtin(&a->dta_difo) : -1;
	if (da->dofa_rec != DTRACE_DOF_NONE) {
		const struct dtrace_dof_rec *r;

		if (da->dofa_rec >= d->dd_nrecs)
			return dtk_dof_fail(d, -EINVAL, "%s: record index out of range", what);
		r = &d->dd_recs[da->dofa_rec];
		if (r->dofr_pad0 || r->dofr_flags & ~DTRACE_DOFREC_F_ALL ||
		    !dtk_align_ok(r->dofr_align) || r->dofr_offset % r->dofr_align ||
		    r->dofr_size == 0 ||
		    !dtk_range_ok(r->dofr_offset, r->dofr_size, ds->dofst_size))
			return dtk_dof_fail(d, -EINVAL,
				"%s: record outside the statement's payload or malformed", what);
		if (r->dofr_flags & (DTRACE_DOFREC_F_KSTACK | DTRACE_DOFREC_F_USTACK))
			return dtk_dof_fail(d, -EINVAL,
				"%s: a stack key flag on an action's record", what);
		if (r->dofr_flags & DTRACE_DOFREC_F_USER)
			return dtk_dof_fail(d, -EOPNOTSUPP,
				"%s: record flags %#x are not implemented yet", what,
				r->dofr_flags);
		if (r->dofr_flags & DTRACE_DOFREC_F_DYNSIZE) {
			/* tracemem(a, max, n): a u64 length, then the bytes;
			 * the one ARG after it computes n. */
			const struct dtrace_dof_action *sz = da + 1;

			if (da->dofa_kind != DTRACE_DOFACT_TRACEMEM ||
			    !(r->dofr_flags & DTRACE_DOFREC_F_BYREF) ||
			    r->dofr_flags & DTRACE_DOFREC_F_STRING ||
			    r->dofr_align != 8 || r->dofr_size <= 8 ||
			    da->dofa_nargs != 1 ||
			    sz->dofa_kind != DTRACE_DOFACT_ARG ||
			    sz->dofa_difo == DTRACE_DOF_NONE ||
			    sz->dofa_rec != DTRACE_DOF_NONE)
				return dtk_dof_fail(d, -EINVAL,
					"%s: malformed dynamic-size record", what);
		}
		if (dtk_act_upair(da->dofa_kind)) {
			if (r->dofr_flags || r->dofr_size != 16 ||
			    r->dofr_align != 8)
				return dtk_dof_fail(d, -EINVAL,
					"%s: needs a 16-byte pid and address record",
					what);
		} else if (da->dofa_kind == DTRACE_DOFACT_STACK) {
			/* stack(n): n pcs filled in by probe context. */
			if (a->dta_hasdifo || r->dofr_flags || r->dofr_align != 8 ||
			    da->dofa_arg < 1 || da->dofa_arg > DTK_STACK_MAX ||
			    r->dofr_size != 8 * da->dofa_arg)
				return dtk_dof_fail(d, -EINVAL,
					"%s: stack() needs 1 to %d 8-byte frames", what,
					DTK_STACK_MAX);
		} else if (da->dofa_kind == DTRACE_DOFACT_USTACK ||
			   da->dofa_kind == DTRACE_DOFACT_JSTACK) {
			/* ustack(n, strsize): the pid, n pcs, the strings. */
			u64 n = da->dofa_arg & U32_MAX, ss = da->dofa_arg >> 32;

			if (a->dta_hasdifo || r->dofr_flags || r->dofr_align != 8 ||
			    n < 1 || n > DTK_USTACK_MAX ||
			    ss > DTK_DOF_MAXPAYLOAD ||
			    r->dofr_size != 8 * (n + 1) + ss)
				return dtk_dof_fail(d, -EINVAL,
					"%s: ustack() needs 1 to %d 8-byte frames", what,
					DTK_USTACK_MAX);
		} else if (!(r->dofr_flags & DTRACE_DOFREC_F_BYREF) &&
		    r->dofr_size != 1 && r->dofr_size != 2 &&
		    r->dofr_size != 4 && r->dofr_size != 8)
			return dtk_dof_fail(d, -EINVAL,
				"%s: a by-value record of %u bytes", what, r->dofr_size);
		if (!a->dta_hasdifo && da->dofa_kind != DTRACE_DOFACT_STACK &&
		    da->dofa_kind != DTRACE_DOFACT_USTACK &&
		    da->dofa_kind != DTRACE_DOFACT_JSTACK)
			return dtk_dof_fail(d, -EINVAL,
				"%s: a record but no DIF object to fill it", what);
		a->dta_hasrec = true;
		a->dta_recflags = r->dofr_flags;
		a->dta_recoff = r->dofr_offset;
		a->dta_recsize = r->dofr_size;
	}
	if (da->dofa_kind == DTRACE_DOFACT_EXIT &&
	    (!a->dta_hasrec || a->dta_recsize != 4 ||
	     a->dta_recflags & DTRACE_DOFREC_F_BYREF))
		return dtk_dof_fail(d, -EINVAL, "%s: exit() needs a 4-byte record", what);
	if (da->dofa_kind == DTRACE_DOFACT_AGGREGATE)
		return dtk_dof_aggact(d, ds, ai, a, what);
	return dtk_dof_ctlact(d, a, what);
}


/*
 * A statement is silent when it has actions and none of them leaves
 * anything for the consumer: only aggregations (with their keys and
 * weights), assignments (TRACE actions without a record), and commit,
 * discard, chill, raise, stop and panic (a lone speculate() is not
 * silent: its header goes to the speculation, as in DTrace).  As in
 * DTrace, a silent clause writes no record, so `{ @[k] = count(); }` or
 * `{ self->t = timestamp; }` prints nothing per firing, while an empty
 * clause `{ }` still writes its header and the consumer prints the
 * default CPU/ID/FUNCTION:NAME line.
 */
static bool dtk_stmt_silent(const struct dtk_stmt *st)
{
	u32 i;

	for (i = 0; i < st->dst_nact; i++) {
		const struct dtk_action *a = &st->dst_act[i];

		switch (a->dta_kind) {
		case DTRACE_DOFACT_AGGREGATE:
		case DTRACE_DOFACT_COMMIT:
		case DTRACE_DOFACT_DISCARD:
		case DTRACE_DOFACT_CHILL:
		case DTRACE_DOFACT_RAISE:
		case DTRACE_DOFACT_STOP:
		case DTRACE_DOFACT_PANIC:
			continue;
		case DTRACE_DOFACT_AGGWEIGHT:
		case DTRACE_DOFACT_ARG:
		case DTRACE_DOFACT_TRACE:
			if (!a->dta_hasrec)
				continue;
			return false;
		default:
			return false;
		}
	}
	return st->dst_nact > 0;
}

/*
 * A statement that only counts by execname (`@[execname] = count();`, or
 * `@ = count();`, any number of execname keys, no predicate) needs
 * neither the DIF machine nor a record: dtk_probe.c runs it directly.
 */
static bool dtk_stmt_aggcomm(const struct dtk_stmt *st)
{
	const struct dtk_action *a = st->dst_act;
	const struct dtk_agg *ag;
	u32 k;

	if (!st->dst_silent || st->dst_haspred || !st->dst_nact ||
	    a->dta_kind != DTRACE_DOFACT_AGGREGATE || a->dta_hasdifo ||
	    a->dta_hasweight)
		return false;
	ag = a->dta_agg;
	if (ag->dag_func != DTRACE_AGG_COUNT ||
	    st->dst_nact != 1 + ag->dag_nkeys)
		return false;
	for (k = 0; k < ag->dag_nkeys; k++) {
		const struct dtrace_dof_rec *r = &ag->dag_keyrecs[k];

		if (a[1 + k].dta_bv != DIF_BV_EXECNAME ||
		    !(r->dofr_flags & DTRACE_DOFREC_F_STRING) ||
		    r->dofr_size < TASK_COMM_LEN)
			return false;
	}
	return true;
}

/* No two records of a statement overlap. */
static int dtk_dof_overlap(struct dtk_dof *d, u32 si, const struct dtk_stmt *st)
{
	u32 i, j;

	for (i = 0; i < st->dst_nact; i++) {
		const struct dtk_action *a = &st->dst_act[i];

		if (!a->dta_hasrec)
			continue;
		for (j = i + 1; j < st->dst_nact; j++) {
			const struct dtk_action *b = &st->dst_act[j];

			if (b->dta_hasrec &&
			    a->dta_recoff < b->dta_recoff + b->dta_recsize &&
			    b->dta_recoff < a->dta_recoff + a->dta_recsize)
				return dtk_dof_fail(d, -EINVAL,
					"statement %u: records of actions %u and %u overlap",
					si, i, j);
		}
	}
	return 0;
}

static int dtk_dof_stmt(struct dtk_dof *d, const struct dtk_opts *o, u32 si,
			struct dtk_stmt *st)
{
	const struct dtrace_dof_stmt *ds = &d->dd_stmts[si];
	const char *prov, *mod, *func, *name;
	char what[32];
	u32 ai;
	int ret;

	snprintf(what, sizeof(what), "statement %u", si);
	if (ds->dofst_reserved || !dtk_align_ok(ds->dofst_align) ||
	    ds->dofst_size > DTK_DOF_MAXPAYLOAD)
		return dtk_dof_fail(d, -EINVAL, "%s: bad size, alignment or padding", what);
	prov = dtk_dof_str(d, ds->dofst_provider, DTRACE_PROVNAMELEN);
	mod = dtk_dof_str(d, ds->dofst_module, DTRACE_MODNAMELEN);
	func = dtk_dof_str(d, ds->dofst_function, DTRACE_FUNCNAMELEN);
	name = dtk_dof_str(d, ds->dofst_name, DTRACE_NAMELEN);
	if (!prov || !mod || !func || !name)
		return dtk_dof_fail(d, -EINVAL, "%s: bad probe description", what);
	strscpy(st->dst_desc.dpd_provider, prov, sizeof(st->dst_desc.dpd_provider));
	strscpy(st->dst_desc.dpd_mod, mod, sizeof(st->dst_desc.dpd_mod));
	strscpy(st->dst_desc.dpd_func, func, sizeof(st->dst_desc.dpd_func));
	strscpy(st->dst_desc.dpd_name, name, sizeof(st->dst_desc.dpd_name));
	st->dst_index = si;
	st->dst_size = sizeof(struct dtrace_rechdr) + round_up(ds->dofst_size, 8);
	if (st->dst_size > o->dop_bufsize)
		return dtk_dof_fail(d, -EINVAL, "%s: record larger than bufsize", what);

	if (ds->dofst_pred != DTRACE_DOF_NONE) {
		ret = dtk_dof_difo(d, ds->dofst_pred, o, &st->dst_pred, what);
		if (ret)
			return ret;
		st->dst_haspred = true;
	}
	if (ds->dofst_act_first > d->dd_nacts ||
	    ds->dofst_act_count > d->dd_nacts - ds->dofst_act_first)
		return dtk_dof_fail(d, -EINVAL, "%s: actions out of range", what);
	st->dst_nact = ds->dofst_act_count;
	if (st->dst_nact) {
		st->dst_act = kcalloc(st->dst_nact, sizeof(*st->dst_act),
				      GFP_KERNEL);
		if (!st->dst_act)
			return -ENOMEM;
	}
	for (ai = 0; ai < st->dst_nact; ai++) {
		ret = dtk_dof_action(d, o, si, ai, ds, &st->dst_act[ai]);
		if (ret)
			return ret;
	}
	st->dst_silent = dtk_stmt_silent(st);
	st->dst_aggcomm = dtk_stmt_aggcomm(st);
	return dtk_dof_overlap(d, si, st);
}

/* The 64-bit words an aggregating function keeps, or 0 if its
 * parameters are out of range. */
static u64 dtk_agg_words(const struct dtrace_dof_agg *ag)
{
	const s64 *p = ag->dofag_params;

	switch (ag->dofag_func) {
	case DTRACE_AGG_COUNT:
	case DTRACE_AGG_SUM:
	case DTRACE_AGG_MIN:
	case DTRACE_AGG_MAX:
		return 1;
	case DTRACE_AGG_AVG:
		return 2;
	case DTRACE_AGG_STDDEV:
		return 4;
	case DTRACE_AGG_QUANTIZE:
		return DTK_QUANTIZE_NBUCKETS;
	case DTRACE_AGG_LQUANTIZE:
		/* low, high, step: the base word, under, levels, over */
		if (p[2] <= 0 || p[1] <= p[0] || p[0] < -(1LL << 60) ||
		    p[1] > (1LL << 60) || (p[1] - p[0]) / p[2] > U16_MAX)
			return 0;
		return (p[1] - p[0]) / p[2] + 3;
	case DTRACE_AGG_LLQUANTIZE:
		/* factor, low, high, nsteps: under, the steps, over */
		if (p[0] < 2 || p[1] < 0 || p[2] < p[1] || p[2] > 32 ||
		    p[3] < p[0] || p[3] > U16_MAX || p[3] % p[0])
			return 0;
		return (p[2] - p[1] + 1) * (p[3] - p[3] / p[0]) + 2;
	default:
		return 0;
	}
}

/*
 * A well-formed stack key: stack(n) is n pcs, ustack(n) the pid and n
 * pcs, 8-aligned, nothing else flagged (probe context zero-fills it).
 */
static bool dtk_dof_stackkey(const struct dtrace_dof_rec *r)
{
	u16 f = r->dofr_flags;
	u32 n = r->dofr_size / 8;

	if (f != DTRACE_DOFREC_F_KSTACK && f != DTRACE_DOFREC_F_USTACK)
		return false;
	if (f == DTRACE_DOFREC_F_USTACK)
		n--;
	return !r->dofr_pad0 && r->dofr_align == 8 && r->dofr_size % 8 == 0 &&
	       !(r->dofr_offset % 8) && n >= 1 &&
	       n <= (f == DTRACE_DOFREC_F_KSTACK ? DTK_STACK_MAX : DTK_USTACK_MAX);
}

static int dtk_dof_aggs(struct dtk_dof *d, const struct dtk_opts *o,
			struct dtk_enabling *en, u32 aggbase)
{
	u32 i, k;

	if (!d->dd_naggs)
		return 0;
	if (d->dd_naggs > DTK_DOF_MAXAGGS)
		return dtk_dof_fail(d, -E2BIG, "too many aggregations");
	en->den_aggs = kcalloc(d->dd_naggs, sizeof(*en->den_aggs), GFP_KERNEL);
	if (!en->den_aggs)
		return -ENOMEM;
	en->den_naggs = d->dd_naggs;
	for (i = 0; i < d->dd_naggs; i++) {
		const struct dtrace_dof_agg *ag = &d->dd_aggs[i];
		struct dtk_agg *a = &en->den_aggs[i];
		const struct dtrace_dof_rec *vr;
		u64 words = dtk_agg_words(ag);

		if (ag->dofag_id != i || !dtk_dof_str(d, ag->dofag_name, 256) ||
		    ag->dofag_nkeys > DIF_TUPLE_MAX || !words ||
		    words > DTK_DOF_MAXPAYLOAD / 8 ||
		    ag->dofag_keysize > DTK_DOF_MAXPAYLOAD ||
		    ag->dofag_rec_first > d->dd_nrecs ||
		    ag->dofag_nkeys + 1 > d->dd_nrecs - ag->dofag_rec_first)
			return dtk_dof_fail(d, -EINVAL,
				"aggregation %u: bad function, parameters or records", i);
		a->dag_keyrecs = &d->dd_recs[ag->dofag_rec_first];
		for (k = 0; k < ag->dofag_nkeys; k++) {
			const struct dtrace_dof_rec *r = &a->dag_keyrecs[k];

			if (r->dofr_flags & (DTRACE_DOFREC_F_KSTACK |
					     DTRACE_DOFREC_F_USTACK)) {
				if (!dtk_dof_stackkey(r) ||
				    !dtk_range_ok(r->dofr_offset, r->dofr_size,
						  ag->dofag_keysize))
					return dtk_dof_fail(d, -EINVAL,
						"aggregation %u: key %u malformed", i, k);
				continue;
			}
			/* 16 bytes: usym() and friends' pid and address
			 * (dtk_dof_aggact() checks the ARG says so). */
			if (r->dofr_pad0 || r->dofr_flags & ~DTRACE_DOFREC_F_ALL ||
			    r->dofr_flags & (DTRACE_DOFREC_F_USER | DTRACE_DOFREC_F_DYNSIZE) ||
			    !dtk_align_ok(r->dofr_align) || r->dofr_size == 0 ||
			    r->dofr_offset % r->dofr_align ||
			    !dtk_range_ok(r->dofr_offset, r->dofr_size,
					  ag->dofag_keysize) ||
			    (!(r->dofr_flags & DTRACE_DOFREC_F_BYREF) &&
			     r->dofr_size != 1 && r->dofr_size != 2 &&
			     r->dofr_size != 4 && r->dofr_size != 8 &&
			     (r->dofr_size != 16 || r->dofr_flags ||
			      r->dofr_align != 8)))
				return dtk_dof_fail(d, -EINVAL,
					"aggregation %u: key %u malformed", i, k);
		}
		vr = &a->dag_keyrecs[ag->dofag_nkeys];
		if (vr->dofr_size != words * 8)
			return dtk_dof_fail(d, -EINVAL,
				"aggregation %u: value of %u bytes, the function keeps %llu",
				i, vr->dofr_size, words * 8);
		a->dag_index = aggbase + i;
		a->dag_func = ag->dofag_func;
		a->dag_nkeys = ag->dofag_nkeys;
		a->dag_keysize = round_up(ag->dofag_keysize, 8);
		a->dag_valsize = vr->dofr_size;
		memcpy(a->dag_params, ag->dofag_params, sizeof(a->dag_params));
		if (sizeof(struct dtrace_aggrec) + a->dag_keysize +
		    a->dag_valsize > o->dop_aggsize / 2)
			return dtk_dof_fail(d, -EINVAL,
				"aggregation %u does not fit in aggsize", i);
	}
	return 0;
}

void dtk_dof_free(struct dtk_enabling *en)
{
	u32 i;

	for (i = 0; en->den_stmts && i < en->den_nstmts; i++)
		kfree(en->den_stmts[i].dst_act);
	kfree(en->den_stmts);
	en->den_stmts = NULL;
	en->den_nstmts = 0;
	kfree(en->den_vars);
	en->den_vars = NULL;
	en->den_nvars = 0;
	kfree(en->den_aggs);
	en->den_aggs = NULL;
	en->den_naggs = 0;
}

int dtk_dof_load(const void *dof, size_t size, const struct dtk_opts *dflt,
		 u32 aggbase, struct dtk_enabling *en, struct dtk_opts *opts,
		 char *msg, size_t msglen)
{
	struct dtk_dof d = {
		.dd_base = dof, .dd_size = size, .dd_enab = en,
		.dd_msg = msg, .dd_msglen = msglen,
	};
	int ret;
	u32 i;

	*opts = *dflt;
	ret = dtk_dof_header(&d);
	if (!ret)
		ret = dtk_dof_sections(&d);
	if (!ret)
		ret = dtk_dof_options(&d, opts);
	if (ret)
		return ret;
	if (!d.dd_nstmts)
		return dtk_dof_fail(&d, -EINVAL, "DOF has no statements");
	ret = dtk_dof_aggs(&d, opts, en, aggbase);
	if (ret) {
		dtk_dof_free(en);
		return ret == -ENOMEM ? dtk_dof_fail(&d, ret, "out of memory") : ret;
	}
	en->den_stmts = kcalloc(d.dd_nstmts, sizeof(*en->den_stmts), GFP_KERNEL);
	if (!en->den_stmts)
		return -ENOMEM;
	en->den_nstmts = d.dd_nstmts;
	for (i = 0; i < d.dd_nstmts; i++) {
		en->den_stmts[i].dst_enab = en;
		ret = dtk_dof_stmt(&d, opts, i, &en->den_stmts[i]);
		if (ret) {
			dtk_dof_free(en);
			if (ret == -ENOMEM)
				dtk_dof_fail(&d, ret, "out of memory");
			return ret;
		}
	}
	return 0;
}
