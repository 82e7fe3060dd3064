// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Code generation: the checked parse tree becomes DIF objects (through
 * dif/dif_emit.h), actions, records and aggregations, in the shape of the
 * DOF (dof.h) that dt_dof.c writes.  See dt_cc.c for the whole compiler.
 *
 * One clause becomes one enabling statement per probe description, all
 * sharing the predicate and actions (the DOF writer repeats the statement
 * for each description).  Its statements become actions in order:
 *
 *   trace(e)              TRACE, a DIF object for e, a record
 *   x = e, x++, ...       TRACE without a record: run for its effect
 *   printf(f, a, b)       PRINTF (the format) + one ARG per argument
 *   @a[k1, k2] = f(v, w)  AGGREGATE (agg id, DIF for v) + ARG k1, ARG k2
 *                         + AGGWEIGHT w when quantize & co. have one
 *   exit(e)               EXIT, a 4-byte record
 *
 * if/else has no DIF form (DIF branches only forward, inside one object,
 * and actions are separate objects), so, as DTrace does, a clause with if
 * is split into segments.  An action of the current segment stores the
 * condition in a hidden clause-local variable, this->%ifN: 2 if true, 1
 * if false; it stays 0 when the segment did not run.  The then branch is
 * a segment whose predicate is "this->%ifN == 2", the else branch one with
 * "== 1", and the statements after the if continue in a segment with
 * "!= 0" -- each also requiring the conditions of the ifs around it.
 * Only the clause's first segment evaluates the clause's predicate: the
 * later ones must not see state the earlier ones changed.  This relies
 * on what D guarantees of clause-local variables: the statements enabled
 * for one probe run in program order and share this-> storage during one
 * firing, which starts with it zeroed.
 *
 * Registers: %r1 .. %r15, allocated by a bitmap; every expression returns
 * a register the caller frees.  Constants were folded by dt_sema.c.
 * && and || branch around their right operand; strings compare with scmp.
 * Strings built by subroutines live in scratch; variables and keys that
 * hold strings are strsize bytes.
 *
 * Memory: expressions have the C types dt_sema.c gave them (libctf, kernel
 * types from BTF).  A struct, union or array value is its address; an
 * integer or pointer member is loaded with its width and sign ("p->a.b"
 * is one base register and one constant offset in the load), a bit-field
 * by shifting it out of the bytes it spans.  Pointer arithmetic counts
 * in elements.  xlate<T *>(e)->m inlines the translator's expression for
 * m with its input bound to e's register (curpsinfo and the other
 * inlines of the translator library arrive here as such references).
 *
 * Variables of struct, union or array type hold the value (DIF_TYPE_REF
 * of the type's size): a load gives the address of the storage, a store
 * copies the size's bytes from the address it is given (x = *p, y = x).
 * DIF stores only into scratch, so a store into a member or element of
 * such a variable (x.m = v, self->s.a[i]++, a[k].m += v) copies the
 * variable into scratch, changes the copy and stores it back whole
 * (dt_cg_memstore).  An associative array's element is a variable
 * (DT_NF_ASSOC), whatever its value's type: a[k] of pointers is not C's
 * *(a + k).
 *
 * What still needs work is refused with D_TYPE_ERR: stores through
 * pointers (p->m = v, *p = v), whole-struct
 * translations, curpsinfo without the library (-xnolibs) and kernel
 * variables (`jiffies).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <dtrace/dof.h>
#include "dif/dif_emit.h"
#include "dif/dif_obj.h"
#include "dif/dif_vm.h"
#include "dt_cc.h"
#include "dt_grammar.h"
#include "dt_ksym.h"


#define DT_CG_MAXGUARDS 32

typedef struct dt_cgvar {
	struct dt_cgvar *cv_next;
	const char *cv_name;
	int cv_scope;			/* DIF_SCOPE_* */
	int cv_kind;			/* DIF_VKIND_* */
	uint32_t cv_id;
	int cv_vkind;			/* DT_VK_INT or DT_VK_STRING */
	long cv_type;			/* a struct, union or array held by
					 * value (DIF_TYPE_REF), or 0 */
	uint32_t cv_size;		/* ... and its size */
} dt_cgvar_t;

typedef struct dt_cg {
	dt_pcb_t *cg_pcb;
	dtrace_prog_t *cg_pgp;
	struct dif_builder *cg_b;	/* the object being built */
	unsigned cg_regs;		/* registers in use, bit per register */
	dt_cgvar_t *cg_vars;
	uint32_t cg_nextid;
	uint32_t cg_strsize;
	int cg_clause;			/* index of the clause */
	dt_node_t *cg_pred;		/* the clause's predicate, or NULL */
	int cg_stmt;			/* the segment being filled, or -1
					 * when the next action starts one */
	uint32_t cg_guards[DT_CG_MAXGUARDS]; /* condition variable ids */
	int cg_want[DT_CG_MAXGUARDS];	/* 2 then, 1 else, 0 after the if */
	int cg_nguards;
	int cg_nif;
	int cg_xlregs[DT_CG_MAXGUARDS];	/* translator inputs being inlined */
	int cg_nxl;
	const dt_node_t *cg_subst;	/* a variable whose copy in scratch */
	int cg_substreg;		/* ... this register holds (member
					 * stores, dt_cg_memstore) */
} dt_cg_t;

static int dt_cg_expr(dt_cg_t *cg, dt_node_t *dnp);

int dt_vec_grow(void **vp, int *np, int *capp, size_t elsize)
{
	if (*np == *capp) {
		int cap = *capp ? *capp * 2 : 16;
		void *v = realloc(*vp, (size_t)cap * elsize);

		if (!v)
			return -1;
		*vp = v;
		*capp = cap;
	}
	memset((char *)*vp + (size_t)*np * elsize, 0, elsize);
	return (*np)++;
}

static int dt_cg_add(dt_cg_t *cg, int idx)
{
	if (idx < 0) {
		dt_set_errno(cg->cg_pcb->pcb_hdl, ENOMEM);
		longjmp(cg->cg_pcb->pcb_jmpbuf, ENOMEM);
	}
	return idx;
}

static int dt_cg_reg(dt_cg_t *cg, const dt_node_t *dnp)
{
	int r;

	for (r = 1; r < DIF_NREGS; r++) {
		if (!(cg->cg_regs & (1U << r))) {
			cg->cg_regs |= 1U << r;
			return r;
		}
	}
	dt_node_error(cg->cg_pcb, dnp, D_NOREG,
		      "Insufficient registers to generate code");
}

static void dt_cg_rfree(dt_cg_t *cg, int r)
{
	if (r > 0)
		cg->cg_regs &= ~(1U << r);
}

static struct dif_type dt_cg_type(dt_cg_t *cg, int vkind)
{
	struct dif_type t = { .dt_kind = DIF_TYPE_INT, .dt_size = 8,
			      .dt_flags = DIF_TF_SIGNED };

	if (vkind == DT_VK_STRING) {
		t.dt_kind = DIF_TYPE_STRING;
		t.dt_flags = 0;
		t.dt_size = cg->cg_strsize;
	}
	return t;
}

static void dt_cg_begin(dt_cg_t *cg)
{
	cg->cg_b = dif_builder_new();
	if (!cg->cg_b)
		dt_cg_add(cg, -1);
	cg->cg_regs = 0;
}

/*
 * Every object goes through the module's verifier here, so that a code
 * generator bug is a compile error naming the instruction, not a refused
 * enabling.
 */
static void dt_cg_verify(dt_cg_t *cg, void *blob, size_t size,
			 const dt_node_t *dnp)
{
	struct dif_object obj;
	struct dif_error err;

	if (dif_object_parse(&obj, blob, size, &err) == 0 &&
	    dif_verify(&obj, DIF_PRIV_ALL, &err) == 0)
		return;
	free(blob);
	dt_node_error(cg->cg_pcb, dnp, D_UNKNOWN, "internal error: the DIF "
		      "verifier refused instruction %d: %s", err.de_pc,
		      dif_check_msg(err.de_check));
}

/* Finish the object returning register r; its index in dp_difos. */
static int dt_cg_end(dt_cg_t *cg, int r, int vkind, const dt_node_t *dnp)
{
	dtrace_prog_t *pgp = cg->cg_pgp;
	struct dif_type t = dt_cg_type(cg, vkind);
	void *blob;
	size_t size;
	int i;

	dif_emit(cg->cg_b, DIF_OP_RET, 0, (unsigned)r, 0, 0);
	dif_set_rtype(cg->cg_b, &t);
	if (dif_builder_finish(cg->cg_b, &blob, &size) != 0) {
		const char *msg = dif_builder_errmsg(cg->cg_b);

		dif_builder_free(cg->cg_b);
		cg->cg_b = NULL;
		dt_node_error(cg->cg_pcb, dnp, D_UNKNOWN, "internal error: DIF "
			      "object not built: %s", msg);
	}
	dif_builder_free(cg->cg_b);
	cg->cg_b = NULL;
	dt_cg_verify(cg, blob, size, dnp);
	i = DT_VEC_ADD(pgp->dp_difos);
	if (i < 0)
		free(blob);
	dt_cg_add(cg, i);
	pgp->dp_difos.v[i].dd_blob = blob;
	pgp->dp_difos.v[i].dd_size = size;
	return i;
}

static int dt_cg_isref(dt_cg_t *cg, long t);

/*
 * A variable of the program: its id, created on first use.  type is the
 * C type of the value (0 if not known): a struct, union or array makes
 * the variable a by-reference one of that size.
 */
static dt_cgvar_t *dt_cg_var(dt_cg_t *cg, const dt_node_t *dnp,
			     const char *name, int scope, int kind, int vkind,
			     long type)
{
	dt_cgvar_t *cv;

	for (cv = cg->cg_vars; cv; cv = cv->cv_next)
		if (cv->cv_scope == scope && strcmp(cv->cv_name, name) == 0)
			break;
	if (!cv) {
		cv = dt_pcb_zalloc(cg->cg_pcb, sizeof(*cv));
		cv->cv_name = name;
		cv->cv_scope = scope;
		cv->cv_kind = kind;
		cv->cv_id = ++cg->cg_nextid;
		cv->cv_vkind = DT_VK_ANY;
		cv->cv_next = cg->cg_vars;
		cg->cg_vars = cv;
	}
	if (cv->cv_vkind == DT_VK_ANY && vkind != DT_VK_ANY &&
	    vkind != DT_VK_VOID)
		cv->cv_vkind = vkind == DT_VK_STRING ? DT_VK_STRING : DT_VK_INT;
	if (!cv->cv_type && type && dt_cg_isref(cg, type) &&
	    !dt_type_is_string(cg->cg_pcb->pcb_hdl, type)) {
		ssize_t size = ctf_type_size(dt_types_fp(cg->cg_pcb->pcb_hdl),
			dt_type_complete(cg->cg_pcb->pcb_hdl, type));

		if (size <= 0 || size > DIF_MAX_REFSIZE)
			dt_node_error(cg->cg_pcb, dnp, D_TYPE_ERR, "%s: a "
				      "variable of %zd bytes (at most %u)", name,
				      size, DIF_MAX_REFSIZE);
		cv->cv_type = type;
		cv->cv_size = (uint32_t)size;
		cv->cv_vkind = DT_VK_ANY;
	}
	return cv;
}

static void dt_cg_declare(dt_cg_t *cg, const dt_cgvar_t *cv, unsigned flags)
{
	struct dif_type t = dt_cg_type(cg, cv->cv_vkind);

	if (cv->cv_type) {
		t.dt_kind = DIF_TYPE_REF;
		t.dt_flags = 0;
		t.dt_size = cv->cv_size;
	}

	dif_declare_var(cg->cg_b, cv->cv_name, cv->cv_id, (unsigned)cv->cv_scope,
			(unsigned)cv->cv_kind, flags, &t);
}

static int dt_cg_bvar(const char *name)
{
	int i;

	for (i = 1; i < DIF_BV_COUNT; i++)
		if (dif_bvinfo[i].bi_name &&
		    strcmp(dif_bvinfo[i].bi_name, name) == 0)
			return i;
	return 0;
}

static int dt_cg_subr(const char *name)
{
	int i;

	for (i = 1; i < DIF_SUBR_COUNT; i++)
		if (dif_subrinfo[i].si_name &&
		    strcmp(dif_subrinfo[i].si_name, name) == 0)
			return i;
	return 0;
}

static _Noreturn void dt_cg_notypes(dt_cg_t *cg, const dt_node_t *dnp,
				    const char *what)
{
	dt_node_error(cg->cg_pcb, dnp, D_TYPE_ERR, "%s needs kernel types, "
		      "which this compiler does not import yet", what);
}

/* Kernel types (dt_types.c) in code generation. */
static ctf_dict_t *dt_cg_fp(dt_cg_t *cg)
{
	return dt_types_fp(cg->cg_pcb->pcb_hdl);
}

static ctf_id_t dt_cg_resolve(dt_cg_t *cg, long t)
{
	ctf_dict_t *fp = dt_cg_fp(cg);

	return t && fp ? dt_type_complete(cg->cg_pcb->pcb_hdl, (ctf_id_t)t) :
	       CTF_ERR;
}

/* Values of struct, union and array type are their addresses. */
static int dt_cg_isref(dt_cg_t *cg, long t)
{
	ctf_id_t r = dt_cg_resolve(cg, t);
	int k = r == CTF_ERR ? -1 : ctf_type_kind(dt_cg_fp(cg), r);

	return k == CTF_K_STRUCT || k == CTF_K_UNION || k == CTF_K_ARRAY;
}

/* Bytes a pointer of type t steps by (1 for void * and unknowns). */
static int64_t dt_cg_stride(dt_cg_t *cg, long t)
{
	ctf_dict_t *fp = dt_cg_fp(cg);
	ctf_id_t r = dt_cg_resolve(cg, t);
	ssize_t size;

	if (r == CTF_ERR || ctf_type_kind(fp, r) != CTF_K_POINTER)
		return 1;
	size = ctf_type_size(fp, dt_type_complete(cg->cg_pcb->pcb_hdl,
			     ctf_type_reference(fp, r)));
	return size > 0 ? size : 1;
}

/*
 * Load a value of type t from the address in register r plus off, into r;
 * a by-reference value is its address.
 */
static void dt_cg_loadval(dt_cg_t *cg, const dt_node_t *dnp, int r,
			  int32_t off, long t)
{
	static const uint8_t sops[9] = { [1] = DIF_OP_LDSB, [2] = DIF_OP_LDSH,
		[4] = DIF_OP_LDSW, [8] = DIF_OP_LDX };
	static const uint8_t uops[9] = { [1] = DIF_OP_LDUB, [2] = DIF_OP_LDUH,
		[4] = DIF_OP_LDUW, [8] = DIF_OP_LDX };
	ctf_dict_t *fp = dt_cg_fp(cg);
	ctf_id_t rt = dt_cg_resolve(cg, t);
	ctf_encoding_t e = { 0, 0, 0 };
	ssize_t size;
	int sgn = 0;

	if (rt == CTF_ERR)
		dt_node_error(cg->cg_pcb, dnp, D_TYPE_ERR, "cannot load a value "
			      "of unknown type");
	if (dt_cg_isref(cg, t)) {
		if (off)
			dif_emit(cg->cg_b, DIF_OP_ADDI, (unsigned)r, (unsigned)r,
				 0, off);
		return;
	}
	size = ctf_type_size(fp, rt);
	/*
	 * A slice (bit-field) says so in its own encoding, not its base's;
	 * libctf reports a slice of a typedef ("u8 x:1") as a typedef, which
	 * ctf_type_resolve does not look through, so ask for the encoding
	 * whatever the kind.
	 */
	if (ctf_type_encoding(fp, (ctf_id_t)t, &e) == 0 ||
	    ctf_type_encoding(fp, rt, &e) == 0)
		sgn = ctf_type_kind(fp, rt) == CTF_K_ENUM ||
		      (e.cte_format & CTF_INT_SIGNED);
	if (e.cte_bits && (e.cte_offset || e.cte_bits != (unsigned)size * 8)) {
		/* A bit-field: load the bytes it spans, shift it out. */
		unsigned need = (e.cte_offset + e.cte_bits + 7) / 8;
		unsigned w = need <= 1 ? 1 : need <= 2 ? 2 : need <= 4 ? 4 : 8;

		dif_emit(cg->cg_b, uops[w], (unsigned)r, (unsigned)r, 0, off);
		dif_emit(cg->cg_b, DIF_OP_SLLI, (unsigned)r, (unsigned)r, 0,
			 (int32_t)(64 - e.cte_offset - e.cte_bits));
		dif_emit(cg->cg_b, sgn ? DIF_OP_SRAI : DIF_OP_SRLI, (unsigned)r,
			 (unsigned)r, 0, (int32_t)(64 - e.cte_bits));
		return;
	}
	if (size != 1 && size != 2 && size != 4 && size != 8)
		dt_node_error(cg->cg_pcb, dnp, D_TYPE_ERR, "cannot load a value "
			      "of %zd bytes", size);
	dif_emit(cg->cg_b, sgn ? sops[size] : uops[size], (unsigned)r,
		 (unsigned)r, 0, off);
}

static int dt_cg_addr(dt_cg_t *cg, dt_node_t *dnp, int32_t *offp);
static int dt_cg_member_scope(const dt_node_t *dnp);
static int dt_cg_isvarlv(dt_cg_t *cg, const dt_node_t *dnp);

/*
 * The address of a kernel variable (dt_sema.c): a constant, or for a
 * per-CPU one this CPU's copy, __per_cpu_offset[cpu] + its offset (probe
 * context runs with interrupts off: the CPU cannot change under it).
 */
static int dt_cg_ksymaddr(dt_cg_t *cg, const dt_node_t *dnp)
{
	struct dif_builder *b = cg->cg_b;
	int r = dt_cg_reg(cg, dnp), s;
	uint64_t base;
	char type;

	if (!(dnp->dn_flags & DT_NF_PERCPU)) {
		dif_emit_const(b, (unsigned)r, (int64_t)dnp->dn_value);
		return r;
	}
	if (dt_ksym_byname(dt_ksym_kernel(), "vmlinux", "__per_cpu_offset",
			   &base, &type) != 0 || base == 0)
		dt_node_error(cg->cg_pcb, dnp, D_SYM_NOTYPES, "cannot read "
			      "per-CPU variable %s: /proc/kallsyms has no "
			      "__per_cpu_offset", dnp->dn_string);
	s = dt_cg_reg(cg, dnp);
	dif_emit(b, DIF_OP_LDB, (unsigned)r, 0, 0, DIF_BV_CPU);
	dif_emit(b, DIF_OP_SLLI, (unsigned)r, (unsigned)r, 0, 3);
	dif_emit_const(b, (unsigned)s, (int64_t)base);
	dif_emit(b, DIF_OP_ADD, (unsigned)r, (unsigned)r, (unsigned)s, 0);
	dif_emit(b, DIF_OP_LDX, (unsigned)r, (unsigned)r, 0, 0);
	dif_emit_const(b, (unsigned)s, (int64_t)dnp->dn_value);
	dif_emit(b, DIF_OP_ADD, (unsigned)r, (unsigned)r, (unsigned)s, 0);
	dt_cg_rfree(cg, s);
	return r;
}

/*
 * The address of a struct, union or array valued expression, as a base
 * register and a constant offset: "a.b.c" is one register and one sum.
 */
static int dt_cg_refaddr(dt_cg_t *cg, dt_node_t *dnp, int32_t *offp)
{
	if (dnp != cg->cg_subst && !dt_cg_isvarlv(cg, dnp) &&
	    ((dnp->dn_kind == DT_NODE_OP2 && (dnp->dn_op == DT_TOK_PTR ||
	      dnp->dn_op == DT_TOK_DOT || dnp->dn_op == DT_OP_INDEX)) ||
	     (dnp->dn_kind == DT_NODE_OP1 && dnp->dn_op == DT_OP_DEREF)) &&
	    dt_cg_member_scope(dnp) < 0 && dt_cg_isref(cg, dnp->dn_type))
		return dt_cg_addr(cg, dnp, offp);
	*offp = 0;
	return dt_cg_expr(cg, dnp);
}

/*
 * The address of an object in memory: p->m, s.m, *p, p[i], a[i], as a
 * register and a constant offset the load adds.  The member operators
 * carry the member's bit offset in dn_value.
 */
static int dt_cg_addr(dt_cg_t *cg, dt_node_t *dnp, int32_t *offp)
{
	struct dif_builder *b = cg->cg_b;
	int32_t off = 0;
	int r, i;

	*offp = 0;
	if (dnp->dn_kind == DT_NODE_OP1 && dnp->dn_op == DT_OP_DEREF)
		return dt_cg_expr(cg, dnp->dn_left);
	if (dnp->dn_kind == DT_NODE_IDENT && (dnp->dn_flags & DT_NF_KSYM))
		return dt_cg_ksymaddr(cg, dnp);
	if (dnp->dn_kind != DT_NODE_OP2)
		dt_node_error(cg->cg_pcb, dnp, D_ADDROF_LVAL, "cannot take "
			      "address of this expression");
	switch (dnp->dn_op) {
	case DT_TOK_PTR:
		r = dt_cg_expr(cg, dnp->dn_left);
		*offp = (int32_t)(dnp->dn_value / 8);
		return r;
	case DT_TOK_DOT:
		r = dt_cg_refaddr(cg, dnp->dn_left, &off);
		*offp = off + (int32_t)(dnp->dn_value / 8);
		return r;
	case DT_OP_INDEX:
		r = dt_cg_refaddr(cg, dnp->dn_left, &off);
		i = dt_cg_expr(cg, dnp->dn_right);
		{
			ctf_dict_t *fp = dt_cg_fp(cg);
			ssize_t size = ctf_type_size(fp, dt_cg_resolve(cg,
						     dnp->dn_type));

			if (size > 1)
				dif_emit(b, DIF_OP_MULI, (unsigned)i,
					 (unsigned)i, 0, (int32_t)size);
		}
		dif_emit(b, DIF_OP_ADD, (unsigned)r, (unsigned)r, (unsigned)i, 0);
		dt_cg_rfree(cg, i);
		*offp = off;
		return r;
	}
	dt_node_error(cg->cg_pcb, dnp, D_ADDROF_LVAL, "cannot take address of "
		      "this expression");
}

/* A variable holding a pointer or C array, indexed like C. */
static int dt_cg_isptrish(dt_cg_t *cg, const dt_node_t *dnp)
{
	ctf_id_t r = dt_cg_resolve(cg, dnp->dn_type);
	int k = r == CTF_ERR ? -1 : ctf_type_kind(dt_cg_fp(cg), r);

	return k == CTF_K_POINTER || k == CTF_K_ARRAY;
}

/* An array (indexed in place), not a pointer. */
static int dt_cg_isarray(dt_cg_t *cg, const dt_node_t *dnp)
{
	ctf_id_t r = dt_cg_resolve(cg, dnp->dn_type);

	return r != CTF_ERR && ctf_type_kind(dt_cg_fp(cg), r) == CTF_K_ARRAY;
}

/* Read an object in memory: its address, then a load unless by-ref. */
static int dt_cg_memval(dt_cg_t *cg, dt_node_t *dnp)
{
	int r;

	int32_t off;

	if (!dnp->dn_type)
		dt_cg_notypes(cg, dnp, "this expression");
	r = dt_cg_addr(cg, dnp, &off);
	dt_cg_loadval(cg, dnp, r, off, dnp->dn_type);
	return r;
}

/* self->x or this->x: the variable node's scope, or -1. */
static int dt_cg_member_scope(const dt_node_t *dnp)
{
	if (dnp->dn_kind != DT_NODE_OP2 || dnp->dn_op != DT_TOK_PTR ||
	    dnp->dn_left->dn_kind != DT_NODE_IDENT)
		return -1;
	if (strcmp(dnp->dn_left->dn_string, "self") == 0)
		return DIF_SCOPE_THREAD;
	if (strcmp(dnp->dn_left->dn_string, "this") == 0)
		return DIF_SCOPE_LOCAL;
	return -1;
}

/*
 * Push the keys of an array reference (or a subroutine's arguments, args
 * set) onto the tuple stack.  Every key is evaluated into a register
 * first, then all are pushed, because a key may itself call a subroutine,
 * which uses the tuple stack.  A string key is copied (pushts: the key is
 * stored); a string argument is passed by reference, as DTrace's pushtv
 * of a string: the subroutine reads it with safe loads, and scratch is
 * not spent on a copy.
 */
static void dt_cg_pushkeys(dt_cg_t *cg, dt_node_t *keys, int args)
{
	int regs[DIF_TUPLE_MAX], n = 0, i;
	dt_node_t *k;

	for (k = keys; k; k = k->dn_next) {
		if (n == DIF_TUPLE_MAX)
			dt_node_error(cg->cg_pcb, k, D_PROTO_LEN, "too many "
				      "keys: at most %d", DIF_TUPLE_MAX);
		regs[n++] = dt_cg_expr(cg, k);
	}
	for (k = keys, i = 0; k; k = k->dn_next, i++) {
		dif_emit(cg->cg_b, k->dn_vkind == DT_VK_STRING && !args ?
			 DIF_OP_PUSHTS : DIF_OP_PUSHTV, 0, (unsigned)regs[i], 0, 0);
		dt_cg_rfree(cg, regs[i]);
	}
}

/*
 * The variable an lvalue names: identifier, self->x, this->x, a[k].
 * vkind and type are those of the value stored or loaded.
 */
static dt_cgvar_t *dt_cg_lvar(dt_cg_t *cg, dt_node_t *lhs, dt_node_t **keysp,
			      int vkind, long type)
{
	dt_node_t *base = lhs;
	int scope, kind = DIF_VKIND_SCALAR;

	*keysp = NULL;
	if (lhs->dn_kind == DT_NODE_OP2 && lhs->dn_op == DT_OP_INDEX) {
		base = lhs->dn_left;
		*keysp = lhs->dn_right;
		kind = DIF_VKIND_ARRAY;
	}
	if (base->dn_kind == DT_NODE_IDENT)
		return dt_cg_var(cg, lhs, base->dn_string, DIF_SCOPE_GLOBAL,
				 kind, vkind, type);
	scope = dt_cg_member_scope(base);
	if (scope < 0)
		dt_node_error(cg->cg_pcb, lhs, D_TYPE_ERR, "internal error: "
			      "not a variable");
	return dt_cg_var(cg, lhs, base->dn_right->dn_string, scope, kind,
			 vkind, type);
}

/*
 * Does an lvalue name a D variable as a whole (x, self->x, this->x, an
 * associative array's a[k]), rather than memory (a member of one, an
 * element of "int a[5]", what a pointer points to)?
 */
static int dt_cg_isvarlv(dt_cg_t *cg, const dt_node_t *dnp)
{
	const dt_node_t *l = dnp->dn_left;

	if (dnp->dn_kind == DT_NODE_IDENT)
		return 1;
	if (dt_cg_member_scope(dnp) >= 0)
		return 1;
	if (dnp->dn_kind != DT_NODE_OP2 || dnp->dn_op != DT_OP_INDEX)
		return 0;
	if (dnp->dn_flags & DT_NF_ASSOC)
		return 1;
	return (l->dn_kind == DT_NODE_IDENT &&
		!dif_bvinfo[dt_cg_bvar(l->dn_string)].bi_array &&
		!dt_cg_isptrish(cg, l)) ||
	       (dt_cg_member_scope(l) >= 0 && !dt_cg_isptrish(cg, l));
}

static const uint8_t dt_cg_ldop[3][2] = {	/* [scope][kind] */
	[DIF_SCOPE_GLOBAL] = { DIF_OP_LDGS, DIF_OP_LDGA },
	[DIF_SCOPE_THREAD] = { DIF_OP_LDTS, DIF_OP_LDTA },
	[DIF_SCOPE_LOCAL] = { DIF_OP_LDLS, 0 },
};
static const uint8_t dt_cg_stop[3][2] = {
	[DIF_SCOPE_GLOBAL] = { DIF_OP_STGS, DIF_OP_STGA },
	[DIF_SCOPE_THREAD] = { DIF_OP_STTS, DIF_OP_STTA },
	[DIF_SCOPE_LOCAL] = { DIF_OP_STLS, 0 },
};

static int dt_cg_load(dt_cg_t *cg, dt_cgvar_t *cv, dt_node_t *keys,
		      const dt_node_t *dnp)
{
	int r;

	if (keys)
		dt_cg_pushkeys(cg, keys, 0);
	r = dt_cg_reg(cg, dnp);
	dt_cg_declare(cg, cv, DIF_VF_REF);
	dif_emit(cg->cg_b, dt_cg_ldop[cv->cv_scope][cv->cv_kind], (unsigned)r,
		 0, 0, (int32_t)cv->cv_id);
	return r;
}

static void dt_cg_store(dt_cg_t *cg, dt_cgvar_t *cv, dt_node_t *keys, int r)
{
	if (keys)
		dt_cg_pushkeys(cg, keys, 0);
	dt_cg_declare(cg, cv, DIF_VF_MOD);
	dif_emit(cg->cg_b, dt_cg_stop[cv->cv_scope][cv->cv_kind], 0,
		 (unsigned)r, 0, (int32_t)cv->cv_id);
}

static int dt_cg_binop(int op, int uns)
{
	switch (op) {
	case DT_TOK_ADD: case DT_TOK_ADD_EQ: return DIF_OP_ADD;
	case DT_TOK_SUB: case DT_TOK_SUB_EQ: return DIF_OP_SUB;
	case DT_TOK_MUL: case DT_TOK_MUL_EQ: return DIF_OP_MUL;
	case DT_TOK_DIV: case DT_TOK_DIV_EQ:
		return uns ? DIF_OP_UDIV : DIF_OP_SDIV;
	case DT_TOK_MOD: case DT_TOK_MOD_EQ:
		return uns ? DIF_OP_UREM : DIF_OP_SREM;
	case DT_TOK_BAND: case DT_TOK_AND_EQ: return DIF_OP_AND;
	case DT_TOK_BOR: case DT_TOK_OR_EQ: return DIF_OP_OR;
	case DT_TOK_XOR: case DT_TOK_XOR_EQ: return DIF_OP_XOR;
	case DT_TOK_LSH: case DT_TOK_LSH_EQ: return DIF_OP_SLL;
	case DT_TOK_RSH: case DT_TOK_RSH_EQ:
		return uns ? DIF_OP_SRL : DIF_OP_SRA;
	}
	return 0;
}

static int dt_cg_unsigned(const dt_node_t *a, const dt_node_t *b)
{
	return (a->dn_kind == DT_NODE_INT && (a->dn_flags & DT_NF_UNSIGNED)) ||
	       (b && b->dn_kind == DT_NODE_INT &&
		(b->dn_flags & DT_NF_UNSIGNED));
}

/* Comparisons: set-on-compare, with strings compared by scmp first. */
static int dt_cg_compare(dt_cg_t *cg, dt_node_t *dnp)
{
	dt_node_t *l = dnp->dn_left, *r = dnp->dn_right;
	int a = dt_cg_expr(cg, l), b = dt_cg_expr(cg, r);
	int uns = dt_cg_unsigned(l, r), swap = 0, op = 0;

	if (l->dn_vkind == DT_VK_STRING || r->dn_vkind == DT_VK_STRING) {
		dif_emit(cg->cg_b, DIF_OP_SCMP, (unsigned)a, (unsigned)a,
			 (unsigned)b, 0);
		dt_cg_rfree(cg, b);
		b = 0;		/* compare the scmp result with %r0 */
		uns = 0;
	}
	switch (dnp->dn_op) {
	case DT_TOK_EQU: op = DIF_OP_SEQ; break;
	case DT_TOK_NEQ: op = DIF_OP_SNE; break;
	case DT_TOK_LT: op = uns ? DIF_OP_SLTU : DIF_OP_SLT; break;
	case DT_TOK_LE: op = uns ? DIF_OP_SLEU : DIF_OP_SLE; break;
	case DT_TOK_GT: op = uns ? DIF_OP_SLTU : DIF_OP_SLT; swap = 1; break;
	case DT_TOK_GE: op = uns ? DIF_OP_SLEU : DIF_OP_SLE; swap = 1; break;
	}
	if (swap)
		dif_emit(cg->cg_b, (unsigned)op, (unsigned)a, (unsigned)b,
			 (unsigned)a, 0);
	else
		dif_emit(cg->cg_b, (unsigned)op, (unsigned)a, (unsigned)a,
			 (unsigned)b, 0);
	dt_cg_rfree(cg, b);
	return a;
}

/* &&, || and ^^ yield 0 or 1; && and || skip their right operand. */
static int dt_cg_logical(dt_cg_t *cg, dt_node_t *dnp)
{
	struct dif_builder *b = cg->cg_b;
	int a = dt_cg_expr(cg, dnp->dn_left), c;
	dif_label_t done;

	dif_emit(b, DIF_OP_SNE, (unsigned)a, (unsigned)a, 0, 0);
	if (dnp->dn_op == DT_TOK_LXOR) {
		c = dt_cg_expr(cg, dnp->dn_right);
		dif_emit(b, DIF_OP_SNE, (unsigned)c, (unsigned)c, 0, 0);
		dif_emit(b, DIF_OP_XOR, (unsigned)a, (unsigned)a, (unsigned)c, 0);
		dt_cg_rfree(cg, c);
		return a;
	}
	done = dif_label_new(b);
	dif_emit_branch(b, dnp->dn_op == DT_TOK_LAND ? DIF_OP_BZ : DIF_OP_BNZ,
			(unsigned)a, 0, done);
	c = dt_cg_expr(cg, dnp->dn_right);
	dif_emit(b, DIF_OP_SNE, (unsigned)a, (unsigned)c, 0, 0);
	dt_cg_rfree(cg, c);
	dif_label_place(b, done);
	return a;
}

static int dt_cg_ternary(dt_cg_t *cg, dt_node_t *dnp)
{
	struct dif_builder *b = cg->cg_b;
	dif_label_t other = dif_label_new(b), done = dif_label_new(b);
	int c = dt_cg_expr(cg, dnp->dn_left), r = dt_cg_reg(cg, dnp), v;

	dif_emit_branch(b, DIF_OP_BZ, (unsigned)c, 0, other);
	dt_cg_rfree(cg, c);
	v = dt_cg_expr(cg, dnp->dn_right);
	dif_emit(b, DIF_OP_MOV, (unsigned)r, (unsigned)v, 0, 0);
	dt_cg_rfree(cg, v);
	dif_emit_branch(b, DIF_OP_BA, 0, 0, done);
	dif_label_place(b, other);
	v = dt_cg_expr(cg, dnp->dn_third);
	dif_emit(b, DIF_OP_MOV, (unsigned)r, (unsigned)v, 0, 0);
	dt_cg_rfree(cg, v);
	dif_label_place(b, done);
	return r;
}

/*
 * Store register v as a value of type t at the address in register a
 * plus off, inside scratch: a struct or union is copied (v is its
 * address), a bit-field is merged into the bytes it spans, an integer or
 * pointer is stored with its width -- a byte at a time where the offset
 * is not aligned to it (a packed struct), as scratch stores must be.
 */
static void dt_cg_stval(dt_cg_t *cg, const dt_node_t *dnp, int a,
			int32_t off, int v, long t)
{
	static const uint8_t stops[9] = { [1] = DIF_OP_STB, [2] = DIF_OP_STH,
		[4] = DIF_OP_STW, [8] = DIF_OP_STX };
	struct dif_builder *b = cg->cg_b;
	ctf_dict_t *fp = dt_cg_fp(cg);
	ctf_id_t rt = dt_cg_resolve(cg, t);
	ctf_encoding_t e = { 0, 0, 0 };
	ssize_t size = rt == CTF_ERR ? -1 : ctf_type_size(fp, rt);
	unsigned need, j;
	int o, m, x;

	if (size <= 0)
		dt_node_error(cg->cg_pcb, dnp, D_TYPE_ERR, "cannot store a value "
			      "of unknown type");
	if (dt_cg_isref(cg, t)) {
		if (dt_type_is_string(cg->cg_pcb->pcb_hdl, t))
			dt_node_error(cg->cg_pcb, dnp, D_TYPE_ERR, "storing a "
				      "string into a member is not supported "
				      "yet");
		if (off)
			dif_emit(b, DIF_OP_ADDI, (unsigned)a, (unsigned)a, 0, off);
		dif_emit(b, DIF_OP_COPYS, 0, (unsigned)a, (unsigned)v,
			 (int32_t)size);
		return;
	}
	if (ctf_type_encoding(fp, (ctf_id_t)t, &e) != 0)
		ctf_type_encoding(fp, rt, &e);
	if (!(e.cte_bits && (e.cte_offset || e.cte_bits != (unsigned)size * 8)) &&
	    (size == 1 || size == 2 || size == 4 || size == 8) &&
	    off % size == 0) {
		dif_emit(b, stops[size], 0, (unsigned)a, (unsigned)v, off);
		return;
	}
	/*
	 * A bit-field or an unaligned member: the bytes it spans, read into
	 * o (little-endian), merged, written back one by one.
	 */
	need = e.cte_bits && (e.cte_offset || e.cte_bits != (unsigned)size * 8) ?
	       (e.cte_offset + e.cte_bits + 7) / 8 : (unsigned)size;
	if (need > 8)
		dt_node_error(cg->cg_pcb, dnp, D_TYPE_ERR, "cannot store a "
			      "bit-field spanning %u bytes", need);
	o = dt_cg_reg(cg, dnp);
	x = dt_cg_reg(cg, dnp);
	m = dt_cg_reg(cg, dnp);
	if (need == (unsigned)size && !(e.cte_bits && e.cte_bits !=
					(unsigned)size * 8)) {
		dif_emit(b, DIF_OP_MOV, (unsigned)o, (unsigned)v, 0, 0);
	} else {
		uint64_t mask = (e.cte_bits >= 64 ? ~0ULL :
				 (1ULL << e.cte_bits) - 1) << e.cte_offset;

		dif_emit(b, DIF_OP_MOV, (unsigned)o, 0, 0, 0);
		for (j = need; j-- > 0;) {
			dif_emit(b, DIF_OP_LDUB, (unsigned)x, (unsigned)a, 0,
				 off + (int32_t)j);
			dif_emit(b, DIF_OP_SLLI, (unsigned)o, (unsigned)o, 0, 8);
			dif_emit(b, DIF_OP_OR, (unsigned)o, (unsigned)o,
				 (unsigned)x, 0);
		}
		dif_emit_const(b, (unsigned)m, (int64_t)mask);
		dif_emit(b, DIF_OP_SLLI, (unsigned)x, (unsigned)v, 0,
			 (int32_t)e.cte_offset);
		dif_emit(b, DIF_OP_AND, (unsigned)x, (unsigned)x, (unsigned)m, 0);
		dif_emit(b, DIF_OP_NOT, (unsigned)m, (unsigned)m, 0, 0);
		dif_emit(b, DIF_OP_AND, (unsigned)o, (unsigned)o, (unsigned)m, 0);
		dif_emit(b, DIF_OP_OR, (unsigned)o, (unsigned)o, (unsigned)x, 0);
	}
	for (j = 0; j < need; j++) {
		dif_emit(b, DIF_OP_STB, 0, (unsigned)a, (unsigned)o,
			 off + (int32_t)j);
		if (j + 1 < need)
			dif_emit(b, DIF_OP_SRLI, (unsigned)o, (unsigned)o, 0, 8);
	}
	dt_cg_rfree(cg, m);
	dt_cg_rfree(cg, x);
	dt_cg_rfree(cg, o);
}

/*
 * A store into a member or element of a D variable held by value:
 * x.m = v, self->s.a[i] = v, a[k].m += v, x.m++, "int a[5]"'s a[i] = v.
 * DIF stores only into scratch, so the variable is copied there (zeroes
 * for a dynamic variable that does not exist yet), changed, and stored
 * back whole:
 *
 *   p = ld?s x           the variable's storage, or 0
 *   s = alloc size       zeroed scratch
 *   bz p, 1f; copys s, p, size
 *   1: st? [s + off], v  the member, found as if x were at s
 *   st?s x, s            copy back
 *
 * An lvalue reached through a pointer (*p = v, p->m = v, this->p[i] = v
 * after this->p = alloca(n)) is stored in place, without the copy: the
 * module lets a clause store only into its scratch, where alloca()'s
 * memory is.  dnp is the assignment (rhs its right-hand side) or the
 * ++/--.
 */
static int dt_cg_memstore(dt_cg_t *cg, dt_node_t *dnp, dt_node_t *rhs)
{
	struct dif_builder *b = cg->cg_b;
	dt_node_t *lhs = dnp->dn_left, *root = lhs, *keys;
	const dt_node_t *osubst = cg->cg_subst;
	int osreg = cg->cg_substreg;
	dt_cgvar_t *cv = NULL;
	dif_label_t skip;
	int v = 0, p, sc = 0, a, old = 0, ret, invar;
	int32_t off;

	while ((root->dn_kind == DT_NODE_OP2 && root->dn_op == DT_TOK_DOT) ||
	       (root->dn_kind == DT_NODE_OP2 && root->dn_op == DT_OP_INDEX &&
		!dt_cg_isvarlv(cg, root) && dt_cg_isarray(cg, root->dn_left)))
		root = root->dn_left;
	invar = root != lhs && dt_cg_isvarlv(cg, root) &&
		dt_cg_isref(cg, root->dn_type);
	if (!invar && !lhs->dn_type)
		dt_cg_notypes(cg, lhs, "storing through a pointer or member");
	if (rhs)
		v = dt_cg_expr(cg, rhs);
	if (invar) {
		cv = dt_cg_lvar(cg, root, &keys, root->dn_vkind,
				root->dn_type);
		p = dt_cg_load(cg, cv, keys, root);
		sc = dt_cg_reg(cg, root);
		dif_emit_const(b, (unsigned)sc, cv->cv_size);
		dif_emit(b, DIF_OP_ALLOC, (unsigned)sc, (unsigned)sc, 0, 0);
		skip = dif_label_new(b);
		dif_emit_branch(b, DIF_OP_BZ, (unsigned)p, 0, skip);
		dif_emit(b, DIF_OP_COPYS, 0, (unsigned)sc, (unsigned)p,
			 (int32_t)cv->cv_size);
		dif_label_place(b, skip);
		dt_cg_rfree(cg, p);
		cg->cg_subst = root;
		cg->cg_substreg = sc;
	}
	a = dt_cg_addr(cg, lhs, &off);
	cg->cg_subst = osubst;
	cg->cg_substreg = osreg;

	if (!rhs || dnp->dn_op != DT_TOK_ASGN) {
		/* x.m op= v, x.m++: the member's value first. */
		old = dt_cg_reg(cg, dnp);
		dif_emit(b, DIF_OP_MOV, (unsigned)old, (unsigned)a, 0, 0);
		dt_cg_loadval(cg, lhs, old, off, lhs->dn_type);
		if (rhs) {
			dif_emit(b, (unsigned)dt_cg_binop(dnp->dn_op,
				 dt_cg_unsigned(rhs, NULL)), (unsigned)v,
				 (unsigned)old, (unsigned)v, 0);
		} else {
			v = dt_cg_reg(cg, dnp);
			dif_emit(b, DIF_OP_ADDI, (unsigned)v, (unsigned)old, 0,
				 dnp->dn_op == DT_OP_PREINC ||
				 dnp->dn_op == DT_OP_POSTINC ? 1 : -1);
		}
	}
	dt_cg_stval(cg, lhs, a, off, v, lhs->dn_type);
	dt_cg_rfree(cg, a);
	if (invar) {
		dt_cg_store(cg, cv, keys, sc);
		dt_cg_rfree(cg, sc);
	}
	ret = !rhs && (dnp->dn_op == DT_OP_POSTINC ||
		       dnp->dn_op == DT_OP_POSTDEC) ? old : v;
	dt_cg_rfree(cg, ret == old ? v : old);
	return ret;
}

/* x = e, x op= e: the stored value is the expression's value. */
static int dt_cg_assign(dt_cg_t *cg, dt_node_t *dnp)
{
	dt_node_t *keys;
	dt_cgvar_t *cv;
	int v;

	if (!dt_cg_isvarlv(cg, dnp->dn_left))
		return dt_cg_memstore(cg, dnp, dnp->dn_right);
	v = dt_cg_expr(cg, dnp->dn_right);
	cv = dt_cg_lvar(cg, dnp->dn_left, &keys, dnp->dn_right->dn_vkind,
			dnp->dn_right->dn_type);
	if (dnp->dn_op != DT_TOK_ASGN) {
		int old = dt_cg_load(cg, cv, keys, dnp);

		dif_emit(cg->cg_b, (unsigned)dt_cg_binop(dnp->dn_op,
			 dt_cg_unsigned(dnp->dn_right, NULL)), (unsigned)v,
			 (unsigned)old, (unsigned)v, 0);
		dt_cg_rfree(cg, old);
	}
	dt_cg_store(cg, cv, keys, v);
	return v;
}

/* ++x, x++, --x, x--. */
static int dt_cg_incdec(dt_cg_t *cg, dt_node_t *dnp)
{
	dt_node_t *keys;
	dt_cgvar_t *cv;
	int old, r;
	int delta = (dnp->dn_op == DT_OP_PREINC ||
		     dnp->dn_op == DT_OP_POSTINC) ? 1 : -1;

	if (!dt_cg_isvarlv(cg, dnp->dn_left))
		return dt_cg_memstore(cg, dnp, NULL);
	cv = dt_cg_lvar(cg, dnp->dn_left, &keys, DT_VK_INT, 0);
	old = dt_cg_load(cg, cv, keys, dnp);
	r = dt_cg_reg(cg, dnp);

	dif_emit(cg->cg_b, DIF_OP_ADDI, (unsigned)r, (unsigned)old, 0, delta);
	dt_cg_store(cg, cv, keys, r);
	if (dnp->dn_op == DT_OP_POSTINC || dnp->dn_op == DT_OP_POSTDEC) {
		dt_cg_rfree(cg, r);
		return old;
	}
	dt_cg_rfree(cg, old);
	return r;
}

/* A subroutine call: arguments into registers, pushed, then call. */
static int dt_cg_call(dt_cg_t *cg, dt_node_t *dnp)
{
	const char *name = dnp->dn_left->dn_string;
	int subr = dt_cg_subr(name), r;

	if (!subr)
		dt_node_error(cg->cg_pcb, dnp, D_FUNC_UNDEF, "%s( ) is not "
			      "available on this system", name);
	if (dnp->dn_args)
		dt_cg_pushkeys(cg, dnp->dn_args, 1);
	r = dt_cg_reg(cg, dnp);
	dif_emit(cg->cg_b, DIF_OP_CALL, (unsigned)r, 0, 0, subr);
	return r;
}

/* Casts to narrower integer types truncate and extend; others keep the
 * bits (pointers, 64-bit integers). */
static int dt_cg_cast(dt_cg_t *cg, dt_node_t *dnp)
{
	ctf_dict_t *fp = dt_cg_fp(cg);
	ctf_id_t t = dt_cg_resolve(cg, dnp->dn_type);
	int r = dt_cg_expr(cg, dnp->dn_right);
	ctf_encoding_t e;
	int bits;

	if (t == CTF_ERR)
		dt_cg_notypes(cg, dnp, "a cast to this type");
	if ((ctf_type_kind(fp, t) != CTF_K_INTEGER &&
	     ctf_type_kind(fp, t) != CTF_K_ENUM) ||
	    ctf_type_encoding(fp, t, &e) != 0)
		return r;
	bits = (int)ctf_type_size(fp, t) * 8;
	if (bits > 0 && bits < 64) {
		dif_emit(cg->cg_b, DIF_OP_SLLI, (unsigned)r, (unsigned)r, 0,
			 64 - bits);
		dif_emit(cg->cg_b, (e.cte_format & CTF_INT_SIGNED) ?
			 DIF_OP_SRAI : DIF_OP_SRLI, (unsigned)r, (unsigned)r, 0,
			 64 - bits);
	}
	return r;
}

/*
 * A typed args[N] narrower than 64 bits: the raw argument's upper bits
 * may be garbage (a 32-bit argument in a 64-bit register), so sign- or
 * zero-extend it from its own width, as DTrace does.
 */
static void dt_cg_argext(dt_cg_t *cg, const dt_node_t *dnp, int r)
{
	ctf_dict_t *fp = dt_cg_fp(cg);
	ctf_id_t t = dt_cg_resolve(cg, dnp->dn_type);
	ctf_encoding_t e;
	int bits;

	if (t == CTF_ERR || (ctf_type_kind(fp, t) != CTF_K_INTEGER &&
			     ctf_type_kind(fp, t) != CTF_K_ENUM) ||
	    ctf_type_encoding(fp, t, &e) != 0)
		return;
	bits = (int)ctf_type_size(fp, t) * 8;
	if (bits > 0 && bits < 64) {
		dif_emit(cg->cg_b, DIF_OP_SLLI, (unsigned)r, (unsigned)r, 0,
			 64 - bits);
		dif_emit(cg->cg_b, (e.cte_format & CTF_INT_SIGNED) ?
			 DIF_OP_SRAI : DIF_OP_SRLI, (unsigned)r, (unsigned)r, 0,
			 64 - bits);
	}
}

/*
 * xlate<T *>(e)->m: the translator's expression for m, inlined with its
 * input parameter bound to e's value.
 */
static int dt_cg_xlmember(dt_cg_t *cg, dt_node_t *dnp)
{
	int in, r;

	if (cg->cg_nxl == DT_CG_MAXGUARDS)
		dt_node_error(cg->cg_pcb, dnp, D_XLATE_NONE, "translations "
			      "nested too deeply");
	in = dt_cg_expr(cg, dnp->dn_left->dn_right);
	cg->cg_xlregs[cg->cg_nxl++] = in;
	r = dt_cg_expr(cg, dnp->dn_aux);
	cg->cg_nxl--;
	dt_cg_rfree(cg, in);
	return r;
}

static int dt_cg_expr(dt_cg_t *cg, dt_node_t *dnp)
{
	struct dif_builder *b = cg->cg_b;
	dt_node_t *keys;
	int r, s, scope;

	if (dnp == cg->cg_subst) {
		r = dt_cg_reg(cg, dnp);
		dif_emit(b, DIF_OP_MOV, (unsigned)r, (unsigned)cg->cg_substreg,
			 0, 0);
		return r;
	}
	switch (dnp->dn_kind) {
	case DT_NODE_INT:
		r = dt_cg_reg(cg, dnp);
		dif_emit_const(b, (unsigned)r, (int64_t)dnp->dn_value);
		return r;
	case DT_NODE_STRING:
		r = dt_cg_reg(cg, dnp);
		dif_emit_string(b, (unsigned)r, dnp->dn_string);
		return r;
	case DT_NODE_IDENT: {
		int bv = dt_cg_bvar(dnp->dn_string);

		if (dnp->dn_flags & DT_NF_XLPARAM) {
			if (cg->cg_nxl == 0)
				dt_node_error(cg->cg_pcb, dnp, D_UNKNOWN,
					      "internal error: translator input "
					      "outside a translation");
			r = dt_cg_reg(cg, dnp);
			dif_emit(b, DIF_OP_MOV, (unsigned)r,
				 (unsigned)cg->cg_xlregs[cg->cg_nxl - 1], 0, 0);
			return r;
		}

		if (bv && !dif_bvinfo[bv].bi_array) {
			r = dt_cg_reg(cg, dnp);
			dif_emit(b, DIF_OP_LDB, (unsigned)r, 0, 0, bv);
			return r;
		}
		if (dnp->dn_flags & DT_NF_KSYM) {
			r = dt_cg_ksymaddr(cg, dnp);
			dt_cg_loadval(cg, dnp, r, 0, dnp->dn_type);
			return r;
		}
		if (strcmp(dnp->dn_string, "curpsinfo") == 0 ||
		    strcmp(dnp->dn_string, "curlwpsinfo") == 0)
			dt_cg_notypes(cg, dnp, dnp->dn_string);
		return dt_cg_load(cg, dt_cg_var(cg, dnp, dnp->dn_string,
				  DIF_SCOPE_GLOBAL, DIF_VKIND_SCALAR,
				  dnp->dn_vkind, dnp->dn_type), NULL, dnp);
	}
	case DT_NODE_FUNC:
		return dt_cg_call(cg, dnp);
	case DT_NODE_OP3:
		return dt_cg_ternary(cg, dnp);
	case DT_NODE_OP1:
		switch (dnp->dn_op) {
		case DT_OP_PREINC: case DT_OP_PREDEC:
		case DT_OP_POSTINC: case DT_OP_POSTDEC:
			return dt_cg_incdec(cg, dnp);
		case DT_TOK_STRINGOF:
		case DT_OP_IPOS:
			return dt_cg_expr(cg, dnp->dn_left);
		case DT_OP_INEG:
			r = dt_cg_expr(cg, dnp->dn_left);
			dif_emit(b, DIF_OP_SUB, (unsigned)r, 0, (unsigned)r, 0);
			return r;
		case DT_TOK_BNEG:
			r = dt_cg_expr(cg, dnp->dn_left);
			dif_emit(b, DIF_OP_NOT, (unsigned)r, (unsigned)r, 0, 0);
			return r;
		case DT_TOK_LNEG:
			r = dt_cg_expr(cg, dnp->dn_left);
			dif_emit(b, DIF_OP_SEQ, (unsigned)r, (unsigned)r, 0, 0);
			return r;
		case DT_OP_DEREF:
			return dt_cg_memval(cg, dnp);
		case DT_OP_ADDROF: {
			int32_t off;

			r = dt_cg_addr(cg, dnp->dn_left, &off);
			if (off)
				dif_emit(b, DIF_OP_ADDI, (unsigned)r, (unsigned)r,
					 0, off);
			return r;
		}
		}
		break;
	case DT_NODE_OP2:
		break;
	case DT_NODE_OFFSETOF:
		dt_cg_notypes(cg, dnp, "offsetof");
	case DT_NODE_XLATE:
		dt_cg_notypes(cg, dnp, "translating a whole struct (use a "
			      "member: xlate<T *>(e)->m)");
	default:
		break;
	}
	if (dnp->dn_kind != DT_NODE_OP2)
		dt_node_error(cg->cg_pcb, dnp, D_UNKNOWN, "internal error: no "
			      "code for node kind %d", dnp->dn_kind);

	switch (dnp->dn_op) {
	case DT_TOK_ASGN: case DT_TOK_ADD_EQ: case DT_TOK_SUB_EQ:
	case DT_TOK_MUL_EQ: case DT_TOK_DIV_EQ: case DT_TOK_MOD_EQ:
	case DT_TOK_AND_EQ: case DT_TOK_XOR_EQ: case DT_TOK_OR_EQ:
	case DT_TOK_LSH_EQ: case DT_TOK_RSH_EQ:
		return dt_cg_assign(cg, dnp);
	case DT_TOK_EQU: case DT_TOK_NEQ: case DT_TOK_LT: case DT_TOK_LE:
	case DT_TOK_GT: case DT_TOK_GE:
		return dt_cg_compare(cg, dnp);
	case DT_TOK_LAND: case DT_TOK_LOR: case DT_TOK_LXOR:
		return dt_cg_logical(cg, dnp);
	case DT_TOK_COMMA:
		dt_cg_rfree(cg, dt_cg_expr(cg, dnp->dn_left));
		return dt_cg_expr(cg, dnp->dn_right);
	case DT_OP_CAST:
		return dt_cg_cast(cg, dnp);
	case DT_OP_INDEX:
		if (dnp->dn_left->dn_kind == DT_NODE_IDENT) {
			const char *name = dnp->dn_left->dn_string;
			int bv = dt_cg_bvar(name);

			if (bv && dif_bvinfo[bv].bi_array) {
				r = dt_cg_expr(cg, dnp->dn_right);
				dif_emit(b, DIF_OP_LDBA, (unsigned)r,
					 (unsigned)r, 0, bv);
				if (bv == DIF_BV_ARGS && dnp->dn_type)
					dt_cg_argext(cg, dnp, r);
				return r;
			}
		}
		if (dt_cg_isvarlv(cg, dnp)) {
			dt_cgvar_t *cv = dt_cg_lvar(cg, dnp, &keys,
						    dnp->dn_vkind,
						    dnp->dn_type);

			return dt_cg_load(cg, cv, keys, dnp);
		}
		return dt_cg_memval(cg, dnp);
	case DT_TOK_PTR:
		if (dnp->dn_flags & DT_NF_XLMEMBER)
			return dt_cg_xlmember(cg, dnp);
		scope = dt_cg_member_scope(dnp);
		if (scope >= 0)
			return dt_cg_load(cg, dt_cg_var(cg, dnp,
					  dnp->dn_right->dn_string, scope,
					  DIF_VKIND_SCALAR, dnp->dn_vkind,
					  dnp->dn_type), NULL, dnp);
		return dt_cg_memval(cg, dnp);
	case DT_TOK_DOT:
		if (dnp->dn_flags & DT_NF_XLMEMBER)
			return dt_cg_xlmember(cg, dnp);
		return dt_cg_memval(cg, dnp);
	}

	r = dt_cg_expr(cg, dnp->dn_left);
	s = dt_cg_expr(cg, dnp->dn_right);
	if (dnp->dn_op == DT_TOK_ADD || dnp->dn_op == DT_TOK_SUB) {
		/* Pointer arithmetic counts in elements. */
		int lp = dnp->dn_left->dn_vkind == DT_VK_PTR;
		int rp = dnp->dn_right->dn_vkind == DT_VK_PTR;
		int64_t st = dt_cg_stride(cg, lp ? dnp->dn_left->dn_type :
					  dnp->dn_right->dn_type);

		if (lp != rp && st > 1)
			dif_emit(b, DIF_OP_MULI, (unsigned)(lp ? s : r),
				 (unsigned)(lp ? s : r), 0, (int32_t)st);
		if (lp && rp) {
			dif_emit(b, DIF_OP_SUB, (unsigned)r, (unsigned)r,
				 (unsigned)s, 0);
			if (st > 1)
				dif_emit(b, DIF_OP_SDIVI, (unsigned)r,
					 (unsigned)r, 0, (int32_t)st);
			dt_cg_rfree(cg, s);
			return r;
		}
	}
	dif_emit(b, (unsigned)dt_cg_binop(dnp->dn_op,
		 dt_cg_unsigned(dnp->dn_left, dnp->dn_right)), (unsigned)r,
		 (unsigned)r, (unsigned)s, 0);
	dt_cg_rfree(cg, s);
	return r;
}

/* A DIF object computing dnp. */
static int dt_cg_difo(dt_cg_t *cg, dt_node_t *dnp)
{
	int r;

	dt_cg_begin(cg);
	r = dt_cg_expr(cg, dnp);
	return dt_cg_end(cg, r, dnp->dn_vkind, dnp);
}

static void dt_cg_segment(dt_cg_t *cg);

/* Reserve a record of the current segment's payload. */
static int dt_cg_rec(dt_cg_t *cg, uint32_t size, uint32_t align,
		     uint16_t flags)
{
	dtrace_prog_t *pgp = cg->cg_pgp;
	dt_stmt_t *st;
	dt_rec_t *rp;
	int i;

	if (cg->cg_stmt < 0)
		dt_cg_segment(cg);
	st = &pgp->dp_stmts.v[cg->cg_stmt];
	i = dt_cg_add(cg, DT_VEC_ADD(pgp->dp_recs));
	rp = &pgp->dp_recs.v[i];

	rp->dr_offset = (st->ds_size + align - 1) & ~(align - 1);
	rp->dr_size = size;
	rp->dr_align = (uint16_t)align;
	rp->dr_flags = flags;
	st->ds_size = rp->dr_offset + size;
	if (align > st->ds_align)
		st->ds_align = align;
	return i;
}

/*
 * The record for a value: its C type's size (integers and pointers by
 * value, structs and arrays copied by reference, char arrays as strings),
 * strsize for D strings, 8 bytes when the type is not known.
 */
static int dt_cg_valrec(dt_cg_t *cg, const dt_node_t *dnp)
{
	ctf_dict_t *fp = dt_cg_fp(cg);
	ctf_id_t r = dt_cg_resolve(cg, dnp->dn_type);

	if (r != CTF_ERR && dnp->dn_kind != DT_NODE_STRING &&
	    !(dnp->dn_kind == DT_NODE_OP1 && dnp->dn_op == DT_TOK_STRINGOF)) {
		ssize_t size = ctf_type_size(fp, r);
		ctf_encoding_t e;
		char name[16];

		if (ctf_type_kind(fp, (ctf_id_t)dnp->dn_type) == CTF_K_TYPEDEF &&
		    ctf_type_name(fp, (ctf_id_t)dnp->dn_type, name,
				  sizeof(name)) && strcmp(name, "string") == 0)
			size = -1;	/* D's string: strsize below */
		if (size > 0 && dt_cg_isref(cg, dnp->dn_type))
			return dt_cg_rec(cg, (uint32_t)size, 1,
					 DTRACE_DOFREC_F_BYREF |
					 (dt_type_is_string(cg->cg_pcb->pcb_hdl,
							    dnp->dn_type) ?
					  DTRACE_DOFREC_F_STRING : 0));
		if (size == 1 || size == 2 || size == 4 || size == 8)
			return dt_cg_rec(cg, (uint32_t)size, (uint32_t)size,
					 (ctf_type_kind(fp, r) == CTF_K_INTEGER &&
					  ctf_type_encoding(fp, r, &e) == 0 &&
					  (e.cte_format & CTF_INT_SIGNED)) ?
					 DTRACE_DOFREC_F_SIGNED : 0);
	}
	if (dnp->dn_vkind == DT_VK_STRING)
		return dt_cg_rec(cg, cg->cg_strsize, 1, DTRACE_DOFREC_F_BYREF |
				 DTRACE_DOFREC_F_STRING);
	return dt_cg_rec(cg, 8, 8, DTRACE_DOFREC_F_SIGNED);
}

static int dt_cg_act(dt_cg_t *cg, uint32_t kind, int difo, int rec,
		     uint64_t arg)
{
	dtrace_prog_t *pgp = cg->cg_pgp;
	dt_act_t *ap;
	int i;

	if (cg->cg_stmt < 0)
		dt_cg_segment(cg);
	i = dt_cg_add(cg, DT_VEC_ADD(pgp->dp_acts));
	ap = &pgp->dp_acts.v[i];
	ap->da_kind = kind;
	ap->da_difo = difo;
	ap->da_rec = rec;
	ap->da_arg = arg;
	pgp->dp_stmts.v[cg->cg_stmt].ds_act_count++;
	return i;
}

/* One ARG action per argument, each with its object and record. */
static void dt_cg_args(dt_cg_t *cg, dt_node_t *args)
{
	for (; args; args = args->dn_next) {
		int difo = dt_cg_difo(cg, args);

		dt_cg_act(cg, DTRACE_DOFACT_ARG, difo, dt_cg_valrec(cg, args), 0);
	}
}

static int dt_cg_aggid(dt_cg_t *cg, const char *name)
{
	dtrace_prog_t *pgp = cg->cg_pgp;
	int i;

	if (name[0] == '@')
		name++;
	if (strcmp(name, "_") == 0)
		name = "";
	for (i = 0; i < pgp->dp_aggs.n; i++)
		if (strcmp(pgp->dp_aggs.v[i].dg_name, name) == 0)
			return i;
	return -1;
}

/* The value an aggregating function keeps, in 64-bit words. */
static uint32_t dt_cg_aggwords(const dt_agg_t *ag)
{
	const int64_t *p = ag->dg_params;

	switch (ag->dg_func) {
	case DTRACE_AGG_AVG:
		return 2;			/* count, total */
	case DTRACE_AGG_STDDEV:
		return 4;			/* count, total, 128-bit sum of
						 * squares */
	case DTRACE_AGG_QUANTIZE:
		return 127;			/* powers of two, both signs */
	case DTRACE_AGG_LQUANTIZE:
		return (uint32_t)((p[1] - p[0]) / p[2] + 3); /* + under, over,
							     * and the base */
	case DTRACE_AGG_LLQUANTIZE:
		return (uint32_t)((p[2] - p[1] + 1) * (p[3] - p[3] / p[0]) + 2);
	default:
		return 1;
	}
}

static int64_t dt_cg_optval(dt_cg_t *cg, const char *opt);
static uint32_t dt_cg_actkind(const char *name);

/*
 * sym(), func(), mod(), usym(), ufunc(), umod() or uaddr() as an
 * aggregation key: the action kind its key ARG carries in dofa_arg, as
 * the action itself does in dofa_kind, so the kernel records the user
 * ones with their pid and the consumer prints the key symbolized as it
 * prints the action's record; 0 for any other key.
 */
static uint32_t dt_cg_symkey(const dt_node_t *k)
{
	uint32_t kind;

	if (k->dn_kind != DT_NODE_FUNC || k->dn_left->dn_kind != DT_NODE_IDENT)
		return 0;
	kind = dt_cg_actkind(k->dn_left->dn_string);
	switch (kind) {
	case DTRACE_DOFACT_SYM:
	case DTRACE_DOFACT_MOD:
	case DTRACE_DOFACT_USYM:
	case DTRACE_DOFACT_UMOD:
	case DTRACE_DOFACT_UADDR:
		return kind;
	default:
		return 0;
	}
}

/*
 * A stack(n), ustack(n) or jstack(n) aggregation key: the 8-byte words
 * its record takes (n pcs; the pid and n pcs for a user stack) and its
 * record flag in *flags; 0 for any other key.  Probe context walks the
 * stack into the key; the ARG action has no DIF object.
 */
static uint64_t dt_cg_stackkey(dt_cg_t *cg, const dt_node_t *k,
			       uint16_t *flags)
{
	const char *f;
	int user;

	if (k->dn_kind != DT_NODE_FUNC || k->dn_left->dn_kind != DT_NODE_IDENT)
		return 0;
	f = k->dn_left->dn_string;
	user = strcmp(f, "ustack") == 0 || strcmp(f, "jstack") == 0;
	if (!user && strcmp(f, "stack") != 0)
		return 0;
	*flags = user ? DTRACE_DOFREC_F_USTACK : DTRACE_DOFREC_F_KSTACK;
	if (k->dn_args)
		return k->dn_args->dn_value + (uint64_t)user;
	return (uint64_t)dt_cg_optval(cg, user ? strcmp(f, "jstack") == 0 ?
				       "jstackframes" : "ustackframes" :
				       "stackframes") + (uint64_t)user;
}

/* @name[keys] = func(args): the aggregation's description and actions. */
static void dt_cg_aggregate(dt_cg_t *cg, dt_node_t *asgn)
{
	static const struct { const char *name; uint32_t func; int nparams; }
	funcs[] = {
		{ "count", DTRACE_AGG_COUNT, 0 }, { "sum", DTRACE_AGG_SUM, 0 },
		{ "avg", DTRACE_AGG_AVG, 0 }, { "min", DTRACE_AGG_MIN, 0 },
		{ "max", DTRACE_AGG_MAX, 0 },
		{ "stddev", DTRACE_AGG_STDDEV, 0 },
		{ "quantize", DTRACE_AGG_QUANTIZE, 0 },
		{ "lquantize", DTRACE_AGG_LQUANTIZE, 3 },
		{ "llquantize", DTRACE_AGG_LLQUANTIZE, 4 },
	};
	dtrace_prog_t *pgp = cg->cg_pgp;
	dt_node_t *lhs = asgn->dn_left, *call = asgn->dn_right, *keys = NULL;
	dt_node_t *a, *val, *weight;
	const char *name;
	uint32_t func = 0;
	int nparams = 0, id, difo, i, act;
	size_t f;

	if (lhs->dn_kind == DT_NODE_OP2) {
		keys = lhs->dn_right;
		lhs = lhs->dn_left;
	}
	name = lhs->dn_string;
	for (f = 0; f < sizeof(funcs) / sizeof(funcs[0]); f++)
		if (strcmp(funcs[f].name, call->dn_left->dn_string) == 0) {
			func = funcs[f].func;
			nparams = funcs[f].nparams;
		}

	id = dt_cg_aggid(cg, name);
	if (id < 0) {
		dt_agg_t *ag;
		uint32_t off = 0;

		id = dt_cg_add(cg, DT_VEC_ADD(pgp->dp_aggs));
		ag = &pgp->dp_aggs.v[id];
		ag->dg_name = strcmp(name, "@_") == 0 ? "" : name + 1;
		ag->dg_func = func;
		ag->dg_nkeys = (uint32_t)dt_node_list_len(keys);
		for (a = call->dn_args ? call->dn_args->dn_next : NULL, i = 0;
		     a && i < nparams; a = a->dn_next, i++)
			ag->dg_params[i] = (int64_t)a->dn_value;
		ag->dg_rec_first = pgp->dp_recs.n;
		for (a = keys; a; a = a->dn_next) {
			int str = a->dn_vkind == DT_VK_STRING;
			uint32_t size = str ? cg->cg_strsize : 8;
			uint32_t align = str ? 1 : 8;
			uint16_t flags = str ? DTRACE_DOFREC_F_BYREF |
				DTRACE_DOFREC_F_STRING : DTRACE_DOFREC_F_SIGNED;
			uint64_t frames = dt_cg_stackkey(cg, a, &flags);
			uint32_t sym = dt_cg_symkey(a);
			int ri = dt_cg_add(cg, DT_VEC_ADD(pgp->dp_recs));

			if (frames)
				size = 8 * (uint32_t)frames;
			if (sym) {
				/* The address; the pid first for a user one,
				 * as the action records them. */
				size = sym == DTRACE_DOFACT_SYM ||
				       sym == DTRACE_DOFACT_MOD ? 8 : 16;
				flags = 0;
			}
			ag = &pgp->dp_aggs.v[id];
			off = (off + align - 1) & ~(align - 1);
			pgp->dp_recs.v[ri] = (dt_rec_t){ off, size,
				(uint16_t)align, flags };
			off += size;
		}
		ag->dg_keysize = off;
		i = dt_cg_add(cg, DT_VEC_ADD(pgp->dp_recs));
		ag = &pgp->dp_aggs.v[id];
		pgp->dp_recs.v[i] = (dt_rec_t){ 0, 8 * dt_cg_aggwords(ag), 8,
						DTRACE_DOFREC_F_SIGNED };
	}

	/* The value: count() has none (the kernel adds one). */
	val = call->dn_args;
	weight = NULL;
	if (func == DTRACE_AGG_QUANTIZE && val)
		weight = val->dn_next;
	else if (nparams && val) {
		for (a = val->dn_next, i = 0; a && i < nparams; a = a->dn_next)
			i++;
		weight = a;
	}
	difo = val ? dt_cg_difo(cg, val) : -1;
	act = dt_cg_act(cg, DTRACE_DOFACT_AGGREGATE, difo, -1, (uint64_t)id);
	pgp->dp_acts.v[act].da_nargs = (uint32_t)dt_node_list_len(keys);
	for (a = keys; a; a = a->dn_next) {
		uint16_t flags = 0;

		if (dt_cg_stackkey(cg, a, &flags))
			dt_cg_act(cg, DTRACE_DOFACT_ARG, -1, -1, 0);
		else if (dt_cg_symkey(a))
			dt_cg_act(cg, DTRACE_DOFACT_ARG, dt_cg_difo(cg, a->dn_args),
				  -1, dt_cg_symkey(a));
		else
			dt_cg_act(cg, DTRACE_DOFACT_ARG, dt_cg_difo(cg, a),
				  -1, 0);
	}
	if (weight)
		dt_cg_act(cg, DTRACE_DOFACT_AGGWEIGHT, dt_cg_difo(cg, weight),
			  -1, 0);
}

static int64_t dt_cg_optval(dt_cg_t *cg, const char *opt)
{
	int64_t v = 0;

	dtrace_getopt(cg->cg_pcb->pcb_hdl, opt, &v);
	return v;
}

/* The action a D action function records: DTRACE_DOFACT_*, 0 for none. */
static uint32_t dt_cg_actkind(const char *name)
{
	static const struct { const char *name; uint32_t kind; } acts[] = {
		{ "trace", DTRACE_DOFACT_TRACE }, { "exit", DTRACE_DOFACT_EXIT },
		{ "printf", DTRACE_DOFACT_PRINTF },
		{ "printa", DTRACE_DOFACT_PRINTA },
		{ "print", DTRACE_DOFACT_PRINT },
		{ "system", DTRACE_DOFACT_SYSTEM },
		{ "freopen", DTRACE_DOFACT_FREOPEN },
		{ "stack", DTRACE_DOFACT_STACK },
		{ "ustack", DTRACE_DOFACT_USTACK },
		{ "jstack", DTRACE_DOFACT_JSTACK },
		{ "func", DTRACE_DOFACT_SYM }, { "sym", DTRACE_DOFACT_SYM },
		{ "mod", DTRACE_DOFACT_MOD }, { "ufunc", DTRACE_DOFACT_USYM },
		{ "usym", DTRACE_DOFACT_USYM }, { "umod", DTRACE_DOFACT_UMOD },
		{ "uaddr", DTRACE_DOFACT_UADDR },
		{ "tracemem", DTRACE_DOFACT_TRACEMEM },
		{ "speculate", DTRACE_DOFACT_SPECULATE },
		{ "commit", DTRACE_DOFACT_COMMIT },
		{ "discard", DTRACE_DOFACT_DISCARD },
		{ "chill", DTRACE_DOFACT_CHILL }, { "raise", DTRACE_DOFACT_RAISE },
		{ "stop", DTRACE_DOFACT_STOP }, { "panic", DTRACE_DOFACT_PANIC },
		{ "breakpoint", DTRACE_DOFACT_BREAKPOINT },
		{ "clear", DTRACE_DOFACT_CLEAR }, { "trunc", DTRACE_DOFACT_TRUNC },
		{ "normalize", DTRACE_DOFACT_NORMALIZE },
		{ "denormalize", DTRACE_DOFACT_DENORMALIZE },
		{ "setopt", DTRACE_DOFACT_SETOPT },
		{ "ftruncate", DTRACE_DOFACT_FTRUNCATE },
	};
	size_t i;

	for (i = 0; i < sizeof(acts) / sizeof(acts[0]); i++)
		if (strcmp(acts[i].name, name) == 0)
			return acts[i].kind;
	return 0;
}

/* An action call: trace(), printf(), exit(), ... */
static void dt_cg_action(dt_cg_t *cg, dt_node_t *call)
{
	dtrace_prog_t *pgp = cg->cg_pgp;
	const char *name = call->dn_left->dn_string;
	dt_node_t *args = call->dn_args, *a;
	uint32_t kind = dt_cg_actkind(name);
	int act, n;

	switch (kind) {
	case 0:
		/* A subroutine called for its effect: copyout, bcopy ... */
		dt_cg_act(cg, DTRACE_DOFACT_TRACE, dt_cg_difo(cg, call), -1, 0);
		return;
	case DTRACE_DOFACT_TRACE:
	case DTRACE_DOFACT_SYM:
	case DTRACE_DOFACT_MOD:
		dt_cg_act(cg, kind, dt_cg_difo(cg, args),
			  dt_cg_valrec(cg, args), 0);
		return;
	case DTRACE_DOFACT_UMOD:
	case DTRACE_DOFACT_UADDR:
	case DTRACE_DOFACT_USYM:
		/* The process and the address: symbols are looked up later. */
		dt_cg_act(cg, kind, dt_cg_difo(cg, args),
			  dt_cg_rec(cg, 16, 8, 0), 0);
		return;
	case DTRACE_DOFACT_PRINT: {
		/* The consumer prints the value by its C type's name. */
		char name[256] = "";

		if (args->dn_type)
			ctf_type_name(dt_cg_fp(cg), (ctf_id_t)args->dn_type, name,
				      sizeof(name));
		act = dt_cg_act(cg, kind, dt_cg_difo(cg, args),
				dt_cg_valrec(cg, args), 0);
		pgp->dp_acts.v[act].da_str = dt_pcb_strdup(cg->cg_pcb, name);
		return;
	}
	case DTRACE_DOFACT_EXIT:
		dt_cg_act(cg, kind, dt_cg_difo(cg, args),
			  dt_cg_rec(cg, 4, 4, DTRACE_DOFREC_F_SIGNED), 0);
		return;
	case DTRACE_DOFACT_PRINTF:
	case DTRACE_DOFACT_SYSTEM:
	case DTRACE_DOFACT_FREOPEN:
		act = dt_cg_act(cg, kind, -1, -1, 0);
		pgp->dp_acts.v[act].da_str = args->dn_string;
		pgp->dp_acts.v[act].da_nargs = (uint32_t)dt_node_list_len(args->dn_next);
		dt_cg_args(cg, args->dn_next);
		return;
	case DTRACE_DOFACT_PRINTA:
		act = dt_cg_act(cg, kind, -1, -1, 0);
		if (args->dn_kind == DT_NODE_STRING) {
			pgp->dp_acts.v[act].da_str = args->dn_string;
			args = args->dn_next;
		}
		pgp->dp_acts.v[act].da_nargs = (uint32_t)dt_node_list_len(args);
		for (a = args; a; a = a->dn_next)
			dt_cg_act(cg, DTRACE_DOFACT_ARG, -1, -1,
				  (uint64_t)dt_cg_aggid(cg, a->dn_string));
		return;
	case DTRACE_DOFACT_STACK:
		n = args ? (int)args->dn_value :
		    (int)dt_cg_optval(cg, "stackframes");
		dt_cg_act(cg, kind, -1, dt_cg_rec(cg, 8 * (uint32_t)n, 8, 0),
			  (uint64_t)n);
		return;
	case DTRACE_DOFACT_USTACK:
	case DTRACE_DOFACT_JSTACK: {
		uint64_t strsize = args && args->dn_next ?
			args->dn_next->dn_value : kind == DTRACE_DOFACT_JSTACK ?
			(uint64_t)dt_cg_optval(cg, "jstackstrsize") : 0;

		n = args ? (int)args->dn_value : (int)dt_cg_optval(cg,
			kind == DTRACE_DOFACT_JSTACK ? "jstackframes" :
			"ustackframes");
		/* The pid, then the frames, then the strings. */
		dt_cg_act(cg, kind, -1, dt_cg_rec(cg, 8 * ((uint32_t)n + 1) +
			  (uint32_t)strsize, 8, 0),
			  (uint64_t)n | strsize << 32);
		return;
	}
	case DTRACE_DOFACT_TRACEMEM: {
		uint64_t size = args->dn_next->dn_value;
		int dyn = args->dn_next->dn_next != NULL;

		act = dt_cg_act(cg, kind, dt_cg_difo(cg, args),
				dt_cg_rec(cg, (uint32_t)size + (dyn ? 8 : 0), 8,
					  DTRACE_DOFREC_F_BYREF |
					  (dyn ? DTRACE_DOFREC_F_DYNSIZE : 0)),
				size);
		if (dyn) {
			pgp->dp_acts.v[act].da_nargs = 1;
			dt_cg_act(cg, DTRACE_DOFACT_ARG,
				  dt_cg_difo(cg, args->dn_next->dn_next), -1, 0);
		}
		return;
	}
	case DTRACE_DOFACT_SPECULATE:
	case DTRACE_DOFACT_COMMIT:
	case DTRACE_DOFACT_DISCARD:
	case DTRACE_DOFACT_CHILL:
	case DTRACE_DOFACT_RAISE:
		dt_cg_act(cg, kind, dt_cg_difo(cg, args), -1, 0);
		return;
	case DTRACE_DOFACT_STOP:
	case DTRACE_DOFACT_PANIC:
	case DTRACE_DOFACT_BREAKPOINT:
	case DTRACE_DOFACT_FTRUNCATE:
		dt_cg_act(cg, kind, -1, -1, 0);
		return;
	case DTRACE_DOFACT_CLEAR:
	case DTRACE_DOFACT_DENORMALIZE:
	case DTRACE_DOFACT_TRUNC:
	case DTRACE_DOFACT_NORMALIZE:
		act = dt_cg_act(cg, kind, -1, -1,
				(uint64_t)dt_cg_aggid(cg, args->dn_string));
		if (args->dn_next) {
			pgp->dp_acts.v[act].da_nargs = 1;
			dt_cg_args(cg, args->dn_next);
		}
		return;
	case DTRACE_DOFACT_SETOPT:
		act = dt_cg_act(cg, kind, -1, -1, 0);
		pgp->dp_acts.v[act].da_nargs = (uint32_t)dt_node_list_len(args);
		dt_cg_args(cg, args);
		return;
	}
}

/*
 * Start a segment of the current clause.  The branches of an if and what
 * follows it ask for one lazily (cg_stmt -1), so that an empty branch
 * makes no statement: a statement without actions would fire DTrace's
 * default action.
 */
static void dt_cg_segment(dt_cg_t *cg)
{
	dtrace_prog_t *pgp = cg->cg_pgp;
	int i = dt_cg_add(cg, DT_VEC_ADD(pgp->dp_stmts));
	dt_stmt_t *st = &pgp->dp_stmts.v[i];
	dif_label_t no;
	int r, g;

	st->ds_clause = cg->cg_clause;
	st->ds_pred = -1;
	st->ds_act_first = pgp->dp_acts.n;
	st->ds_align = 1;
	cg->cg_stmt = i;
	if (!cg->cg_pred && cg->cg_nguards == 0)
		return;

	/*
	 * The clause's first segment tests its predicate; the later ones
	 * test the conditions on the way to them.
	 */
	dt_cg_begin(cg);
	no = dif_label_new(cg->cg_b);
	r = dt_cg_reg(cg, cg->cg_pred);
	if (cg->cg_nguards == 0) {
		int p = dt_cg_expr(cg, cg->cg_pred);

		dif_emit(cg->cg_b, DIF_OP_SNE, (unsigned)r, (unsigned)p, 0, 0);
		dt_cg_rfree(cg, p);
	}
	for (g = 0; g < cg->cg_nguards; g++) {
		dt_cgvar_t *cv = NULL, *v;
		int w = cg->cg_want[g];

		for (v = cg->cg_vars; v; v = v->cv_next)
			if (v->cv_id == cg->cg_guards[g])
				cv = v;
		dt_cg_declare(cg, cv, DIF_VF_REF);
		dif_emit(cg->cg_b, DIF_OP_LDLS, (unsigned)r, 0, 0,
			 (int32_t)cv->cv_id);
		if (w) {
			dif_emit(cg->cg_b, DIF_OP_SUBI, (unsigned)r, (unsigned)r,
				 0, w);
			dif_emit(cg->cg_b, DIF_OP_SEQ, (unsigned)r, (unsigned)r,
				 0, 0);
		} else {
			dif_emit(cg->cg_b, DIF_OP_SNE, (unsigned)r, (unsigned)r,
				 0, 0);
		}
		if (g + 1 < cg->cg_nguards)
			dif_emit_branch(cg->cg_b, DIF_OP_BZ, (unsigned)r, 0, no);
	}
	dif_label_place(cg->cg_b, no);
	pgp->dp_stmts.v[i].ds_pred = dt_cg_end(cg, r, DT_VK_INT, cg->cg_pred);
}

static void dt_cg_stmts(dt_cg_t *cg, dt_node_t *list);

/* if: store the condition, then the branches as segments of their own. */
static void dt_cg_if(dt_cg_t *cg, dt_node_t *dnp)
{
	char name[24];
	dt_cgvar_t *cv;
	int difo, r;

	if (cg->cg_nguards == DT_CG_MAXGUARDS)
		dt_node_error(cg->cg_pcb, dnp, D_SYNTAX, "if statements nested "
			      "too deeply: at most %d", DT_CG_MAXGUARDS);
	snprintf(name, sizeof(name), "%%if%d", cg->cg_nif++);
	cv = dt_cg_var(cg, dnp, dt_pcb_strdup(cg->cg_pcb, name),
		       DIF_SCOPE_LOCAL, DIF_VKIND_SCALAR, DT_VK_INT, 0);
	dt_cg_begin(cg);
	r = dt_cg_expr(cg, dnp->dn_left);
	dif_emit(cg->cg_b, DIF_OP_SNE, (unsigned)r, (unsigned)r, 0, 0);
	dif_emit(cg->cg_b, DIF_OP_ADDI, (unsigned)r, (unsigned)r, 0, 1);
	dt_cg_store(cg, cv, NULL, r);
	difo = dt_cg_end(cg, r, DT_VK_INT, dnp);
	dt_cg_act(cg, DTRACE_DOFACT_TRACE, difo, -1, 0);

	cg->cg_guards[cg->cg_nguards] = cv->cv_id;
	cg->cg_want[cg->cg_nguards] = 2;
	cg->cg_nguards++;
	cg->cg_stmt = -1;
	dt_cg_stmts(cg, dnp->dn_right);
	if (dnp->dn_third) {
		cg->cg_want[cg->cg_nguards - 1] = 1;
		cg->cg_stmt = -1;
		dt_cg_stmts(cg, dnp->dn_third);
	}
	/*
	 * What follows the if in its list runs when the if was reached: the
	 * guard stays until that list ends (dt_cg_stmts pops it).
	 */
	cg->cg_want[cg->cg_nguards - 1] = 0;
	cg->cg_stmt = -1;
}

static int dt_cg_is_agg_asgn(const dt_node_t *dnp)
{
	const dt_node_t *l;

	if (dnp->dn_kind != DT_NODE_OP2 || dnp->dn_op != DT_TOK_ASGN)
		return 0;
	l = dnp->dn_left;
	if (l->dn_kind == DT_NODE_OP2 && l->dn_op == DT_OP_INDEX)
		l = l->dn_left;
	return l->dn_kind == DT_NODE_IDENT && l->dn_string[0] == '@';
}

static void dt_cg_stmts(dt_cg_t *cg, dt_node_t *list)
{
	int nguards = cg->cg_nguards;
	dt_node_t *s;

	for (s = list; s; s = s->dn_next) {
		dt_node_t *e = s->dn_left;

		if (s->dn_kind == DT_NODE_IF)
			dt_cg_if(cg, s);
		else if (e->dn_kind == DT_NODE_FUNC &&
			 e->dn_vkind == DT_VK_VOID)
			dt_cg_action(cg, e);
		else if (dt_cg_is_agg_asgn(e))
			dt_cg_aggregate(cg, e);
		else
			dt_cg_act(cg, DTRACE_DOFACT_TRACE, dt_cg_difo(cg, e),
				  -1, 0);
	}
	/* The ifs of this list are behind us: what follows needs a segment
	 * without their guards. */
	if (cg->cg_nguards != nguards) {
		cg->cg_nguards = nguards;
		cg->cg_stmt = -1;
	}
}

void dt_cg_program(dt_pcb_t *pcb, dtrace_prog_t *pgp)
{
	dt_cg_t cg = { .cg_pcb = pcb, .cg_pgp = pgp };
	int i;

	cg.cg_strsize = (uint32_t)dt_cg_optval(&cg, "strsize");
	for (i = 0; i < pgp->dp_nclauses; i++) {
		dt_node_t *cl = pgp->dp_clauses[i].cl_node;

		cg.cg_clause = i;
		cg.cg_pred = cl->dn_pred;
		cg.cg_nguards = 0;
		dt_cg_segment(&cg);
		dt_cg_stmts(&cg, cl->dn_body);
	}
	pgp->dp_destructive = pcb->pcb_destructive;
}

void dt_cg_free(dtrace_prog_t *pgp)
{
	int i;

	for (i = 0; i < pgp->dp_difos.n; i++)
		free(pgp->dp_difos.v[i].dd_blob);
	free(pgp->dp_difos.v);
	free(pgp->dp_recs.v);
	free(pgp->dp_acts.v);
	free(pgp->dp_stmts.v);
	free(pgp->dp_aggs.v);
}
