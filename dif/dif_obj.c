// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The tables generated from <dtrace/dif.h>'s X-macros, and the structure
 * parser of serialized DIF objects (see dif_obj.h).  Runs in the kernel's
 * process context when a DOF is loaded, and in userland.
 */
#include "dif_obj.h"

#define DIF_OPINFO_(name, mn, fmt, vc)					\
	[DIF_OP_##name] = { .oi_name = mn, .oi_fmt = DIF_FMT_##fmt, .oi_class = vc },
const struct dif_opinfo dif_opinfo[DIF_OP_COUNT] = {
	DIF_OPCODES(DIF_OPINFO_)
};

#define DIF_FMTINFO_(name, syn, rd, rs1, rs2, imm)			\
	[DIF_FMT_##name] = { syn, rd, rs1, rs2, imm },
const struct dif_fmtinfo dif_fmtinfo[DIF_FMT_COUNT] = {
	DIF_FORMATS(DIF_FMTINFO_)
};

#define DIF_BVINFO_(name, dname, type, arr)				\
	[DIF_BV_##name] = { dname, type, arr },
const struct dif_bvinfo dif_bvinfo[DIF_BV_COUNT] = {
	DIF_BUILTINS(DIF_BVINFO_)
};

#define DIF_SUBRINFO_(name, dname, mn, mx, fl)				\
	[DIF_SUBR_##name] = { dname, mn, mx, fl },
const struct dif_subrinfo dif_subrinfo[DIF_SUBR_COUNT] = {
	DIF_SUBRS(DIF_SUBRINFO_)
};

#define DIF_FLTMSG_(name, code, msg) case code: return msg;
const char *dif_fault_msg(int fault)
{
	switch (fault) {
	DIF_FAULTS(DIF_FLTMSG_)
	default:
		return NULL;
	}
}

#define DIF_CHKMSG_(name, msg) [DIF_CHK_##name] = msg,
static const char *const dif_chk_msgs[DIF_CHK_COUNT] = {
	[DIF_CHK_OK] = "ok",
	DIF_CHECKS(DIF_CHKMSG_)
};

#define DIF_CHKNAME_(name, msg) [DIF_CHK_##name] = #name,
static const char *const dif_chk_names[DIF_CHK_COUNT] = {
	[DIF_CHK_OK] = "OK",
	DIF_CHECKS(DIF_CHKNAME_)
};

const char *dif_check_msg(int check)
{
	return check >= 0 && check < DIF_CHK_COUNT ? dif_chk_msgs[check] : "?";
}

const char *dif_check_name(int check)
{
	return check >= 0 && check < DIF_CHK_COUNT ? dif_chk_names[check] : "?";
}

static int dif_refuse(struct dif_error *err, int check, int32_t pc,
		      uint32_t detail)
{
	err->de_check = check;
	err->de_pc = pc;
	err->de_detail = detail;
	return -1;
}

/* Is t a type a value or a variable can have? */
static bool dif_type_valid(const struct dif_type *t)
{
	if (t->dt_pad != 0)
		return false;
	switch (t->dt_kind) {
	case DIF_TYPE_INT:
		return (t->dt_flags & ~DIF_TF_SIGNED) == 0 &&
		       (t->dt_size == 1 || t->dt_size == 2 ||
			t->dt_size == 4 || t->dt_size == 8);
	case DIF_TYPE_STRING:
		return (t->dt_flags & ~DIF_TF_BYUREF) == 0 &&
		       t->dt_size > 0 && t->dt_size <= DIF_MAX_STRSIZE;
	case DIF_TYPE_REF:
		return (t->dt_flags & ~DIF_TF_BYUREF) == 0 &&
		       t->dt_size > 0 && t->dt_size <= DIF_MAX_REFSIZE;
	default:
		return false;
	}
}

static int dif_parse_vars(const struct dif_object *obj, struct dif_error *err)
{
	uint32_t i;

	for (i = 0; i < obj->do_nvars; i++) {
		const struct dif_var *v = &obj->do_vars[i];

		if (v->dv_pad != 0)
			return dif_refuse(err, DIF_CHK_PADDING, -1, i);
		if (!dif_type_valid(&v->dv_type))
			return dif_refuse(err, DIF_CHK_TYPE, -1, i);
		if (v->dv_name >= obj->do_strlen || v->dv_id > DIF_MAX_VARID ||
		    v->dv_scope > DIF_SCOPE_LOCAL ||
		    v->dv_kind > DIF_VKIND_ARRAY ||
		    (v->dv_scope == DIF_SCOPE_LOCAL &&
		     v->dv_kind != DIF_VKIND_SCALAR) ||
		    (v->dv_flags & ~(DIF_VF_REF | DIF_VF_MOD)) != 0)
			return dif_refuse(err, DIF_CHK_VARTAB, -1, i);
		/*
		 * Sorted by id, each id once: lookups are binary searches
		 * and a variable's scope and kind are never ambiguous.
		 */
		if (i > 0 && obj->do_vars[i - 1].dv_id >= v->dv_id)
			return dif_refuse(err, DIF_CHK_VARTAB, -1, i);
	}
	return 0;
}

int dif_object_parse(struct dif_object *obj, const void *blob, size_t len,
		     struct dif_error *err)
{
	const struct dif_hdr *h = blob;
	const char *p = blob;
	size_t size, tail;

	memset(obj, 0, sizeof(*obj));
	if (len < sizeof(*h) || ((uintptr_t)blob & 7) != 0)
		return dif_refuse(err, DIF_CHK_HEADER, -1, 0);
	if (h->dh_magic != DIF_MAGIC)
		return dif_refuse(err, DIF_CHK_MAGIC, -1, h->dh_magic);
	if (h->dh_ninstr > DIF_MAX_INSTRS || h->dh_nints > DIF_MAX_INTS ||
	    h->dh_nvars > DIF_MAX_VARS || h->dh_strlen > DIF_MAX_STRTAB)
		return dif_refuse(err, DIF_CHK_LIMIT, -1, 0);
	/* The limits keep this sum far below 2^32: no overflow. */
	size = DIF_OBJ_SIZE((size_t)h->dh_ninstr, (size_t)h->dh_nints,
			    (size_t)h->dh_nvars, (size_t)h->dh_strlen);
	if (h->dh_size != size || len != size)
		return dif_refuse(err, DIF_CHK_SIZE, -1, h->dh_size);

	obj->do_blob = blob;
	obj->do_size = h->dh_size;
	obj->do_ninstr = h->dh_ninstr;
	obj->do_nints = h->dh_nints;
	obj->do_nvars = h->dh_nvars;
	obj->do_strlen = h->dh_strlen;
	obj->do_rtype = h->dh_rtype;
	p += sizeof(*h);
	obj->do_instr = (const dif_instr_t *)p;
	p += 8 * (size_t)h->dh_ninstr;
	obj->do_ints = (const int64_t *)p;
	p += 8 * (size_t)h->dh_nints;
	obj->do_vars = (const struct dif_var *)p;
	p += sizeof(struct dif_var) * (size_t)h->dh_nvars;
	obj->do_strtab = p;

	for (tail = h->dh_strlen; tail < DIF_ALIGN8(h->dh_strlen); tail++)
		if (p[tail] != 0)
			return dif_refuse(err, DIF_CHK_PADDING, -1, tail);
	if (h->dh_strlen > 0 && p[h->dh_strlen - 1] != '\0')
		return dif_refuse(err, DIF_CHK_STRTAB, -1, h->dh_strlen);
	if (!dif_type_valid(&h->dh_rtype))
		return dif_refuse(err, DIF_CHK_TYPE, -1, 0);
	if (h->dh_ninstr == 0)
		return dif_refuse(err, DIF_CHK_EMPTY, -1, 0);
	return dif_parse_vars(obj, err);
}

const struct dif_var *dif_var_find(const struct dif_object *obj, uint32_t id)
{
	uint32_t lo = 0, hi = obj->do_nvars;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		const struct dif_var *v = &obj->do_vars[mid];

		if (v->dv_id == id)
			return v;
		if (v->dv_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int dif_object_builtin(const struct dif_object *obj)
{
	dif_instr_t ld, ret;

	if (obj->do_ninstr != 2)
		return -1;
	ld = obj->do_instr[0];
	ret = obj->do_instr[1];
	if (DIF_INSTR_OP(ld) != DIF_OP_LDB || DIF_INSTR_OP(ret) != DIF_OP_RET ||
	    DIF_INSTR_RD(ld) == 0 || DIF_INSTR_RS1(ret) != DIF_INSTR_RD(ld) ||
	    DIF_INSTR_IMM(ld) < 0)
		return -1;
	return DIF_INSTR_IMM(ld);
}
