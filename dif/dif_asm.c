// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The DIF assembler (see dif_asm.h for the syntax).  Userland only.  It
 * drives the builder of dif_emit.h, so labels, tables and variable
 * declarations follow the builder's rules.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include "dif_asm.h"

#define DIF_ASM_MAXLABELS	4096
#define DIF_ASM_MAXVARS		DIF_MAX_VARS

struct dif_asm_sym {
	char		as_name[64];
	uint32_t	as_val;		/* label number or variable id */
	uint8_t		as_scope;	/* variables: DIF_SCOPE_* */
	uint8_t		as_kind;	/* variables: DIF_VKIND_* */
};

struct dif_asm {
	struct dif_builder	*a_b;
	const char		*a_p;		/* cursor in the current line */
	unsigned int		a_line;
	char			*a_err;
	size_t			a_errlen;
	bool			a_failed;
	struct dif_asm_sym	*a_labels;
	unsigned int		a_nlabels;
	struct dif_asm_sym	*a_vars;
	unsigned int		a_nvars;
};

static __attribute__((format(printf, 2, 3)))
int dif_asm_fail(struct dif_asm *a, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (a->a_failed)
		return -1;
	a->a_failed = true;
	n = snprintf(a->a_err, a->a_errlen, "line %u: ", a->a_line);
	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < a->a_errlen)
		vsnprintf(a->a_err + n, a->a_errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static void dif_asm_ws(struct dif_asm *a)
{
	while (*a->a_p == ' ' || *a->a_p == '\t')
		a->a_p++;
}

static bool dif_asm_eol(struct dif_asm *a)
{
	dif_asm_ws(a);
	return *a->a_p == '\0' || *a->a_p == '\n' || *a->a_p == ';' ||
	       *a->a_p == '#';
}

/* An identifier (letters, digits, '_', '.'); false if none. */
static bool dif_asm_ident(struct dif_asm *a, char *buf, size_t len)
{
	size_t n = 0;

	dif_asm_ws(a);
	while (isalnum((unsigned char)*a->a_p) || *a->a_p == '_' ||
	       *a->a_p == '.') {
		if (n + 1 < len)
			buf[n++] = *a->a_p;
		a->a_p++;
	}
	buf[n] = '\0';
	return n > 0;
}

static bool dif_asm_number(struct dif_asm *a, int64_t *v)
{
	char *end;

	dif_asm_ws(a);
	if (!isdigit((unsigned char)*a->a_p) && *a->a_p != '-' &&
	    *a->a_p != '+')
		return false;
	*v = (int64_t)strtoull(a->a_p, &end, 0);
	if (*a->a_p == '-')
		*v = strtoll(a->a_p, &end, 0);
	if (end == a->a_p)
		return false;
	a->a_p = end;
	return true;
}

static int dif_asm_expect(struct dif_asm *a, char c)
{
	dif_asm_ws(a);
	if (*a->a_p != c)
		return dif_asm_fail(a, "expected '%c'", c);
	a->a_p++;
	return 0;
}

static int dif_asm_reg(struct dif_asm *a, unsigned int *reg)
{
	int64_t v;

	dif_asm_ws(a);
	if (a->a_p[0] != '%' || a->a_p[1] != 'r')
		return dif_asm_fail(a, "expected a register");
	a->a_p += 2;
	if (!dif_asm_number(a, &v) || v < 0 || v > 255)
		return dif_asm_fail(a, "bad register number");
	*reg = (unsigned int)v;
	return 0;
}

/* A C string literal, unescaped into buf. */
static int dif_asm_string(struct dif_asm *a, char *buf, size_t len)
{
	size_t n = 0;
	int c, k;

	dif_asm_ws(a);
	if (*a->a_p != '"')
		return dif_asm_fail(a, "expected a string");
	for (a->a_p++; *a->a_p != '"'; a->a_p++) {
		c = (unsigned char)*a->a_p;
		if (c == '\0' || c == '\n')
			return dif_asm_fail(a, "unterminated string");
		if (c == '\\') {
			c = (unsigned char)*++a->a_p;
			if (c == 'n')
				c = '\n';
			else if (c == 't')
				c = '\t';
			else if (c == 'r')
				c = '\r';
			else if (c >= '0' && c <= '7') {
				for (c = 0, k = 0; k < 3 && *a->a_p >= '0' &&
				     *a->a_p <= '7'; k++, a->a_p++)
					c = c * 8 + (*a->a_p - '0');
				a->a_p--;
			} else if (c == '\0')
				return dif_asm_fail(a, "unterminated string");
		}
		if (n + 1 >= len)
			return dif_asm_fail(a, "string too long");
		buf[n++] = (char)c;
	}
	a->a_p++;
	buf[n] = '\0';
	return 0;
}

static struct dif_asm_sym *dif_asm_sym(struct dif_asm_sym *tab, unsigned int n,
				       const char *name)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (strcmp(tab[i].as_name, name) == 0)
			return &tab[i];
	return NULL;
}

