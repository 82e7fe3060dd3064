/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The D compiler's parse tree and parser control block.  The theory of the
 * compiler is at the top of dt_cc.c; this header is what the scanner
 * (dt_lex.l), the grammar (dt_grammar.y), the tree builders (dt_parser.c)
 * and the later passes share.
 */
#ifndef DT_PARSER_H
#define DT_PARSER_H

#include <setjmp.h>
#include <stdint.h>
#include <stddef.h>

#include "dt_impl.h"
#include "dt_errtags.h"

typedef struct dt_node dt_node_t;
typedef struct dt_declspec dt_declspec_t;

/* Node kinds. */
enum {
	DT_NODE_INT = 1,	/* integer constant: dn_value, dn_flags */
	DT_NODE_STRING,		/* string constant: dn_string */
	DT_NODE_IDENT,		/* identifier: dn_string (@name, `sym too) */
	DT_NODE_OP1,		/* unary operator dn_op on dn_left */
	DT_NODE_OP2,		/* binary operator dn_op: dn_left, dn_right */
	DT_NODE_OP3,		/* dn_left ? dn_right : dn_third */
	DT_NODE_FUNC,		/* call: dn_left callee IDENT, dn_args */
	DT_NODE_TYPE,		/* type name: dn_spec, dn_decl (abstract) */
	DT_NODE_OFFSETOF,	/* offsetof(type dn_left, member dn_string) */
	DT_NODE_XLATE,		/* xlate <type dn_left> (dn_right) */
	DT_NODE_STMT,		/* expression statement: dn_left */
	DT_NODE_IF,		/* if (dn_left) dn_right else dn_third */
	DT_NODE_PDESC,		/* probe description: dn_string */
	DT_NODE_CLAUSE,		/* dn_left pdescs, dn_pred, dn_body */
	DT_NODE_DECL,		/* dn_spec, dn_decl declarators, dn_next */
	DT_NODE_INLINE,		/* dn_spec dn_decl = dn_right */
	DT_NODE_XLATOR,		/* translator dn_left < dn_right dn_string >
				 * { dn_body members } */
	DT_NODE_MEMBER,		/* translator member dn_string = dn_left,
				 * struct member dn_spec dn_decl : dn_left,
				 * enumerator dn_string = dn_left */
	DT_NODE_PROVIDER,	/* provider dn_string { dn_body probes } */
	DT_NODE_PROBE,		/* probe dn_string (dn_args) : (dn_body) */
	DT_NODE_PROG,		/* the program: dn_body, a list */
	/* declarators, innermost last (see dt_decl_* in dt_parser.c) */
	DT_NODE_DCL_IDENT,	/* the declared name dn_string, or NULL */
	DT_NODE_DCL_PTR,	/* pointer to dn_left, qualifiers dn_flags */
	DT_NODE_DCL_ARRAY,	/* array of dn_left: dimension dn_right or
				 * key types dn_args (a DT_NODE_TYPE list) */
	DT_NODE_DCL_FUNC,	/* function (dn_args) returning dn_left */
	DT_NODE_ELLIPSIS,	/* "..." in a parameter list */
};

/* Pseudo-operators the grammar adds to the scanner's tokens (dn_op). */
enum {
	DT_OP_BASE = 1000,
	DT_OP_PREINC, DT_OP_PREDEC, DT_OP_POSTINC, DT_OP_POSTDEC,
	DT_OP_ADDROF, DT_OP_DEREF, DT_OP_IPOS, DT_OP_INEG,
	DT_OP_CAST,		/* (dn_left type) dn_right */
	DT_OP_INDEX,		/* dn_left [ dn_right list ] */
};

/* Value classes of expressions (dn_vkind), set by dt_sema.c. */
enum {
	DT_VK_ANY = 0,		/* not known: args[], unresolved types */
	DT_VK_INT,		/* an integer */
	DT_VK_STRING,		/* a D string, or a char array */
	DT_VK_PTR,		/* a pointer */
	DT_VK_VOID,		/* no value: actions, void functions */
	DT_VK_AGGFUNC,		/* the result of an aggregating function */
};

