/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The D grammar.  It builds the parse tree of dt_parser.h and nothing else:
 * names are resolved and types checked later (dt_sema.c), so the actions
 * here stay one line each.  The grammar is C's expression and declaration
 * grammar plus D's additions: clauses with probe descriptions and
 * predicates, aggregations, translators, inlines, provider definitions, the
 * ^^ operator, stringof, xlate and associative-array declarators.
 *
 * Precedence follows from the layered expression rules, as in the C
 * standard, rather than from %left declarations; the only declared
 * precedence resolves the dangling else.  The grammar must stay free of
 * conflicts (bison runs with -Werror).
 *
 * The scanner decides between probe specifiers and C tokens (see dt_lex.l);
 * the parser never switches its states.
 */
%define api.pure full
%define api.prefix {dt_yy}
%define parse.error verbose
%param {dt_pcb_t *pcb}

%code requires {
#include "dt_parser.h"
}

%code provides {
int dt_yylex(DT_YYSTYPE *lvalp, dt_pcb_t *pcb);
void dt_yyerror(dt_pcb_t *pcb, const char *msg);
}

%code {
#define NODE(k)		dt_node_new(pcb, (k))
#define OP1(o, l)	dt_node_op1(pcb, (o), (l))
#define OP2(o, l, r)	dt_node_op2(pcb, (o), (l), (r))
#define LINK(a, b)	dt_node_link((a), (b))

static dt_node_t *dt_mknode(dt_pcb_t *pcb, int kind, dt_node_t *l,
			    dt_node_t *r)
{
	dt_node_t *dnp = dt_node_new(pcb, kind);

	dnp->dn_left = l;
	dnp->dn_right = r;
	return dnp;
}

static dt_node_t *dt_mktype(dt_pcb_t *pcb, dt_declspec_t *ds, dt_node_t *d)
{
	dt_node_t *dnp = dt_node_new(pcb, DT_NODE_TYPE);

	dnp->dn_spec = ds;
	dnp->dn_decl = d;
	return dnp;
}

static dt_declspec_t *dt_mkspec(dt_pcb_t *pcb, int kind, char *name)
{
	dt_declspec_t *ds = dt_decl_new(pcb);

	ds->ds_kind = kind;
	ds->ds_name = name;
	return ds;
}

static dt_declspec_t *dt_mkword(dt_pcb_t *pcb, unsigned w)
{
	dt_declspec_t *ds = dt_decl_new(pcb);

	ds->ds_words = w;
	ds->ds_longs = (w == DT_DW_LONG);
	return ds;
}

static dt_declspec_t *dt_mkclass(dt_pcb_t *pcb, int c)
{
	dt_declspec_t *ds = dt_decl_new(pcb);

	ds->ds_class = c;
	return ds;
}

static dt_declspec_t *dt_mkqual(dt_pcb_t *pcb, unsigned q)
{
	dt_declspec_t *ds = dt_decl_new(pcb);

	ds->ds_qual = q;
	return ds;
}
}

%union {
	struct { uint64_t v; unsigned f; } l_int;
	char *l_str;
	dt_node_t *l_node;
	dt_declspec_t *l_spec;
	int l_tok;
}

%token <l_str> DT_TOK_IDENT DT_TOK_TNAME DT_TOK_AGG DT_TOK_PSPEC
%token <l_str> DT_TOK_STRING
%token <l_int> DT_TOK_INT