static int dif_asm_label(struct dif_asm *a, const char *name, dif_label_t *l)
{
	struct dif_asm_sym *s = dif_asm_sym(a->a_labels, a->a_nlabels, name);

	if (s == NULL) {
		if (a->a_nlabels == DIF_ASM_MAXLABELS)
			return dif_asm_fail(a, "too many labels");
		if (strlen(name) >= sizeof(s->as_name))
			return dif_asm_fail(a, "label name too long");
		s = &a->a_labels[a->a_nlabels++];
		strcpy(s->as_name, name);
		s->as_val = dif_label_new(a->a_b);
	}
	*l = s->as_val;
	return 0;
}

/* A name from a table of n entries (index 0 unused), or a number. */
static int dif_asm_named(struct dif_asm *a, const char *what,
			 const void *tab, size_t stride, unsigned int n,
			 int32_t *imm)
{
	char name[64];
	int64_t v;
	unsigned int i;

	if (dif_asm_number(a, &v)) {
		*imm = (int32_t)v;
		return 0;
	}
	if (!dif_asm_ident(a, name, sizeof(name)))
		return dif_asm_fail(a, "expected a %s", what);
	for (i = 1; i < n; i++) {
		const char *s = *(const char *const *)((const char *)tab +
						       i * stride);
		if (s != NULL && strcmp(s, name) == 0) {
			*imm = (int32_t)i;
			return 0;
		}
	}
	return dif_asm_fail(a, "unknown %s '%s'", what, name);
}

/*
 * A variable named in an instruction: D may use one name in several
 * scopes (a global ts and self->ts), so the opcode's scope and kind pick
 * the declaration.
 */
static struct dif_asm_sym *dif_asm_var_sym(struct dif_asm *a, const char *name,
					   unsigned int op)
{
	unsigned int vc = dif_opinfo[op].oi_class, i;
	unsigned int scope = vc == DIF_VC_VTS || vc == DIF_VC_VTA ?
			     DIF_SCOPE_THREAD : vc == DIF_VC_VLS ?
			     DIF_SCOPE_LOCAL : DIF_SCOPE_GLOBAL;
	unsigned int kind = vc == DIF_VC_VGA || vc == DIF_VC_VTA ?
			    DIF_VKIND_ARRAY : DIF_VKIND_SCALAR;

	for (i = 0; i < a->a_nvars; i++)
		if (strcmp(a->a_vars[i].as_name, name) == 0 &&
		    a->a_vars[i].as_scope == scope &&
		    a->a_vars[i].as_kind == kind)
			return &a->a_vars[i];
	return NULL;
}

/* The immediate operand of kind; *label set for a symbolic target. */
static int dif_asm_imm(struct dif_asm *a, unsigned int op, unsigned int kind,
		       int32_t *imm, bool *islabel, dif_label_t *label)
{
	char buf[4096];
	struct dif_asm_sym *s;
	int64_t v;
	int r;

	switch (kind) {
	case DIF_I_SIMM:
	case DIF_I_SIZE:
		if (!dif_asm_number(a, &v) || v < INT32_MIN || v > UINT32_MAX)
			return dif_asm_fail(a, "expected a 32-bit number");
		*imm = (int32_t)v;
		return 0;
	case DIF_I_TARGET:
		if (dif_asm_number(a, &v)) {
			*imm = (int32_t)v;
			return 0;
		}
		if (!dif_asm_ident(a, buf, sizeof(buf)))
			return dif_asm_fail(a, "expected a label");
		*islabel = true;
		return dif_asm_label(a, buf, label);
	case DIF_I_INT:
		if (!dif_asm_number(a, &v))
			return dif_asm_fail(a, "expected a number");
		r = dif_intern_int(a->a_b, v);
		*imm = r;
		return r < 0 ? dif_asm_fail(a, "%s",
					    dif_builder_errmsg(a->a_b)) : 0;
	case DIF_I_STR:
		if (dif_asm_string(a, buf, sizeof(buf)) != 0)
			return -1;
		r = dif_intern_str(a->a_b, buf);
		*imm = r;
		return r < 0 ? dif_asm_fail(a, "%s",
					    dif_builder_errmsg(a->a_b)) : 0;
	case DIF_I_VAR:
		if (dif_asm_number(a, &v)) {
			*imm = (int32_t)v;
			return 0;
		}
		if (!dif_asm_ident(a, buf, sizeof(buf)))
			return dif_asm_fail(a, "expected a variable");
		s = dif_asm_var_sym(a, buf, op);
		if (s == NULL)
			return dif_asm_fail(a, "undeclared variable '%s'", buf);
		*imm = (int32_t)s->as_val;
		return 0;
	case DIF_I_BVAR:
		return dif_asm_named(a, "built-in variable", dif_bvinfo,
				     sizeof(dif_bvinfo[0]), DIF_BV_COUNT, imm);
	case DIF_I_SUBR:
		return dif_asm_named(a, "subroutine", dif_subrinfo,
				     sizeof(dif_subrinfo[0]), DIF_SUBR_COUNT,
				     imm);
	default:
		*imm = 0;
		return 0;
	}
}

