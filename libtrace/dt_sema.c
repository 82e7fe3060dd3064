// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The semantic pass (see dt_cc.c for where it sits in the compiler).  It
 * walks the program in order, as D defines it: a variable exists from the
 * first assignment to it, in program order, so "x = x + 1" as the first use
 * of x is an error and the same statement after "x = 0" is not.  It checks:
 *
 *  - probe descriptions: split, matched (D_PDESC_ZERO unless -Z);
 *  - names: built-in variables, globals, self-> and this-> variables,
 *    associative arrays and aggregations with consistent key counts, and
 *    which of them may be written;
 *  - calls: the function exists (actions, subroutines -- those of
 *    <dtrace/dif.h>, so DTrace's Solaris-only ones are unknown here --,
 *    aggregating functions) and gets as many arguments as its prototype takes, in
 *    DTrace's words;
 *  - aggregations: assigned from an aggregating function, never redefined
 *    with another one, lquantize/llquantize parameters, the same at every
 *    use of one aggregation (lquantize's step defaults to 1 here);
 *  - the order of actions in a clause (speculate, commit, data records);
 *  - printf-like format strings, parsed by the consumer's own parser
 *    (dt_printf.c), against their arguments;
 *  - translators: members of the output type, expressions checked with
 *    the input bound and of a class the member takes; xlate member
 *    references resolved to them;
 *  - provider definitions: distinct probes, at most 255 arguments, and a
 *    provider defined again declaring the same probes;
 *  - declarations: no void or incomplete variables or members; casts,
 *    sizeof, & and offsetof of what DTrace allows them on (no bit-fields);
 *  - inlines: each use of one becomes a copy of its checked expression
 *    (so "curpsinfo->pr_pid" is an xlate member reference); the
 *    translator library's inlines and translators start every
 *    compilation's lists (struct dt_semalib, loaded by dt_cc.c);
 *  - constant division by zero.
 *
 * Each expression node gets its C type (dn_type, a ctf_id_t of the
 * handle's dictionary, see dt_types.c) and a coarse value class
 * (dn_vkind: integer, string, pointer, void, ...) that the checks above
 * use; a type of 0 means not known.  args[N] has the type its probes
 * give it (dt_args.c: D_ARGS_MULTI when they disagree, D_ARGS_IDX past
 * their arguments), or none when their types are not known.
 * sizeof and offsetof become constants here, and so does any operator
 * whose operands are constants (dt_fold).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "dt_cc.h"
#include "dt_args.h"
#include "dt_ksym.h"
#include "dt_printf.h"
#include <dtrace/dof.h>
#include <dtrace/abi.h>
#include <dtrace/dif.h>
#include "dt_grammar.h"

/* Identifier kinds, as DTrace names them in messages. */
enum { DT_IK_SCALAR, DT_IK_ARRAY, DT_IK_AGG, DT_IK_FUNC, DT_IK_ACTFUNC,
       DT_IK_AGGFUNC };

static const char *const dt_ikname[] = {
	[DT_IK_SCALAR] = "scalar", [DT_IK_ARRAY] = "array",
	[DT_IK_AGG] = "aggregation", [DT_IK_FUNC] = "function",
	[DT_IK_ACTFUNC] = "action", [DT_IK_AGGFUNC] = "aggregating function",
};

/* A built-in variable; its C type is dt_bvar_type()'s. */
static const struct dt_bvar {
	const char *bv_name;
	int bv_kind;		/* DT_IK_SCALAR or DT_IK_ARRAY */
	int bv_vkind;
	int bv_writable;
} dt_bvars[] = {
	{ "arg0", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "arg1", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "arg2", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "arg3", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "arg4", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "arg5", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "arg6", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "arg7", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "arg8", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "arg9", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "args", DT_IK_ARRAY, DT_VK_ANY, 0 },
	{ "caller", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "cpu", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "curcpu", DT_IK_SCALAR, DT_VK_PTR, 0 },
	{ "curlwpsinfo", DT_IK_SCALAR, DT_VK_PTR, 0 },
	{ "curpsinfo", DT_IK_SCALAR, DT_VK_PTR, 0 },
	{ "curthread", DT_IK_SCALAR, DT_VK_PTR, 0 },
	{ "cwd", DT_IK_SCALAR, DT_VK_STRING, 0 },
	{ "epid", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "errno", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "execname", DT_IK_SCALAR, DT_VK_STRING, 0 },
	{ "gid", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "id", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "ipl", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "pid", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "ppid", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "probefunc", DT_IK_SCALAR, DT_VK_STRING, 0 },
	{ "probemod", DT_IK_SCALAR, DT_VK_STRING, 0 },
	{ "probename", DT_IK_SCALAR, DT_VK_STRING, 0 },
	{ "probeprov", DT_IK_SCALAR, DT_VK_STRING, 0 },
	{ "root", DT_IK_SCALAR, DT_VK_STRING, 0 },
	{ "stackdepth", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "tid", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "timestamp", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "ucaller", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "uid", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "uregs", DT_IK_ARRAY, DT_VK_INT, 0 },
	{ "ustackdepth", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "vmregs", DT_IK_ARRAY, DT_VK_INT, 0 },
	{ "vtimestamp", DT_IK_SCALAR, DT_VK_INT, 0 },
	{ "walltimestamp", DT_IK_SCALAR, DT_VK_INT, 0 },
};

/* The C types of built-in variables (those not listed are int64_t). */
static const struct {
	const char *bt_name;
	const char *bt_type;
} dt_bvar_types[] = {
	{ "curthread", "struct task_struct *" }, { "execname", "string" },
	{ "probeprov", "string" }, { "probemod", "string" },
	{ "probefunc", "string" }, { "probename", "string" },
	{ "root", "string" }, { "cwd", "string" },
	{ "pid", "pid_t" }, { "ppid", "pid_t" }, { "tid", "id_t" },
	{ "uid", "uid_t" }, { "gid", "gid_t" }, { "cpu", "processorid_t" },
	{ "errno", "int" }, { "timestamp", "uint64_t" },
	{ "vtimestamp", "uint64_t" }, { "caller", "uintptr_t" },
	{ "ucaller", "uintptr_t" }, { "stackdepth", "uint32_t" },
	{ "ustackdepth", "uint32_t" }, { "epid", "uint32_t" },
	{ "id", "uint32_t" }, { "ipl", "uint_t" }, { "uregs", "uint64_t" },
	{ "vmregs", "uint64_t" },
};

/* The type of a D type name, with trailing "*"s for pointers. */
static long dt_sema_typename(dt_pcb_t *pcb, const char *name)
{
	char buf[128];
	size_t n;
	int ptrs = 0;
	ctf_id_t t;

	snprintf(buf, sizeof(buf), "%s", name);
	while ((n = strlen(buf)) > 0 && (buf[n - 1] == '*' || buf[n - 1] == ' ')) {
		ptrs += buf[n - 1] == '*';
		buf[n - 1] = '\0';
	}
	t = dt_type_lookup(pcb->pcb_hdl, buf);
	while (t != CTF_ERR && ptrs-- > 0)
		t = dt_type_pointer(pcb->pcb_hdl, t);
	return t == CTF_ERR ? 0 : t;
}

static long dt_bvar_type(dt_pcb_t *pcb, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(dt_bvar_types) / sizeof(dt_bvar_types[0]); i++)
		if (strcmp(dt_bvar_types[i].bt_name, name) == 0)
			return dt_sema_typename(pcb, dt_bvar_types[i].bt_type);
	if (strncmp(name, "arg", 3) == 0)
		return dt_sema_typename(pcb, "int64_t");
	return 0;
}

/* Function flags. */
#define DT_FF_DESTRUCTIVE	0x01	/* needs -w */
#define DT_FF_DATAREC		0x02	/* records data in the buffer */
#define DT_FF_FORMAT		0x04	/* first argument is a printf format */
#define DT_FF_AGGARG		0x08	/* first argument is an aggregation */

/*
 * Actions, subroutines and aggregating functions.  fn_min and fn_max are
 * the argument counts; fn_max -1 is "and any number more"; fn_min < fn_max
 * are optional arguments.
 */
static const struct dt_func {
	const char *fn_name;
	int fn_kind;		/* DT_IK_ACTFUNC, DT_IK_FUNC, DT_IK_AGGFUNC */
	int fn_min, fn_max;
	int fn_vkind;		/* what a subroutine returns */
	unsigned fn_flags;
	int fn_act;		/* DTRACE_DOFACT_* or DTRACE_AGG_* */
} dt_funcs[] = {
	/* actions */
	{ "trace", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, DT_FF_DATAREC,
	  DTRACE_DOFACT_TRACE },
	{ "tracemem", DT_IK_ACTFUNC, 2, 3, DT_VK_VOID, DT_FF_DATAREC,
	  DTRACE_DOFACT_TRACEMEM },
	{ "printf", DT_IK_ACTFUNC, 1, -1, DT_VK_VOID,
	  DT_FF_DATAREC | DT_FF_FORMAT, DTRACE_DOFACT_PRINTF },
	{ "printa", DT_IK_ACTFUNC, 1, -1, DT_VK_VOID, DT_FF_DATAREC,
	  DTRACE_DOFACT_PRINTA },
	{ "print", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, DT_FF_DATAREC,
	  DTRACE_DOFACT_PRINT },
	{ "stack", DT_IK_ACTFUNC, 0, 1, DT_VK_VOID, DT_FF_DATAREC,
	  DTRACE_DOFACT_STACK },
	{ "ustack", DT_IK_ACTFUNC, 0, 2, DT_VK_VOID, DT_FF_DATAREC,
	  DTRACE_DOFACT_USTACK },
	{ "jstack", DT_IK_ACTFUNC, 0, 2, DT_VK_VOID, DT_FF_DATAREC,
	  DTRACE_DOFACT_JSTACK },
	{ "func", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, DT_FF_DATAREC,
	  DTRACE_DOFACT_SYM },
	{ "sym", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, DT_FF_DATAREC,
	  DTRACE_DOFACT_SYM },
	{ "mod", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, DT_FF_DATAREC,
	  DTRACE_DOFACT_MOD },
	{ "ufunc", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, DT_FF_DATAREC,
	  DTRACE_DOFACT_USYM },
	{ "usym", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, DT_FF_DATAREC,
	  DTRACE_DOFACT_USYM },
	{ "umod", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, DT_FF_DATAREC,
	  DTRACE_DOFACT_UMOD },
	{ "uaddr", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, DT_FF_DATAREC,
	  DTRACE_DOFACT_UADDR },
	{ "exit", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, DT_FF_DATAREC,
	  DTRACE_DOFACT_EXIT },
	{ "speculate", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, 0,
	  DTRACE_DOFACT_SPECULATE },
	{ "commit", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, 0, DTRACE_DOFACT_COMMIT },
	{ "discard", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, 0,
	  DTRACE_DOFACT_DISCARD },
	{ "clear", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, DT_FF_AGGARG,
	  DTRACE_DOFACT_CLEAR },
	{ "trunc", DT_IK_ACTFUNC, 1, 2, DT_VK_VOID, DT_FF_AGGARG,
	  DTRACE_DOFACT_TRUNC },
	{ "normalize", DT_IK_ACTFUNC, 2, 2, DT_VK_VOID, DT_FF_AGGARG,
	  DTRACE_DOFACT_NORMALIZE },
	{ "denormalize", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, DT_FF_AGGARG,
	  DTRACE_DOFACT_DENORMALIZE },
	{ "setopt", DT_IK_ACTFUNC, 1, 2, DT_VK_VOID, 0, DTRACE_DOFACT_SETOPT },
	{ "ftruncate", DT_IK_ACTFUNC, 0, 0, DT_VK_VOID, 0,
	  DTRACE_DOFACT_FTRUNCATE },
	{ "freopen", DT_IK_ACTFUNC, 1, -1, DT_VK_VOID,
	  DT_FF_DESTRUCTIVE | DT_FF_FORMAT, DTRACE_DOFACT_FREOPEN },
	{ "system", DT_IK_ACTFUNC, 1, -1, DT_VK_VOID,
	  DT_FF_DESTRUCTIVE | DT_FF_FORMAT, DTRACE_DOFACT_SYSTEM },
	{ "raise", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, DT_FF_DESTRUCTIVE,
	  DTRACE_DOFACT_RAISE },
	{ "stop", DT_IK_ACTFUNC, 0, 0, DT_VK_VOID, DT_FF_DESTRUCTIVE,
	  DTRACE_DOFACT_STOP },
	{ "panic", DT_IK_ACTFUNC, 0, 0, DT_VK_VOID, DT_FF_DESTRUCTIVE,
	  DTRACE_DOFACT_PANIC },
	{ "chill", DT_IK_ACTFUNC, 1, 1, DT_VK_VOID, DT_FF_DESTRUCTIVE,
	  DTRACE_DOFACT_CHILL },
	{ "breakpoint", DT_IK_ACTFUNC, 0, 0, DT_VK_VOID, DT_FF_DESTRUCTIVE,
	  DTRACE_DOFACT_BREAKPOINT },
	/* subroutines */
	{ "alloca", DT_IK_FUNC, 1, 1, DT_VK_PTR, 0, 0 },
	{ "basename", DT_IK_FUNC, 1, 1, DT_VK_STRING, 0, 0 },
	{ "bcopy", DT_IK_FUNC, 3, 3, DT_VK_VOID, 0, 0 },
	{ "cleanpath", DT_IK_FUNC, 1, 1, DT_VK_STRING, 0, 0 },
	{ "copyin", DT_IK_FUNC, 2, 2, DT_VK_PTR, 0, 0 },
	{ "copyinstr", DT_IK_FUNC, 1, 2, DT_VK_STRING, 0, 0 },
	{ "copyinto", DT_IK_FUNC, 3, 3, DT_VK_VOID, 0, 0 },
	{ "copyout", DT_IK_FUNC, 3, 3, DT_VK_VOID, DT_FF_DESTRUCTIVE, 0 },
	{ "copyoutstr", DT_IK_FUNC, 3, 3, DT_VK_VOID, DT_FF_DESTRUCTIVE, 0 },
	{ "d_path", DT_IK_FUNC, 1, 1, DT_VK_STRING, 0, 0 },
	{ "dirname", DT_IK_FUNC, 1, 1, DT_VK_STRING, 0, 0 },
	{ "getmajor", DT_IK_FUNC, 1, 1, DT_VK_INT, 0, 0 },
	{ "getf", DT_IK_FUNC, 1, 1, DT_VK_PTR, 0, 0 },
	{ "getminor", DT_IK_FUNC, 1, 1, DT_VK_INT, 0, 0 },
	{ "htonl", DT_IK_FUNC, 1, 1, DT_VK_INT, 0, 0 },
	{ "htonll", DT_IK_FUNC, 1, 1, DT_VK_INT, 0, 0 },
	{ "htons", DT_IK_FUNC, 1, 1, DT_VK_INT, 0, 0 },
	{ "index", DT_IK_FUNC, 2, 3, DT_VK_INT, 0, 0 },
	{ "inet_ntoa", DT_IK_FUNC, 1, 1, DT_VK_STRING, 0, 0 },
	{ "inet_ntoa6", DT_IK_FUNC, 1, 1, DT_VK_STRING, 0, 0 },
	{ "inet_ntop", DT_IK_FUNC, 2, 2, DT_VK_STRING, 0, 0 },
	{ "json", DT_IK_FUNC, 2, 2, DT_VK_STRING, 0, 0 },
	{ "link_ntop", DT_IK_FUNC, 2, 2, DT_VK_STRING, 0, 0 },
	{ "lltostr", DT_IK_FUNC, 1, 2, DT_VK_STRING, 0, 0 },
	{ "ntohl", DT_IK_FUNC, 1, 1, DT_VK_INT, 0, 0 },
	{ "ntohll", DT_IK_FUNC, 1, 1, DT_VK_INT, 0, 0 },
	{ "ntohs", DT_IK_FUNC, 1, 1, DT_VK_INT, 0, 0 },
	{ "progenyof", DT_IK_FUNC, 1, 1, DT_VK_INT, 0, 0 },
	{ "rand", DT_IK_FUNC, 0, 0, DT_VK_INT, 0, 0 },
	{ "rindex", DT_IK_FUNC, 2, 3, DT_VK_INT, 0, 0 },
	{ "speculation", DT_IK_FUNC, 0, 0, DT_VK_INT, 0, 0 },
	{ "strchr", DT_IK_FUNC, 2, 2, DT_VK_STRING, 0, 0 },
	{ "strjoin", DT_IK_FUNC, 2, 2, DT_VK_STRING, 0, 0 },
	{ "strlen", DT_IK_FUNC, 1, 1, DT_VK_INT, 0, 0 },
	{ "strrchr", DT_IK_FUNC, 2, 2, DT_VK_STRING, 0, 0 },
	{ "strstr", DT_IK_FUNC, 2, 2, DT_VK_STRING, 0, 0 },
	{ "strtok", DT_IK_FUNC, 2, 2, DT_VK_STRING, 0, 0 },
	{ "strtoll", DT_IK_FUNC, 1, 2, DT_VK_INT, 0, 0 },
	{ "substr", DT_IK_FUNC, 2, 3, DT_VK_STRING, 0, 0 },
	{ "tolower", DT_IK_FUNC, 1, 1, DT_VK_STRING, 0, 0 },
	{ "toupper", DT_IK_FUNC, 1, 1, DT_VK_STRING, 0, 0 },
	/* aggregating functions */
	{ "avg", DT_IK_AGGFUNC, 1, 1, DT_VK_AGGFUNC, 0, DTRACE_AGG_AVG },
	{ "count", DT_IK_AGGFUNC, 0, 0, DT_VK_AGGFUNC, 0, DTRACE_AGG_COUNT },
	{ "llquantize", DT_IK_AGGFUNC, 5, 6, DT_VK_AGGFUNC, 0,
	  DTRACE_AGG_LLQUANTIZE },
	{ "lquantize", DT_IK_AGGFUNC, 3, 5, DT_VK_AGGFUNC, 0,
	  DTRACE_AGG_LQUANTIZE },
	{ "max", DT_IK_AGGFUNC, 1, 1, DT_VK_AGGFUNC, 0, DTRACE_AGG_MAX },
	{ "min", DT_IK_AGGFUNC, 1, 1, DT_VK_AGGFUNC, 0, DTRACE_AGG_MIN },
	{ "quantize", DT_IK_AGGFUNC, 1, 2, DT_VK_AGGFUNC, 0,
	  DTRACE_AGG_QUANTIZE },
	{ "stddev", DT_IK_AGGFUNC, 1, 1, DT_VK_AGGFUNC, 0, DTRACE_AGG_STDDEV },
	{ "sum", DT_IK_AGGFUNC, 1, 1, DT_VK_AGGFUNC, 0, DTRACE_AGG_SUM },
};

/* The C types of subroutine results that have one beyond their kind. */
static const struct {
	const char *ft_name;
	const char *ft_type;
} dt_func_types[] = {
	{ "getf", "struct file *" },
};

/* A variable the program made: global, self->, this-> or aggregation. */
typedef struct dt_var {
	struct dt_var *dv_next;
	const char *dv_name;
	int dv_kind;			/* DT_IK_SCALAR, _ARRAY, _AGG */
	int dv_nkeys;			/* keys of an array or aggregation */
	const struct dt_func *dv_aggfn;	/* an aggregation's function */
	const dt_node_t *dv_aggcall;	/* ... and its first call */
	int64_t dv_aggparams[4];	/* ... whose (l)lquantize parameters */
	int dv_vkind;
	long dv_type;			/* C type, 0 until known */
	int dv_readonly;		/* inlines and enumerators */
	int dv_carray;			/* a declared C array: indexable */
	dt_node_t *dv_inline;		/* an inline's expression */
	dt_node_t *dv_inparams;		/* an array inline's parameters */
	int dv_keyvk[DIF_TUPLE_MAX];	/* value classes of the keys */
	int dv_keyact[DIF_TUPLE_MAX];	/* an aggregation key's action
					 * (stack(), sym() ...), 0: none */
	long dv_keytype[DIF_TUPLE_MAX];	/* ... and their types, for messages */
} dt_var_t;

/* A translator: output type, input type, members. */
typedef struct dt_xlator {
	struct dt_xlator *dx_next;
	long dx_out;			/* the struct or union it builds */
	long dx_in;			/* what it translates from */
	dt_node_t *dx_node;		/* the DT_NODE_XLATOR */
} dt_xlator_t;

/*
 * What the translator library declared (dt_cc.c loads it once per
 * handle): its inlines and translators start every later compilation's
 * lists, which only ever grow at their heads, so they stay intact.
 */
struct dt_semalib {
	struct dt_var *sl_globals;
	struct dt_var *sl_externs;
	struct dt_xlator *sl_xlators;
};

/* The pass's state. */
typedef struct dt_sema {
	dt_pcb_t *ss_pcb;
	dt_var_t *ss_globals;		/* globals and aggregations */
	dt_var_t *ss_externs;		/* extern declarations: the types of
					 * kernel variables */
	dt_var_t *ss_tls;		/* self-> */
	dt_var_t *ss_locals;		/* this->, reset at each clause */
	dt_var_t *ss_thisdecl;		/* this-> variables declared outside */
	struct dt_xlator *ss_xlators;	/* translators defined so far */
	const char *ss_xlparam;		/* checking a translator: its input */
	long ss_xltype;			/* ... and the input's type */
	dt_node_t *ss_clause;		/* the clause being checked */
	unsigned ss_clsflags;		/* DT_CF_*: actions seen so far */
	struct dt_semaprov *ss_provs;	/* provider definitions so far */
} dt_sema_t;

struct dt_semaprov {
	struct dt_semaprov *sp_next;
	const dt_node_t *sp_node;	/* its first definition */
};

#define DT_CF_SPECULATE	0x1
#define DT_CF_COMMIT	0x2
#define DT_CF_DATAREC	0x4
#define DT_CF_AGG	0x8

static void dt_sema_expr(dt_sema_t *ss, dt_node_t *dnp);
static void dt_fold(dt_node_t *dnp);

static const struct dt_func *dt_func_lookup(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(dt_funcs) / sizeof(dt_funcs[0]); i++)
		if (strcmp(dt_funcs[i].fn_name, name) == 0)
			return &dt_funcs[i];
	return NULL;
}