/* dn_flags of integer constants and type qualifiers. */
#define DT_NF_UNSIGNED	0x01	/* u suffix or too big for signed */
#define DT_NF_LONG	0x02	/* l or ll suffix */
#define DT_NF_DECIMAL	0x04	/* written in decimal: signed types first */
#define DT_NF_CONST	0x10	/* const qualifier */
#define DT_NF_VOLATILE	0x20
#define DT_NF_RESTRICT	0x40
#define DT_NF_XLPARAM	0x100	/* a translator's input parameter */
#define DT_NF_XLMEMBER	0x200	/* xlate<T>(e)->m: dn_aux is the member's
				 * expression in the translator */
#define DT_NF_ASSOC	0x400	/* a[k], self->a[k]: an associative array's
				 * element, not C indexing */
#define DT_NF_KSYM	0x800	/* `sym: a kernel variable at dn_value */
#define DT_NF_PERCPU	0x1000	/* ... per-CPU: dn_value is its offset */

struct dt_node {
	int dn_kind;			/* DT_NODE_* */
	int dn_op;			/* operator token or DT_OP_* */
	int dn_line;			/* source line */
	const char *dn_file;		/* source file, NULL for a string */
	unsigned dn_flags;		/* DT_NF_* */
	int dn_vkind;			/* value class (dt_sema.c) */
	long dn_type;			/* C type: a ctf_id_t of the handle's
					 * dictionary, 0 if not known */
	uint64_t dn_value;		/* integer constant */
	char *dn_string;		/* identifier, string, pspec, name */
	dt_node_t *dn_left;
	dt_node_t *dn_right;
	dt_node_t *dn_third;
	dt_node_t *dn_args;		/* argument, key or parameter list */
	dt_node_t *dn_pred;		/* clause predicate */
	dt_node_t *dn_body;		/* clause statements, members, probes */
	dt_declspec_t *dn_spec;		/* declaration specifiers */
	dt_node_t *dn_decl;		/* declarator */
	dt_node_t *dn_next;		/* next in a list */
	void *dn_aux;			/* a pdesc's split components
					 * (dt_pdesc_t); a translated
					 * member's expression */
};

/* Storage classes of a declaration (ds_class). */
enum {
	DT_DC_DEFAULT = 0, DT_DC_AUTO, DT_DC_REGISTER, DT_DC_STATIC,
	DT_DC_EXTERN, DT_DC_TYPEDEF, DT_DC_SELF, DT_DC_THIS,
};

/* Type keywords seen in declaration specifiers (ds_words). */
#define DT_DW_VOID	0x0001
#define DT_DW_CHAR	0x0002
#define DT_DW_SHORT	0x0004
#define DT_DW_INT	0x0008
#define DT_DW_LONG	0x0010	/* ds_longs counts them */
#define DT_DW_FLOAT	0x0020
#define DT_DW_DOUBLE	0x0040
#define DT_DW_SIGNED	0x0080
#define DT_DW_UNSIGNED	0x0100
#define DT_DW_STRING	0x0200
#define DT_DW_USERLAND	0x0400

/* What names the type when it is not made of keywords (ds_kind). */
enum {
	DT_DK_NONE = 0, DT_DK_TNAME, DT_DK_STRUCT, DT_DK_UNION, DT_DK_ENUM,
};

struct dt_declspec {
	int ds_class;			/* DT_DC_* */
	unsigned ds_words;		/* DT_DW_* */
	int ds_longs;			/* number of "long" */
	unsigned ds_qual;		/* DT_NF_CONST ... */
	int ds_kind;			/* DT_DK_* */
	char *ds_name;			/* typedef name or tag, may be NULL */
	char *ds_scope;			/* `module` scope of the name, or NULL */
	int ds_defined;			/* the specifier has a { body } */
	dt_node_t *ds_body;		/* members (DT_NODE_MEMBER) or
					 * enumerators */
	int ds_line;
	long ds_ctfid;			/* the type a definition made, once */
};

/* Scanner start conditions the parser and lexer share (pcb_state). */
enum { DT_LEX_OUTER, DT_LEX_EXPR };

