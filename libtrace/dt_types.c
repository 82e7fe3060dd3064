// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The D type system: one writable libctf dictionary per handle holds D's
 * own types (the C integer types, string, the intrinsic typedefs), the
 * types a program declares (structs, unions, enums, typedefs) and the
 * kernel's types, imported from BTF when a program names or reaches them
 * (dt_btf.c).  D's types and the program's are ROOT types, found by name
 * with ctf_lookup_by_name; kernel types are NONROOT and found through the
 * BTF name index, so that they never shadow D's and BTF's duplicate names
 * do not replace one another.
 *
 * The kernel's BTF is /sys/kernel/btf/vmlinux, or the file the DTRACE_BTF
 * environment variable names (the BTF of another kernel, for tests); it
 * is opened the first time a name is not found among D's types.  Without
 * BTF, D's own types still work.
 *
 * The scanner asks dt_node_is_typename() whether a word is a type name;
 * that consults D's dictionary, the program's typedef names and the BTF
 * index, and imports nothing.
 *
 * Loaded modules' BTF (split BTF on top of the kernel's) is opened only
 * for the arguments of their probes (dt_args.c), and kept with the
 * handle; structs reached from it are completed from it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dt_btf.h"
#include "dt_cc.h"

#define DT_VMLINUX_BTF	"/sys/kernel/btf/vmlinux"

/* A module's split BTF (/sys/kernel/btf/<module>), for probe arguments. */
struct dt_modbtf {
	struct dt_modbtf *mb_next;
	char *mb_name;
	dt_btf_t *mb_btf;		/* NULL: the module has none */
};

struct dt_typesys {
	ctf_dict_t *ty_fp;
	dt_btf_t *ty_btf;
	int ty_btf_tried;
	int ty_btf_err;			/* why there is no BTF */
	struct dt_modbtf *ty_mods;	/* opened so far (dt_types_modbtf) */
};

/* D's integer types: name, bits, CTF encoding flags. */
static const struct {
	const char *name;
	unsigned bits;
	unsigned flags;
} dt_ints[] = {
	{ "char", 8, CTF_INT_SIGNED | CTF_INT_CHAR },
	{ "signed char", 8, CTF_INT_SIGNED | CTF_INT_CHAR },
	{ "unsigned char", 8, CTF_INT_CHAR },
	{ "short", 16, CTF_INT_SIGNED },
	{ "unsigned short", 16, 0 },
	{ "int", 32, CTF_INT_SIGNED },
	{ "unsigned int", 32, 0 },
	{ "long", 64, CTF_INT_SIGNED },
	{ "unsigned long", 64, 0 },
	{ "long long", 64, CTF_INT_SIGNED },
	{ "unsigned long long", 64, 0 },
	{ "_Bool", 8, CTF_INT_BOOL },
	{ "void", 0, 0 },
};

/* D's intrinsic typedefs. */
static const struct {
	const char *name;
	const char *type;
} dt_typedefs[] = {
	{ "int8_t", "signed char" }, { "int16_t", "short" },
	{ "int32_t", "int" }, { "int64_t", "long long" },
	{ "uint8_t", "unsigned char" }, { "uint16_t", "unsigned short" },
	{ "uint32_t", "unsigned int" }, { "uint64_t", "unsigned long long" },
	{ "intptr_t", "long" }, { "uintptr_t", "unsigned long" },
	{ "size_t", "unsigned long" }, { "ssize_t", "long" },
	{ "ptrdiff_t", "long" }, { "id_t", "int" }, { "pid_t", "int" },
	{ "uid_t", "unsigned int" }, { "gid_t", "unsigned int" },
	{ "processorid_t", "int" }, { "time_t", "long" },
	{ "off_t", "long" }, { "caddr_t", "char *" },
	{ "uchar_t", "unsigned char" }, { "ushort_t", "unsigned short" },
	{ "uint_t", "unsigned int" }, { "ulong_t", "unsigned long" },
	{ "longlong_t", "long long" },
	{ "u_longlong_t", "unsigned long long" }, { "bool", "_Bool" },
};