%token DT_TOK_COMMA "," DT_TOK_ELLIPSIS "..."
%token DT_TOK_ASGN "=" DT_TOK_ADD_EQ "+=" DT_TOK_SUB_EQ "-="
%token DT_TOK_MUL_EQ "*=" DT_TOK_DIV_EQ "/=" DT_TOK_MOD_EQ "%="
%token DT_TOK_AND_EQ "&=" DT_TOK_XOR_EQ "^=" DT_TOK_OR_EQ "|="
%token DT_TOK_LSH_EQ "<<=" DT_TOK_RSH_EQ ">>="
%token DT_TOK_QUESTION "?" DT_TOK_COLON ":"
%token DT_TOK_LOR "||" DT_TOK_LXOR "^^" DT_TOK_LAND "&&"
%token DT_TOK_BOR "|" DT_TOK_XOR "^" DT_TOK_BAND "&"
%token DT_TOK_EQU "==" DT_TOK_NEQ "!="
%token DT_TOK_LT "<" DT_TOK_LE "<=" DT_TOK_GT ">" DT_TOK_GE ">="
%token DT_TOK_LSH "<<" DT_TOK_RSH ">>"
%token DT_TOK_ADD "+" DT_TOK_SUB "-" DT_TOK_MUL "*" DT_TOK_DIV "/"
%token DT_TOK_MOD "%"
%token DT_TOK_LNEG "!" DT_TOK_BNEG "~" DT_TOK_ADDADD "++" DT_TOK_SUBSUB "--"
%token DT_TOK_LPAR "(" DT_TOK_RPAR ")" DT_TOK_LBRAC "[" DT_TOK_RBRAC "]"
%token DT_TOK_LBRACE "{" DT_TOK_RBRACE "}" DT_TOK_SEMI ";"
%token DT_TOK_PTR "->" DT_TOK_DOT "."
%token DT_TOK_EPRED
%token DT_TOK_SIZEOF "sizeof" DT_TOK_STRINGOF "stringof"
%token DT_TOK_OFFSETOF "offsetof" DT_TOK_XLATE "xlate"

%token DT_KEY_AUTO "auto" DT_KEY_BREAK "break" DT_KEY_CASE "case"
%token DT_KEY_CHAR "char" DT_KEY_CONST "const" DT_KEY_CONTINUE "continue"
%token DT_KEY_COUNTER "counter" DT_KEY_DEFAULT "default" DT_KEY_DO "do"
%token DT_KEY_DOUBLE "double" DT_KEY_ELSE "else" DT_KEY_ENUM "enum"
%token DT_KEY_EXTERN "extern" DT_KEY_FLOAT "float" DT_KEY_FOR "for"
%token DT_KEY_GOTO "goto" DT_KEY_IF "if" DT_KEY_IMPORT "import"
%token DT_KEY_INLINE "inline" DT_KEY_INT "int" DT_KEY_LONG "long"
%token DT_KEY_PROBE "probe" DT_KEY_PROVIDER "provider"
%token DT_KEY_REGISTER "register" DT_KEY_RESTRICT "restrict"
%token DT_KEY_RETURN "return" DT_KEY_SELF "self" DT_KEY_SHORT "short"
%token DT_KEY_SIGNED "signed" DT_KEY_STATIC "static"
%token DT_KEY_STRING "string" DT_KEY_STRUCT "struct"
%token DT_KEY_SWITCH "switch" DT_KEY_THIS "this"
%token DT_KEY_XLATOR "translator" DT_KEY_TYPEDEF "typedef"
%token DT_KEY_UNION "union" DT_KEY_UNSIGNED "unsigned"
%token DT_KEY_USERLAND "userland" DT_KEY_VOID "void"
%token DT_KEY_VOLATILE "volatile" DT_KEY_WHILE "while"

%precedence DT_IF_NOELSE
%precedence DT_KEY_ELSE

%type <l_node> translation_unit external_declaration inline_definition
%type <l_node> translator_definition translator_members translator_member
%type <l_node> provider_definition provider_probes provider_probe
%type <l_node> probe_definition probe_specifiers probe_specifier
%type <l_node> statement_list statement_list_impl statement
%type <l_node> statement_or_block
%type <l_node> declaration init_declarator_list declarator
%type <l_node> direct_declarator pointer abstract_declarator
%type <l_node> direct_abstract_declarator array_dimension
%type <l_node> parameter_type_list parameter_list parameter_declaration
%type <l_node> function_parameters struct_declaration_list
%type <l_node> struct_declaration struct_declarator_list struct_declarator
%type <l_node> enumerator_list enumerator type_name
%type <l_node> expression assignment_expression conditional_expression
%type <l_node> constant_expression logical_or_expression
%type <l_node> logical_xor_expression logical_and_expression
%type <l_node> inclusive_or_expression exclusive_or_expression
%type <l_node> and_expression equality_expression relational_expression
%type <l_node> shift_expression additive_expression
%type <l_node> multiplicative_expression cast_expression unary_expression
%type <l_node> postfix_expression primary_expression argument_list
%type <l_spec> declaration_specifiers declaration_specifier
%type <l_spec> parameter_specifiers parameter_specifier
%type <l_spec> specifier_qualifier_list storage_class_specifier
%type <l_spec> type_specifier type_qualifier type_qualifier_list
%type <l_spec> struct_or_union_specifier enum_specifier
%type <l_str> any_name member_name
%type <l_tok> assignment_operator unary_operator struct_or_union