typedef struct dt_pcb {
	dtrace_hdl_t *pcb_hdl;
	void *pcb_scanner;		/* the flex scanner (yyscan_t) */
	jmp_buf pcb_jmpbuf;		/* where an error unwinds to */
	const char *pcb_filetag;	/* script name; NULL for a string */
	const char *pcb_curfile;	/* file of the current line (#line) */
	const char *pcb_cppfile;	/* the file cpp read (-C) */
	const char *pcb_region;		/* "failed to compile script x: " */
	int pcb_destructive;		/* the program has destructive actions */
	int pcb_spec;			/* DTRACE_PROBESPEC_* */
	unsigned pcb_cflags;		/* DTRACE_C_* */
	int pcb_sargc;			/* macro arguments $0 .. */
	char *const *pcb_sargv;
	unsigned char *pcb_sref;	/* which $n were referenced */
	int pcb_parens, pcb_brackets, pcb_braces;
	int pcb_indecl;			/* scanning an outer declaration */
	int pcb_eof;			/* the scanner has reached the end */
	char pcb_toktext[64];		/* text of the last token */
	int pcb_lasttok;		/* the last token */
	int pcb_cstate;			/* start condition to return to */
	dt_node_t *pcb_pragma;		/* words of the control line */
	int pcb_pragline;		/* line of the control line */
	dt_node_t *pcb_root;		/* the DT_NODE_PROG */
	void *pcb_allocs;		/* strings and specifiers */
	struct dt_tdname *pcb_typedefs;	/* names declared with typedef */
	struct dt_pragattr *pcb_attrs;	/* #pragma D attributes (dt_pragma.c) */
} dt_pcb_t;

/* Allocation from the pcb: freed together by dt_pcb_free(). */
void *dt_pcb_zalloc(dt_pcb_t *pcb, size_t size);
char *dt_pcb_strdup(dt_pcb_t *pcb, const char *s);
char *dt_pcb_strndup(dt_pcb_t *pcb, const char *s, size_t n);
void dt_pcb_free(dt_pcb_t *pcb);

/* Errors: format the message, then longjmp to pcb_jmpbuf. */
_Noreturn void dt_pcb_error(dt_pcb_t *pcb, dt_errtag_t tag, int line,
			    const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
_Noreturn void dt_node_error(dt_pcb_t *pcb, const dt_node_t *dnp,
			     dt_errtag_t tag, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
int dt_pcb_line(dt_pcb_t *pcb);

/* Tree builders (dt_parser.c). */
dt_node_t *dt_node_new(dt_pcb_t *pcb, int kind);
dt_node_t *dt_node_int(dt_pcb_t *pcb, uint64_t value, unsigned flags);
dt_node_t *dt_node_str(dt_pcb_t *pcb, int kind, char *s);
dt_node_t *dt_node_op1(dt_pcb_t *pcb, int op, dt_node_t *l);
dt_node_t *dt_node_op2(dt_pcb_t *pcb, int op, dt_node_t *l, dt_node_t *r);
dt_node_t *dt_node_op3(dt_pcb_t *pcb, dt_node_t *c, dt_node_t *l,
		       dt_node_t *r);
dt_node_t *dt_node_link(dt_node_t *list, dt_node_t *dnp);
int dt_node_list_len(const dt_node_t *list);
dt_declspec_t *dt_decl_new(dt_pcb_t *pcb);
dt_declspec_t *dt_decl_merge(dt_pcb_t *pcb, dt_declspec_t *a,
			     dt_declspec_t *b);
dt_node_t *dt_decl_wrap(dt_node_t *inner, dt_node_t *outer);
const char *dt_decl_name(const dt_node_t *decl);
int dt_node_is_typename(dt_pcb_t *pcb, const char *name);
void dt_type_declare_name(dt_pcb_t *pcb, const char *name);

/* Probe specifiers given without a clause (-P, -m, -f, -n). */
dt_node_t *dt_node_pdesc(dt_pcb_t *pcb, char *spec);

/* The semantic pass (dt_sema.c) runs over pcb_root. */
void dt_sema_program(dt_pcb_t *pcb);
int dt_sema_is_builtin(const char *name);

/* Control lines: #pragma, #line, # <n> "file" (dt_pragma.c). */
void dt_pragma(dt_pcb_t *pcb);

/* The -p/-c process, for $target (dt_cc.c). */
long dt_cc_target(dtrace_hdl_t *dtp);

/* The scanner (dt_lex.l). */
int dt_lex_init(dt_pcb_t *pcb, const char *text, size_t len);
void dt_lex_fini(dt_pcb_t *pcb);

#endif /* DT_PARSER_H */