ctf_id_t dt_btf_void(ctf_dict_t *fp)
{
	return ctf_lookup_by_name(fp, "void");
}

void dt_types_close(struct dt_typesys *ty)
{
	if (!ty)
		return;
	while (ty->ty_mods) {
		struct dt_modbtf *mb = ty->ty_mods;

		ty->ty_mods = mb->mb_next;
		dt_btf_close(mb->mb_btf);
		free(mb->mb_name);
		free(mb);
	}
	dt_btf_close(ty->ty_btf);
	if (ty->ty_fp)
		ctf_dict_close(ty->ty_fp);
	free(ty);
}

static struct dt_typesys *dt_types_new(void)
{
	struct dt_typesys *ty = calloc(1, sizeof(*ty));
	ctf_arinfo_t ai;
	ctf_id_t id;
	size_t i;
	int err;

	if (!ty)
		return NULL;
	ty->ty_fp = ctf_create(&err);
	if (!ty->ty_fp)
		goto fail;
	for (i = 0; i < sizeof(dt_ints) / sizeof(dt_ints[0]); i++) {
		ctf_encoding_t e = { dt_ints[i].flags, 0, dt_ints[i].bits };

		if (ctf_add_integer(ty->ty_fp, CTF_ADD_ROOT, dt_ints[i].name,
				    &e) == CTF_ERR)
			goto fail;
	}
	{
		ctf_encoding_t f = { CTF_FP_SINGLE, 0, 32 };
		ctf_encoding_t d = { CTF_FP_DOUBLE, 0, 64 };

		if (ctf_add_float(ty->ty_fp, CTF_ADD_ROOT, "float", &f) ==
		    CTF_ERR ||
		    ctf_add_float(ty->ty_fp, CTF_ADD_ROOT, "double", &d) ==
		    CTF_ERR)
			goto fail;
	}
	/* Pointers first: "char *" must exist for caddr_t. */
	id = ctf_add_pointer(ty->ty_fp, CTF_ADD_ROOT,
			     ctf_lookup_by_name(ty->ty_fp, "char"));
	if (id == CTF_ERR || ctf_add_pointer(ty->ty_fp, CTF_ADD_ROOT,
			     ctf_lookup_by_name(ty->ty_fp, "void")) == CTF_ERR)
		goto fail;
	for (i = 0; i < sizeof(dt_typedefs) / sizeof(dt_typedefs[0]); i++) {
		id = ctf_lookup_by_name(ty->ty_fp, dt_typedefs[i].type);
		if (id == CTF_ERR || ctf_add_typedef(ty->ty_fp, CTF_ADD_ROOT,
				     dt_typedefs[i].name, id) == CTF_ERR)
			goto fail;
	}
	/* string: D's by-value string, char[strsize] as far as C sees it. */
	ai.ctr_contents = ctf_lookup_by_name(ty->ty_fp, "char");
	ai.ctr_index = ctf_lookup_by_name(ty->ty_fp, "long");
	ai.ctr_nelems = 256;
	id = ctf_add_array(ty->ty_fp, CTF_ADD_NONROOT, &ai);
	if (id == CTF_ERR ||
	    ctf_add_typedef(ty->ty_fp, CTF_ADD_ROOT, "string", id) == CTF_ERR)
		goto fail;
	return ty;
fail:
	dt_types_close(ty);
	return NULL;
}

struct dt_typesys *dt_types(dtrace_hdl_t *dtp)
{
	struct dt_cstate *cs = dt_cc_state(dtp);

	if (!cs)
		return NULL;
	if (!cs->cs_types)
		cs->cs_types = dt_types_new();
	return cs->cs_types;
}

ctf_dict_t *dt_types_fp(dtrace_hdl_t *dtp)
{
	struct dt_typesys *ty = dt_types(dtp);

	return ty ? ty->ty_fp : NULL;
}