%start d_program

%%

d_program:
		%empty { pcb->pcb_root = NODE(DT_NODE_PROG); }
	|	translation_unit {
			pcb->pcb_root = NODE(DT_NODE_PROG);
			pcb->pcb_root->dn_body = $1;
		}
	;

translation_unit:
		external_declaration
	|	translation_unit external_declaration { $$ = LINK($1, $2); }
	;

external_declaration:
		inline_definition
	|	translator_definition
	|	provider_definition
	|	probe_definition
	|	declaration
	;

/* Probe clauses. */

probe_definition:
		probe_specifiers {
			/*
			 * A bare description is how -n BEGIN and friends are
			 * written; in a script it is almost always a predicate
			 * eaten by a comment, so DTrace refuses it there.
			 */
			if (pcb->pcb_filetag)
				dt_node_error(pcb, $1, D_SYNTAX, "expected "
				    "predicate and/or actions following probe "
				    "description");
			$$ = dt_mknode(pcb, DT_NODE_CLAUSE, $1, NULL);
		}
	|	probe_specifiers "{" statement_list "}" {
			$$ = dt_mknode(pcb, DT_NODE_CLAUSE, $1, NULL);
			$$->dn_body = $3;
		}
	|	probe_specifiers "/" expression DT_TOK_EPRED {
			dt_node_error(pcb, $3, D_SYNTAX, "expected actions { } "
			    "following probe description and predicate");
		}
	|	probe_specifiers "/" expression DT_TOK_EPRED
		    "{" statement_list "}" {
			$$ = dt_mknode(pcb, DT_NODE_CLAUSE, $1, NULL);
			$$->dn_pred = $3;
			$$->dn_body = $6;
		}
	;

probe_specifiers:
		probe_specifier
	|	probe_specifiers "," probe_specifier { $$ = LINK($1, $3); }
	;

probe_specifier:
		DT_TOK_PSPEC { $$ = dt_node_pdesc(pcb, $1); }
	|	DT_TOK_INT {
			$$ = dt_node_int(pcb, $1.v, $1.f);
			$$->dn_kind = DT_NODE_PDESC;
		}
	;

statement_list:
		statement_list_impl
	|	statement_list_impl expression {
			$$ = LINK($1, dt_mknode(pcb, DT_NODE_STMT, $2, NULL));
		}
	;

statement_list_impl:
		%empty { $$ = NULL; }
	|	statement_list_impl statement { $$ = LINK($1, $2); }
	;

statement_or_block:
		statement
	|	"{" statement_list "}" { $$ = $2; }
	;

statement:
		";" { $$ = NULL; }
	|	expression ";" { $$ = dt_mknode(pcb, DT_NODE_STMT, $1, NULL); }
	|	"if" "(" expression ")" statement_or_block %prec DT_IF_NOELSE {
			$$ = dt_mknode(pcb, DT_NODE_IF, $3, $5);
		}
	|	"if" "(" expression ")" statement_or_block
		    "else" statement_or_block {
			$$ = dt_mknode(pcb, DT_NODE_IF, $3, $5);
			$$->dn_third = $7;
		}
	;

/* Inlines, translators, providers. */

inline_definition:
		"inline" declaration_specifiers declarator "="
		    assignment_expression ";" {
			$$ = dt_mknode(pcb, DT_NODE_INLINE, NULL, $5);
			$$->dn_spec = $2;
			$$->dn_decl = $3;
		}
	;

