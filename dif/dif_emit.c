// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The DIF builder (see dif_emit.h).  Userland only.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "dif_emit.h"

#define DIF_LABEL_UNPLACED	UINT32_MAX

struct dif_fixup {
	uint32_t	fx_pc;		/* the branch */
	dif_label_t	fx_label;	/* its target */
};

struct dif_builder {
	dif_instr_t		*db_instr;
	uint32_t		db_ninstr, db_instr_cap;
	int64_t			*db_ints;
	uint32_t		db_nints, db_ints_cap;
	struct dif_var		*db_vars;
	uint32_t		db_nvars, db_vars_cap;
	char			*db_str;
	uint32_t		db_strlen, db_str_cap;
	uint32_t		*db_labels;	/* label -> pc, or UNPLACED */
	uint32_t		db_nlabels, db_labels_cap;
	struct dif_fixup	*db_fixups;
	uint32_t		db_nfixups, db_fixups_cap;
	struct dif_type		db_rtype;
	bool			db_failed;
	char			db_err[160];
};

static __attribute__((format(printf, 2, 3)))
int dif_fail(struct dif_builder *b, const char *fmt, ...)
{
	va_list ap;

	if (!b->db_failed) {
		b->db_failed = true;
		va_start(ap, fmt);
		vsnprintf(b->db_err, sizeof(b->db_err), fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* Make room for one more element in a growing array of at most max. */
static int dif_grow(struct dif_builder *b, void **arr, uint32_t *cap,
		    uint32_t n, uint32_t more, size_t elsize, uint32_t max,
		    const char *what)
{
	uint32_t ncap;
	void *p;

	if (b->db_failed)
		return -1;
	if (more > max || n > max - more)
		return dif_fail(b, "too many %s (limit %u)", what, max);
	if (n + more <= *cap)
		return 0;
	ncap = *cap ? *cap : 16;
	while (ncap < n + more)
		ncap *= 2;
	p = realloc(*arr, (size_t)ncap * elsize);
	if (p == NULL)
		return dif_fail(b, "out of memory");
	*arr = p;
	*cap = ncap;
	return 0;
}

struct dif_builder *dif_builder_new(void)
{
	struct dif_builder *b = calloc(1, sizeof(*b));

	if (b != NULL) {
		b->db_rtype.dt_kind = DIF_TYPE_INT;
		b->db_rtype.dt_flags = DIF_TF_SIGNED;
		b->db_rtype.dt_size = 8;
	}
	return b;
}

void dif_builder_free(struct dif_builder *b)
{
	if (b == NULL)
		return;
	free(b->db_instr);
	free(b->db_ints);
	free(b->db_vars);
	free(b->db_str);
	free(b->db_labels);
	free(b->db_fixups);
	free(b);
}

const char *dif_builder_errmsg(const struct dif_builder *b)
{
	return b->db_failed ? b->db_err : NULL;
}

uint32_t dif_builder_pc(const struct dif_builder *b)
{
	return b->db_ninstr;
}

int dif_emit(struct dif_builder *b, unsigned int op, unsigned int rd,
	     unsigned int rs1, unsigned int rs2, int32_t imm)
{
	if (op == DIF_OP_INVALID || op >= DIF_OP_COUNT || rd > 0xff ||
	    rs1 > 0xff || rs2 > 0xff)
		return dif_fail(b, "cannot encode opcode %u", op);
	if (dif_grow(b, (void **)&b->db_instr, &b->db_instr_cap, b->db_ninstr,
		     1, sizeof(dif_instr_t), DIF_MAX_INSTRS, "instructions"))
		return -1;
	b->db_instr[b->db_ninstr] = DIF_INSTR(op, rd, rs1, rs2, imm);
	return (int)b->db_ninstr++;
}

dif_label_t dif_label_new(struct dif_builder *b)
{
	if (dif_grow(b, (void **)&b->db_labels, &b->db_labels_cap,
		     b->db_nlabels, 1, sizeof(uint32_t), UINT32_MAX - 1,
		     "labels"))
		return 0;
	b->db_labels[b->db_nlabels] = DIF_LABEL_UNPLACED;
	return b->db_nlabels++;
}

void dif_label_place(struct dif_builder *b, dif_label_t label)
{
	if (b->db_failed)
		return;
	if (label >= b->db_nlabels)
		dif_fail(b, "unknown label %u", label);
	else if (b->db_labels[label] != DIF_LABEL_UNPLACED)
		dif_fail(b, "label %u placed twice", label);
	else
		b->db_labels[label] = b->db_ninstr;
}

int dif_emit_branch(struct dif_builder *b, unsigned int op, unsigned int rs1,
		    unsigned int rs2, dif_label_t label)
{
	int pc;

	if (b->db_failed)
		return -1;
	if (op >= DIF_OP_COUNT || dif_opinfo[op].oi_class != DIF_VC_BRANCH)
		return dif_fail(b, "opcode %u is not a branch", op);
	if (label >= b->db_nlabels)
		return dif_fail(b, "unknown label %u", label);
	if (b->db_labels[label] != DIF_LABEL_UNPLACED)
		return dif_fail(b, "backward branch to label %u", label);
	if (dif_grow(b, (void **)&b->db_fixups, &b->db_fixups_cap,
		     b->db_nfixups, 1, sizeof(struct dif_fixup),
		     DIF_MAX_INSTRS, "branches"))
		return -1;
	pc = dif_emit(b, op, 0, rs1, rs2, 0);
	if (pc < 0)
		return -1;
	b->db_fixups[b->db_nfixups].fx_pc = (uint32_t)pc;
	b->db_fixups[b->db_nfixups].fx_label = label;
	b->db_nfixups++;
	return pc;
}

int dif_intern_int(struct dif_builder *b, int64_t value)
{
	uint32_t i;

	if (b->db_failed)
		return -1;
	for (i = 0; i < b->db_nints; i++)
		if (b->db_ints[i] == value)
			return (int)i;
	if (dif_grow(b, (void **)&b->db_ints, &b->db_ints_cap, b->db_nints, 1,
		     sizeof(int64_t), DIF_MAX_INTS, "integer constants"))
		return -1;
	b->db_ints[b->db_nints] = value;
	return (int)b->db_nints++;
}

int dif_intern_str(struct dif_builder *b, const char *s)
{
	uint32_t off, len;

	if (b->db_failed)
		return -1;
	for (off = 0; off < b->db_strlen; off += strlen(b->db_str + off) + 1)
		if (strcmp(b->db_str + off, s) == 0)
			return (int)off;
	len = (uint32_t)strnlen(s, DIF_MAX_STRTAB) + 1;
	if (dif_grow(b, (void **)&b->db_str, &b->db_str_cap, b->db_strlen, len,
		     1, DIF_MAX_STRTAB, "string table bytes"))
		return -1;
	off = b->db_strlen;
	memcpy(b->db_str + off, s, len - 1);
	b->db_str[off + len - 1] = '\0';
	b->db_strlen += len;
	return (int)off;
}

int dif_emit_const(struct dif_builder *b, unsigned int rd, int64_t value)
{
	int idx;

	if (value >= INT32_MIN && value <= INT32_MAX)
		return dif_emit(b, DIF_OP_MOVI, rd, 0, 0, (int32_t)value);
	idx = dif_intern_int(b, value);
	return idx < 0 ? -1 : dif_emit(b, DIF_OP_SETX, rd, 0, 0, idx);
}

int dif_emit_string(struct dif_builder *b, unsigned int rd, const char *s)
{
	int off = dif_intern_str(b, s);

	return off < 0 ? -1 : dif_emit(b, DIF_OP_SETS, rd, 0, 0, off);
}

static bool dif_type_eq(const struct dif_type *a, const struct dif_type *b)
{
	return a->dt_kind == b->dt_kind && a->dt_flags == b->dt_flags &&
	       a->dt_size == b->dt_size;
}

int dif_declare_var(struct dif_builder *b, const char *name, uint32_t id,
		    unsigned int scope, unsigned int kind, unsigned int flags,
		    const struct dif_type *type)
{
	struct dif_var *v;
	uint32_t i;
	int off;

	if (b->db_failed)
		return -1;
	off = dif_intern_str(b, name);
	if (off < 0)
		return -1;
	for (i = 0; i < b->db_nvars; i++) {
		v = &b->db_vars[i];
		if (v->dv_id != id)
			continue;
		if (v->dv_name != (uint32_t)off || v->dv_scope != scope ||
		    v->dv_kind != kind || !dif_type_eq(&v->dv_type, type))
			return dif_fail(b, "variable id %u declared twice "
					"differently (%s)", id, name);
		v->dv_flags |= flags;
		return 0;
	}
	if (dif_grow(b, (void **)&b->db_vars, &b->db_vars_cap, b->db_nvars, 1,
		     sizeof(struct dif_var), DIF_MAX_VARS, "variables"))
		return -1;
	v = &b->db_vars[b->db_nvars++];
	memset(v, 0, sizeof(*v));
	v->dv_name = (uint32_t)off;
	v->dv_id = id;
	v->dv_scope = (uint8_t)scope;
	v->dv_kind = (uint8_t)kind;
	v->dv_flags = (uint16_t)flags;
	v->dv_type = *type;
	v->dv_type.dt_pad = 0;
	return 0;
}

void dif_set_rtype(struct dif_builder *b, const struct dif_type *type)
{
	b->db_rtype = *type;
	b->db_rtype.dt_pad = 0;
}

static int dif_resolve(struct dif_builder *b)
{
	uint32_t i;

	for (i = 0; i < b->db_nfixups; i++) {
		const struct dif_fixup *f = &b->db_fixups[i];
		uint32_t target = b->db_labels[f->fx_label];
		dif_instr_t *in = &b->db_instr[f->fx_pc];

		if (target == DIF_LABEL_UNPLACED)
			return dif_fail(b, "label %u never placed",
					f->fx_label);
		if (target >= b->db_ninstr)
			return dif_fail(b, "label %u is past the last "
					"instruction", f->fx_label);
		*in = DIF_INSTR(DIF_INSTR_OP(*in), 0, DIF_INSTR_RS1(*in),
				DIF_INSTR_RS2(*in), target);
	}
	return 0;
}

static int dif_var_cmp(const void *a, const void *b)
{
	const struct dif_var *va = a, *vb = b;

	return va->dv_id < vb->dv_id ? -1 : va->dv_id > vb->dv_id;
}

int dif_builder_finish(struct dif_builder *b, void **blob, size_t *size)
{
	struct dif_hdr h;
	size_t total;
	char *p, *q;

	*blob = NULL;
	*size = 0;
	if (b->db_failed || dif_resolve(b) != 0)
		return -1;
	/* The table is sorted by id (see dif_object_parse). */
	if (b->db_nvars)
		qsort(b->db_vars, b->db_nvars, sizeof(*b->db_vars), dif_var_cmp);
	total = DIF_OBJ_SIZE((size_t)b->db_ninstr, (size_t)b->db_nints,
			     (size_t)b->db_nvars, (size_t)b->db_strlen);
	/* calloc: zero padding; malloc alignment covers the 8 we need. */
	p = calloc(1, total);
	if (p == NULL)
		return dif_fail(b, "out of memory");
	memset(&h, 0, sizeof(h));
	h.dh_magic = DIF_MAGIC;
	h.dh_size = (uint32_t)total;
	h.dh_ninstr = b->db_ninstr;
	h.dh_nints = b->db_nints;
	h.dh_nvars = b->db_nvars;
	h.dh_strlen = b->db_strlen;
	h.dh_rtype = b->db_rtype;
	q = p;
	memcpy(q, &h, sizeof(h));
	q += sizeof(h);
	if (b->db_ninstr)
		memcpy(q, b->db_instr, 8 * (size_t)b->db_ninstr);
	q += 8 * (size_t)b->db_ninstr;
	if (b->db_nints)
		memcpy(q, b->db_ints, 8 * (size_t)b->db_nints);
	q += 8 * (size_t)b->db_nints;
	if (b->db_nvars)
		memcpy(q, b->db_vars, sizeof(struct dif_var) * b->db_nvars);
	q += sizeof(struct dif_var) * b->db_nvars;
	if (b->db_strlen)
		memcpy(q, b->db_str, b->db_strlen);
	*blob = p;
	*size = total;
	return 0;
}