/* The kernel's BTF, opened on first use; NULL if there is none. */
dt_btf_t *dt_types_btf(dtrace_hdl_t *dtp)
{
	struct dt_typesys *ty = dt_types(dtp);
	const char *path;

	if (!ty)
		return NULL;
	if (!ty->ty_btf_tried) {
		ty->ty_btf_tried = 1;
		path = getenv("DTRACE_BTF");
		ty->ty_btf = dt_btf_open(path && *path ? path : DT_VMLINUX_BTF,
					 &ty->ty_btf_err);
	}
	return ty->ty_btf;
}

/*
 * The BTF of a loaded module (its functions and tracepoints, for typed
 * args[]), on top of the kernel's; NULL if it has none, or if the kernel's
 * BTF is another kernel's (DTRACE_BTF).  Opened once, kept with the handle.
 */
dt_btf_t *dt_types_modbtf(dtrace_hdl_t *dtp, const char *mod)
{
	struct dt_typesys *ty = dt_types(dtp);
	struct dt_modbtf *mb;
	const char *env = getenv("DTRACE_BTF");
	dt_btf_t *base = dt_types_btf(dtp);
	char path[300];
	int err;

	if (!ty || !base || (env && *env) || !*mod || strchr(mod, '/') ||
	    strlen(mod) > 255 || strcmp(mod, "vmlinux") == 0)
		return NULL;
	for (mb = ty->ty_mods; mb; mb = mb->mb_next)
		if (strcmp(mb->mb_name, mod) == 0)
			return mb->mb_btf;
	mb = calloc(1, sizeof(*mb));
	if (!mb || !(mb->mb_name = strdup(mod))) {
		free(mb);
		return NULL;
	}
	snprintf(path, sizeof(path), "/sys/kernel/btf/%s", mod);
	mb->mb_btf = dt_btf_open_module(path, base, &err);
	mb->mb_next = ty->ty_mods;
	ty->ty_mods = mb;
	return mb->mb_btf;
}

/* Split "struct x" and friends into a CTF kind and the bare name. */
static const char *dt_type_tag(const char *name, int *kindp)
{
	static const struct { const char *tag; int kind; } tags[] = {
		{ "struct ", CTF_K_STRUCT }, { "union ", CTF_K_UNION },
		{ "enum ", CTF_K_ENUM },
	};
	size_t i;

	for (i = 0; i < 3; i++) {
		size_t n = strlen(tags[i].tag);

		if (strncmp(name, tags[i].tag, n) == 0) {
			*kindp = tags[i].kind;
			return name + n;
		}
	}
	*kindp = CTF_K_TYPEDEF;
	return name;
}

/*
 * The type a D program names: "int", "unsigned long", "struct file",
 * "u64", "vmlinux`struct task_struct".  D's and the program's types come
 * first, then the kernel's.  CTF_ERR if there is no such type.
 */
ctf_id_t dt_type_lookup(dtrace_hdl_t *dtp, const char *name)
{
	ctf_dict_t *fp = dt_types_fp(dtp);
	const char *q = strrchr(name, '`');
	char buf[256];
	dt_btf_t *btf;
	ctf_id_t id;
	uint32_t bid;
	int kind;

	if (!fp)
		return CTF_ERR;
	if (q) {
		/*
		 * "vmlinux`u64", "struct vmlinux`file", "`vmlinux`struct x":
		 * drop the module scope -- the kernel's types are vmlinux's.
		 */
		const char *w = q;

		while (w > name && w[-1] != ' ')
			w--;
		snprintf(buf, sizeof(buf), "%.*s%s", (int)(w - name), name,
			 q + 1);
		name = buf;
	}
	id = ctf_lookup_by_name(fp, name);
	if (id != CTF_ERR)
		return id;
	btf = dt_types_btf(dtp);
	if (!btf)
		return CTF_ERR;
	name = dt_type_tag(name, &kind);
	bid = dt_btf_lookup(btf, kind, name);
	return bid ? dt_btf_import(btf, fp, bid) : CTF_ERR;
}

