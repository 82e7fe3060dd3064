// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Parse-tree construction and compiler error reporting (see dt_cc.c for the
 * theory of the compiler).  Nodes and strings come from the pcb and die
 * with it: the tree never outlives the compilation that built it, so no
 * node is freed on its own.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dt_parser.h"
#include "dt_cc.h"

/* One allocation from the pcb: a header chaining it to the others. */
struct dt_alloc {
	struct dt_alloc *da_next;
	max_align_t da_data[];
};

void *dt_pcb_zalloc(dt_pcb_t *pcb, size_t size)
{
	struct dt_alloc *a = calloc(1, sizeof(*a) + size);

	if (!a) {
		dt_set_errno(pcb->pcb_hdl, ENOMEM);
		longjmp(pcb->pcb_jmpbuf, ENOMEM);
	}
	a->da_next = pcb->pcb_allocs;
	pcb->pcb_allocs = a;
	return a->da_data;
}

char *dt_pcb_strndup(dt_pcb_t *pcb, const char *s, size_t n)
{
	char *d = dt_pcb_zalloc(pcb, n + 1);

	memcpy(d, s, n);
	return d;
}

char *dt_pcb_strdup(dt_pcb_t *pcb, const char *s)
{
	return dt_pcb_strndup(pcb, s, strlen(s));
}

void dt_pcb_free(dt_pcb_t *pcb)
{
	struct dt_alloc *a, *next;

	for (a = pcb->pcb_allocs; a; a = next) {
		next = a->da_next;
		free(a);
	}
	pcb->pcb_allocs = NULL;
	pcb->pcb_root = NULL;
}

const char *dt_errtag(dt_errtag_t tag)
{
	static const char *const names[] = {
#define DT_ERRTAG_NAME(t) #t,
		DT_ERRTAGS(DT_ERRTAG_NAME)
#undef DT_ERRTAG_NAME
	};

	return (unsigned)tag < D_NTAGS ? names[tag] : "D_UNKNOWN";
}

/*
 * The message, in DTrace's shape: what was being compiled, the tag when
 * errtags is set, where, and what went wrong:
 *
 *   failed to compile script x.d: [D_SYNTAX] line 3: syntax error near ";"
 *   invalid probe specifier BEGIN { x = ; }: syntax error near ";"
 *
 * A string given with -n has no line numbers (it is one line to the user);
 * a file included through cpp is named.
 */
static _Noreturn void dt_pcb_verror(dt_pcb_t *pcb, dt_errtag_t tag, int line,
				    const char *fmt, va_list ap)
{
	dtrace_hdl_t *dtp = pcb->pcb_hdl;
	char msg[sizeof(dtp->dt_errmsg)];
	size_t n = 0, len;

	n += snprintf(msg + n, sizeof(msg) - n, "%s", pcb->pcb_region);
	if (pcb->pcb_cflags & DTRACE_C_ETAGS)
		n += snprintf(msg + n, sizeof(msg) - n, "[%s] ", dt_errtag(tag));
	if (n < sizeof(msg) && pcb->pcb_curfile && line > 0)
		n += snprintf(msg + n, sizeof(msg) - n, "\"%s\", line %d: ",
			      pcb->pcb_curfile, line);
	else if (n < sizeof(msg) && pcb->pcb_filetag && line > 0)
		n += snprintf(msg + n, sizeof(msg) - n, "line %d: ", line);
	if (n < sizeof(msg))
		vsnprintf(msg + n, sizeof(msg) - n, fmt, ap);
	len = strlen(msg);
	while (len > 0 && msg[len - 1] == '\n')
		msg[--len] = '\0';

	dt_set_errmsg(dtp, DTRACE_ECOMPILE, "%s", msg);
	longjmp(pcb->pcb_jmpbuf, DTRACE_ECOMPILE);
}

void dt_pcb_error(dt_pcb_t *pcb, dt_errtag_t tag, int line,
		  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	dt_pcb_verror(pcb, tag, line, fmt, ap);
}

