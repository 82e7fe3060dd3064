/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The D compiler's state kept in the handle between compilations (options,
 * cpp arguments, the -c/-p target) and the compiled program.  The theory
 * of the compiler is at the top of dt_cc.c.
 */
#ifndef DT_CC_H
#define DT_CC_H

#include <stdint.h>
#include <ctf-api.h>

#include "dt_parser.h"

/* Options: one table (dt_options.c) gives names, kinds and defaults. */
enum dt_optid {
#define DT_OPT_ENUM(id, name, kind, dflt) id,
#include "dt_options.def"
#undef DT_OPT_ENUM
	DT_OPT_COUNT
};

#define DT_OPT_UNSET	INT64_MIN	/* an option never set */
#define DT_ENCODING_ASCII	1	/* encoding=ascii */
#define DT_ENCODING_UTF8	2	/* encoding=utf8 */

/* A compilation of the translator library (dt_cc.c), not the user's. */
#define DT_C_LIBRARY	0x10000

/* A file of the D library (dt_cc.c) and what it depends on. */
struct dt_libdep {
	char ld_class[16];		/* library, module or provider */
	char ld_name[128];
};

enum { DT_LIB_NEW, DT_LIB_LOADING, DT_LIB_LOADED, DT_LIB_SKIPPED };

struct dt_libfile {
	char *lf_path;
	char *lf_text;
	struct dt_libdep *lf_deps;	/* its #pragma D depends_on lines */
	int lf_ndeps;
	int lf_state;			/* DT_LIB_* */
};

struct dt_libname {
	char *ln_name;
	int ln_file;			/* index in cs_libfiles */
};

/* #pragma D attributes on an identifier of the program (dt_pragma.c). */
struct dt_pragattr {
	const char *pa_name;
	dtrace_attribute_t pa_attr;
	struct dt_pragattr *pa_next;
};

/* ... and on a provider's parts, for the handle (dt_attr.c). */
struct dt_provattr_set {
	char ps_name[64];
	dtrace_attribute_t ps_attr[5];	/* provider, module, function,
					 * name, args */
	unsigned ps_set;		/* which of them: bit i */
};

struct dt_cstate {
	int64_t cs_opt[DT_OPT_COUNT];	/* option values, DT_OPT_UNSET */
	char **cs_cppargv;		/* -D, -U, -I arguments for cpp */
	int cs_cppargc;
	long cs_target;			/* $target: the -c/-p process, or 0 */
	struct dt_semalib *cs_semalib;	/* the translator library's inlines
					 * and translators (dt_sema.c) */
	int cs_libscanned;		/* the library's names collected */
	struct dt_libfile *cs_libfiles;	/* its files (dt_cc.c) */
	int cs_nlibfiles;
	struct dt_libname *cs_libnames;	/* what they declare, sorted */
	int cs_nlibnames;
	void **cs_liballocs;		/* its trees' memory, kept */
	int cs_nliballocs;
	char **cs_libdirs;		/* -L, -xlibdir */
	int cs_nlibdirs;
	struct dt_typesys *cs_types;	/* the type system (dt_types.c) */
	struct dt_provattr_set *cs_provattrs; /* #pragma D attributes ...
					 * provider (dt_attr.c) */
	int cs_nprovattrs;
	int cs_compiling;		/* in dt_compile(): #pragma D option */
	char *cs_cpppath;		/* -xcpppath */
	char **cs_env;			/* -xsetenv/-xunsetenv: -c commands'
					 * environment, NULL: ours */
	int cs_nenv;
};

/* One probe description of a clause, split into its four parts. */
typedef struct dt_pdesc {
	char *pd_prov;
	char *pd_mod;
	char *pd_func;
	char *pd_name;
	int pd_line;
} dt_pdesc_t;

/* A compiled clause: where it fires, and its (typed) tree. */
typedef struct dt_clause {
	dt_pdesc_t *cl_pdescs;		/* cl_npdescs descriptions */
	int cl_npdescs;
	dt_node_t *cl_node;		/* the DT_NODE_CLAUSE */
} dt_clause_t;

/*
 * The compiled program, in the shape of the DOF it becomes (dof.h): DIF
 * objects, records, actions, enabling statements (one per clause segment:
 * a clause with if/else becomes several, see dt_cg.c) and aggregations.
 * Strings (formats, type names) are kept as strings until the DOF writer
 * builds the string table.  Indexes are into the arrays here; -1 is none.
 */
typedef struct dt_difo {
	void *dd_blob;			/* serialized, dif.h's layout */
	size_t dd_size;
} dt_difo_t;

typedef struct dt_rec {
	uint32_t dr_offset, dr_size;
	uint16_t dr_align, dr_flags;	/* DTRACE_DOFREC_F_* */
} dt_rec_t;

typedef struct dt_act {
	uint32_t da_kind;		/* DTRACE_DOFACT_* */
	int da_difo;
	int da_rec;
	uint32_t da_nargs;
	uint64_t da_arg;		/* unless da_str is set */
	const char *da_str;		/* a string argument (format ...) */
} dt_act_t;