static const struct dt_bvar *dt_bvar_lookup(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(dt_bvars) / sizeof(dt_bvars[0]); i++)
		if (strcmp(dt_bvars[i].bv_name, name) == 0)
			return &dt_bvars[i];
	return NULL;
}

/* A built-in variable or function: never a type name. */
int dt_sema_is_builtin(const char *name)
{
	return dt_bvar_lookup(name) != NULL || dt_func_lookup(name) != NULL;
}

static dt_var_t *dt_var_lookup(dt_var_t *list, const char *name)
{
	for (; list; list = list->dv_next)
		if (strcmp(list->dv_name, name) == 0)
			return list;
	return NULL;
}

static dt_var_t *dt_var_add(dt_sema_t *ss, dt_var_t **listp,
			    const char *name, int kind, int nkeys)
{
	dt_var_t *dvp = dt_pcb_zalloc(ss->ss_pcb, sizeof(*dvp));

	dvp->dv_name = name;
	dvp->dv_kind = kind;
	dvp->dv_nkeys = nkeys;
	dvp->dv_next = *listp;
	*listp = dvp;
	return dvp;
}

/* A type's name for messages: its C name, or what its class says. */
static const char *dt_sema_tname(dt_sema_t *ss, long t, int vkind, char *buf,
				 size_t len)
{
	ctf_dict_t *fp = dt_types_fp(ss->ss_pcb->pcb_hdl);

	if (t && fp && ctf_type_name(fp, (ctf_id_t)t, buf, len))
		return buf;
	return vkind == DT_VK_STRING ? "string" : vkind == DT_VK_PTR ?
	       "void *" : "int64_t";
}

/* Strings and integers do not mix. */
static int dt_sema_incompat(int a, int b)
{
	return (a == DT_VK_STRING && b == DT_VK_INT) ||
	       (a == DT_VK_INT && b == DT_VK_STRING);
}

static int dt_sema_sametype(dt_sema_t *ss, long a, long b);
static const char *dt_opstr(int op);

/* The kind of t once resolved and completed, or -1 when not known. */
static int dt_sema_kind(dt_sema_t *ss, long t)
{
	dtrace_hdl_t *dtp = ss->ss_pcb->pcb_hdl;
	ctf_id_t r;

	if (!t || !dt_types_fp(dtp))
		return -1;
	r = dt_type_complete(dtp, t);
	return r == CTF_ERR ? -1 : ctf_type_kind(dt_types_fp(dtp), r);
}

/* A struct or union: held by value, copied whole. */
static int dt_sema_issou(dt_sema_t *ss, long t)
{
	int k = dt_sema_kind(ss, t);

	return k == CTF_K_STRUCT || k == CTF_K_UNION;
}

/* An array that is not a string (char arrays are D strings). */
static int dt_sema_isarray(dt_sema_t *ss, long t)
{
	return dt_sema_kind(ss, t) == CTF_K_ARRAY &&
	       !dt_type_is_string(ss->ss_pcb->pcb_hdl, t);
}

/*
 * The types an assignment may join, as DTrace has them: lt is the type of
 * what is assigned to (0: a variable that takes the right-hand side's
 * type).  A struct or union is copied whole from one of the same type; an
 * array may not be assigned (its elements may).
 */
static void dt_sema_asgntype(dt_sema_t *ss, dt_node_t *dnp, long lt)
{
	long rt = dnp->dn_right->dn_type;
	int op = dnp->dn_op;
	char n1[128], n2[128];

	if (!lt)
		lt = rt;
	if (dt_sema_isarray(ss, lt))
		dt_node_error(ss->ss_pcb, dnp, D_OP_ARRFUN, "operator %s may not "
			      "be applied to operand of type \"%s\"",
			      dt_opstr(op), dt_sema_tname(ss, lt, DT_VK_ANY, n1,
							  sizeof(n1)));
	if (!dt_sema_issou(ss, lt) && !dt_sema_issou(ss, rt))
		return;
	if (op == DT_TOK_ADD_EQ || op == DT_TOK_SUB_EQ)
		dt_node_error(ss->ss_pcb, dnp, D_OP_VFPTR, "operator %s requires "
			      "left-hand scalar operand of known size",
			      dt_opstr(op));
	if (op == DT_TOK_MUL_EQ || op == DT_TOK_DIV_EQ)
		dt_node_error(ss->ss_pcb, dnp, D_OP_ARITH, "operator %s requires "
			      "operands of arithmetic type", dt_opstr(op));
	if (op != DT_TOK_ASGN)
		dt_node_error(ss->ss_pcb, dnp, D_OP_INT, "operator %s requires "
			      "operands of integral type", dt_opstr(op));
	if (!dt_sema_issou(ss, lt) || !dt_sema_issou(ss, rt) ||
	    !dt_sema_sametype(ss, lt, rt))
		dt_node_error(ss->ss_pcb, dnp, D_OP_INCOMPAT, "operands have "
			      "incompatible types: \"%s\" %s \"%s\"",
			      dt_sema_tname(ss, lt, DT_VK_ANY, n1, sizeof(n1)),
			      dt_opstr(op), dt_sema_tname(ss, rt,
			      dnp->dn_right->dn_vkind, n2, sizeof(n2)));
}

/*
 * The keys of an array or aggregation keep the classes of their first
 * use: "@a[1]" then "@a["x"]" is an error.
 */
static const struct dt_func *dt_func_lookup(const char *name);
static int dt_sema_keyact(const dt_node_t *k);
static const char *dt_sema_keyname(int act);

static void dt_sema_keys(dt_sema_t *ss, dt_var_t *dvp, const dt_node_t *keys)
{
	char n1[128], n2[128];
	int i, act;

	for (i = 0; keys && i < DIF_TUPLE_MAX; keys = keys->dn_next, i++) {
		act = dvp->dv_kind == DT_IK_AGG ? dt_sema_keyact(keys) : 0;
		if (!dvp->dv_keyvk[i]) {
			dvp->dv_keyvk[i] = keys->dn_vkind ? keys->dn_vkind :
					   DT_VK_INT;
			dvp->dv_keytype[i] = keys->dn_type;
			dvp->dv_keyact[i] = act;
			continue;
		}
		/* The kernel keeps one layout an aggregation: sym(x) and x,
		 * or usym(x) and sym(x), cannot share a key. */
		if (act != dvp->dv_keyact[i])
			dt_node_error(ss->ss_pcb, keys, D_PROTO_ARG, "%s[ ] "
				      "argument #%d is incompatible with "
				      "prototype:\n\tprototype: %s\n\t argument: "
				      "%s", dvp->dv_name, i + 1,
				      dt_sema_keyname(dvp->dv_keyact[i]),
				      dt_sema_keyname(act));
		if (dt_sema_incompat(dvp->dv_keyvk[i], keys->dn_vkind))
			dt_node_error(ss->ss_pcb, keys, D_PROTO_ARG, "%s[ ] "
				      "argument #%d is incompatible with "
				      "prototype:\n\tprototype: %s\n\t argument: "
				      "%s", dvp->dv_name, i + 1,
				      dt_sema_tname(ss, dvp->dv_keytype[i],
						    dvp->dv_keyvk[i], n1,
						    sizeof(n1)),
				      dt_sema_tname(ss, keys->dn_type,
						    keys->dn_vkind, n2,
						    sizeof(n2)));
	}
}

/* "@a[ ] prototype mismatch: 2 args passed, 1 expected" and the like. */
static void dt_proto_check(dt_sema_t *ss, const dt_node_t *dnp,
			   const char *prefix, const char *name,
			   const char *suffix, int argc, int min, int max)
{
	int optional = (max >= 0 && min < max);
	int mismatch = max < 0 ? argc < min : (argc < min || argc > max);

	if (!mismatch)
		return;
	dt_node_error(ss->ss_pcb, dnp, D_PROTO_LEN, "%s%s%s prototype mismatch: "
		      "%d arg%spassed, %s%d expected", prefix, name, suffix,
		      argc, argc == 1 ? " " : "s ", optional ? "at least " : "",
		      min);
}

static int dt_node_is_lvalue_var(const dt_node_t *dnp)
{
	return dnp->dn_kind == DT_NODE_IDENT ||
	       (dnp->dn_kind == DT_NODE_OP2 && dnp->dn_op == DT_OP_INDEX) ||
	       (dnp->dn_kind == DT_NODE_OP2 && dnp->dn_op == DT_TOK_PTR &&
		dnp->dn_left->dn_kind == DT_NODE_IDENT &&
		(strcmp(dnp->dn_left->dn_string, "self") == 0 ||
		 strcmp(dnp->dn_left->dn_string, "this") == 0));
}

static const char *dt_opstr(int op)
{
	switch (op) {
	case DT_TOK_ASGN: return "=";
	case DT_TOK_ADD_EQ: return "+=";
	case DT_TOK_SUB_EQ: return "-=";
	case DT_TOK_MUL_EQ: return "*=";
	case DT_TOK_DIV_EQ: return "/=";
	case DT_TOK_MOD_EQ: return "%=";
	case DT_TOK_AND_EQ: return "&=";
	case DT_TOK_XOR_EQ: return "^=";
	case DT_TOK_OR_EQ: return "|=";
	case DT_TOK_LSH_EQ: return "<<=";
	case DT_TOK_RSH_EQ: return ">>=";
	case DT_OP_PREINC: case DT_OP_POSTINC: return "++";
	case DT_OP_PREDEC: case DT_OP_POSTDEC: return "--";
	case DT_TOK_DIV: return "/";
	case DT_TOK_MOD: return "%";
	case DT_TOK_ADD: return "+";
	case DT_TOK_SUB: return "-";
	case DT_TOK_MUL: return "*";
	case DT_TOK_EQU: return "==";
	case DT_TOK_NEQ: return "!=";
	case DT_TOK_LT: return "<";
	case DT_TOK_LE: return "<=";
	case DT_TOK_GT: return ">";
	case DT_TOK_GE: return ">=";
	case DT_TOK_BAND: return "&";
	case DT_TOK_BOR: return "|";
	case DT_TOK_XOR: return "^";
	case DT_TOK_LSH: return "<<";
	case DT_TOK_RSH: return ">>";
	case DT_TOK_LAND: return "&&";
	case DT_TOK_LOR: return "||";
	case DT_TOK_LXOR: return "^^";
	default: return "?";
	}
}

/*
 * A copy of an array inline's expression with its parameters replaced by
 * copies of the index expressions: n's list successors too if next.
 */
static dt_node_t *dt_sema_inline_copy(dt_sema_t *ss, const dt_node_t *n,
				      const dt_node_t *params,
				      const dt_node_t *keys, int next)
{
	const dt_node_t *p, *k;
	dt_node_t *c;

	if (!n)
		return NULL;
	if (n->dn_kind == DT_NODE_IDENT)
		for (p = params, k = keys; p && k; p = p->dn_next, k = k->dn_next)
			if (dt_decl_name(p->dn_decl) &&
			    strcmp(dt_decl_name(p->dn_decl), n->dn_string) == 0) {
				c = dt_sema_inline_copy(ss, k, NULL, NULL, 0);
				c->dn_next = next ? dt_sema_inline_copy(ss,
						n->dn_next, params, keys, 1) :
					     NULL;
				return c;
			}
	c = dt_pcb_zalloc(ss->ss_pcb, sizeof(*c));
	*c = *n;
	c->dn_left = dt_sema_inline_copy(ss, n->dn_left, params, keys, 1);
	c->dn_right = dt_sema_inline_copy(ss, n->dn_right, params, keys, 1);
	c->dn_third = dt_sema_inline_copy(ss, n->dn_third, params, keys, 1);
	c->dn_args = dt_sema_inline_copy(ss, n->dn_args, params, keys, 1);
	c->dn_next = next ? dt_sema_inline_copy(ss, n->dn_next, params, keys,
						 1) : NULL;
	return c;
}

static void dt_sema_expr(dt_sema_t *ss, dt_node_t *dnp);

