// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The DIF disassembler (see dif_asm.h).  Userland only.  It prints from
 * the operand-format templates, which the assembler parses.
 */
#include <stdarg.h>
#include <stdlib.h>
#include "dif_asm.h"

static const char *const dif_scope_names[] = { "global", "thread", "local" };
static const char *const dif_kind_names[] = { "scalar", "array" };

struct dif_buf {
	char	*b_s;
	size_t	b_len, b_pos;
};

static __attribute__((format(printf, 2, 3)))
void dif_bprintf(struct dif_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->b_pos >= b->b_len)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->b_s + b->b_pos, b->b_len - b->b_pos, fmt, ap);
	va_end(ap);
	if (n > 0)
		b->b_pos += (size_t)n;
}

void dif_type_str(const struct dif_type *t, char *buf, size_t len)
{
	bool user = (t->dt_flags & DIF_TF_BYUREF) != 0;

	switch (t->dt_kind) {
	case DIF_TYPE_INT:
		snprintf(buf, len, "%sint%u",
			 (t->dt_flags & DIF_TF_SIGNED) ? "" : "u",
			 t->dt_size * 8);
		break;
	case DIF_TYPE_STRING:
		snprintf(buf, len, "%sstring:%u", user ? "u" : "", t->dt_size);
		break;
	case DIF_TYPE_REF:
		snprintf(buf, len, "%sref:%u", user ? "u" : "", t->dt_size);
		break;
	default:
		snprintf(buf, len, "?%u", t->dt_kind);
		break;
	}
}

/* A C string literal for s, octal escapes for what is not printable. */
static void dif_bquote(struct dif_buf *b, const char *s)
{
	dif_bprintf(b, "\"");
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			dif_bprintf(b, "\\%c", c);
		else if (c == '\n')
			dif_bprintf(b, "\\n");
		else if (c == '\t')
			dif_bprintf(b, "\\t");
		else if (c < 0x20 || c >= 0x7f)
			dif_bprintf(b, "\\%03o", c);
		else
			dif_bprintf(b, "%c", c);
	}
	dif_bprintf(b, "\"");
}

/*
 * Can v be named in an instruction?  Only if no other variable of the
 * same scope and kind has its name (the assembler resolves names by
 * scope and kind); otherwise its id is printed.
 */
static bool dif_var_name_unique(const struct dif_object *obj,
				const struct dif_var *v)
{
	const char *name = dif_object_str(obj, v->dv_name);
	uint32_t i;

	if (name == NULL || name[0] == '\0')
		return false;
	for (i = 0; i < obj->do_nvars; i++) {
		const struct dif_var *w = &obj->do_vars[i];

		if (w != v && w->dv_scope == v->dv_scope &&
		    w->dv_kind == v->dv_kind && w->dv_name < obj->do_strlen &&
		    strcmp(obj->do_strtab + w->dv_name, name) == 0)
			return false;
	}
	return true;
}

static void dif_bimm(struct dif_buf *b, const struct dif_object *obj,
		     unsigned int kind, int32_t imm)
{
	uint32_t u = (uint32_t)imm;
	const struct dif_var *v;

	switch (kind) {
	case DIF_I_INT:
		if (imm >= 0 && u < obj->do_nints)
			dif_bprintf(b, "%lld", (long long)obj->do_ints[u]);
		else
			dif_bprintf(b, "<int %u?>", u);
		return;
	case DIF_I_STR:
		if (imm >= 0 && u < obj->do_strlen)
			dif_bquote(b, obj->do_strtab + u);
		else
			dif_bprintf(b, "<str %u?>", u);
		return;
	case DIF_I_VAR:
		v = dif_var_find(obj, u);
		if (v != NULL && dif_var_name_unique(obj, v))
			dif_bprintf(b, "%s", obj->do_strtab + v->dv_name);
		else
			dif_bprintf(b, "%u", u);
		return;
	case DIF_I_BVAR:
		if (imm > 0 && u < DIF_BV_COUNT)
			dif_bprintf(b, "%s", dif_bvinfo[u].bi_name);
		else
			dif_bprintf(b, "%u", u);
		return;
	case DIF_I_SUBR:
		if (imm > 0 && u < DIF_SUBR_COUNT)
			dif_bprintf(b, "%s", dif_subrinfo[u].si_name);
		else
			dif_bprintf(b, "%u", u);
		return;
	case DIF_I_TARGET:
	case DIF_I_SIZE:
		dif_bprintf(b, "%u", u);
		return;
	default:
		dif_bprintf(b, "%d", imm);
		return;
	}
}