typedef struct dt_stmt {
	int ds_clause;			/* index in dp_clauses */
	int ds_pred;			/* predicate DIF object */
	int ds_act_first, ds_act_count;
	uint32_t ds_size, ds_align;	/* payload */
} dt_stmt_t;

typedef struct dt_agg {
	const char *dg_name;		/* without the @; "" for @ */
	uint32_t dg_func;		/* DTRACE_AGG_* */
	uint32_t dg_nkeys;
	int dg_rec_first;		/* key records, then the value */
	uint32_t dg_keysize;
	int64_t dg_params[4];
} dt_agg_t;

/* A growable array of elements of one type. */
#define DT_VEC(type) struct { type *v; int n, cap; }

struct dtrace_prog {
	dt_clause_t *dp_clauses;
	int dp_nclauses;
	void *dp_allocs;		/* the parse tree's memory */
	unsigned dp_cflags;
	int dp_destructive;		/* uses destructive actions */
	DT_VEC(dt_difo_t) dp_difos;
	DT_VEC(dt_rec_t) dp_recs;
	DT_VEC(dt_act_t) dp_acts;
	DT_VEC(dt_stmt_t) dp_stmts;
	DT_VEC(dt_agg_t) dp_aggs;
	struct dt_pragattr *dp_attrs;	/* #pragma D attributes (in
					 * dp_allocs) */
};

struct dt_cstate *dt_cc_state(dtrace_hdl_t *dtp);
/* The translator library (dt_cc.c): -L/-xlibdir, and what it keeps. */
int dt_lib_adddir(dtrace_hdl_t *dtp, const char *dir);
void dt_lib_fini(struct dt_cstate *cs);
int dt_lib_depend_met(dtrace_hdl_t *dtp, const char *cls, const char *name);
int dt_lib_declares(dtrace_hdl_t *dtp, const char *name);
/* The library file named name (a base name), or -1. */
int dt_lib_find(dtrace_hdl_t *dtp, const char *name);
char *dt_cc_expand_pspec(dt_pcb_t *pcb, const char *spec);
int dt_pdesc_split(dt_pcb_t *pcb, const dt_node_t *dnp, dt_pdesc_t *pdp);

/* Stability attributes (dt_attr.c). */
int dt_attr_setprov(dtrace_hdl_t *dtp, const char *prov, const char *part,
		    dtrace_attribute_t attr);
void dt_attr_provider(dtrace_hdl_t *dtp, const char *prov,
		      dtrace_attribute_t attrs[5]);

/* Options (dt_options.c). */
/* A D version "1.6.3" (as -xversion and #pragma D binding take it). */
int dt_version_parse(const char *s, uint32_t *vp);
int dt_opt_lookup(const char *name);
unsigned dt_opt_cflags(dtrace_hdl_t *dtp);

/* Types (dt_types.c): libctf, with kernel types imported from BTF. */
struct dt_typesys *dt_types(dtrace_hdl_t *dtp);
void dt_types_close(struct dt_typesys *ty);
ctf_dict_t *dt_types_fp(dtrace_hdl_t *dtp);
struct dt_btf *dt_types_btf(dtrace_hdl_t *dtp);
struct dt_btf *dt_types_modbtf(dtrace_hdl_t *dtp, const char *mod);
ctf_id_t dt_type_lookup(dtrace_hdl_t *dtp, const char *name);
ctf_id_t dt_type_complete(dtrace_hdl_t *dtp, ctf_id_t t);
ctf_id_t dt_type_pointer(dtrace_hdl_t *dtp, ctf_id_t t);
/* A kernel variable's type from BTF (CTF_ERR: none), and if per-CPU. */
ctf_id_t dt_type_var(dtrace_hdl_t *dtp, const char *name, int *percpup);
int dt_type_member(dtrace_hdl_t *dtp, ctf_id_t sou, const char *name,
		   ctf_id_t *typep, unsigned long *bitoffp);
int dt_type_is_string(dtrace_hdl_t *dtp, ctf_id_t t);
int dt_type_is_bitfield(dtrace_hdl_t *dtp, ctf_id_t t);
void dt_type_objcheck(dt_pcb_t *pcb, const dt_node_t *d, ctf_id_t t,
		      const char *name, const char *what);
ctf_id_t dt_type_decl(dt_pcb_t *pcb, const dt_declspec_t *ds,
		      const dt_node_t *decl);

/* Code generation (dt_cg.c) fills the program's DIF and actions. */
void dt_cg_program(dt_pcb_t *pcb, dtrace_prog_t *pgp);
void dt_cg_free(dtrace_prog_t *pgp);

/* Grow a DT_VEC by one zeroed element; returns its index, or -1. */
int dt_vec_grow(void **vp, int *np, int *capp, size_t elsize);
#define DT_VEC_ADD(vec) \
	dt_vec_grow((void **)&(vec).v, &(vec).n, &(vec).cap, sizeof(*(vec).v))

/* Probe matching (dt_probes.c). */
int dt_probe_match(dtrace_hdl_t *dtp, const dt_pdesc_t *pdp);
struct dtrace_probedesc;
int dt_probe_byid(dtrace_hdl_t *dtp, uint32_t id, struct dtrace_probedesc *pd);

#endif /* DT_CC_H */