/* name[k, ...] of an array inline: its expression for those keys. */
static void dt_sema_inline_use(dt_sema_t *ss, dt_node_t *dnp,
			       const dt_var_t *dvp)
{
	dt_node_t *next = dnp->dn_next, *c;
	const char *file = dnp->dn_file;
	int line = dnp->dn_line, nkeys = dt_node_list_len(dnp->dn_right);

	if (nkeys != dvp->dv_nkeys)
		dt_node_error(ss->ss_pcb, dnp, D_PROTO_LEN, "%s[ ] prototype "
			      "mismatch: %d arg%spassed, %d expected",
			      dvp->dv_name, nkeys, nkeys == 1 ? " " : "s ",
			      dvp->dv_nkeys);
	c = dt_sema_inline_copy(ss, dvp->dv_inline, dvp->dv_inparams,
				dnp->dn_right, 0);
	dt_sema_expr(ss, c);
	*dnp = *c;
	dnp->dn_next = next;
	dnp->dn_file = file;
	dnp->dn_line = line;
}

/* self->x and this->x: look up (or, when assigning, create) x. */
/* self->x or this->x (dnp), if it is known yet; *listp: its scope's list. */
static dt_var_t *dt_sema_member_lookup(dt_sema_t *ss, const dt_node_t *dnp,
				       dt_var_t ***listp)
{
	const char *name = dnp->dn_right->dn_string;
	dt_var_t *dvp;

	*listp = strcmp(dnp->dn_left->dn_string, "self") == 0 ? &ss->ss_tls :
		 &ss->ss_locals;
	dvp = dt_var_lookup(**listp, name);
	if (!dvp && *listp == &ss->ss_locals)
		dvp = dt_var_lookup(ss->ss_thisdecl, name);
	return dvp;
}

/*
 * self->p[i] or this->p[i] (dnp the index) where p holds a pointer: C's
 * indexing, not a thread-local array's; a store through it writes the
 * memory p points to (alloca()'d scratch), not p.
 */
static int dt_sema_member_ptr(dt_sema_t *ss, const dt_node_t *dnp)
{
	const dt_node_t *base = dnp->dn_left;
	dt_var_t **listp;
	dt_var_t *dvp;

	if (base->dn_kind != DT_NODE_OP2 || base->dn_op != DT_TOK_PTR ||
	    base->dn_left->dn_kind != DT_NODE_IDENT ||
	    (strcmp(base->dn_left->dn_string, "self") != 0 &&
	     strcmp(base->dn_left->dn_string, "this") != 0))
		return 0;
	dvp = dt_sema_member_lookup(ss, base, &listp);
	return dvp && dvp->dv_kind == DT_IK_SCALAR && dvp->dv_vkind == DT_VK_PTR;
}

static dt_var_t *dt_sema_member_var(dt_sema_t *ss, dt_node_t *dnp,
				    int assign, int nkeys)
{
	const char *scope = dnp->dn_left->dn_string;
	const char *name = dnp->dn_right->dn_string;
	dt_var_t **listp;
	dt_var_t *dvp = dt_sema_member_lookup(ss, dnp, &listp);

	if (!dvp) {
		if (!assign)
			dt_node_error(ss->ss_pcb, dnp, D_VAR_UNDEF,
				      "%s->%s has not yet been declared or "
				      "assigned", scope, name);
		if (nkeys && listp == &ss->ss_locals)
			dt_node_error(ss->ss_pcb, dnp, D_ARR_LOCAL,
				      "local variable may not be used as an "
				      "associative array: this->%s", name);
		dvp = dt_var_add(ss, listp, name, nkeys ? DT_IK_ARRAY :
				 DT_IK_SCALAR, nkeys);
	}
	dnp->dn_vkind = dvp->dv_vkind;
	dnp->dn_type = dvp->dv_type;
	return dvp;
}

/*
 * Kernel variables: `name or module`name (DTrace's external variables).
 * The address is the symbol's, from /proc/kallsyms (dt_ksym.c); the type
 * comes from
 *
 *  - an extern declaration, "extern unsigned long jiffies;", in the
 *    program or in the library (translators/kvars.d declares the common
 *    ones), as DTrace takes the types of symbols its CTF does not
 *    describe from extern declarations; else
 *  - vmlinux BTF's VAR entries, which exist for the per-CPU variables
 *    only: their kallsyms value is an offset in the per-CPU area, and the
 *    current CPU's copy is read (at __per_cpu_offset[cpu] + offset).
 *
 * A symbol with neither has no type, and naming it is D_SYM_NOTYPES, as
 * in DTrace; its address, &`name, is still a (void *), so a cast reads
 * it: *(unsigned long *)&`jiffies.  Every read is a load from the
 * constant address by the code generator, with the safe loads of any
 * other kernel address: a bad one faults in probe context, never oopses.
 * Kernel variables cannot be written.
 */
static void dt_sema_extern(dt_sema_t *ss, const dt_declspec_t *ds,
			   dt_node_t *d, const char *name)
{
	const char *q = strrchr(name, '`');
	long t = dt_type_decl(ss->ss_pcb, ds, d);
	dt_var_t *dvp;

	if (q)
		name = q + 1;
	dvp = dt_var_lookup(ss->ss_externs, name);
	if (dvp) {
		ctf_dict_t *fp = dt_types_fp(ss->ss_pcb->pcb_hdl);
		char n1[128], n2[128];

		ctf_type_name(fp, t, n1, sizeof(n1));
		ctf_type_name(fp, dvp->dv_type, n2, sizeof(n2));
		if (strcmp(n1, n2) != 0)
			dt_node_error(ss->ss_pcb, d, D_DECL_IDRED, "identifier "
				      "redeclared: vmlinux`%s\n\t current: %s\n"
				      "\tprevious: %s", name, n1, n2);
		return;
	}
	dvp = dt_var_add(ss, &ss->ss_externs, name, DT_IK_SCALAR, 0);
	dvp->dv_type = t;
	dvp->dv_readonly = 1;
}

static void dt_sema_settype(dt_sema_t *ss, dt_node_t *dnp, long t);

static void dt_sema_ksym(dt_sema_t *ss, dt_node_t *dnp, int addrof)
{
	dtrace_hdl_t *dtp = ss->ss_pcb->pcb_hdl;
	const char *s = dnp->dn_string, *q = strrchr(s, '`');
	char mod[128] = "", type = 0;
	const char *name = q + 1;
	uint64_t addr;
	dt_var_t *dvp;
	ctf_id_t t = CTF_ERR;
	int percpu = 0;

	if (q > s)
		snprintf(mod, sizeof(mod), "%.*s", (int)(q - s) -
			 (s[0] == '`'), s + (s[0] == '`'));
	if (dt_ksym_byname(dt_ksym_kernel(), mod[0] ? mod : NULL, name,
			   &addr, &type) != 0)
		dt_node_error(ss->ss_pcb, dnp, D_IDENT_UNDEF, "failed to "
			      "resolve %s: Unknown symbol name%s", s,
			      dt_ksym_kernel() ? "" : " (/proc/kallsyms cannot "
			      "be read)");
	if ((dvp = dt_var_lookup(ss->ss_externs, name)) != NULL)
		t = dvp->dv_type;
	else if (!mod[0] || strcmp(mod, "vmlinux") == 0)
		t = dt_type_var(dtp, name, &percpu);
	if (addr == 0 && type != 'A' && type != 'a' && !percpu)
		dt_node_error(ss->ss_pcb, dnp, D_SYM_NOTYPES, "cannot use %s: "
			      "/proc/kallsyms shows no addresses (see "
			      "kernel.kptr_restrict; run as root)", s);
	dnp->dn_value = addr;
	dnp->dn_flags |= DT_NF_KSYM | (percpu ? DT_NF_PERCPU : 0);
	if (t == CTF_ERR) {
		if (!addrof)
			dt_node_error(ss->ss_pcb, dnp, D_SYM_NOTYPES, "no "
				      "symbolic type information is available "
				      "for %s%s: the kernel's BTF describes no "
				      "such variable; declare it (extern "
				      "unsigned long %s;) or cast its address "
				      "(*(unsigned long *)&%s)",
				      mod[0] ? "" : "vmlinux", s, name, s);
		dnp->dn_vkind = DT_VK_ANY;
		dnp->dn_type = 0;
		return;
	}
	dnp->dn_vkind = DT_VK_ANY;
	dt_sema_settype(ss, dnp, t);
}

/*
 * A name: built-in, global, array or aggregation.  assign says whether it
 * is being assigned (which creates it); nkeys is how many keys it is
 * indexed with (-1 when it is not indexed).
 */
static dt_var_t *dt_sema_ident(dt_sema_t *ss, dt_node_t *dnp, int assign,
			       int nkeys)
{
	const char *name = dnp->dn_string;
	const struct dt_bvar *bv;
	dt_var_t *dvp;
	int isagg = name[0] == '@';

	if (strchr(name, '`')) {
		if (assign || nkeys >= 0)
			dt_node_error(ss->ss_pcb, dnp, assign ? D_OP_WRITE :
				      D_IDENT_BADREF, "kernel variable %s may "
				      "only be read", name);
		dt_sema_ksym(ss, dnp, 0);
		return NULL;
	}
	if (ss->ss_xlparam && strcmp(name, ss->ss_xlparam) == 0) {
		if (assign || nkeys >= 0)
			dt_node_error(ss->ss_pcb, dnp, D_OP_WRITE, "translator "
				      "input %s may only be read", name);
		dnp->dn_flags |= DT_NF_XLPARAM;
		dnp->dn_vkind = DT_VK_ANY;
		dnp->dn_type = ss->ss_xltype;
		return NULL;
	}
	/* An inline (curpsinfo ...) comes before the built-in of its name. */
	dvp = dt_var_lookup(ss->ss_globals, name);
	if (dvp && dvp->dv_inline) {
		if (assign || nkeys >= 0)
			dt_node_error(ss->ss_pcb, dnp, D_OP_WRITE, "operator = "
				      "can only be applied to a writable "
				      "variable");
		return dvp;
	}
	if ((bv = dt_bvar_lookup(name)) != NULL) {
		if (assign && !bv->bv_writable)
			dt_node_error(ss->ss_pcb, dnp, D_OP_WRITE, "operator = "
				      "can only be applied to a writable "
				      "variable");
		if (bv->bv_kind == DT_IK_ARRAY && nkeys < 0)
			dt_node_error(ss->ss_pcb, dnp, D_IDENT_BADREF, "%s[ ] "
				      "must be referenced as an array", name);
		if (bv->bv_kind == DT_IK_SCALAR && nkeys >= 0)
			dt_node_error(ss->ss_pcb, dnp, D_IDENT_BADREF,
				      "%s '%s' may not be referenced as an "
				      "array", dt_ikname[bv->bv_kind], name);
		if (bv->bv_kind == DT_IK_ARRAY && nkeys != 1)
			dt_node_error(ss->ss_pcb, dnp, D_PROTO_LEN, "%s[ ] "
				      "prototype mismatch: %d arg%spassed, 1 "
				      "expected", name, nkeys,
				      nkeys == 1 ? " " : "s ");
		dnp->dn_vkind = bv->bv_vkind;
		dnp->dn_type = dt_bvar_type(ss->ss_pcb, name);
		return NULL;
	}
	if (!isagg && dt_func_lookup(name))
		dt_node_error(ss->ss_pcb, dnp, D_IDENT_BADREF, "%s '%s' may "
			      "not be referenced as a variable",
			      dt_ikname[dt_func_lookup(name)->fn_kind], name);

	dvp = dt_var_lookup(ss->ss_globals, name);
	if (!dvp) {
		if (!assign)
			dt_node_error(ss->ss_pcb, dnp, D_IDENT_UNDEF,
				      "failed to resolve %s: Unknown variable "
				      "name", name);
		dvp = dt_var_add(ss, &ss->ss_globals, name,
				 isagg ? DT_IK_AGG : nkeys >= 0 ?
				 DT_IK_ARRAY : DT_IK_SCALAR,
				 nkeys < 0 ? 0 : nkeys);
	} else if (dvp->dv_kind == DT_IK_ARRAY || dvp->dv_kind == DT_IK_AGG) {
		if (nkeys < 0 && dvp->dv_kind == DT_IK_ARRAY)
			dt_node_error(ss->ss_pcb, dnp, D_IDENT_BADREF, "%s '%s' "
				      "may not be referenced as a scalar",
				      dt_ikname[dvp->dv_kind], name);
		dt_proto_check(ss, dnp, "", name, "[ ]", nkeys < 0 ? 0 : nkeys,
			       dvp->dv_nkeys, dvp->dv_nkeys);
	} else if (nkeys >= 0 && !dvp->dv_carray) {
		dt_node_error(ss->ss_pcb, dnp, D_IDENT_BADREF, "%s '%s' may not "
			      "be referenced as an array",
			      dt_ikname[dvp->dv_kind], name);
	}
	if (assign && dvp->dv_readonly)
		dt_node_error(ss->ss_pcb, dnp, D_OP_WRITE, "operator = can only "
			      "be applied to a writable variable");
	dnp->dn_vkind = dvp->dv_vkind;
	dnp->dn_type = dvp->dv_type;
	return dvp;
}

static void dt_sema_constargs(dt_sema_t *ss, const dt_node_t *call,
			      const struct dt_func *fn);

/*
 * The actions that may be aggregation keys: stack(), ustack(), jstack()
 * (the key is the stack probe context walks) and sym(), func(), mod(),
 * usym(), ufunc(), umod(), uaddr() (the address, printed symbolized as
 * the action prints it).  The key's action, or 0 for a plain value.
 */
static int dt_sema_keyact(const dt_node_t *k)
{
	const struct dt_func *fn;

	if (k->dn_kind != DT_NODE_FUNC || k->dn_left->dn_kind != DT_NODE_IDENT ||
	    !(fn = dt_func_lookup(k->dn_left->dn_string)) ||
	    fn->fn_kind != DT_IK_ACTFUNC)
		return 0;
	switch (fn->fn_act) {
	case DTRACE_DOFACT_STACK:
	case DTRACE_DOFACT_USTACK:
	case DTRACE_DOFACT_JSTACK:
	case DTRACE_DOFACT_SYM:
	case DTRACE_DOFACT_MOD:
	case DTRACE_DOFACT_USYM:
	case DTRACE_DOFACT_UMOD:
	case DTRACE_DOFACT_UADDR:
		return fn->fn_act;
	default:
		return 0;
	}
}

/* A key's kind for messages: the C type DTrace gives the action's value. */
static const char *dt_sema_keyname(int act)
{
	switch (act) {
	case 0:
		return "a value";
	case DTRACE_DOFACT_SYM:
		return "_symaddr_t (sym, func)";
	case DTRACE_DOFACT_MOD:
		return "_symaddr_t (mod)";
	case DTRACE_DOFACT_USYM:
		return "_usymaddr_t (usym, ufunc)";
	case DTRACE_DOFACT_UMOD:
		return "_usymaddr_t (umod)";
	case DTRACE_DOFACT_UADDR:
		return "_usymaddr_t (uaddr)";
	default:
		return "a stack";
	}
}

/*
 * An action as an aggregation key (dt_sema_keyact), checked as the
 * action is; a stack has no value class of its own, an address is an
 * integer.
 */
static int dt_sema_actkey(dt_sema_t *ss, dt_node_t *k)
{
	int act = dt_sema_keyact(k);
	const struct dt_func *fn;
	dt_node_t *a;

	if (!act)
		return 0;
	fn = dt_func_lookup(k->dn_left->dn_string);
	dt_proto_check(ss, k, "", fn->fn_name, "( )",
		       dt_node_list_len(k->dn_args), fn->fn_min, fn->fn_max);
	for (a = k->dn_args; a; a = a->dn_next)
		dt_sema_expr(ss, a);
	dt_sema_constargs(ss, k, fn);
	k->dn_type = 0;
	k->dn_vkind = DT_VK_ANY;
	if (act != DTRACE_DOFACT_STACK && act != DTRACE_DOFACT_USTACK &&
	    act != DTRACE_DOFACT_JSTACK) {
		if (k->dn_args->dn_vkind == DT_VK_STRING)
			dt_node_error(ss->ss_pcb, k->dn_args, D_PROTO_ARG,
				      "%s( ) argument #1 is incompatible with "
				      "prototype:\n\tprototype: uintptr_t\n\t "
				      "argument: string", fn->fn_name);
		k->dn_vkind = DT_VK_INT;
	}
	return 1;
}

/*
 * A C lvalue may be written when DTrace says so: when it is in a D
 * variable (x.m, self->s.a[2], a[k].m, "int a[5]"'s a[i]) or reached
 * through a pointer a D variable holds or a cast makes; never inside a
 * built-in variable's object (args[0]->m, curthread->pid).
 */
static void dt_sema_writable(dt_sema_t *ss, const dt_node_t *lhs, int op)
{
	const dt_node_t *n = lhs;
	const dt_var_t *dvp;

	for (;;) {
		if (n->dn_kind == DT_NODE_OP2 && (n->dn_op == DT_TOK_DOT ||
		    (n->dn_op == DT_OP_INDEX && !(n->dn_flags & DT_NF_ASSOC)) ||
		    (n->dn_op == DT_TOK_PTR && !dt_node_is_lvalue_var(n)))) {
			n = n->dn_left;
		} else if (n->dn_kind == DT_NODE_OP1 && n->dn_op == DT_OP_DEREF) {
			n = n->dn_left;
			if (n->dn_kind == DT_NODE_OP2 && n->dn_op == DT_TOK_ADD)
				n = n->dn_left;
		} else {
			break;
		}
	}
	if ((n->dn_kind == DT_NODE_OP2 && (n->dn_op == DT_OP_CAST ||
					   n->dn_op == DT_OP_INDEX ||
					   n->dn_op == DT_TOK_PTR)) ||
	    (n->dn_kind == DT_NODE_IDENT && !(n->dn_flags & DT_NF_XLPARAM) &&
	     !dt_bvar_lookup(n->dn_string) &&
	     (dvp = dt_var_lookup(ss->ss_globals, n->dn_string)) != NULL &&
	     !dvp->dv_readonly))
		return;
	dt_node_error(ss->ss_pcb, lhs, D_OP_WRITE, "operator %s can only be "
		      "applied to a writable variable", dt_opstr(op));
}