void dif_disasm_instr(const struct dif_object *obj, uint32_t pc, char *buf,
		      size_t len)
{
	dif_instr_t in = obj->do_instr[pc];
	unsigned int op = DIF_INSTR_OP(in);
	struct dif_buf b = { buf, len, 0 };
	const struct dif_fmtinfo *f;
	const char *t;

	buf[0] = '\0';
	if (op == DIF_OP_INVALID || op >= DIF_OP_COUNT) {
		dif_bprintf(&b, "<invalid opcode 0x%02x>", op);
		return;
	}
	f = &dif_fmtinfo[dif_opinfo[op].oi_fmt];
	dif_bprintf(&b, "%-7s ", dif_opinfo[op].oi_name);
	for (t = f->fi_syntax; *t != '\0'; t++) {
		switch (*t) {
		case 'd':
			dif_bprintf(&b, "%%r%u", DIF_INSTR_RD(in));
			break;
		case '1':
			dif_bprintf(&b, "%%r%u", DIF_INSTR_RS1(in));
			break;
		case '2':
			dif_bprintf(&b, "%%r%u", DIF_INSTR_RS2(in));
			break;
		case 'i':
			dif_bimm(&b, obj, f->fi_imm, DIF_INSTR_IMM(in));
			break;
		case '+':
			/* [%r1+8] / [%r1-8] */
			if (t[1] == 'i' && DIF_INSTR_IMM(in) < 0) {
				dif_bprintf(&b, "%lld",
					    (long long)DIF_INSTR_IMM(in));
				t++;
				break;
			}
			dif_bprintf(&b, "+");
			break;
		default:
			dif_bprintf(&b, "%c", *t);
			break;
		}
	}
	/* No trailing blanks for operand-less instructions. */
	while (b.b_pos > 0 && b.b_pos < len && buf[b.b_pos - 1] == ' ')
		buf[--b.b_pos] = '\0';
}

static void dif_var_line(FILE *fp, const struct dif_object *obj,
			 const struct dif_var *v, bool source)
{
	const char *name = dif_object_str(obj, v->dv_name);
	char type[32];

	dif_type_str(&v->dv_type, type, sizeof(type));
	fprintf(fp, source ? ".var %s %u %s %s %s %s%s\n" :
		"%-16s %-5u %-6s %-6s %-18s %s%s\n",
		name ? name : "?", v->dv_id,
		v->dv_scope <= DIF_SCOPE_LOCAL ? dif_scope_names[v->dv_scope] :
		"?", v->dv_kind <= DIF_VKIND_ARRAY ?
		dif_kind_names[v->dv_kind] : "?", type,
		(v->dv_flags & DIF_VF_REF) ? "r" : "",
		(v->dv_flags & DIF_VF_MOD) ? "w" : "");
}

/*
 * Room for one instruction's text: a string operand may need four bytes
 * per character (octal escapes).
 */
static size_t dif_instr_room(const struct dif_object *obj, uint32_t pc)
{
	dif_instr_t in = obj->do_instr[pc];
	unsigned int op = DIF_INSTR_OP(in);
	uint32_t off = (uint32_t)DIF_INSTR_IMM(in);

	if (op != DIF_OP_INVALID && op < DIF_OP_COUNT &&
	    dif_fmtinfo[dif_opinfo[op].oi_fmt].fi_imm == DIF_I_STR &&
	    off < obj->do_strlen)
		return 128 + 4 * strlen(obj->do_strtab + off);
	return 128;
}

void dif_disasm(FILE *fp, const struct dif_object *obj, unsigned int flags)
{
	bool source = (flags & DIF_DIS_SOURCE) != 0;
	char *buf, type[32];
	uint32_t i;
	size_t room = 0;

	for (i = 0; i < obj->do_ninstr; i++)
		if (dif_instr_room(obj, i) > room)
			room = dif_instr_room(obj, i);
	buf = malloc(room);
	if (buf == NULL)
		return;

	dif_type_str(&obj->do_rtype, type, sizeof(type));
	if (source) {
		fprintf(fp, ".rtype %s\n", type);
		for (i = 0; i < obj->do_nvars; i++)
			dif_var_line(fp, obj, &obj->do_vars[i], true);
		for (i = 0; i < obj->do_ninstr; i++) {
			dif_disasm_instr(obj, i, buf, room);
			fprintf(fp, "\t%s\n", buf);
		}
		free(buf);
		return;
	}
	fprintf(fp, "DIFO returns %s\n", type);
	fprintf(fp, "%-4s %-18s %s\n", "OFF", "OPCODE", "INSTRUCTION");
	for (i = 0; i < obj->do_ninstr; i++) {
		dif_disasm_instr(obj, i, buf, room);
		fprintf(fp, "%02u:  %016llx   %s\n", i,
			(unsigned long long)obj->do_instr[i], buf);
	}
	free(buf);
	if (obj->do_nvars == 0)
		return;
	fprintf(fp, "\n%-16s %-5s %-6s %-6s %-18s %s\n", "NAME", "ID", "SCOPE",
		"KIND", "TYPE", "FLAGS");
	for (i = 0; i < obj->do_nvars; i++)
		dif_var_line(fp, obj, &obj->do_vars[i], false);
}