ctf_id_t dt_type_var(dtrace_hdl_t *dtp, const char *name, int *percpup)
{
	ctf_dict_t *fp = dt_types_fp(dtp);
	dt_btf_t *btf = dt_types_btf(dtp);
	uint32_t bid;

	if (!fp || !btf || dt_btf_var(btf, name, &bid, percpup) != 0)
		return CTF_ERR;
	return dt_btf_import(btf, fp, bid);
}

/* A complete struct or union for t, through typedefs and qualifiers. */
ctf_id_t dt_type_complete(dtrace_hdl_t *dtp, ctf_id_t t)
{
	ctf_dict_t *fp = dt_types_fp(dtp);
	struct dt_modbtf *mb;
	dt_btf_t *btf;

	t = ctf_type_resolve(fp, t);
	if (t == CTF_ERR || ctf_type_kind(fp, t) != CTF_K_FORWARD)
		return t;
	btf = dt_types_btf(dtp);
	if (btf)
		t = ctf_type_resolve(fp, dt_btf_complete(btf, fp, t));
	/* A module's struct, reached through a module's probe arguments. */
	for (mb = dt_types(dtp)->ty_mods; mb && t != CTF_ERR &&
	     ctf_type_kind(fp, t) == CTF_K_FORWARD; mb = mb->mb_next)
		if (mb->mb_btf)
			t = ctf_type_resolve(fp, dt_btf_complete(mb->mb_btf,
								 fp, t));
	return t;
}

/* A name the program declared with typedef. */
struct dt_tdname {
	struct dt_tdname *td_next;
	char *td_name;
};

void dt_type_declare_name(dt_pcb_t *pcb, const char *name)
{
	struct dt_tdname *td = dt_pcb_zalloc(pcb, sizeof(*td));

	td->td_name = dt_pcb_strdup(pcb, name);
	td->td_next = pcb->pcb_typedefs;
	pcb->pcb_typedefs = td;
}

/*
 * D's translated types, whose translators come with later work (the
 * translator library, translators/, defines psinfo_t, lwpsinfo_t and
 * cpuinfo_t).
 */
static const char *const dt_xlated_types[] = {
	"bufinfo_t", "devinfo_t",
};

int dt_node_is_typename(dt_pcb_t *pcb, const char *name)
{
	const struct dt_tdname *td;
	ctf_dict_t *fp = dt_types_fp(pcb->pcb_hdl);
	dt_btf_t *btf;
	size_t i;

	if (strchr(name, '`'))		/* vmlinux`u64 */
		name = strrchr(name, '`') + 1;
	for (td = pcb->pcb_typedefs; td; td = td->td_next)
		if (strcmp(td->td_name, name) == 0)
			return 1;
	for (i = 0; i < sizeof(dt_xlated_types) / sizeof(dt_xlated_types[0]);
	     i++)
		if (strcmp(name, dt_xlated_types[i]) == 0)
			return 1;
	if (fp && ctf_lookup_by_name(fp, name) != CTF_ERR)
		return 1;
	if (dt_sema_is_builtin(name) || dt_lib_declares(pcb->pcb_hdl, name))
		return 0;	/* not worth reading the kernel's BTF for */
	btf = dt_types_btf(pcb->pcb_hdl);
	return btf && dt_btf_lookup(btf, CTF_K_TYPEDEF, name) != 0;
}

/* A pointer to t, reusing one if the dictionary has it. */
ctf_id_t dt_type_pointer(dtrace_hdl_t *dtp, ctf_id_t t)
{
	ctf_dict_t *fp = dt_types_fp(dtp);
	ctf_id_t p = ctf_type_pointer(fp, t);

	return p != CTF_ERR ? p : ctf_add_pointer(fp, CTF_ADD_NONROOT, t);
}

/*
 * Member name of struct or union sou: its type and its offset in bits
 * from the start of sou, looking through anonymous members (the offsets
 * ctf_member_next gives with CTF_MN_RECURSE are absolute).
 */