/* The left-hand side of an assignment; returns the variable, if any. */
static dt_var_t *dt_sema_lvalue(dt_sema_t *ss, dt_node_t *lhs, int op)
{
	dt_node_t *base = lhs, *k;
	int nkeys = -1;

	if (lhs->dn_kind == DT_NODE_OP2 && lhs->dn_op == DT_OP_INDEX) {
		base = lhs->dn_left;
		nkeys = dt_node_list_len(lhs->dn_right);
		for (k = lhs->dn_right; k; k = k->dn_next)
			if (!(base->dn_kind == DT_NODE_IDENT &&
			      base->dn_string[0] == '@' && dt_sema_actkey(ss, k)))
				dt_sema_expr(ss, k);
		if (base->dn_kind == DT_NODE_OP2 && base->dn_op == DT_OP_INDEX)
			dt_node_error(ss->ss_pcb, lhs, D_AGG_MDIM,
				      "%s cannot be used as a "
				      "multi-dimensional array",
				      base->dn_left->dn_kind == DT_NODE_IDENT ?
				      base->dn_left->dn_string : "expression");
	}
	if (base->dn_kind == DT_NODE_IDENT ||
	    (base->dn_kind == DT_NODE_OP2 && base->dn_op == DT_TOK_PTR &&
	     base->dn_left->dn_kind == DT_NODE_IDENT &&
	     (strcmp(base->dn_left->dn_string, "self") == 0 ||
	      strcmp(base->dn_left->dn_string, "this") == 0) &&
	     !(nkeys > 0 && dt_sema_member_ptr(ss, lhs)))) {
		dt_var_t *dvp = base->dn_kind == DT_NODE_IDENT ?
				dt_sema_ident(ss, base, 1, nkeys) :
				dt_sema_member_var(ss, base, 1,
						   nkeys < 0 ? 0 : nkeys);

		if (dvp && dvp->dv_carray && nkeys >= 0) {
			/* a[i] = v of "int a[5]": an element, in memory. */
			dt_sema_expr(ss, lhs);
			return NULL;
		}
		if (dvp && nkeys > 0)
			dt_sema_keys(ss, dvp, lhs->dn_right);
		if (dvp && dvp->dv_kind == DT_IK_ARRAY && nkeys >= 0)
			lhs->dn_flags |= DT_NF_ASSOC;
		return dvp;
	}
	/* *p = v, p->m = v, s.m = v, a[i] of a pointer: C lvalues. */
	if ((base->dn_kind == DT_NODE_OP1 && base->dn_op == DT_OP_DEREF) ||
	    (base->dn_kind == DT_NODE_OP2 &&
	     (base->dn_op == DT_TOK_PTR || base->dn_op == DT_TOK_DOT))) {
		dt_sema_expr(ss, lhs);
		dt_sema_writable(ss, lhs, op);
		return NULL;
	}
	dt_node_error(ss->ss_pcb, lhs, D_OP_LVAL, "operator %s requires "
		      "modifiable left-hand operand", dt_opstr(op));
}

static void dt_sema_clsflags(dt_sema_t *ss, const dt_node_t *dnp,
			     const struct dt_func *fn)
{
	dt_pcb_t *pcb = ss->ss_pcb;
	unsigned *cf = &ss->ss_clsflags;

	if (fn->fn_kind == DT_IK_AGGFUNC) {
		if (*cf & DT_CF_COMMIT)
			dt_node_error(pcb, dnp, D_AGG_COMM, "aggregating actions "
				      "may not follow commit( )");
		if (*cf & DT_CF_SPECULATE)
			dt_node_error(pcb, dnp, D_AGG_SPEC, "aggregating actions "
				      "may not follow speculate( )");
		*cf |= DT_CF_AGG;
		return;
	}
	switch (fn->fn_act) {
	case DTRACE_DOFACT_COMMIT:
		if (*cf & DT_CF_COMMIT)
			dt_node_error(pcb, dnp, D_COMM_COMM, "commit( ) may not "
				      "follow commit( )");
		if (*cf & (DT_CF_DATAREC | DT_CF_AGG))
			dt_node_error(pcb, dnp, D_COMM_DREC, "commit( ) may not "
				      "follow data-recording action(s)");
		*cf |= DT_CF_COMMIT;
		return;
	case DTRACE_DOFACT_SPECULATE:
		if (*cf & DT_CF_SPECULATE)
			dt_node_error(pcb, dnp, D_SPEC_SPEC, "speculate( ) may "
				      "not follow speculate( )");
		if (*cf & DT_CF_COMMIT)
			dt_node_error(pcb, dnp, D_SPEC_COMM, "speculate( ) may "
				      "not follow commit( )");
		if (*cf & (DT_CF_DATAREC | DT_CF_AGG))
			dt_node_error(pcb, dnp, D_SPEC_DREC, "speculate( ) may "
				      "not follow data-recording action(s)");
		*cf |= DT_CF_SPECULATE;
		return;
	case DTRACE_DOFACT_DISCARD:
		return;
	}
	if (*cf & DT_CF_SPECULATE) {
		if (fn->fn_flags & DT_FF_DESTRUCTIVE)
			dt_node_error(pcb, dnp, D_ACT_SPEC, "destructive actions "
				      "may not follow speculate( )");
		if (fn->fn_act == DTRACE_DOFACT_EXIT)
			dt_node_error(pcb, dnp, D_EXIT_SPEC, "exit( ) may not "
				      "follow speculate( )");
	}
	if (fn->fn_flags & DT_FF_DESTRUCTIVE)
		return;
	if (*cf & DT_CF_COMMIT)
		dt_node_error(pcb, dnp, D_DREC_COMM, "data-recording actions "
			      "may not follow commit( )");
	if (!(*cf & DT_CF_SPECULATE))
		*cf |= DT_CF_DATAREC;
}

/*
 * printf-style formats, parsed by the consumer's parser (dt_printf.c) so
 * that what compiles prints: each conversion (and each '*' width or
 * precision) takes the next argument, of the class the conversion wants:
 * %s a string, the integer conversions an integer or pointer.
 */
static struct dt_pfv *dt_sema_fmtparse(dt_sema_t *ss, const dt_node_t *fmt)
{
	dtrace_hdl_t *dtp = ss->ss_pcb->pcb_hdl;
	struct dt_pfv *pfv = dt_printf_parse(dtp, fmt->dn_string);
	char msg[sizeof(dtp->dt_errmsg)];

	if (!pfv) {
		/* DTrace reports these as syntax errors. */
		snprintf(msg, sizeof(msg), "%s", dtp->dt_errmsg);
		dt_node_error(ss->ss_pcb, fmt, D_SYNTAX, "%s", msg);
	}
	return pfv;
}

static void dt_sema_format(dt_sema_t *ss, const dt_node_t *call,
			   const char *fname, const dt_node_t *fmt,
			   int nargs)
{
	const dt_node_t *arg = fmt->dn_next;
	struct dt_pfconvinfo ci;
	struct dt_pfv *pfv;
	int need = 0, conv = 0, i, j;
	char n1[128];

	if (fmt->dn_kind != DT_NODE_STRING)
		dt_node_error(ss->ss_pcb, fmt, D_PRINTF_ARG_FMT, "%s( ) argument "
			      "#1 must be a string constant", fname);
	pfv = dt_sema_fmtparse(ss, fmt);
	for (i = 0; dt_printf_conv(pfv, i, &ci) == 0; i++) {
		const char *want = NULL;
		int bad = 0;

		if (ci.pc_conv == '\0' || ci.pc_conv == '%')
			continue;
		conv++;
		if (ci.pc_agg && strcmp(fname, "printa") != 0) {
			dt_printf_destroy(pfv);
			dt_node_error(ss->ss_pcb, fmt, D_PRINTF_AGG_CONV,
				      "%%@ conversion requires an aggregation "
				      "and may only be used in printa( )");
		}
		for (j = 0; j < ci.pc_dyn; j++) {
			need++;
			if (arg)
				arg = arg->dn_next;
		}
		need++;
		if (need > nargs) {
			dt_printf_destroy(pfv);
			dt_node_error(ss->ss_pcb, call, D_PRINTF_ARG_PROTO,
				      "%s( ) prototype mismatch: conversion #%d "
				      "(%%%c) is missing a corresponding value "
				      "argument", fname, conv, ci.pc_conv);
		}
		if (strchr("sS", ci.pc_conv)) {
			want = "char [] or string";
			bad = arg->dn_vkind == DT_VK_INT;
		} else if (strchr("diouxXcp", ci.pc_conv)) {
			want = "integer or pointer";
			bad = arg->dn_vkind == DT_VK_STRING ||
			      dt_sema_kind(ss, arg->dn_type) == CTF_K_FLOAT;
		} else if (strchr("eEfgG", ci.pc_conv)) {
			int k = dt_sema_kind(ss, arg->dn_type);

			want = "float, double, or long double";
			bad = k >= 0 ? k != CTF_K_FLOAT : arg->dn_vkind != DT_VK_ANY;
		} else if (ci.pc_conv == 'k') {
			want = "stack";		/* printa()'s stack keys only */
			bad = 1;
		}
		if (bad) {
			dt_printf_destroy(pfv);
			dt_node_error(ss->ss_pcb, arg, D_PRINTF_ARG_TYPE, "%s( ) "
				      "argument #%d is incompatible with "
				      "conversion #%d prototype:\n\tconversion: "
				      "%%%c\n\t prototype: %s\n\t argument: %s",
				      fname, need + 1, conv, ci.pc_conv, want,
				      dt_sema_tname(ss, arg->dn_type,
						    arg->dn_vkind, n1, sizeof(n1)));
		}
		arg = arg->dn_next;
	}
	dt_printf_destroy(pfv);
	if (nargs > need)
		dt_node_error(ss->ss_pcb, call, D_PRINTF_ARG_EXTRA, "%s( ) "
			      "prototype mismatch: only %d arguments required "
			      "by this format string", fname, need);
}

/*
 * lquantize(v, base, limit[, step]) and llquantize(v, factor, low, high,
 * nsteps) constants, checked as DTrace checks them, into params.  Every
 * use of one aggregation must give the same parameters (prev: the
 * first use's, NULL on the first).
 */
static void dt_sema_quantize(dt_sema_t *ss, const dt_node_t *call,
			     const struct dt_func *fn, int64_t *params,
			     const int64_t *prev)
{
	dt_pcb_t *pcb = ss->ss_pcb;
	const dt_node_t *a;
	int i;

	if (fn->fn_act != DTRACE_AGG_LQUANTIZE &&
	    fn->fn_act != DTRACE_AGG_LLQUANTIZE)
		return;
	a = call->dn_args->dn_next;	/* the prototype check ran before */

	if (fn->fn_act == DTRACE_AGG_LQUANTIZE) {
		static const int badtype[] = { D_LQUANT_BASETYPE,
			D_LQUANT_LIMTYPE, D_LQUANT_STEPTYPE };
		int64_t nlevels;

		for (i = 0; i < 3; i++, a = a->dn_next) {
			if (a->dn_kind != DT_NODE_INT || (i == 2 &&
			    (int64_t)a->dn_value <= 0))
				dt_node_error(pcb, a, badtype[i], "lquantize( ) "
					      "argument #%d must be %s integer "
					      "constant", i + 1, i == 2 ?
					      "a non-zero positive" : "an");
			params[i] = (int64_t)a->dn_value;
			if (i < 2 && (params[i] < INT32_MIN ||
				      params[i] > INT32_MAX))
				dt_node_error(pcb, a, i ? D_LQUANT_LIMVAL :
					      D_LQUANT_BASEVAL, "lquantize( ) "
					      "argument #%d must be a 32-bit "
					      "quantity", i + 1);
			if (i == 1 && params[1] < params[0])
				dt_node_error(pcb, call, D_LQUANT_MISMATCH,
					      "lquantize( ) base (argument #1) "
					      "must be less than limit (argument "
					      "#2)");
		}
		if (params[2] > UINT16_MAX)
			dt_node_error(pcb, call, D_LQUANT_STEPVAL, "lquantize( ) "
				      "argument #3 must be a 16-bit quantity");
		nlevels = (params[1] - params[0]) / params[2];
		if (nlevels == 0)
			dt_node_error(pcb, call, D_LQUANT_STEPLARGE, "lquantize( ) "
				      "step (argument #3) too large: must have "
				      "at least one quantization level");
		if (nlevels > UINT16_MAX)
			dt_node_error(pcb, call, D_LQUANT_STEPSMALL, "lquantize( ) "
				      "step (argument #3) too small: number of "
				      "quantization levels must be a 16-bit "
				      "quantity");
		if (!prev)
			return;
		if (prev[0] != params[0])
			dt_node_error(pcb, call, D_LQUANT_MATCHBASE, "lquantize( ) "
				      "base (argument #1) doesn't match previous "
				      "declaration: expected %d, found %d",
				      (int)prev[0], (int)params[0]);
		/* The limit as the levels make it: (0, 10, 3) ends at 9. */
		if ((prev[1] - prev[0]) / prev[2] * prev[2] != nlevels * params[2])
			dt_node_error(pcb, call, D_LQUANT_MATCHLIM, "lquantize( ) "
				      "limit (argument #2) doesn't match previous "
				      "declaration: expected %d, found %d",
				      (int)(prev[0] + (prev[1] - prev[0]) /
					    prev[2] * prev[2]),
				      (int)(params[0] + nlevels * params[2]));
		if (prev[2] != params[2])
			dt_node_error(pcb, call, D_LQUANT_MATCHSTEP, "lquantize( ) "
				      "step (argument #3) doesn't match previous "
				      "declaration: expected %d, found %d",
				      (int)prev[2], (int)params[2]);
		return;
	}
	if (fn->fn_act == DTRACE_AGG_LLQUANTIZE) {
		static const int badtype[] = { D_LLQUANT_FACTORTYPE,
			D_LLQUANT_LOWTYPE, D_LLQUANT_HIGHTYPE,
			D_LLQUANT_NSTEPTYPE };
		static const int badval[] = { D_LLQUANT_FACTORVAL,
			D_LLQUANT_LOWVAL, D_LLQUANT_HIGHVAL,
			D_LLQUANT_NSTEPVAL };
		static const int mismatch[] = { D_LLQUANT_FACTORMATCH,
			D_LLQUANT_LOWMATCH, D_LLQUANT_HIGHMATCH,
			D_LLQUANT_NSTEPMATCH };
		static const char *const what[] = { "factor", "low magnitude",
			"high magnitude", "linear steps per magnitude" };
		uint64_t v, order;

		for (i = 0; i < 4; i++, a = a->dn_next) {
			if (a->dn_kind != DT_NODE_INT)
				dt_node_error(pcb, a, badtype[i], "llquantize( ) "
					      "argument #%d (%s) must be an "
					      "integer constant", i + 1, what[i]);
			if (a->dn_value > UINT16_MAX)
				dt_node_error(pcb, a, badval[i], "llquantize( ) "
					      "argument #%d (%s) must be an "
					      "unsigned 16-bit quantity", i + 1,
					      what[i]);
			params[i] = (int64_t)a->dn_value;
		}
		if (params[0] < 2)
			dt_node_error(pcb, call, D_LLQUANT_FACTORSMALL,
				      "llquantize( ) factor (argument #1) must "
				      "be two or more");
		if (params[1] >= params[2])
			dt_node_error(pcb, call, D_LLQUANT_MAGRANGE,
				      "llquantize( ) high magnitude (argument "
				      "#3) must be greater than low magnitude "
				      "(argument #2)");
		if (params[3] < params[0])
			dt_node_error(pcb, call, D_LLQUANT_FACTORNSTEPS,
				      "llquantize( ) factor (argument #1) must "
				      "be less than or equal to the number of "
				      "linear steps per magnitude (argument #4)");
		/* nsteps divides the first power of the factor it reaches. */
		for (v = (uint64_t)params[0]; v < (uint64_t)params[3];
		     v *= (uint64_t)params[0])
			;
		if (params[3] % params[0] != 0 || v % (uint64_t)params[3] != 0)
			dt_node_error(pcb, call, D_LLQUANT_FACTOREVEN,
				      "llquantize( ) factor (argument #1) must "
				      "evenly divide the number of steps per "
				      "magnitude (argument #4), and the number "
				      "of steps per magnitude must evenly divide "
				      "a power of the factor");
		/* The buckets run to factor^(high + 1): it must fit. */
		for (i = 0, order = 1; i <= params[2] + 1; i++)
			if (__builtin_mul_overflow(order, (uint64_t)params[0],
						   &order))
				dt_node_error(pcb, call, D_LLQUANT_MAGTOOBIG,
					      "llquantize( ) factor (%d) raised "
					      "to power of high magnitude (%d) "
					      "plus 1 overflows 64-bits",
					      (int)params[0], (int)params[2]);
		for (i = 0; prev && i < 4; i++)
			if (prev[i] != params[i])
				dt_node_error(pcb, call, mismatch[i],
					      "llquantize( ) %s (argument #%d) "
					      "doesn't match previous "
					      "declaration: expected %d, found "
					      "%d", what[i], i + 1, (int)prev[i],
					      (int)params[i]);
	}
}