translator_definition:
		"translator" type_name "<" type_name DT_TOK_IDENT ">"
		    "{" translator_members "}" ";" {
			$$ = dt_mknode(pcb, DT_NODE_XLATOR, $2, $4);
			$$->dn_string = $5;
			$$->dn_body = $8;
		}
	|	"translator" type_name "<" type_name DT_TOK_IDENT ">"
		    "{" "}" ";" {
			$$ = dt_mknode(pcb, DT_NODE_XLATOR, $2, $4);
			$$->dn_string = $5;
		}
	;

translator_members:
		translator_member
	|	translator_members translator_member { $$ = LINK($1, $2); }
	;

translator_member:
		member_name "=" assignment_expression ";" {
			$$ = dt_mknode(pcb, DT_NODE_MEMBER, $3, NULL);
			$$->dn_string = $1;
		}
	;

provider_definition:
		"provider" any_name "{" provider_probes "}" ";" {
			$$ = NODE(DT_NODE_PROVIDER);
			$$->dn_string = $2;
			$$->dn_body = $4;
		}
	|	"provider" any_name "{" "}" ";" {
			$$ = NODE(DT_NODE_PROVIDER);
			$$->dn_string = $2;
		}
	;

provider_probes:
		provider_probe
	|	provider_probes provider_probe { $$ = LINK($1, $2); }
	;

provider_probe:
		"probe" any_name function_parameters ";" {
			$$ = NODE(DT_NODE_PROBE);
			$$->dn_string = $2;
			$$->dn_args = $3;
		}
	|	"probe" any_name function_parameters ":"
		    function_parameters ";" {
			$$ = NODE(DT_NODE_PROBE);
			$$->dn_string = $2;
			$$->dn_args = $3;
			$$->dn_body = $5;
			$$->dn_flags = 1;	/* translated arguments given */
		}
	;

function_parameters:
		"(" ")" { $$ = NULL; }
	|	"(" parameter_type_list ")" { $$ = $2; }
	;

any_name:	DT_TOK_IDENT | DT_TOK_TNAME ;
member_name:	DT_TOK_IDENT | DT_TOK_TNAME ;

/* Expressions, from C, plus D's ^^, stringof, xlate and aggregations. */

primary_expression:
		DT_TOK_IDENT { $$ = dt_node_str(pcb, DT_NODE_IDENT, $1); }
	|	DT_TOK_AGG { $$ = dt_node_str(pcb, DT_NODE_IDENT, $1); }
	|	DT_TOK_INT { $$ = dt_node_int(pcb, $1.v, $1.f); }
	|	DT_TOK_STRING { $$ = dt_node_str(pcb, DT_NODE_STRING, $1); }
	|	"self" {
			$$ = dt_node_str(pcb, DT_NODE_IDENT,
					 dt_pcb_strdup(pcb, "self"));
		}
	|	"this" {
			$$ = dt_node_str(pcb, DT_NODE_IDENT,
					 dt_pcb_strdup(pcb, "this"));
		}
	|	"(" expression ")" { $$ = $2; }
	;

postfix_expression:
		primary_expression
	|	postfix_expression "[" argument_list "]" {
			$$ = OP2(DT_OP_INDEX, $1, $3);
		}
	|	postfix_expression "(" ")" {
			$$ = dt_mknode(pcb, DT_NODE_FUNC, $1, NULL);
		}
	|	postfix_expression "(" argument_list ")" {
			$$ = dt_mknode(pcb, DT_NODE_FUNC, $1, NULL);
			$$->dn_args = $3;
		}
	|	postfix_expression "." member_name {
			$$ = OP2(DT_TOK_DOT, $1,
				 dt_node_str(pcb, DT_NODE_IDENT, $3));
		}
	|	postfix_expression "->" member_name {
			$$ = OP2(DT_TOK_PTR, $1,
				 dt_node_str(pcb, DT_NODE_IDENT, $3));
		}
	|	postfix_expression "++" { $$ = OP1(DT_OP_POSTINC, $1); }
	|	postfix_expression "--" { $$ = OP1(DT_OP_POSTDEC, $1); }
	|	"offsetof" "(" type_name "," member_name ")" {
			$$ = dt_mknode(pcb, DT_NODE_OFFSETOF, $3, NULL);
			$$->dn_string = $5;
		}
	|	"xlate" "<" type_name ">" "(" expression ")" {
			$$ = dt_mknode(pcb, DT_NODE_XLATE, $3, $6);
		}
	;