int dt_type_member(dtrace_hdl_t *dtp, ctf_id_t sou, const char *name,
		   ctf_id_t *typep, unsigned long *bitoffp)
{
	ctf_dict_t *fp = dt_types_fp(dtp);
	ctf_next_t *it = NULL;
	const char *mname;
	ctf_id_t mt;
	ssize_t off;

	while ((off = ctf_member_next(fp, sou, &it, &mname, &mt,
				      CTF_MN_RECURSE)) >= 0) {
		if (mname && strcmp(mname, name) == 0) {
			ctf_next_destroy(it);
			*typep = mt;
			*bitoffp = (unsigned long)off;
			return 0;
		}
	}
	return -1;
}

/*
 * Is t a bit-field: a slice narrower than its integer, or not starting on
 * its first bit?  (A slice of a typedef reports the typedef's kind, so the
 * encoding is asked of t itself before its resolved type.)
 */
int dt_type_is_bitfield(dtrace_hdl_t *dtp, ctf_id_t t)
{
	ctf_dict_t *fp = dt_types_fp(dtp);
	ctf_encoding_t e;
	ctf_id_t rt;
	ssize_t size;

	if (!fp || !t || (rt = ctf_type_resolve(fp, t)) == CTF_ERR)
		return 0;
	if (ctf_type_encoding(fp, t, &e) != 0 &&
	    ctf_type_encoding(fp, rt, &e) != 0)
		return 0;
	size = ctf_type_size(fp, rt);
	return e.cte_bits && (e.cte_offset || (ssize_t)e.cte_bits != size * 8);
}

/* Is t a string for D: string, char[N], char *? */
int dt_type_is_string(dtrace_hdl_t *dtp, ctf_id_t t)
{
	ctf_dict_t *fp = dt_types_fp(dtp);
	char name[64];
	ctf_encoding_t e;
	ctf_arinfo_t ai;
	ctf_id_t r, c;

	if (t == CTF_ERR || t == 0)
		return 0;
	if (ctf_type_kind(fp, t) == CTF_K_TYPEDEF &&
	    ctf_type_name(fp, t, name, sizeof(name)) &&
	    strcmp(name, "string") == 0)
		return 1;
	r = ctf_type_resolve(fp, t);
	if (r == CTF_ERR)
		return 0;
	switch (ctf_type_kind(fp, r)) {
	case CTF_K_ARRAY:
		if (ctf_array_info(fp, r, &ai) != 0)
			return 0;
		c = ctf_type_resolve(fp, ai.ctr_contents);
		break;
	case CTF_K_POINTER:
		c = ctf_type_resolve(fp, ctf_type_reference(fp, r));
		break;
	default:
		return 0;
	}
	return c != CTF_ERR && ctf_type_kind(fp, c) == CTF_K_INTEGER &&
	       ctf_type_encoding(fp, c, &e) == 0 &&
	       (e.cte_format & CTF_INT_CHAR) && e.cte_bits == 8;
}

/* An integer constant expression the parser left as a tree. */
static int dt_type_const(const dt_node_t *dnp, int64_t *vp)
{
	if (dnp->dn_kind == DT_NODE_INT) {
		*vp = (int64_t)dnp->dn_value;
		return 0;
	}
	if (dnp->dn_kind == DT_NODE_OP1 && dnp->dn_op == DT_OP_INEG &&
	    dt_type_const(dnp->dn_left, vp) == 0) {
		*vp = -*vp;
		return 0;
	}
	if (dnp->dn_kind == DT_NODE_OP1 && dnp->dn_op == DT_OP_IPOS)
		return dt_type_const(dnp->dn_left, vp);
	return -1;
}

static ctf_id_t dt_type_checked(dt_pcb_t *pcb, int line, ctf_id_t t,
				const char *what)
{
	if (t == CTF_ERR)
		dt_pcb_error(pcb, D_UNKNOWN, line, "failed to create type for "
			     "%s: %s", what,
			     ctf_errmsg(ctf_errno(dt_types_fp(pcb->pcb_hdl))));
	return t;
}