/* An aggregation assignment: @name[keys] = func(args). */
static void dt_sema_aggregate(dt_sema_t *ss, dt_node_t *asgn)
{
	dt_pcb_t *pcb = ss->ss_pcb;
	dt_node_t *lhs = asgn->dn_left, *rhs = asgn->dn_right, *a;
	const struct dt_func *fn;
	dt_var_t *dvp;
	int64_t params[4] = { 0, 0, 0, 0 };
	int i;
	const char *name = lhs->dn_kind == DT_NODE_IDENT ? lhs->dn_string :
			   lhs->dn_left->dn_string;

	if (asgn->dn_op != DT_TOK_ASGN ||
	    rhs->dn_kind != DT_NODE_FUNC || rhs->dn_left->dn_kind !=
	    DT_NODE_IDENT || !(fn = dt_func_lookup(rhs->dn_left->dn_string)) ||
	    fn->fn_kind != DT_IK_AGGFUNC)
		dt_node_error(pcb, asgn, D_AGG_FUNC, "%s must be assigned the "
			      "result of an aggregating function", name);

	dt_proto_check(ss, rhs, "", fn->fn_name, "( )",
		       dt_node_list_len(rhs->dn_args), fn->fn_min, fn->fn_max);
	/* lquantize()'s step defaults to 1: supply it. */
	if (fn->fn_act == DTRACE_AGG_LQUANTIZE &&
	    dt_node_list_len(rhs->dn_args) == 3)
		dt_node_link(rhs->dn_args, dt_node_int(pcb, 1, 0));
	for (a = rhs->dn_args, i = 1; a; a = a->dn_next, i++) {
		dt_sema_expr(ss, a);
		if (a->dn_vkind == DT_VK_STRING || a->dn_vkind == DT_VK_VOID)
			dt_node_error(pcb, a, D_AGG_SCALAR, "%s( ) argument #%d "
				      "must be of scalar type", fn->fn_name, i);
	}
	dvp = dt_sema_lvalue(ss, lhs, DT_TOK_ASGN);
	if (dvp->dv_aggfn && dvp->dv_aggfn != fn)
		dt_node_error(pcb, asgn, D_AGG_REDEF, "aggregation redefined: "
			      "%s\n\t current: %s( )\n\tprevious: %s( )", name,
			      fn->fn_name, dvp->dv_aggfn->fn_name);
	dt_sema_quantize(ss, rhs, fn, params, dvp->dv_aggfn ?
			 dvp->dv_aggparams : NULL);
	dt_sema_clsflags(ss, rhs, fn);
	if (!dvp->dv_aggfn)
		memcpy(dvp->dv_aggparams, params, sizeof(params));
	dvp->dv_aggfn = fn;
	if (!dvp->dv_aggcall)
		dvp->dv_aggcall = rhs;
	rhs->dn_vkind = DT_VK_AGGFUNC;
	asgn->dn_vkind = DT_VK_VOID;
}

/* Is dnp a positive integer constant (zero allowed or not)? */
static int dt_sema_posconst(const dt_node_t *dnp, int zero)
{
	return dnp->dn_kind == DT_NODE_INT && (int64_t)dnp->dn_value >= !zero &&
	       dnp->dn_value <= INT32_MAX;
}

/* The actions whose arguments must be constants: sizes and depths. */
static void dt_sema_constargs(dt_sema_t *ss, const dt_node_t *call,
			      const struct dt_func *fn)
{
	dt_pcb_t *pcb = ss->ss_pcb;
	const dt_node_t *a1 = call->dn_args, *a2 = a1 ? a1->dn_next : NULL;

	switch (fn->fn_act) {
	case DTRACE_DOFACT_STACK:
		if (a1 && !dt_sema_posconst(a1, 0))
			dt_node_error(pcb, a1, D_STACK_SIZE, "stack( ) size "
				      "must be a non-zero positive integral "
				      "constant expression");
		break;
	case DTRACE_DOFACT_USTACK:
	case DTRACE_DOFACT_JSTACK:
		if (a1 && !dt_sema_posconst(a1, 0))
			dt_node_error(pcb, a1, D_USTACK_FRAMES, "%s( ) argument "
				      "#1 must be a non-zero positive integral "
				      "constant expression", fn->fn_name);
		if (a2 && !dt_sema_posconst(a2, 1))
			dt_node_error(pcb, a2, D_USTACK_STRSIZE, "%s( ) argument "
				      "#2 must be a positive integral constant "
				      "expression", fn->fn_name);
		break;
	case DTRACE_DOFACT_TRACEMEM:
		if (a1->dn_vkind == DT_VK_STRING || a1->dn_vkind == DT_VK_VOID)
			dt_node_error(pcb, a1, D_TRACEMEM_ADDR, "tracemem( ) "
				      "argument #1 is incompatible with "
				      "prototype:\n\tprototype: pointer or "
				      "integer\n\t argument: string");
		if (!dt_sema_posconst(a2, 0))
			dt_node_error(pcb, a2, D_TRACEMEM_SIZE, "tracemem( ) "
				      "argument #2 must be a non-zero positive "
				      "integral constant expression");
		break;
	}
}

/*
 * The actions that take aggregations, and the tags of their errors: a
 * wrong argument count, an argument that is no aggregation, one never
 * assigned, and a second argument that is no scalar.
 */
struct dt_aggact_tags {
	int at_act;
	dt_errtag_t at_proto, at_aggarg, at_aggbad, at_scalar;
};

static const struct dt_aggact_tags *dt_aggact_tags(int act)
{
	static const struct dt_aggact_tags tags[] = {
		{ DTRACE_DOFACT_PRINTA, D_PROTO_LEN, D_PRINTA_AGGARG,
		  D_PRINTA_AGGBAD, D_UNKNOWN },
		{ DTRACE_DOFACT_CLEAR, D_PROTO_LEN, D_CLEAR_AGGARG,
		  D_CLEAR_AGGBAD, D_UNKNOWN },
		{ DTRACE_DOFACT_TRUNC, D_TRUNC_PROTO, D_TRUNC_AGGARG,
		  D_TRUNC_AGGBAD, D_TRUNC_SCALAR },
		{ DTRACE_DOFACT_NORMALIZE, D_NORMALIZE_PROTO,
		  D_NORMALIZE_AGGARG, D_NORMALIZE_AGGBAD, D_NORMALIZE_SCALAR },
		{ DTRACE_DOFACT_DENORMALIZE, D_NORMALIZE_PROTO,
		  D_NORMALIZE_AGGARG, D_NORMALIZE_AGGBAD, D_NORMALIZE_SCALAR },
	};
	size_t i;

	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		if (tags[i].at_act == act)
			return &tags[i];
	return NULL;
}

/* A call: an action (a statement of its own), subroutine or aggfunc. */
static void dt_sema_call(dt_sema_t *ss, dt_node_t *dnp, int stmt)
{
	dt_pcb_t *pcb = ss->ss_pcb;
	const struct dt_func *fn;
	dt_node_t *a;
	int argc = dt_node_list_len(dnp->dn_args);
	const struct dt_aggact_tags *tags;
	const char *name;

	if (dnp->dn_left->dn_kind != DT_NODE_IDENT)
		dt_node_error(pcb, dnp, D_FUNC_IDENT, "function designator is "
			      "not of function type");
	name = dnp->dn_left->dn_string;
	fn = dt_func_lookup(name);
	if (!fn) {
		const struct dt_bvar *bv = dt_bvar_lookup(name);
		dt_var_t *dvp = dt_var_lookup(ss->ss_globals, name);

		if (bv || dvp)
			dt_node_error(pcb, dnp, D_FUNC_IDKIND, "%s '%s' may not "
				      "be referenced as a function",
				      dt_ikname[bv ? bv->bv_kind : dvp->dv_kind],
				      name);
		dt_node_error(pcb, dnp, D_FUNC_UNDEF, "undefined function name: "
			      "%s", name);
	}
	if (fn->fn_kind == DT_IK_AGGFUNC)
		dt_node_error(pcb, dnp, D_AGG_FUNC, "%s( ) may only be used as "
			      "the value of an aggregation", name);
	if (fn->fn_kind == DT_IK_ACTFUNC && !stmt)
		dt_node_error(pcb, dnp, D_CG_EXPR, "%s( ) may not be used in an "
			      "expression; it must be called as a statement",
			      name);

	tags = dt_aggact_tags(fn->fn_act);
	if (tags && tags->at_proto != D_PROTO_LEN &&
	    (argc < fn->fn_min || argc > fn->fn_max))
		dt_node_error(pcb, dnp, tags->at_proto, "%s( ) prototype "
			      "mismatch: %d args passed, %s%d expected", name,
			      argc, fn->fn_min == fn->fn_max ? "" : argc <
			      fn->fn_min ? "at least " : "no more than ",
			      argc < fn->fn_min ? fn->fn_min : fn->fn_max);
	dt_proto_check(ss, dnp, "", name, "( )", argc, fn->fn_min, fn->fn_max);

	a = dnp->dn_args;
	if (tags) {
		/* printa's arguments after the format are aggregations. */
		dt_node_t *ag = a;
		int printa = fn->fn_act == DTRACE_DOFACT_PRINTA;

		if (printa && a->dn_kind == DT_NODE_STRING)
			ag = a->dn_next;
		if (!ag)
			dt_node_error(pcb, dnp, D_PRINTA_PROTO, "%s( ) prototype "
				      "mismatch: aggregation argument missing",
				      name);
		for (; ag; ag = printa ? ag->dn_next : NULL) {
			if (ag->dn_kind != DT_NODE_IDENT ||
			    ag->dn_string[0] != '@')
				dt_node_error(pcb, ag, tags->at_aggarg,
					      "%s( ) argument #%d is incompatible "
					      "with prototype:\n\tprototype: "
					      "aggregation\n\t argument: "
					      "expression", name, 1 +
					      (ag != dnp->dn_args));
			if (!dt_var_lookup(ss->ss_globals, ag->dn_string))
				dt_node_error(pcb, ag, tags->at_aggbad,
					      "undefined aggregation: %s",
					      ag->dn_string);
		}
		for (a = dnp->dn_args; a; a = a->dn_next)
			if (a->dn_kind != DT_NODE_IDENT ||
			    a->dn_string[0] != '@')
				dt_sema_expr(ss, a);
		/* trunc()'s count and normalize()'s divisor are scalars. */
		a = dnp->dn_args->dn_next;
		if (!printa && a && (a->dn_vkind == DT_VK_STRING ||
				     a->dn_vkind == DT_VK_VOID ||
				     dt_sema_issou(ss, a->dn_type) ||
				     dt_sema_isarray(ss, a->dn_type)))
			dt_node_error(pcb, a, tags->at_scalar, "%s( ) argument "
				      "#2 must be of scalar type", name);
	} else {
		for (; a; a = a->dn_next)
			dt_sema_expr(ss, a);
	}
	if (fn->fn_flags & DT_FF_FORMAT)
		dt_sema_format(ss, dnp, name, dnp->dn_args, argc - 1);
	else if (fn->fn_act == DTRACE_DOFACT_PRINTA &&
		 dnp->dn_args->dn_kind == DT_NODE_STRING)
		dt_printf_destroy(dt_sema_fmtparse(ss, dnp->dn_args));
	dt_sema_constargs(ss, dnp, fn);
	/* freopen("") is the way back to stdout; other formats have text. */
	if ((fn->fn_act == DTRACE_DOFACT_PRINTA ||
	     ((fn->fn_flags & DT_FF_FORMAT) &&
	      fn->fn_act != DTRACE_DOFACT_FREOPEN)) &&
	    dnp->dn_args->dn_kind == DT_NODE_STRING &&
	    dnp->dn_args->dn_string[0] == '\0')
		dt_node_error(pcb, dnp->dn_args, D_PRINTF_FMT_EMPTY, "%s( ) "
			      "format string is empty", name);
	if (fn->fn_act == DTRACE_DOFACT_TRACE &&
	    dnp->dn_args->dn_vkind == DT_VK_VOID)
		dt_node_error(pcb, dnp->dn_args, D_TRACE_VOID, "trace( ) may "
			      "not be applied to a void expression");
	if (fn->fn_kind == DT_IK_ACTFUNC || (fn->fn_flags & DT_FF_DESTRUCTIVE))
		dt_sema_clsflags(ss, dnp, fn);
	if (fn->fn_flags & DT_FF_DESTRUCTIVE)
		ss->ss_pcb->pcb_destructive = 1;
	if (fn->fn_kind == DT_IK_ACTFUNC &&
	    fn->fn_act == DTRACE_DOFACT_BREAKPOINT)
		dt_node_error(pcb, dnp, D_UNKNOWN, "breakpoint( ) is not "
			      "supported on Linux: the kernel exports no "
			      "debugger entry, and a breakpoint instruction in "
			      "the kernel is an oops");
	dnp->dn_vkind = fn->fn_vkind;
	for (argc = 0; argc < (int)(sizeof(dt_func_types) /
				    sizeof(dt_func_types[0])); argc++)
		if (strcmp(dt_func_types[argc].ft_name, name) == 0)
			dnp->dn_type = dt_sema_typename(pcb,
						dt_func_types[argc].ft_type);
}

/*
 * An associative array's element a[k] has the array's value type (the
 * index is not C's: a[k] of an array of pointers is not *(a + k)).
 */
static void dt_sema_assocelem(dt_node_t *dnp, const dt_var_t *dvp)
{
	if (!dvp || dvp->dv_kind != DT_IK_ARRAY)
		return;
	dnp->dn_flags |= DT_NF_ASSOC;
	dnp->dn_type = dvp->dv_type;
}

/*
 * A D variable as a whole (x, self->x, a[k], pid, args[0]), which has no
 * address; not an element of a C array variable ("int a[5]"'s a[1]) nor
 * a kernel symbol.
 */
static int dt_sema_isvar(const dt_node_t *dnp)
{
	const dt_node_t *l = dnp->dn_left;

	if (dnp->dn_kind == DT_NODE_IDENT)
		return strchr(dnp->dn_string, '`') == NULL;
	if (dnp->dn_kind == DT_NODE_OP2 && dnp->dn_op == DT_OP_INDEX)
		return (dnp->dn_flags & DT_NF_ASSOC) ||
		       (l->dn_kind == DT_NODE_IDENT && dt_bvar_lookup(l->dn_string));
	return dt_node_is_lvalue_var(dnp);
}

static int dt_is_assign_op(int op)
{
	switch (op) {
	case DT_TOK_ASGN: case DT_TOK_ADD_EQ: case DT_TOK_SUB_EQ:
	case DT_TOK_MUL_EQ: case DT_TOK_DIV_EQ: case DT_TOK_MOD_EQ:
	case DT_TOK_AND_EQ: case DT_TOK_XOR_EQ: case DT_TOK_OR_EQ:
	case DT_TOK_LSH_EQ: case DT_TOK_RSH_EQ:
		return 1;
	}
	return 0;
}

static int dt_is_agg_lhs(const dt_node_t *lhs)
{
	while (lhs->dn_kind == DT_NODE_OP2 && lhs->dn_op == DT_OP_INDEX)
		lhs = lhs->dn_left;
	return lhs->dn_kind == DT_NODE_IDENT && lhs->dn_string[0] == '@';
}

static void dt_sema_assign(dt_sema_t *ss, dt_node_t *dnp)
{
	dt_var_t *dvp;

	if (dt_is_agg_lhs(dnp->dn_left)) {
		dt_sema_aggregate(ss, dnp);
		return;
	}
	dt_sema_expr(ss, dnp->dn_right);
	if (dnp->dn_right->dn_vkind == DT_VK_VOID)
		dt_node_error(ss->ss_pcb, dnp->dn_right, D_OP_VFPTR,
			      "operator %s requires an operand that is not "
			      "void", dt_opstr(dnp->dn_op));
	/* x += 1 reads x: it must exist already. */
	if (dnp->dn_op != DT_TOK_ASGN && dt_node_is_lvalue_var(dnp->dn_left))
		dt_sema_expr(ss, dnp->dn_left);
	dvp = dt_sema_lvalue(ss, dnp->dn_left, dnp->dn_op);
	if (dvp && dvp->dv_kind != DT_IK_AGG)
		dt_sema_asgntype(ss, dnp, dvp->dv_type);
	else if (!dvp)
		dt_sema_asgntype(ss, dnp, dnp->dn_left->dn_type);
	if (dvp ? dt_sema_incompat(dvp->dv_vkind, dnp->dn_right->dn_vkind) :
	    dt_sema_incompat(dnp->dn_left->dn_vkind, dnp->dn_right->dn_vkind)) {
		char n1[128], n2[128];

		dt_node_error(ss->ss_pcb, dnp, D_OP_INCOMPAT, "operands have "
			      "incompatible types: \"%s\" %s \"%s\"",
			      dvp ? dt_sema_tname(ss, dvp->dv_type, dvp->dv_vkind,
						  n1, sizeof(n1)) :
			      dt_sema_tname(ss, dnp->dn_left->dn_type,
					    dnp->dn_left->dn_vkind, n1,
					    sizeof(n1)), dt_opstr(dnp->dn_op),
			      dt_sema_tname(ss, dnp->dn_right->dn_type,
					    dnp->dn_right->dn_vkind, n2,
					    sizeof(n2)));
	}
	if (dvp && dvp->dv_kind == DT_IK_AGG)
		dt_node_error(ss->ss_pcb, dnp, D_AGG_FUNC, "%s must be assigned "
			      "the result of an aggregating function",
			      dvp->dv_name);
	if (dvp && dvp->dv_vkind == DT_VK_ANY)
		dvp->dv_vkind = dnp->dn_right->dn_vkind;
	if (dvp && !dvp->dv_type)
		dvp->dv_type = dnp->dn_right->dn_type;
	dnp->dn_vkind = dnp->dn_right->dn_vkind;
	dnp->dn_type = dnp->dn_right->dn_type;
}