void dt_node_error(dt_pcb_t *pcb, const dt_node_t *dnp, dt_errtag_t tag,
		   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	dt_pcb_verror(pcb, tag, dnp ? dnp->dn_line : dt_pcb_line(pcb), fmt, ap);
}

/* Bison's syntax errors, in DTrace's words. */
void dt_yyerror(dt_pcb_t *pcb, const char *msg)
{
	(void)msg;
	if (pcb->pcb_eof)
		dt_pcb_error(pcb, D_SYNTAX, dt_pcb_line(pcb),
			     "syntax error near end of input");
	dt_pcb_error(pcb, D_SYNTAX, dt_pcb_line(pcb),
		     "syntax error near \"%s\"", pcb->pcb_toktext);
}

dt_node_t *dt_node_new(dt_pcb_t *pcb, int kind)
{
	dt_node_t *dnp = dt_pcb_zalloc(pcb, sizeof(*dnp));

	dnp->dn_kind = kind;
	dnp->dn_line = dt_pcb_line(pcb);
	dnp->dn_file = pcb->pcb_curfile ? pcb->pcb_curfile : pcb->pcb_filetag;
	return dnp;
}

dt_node_t *dt_node_int(dt_pcb_t *pcb, uint64_t value, unsigned flags)
{
	dt_node_t *dnp = dt_node_new(pcb, DT_NODE_INT);

	dnp->dn_value = value;
	dnp->dn_flags = flags;
	return dnp;
}

dt_node_t *dt_node_str(dt_pcb_t *pcb, int kind, char *s)
{
	dt_node_t *dnp = dt_node_new(pcb, kind);

	dnp->dn_string = s;
	return dnp;
}

dt_node_t *dt_node_op1(dt_pcb_t *pcb, int op, dt_node_t *l)
{
	dt_node_t *dnp = dt_node_new(pcb, DT_NODE_OP1);

	dnp->dn_op = op;
	dnp->dn_left = l;
	if (l)
		dnp->dn_line = l->dn_line;
	return dnp;
}

dt_node_t *dt_node_op2(dt_pcb_t *pcb, int op, dt_node_t *l, dt_node_t *r)
{
	dt_node_t *dnp = dt_node_new(pcb, DT_NODE_OP2);

	dnp->dn_op = op;
	dnp->dn_left = l;
	dnp->dn_right = r;
	if (l)
		dnp->dn_line = l->dn_line;
	return dnp;
}

dt_node_t *dt_node_op3(dt_pcb_t *pcb, dt_node_t *c, dt_node_t *l,
		       dt_node_t *r)
{
	dt_node_t *dnp = dt_node_new(pcb, DT_NODE_OP3);

	dnp->dn_left = c;
	dnp->dn_right = l;
	dnp->dn_third = r;
	dnp->dn_line = c->dn_line;
	return dnp;
}

/* Append dnp (itself possibly a list) to list; either may be NULL. */
dt_node_t *dt_node_link(dt_node_t *list, dt_node_t *dnp)
{
	dt_node_t *p;

	if (!list)
		return dnp;
	for (p = list; p->dn_next; p = p->dn_next)
		;
	p->dn_next = dnp;
	return list;
}

int dt_node_list_len(const dt_node_t *list)
{
	int n = 0;

	for (; list; list = list->dn_next)
		n++;
	return n;
}

dt_declspec_t *dt_decl_new(dt_pcb_t *pcb)
{
	dt_declspec_t *ds = dt_pcb_zalloc(pcb, sizeof(*ds));

	ds->ds_line = dt_pcb_line(pcb);
	return ds;
}

/*
 * The type keywords that may go together, as in C: one base type (void,
 * char, int, float, double, string), short or long with int, signed or
 * unsigned with an integer type.
 */