/* A struct or union the program defines: C's layout rules. */
/*
 * A variable or member (what: "object", "member") needs a type with a
 * size: not void, not a struct or union that is only declared.
 */
void dt_type_objcheck(dt_pcb_t *pcb, const dt_node_t *d, ctf_id_t t,
		      const char *name, const char *what)
{
	ctf_dict_t *fp = dt_types_fp(pcb->pcb_hdl);
	ctf_id_t rt = dt_type_complete(pcb->pcb_hdl, t);
	int kind = rt == CTF_ERR ? -1 : ctf_type_kind(fp, rt);
	ctf_encoding_t e;
	char n[128];

	if (kind == CTF_K_INTEGER && ctf_type_encoding(fp, rt, &e) == 0 &&
	    e.cte_bits == 0)
		dt_node_error(pcb, d, D_DECL_VOIDOBJ, "cannot have void %s: %s",
			      what, name ? name : "");
	if (kind == CTF_K_FORWARD || ((kind == CTF_K_STRUCT ||
				       kind == CTF_K_UNION) &&
				      ctf_type_size(fp, rt) == 0)) {
		if (!ctf_type_name(fp, t, n, sizeof(n)))
			snprintf(n, sizeof(n), "?");
		dt_node_error(pcb, d, D_DECL_INCOMPLETE, "incomplete "
			      "struct/union/enum %s: %s", n, name ? name : "");
	}
}

static ctf_id_t dt_type_sou(dt_pcb_t *pcb, const dt_declspec_t *ds)
{
	ctf_dict_t *fp = dt_types_fp(pcb->pcb_hdl);
	int isunion = ds->ds_kind == DT_DK_UNION;
	unsigned long off = 0, size = 0, align = 1, bit = 0;
	const dt_node_t *m;
	ctf_id_t sid, old;
	char tag[300];
	int n = 0, i;

	for (m = ds->ds_body; m; m = m->dn_next)
		n++;
	{
		ctf_id_t types[n ? n : 1];
		unsigned long offs[n ? n : 1];

		for (m = ds->ds_body, i = 0; m; m = m->dn_next, i++) {
			ctf_id_t t = dt_type_decl(pcb, m->dn_spec, m->dn_decl);
			unsigned long a = (unsigned long)ctf_type_align(fp, t);
			unsigned long sz = (unsigned long)ctf_type_size(fp, t);
			int64_t bits = 0;

			dt_type_objcheck(pcb, m, t, dt_decl_name(m->dn_decl),
					 "member");
			if (m->dn_left && dt_type_const(m->dn_left, &bits) != 0)
				dt_node_error(pcb, m, D_DECL_BFCONST, "positive "
					      "integral constant expression "
					      "expected as bit-field size");
			if (m->dn_left && (bits < 0 || (unsigned long)bits >
					   sz * 8))
				dt_node_error(pcb, m, D_DECL_BFSIZE, "bit-field "
					      "size exceeds its type");
			if (m->dn_left) {
				ctf_encoding_t e;

				if (ctf_type_encoding(fp, t, &e) != 0)
					dt_node_error(pcb, m, D_DECL_BFTYPE,
						      "invalid type for a "
						      "bit-field");
				if (isunion)
					bit = 0;
				e.cte_offset = (unsigned)(bit % 8);
				e.cte_bits = (unsigned)bits;
				offs[i] = isunion ? 0 : off * 8 + bit - bit % 8;
				types[i] = dt_type_checked(pcb, m->dn_line,
					ctf_add_slice(fp, CTF_ADD_NONROOT, t, &e),
					"a bit-field");
				bit += (unsigned long)bits;
				if (a > align)
					align = a;
				if (isunion && (bit + 7) / 8 > size)
					size = (bit + 7) / 8;
				continue;
			}
			/* A member after bit-fields starts a new unit. */
			off += (bit + 7) / 8;
			bit = 0;
			if (a == 0)
				a = 1;
			off = isunion ? 0 : (off + a - 1) / a * a;
			offs[i] = off * 8;
			types[i] = t;
			off += isunion ? 0 : sz;
			if (isunion && sz > size)
				size = sz;
			if (a > align)
				align = a;
		}
		if (!isunion)
			size = off + (bit + 7) / 8;
		size = (size + align - 1) / align * align;

		if (ds->ds_name) {
			snprintf(tag, sizeof(tag), "%s %s", isunion ? "union" :
				 "struct", ds->ds_name);
			old = ctf_lookup_by_name(fp, tag);
			if (old != CTF_ERR && ctf_type_kind(fp, old) !=
			    CTF_K_FORWARD)
				dt_pcb_error(pcb, D_DECL_TYPERED, ds->ds_line,
					     "type redeclared: %s", tag);
		}
		sid = isunion ? ctf_add_union_sized(fp, CTF_ADD_ROOT,
						    ds->ds_name, size) :
		      ctf_add_struct_sized(fp, CTF_ADD_ROOT, ds->ds_name, size);
		dt_type_checked(pcb, ds->ds_line, sid, "a struct");
		for (m = ds->ds_body, i = 0; m; m = m->dn_next, i++)
			if (ctf_add_member_offset(fp, sid, dt_decl_name(m->dn_decl),
						  types[i], offs[i]) != 0)
				dt_pcb_error(pcb, D_DECL_IDRED, m->dn_line,
					     "failed to add member %s: %s",
					     dt_decl_name(m->dn_decl) ?
					     dt_decl_name(m->dn_decl) : "",
					     ctf_errmsg(ctf_errno(fp)));
	}
	return sid;
}