argument_list:
		assignment_expression
	|	argument_list "," assignment_expression { $$ = LINK($1, $3); }
	;

unary_expression:
		postfix_expression
	|	"++" unary_expression { $$ = OP1(DT_OP_PREINC, $2); }
	|	"--" unary_expression { $$ = OP1(DT_OP_PREDEC, $2); }
	|	unary_operator cast_expression { $$ = OP1($1, $2); }
	|	"sizeof" unary_expression { $$ = OP1(DT_TOK_SIZEOF, $2); }
	|	"sizeof" "(" type_name ")" { $$ = OP1(DT_TOK_SIZEOF, $3); }
	|	"stringof" unary_expression { $$ = OP1(DT_TOK_STRINGOF, $2); }
	;

unary_operator:
		"&" { $$ = DT_OP_ADDROF; }
	|	"*" { $$ = DT_OP_DEREF; }
	|	"+" { $$ = DT_OP_IPOS; }
	|	"-" { $$ = DT_OP_INEG; }
	|	"~" { $$ = DT_TOK_BNEG; }
	|	"!" { $$ = DT_TOK_LNEG; }
	;

cast_expression:
		unary_expression
	|	"(" type_name ")" cast_expression { $$ = OP2(DT_OP_CAST, $2, $4); }
	;

multiplicative_expression:
		cast_expression
	|	multiplicative_expression "*" cast_expression {
			$$ = OP2(DT_TOK_MUL, $1, $3);
		}
	|	multiplicative_expression "/" cast_expression {
			$$ = OP2(DT_TOK_DIV, $1, $3);
		}
	|	multiplicative_expression "%" cast_expression {
			$$ = OP2(DT_TOK_MOD, $1, $3);
		}
	;

additive_expression:
		multiplicative_expression
	|	additive_expression "+" multiplicative_expression {
			$$ = OP2(DT_TOK_ADD, $1, $3);
		}
	|	additive_expression "-" multiplicative_expression {
			$$ = OP2(DT_TOK_SUB, $1, $3);
		}
	;

shift_expression:
		additive_expression
	|	shift_expression "<<" additive_expression {
			$$ = OP2(DT_TOK_LSH, $1, $3);
		}
	|	shift_expression ">>" additive_expression {
			$$ = OP2(DT_TOK_RSH, $1, $3);
		}
	;

relational_expression:
		shift_expression
	|	relational_expression "<" shift_expression {
			$$ = OP2(DT_TOK_LT, $1, $3);
		}
	|	relational_expression ">" shift_expression {
			$$ = OP2(DT_TOK_GT, $1, $3);
		}
	|	relational_expression "<=" shift_expression {
			$$ = OP2(DT_TOK_LE, $1, $3);
		}
	|	relational_expression ">=" shift_expression {
			$$ = OP2(DT_TOK_GE, $1, $3);
		}
	;

equality_expression:
		relational_expression
	|	equality_expression "==" relational_expression {
			$$ = OP2(DT_TOK_EQU, $1, $3);
		}
	|	equality_expression "!=" relational_expression {
			$$ = OP2(DT_TOK_NEQ, $1, $3);
		}
	;

and_expression:
		equality_expression
	|	and_expression "&" equality_expression {
			$$ = OP2(DT_TOK_BAND, $1, $3);
		}
	;

exclusive_or_expression:
		and_expression
	|	exclusive_or_expression "^" and_expression {
			$$ = OP2(DT_TOK_XOR, $1, $3);
		}
	;

inclusive_or_expression:
		exclusive_or_expression
	|	inclusive_or_expression "|" exclusive_or_expression {
			$$ = OP2(DT_TOK_BOR, $1, $3);
		}
	;

logical_and_expression:
		inclusive_or_expression
	|	logical_and_expression "&&" inclusive_or_expression {
			$$ = OP2(DT_TOK_LAND, $1, $3);
		}
	;