static void dt_decl_check_words(dt_pcb_t *pcb, const dt_declspec_t *ds,
				int line)
{
	const unsigned base = DT_DW_VOID | DT_DW_CHAR | DT_DW_INT |
			      DT_DW_FLOAT | DT_DW_DOUBLE | DT_DW_STRING;
	unsigned w = ds->ds_words & ~DT_DW_USERLAND;
	unsigned b = w & base;

	if (b & (b - 1))
		dt_pcb_error(pcb, D_DECL_COMBO, line, "invalid type combination "
			     "in declaration");
	if ((w & DT_DW_SHORT) && (w & DT_DW_LONG))
		dt_pcb_error(pcb, D_DECL_COMBO, line, "invalid type combination "
			     "in declaration");
	if ((w & DT_DW_SIGNED) && (w & DT_DW_UNSIGNED))
		dt_pcb_error(pcb, D_DECL_COMBO, line, "invalid type combination "
			     "in declaration");
	if ((w & (DT_DW_SIGNED | DT_DW_UNSIGNED)) &&
	    (b & ~(DT_DW_CHAR | DT_DW_INT)))
		dt_pcb_error(pcb, D_DECL_SIGNINT, line, "invalid type "
			     "combination: signed or unsigned with a "
			     "non-integer type");
	if ((w & (DT_DW_SHORT | DT_DW_LONG)) &&
	    (b & ~(DT_DW_INT | (w & DT_DW_LONG ? DT_DW_DOUBLE : 0))))
		dt_pcb_error(pcb, D_DECL_LONGINT, line, "invalid type "
			     "combination: short or long with a non-integer "
			     "type");
}

/*
 * Merge one more specifier into a declaration's: the checks are C's (one
 * storage class, one type, keywords that combine).
 */
dt_declspec_t *dt_decl_merge(dt_pcb_t *pcb, dt_declspec_t *a,
			     dt_declspec_t *b)
{
	int line = dt_pcb_line(pcb);

	if (b->ds_class) {
		if (a->ds_class)
			dt_pcb_error(pcb, D_DECL_CLASS, line, "more than one "
				     "storage class specified in declaration");
		a->ds_class = b->ds_class;
	}
	a->ds_qual |= b->ds_qual;
	if (b->ds_kind) {
		if (a->ds_kind || (a->ds_words & ~(DT_DW_USERLAND)))
			dt_pcb_error(pcb, D_DECL_COMBO, line, "invalid type "
				     "combination in declaration");
		a->ds_kind = b->ds_kind;
		a->ds_name = b->ds_name;
		a->ds_defined = b->ds_defined;
		a->ds_body = b->ds_body;
	}
	if (b->ds_words) {
		if (a->ds_kind && b->ds_words != DT_DW_USERLAND)
			dt_pcb_error(pcb, D_DECL_COMBO, line, "invalid type "
				     "combination in declaration");
		if (b->ds_words == DT_DW_LONG) {
			if (a->ds_longs >= 2)
				dt_pcb_error(pcb, D_DECL_LONGINT, line,
					     "too many long keywords in "
					     "declaration");
			a->ds_longs++;
		} else if (a->ds_words & b->ds_words) {
			dt_pcb_error(pcb, D_DECL_COMBO, line, "invalid type "
				     "combination in declaration");
		}
		a->ds_words |= b->ds_words;
		dt_decl_check_words(pcb, a, line);
	}
	return a;
}

/*
 * Hang a declarator under the innermost open slot of a pointer chain:
 * wrap(x, "* *") is pointer to pointer to the type, named x.
 */
dt_node_t *dt_decl_wrap(dt_node_t *inner, dt_node_t *outer)
{
	dt_node_t *p = outer;

	while (p->dn_left)
		p = p->dn_left;
	p->dn_left = inner;
	return outer;
}

/* The name a declarator declares, or NULL for an abstract one. */
const char *dt_decl_name(const dt_node_t *decl)
{
	for (; decl; decl = decl->dn_left)
		if (decl->dn_kind == DT_NODE_DCL_IDENT)
			return decl->dn_string;
	return NULL;
}

/*
 * A probe description from the program text: macros ($1, $target, ...)
 * are expanded in it now, because they may build any component
 * ("pid$target::malloc:entry", "syscall::$1:entry").
 */
dt_node_t *dt_node_pdesc(dt_pcb_t *pcb, char *spec)
{
	dt_node_t *dnp = dt_node_new(pcb, DT_NODE_PDESC);

	dnp->dn_string = dt_cc_expand_pspec(pcb, spec);
	return dnp;
}