static ctf_id_t dt_type_enum(dt_pcb_t *pcb, const dt_declspec_t *ds)
{
	ctf_dict_t *fp = dt_types_fp(pcb->pcb_hdl);
	ctf_id_t id = ctf_add_enum(fp, CTF_ADD_ROOT, ds->ds_name);
	const dt_node_t *e;
	int64_t v = -1;

	dt_type_checked(pcb, ds->ds_line, id, "an enum");
	for (e = ds->ds_body; e; e = e->dn_next) {
		if (e->dn_left && dt_type_const(e->dn_left, &v) != 0)
			dt_node_error(pcb, e, D_DECL_ENCONST, "enumerator '%s' "
				      "must be assigned an integral constant "
				      "expression", e->dn_string);
		else if (!e->dn_left)
			v++;
		if (v > INT32_MAX || v < INT32_MIN)
			dt_node_error(pcb, e, D_DECL_ENOFLOW, "enumerator '%s' "
				      "value overflows INT_MAX (%d)",
				      e->dn_string, INT32_MAX);
		if (ctf_add_enumerator(fp, id, e->dn_string, (int)v) != 0)
			dt_node_error(pcb, e, D_DECL_IDRED, "identifier "
				      "redeclared: %s", e->dn_string);
	}
	return id;
}