static void dt_sema_expr_vk(dt_sema_t *ss, dt_node_t *dnp)
{
	dt_pcb_t *pcb = ss->ss_pcb;
	dt_var_t *dvp;
	dt_node_t *a;

	switch (dnp->dn_kind) {
	case DT_NODE_INT:
		dnp->dn_vkind = DT_VK_INT;
		return;
	case DT_NODE_STRING:
		dnp->dn_vkind = DT_VK_STRING;
		return;
	case DT_NODE_IDENT:
		if (dnp->dn_string[0] == '@')
			dt_node_error(pcb, dnp, D_AGG_SCALAR, "aggregation %s "
				      "may not be used in an expression",
				      dnp->dn_string);
		if (strcmp(dnp->dn_string, "self") == 0 ||
		    strcmp(dnp->dn_string, "this") == 0)
			dt_node_error(pcb, dnp, D_SYNTAX, "%s must be followed "
				      "by -> and a variable name", dnp->dn_string);
		dvp = dt_sema_ident(ss, dnp, 0, -1);
		if (dvp && dvp->dv_inline) {
			/* The inline's checked expression, in place of its name. */
			dt_node_t *next = dnp->dn_next;
			const char *file = dnp->dn_file;
			int line = dnp->dn_line;

			*dnp = *dvp->dv_inline;
			dnp->dn_next = next;
			dnp->dn_file = file;
			dnp->dn_line = line;
		}
		return;
	case DT_NODE_FUNC:
		dt_sema_call(ss, dnp, 0);
		return;
	case DT_NODE_OP1:
		if (dnp->dn_op == DT_TOK_SIZEOF && dnp->dn_left->dn_kind ==
		    DT_NODE_TYPE) {
			dnp->dn_vkind = DT_VK_INT;
			return;
		}
		if (dnp->dn_op == DT_OP_PREINC || dnp->dn_op == DT_OP_PREDEC ||
		    dnp->dn_op == DT_OP_POSTINC || dnp->dn_op == DT_OP_POSTDEC) {
			dt_sema_expr(ss, dnp->dn_left);
			dt_sema_lvalue(ss, dnp->dn_left, dnp->dn_op);
			if (dt_sema_issou(ss, dnp->dn_left->dn_type) ||
			    dt_sema_isarray(ss, dnp->dn_left->dn_type) ||
			    dnp->dn_left->dn_vkind == DT_VK_STRING)
				dt_node_error(pcb, dnp, D_OP_SCALAR, "operator %s "
					      "requires operand of scalar type",
					      dt_opstr(dnp->dn_op));
			dnp->dn_vkind = DT_VK_INT;
			return;
		}
		if (dnp->dn_op == DT_OP_ADDROF &&
		    dnp->dn_left->dn_kind == DT_NODE_IDENT &&
		    strchr(dnp->dn_left->dn_string, '`'))
			dt_sema_ksym(ss, dnp->dn_left, 1);	/* &`sym */
		else
			dt_sema_expr(ss, dnp->dn_left);
		if (dnp->dn_op == DT_OP_ADDROF && dt_sema_isvar(dnp->dn_left))
			dt_node_error(pcb, dnp, D_ADDROF_VAR, "cannot take "
				      "address of dynamic variable");
		if (dnp->dn_op == DT_TOK_STRINGOF)
			dnp->dn_vkind = DT_VK_STRING;
		else if (dnp->dn_op == DT_OP_DEREF)
			dnp->dn_vkind = DT_VK_ANY;
		else if (dnp->dn_op == DT_OP_ADDROF)
			dnp->dn_vkind = DT_VK_PTR;
		else
			dnp->dn_vkind = DT_VK_INT;
		dt_fold(dnp);
		return;
	case DT_NODE_OP2:
		break;
	case DT_NODE_OP3:
		dt_sema_expr(ss, dnp->dn_left);
		dt_sema_expr(ss, dnp->dn_right);
		dt_sema_expr(ss, dnp->dn_third);
		if (dt_sema_incompat(dnp->dn_right->dn_vkind,
				     dnp->dn_third->dn_vkind) ||
		    ((dt_sema_issou(ss, dnp->dn_right->dn_type) ||
		      dt_sema_issou(ss, dnp->dn_third->dn_type)) &&
		     !dt_sema_sametype(ss, dnp->dn_right->dn_type,
				       dnp->dn_third->dn_type)))
			dt_node_error(pcb, dnp, D_OP_INCOMPAT, "operator ?: "
				      "operands must have compatible types");
		dnp->dn_vkind = dnp->dn_right->dn_vkind;
		return;
	case DT_NODE_OFFSETOF:
		dnp->dn_vkind = DT_VK_INT;
		return;
	case DT_NODE_XLATE:
		dt_sema_expr(ss, dnp->dn_right);
		dnp->dn_vkind = DT_VK_ANY;
		return;
	default:
		dt_node_error(pcb, dnp, D_UNKNOWN, "internal error: unexpected "
			      "node kind %d in an expression", dnp->dn_kind);
	}

	if (dt_is_assign_op(dnp->dn_op)) {
		dt_sema_assign(ss, dnp);
		return;
	}
	switch (dnp->dn_op) {
	case DT_OP_INDEX:
		if (dnp->dn_left->dn_kind == DT_NODE_IDENT &&
		    (dvp = dt_var_lookup(ss->ss_globals,
					 dnp->dn_left->dn_string)) != NULL &&
		    dvp->dv_inparams) {
			dt_sema_inline_use(ss, dnp, dvp);
			return;
		}
		if (dnp->dn_left->dn_kind == DT_NODE_IDENT &&
		    !strchr(dnp->dn_left->dn_string, '`')) {
			for (a = dnp->dn_right; a; a = a->dn_next)
				dt_sema_expr(ss, a);
			if (dnp->dn_left->dn_string[0] == '@')
				dt_node_error(pcb, dnp, D_AGG_SCALAR,
					      "aggregation %s may not be used in "
					      "an expression",
					      dnp->dn_left->dn_string);
			dvp = dt_sema_ident(ss, dnp->dn_left, 0,
					    dt_node_list_len(dnp->dn_right));
			if (dvp)
				dt_sema_keys(ss, dvp, dnp->dn_right);
			dnp->dn_vkind = dnp->dn_left->dn_vkind;
			dt_sema_assocelem(dnp, dvp);
			return;
		}
		if (dnp->dn_left->dn_kind == DT_NODE_OP2 &&
		    dnp->dn_left->dn_op == DT_TOK_PTR &&
		    dnp->dn_left->dn_left->dn_kind == DT_NODE_IDENT &&
		    strcmp(dnp->dn_left->dn_left->dn_string, "self") == 0 &&
		    !dt_sema_member_ptr(ss, dnp)) {
			for (a = dnp->dn_right; a; a = a->dn_next)
				dt_sema_expr(ss, a);
			dvp = dt_sema_member_var(ss, dnp->dn_left, 0, 1);
			dnp->dn_vkind = dnp->dn_left->dn_vkind;
			dt_sema_assocelem(dnp, dvp);
			return;
		}
		dt_sema_expr(ss, dnp->dn_left);
		for (a = dnp->dn_right; a; a = a->dn_next)
			dt_sema_expr(ss, a);
		dnp->dn_vkind = DT_VK_ANY;
		return;
	case DT_TOK_PTR:
	case DT_TOK_DOT:
		if (dnp->dn_op == DT_TOK_PTR &&
		    dnp->dn_left->dn_kind == DT_NODE_IDENT &&
		    (strcmp(dnp->dn_left->dn_string, "self") == 0 ||
		     strcmp(dnp->dn_left->dn_string, "this") == 0)) {
			dt_sema_member_var(ss, dnp, 0, 0);
			return;
		}
		dt_sema_expr(ss, dnp->dn_left);
		dnp->dn_vkind = DT_VK_ANY;
		return;
	case DT_OP_CAST:
		dt_sema_expr(ss, dnp->dn_right);
		dnp->dn_vkind = DT_VK_ANY;
		return;
	case DT_TOK_COMMA:
		dt_sema_expr(ss, dnp->dn_left);
		dt_sema_expr(ss, dnp->dn_right);
		dnp->dn_vkind = dnp->dn_right->dn_vkind;
		return;
	}

	dt_sema_expr(ss, dnp->dn_left);
	dt_sema_expr(ss, dnp->dn_right);
	if (dt_sema_incompat(dnp->dn_left->dn_vkind, dnp->dn_right->dn_vkind)) {
		char n1[128], n2[128];

		dt_node_error(pcb, dnp, D_OP_INCOMPAT, "operands have "
			      "incompatible types: \"%s\" %s \"%s\"",
			      dt_sema_tname(ss, dnp->dn_left->dn_type,
					    dnp->dn_left->dn_vkind, n1, sizeof(n1)),
			      dt_opstr(dnp->dn_op),
			      dt_sema_tname(ss, dnp->dn_right->dn_type,
					    dnp->dn_right->dn_vkind, n2,
					    sizeof(n2)));
	}
	switch (dnp->dn_op) {
	case DT_TOK_ADD: case DT_TOK_SUB: case DT_TOK_MUL: case DT_TOK_DIV:
	case DT_TOK_MOD: case DT_TOK_LSH: case DT_TOK_RSH: case DT_TOK_BAND:
	case DT_TOK_BOR: case DT_TOK_XOR:
		if (dnp->dn_left->dn_vkind == DT_VK_STRING ||
		    dnp->dn_right->dn_vkind == DT_VK_STRING)
			dt_node_error(pcb, dnp, D_OP_ARITH, "operator %s "
				      "requires operands of arithmetic type",
				      dt_opstr(dnp->dn_op));
		break;
	}
	if ((dnp->dn_op == DT_TOK_DIV || dnp->dn_op == DT_TOK_MOD) &&
	    dnp->dn_right->dn_kind == DT_NODE_INT && dnp->dn_right->dn_value == 0)
		dt_node_error(pcb, dnp, D_DIV_ZERO, "expression contains "
			      "division by zero");
	if ((dnp->dn_op == DT_TOK_ADD || dnp->dn_op == DT_TOK_SUB) &&
	    (dnp->dn_left->dn_vkind == DT_VK_PTR ||
	     dnp->dn_right->dn_vkind == DT_VK_PTR))
		dnp->dn_vkind = DT_VK_PTR;
	else
		dnp->dn_vkind = DT_VK_INT;
	dt_fold(dnp);
}

/*
 * Fold an operator whose operands are integer constants into a constant,
 * so that "-10" is a constant where D wants one (lquantize's base, array
 * dimensions) and code generation emits one load.  Arithmetic is done in
 * 64 bits, signed unless an operand is unsigned, as the DIF will.
 */
static void dt_fold(dt_node_t *dnp)
{
	dt_node_t *l = dnp->dn_left, *r = dnp->dn_right;
	uint64_t a, b, v;
	int uns;

	if (dnp->dn_kind == DT_NODE_OP1) {
		if (l->dn_kind != DT_NODE_INT)
			return;
		a = l->dn_value;
		switch (dnp->dn_op) {
		case DT_OP_INEG: v = -a; break;
		case DT_OP_IPOS: v = a; break;
		case DT_TOK_BNEG: v = ~a; break;
		case DT_TOK_LNEG: v = !a; break;
		default: return;
		}
		uns = l->dn_flags & DT_NF_UNSIGNED;
	} else if (dnp->dn_kind == DT_NODE_OP2) {
		if (l->dn_kind != DT_NODE_INT || r->dn_kind != DT_NODE_INT)
			return;
		a = l->dn_value;
		b = r->dn_value;
		uns = (l->dn_flags | r->dn_flags) & DT_NF_UNSIGNED;
		switch (dnp->dn_op) {
		case DT_TOK_ADD: v = a + b; break;
		case DT_TOK_SUB: v = a - b; break;
		case DT_TOK_MUL: v = a * b; break;
		case DT_TOK_DIV:
			v = uns ? a / b : (uint64_t)((int64_t)a / (int64_t)b);
			break;
		case DT_TOK_MOD:
			v = uns ? a % b : (uint64_t)((int64_t)a % (int64_t)b);
			break;
		case DT_TOK_LSH: v = b < 64 ? a << b : 0; break;
		case DT_TOK_RSH:
			v = b >= 64 ? 0 : uns ? a >> b :
			    (uint64_t)((int64_t)a >> b);
			break;
		case DT_TOK_BAND: v = a & b; break;
		case DT_TOK_BOR: v = a | b; break;
		case DT_TOK_XOR: v = a ^ b; break;
		case DT_TOK_LAND: v = a && b; break;
		case DT_TOK_LOR: v = a || b; break;
		case DT_TOK_LXOR: v = !a != !b; break;
		case DT_TOK_EQU: v = a == b; uns = 0; break;
		case DT_TOK_NEQ: v = a != b; uns = 0; break;
		case DT_TOK_LT:
			v = uns ? a < b : (int64_t)a < (int64_t)b; uns = 0; break;
		case DT_TOK_LE:
			v = uns ? a <= b : (int64_t)a <= (int64_t)b; uns = 0; break;
		case DT_TOK_GT:
			v = uns ? a > b : (int64_t)a > (int64_t)b; uns = 0; break;
		case DT_TOK_GE:
			v = uns ? a >= b : (int64_t)a >= (int64_t)b; uns = 0; break;
		default: return;
		}
	} else {
		return;
	}
	dnp->dn_kind = DT_NODE_INT;
	dnp->dn_value = v;
	dnp->dn_flags = uns ? DT_NF_UNSIGNED : 0;
	dnp->dn_left = dnp->dn_right = NULL;
	dnp->dn_vkind = DT_VK_INT;
}

/* Give dnp type t, and the value class that goes with it. */
static void dt_sema_settype(dt_sema_t *ss, dt_node_t *dnp, long t)
{
	dtrace_hdl_t *dtp = ss->ss_pcb->pcb_hdl;
	ctf_dict_t *fp = dt_types_fp(dtp);
	ctf_id_t r;

	dnp->dn_type = t;
	if (!t || !fp)
		return;
	r = ctf_type_resolve(fp, t);
	switch (r == CTF_ERR ? -1 : ctf_type_kind(fp, r)) {
	case CTF_K_INTEGER: {
		ctf_encoding_t e;

		/* void is an integer of no bits: (void)x has no value. */
		if (ctf_type_encoding(fp, r, &e) == 0 && e.cte_bits == 0) {
			dnp->dn_vkind = DT_VK_VOID;
			break;
		}
		dnp->dn_vkind = DT_VK_INT;
		break;
	}
	case CTF_K_ENUM:
	case CTF_K_TYPEDEF:	/* a slice of a typedef: a bit-field */
		dnp->dn_vkind = DT_VK_INT;
		break;
	case CTF_K_POINTER:
		dnp->dn_vkind = DT_VK_PTR;
		break;
	case CTF_K_ARRAY:
		if (dt_type_is_string(dtp, t))
			dnp->dn_vkind = DT_VK_STRING;
		break;
	}
}

static long dt_sema_named(dt_sema_t *ss, const char *name)
{
	return dt_sema_typename(ss->ss_pcb, name);
}

/* The struct or union a member operator applies to, complete. */
static ctf_id_t dt_sema_sou(dt_sema_t *ss, dt_node_t *dnp, ctf_id_t t,
			    int arrow)
{
	dtrace_hdl_t *dtp = ss->ss_pcb->pcb_hdl;
	ctf_dict_t *fp = dt_types_fp(dtp);
	char name[128];
	ctf_id_t r = ctf_type_resolve(fp, t);

	if (arrow) {
		if (r == CTF_ERR || ctf_type_kind(fp, r) != CTF_K_POINTER)
			dt_node_error(ss->ss_pcb, dnp, D_OP_PTR, "operator -> "
				      "must be applied to a pointer");
		r = ctf_type_reference(fp, r);
	}
	r = dt_type_complete(dtp, r);
	if (r == CTF_ERR || (ctf_type_kind(fp, r) != CTF_K_STRUCT &&
			     ctf_type_kind(fp, r) != CTF_K_UNION)) {
		if (!ctf_type_name(fp, t, name, sizeof(name)))
			snprintf(name, sizeof(name), "?");
		if (r != CTF_ERR && ctf_type_kind(fp, r) == CTF_K_FORWARD)
			dt_node_error(ss->ss_pcb, dnp, D_OP_INCOMPLETE,
				      "operator %s cannot be applied to a "
				      "forward declaration: no struct %s "
				      "definition is available", arrow ? "->" :
				      ".", name);
		dt_node_error(ss->ss_pcb, dnp, D_OP_SOU, "operator %s cannot be "
			      "applied to type \"%s\"; must be applied to a "
			      "struct or union%s", arrow ? "->" : ".", name,
			      arrow ? " pointer" : "");
	}
	return r;
}