logical_xor_expression:
		logical_and_expression
	|	logical_xor_expression "^^" logical_and_expression {
			$$ = OP2(DT_TOK_LXOR, $1, $3);
		}
	;

logical_or_expression:
		logical_xor_expression
	|	logical_or_expression "||" logical_xor_expression {
			$$ = OP2(DT_TOK_LOR, $1, $3);
		}
	;

conditional_expression:
		logical_or_expression
	|	logical_or_expression "?" expression ":" conditional_expression {
			$$ = dt_node_op3(pcb, $1, $3, $5);
		}
	;

constant_expression:
		conditional_expression
	;

assignment_expression:
		conditional_expression
	|	unary_expression assignment_operator assignment_expression {
			$$ = OP2($2, $1, $3);
		}
	;

assignment_operator:
		"=" { $$ = DT_TOK_ASGN; }
	|	"*=" { $$ = DT_TOK_MUL_EQ; }
	|	"/=" { $$ = DT_TOK_DIV_EQ; }
	|	"%=" { $$ = DT_TOK_MOD_EQ; }
	|	"+=" { $$ = DT_TOK_ADD_EQ; }
	|	"-=" { $$ = DT_TOK_SUB_EQ; }
	|	"<<=" { $$ = DT_TOK_LSH_EQ; }
	|	">>=" { $$ = DT_TOK_RSH_EQ; }
	|	"&=" { $$ = DT_TOK_AND_EQ; }
	|	"^=" { $$ = DT_TOK_XOR_EQ; }
	|	"|=" { $$ = DT_TOK_OR_EQ; }
	;

expression:
		assignment_expression
	|	expression "," assignment_expression {
			$$ = OP2(DT_TOK_COMMA, $1, $3);
		}
	;

/* Declarations, from C, with D's self/this classes and tuple arrays. */

declaration:
		declaration_specifiers ";" {
			$$ = NODE(DT_NODE_DECL);
			$$->dn_spec = $1;
		}
	|	declaration_specifiers init_declarator_list ";" {
			dt_node_t *d;

			$$ = NODE(DT_NODE_DECL);
			$$->dn_spec = $1;
			$$->dn_decl = $2;
			/* The scanner must know the new name at once. */
			for (d = $2; $1->ds_class == DT_DC_TYPEDEF && d;
			     d = d->dn_next)
				if (dt_decl_name(d))
					dt_type_declare_name(pcb,
							     dt_decl_name(d));
		}
	;

declaration_specifiers:
		declaration_specifier
	|	declaration_specifiers declaration_specifier {
			$$ = dt_decl_merge(pcb, $1, $2);
		}
	;

declaration_specifier:
		storage_class_specifier
	|	"self" { $$ = dt_mkclass(pcb, DT_DC_SELF); }
	|	"this" { $$ = dt_mkclass(pcb, DT_DC_THIS); }
	|	type_specifier
	|	type_qualifier
	;

/* Parameters have no self or this class: "[this" starts an expression. */
parameter_specifiers:
		parameter_specifier
	|	parameter_specifiers parameter_specifier {
			$$ = dt_decl_merge(pcb, $1, $2);
		}
	;

parameter_specifier:
		storage_class_specifier
	|	type_specifier
	|	type_qualifier
	;

storage_class_specifier:
		"auto" { $$ = dt_mkclass(pcb, DT_DC_AUTO); }
	|	"register" { $$ = dt_mkclass(pcb, DT_DC_REGISTER); }
	|	"static" { $$ = dt_mkclass(pcb, DT_DC_STATIC); }
	|	"extern" { $$ = dt_mkclass(pcb, DT_DC_EXTERN); }
	|	"typedef" { $$ = dt_mkclass(pcb, DT_DC_TYPEDEF); }
	;

