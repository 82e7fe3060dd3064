// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The DIF verifier: the only gate between a DIF object a consumer sent
 * and probe context.  Process context, one linear pass; see dif_vm.h for
 * what it guarantees to the interpreter and <dtrace/dif.h> for the
 * encoding.  Every refusal names its check and the instruction.
 */
#include "dif_vm.h"

struct dif_vstate {
	const struct dif_object	*vs_obj;
	unsigned int		vs_privs;
	struct dif_error	*vs_err;
	uint32_t		vs_pc;
};

static int dif_reject(struct dif_vstate *vs, int check, uint32_t detail)
{
	vs->vs_err->de_check = check;
	vs->vs_err->de_pc = (int32_t)vs->vs_pc;
	vs->vs_err->de_detail = detail;
	return -1;
}

static int dif_verify_reg(struct dif_vstate *vs, unsigned int use,
			  unsigned int reg)
{
	if (use == DIF_U_NONE)
		return reg == 0 ? 0 : dif_reject(vs, DIF_CHK_UNUSED, reg);
	if (reg >= DIF_NREGS)
		return dif_reject(vs, DIF_CHK_REG, reg);
	if (use == DIF_U_WRITE && reg == 0)
		return dif_reject(vs, DIF_CHK_R0, reg);
	return 0;
}

/* Variable instructions: declared, and of the scope and kind the op says. */
static int dif_verify_var(struct dif_vstate *vs, unsigned int op,
			  unsigned int vclass, uint32_t id)
{
	static const uint8_t scope[] = {
		[DIF_VC_VGS] = DIF_SCOPE_GLOBAL, [DIF_VC_VGA] = DIF_SCOPE_GLOBAL,
		[DIF_VC_VTS] = DIF_SCOPE_THREAD, [DIF_VC_VTA] = DIF_SCOPE_THREAD,
		[DIF_VC_VLS] = DIF_SCOPE_LOCAL,
	};
	unsigned int kind = vclass == DIF_VC_VGA || vclass == DIF_VC_VTA ?
			    DIF_VKIND_ARRAY : DIF_VKIND_SCALAR;
	const struct dif_var *v = dif_var_find(vs->vs_obj, id);

	if (v == NULL || v->dv_scope != scope[vclass] || v->dv_kind != kind)
		return dif_reject(vs, DIF_CHK_VAR, id);
	/* A store into a user-memory reference copies from user memory. */
	if (dif_opinfo[op].oi_fmt == DIF_FMT_STV &&
	    (v->dv_type.dt_flags & DIF_TF_BYUREF) &&
	    v->dv_type.dt_kind != DIF_TYPE_INT &&
	    !(vs->vs_privs & DIF_PRIV_USER))
		return dif_reject(vs, DIF_CHK_USERMEM, id);
	return 0;
}

static int dif_verify_imm(struct dif_vstate *vs, unsigned int op,
			  unsigned int kind, int32_t imm)
{
	const struct dif_object *obj = vs->vs_obj;
	unsigned int u = (uint32_t)imm;

	switch (kind) {
	case DIF_I_NONE:
		return imm == 0 ? 0 : dif_reject(vs, DIF_CHK_UNUSED, u);
	case DIF_I_SIMM:
		return 0;
	case DIF_I_TARGET:
		/* Forward only: every program ends within ninstr steps. */
		if (imm <= (int64_t)vs->vs_pc)
			return dif_reject(vs, DIF_CHK_BACKWARD, u);
		if (u >= obj->do_ninstr)
			return dif_reject(vs, DIF_CHK_TARGET, u);
		return 0;
	case DIF_I_INT:
		return imm >= 0 && u < obj->do_nints ? 0 :
		       dif_reject(vs, DIF_CHK_INTIDX, u);
	case DIF_I_STR:
		return imm >= 0 && u < obj->do_strlen ? 0 :
		       dif_reject(vs, DIF_CHK_STROFF, u);
	case DIF_I_VAR:
		return dif_verify_var(vs, op, dif_opinfo[op].oi_class, u);
	case DIF_I_BVAR:
		if (imm <= 0 || u >= DIF_BV_COUNT ||
		    dif_bvinfo[u].bi_array != (op == DIF_OP_LDBA))
			return dif_reject(vs, DIF_CHK_BVAR, u);
		return 0;
	case DIF_I_SUBR:
		if (imm <= 0 || u >= DIF_SUBR_COUNT)
			return dif_reject(vs, DIF_CHK_SUBR, u);
		if ((dif_subrinfo[u].si_flags & DIF_SF_DESTRUCTIVE) &&
		    !(vs->vs_privs & DIF_PRIV_DESTRUCTIVE))
			return dif_reject(vs, DIF_CHK_DESTRUCTIVE, u);
		if ((dif_subrinfo[u].si_flags & DIF_SF_USER) &&
		    !(vs->vs_privs & DIF_PRIV_USER))
			return dif_reject(vs, DIF_CHK_USERMEM, u);
		return 0;
	case DIF_I_SIZE:
		return imm > 0 && u <= DIF_MAX_REFSIZE ? 0 :
		       dif_reject(vs, DIF_CHK_COPYSIZE, u);
	default:
		return dif_reject(vs, DIF_CHK_OPCODE, op);
	}
}

static int dif_verify_one(struct dif_vstate *vs, dif_instr_t in)
{
	unsigned int op = DIF_INSTR_OP(in);
	const struct dif_fmtinfo *f;

	if (op == DIF_OP_INVALID || op >= DIF_OP_COUNT)
		return dif_reject(vs, DIF_CHK_OPCODE, op);
	f = &dif_fmtinfo[dif_opinfo[op].oi_fmt];
	if (dif_verify_reg(vs, f->fi_rd, DIF_INSTR_RD(in)) ||
	    dif_verify_reg(vs, f->fi_rs1, DIF_INSTR_RS1(in)) ||
	    dif_verify_reg(vs, f->fi_rs2, DIF_INSTR_RS2(in)))
		return -1;
	if (dif_opinfo[op].oi_class == DIF_VC_ULOAD &&
	    !(vs->vs_privs & DIF_PRIV_USER))
		return dif_reject(vs, DIF_CHK_USERMEM, op);
	return dif_verify_imm(vs, op, f->fi_imm, DIF_INSTR_IMM(in));
}

int dif_verify(const struct dif_object *obj, unsigned int privs,
	       struct dif_error *err)
{
	struct dif_vstate vs = { obj, privs, err, 0 };

	err->de_check = DIF_CHK_OK;
	err->de_pc = -1;
	err->de_detail = 0;
	if (obj->do_ninstr == 0)
		return dif_reject(&vs, DIF_CHK_EMPTY, 0);
	for (vs.vs_pc = 0; vs.vs_pc < obj->do_ninstr; vs.vs_pc++)
		if (dif_verify_one(&vs, obj->do_instr[vs.vs_pc]) != 0)
			return -1;
	vs.vs_pc = obj->do_ninstr - 1;
	if (DIF_INSTR_OP(obj->do_instr[vs.vs_pc]) != DIF_OP_RET)
		return dif_reject(&vs, DIF_CHK_NORET, 0);
	return 0;
}