static int dif_asm_instr(struct dif_asm *a, const char *mn)
{
	unsigned int op, regs[3] = { 0, 0, 0 };
	const struct dif_fmtinfo *f;
	bool islabel = false;
	dif_label_t label = 0;
	int32_t imm = 0;
	const char *t;

	for (op = 1; op < DIF_OP_COUNT; op++)
		if (strcmp(dif_opinfo[op].oi_name, mn) == 0)
			break;
	if (op == DIF_OP_COUNT)
		return dif_asm_fail(a, "unknown mnemonic '%s'", mn);
	f = &dif_fmtinfo[dif_opinfo[op].oi_fmt];
	for (t = f->fi_syntax; *t != '\0'; t++) {
		switch (*t) {
		case 'd':
		case '1':
		case '2':
			if (dif_asm_reg(a, &regs[*t == 'd' ? 0 : *t - '0']))
				return -1;
			break;
		case 'i':
			if (dif_asm_imm(a, op, f->fi_imm, &imm, &islabel, &label))
				return -1;
			break;
		case ' ':
			break;
		case '+':
			/* [%r1+8], [%r1-8], [%r1] */
			dif_asm_ws(a);
			if (*a->a_p == ']') {
				t++;	/* no offset: imm stays 0 */
				break;
			}
			if (*a->a_p == '+')
				a->a_p++;
			else if (*a->a_p != '-')
				return dif_asm_fail(a, "expected '+' or '-'");
			break;
		default:
			if (dif_asm_expect(a, *t))
				return -1;
			break;
		}
	}
	if (!dif_asm_eol(a))
		return dif_asm_fail(a, "junk after the operands");
	if (islabel)
		return dif_emit_branch(a->a_b, op, regs[1], regs[2], label) < 0 ?
		       dif_asm_fail(a, "%s", dif_builder_errmsg(a->a_b)) : 0;
	return dif_emit(a->a_b, op, regs[0], regs[1], regs[2], imm) < 0 ?
	       dif_asm_fail(a, "%s", dif_builder_errmsg(a->a_b)) : 0;
}

static int dif_asm_type(struct dif_asm *a, struct dif_type *t)
{
	char name[32], *colon;
	unsigned long n;

	memset(t, 0, sizeof(*t));
	dif_asm_ws(a);
	if (!dif_asm_ident(a, name, sizeof(name)))
		return dif_asm_fail(a, "expected a type");
	if (*a->a_p == ':') {
		a->a_p++;
		colon = (char *)a->a_p;
		n = strtoul(a->a_p, &colon, 10);
		a->a_p = colon;
		t->dt_size = (uint32_t)n;
		if (strcmp(name, "string") == 0 || strcmp(name, "ustring") == 0)
			t->dt_kind = DIF_TYPE_STRING;
		else if (strcmp(name, "ref") == 0 || strcmp(name, "uref") == 0)
			t->dt_kind = DIF_TYPE_REF;
		else
			return dif_asm_fail(a, "unknown type '%s'", name);
		if (name[0] == 'u')
			t->dt_flags = DIF_TF_BYUREF;
		return 0;
	}
	t->dt_kind = DIF_TYPE_INT;
	if (strcmp(name, "int8") == 0 || strcmp(name, "int16") == 0 ||
	    strcmp(name, "int32") == 0 || strcmp(name, "int64") == 0)
		t->dt_flags = DIF_TF_SIGNED;
	else if (strcmp(name, "uint8") != 0 && strcmp(name, "uint16") != 0 &&
		 strcmp(name, "uint32") != 0 && strcmp(name, "uint64") != 0)
		return dif_asm_fail(a, "unknown type '%s'", name);
	t->dt_size = (uint32_t)strtoul(name + (name[0] == 'u' ? 4 : 3),
				       NULL, 10) / 8;
	return 0;
}

static int dif_asm_word(struct dif_asm *a, const char *const *words,
			unsigned int n, unsigned int *val)
{
	char w[16];
	unsigned int i;

	if (!dif_asm_ident(a, w, sizeof(w)))
		return dif_asm_fail(a, "expected a word");
	for (i = 0; i < n; i++)
		if (strcmp(words[i], w) == 0) {
			*val = i;
			return 0;
		}
	return dif_asm_fail(a, "unexpected '%s'", w);
}