type_specifier:
		"void" { $$ = dt_mkword(pcb, DT_DW_VOID); }
	|	"char" { $$ = dt_mkword(pcb, DT_DW_CHAR); }
	|	"short" { $$ = dt_mkword(pcb, DT_DW_SHORT); }
	|	"int" { $$ = dt_mkword(pcb, DT_DW_INT); }
	|	"long" { $$ = dt_mkword(pcb, DT_DW_LONG); }
	|	"float" { $$ = dt_mkword(pcb, DT_DW_FLOAT); }
	|	"double" { $$ = dt_mkword(pcb, DT_DW_DOUBLE); }
	|	"signed" { $$ = dt_mkword(pcb, DT_DW_SIGNED); }
	|	"unsigned" { $$ = dt_mkword(pcb, DT_DW_UNSIGNED); }
	|	"string" { $$ = dt_mkword(pcb, DT_DW_STRING); }
	|	"userland" { $$ = dt_mkword(pcb, DT_DW_USERLAND); }
	|	DT_TOK_TNAME { $$ = dt_mkspec(pcb, DT_DK_TNAME, $1); }
	|	struct_or_union_specifier
	|	enum_specifier
	;

type_qualifier:
		"const" { $$ = dt_mkqual(pcb, DT_NF_CONST); }
	|	"restrict" { $$ = dt_mkqual(pcb, DT_NF_RESTRICT); }
	|	"volatile" { $$ = dt_mkqual(pcb, DT_NF_VOLATILE); }
	;

struct_or_union_specifier:
		struct_or_union "{" struct_declaration_list "}" {
			$$ = dt_mkspec(pcb, $1, NULL);
			$$->ds_defined = 1;
			$$->ds_body = $3;
		}
	|	struct_or_union any_name "{" struct_declaration_list "}" {
			$$ = dt_mkspec(pcb, $1, $2);
			$$->ds_defined = 1;
			$$->ds_body = $4;
		}
	|	struct_or_union any_name { $$ = dt_mkspec(pcb, $1, $2); }
	;

struct_or_union:
		"struct" { $$ = DT_DK_STRUCT; }
	|	"union" { $$ = DT_DK_UNION; }
	;

struct_declaration_list:
		struct_declaration
	|	struct_declaration_list struct_declaration { $$ = LINK($1, $2); }
	;

struct_declaration:
		specifier_qualifier_list struct_declarator_list ";" {
			dt_node_t *m;

			for (m = $2; m; m = m->dn_next)
				m->dn_spec = $1;
			$$ = $2;
		}
	;

specifier_qualifier_list:
		type_specifier
	|	type_qualifier
	|	specifier_qualifier_list type_specifier {
			$$ = dt_decl_merge(pcb, $1, $2);
		}
	|	specifier_qualifier_list type_qualifier {
			$$ = dt_decl_merge(pcb, $1, $2);
		}
	;

struct_declarator_list:
		struct_declarator
	|	struct_declarator_list "," struct_declarator {
			$$ = LINK($1, $3);
		}
	;

struct_declarator:
		declarator {
			$$ = NODE(DT_NODE_MEMBER);
			$$->dn_decl = $1;
		}
	|	":" constant_expression {
			$$ = dt_mknode(pcb, DT_NODE_MEMBER, $2, NULL);
		}
	|	declarator ":" constant_expression {
			$$ = dt_mknode(pcb, DT_NODE_MEMBER, $3, NULL);
			$$->dn_decl = $1;
		}
	;

enum_specifier:
		"enum" "{" enumerator_list "}" {
			$$ = dt_mkspec(pcb, DT_DK_ENUM, NULL);
			$$->ds_defined = 1;
			$$->ds_body = $3;
		}
	|	"enum" "{" enumerator_list "," "}" {
			$$ = dt_mkspec(pcb, DT_DK_ENUM, NULL);
			$$->ds_defined = 1;
			$$->ds_body = $3;
		}
	|	"enum" any_name "{" enumerator_list "}" {
			$$ = dt_mkspec(pcb, DT_DK_ENUM, $2);
			$$->ds_defined = 1;
			$$->ds_body = $4;
		}
	|	"enum" any_name "{" enumerator_list "," "}" {
			$$ = dt_mkspec(pcb, DT_DK_ENUM, $2);
			$$->ds_defined = 1;
			$$->ds_body = $4;
		}
	|	"enum" any_name { $$ = dt_mkspec(pcb, DT_DK_ENUM, $2); }
	;

enumerator_list:
		enumerator
	|	enumerator_list "," enumerator { $$ = LINK($1, $3); }
	;