/* Do two types name the same thing, typedefs and qualifiers aside? */
static int dt_sema_sametype(dt_sema_t *ss, long a, long b)
{
	dtrace_hdl_t *dtp = ss->ss_pcb->pcb_hdl;
	ctf_dict_t *fp = dt_types_fp(dtp);
	ctf_id_t ra = dt_type_complete(dtp, a), rb = dt_type_complete(dtp, b);
	char na[256], nb[256];

	if (ra == rb)
		return 1;
	if (ra == CTF_ERR || rb == CTF_ERR ||
	    ctf_type_kind(fp, ra) != ctf_type_kind(fp, rb))
		return 0;
	if (ctf_type_kind(fp, ra) == CTF_K_POINTER)
		return dt_sema_sametype(ss, ctf_type_reference(fp, ra),
					ctf_type_reference(fp, rb));
	return ctf_type_name(fp, ra, na, sizeof(na)) &&
	       ctf_type_name(fp, rb, nb, sizeof(nb)) && strcmp(na, nb) == 0 &&
	       ctf_type_size(fp, ra) == ctf_type_size(fp, rb);
}

/*
 * xlate<T>(e).m, xlate<T *>(e)->m: the translator from e's type to T
 * gives m's expression, which code generation inlines with e bound to the
 * translator's input.
 */
static void dt_sema_xlmember(dt_sema_t *ss, dt_node_t *dnp, ctf_id_t out)
{
	dt_node_t *xl = dnp->dn_left, *in = xl->dn_right, *m;
	const dt_xlator_t *dx;
	char n1[128], n2[128];

	for (dx = ss->ss_xlators; dx; dx = dx->dx_next)
		if (dt_sema_sametype(ss, dx->dx_out, (long)out) &&
		    (!in->dn_type || dt_sema_sametype(ss, dx->dx_in,
						      in->dn_type)))
			break;
	if (!dx) {
		ctf_dict_t *fp = dt_types_fp(ss->ss_pcb->pcb_hdl);

		if (!in->dn_type || !ctf_type_name(fp, in->dn_type, n1,
						   sizeof(n1)))
			snprintf(n1, sizeof(n1), "?");
		if (!ctf_type_name(fp, out, n2, sizeof(n2)))
			snprintf(n2, sizeof(n2), "?");
		dt_node_error(ss->ss_pcb, dnp, D_XLATE_NONE, "translator does "
			      "not exist: %s -> %s", n1, n2);
	}
	for (m = dx->dx_node->dn_body; m; m = m->dn_next)
		if (strcmp(m->dn_string, dnp->dn_right->dn_string) == 0)
			break;
	if (!m)
		dt_node_error(ss->ss_pcb, dnp, D_XLATE_NOCONV, "translator "
			      "member %s is not defined by the translator",
			      dnp->dn_right->dn_string);
	dnp->dn_flags |= DT_NF_XLMEMBER;
	dnp->dn_aux = m->dn_left;
	dnp->dn_vkind = m->dn_left->dn_vkind;
	dt_sema_settype(ss, dnp, m->dn_left->dn_type);
}

/*
 * A translator definition: its output must be a struct or union, each
 * member one of the output's, each expression checked with the input
 * parameter bound to the input type.
 */
/*
 * A translator member's expression must fit the member: no string for an
 * integer or pointer nor the reverse, a struct or union only of its type.
 */
static void dt_sema_xlcompat(dt_sema_t *ss, const dt_node_t *m, ctf_id_t mt)
{
	const dt_node_t *e = m->dn_left;
	dt_node_t want = { .dn_vkind = DT_VK_ANY };
	char n1[128], n2[128];

	dt_sema_settype(ss, &want, mt);
	if (!dt_sema_incompat(want.dn_vkind, e->dn_vkind) &&
	    !((dt_sema_issou(ss, mt) || dt_sema_issou(ss, e->dn_type)) &&
	      !dt_sema_sametype(ss, mt, e->dn_type)))
		return;
	dt_node_error(ss->ss_pcb, m, D_XLATE_INCOMPAT, "translator member %s "
		      "definition uses incompatible types: \"%s\" = \"%s\"",
		      m->dn_string, dt_sema_tname(ss, mt, want.dn_vkind, n1,
						  sizeof(n1)),
		      dt_sema_tname(ss, e->dn_type, e->dn_vkind, n2,
				    sizeof(n2)));
}

static void dt_sema_xlator(dt_sema_t *ss, dt_node_t *dnp)
{
	dtrace_hdl_t *dtp = ss->ss_pcb->pcb_hdl;
	ctf_dict_t *fp = dt_types_fp(dtp);
	dt_xlator_t *dx = dt_pcb_zalloc(ss->ss_pcb, sizeof(*dx));
	ctf_id_t out, mt;
	unsigned long off;
	dt_node_t *m, *n;

	dx->dx_out = dt_type_decl(ss->ss_pcb, dnp->dn_left->dn_spec,
				  dnp->dn_left->dn_decl);
	dx->dx_in = dt_type_decl(ss->ss_pcb, dnp->dn_right->dn_spec,
				 dnp->dn_right->dn_decl);
	dx->dx_node = dnp;
	out = dt_type_complete(dtp, dx->dx_out);
	if (out == CTF_ERR || (ctf_type_kind(fp, out) != CTF_K_STRUCT &&
			       ctf_type_kind(fp, out) != CTF_K_UNION))
		dt_node_error(ss->ss_pcb, dnp, D_XLATE_SOU, "translator output "
			      "type must be a struct or union");
	for (m = dnp->dn_body; m; m = m->dn_next) {
		if (dt_type_member(dtp, out, m->dn_string, &mt, &off) != 0)
			dt_node_error(ss->ss_pcb, m, D_XLATE_MEMB, "translator "
				      "member %s is not a member of the output "
				      "type", m->dn_string);
		for (n = dnp->dn_body; n != m; n = n->dn_next)
			if (strcmp(n->dn_string, m->dn_string) == 0)
				dt_node_error(ss->ss_pcb, m, D_XLATE_REDECL,
					      "translator member %s redeclared",
					      m->dn_string);
		ss->ss_xlparam = dnp->dn_string;
		ss->ss_xltype = dx->dx_in;
		dt_sema_expr(ss, m->dn_left);
		ss->ss_xlparam = NULL;
		dt_sema_xlcompat(ss, m, mt);
	}
	dx->dx_next = ss->ss_xlators;
	ss->ss_xlators = dx;
}

/* args[N]: the type the clause's probes give args[N] (dt_args.c). */
static void dt_sema_args(dt_sema_t *ss, dt_node_t *dnp)
{
	const dt_node_t *ix = dnp->dn_right;
	const dt_pdesc_t *bad = NULL;
	char name[128];
	ctf_id_t t;

	if (!ss->ss_clause || !ix)
		return;		/* outside a clause */
	if (ix->dn_kind != DT_NODE_INT) {
		/* Typed arguments need a constant index, as in DTrace. */
		if (dt_args_clause(ss->ss_pcb->pcb_hdl, ss->ss_clause->dn_left,
				   0, &t, &bad) != DT_ARGS_UNTYPED)
			dt_node_error(ss->ss_pcb, dnp, D_PROTO_ARG, "args[ ] "
				      "argument #1 is incompatible with "
				      "prototype:\n\tprototype: integer "
				      "constant\n\t argument: %s",
				      dt_sema_tname(ss, ix->dn_type, ix->dn_vkind,
						    name, sizeof(name)));
		return;
	}
	switch (dt_args_clause(ss->ss_pcb->pcb_hdl, ss->ss_clause->dn_left,
			       (int64_t)ix->dn_value, &t, &bad)) {
	case DT_ARGS_TYPED:
		dt_sema_settype(ss, dnp, t);
		break;
	case DT_ARGS_MULTI:
		dt_node_error(ss->ss_pcb, dnp, D_ARGS_MULTI, "args[ ] may not "
			      "be referenced because probe description "
			      "%s:%s:%s:%s matches an unstable set of probes",
			      bad->pd_prov, bad->pd_mod, bad->pd_func,
			      bad->pd_name);
	case DT_ARGS_IDX:
		dt_node_error(ss->ss_pcb, dnp, D_ARGS_IDX, "index %lld is out "
			      "of range for %s:%s:%s:%s args[ ]",
			      (long long)ix->dn_value, bad->pd_prov,
			      bad->pd_mod, bad->pd_func, bad->pd_name);
	}
}

/*
 * The C type of an expression whose operands are typed.  Member
 * operators leave the member's bit offset in dn_value for the code
 * generator; sizeof and offsetof become constants.
 */
static void dt_sema_type(dt_sema_t *ss, dt_node_t *dnp)
{
	dtrace_hdl_t *dtp = ss->ss_pcb->pcb_hdl;
	ctf_dict_t *fp = dt_types_fp(dtp);
	dt_node_t *l = dnp->dn_left, *r = dnp->dn_right;
	ctf_id_t t, rt;
	unsigned long bitoff;

	if (!fp)
		return;
	switch (dnp->dn_kind) {
	case DT_NODE_INT:
		if (dnp->dn_flags & DT_NF_UNSIGNED)
			dt_sema_settype(ss, dnp, dt_sema_named(ss,
					dnp->dn_value >> 32 ? "unsigned long long" :
					"unsigned int"));
		else if ((int64_t)dnp->dn_value > INT32_MAX ||
			 (int64_t)dnp->dn_value < INT32_MIN ||
			 (dnp->dn_flags & DT_NF_LONG))
			dt_sema_settype(ss, dnp, dt_sema_named(ss, "long long"));
		else
			dt_sema_settype(ss, dnp, dt_sema_named(ss, "int"));
		return;
	case DT_NODE_STRING:
		dt_sema_settype(ss, dnp, dt_sema_named(ss, "string"));
		return;
	case DT_NODE_FUNC:
		if (!dnp->dn_type)
			dt_sema_settype(ss, dnp, dt_sema_named(ss,
				dnp->dn_vkind == DT_VK_STRING ? "string" :
				dnp->dn_vkind == DT_VK_PTR ? "void *" :
				dnp->dn_vkind == DT_VK_INT ? "int64_t" : "void"));
		return;
	case DT_NODE_OFFSETOF:
		t = dt_type_complete(dtp, dt_type_decl(ss->ss_pcb,
				     l->dn_spec, l->dn_decl));
		if (t == CTF_ERR || (ctf_type_kind(fp, t) != CTF_K_STRUCT &&
				     ctf_type_kind(fp, t) != CTF_K_UNION))
			dt_node_error(ss->ss_pcb, dnp, D_OFFSETOF_TYPE,
				      "offsetof operand must be a struct or "
				      "union type");
		if (dt_type_member(dtp, t, dnp->dn_string, &rt, &bitoff) != 0)
			dt_node_error(ss->ss_pcb, dnp, D_TYPE_MEMBER, "%s is not "
				      "a member of the type", dnp->dn_string);
		if (bitoff % 8 || dt_type_is_bitfield(dtp, rt))
			dt_node_error(ss->ss_pcb, dnp, D_OFFSETOF_BITFIELD,
				      "cannot take offset of a bit-field: %s",
				      dnp->dn_string);
		dnp->dn_kind = DT_NODE_INT;
		dnp->dn_value = bitoff / 8;
		dnp->dn_left = NULL;
		dt_sema_settype(ss, dnp, dt_sema_named(ss, "size_t"));
		return;
	case DT_NODE_OP3:
		dt_sema_settype(ss, dnp, r->dn_type);
		return;
	case DT_NODE_XLATE:
		dt_sema_settype(ss, dnp, dt_type_decl(ss->ss_pcb, l->dn_spec,
						      l->dn_decl));
		return;
	case DT_NODE_OP1:
		break;
	case DT_NODE_OP2:
		break;
	default:
		return;
	}

	if (dnp->dn_kind == DT_NODE_OP1) {
		switch (dnp->dn_op) {
		case DT_TOK_SIZEOF: {
			ssize_t size;

			t = l->dn_kind == DT_NODE_TYPE ?
			    dt_type_decl(ss->ss_pcb, l->dn_spec, l->dn_decl) :
			    (ctf_id_t)l->dn_type;
			if (l->dn_kind != DT_NODE_TYPE &&
			    dt_type_is_bitfield(dtp, t))
				dt_node_error(ss->ss_pcb, dnp, D_SIZEOF_BITFIELD,
					      "cannot apply sizeof to a "
					      "bit-field");
			if (t && dt_type_is_string(dtp, t) &&
			    l->dn_kind == DT_NODE_STRING)
				size = (ssize_t)strlen(l->dn_string) + 1;
			else
				size = t ? ctf_type_size(fp,
					dt_type_complete(dtp, t)) : -1;
			if (size < 0)
				dt_node_error(ss->ss_pcb, dnp, D_SIZEOF_TYPE,
					      "cannot apply sizeof to an "
					      "expression of unknown or "
					      "incomplete type");
			dnp->dn_kind = DT_NODE_INT;
			dnp->dn_value = (uint64_t)size;
			dnp->dn_left = NULL;
			dnp->dn_flags = DT_NF_UNSIGNED;
			dt_sema_settype(ss, dnp, dt_sema_named(ss, "size_t"));
			return;
		}
		case DT_TOK_STRINGOF: {
			char n1[128];

			if (l->dn_vkind == DT_VK_VOID ||
			    dt_sema_issou(ss, l->dn_type))
				dt_node_error(ss->ss_pcb, dnp, D_STRINGOF_TYPE,
					      "cannot apply stringof to a value "
					      "of type %s", dt_sema_tname(ss,
					      l->dn_type, l->dn_vkind, n1,
					      sizeof(n1)));
			dt_sema_settype(ss, dnp, dt_sema_named(ss, "string"));
			return;
		}
		case DT_OP_DEREF:
			if (!l->dn_type)
				return;
			rt = ctf_type_resolve(fp, l->dn_type);
			if (rt == CTF_ERR || ctf_type_kind(fp, rt) != CTF_K_POINTER)
				dt_node_error(ss->ss_pcb, dnp, D_DEREF_NONPTR,
					      "cannot dereference non-pointer "
					      "type");
			t = ctf_type_reference(fp, rt);
			if (ctf_type_kind(fp, ctf_type_resolve(fp, t)) ==
			    CTF_K_INTEGER && ctf_type_size(fp, t) == 0)
				dt_node_error(ss->ss_pcb, dnp, D_DEREF_VOID,
					      "cannot dereference pointer to "
					      "void");
			dt_sema_settype(ss, dnp, t);
			return;
		case DT_OP_ADDROF:
			if (dt_type_is_bitfield(dtp, l->dn_type))
				dt_node_error(ss->ss_pcb, dnp, D_ADDROF_BITFIELD,
					      "cannot take address of "
					      "bit-field");
			if (l->dn_type)
				dt_sema_settype(ss, dnp,
						dt_type_pointer(dtp, l->dn_type));
			else if (l->dn_flags & DT_NF_KSYM)
				dt_sema_settype(ss, dnp,
						dt_sema_named(ss, "void *"));
			return;
		case DT_TOK_LNEG:
			dt_sema_settype(ss, dnp, dt_sema_named(ss, "int"));
			return;
		default:
			if (!dnp->dn_type)
				dt_sema_settype(ss, dnp, l->dn_type);
			return;
		}
	}

	switch (dnp->dn_op) {
	case DT_TOK_PTR:
	case DT_TOK_DOT:
		if (dnp->dn_type || !l->dn_type)
			return;		/* self->x, or no type to look in */
		t = dt_sema_sou(ss, dnp, l->dn_type, dnp->dn_op == DT_TOK_PTR);
		if (l->dn_kind == DT_NODE_XLATE) {
			dt_sema_xlmember(ss, dnp, t);
			return;
		}
		if (dt_type_member(dtp, t, r->dn_string, &rt, &bitoff) != 0) {
			char name[128];

			ctf_type_name(fp, t, name, sizeof(name));
			dt_node_error(ss->ss_pcb, dnp, D_TYPE_MEMBER, "%s is not "
				      "a member of %s", r->dn_string, name);
		}
		dnp->dn_value = bitoff;
		dt_sema_settype(ss, dnp, rt);
		return;
	case DT_OP_INDEX:
		if (l->dn_kind == DT_NODE_IDENT && !dnp->dn_type &&
		    strcmp(l->dn_string, "args") == 0) {
			dt_sema_args(ss, dnp);
			return;
		}
		if (dnp->dn_type || !l->dn_type)
			return;
		rt = ctf_type_resolve(fp, l->dn_type);
		if (rt != CTF_ERR && ctf_type_kind(fp, rt) == CTF_K_POINTER) {
			dt_sema_settype(ss, dnp, ctf_type_reference(fp, rt));
		} else if (rt != CTF_ERR && ctf_type_kind(fp, rt) == CTF_K_ARRAY) {
			ctf_arinfo_t ai;

			if (ctf_array_info(fp, rt, &ai) == 0)
				dt_sema_settype(ss, dnp, ai.ctr_contents);
		}
		return;
	case DT_OP_CAST:
		t = dt_type_decl(ss->ss_pcb, l->dn_spec, l->dn_decl);
		/*
		 * Scalars, pointers and strings convert (an array as the
		 * pointer it decays to); a struct or union does not, nor does
		 * anything become an array.
		 */
		if (dt_sema_issou(ss, t) || dt_sema_isarray(ss, t) ||
		    dt_sema_issou(ss, r->dn_type)) {
			char n1[128], n2[128];

			dt_node_error(ss->ss_pcb, dnp, D_CAST_INVAL, "invalid "
				      "cast expression: \"%s\" to \"%s\"",
				      dt_sema_tname(ss, r->dn_type, r->dn_vkind,
						    n1, sizeof(n1)),
				      dt_sema_tname(ss, t, DT_VK_ANY, n2,
						    sizeof(n2)));
		}
		dt_sema_settype(ss, dnp, t);
		return;
	case DT_TOK_EQU: case DT_TOK_NEQ: case DT_TOK_LT: case DT_TOK_LE:
	case DT_TOK_GT: case DT_TOK_GE: case DT_TOK_LAND: case DT_TOK_LOR:
	case DT_TOK_LXOR:
		dt_sema_settype(ss, dnp, dt_sema_named(ss, "int"));
		return;
	case DT_TOK_COMMA:
		dt_sema_settype(ss, dnp, r->dn_type);
		return;
	case DT_TOK_ADD:
	case DT_TOK_SUB:
		if (l->dn_vkind == DT_VK_PTR && r->dn_vkind == DT_VK_PTR) {
			dt_sema_settype(ss, dnp, dt_sema_named(ss, "ptrdiff_t"));
			return;
		}
		if (l->dn_vkind == DT_VK_PTR || r->dn_vkind == DT_VK_PTR) {
			dt_sema_settype(ss, dnp, l->dn_vkind == DT_VK_PTR ?
					l->dn_type : r->dn_type);
			return;
		}
		break;
	}
	if (dnp->dn_type || !l || !r || !l->dn_type || !r->dn_type)
		return;
	/* The usual conversions, simplified: the wider operand's type. */
	dt_sema_settype(ss, dnp, ctf_type_size(fp, l->dn_type) >=
			ctf_type_size(fp, r->dn_type) ? l->dn_type : r->dn_type);
}