/* The type named by declaration specifiers alone. */
static ctf_id_t dt_type_base(dt_pcb_t *pcb, dt_declspec_t *ds)
{
	dtrace_hdl_t *dtp = pcb->pcb_hdl;
	unsigned w = ds->ds_words;
	int u = !!(w & DT_DW_UNSIGNED);
	const char *name = u ? "unsigned int" : "int";
	char tag[300];
	ctf_id_t t;

	switch (ds->ds_kind) {
	case DT_DK_TNAME:
		name = ds->ds_name;
		break;
	case DT_DK_STRUCT:
	case DT_DK_UNION:
		if (ds->ds_defined && !ds->ds_ctfid)
			ds->ds_ctfid = dt_type_sou(pcb, ds);
		if (ds->ds_defined)
			return ds->ds_ctfid;
		snprintf(tag, sizeof(tag), "%s %s", ds->ds_kind ==
			 DT_DK_STRUCT ? "struct" : "union", ds->ds_name);
		t = dt_type_lookup(dtp, tag);
		if (t == CTF_ERR)
			t = dt_type_checked(pcb, ds->ds_line,
				ctf_add_forward(dt_types_fp(dtp), CTF_ADD_ROOT,
						ds->ds_name, ds->ds_kind ==
						DT_DK_STRUCT ? CTF_K_STRUCT :
						CTF_K_UNION), tag);
		return t;
	case DT_DK_ENUM:
		if (ds->ds_defined && !ds->ds_ctfid)
			ds->ds_ctfid = dt_type_enum(pcb, ds);
		if (ds->ds_defined)
			return ds->ds_ctfid;
		snprintf(tag, sizeof(tag), "enum %s", ds->ds_name);
		name = tag;
		break;
	default:
		if (w & DT_DW_STRING)
			name = "string";
		else if (w & DT_DW_VOID)
			name = "void";
		else if (w & DT_DW_CHAR)
			name = u ? "unsigned char" : (w & DT_DW_SIGNED) ?
			       "signed char" : "char";
		else if (w & DT_DW_SHORT)
			name = u ? "unsigned short" : "short";
		else if (w & DT_DW_FLOAT)
			name = "float";
		else if (w & DT_DW_DOUBLE)
			name = "double";
		else if (ds->ds_longs == 2)
			name = u ? "unsigned long long" : "long long";
		else if (ds->ds_longs == 1)
			name = u ? "unsigned long" : "long";
	}
	t = dt_type_lookup(dtp, name);
	if (t == CTF_ERR)
		dt_pcb_error(pcb, D_TYPE_ERR, ds->ds_line, "failed to resolve "
			     "type %s", name);
	return t;
}

/*
 * The type a declaration declares: specifiers, then the declarator from
 * the outside in ("int *a[4]" is an array of 4 pointers to int).  An
 * associative array's key list declares no C type: the declared type is
 * that of its values.
 */
ctf_id_t dt_type_decl(dt_pcb_t *pcb, const dt_declspec_t *ds,
		      const dt_node_t *decl)
{
	dtrace_hdl_t *dtp = pcb->pcb_hdl;
	ctf_dict_t *fp = dt_types_fp(dtp);
	ctf_id_t t;

	if (!fp)
		dt_pcb_error(pcb, D_UNKNOWN, ds->ds_line, "no type system");
	t = dt_type_base(pcb, (dt_declspec_t *)ds);
	if (ds->ds_qual & DT_NF_CONST)
		t = dt_type_checked(pcb, ds->ds_line,
				    ctf_add_const(fp, CTF_ADD_NONROOT, t), "const");
	for (; decl; decl = decl->dn_left) {
		switch (decl->dn_kind) {
		case DT_NODE_DCL_PTR:
			t = dt_type_checked(pcb, decl->dn_line,
					    dt_type_pointer(dtp, t), "a pointer");
			break;
		case DT_NODE_DCL_ARRAY: {
			ctf_arinfo_t ai;
			int64_t n;

			if (decl->dn_args)
				break;
			if (!decl->dn_right ||
			    dt_type_const(decl->dn_right, &n) != 0 || n < 0)
				dt_node_error(pcb, decl, D_DECL_ARRSUB,
					      "positive integral constant "
					      "expression or tuple signature "
					      "expected as array declaration "
					      "subscript");
			ai.ctr_contents = t;
			ai.ctr_index = ctf_lookup_by_name(fp, "long");
			ai.ctr_nelems = (uint32_t)n;
			t = dt_type_checked(pcb, decl->dn_line,
					    ctf_add_array(fp, CTF_ADD_NONROOT, &ai),
					    "an array");
			break;
		}
		case DT_NODE_DCL_FUNC: {
			ctf_funcinfo_t fi = { t, 0, 0 };

			t = dt_type_checked(pcb, decl->dn_line,
					    ctf_add_function(fp, CTF_ADD_NONROOT,
							     &fi, NULL),
					    "a function");
			break;
		}
		default:
			break;
		}
	}
	return t;
}