static int dif_asm_var(struct dif_asm *a)
{
	static const char *const scopes[] = { "global", "thread", "local" };
	static const char *const kinds[] = { "scalar", "array" };
	unsigned int scope = 0, kind = 0, flags = 0;
	struct dif_asm_sym *s;
	struct dif_type type;
	char name[64], fl[8];
	int64_t id;

	if (!dif_asm_ident(a, name, sizeof(name)) || !dif_asm_number(a, &id) ||
	    id < 0 || id > UINT32_MAX)
		return dif_asm_fail(a, ".var: expected a name and an id");
	if (dif_asm_word(a, scopes, 3, &scope) ||
	    dif_asm_word(a, kinds, 2, &kind) || dif_asm_type(a, &type))
		return -1;
	if (!dif_asm_eol(a) && dif_asm_ident(a, fl, sizeof(fl)))
		flags = (strchr(fl, 'r') ? DIF_VF_REF : 0) |
			(strchr(fl, 'w') ? DIF_VF_MOD : 0);
	if (!dif_asm_eol(a))
		return dif_asm_fail(a, "junk after .var");
	if (a->a_nvars == DIF_ASM_MAXVARS)
		return dif_asm_fail(a, "too many variables");
	s = &a->a_vars[a->a_nvars++];
	strcpy(s->as_name, name);
	s->as_val = (uint32_t)id;
	s->as_scope = (uint8_t)scope;
	s->as_kind = (uint8_t)kind;
	if (dif_declare_var(a->a_b, name, (uint32_t)id, scope, kind, flags,
			    &type) != 0)
		return dif_asm_fail(a, "%s", dif_builder_errmsg(a->a_b));
	return 0;
}

static int dif_asm_line(struct dif_asm *a)
{
	struct dif_type t;
	char word[64];
	dif_label_t l;

	if (dif_asm_eol(a))
		return 0;
	if (*a->a_p == '.') {
		a->a_p++;
		if (!dif_asm_ident(a, word, sizeof(word)))
			return dif_asm_fail(a, "expected a directive");
		if (strcmp(word, "var") == 0)
			return dif_asm_var(a);
		if (strcmp(word, "rtype") == 0) {
			if (dif_asm_type(a, &t) != 0)
				return -1;
			dif_set_rtype(a->a_b, &t);
			return dif_asm_eol(a) ? 0 :
			       dif_asm_fail(a, "junk after .rtype");
		}
		return dif_asm_fail(a, "unknown directive .%s", word);
	}
	if (!dif_asm_ident(a, word, sizeof(word)))
		return dif_asm_fail(a, "expected a mnemonic or a label");
	dif_asm_ws(a);
	if (*a->a_p == ':') {
		a->a_p++;
		if (dif_asm_label(a, word, &l) != 0)
			return -1;
		dif_label_place(a->a_b, l);
		if (dif_builder_errmsg(a->a_b) != NULL)
			return dif_asm_fail(a, "%s", dif_builder_errmsg(a->a_b));
		return dif_asm_line(a);
	}
	return dif_asm_instr(a, word);
}

int dif_asm(const char *text, void **blob, size_t *size, char *err,
	    size_t errlen)
{
	struct dif_asm a;
	const char *line = text;
	char *copy;
	size_t n;
	int r = -1;

	memset(&a, 0, sizeof(a));
	a.a_err = err;
	a.a_errlen = errlen;
	a.a_b = dif_builder_new();
	a.a_labels = calloc(DIF_ASM_MAXLABELS, sizeof(*a.a_labels));
	a.a_vars = calloc(DIF_ASM_MAXVARS, sizeof(*a.a_vars));
	*blob = NULL;
	*size = 0;
	if (errlen > 0)
		err[0] = '\0';
	if (a.a_b == NULL || a.a_labels == NULL || a.a_vars == NULL) {
		dif_asm_fail(&a, "out of memory");
		goto out;
	}
	while (*line != '\0') {
		n = strcspn(line, "\n");
		copy = strndup(line, n);
		if (copy == NULL) {
			dif_asm_fail(&a, "out of memory");
			goto out;
		}
		a.a_line++;
		a.a_p = copy;
		dif_asm_line(&a);
		free(copy);
		if (a.a_failed)
			goto out;
		line += n + (line[n] == '\n');
	}
	a.a_line++;
	if (dif_builder_finish(a.a_b, blob, size) != 0)
		dif_asm_fail(&a, "%s", dif_builder_errmsg(a.a_b));
	else
		r = 0;
out:
	dif_builder_free(a.a_b);
	free(a.a_labels);
	free(a.a_vars);
	return r;
}