static void dt_sema_expr(dt_sema_t *ss, dt_node_t *dnp)
{
	dt_sema_expr_vk(ss, dnp);
	dt_sema_type(ss, dnp);
}

static void dt_sema_stmts(dt_sema_t *ss, dt_node_t *list)
{
	dt_node_t *s;

	for (s = list; s; s = s->dn_next) {
		if (s->dn_kind == DT_NODE_IF) {
			dt_sema_expr(ss, s->dn_left);
			dt_sema_stmts(ss, s->dn_right);
			dt_sema_stmts(ss, s->dn_third);
			continue;
		}
		if (s->dn_left->dn_kind == DT_NODE_FUNC)
			dt_sema_call(ss, s->dn_left, 1);
		else
			dt_sema_expr(ss, s->dn_left);
	}
}

static void dt_sema_pdescs(dt_pcb_t *pcb, dt_node_t *clause)
{
	dt_node_t *pd;

	for (pd = clause->dn_left; pd; pd = pd->dn_next) {
		dt_pdesc_t *pdp = dt_pcb_zalloc(pcb, sizeof(*pdp));

		if (!pd->dn_string) {
			/* A probe id: the module says which probe it is. */
			struct dtrace_probedesc d;

			if (pd->dn_value > UINT32_MAX ||
			    dt_probe_byid(pcb->pcb_hdl, (uint32_t)pd->dn_value,
					  &d) != 0)
				dt_node_error(pcb, pd, D_PDESC_ZERO, "probe "
					      "description %llu does not match "
					      "any probes",
					      (unsigned long long)pd->dn_value);
			pdp->pd_prov = dt_pcb_strdup(pcb, d.dpd_provider);
			pdp->pd_mod = dt_pcb_strdup(pcb, d.dpd_mod);
			pdp->pd_func = dt_pcb_strdup(pcb, d.dpd_func);
			pdp->pd_name = dt_pcb_strdup(pcb, d.dpd_name);
			pdp->pd_line = pd->dn_line;
			pd->dn_aux = pdp;
			continue;
		}
		dt_pdesc_split(pcb, pd, pdp);
		pd->dn_aux = pdp;
		if (!(pcb->pcb_cflags & DTRACE_C_ZDEFS) &&
		    dt_probe_match(pcb->pcb_hdl, pdp) == 0)
			dt_node_error(pcb, pd, D_PDESC_ZERO, "probe description "
				      "%s:%s:%s:%s does not match any probes",
				      pdp->pd_prov, pdp->pd_mod, pdp->pd_func,
				      pdp->pd_name);
	}
}

static void dt_sema_clause(dt_sema_t *ss, dt_node_t *clause)
{
	dt_sema_pdescs(ss->ss_pcb, clause);
	ss->ss_clause = clause;
	ss->ss_locals = NULL;
	ss->ss_clsflags = 0;
	if (clause->dn_pred) {
		dt_sema_expr(ss, clause->dn_pred);
		if (clause->dn_pred->dn_vkind == DT_VK_VOID ||
		    dt_sema_issou(ss, clause->dn_pred->dn_type) ||
		    dt_sema_isarray(ss, clause->dn_pred->dn_type))
			dt_node_error(ss->ss_pcb, clause->dn_pred, D_PRED_SCALAR,
				      "predicate result must be of scalar type");
	}
	dt_sema_stmts(ss, clause->dn_body);
	ss->ss_clause = NULL;
}

/* Enumerators are read-only integer names. */
static void dt_sema_enums(dt_sema_t *ss, const dt_declspec_t *ds)
{
	dt_node_t *e;

	if (!ds || ds->ds_kind != DT_DK_ENUM || !ds->ds_defined)
		return;
	for (e = ds->ds_body; e; e = e->dn_next) {
		dt_var_t *dvp = dt_var_add(ss, &ss->ss_globals, e->dn_string,
					   DT_IK_SCALAR, 0);

		dvp->dv_vkind = DT_VK_INT;
		dvp->dv_readonly = 1;
	}
}

/*
 * Declarations outside clauses: "int x;", "self int y;", "this string s;",
 * "int a[string, int];", "inline int N = 3;".
 */
static void dt_sema_decl(dt_sema_t *ss, dt_node_t *dnp)
{
	const dt_declspec_t *ds = dnp->dn_spec;
	dt_node_t *d;

	dt_sema_enums(ss, ds);
	if (dnp->dn_kind == DT_NODE_INLINE) {
		dt_var_t *dvp;

		for (d = dnp->dn_decl; d && d->dn_kind != DT_NODE_DCL_ARRAY;
		     d = d->dn_left)
			;
		if (d && d->dn_args) {
			/*
			 * An array inline, "inline fileinfo_t fds[int fd] =
			 * ...": its expression is a template, checked at
			 * each use with the parameters replaced by the
			 * index expressions (dt_sema_inline_use).
			 */
			dvp = dt_var_add(ss, &ss->ss_globals,
					 dt_decl_name(dnp->dn_decl), DT_IK_ARRAY,
					 dt_node_list_len(d->dn_args));
			dvp->dv_readonly = 1;
			dvp->dv_inline = dnp->dn_right;
			dvp->dv_inparams = d->dn_args;
			return;
		}

		dt_sema_expr(ss, dnp->dn_right);
		dvp = dt_var_add(ss, &ss->ss_globals, dt_decl_name(dnp->dn_decl),
				 DT_IK_SCALAR, 0);
		dvp->dv_vkind = dnp->dn_right->dn_vkind;
		dvp->dv_type = dnp->dn_right->dn_type;
		dvp->dv_readonly = 1;
		dvp->dv_inline = dnp->dn_right;
		return;
	}
	if (ds->ds_class == DT_DC_TYPEDEF) {
		ctf_dict_t *fp = dt_types_fp(ss->ss_pcb->pcb_hdl);

		for (d = dnp->dn_decl; d; d = d->dn_next)
			if (ctf_add_typedef(fp, CTF_ADD_ROOT, dt_decl_name(d),
					    dt_type_decl(ss->ss_pcb, ds, d)) ==
			    CTF_ERR)
				dt_node_error(ss->ss_pcb, d, D_DECL_TYPERED,
					      "type redeclared: %s",
					      dt_decl_name(d));
		return;
	}
	if (!dnp->dn_decl && (ds->ds_defined || ds->ds_kind != DT_DK_NONE)) {
		dt_type_decl(ss->ss_pcb, ds, NULL);	/* struct foo { }; */
		return;
	}
	for (d = dnp->dn_decl; d; d = d->dn_next) {
		dt_var_t **listp = ds->ds_class == DT_DC_SELF ? &ss->ss_tls :
				   ds->ds_class == DT_DC_THIS ? &ss->ss_thisdecl :
				   ds->ds_class == DT_DC_EXTERN ? &ss->ss_externs :
				   &ss->ss_globals;
		const char *name = dt_decl_name(d);
		int kind = DT_IK_SCALAR, nkeys = 0, carray = 0;
		dt_var_t *dvp;

		if (!name || d->dn_kind == DT_NODE_DCL_FUNC)
			continue;	/* a prototype: an extern function */
		if (d->dn_kind == DT_NODE_DCL_ARRAY) {
			if (d->dn_args) {
				kind = DT_IK_ARRAY;
				nkeys = dt_node_list_len(d->dn_args);
				if (ds->ds_class == DT_DC_THIS)
					dt_node_error(ss->ss_pcb, d,
						      D_DECL_LOCASSC, "associative "
						      "arrays may not be declared "
						      "as local variables: %s",
						      name);
			} else {
				carray = 1;
			}
		}
		if (ds->ds_class == DT_DC_EXTERN) {
			dt_sema_extern(ss, ds, d, name);
			continue;
		}
		if (dt_var_lookup(*listp, name))
			dt_node_error(ss->ss_pcb, d, D_DECL_IDRED, "identifier "
				      "redeclared: %s", name);
		dt_type_objcheck(ss->ss_pcb, d, dt_type_decl(ss->ss_pcb, ds, d),
				 name, "object");
		dvp = dt_var_add(ss, listp, name, kind, nkeys);
		dvp->dv_carray = carray;
		dvp->dv_type = dt_type_decl(ss->ss_pcb, ds, d);
		dvp->dv_vkind = ds->ds_words & DT_DW_STRING ? DT_VK_STRING :
				d->dn_kind == DT_NODE_DCL_PTR ? DT_VK_PTR :
				ds->ds_kind == DT_DK_NONE ? DT_VK_INT : DT_VK_ANY;
	}
}

/* A probe's parameters: "(void)" is none. */
static int dt_sema_nparams(dt_sema_t *ss, const dt_node_t *params)
{
	long t;

	if (params && !params->dn_next && !dt_decl_name(params->dn_decl) &&
	    (t = dt_type_decl(ss->ss_pcb, params->dn_spec, params->dn_decl)) &&
	    dt_sema_kind(ss, t) == CTF_K_INTEGER &&
	    ctf_type_size(dt_types_fp(ss->ss_pcb->pcb_hdl), t) == 0)
		return 0;
	return dt_node_list_len(params);
}

/* A probe's name as DTrace has it: "__" in the definition is "-". */
static const char *dt_sema_probename(dt_sema_t *ss, const char *s)
{
	char *name = dt_pcb_strdup(ss->ss_pcb, s), *p;

	while ((p = strstr(name, "__")) != NULL) {
		*p = '-';
		memmove(p + 1, p + 2, strlen(p + 2) + 1);
	}
	return name;
}

static const dt_node_t *dt_sema_probe_find(dt_sema_t *ss,
					   const dt_node_t *probes,
					   const dt_node_t *stop,
					   const char *name)
{
	for (; probes && probes != stop; probes = probes->dn_next)
		if (strcmp(dt_sema_probename(ss, probes->dn_string), name) == 0)
			return probes;
	return NULL;
}

/* Do a probe's input (or output) parameters match its earlier ones? */
static void dt_sema_probe_cmp(dt_sema_t *ss, const dt_node_t *prov,
			      const dt_node_t *pr, const char *name,
			      const dt_node_t *cur, const dt_node_t *prev,
			      const char *what)
{
	int nc = dt_sema_nparams(ss, cur), np = dt_sema_nparams(ss, prev), i;
	char n1[128], n2[128];

	if (nc != np)
		dt_node_error(ss->ss_pcb, pr, D_PROV_INCOMPAT, "probe %s:%s %s "
			      "prototype mismatch\n\t current: %d arg%s\n\t"
			      "previous: %d arg%s", prov->dn_string, name, what,
			      nc, nc == 1 ? "" : "s", np, np == 1 ? "" : "s");
	for (i = 1; nc && cur && prev; cur = cur->dn_next, prev = prev->dn_next,
	     i++) {
		long a = dt_type_decl(ss->ss_pcb, cur->dn_spec, cur->dn_decl);
		long b = dt_type_decl(ss->ss_pcb, prev->dn_spec, prev->dn_decl);

		if (!dt_sema_sametype(ss, a, b))
			dt_node_error(ss->ss_pcb, pr, D_PROV_INCOMPAT, "probe "
				      "%s:%s %s argument #%d mismatch\n\t "
				      "current: %s\n\tprevious: %s",
				      prov->dn_string, name, what, i,
				      dt_sema_tname(ss, a, DT_VK_ANY, n1,
						    sizeof(n1)),
				      dt_sema_tname(ss, b, DT_VK_ANY, n2,
						    sizeof(n2)));
	}
}

/*
 * provider p { probe a(int) : (long); ... };  A probe takes at most 255
 * arguments either way; a provider's probes have distinct names ("__"
 * read as "-"); a provider defined again must declare the same probes
 * with the same arguments as before.
 */
static void dt_sema_provider(dt_sema_t *ss, dt_node_t *dnp)
{
	const dt_node_t *old = NULL, *pr, *op;
	struct dt_semaprov *sp;

	for (sp = ss->ss_provs; sp && !old; sp = sp->sp_next)
		if (strcmp(sp->sp_node->dn_string, dnp->dn_string) == 0)
			old = sp->sp_node;
	for (pr = dnp->dn_body; pr; pr = pr->dn_next) {
		const char *name = dt_sema_probename(ss, pr->dn_string);
		int nin = dt_sema_nparams(ss, pr->dn_args);
		int nout = pr->dn_flags ? dt_sema_nparams(ss, pr->dn_body) : nin;

		if (nin > UINT8_MAX || nout > UINT8_MAX)
			dt_node_error(ss->ss_pcb, pr, D_PROV_PRARGLEN, "probe %s "
				      "%s prototype exceeds %u parameters: %d "
				      "params used", name, nin > UINT8_MAX ?
				      "input" : "output", UINT8_MAX,
				      nin > UINT8_MAX ? nin : nout);
		if (!old) {
			if (dt_sema_probe_find(ss, dnp->dn_body, pr, name))
				dt_node_error(ss->ss_pcb, pr, D_PROV_PRDUP,
					      "probe redeclared: %s:%s",
					      dnp->dn_string, name);
			continue;
		}
		if (!(op = dt_sema_probe_find(ss, old->dn_body, NULL, name)))
			dt_node_error(ss->ss_pcb, pr, D_PROV_INCOMPAT, "provider "
				      "interface mismatch: %s\n\t current: "
				      "probe %s:%s defined\n\tprevious: probe "
				      "%s:%s not defined", dnp->dn_string,
				      dnp->dn_string, name, dnp->dn_string,
				      name);
		dt_sema_probe_cmp(ss, dnp, pr, name, pr->dn_args, op->dn_args,
				  "input");
		dt_sema_probe_cmp(ss, dnp, pr, name,
				  pr->dn_flags ? pr->dn_body : pr->dn_args,
				  op->dn_flags ? op->dn_body : op->dn_args,
				  "output");
	}
	if (!old) {
		sp = dt_pcb_zalloc(ss->ss_pcb, sizeof(*sp));
		sp->sp_node = dnp;
		sp->sp_next = ss->ss_provs;
		ss->ss_provs = sp;
	}
}

void dt_sema_program(dt_pcb_t *pcb)
{
	dt_sema_t ss = { .ss_pcb = pcb };
	struct dt_cstate *cs = dt_cc_state(pcb->pcb_hdl);
	struct dt_semalib *sl = cs ? cs->cs_semalib : NULL;
	dt_node_t *dnp;

	if (sl) {
		ss.ss_globals = sl->sl_globals;
		ss.ss_externs = sl->sl_externs;
		ss.ss_xlators = sl->sl_xlators;
	}
	for (dnp = pcb->pcb_root->dn_body; dnp; dnp = dnp->dn_next) {
		switch (dnp->dn_kind) {
		case DT_NODE_CLAUSE:
			dt_sema_clause(&ss, dnp);
			break;
		case DT_NODE_DECL:
		case DT_NODE_INLINE:
			dt_sema_decl(&ss, dnp);
			break;
		case DT_NODE_XLATOR:
			dt_sema_xlator(&ss, dnp);
			break;
		case DT_NODE_PROVIDER:
			dt_sema_provider(&ss, dnp);
			break;
		}
	}
	if (cs && (pcb->pcb_cflags & DT_C_LIBRARY)) {
		sl = dt_pcb_zalloc(pcb, sizeof(*sl));
		sl->sl_globals = ss.ss_globals;
		sl->sl_externs = ss.ss_externs;
		sl->sl_xlators = ss.ss_xlators;
		cs->cs_semalib = sl;	/* the pcb's memory is kept (dt_cc.c) */
	}
}