enumerator:
		DT_TOK_IDENT {
			$$ = NODE(DT_NODE_MEMBER);
			$$->dn_string = $1;
		}
	|	DT_TOK_IDENT "=" constant_expression {
			$$ = dt_mknode(pcb, DT_NODE_MEMBER, $3, NULL);
			$$->dn_string = $1;
		}
	;

init_declarator_list:
		declarator
	|	init_declarator_list "," declarator { $$ = LINK($1, $3); }
	;

declarator:
		direct_declarator
	|	pointer direct_declarator { $$ = dt_decl_wrap($2, $1); }
	;

direct_declarator:
		DT_TOK_IDENT { $$ = dt_node_str(pcb, DT_NODE_DCL_IDENT, $1); }
	|	"(" declarator ")" { $$ = $2; }
	|	direct_declarator array_dimension {
			$2->dn_left = $1;
			$$ = $2;
		}
	|	direct_declarator function_parameters {
			$$ = dt_mknode(pcb, DT_NODE_DCL_FUNC, $1, NULL);
			$$->dn_args = $2;
		}
	;

array_dimension:
		"[" "]" { $$ = NODE(DT_NODE_DCL_ARRAY); }
	|	"[" constant_expression "]" {
			$$ = dt_mknode(pcb, DT_NODE_DCL_ARRAY, NULL, $2);
		}
	|	"[" parameter_type_list "]" {
			$$ = NODE(DT_NODE_DCL_ARRAY);
			$$->dn_args = $2;
		}
	;

/*
 * A pointer chain is built outermost first: "* const *" is a pointer
 * (const) to a pointer; dt_decl_wrap() hangs the declarator under it.
 */
pointer:
		"*" {
			$$ = NODE(DT_NODE_DCL_PTR);
		}
	|	"*" type_qualifier_list {
			$$ = NODE(DT_NODE_DCL_PTR);
			$$->dn_flags = $2->ds_qual;
		}
	|	"*" pointer {
			$$ = NODE(DT_NODE_DCL_PTR);
			$$ = dt_decl_wrap($$, $2);
		}
	|	"*" type_qualifier_list pointer {
			$$ = NODE(DT_NODE_DCL_PTR);
			$$->dn_flags = $2->ds_qual;
			$$ = dt_decl_wrap($$, $3);
		}
	;

type_qualifier_list:
		type_qualifier
	|	type_qualifier_list type_qualifier {
			$$ = dt_decl_merge(pcb, $1, $2);
		}
	;

parameter_type_list:
		parameter_list
	|	parameter_list "," "..." { $$ = LINK($1, NODE(DT_NODE_ELLIPSIS)); }
	;

parameter_list:
		parameter_declaration
	|	parameter_list "," parameter_declaration { $$ = LINK($1, $3); }
	;

parameter_declaration:
		parameter_specifiers { $$ = dt_mktype(pcb, $1, NULL); }
	|	parameter_specifiers declarator { $$ = dt_mktype(pcb, $1, $2); }
	|	parameter_specifiers abstract_declarator {
			$$ = dt_mktype(pcb, $1, $2);
		}
	;

type_name:
		specifier_qualifier_list { $$ = dt_mktype(pcb, $1, NULL); }
	|	specifier_qualifier_list abstract_declarator {
			$$ = dt_mktype(pcb, $1, $2);
		}
	;

abstract_declarator:
		pointer
	|	direct_abstract_declarator
	|	pointer direct_abstract_declarator { $$ = dt_decl_wrap($2, $1); }
	;

direct_abstract_declarator:
		"(" abstract_declarator ")" { $$ = $2; }
	|	array_dimension
	|	direct_abstract_declarator array_dimension {
			$2->dn_left = $1;
			$$ = $2;
		}
	|	function_parameters {
			$$ = NODE(DT_NODE_DCL_FUNC);
			$$->dn_args = $1;
		}
	|	direct_abstract_declarator function_parameters {
			$$ = dt_mknode(pcb, DT_NODE_DCL_FUNC, $1, NULL);
			$$->dn_args = $2;
		}
	;

%%
