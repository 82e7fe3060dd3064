// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Kernel types from BTF, imported into the compiler's libctf dictionary
 * on demand (see dt_types.c for the type system as a whole).
 *
 * The BTF blob (/sys/kernel/btf/vmlinux, any file with the same format,
 * or the .BTF section of a vmlinux ELF file) is read once and indexed: an array of type offsets by id, and a
 * hash of names for the kinds a D program names (struct, union, enum,
 * typedef, integer).  Nothing is imported until a program uses it.  Then
 * one type is imported with what it needs by value (members, array
 * elements, typedef targets), while structs and unions reached through
 * pointers are only forward-declared, and completed when a program looks
 * inside them (dt_btf_complete).  So "curthread->comm" imports
 * task_struct and the types of its members, not the kernel.
 *
 * libctf facts this relies on (binutils 2.40, see DESIGN.md): structs are
 * added sized (ctf_add_struct_sized) with members at explicit bit offsets
 * (ctf_add_member_offset); bitfields are slices of their integer type with
 * the bit position inside the slice; imported types are NONROOT, so that
 * the kernel's names never shadow D's own and duplicate BTF names do not
 * replace each other; BTF's plain char has no CTF_INT_CHAR flag (the
 * kernel builds with -funsigned-char) and gets it here, so that char[]
 * reads as a string.  FUNC, VAR, DATASEC and tags have no use here.
 *
 * The format (Documentation/bpf/btf.rst): a header, then the type section
 * (struct btf_type records, each followed by kind-specific data), then the
 * string section.  Type id 0 is void; ids count from 1 in order.
 *
 * Functions (FUNC, found by name with DT_BTF_FUNC) and the prototypes
 * behind them are read, never imported as such: dt_btf_proto gives the
 * parameter and return type ids, which dt_args.c imports one by one.
 */
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dt_btf.h"

#define BTF_MAGIC	0xeB9F

enum {
	BTF_KIND_INT = 1, BTF_KIND_PTR, BTF_KIND_ARRAY, BTF_KIND_STRUCT,
	BTF_KIND_UNION, BTF_KIND_ENUM, BTF_KIND_FWD, BTF_KIND_TYPEDEF,
	BTF_KIND_VOLATILE, BTF_KIND_CONST, BTF_KIND_RESTRICT, BTF_KIND_FUNC,
	BTF_KIND_FUNC_PROTO, BTF_KIND_VAR, BTF_KIND_DATASEC, BTF_KIND_FLOAT,
	BTF_KIND_DECL_TAG, BTF_KIND_TYPE_TAG, BTF_KIND_ENUM64,
};

struct btf_header {
	uint16_t magic;
	uint8_t version;
	uint8_t flags;
	uint32_t hdr_len;
	uint32_t type_off, type_len;
	uint32_t str_off, str_len;
};

struct btf_type {
	uint32_t name_off;
	uint32_t info;		/* vlen 0-15, kind 24-28, kind_flag 31 */
	uint32_t size_type;	/* size, or the referenced type */
};

struct btf_array { uint32_t type, index_type, nelems; };
struct btf_member { uint32_t name_off, type, offset; };
struct btf_param { uint32_t name_off, type; };

#define BTF_KIND(info)	(((info) >> 24) & 0x1f)
#define BTF_VLEN(info)	((info) & 0xffff)
#define BTF_KFLAG(info)	((info) >> 31)

struct dt_btf {
	char *bt_data;			/* the whole file, or its .BTF */
	size_t bt_size;
	void *bt_map;			/* the file mapped, or NULL: read */
	size_t bt_mapsize;
	const char *bt_strs;
	uint32_t bt_strlen;
	const struct btf_type **bt_types; /* by id; [0] is NULL (void) */
	uint32_t bt_ntypes;
	uint32_t *bt_hash;		/* open addressing: ids, 0 empty */
	uint32_t bt_hashsize;		/* a power of two */
	ctf_id_t *bt_ctf;		/* imported: id -> ctf id, 0 if not */
	unsigned char *bt_fwd;		/* imported as a forward only */
	ctf_id_t *bt_fwdctf;		/* that forward, kept once completed */
	char bt_errmsg[160];		/* why the last import failed, if
					 * not libctf's error */
	dt_btf_t *bt_base;		/* split BTF: the base (vmlinux) */
	uint32_t bt_first;		/* the first id of its own */
	uint32_t bt_strbase;		/* the base's string section size */
};

static const char *dt_btf_str(const dt_btf_t *btf, uint32_t off)
{
	if (btf->bt_base && off < btf->bt_strbase)
		return dt_btf_str(btf->bt_base, off);
	off -= btf->bt_strbase;
	return off < btf->bt_strlen ? btf->bt_strs + off : "";
}

static const char *dt_btf_name(const dt_btf_t *btf, uint32_t id)
{
	return id && id < btf->bt_ntypes ?
	       dt_btf_str(btf, btf->bt_types[id]->name_off) : "";
}

/* Bytes of kind-specific data after a type record. */
static size_t dt_btf_extra(const struct btf_type *t)
{
	uint32_t vlen = BTF_VLEN(t->info);

	switch (BTF_KIND(t->info)) {
	case BTF_KIND_INT: return 4;
	case BTF_KIND_ARRAY: return sizeof(struct btf_array);
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION: return vlen * sizeof(struct btf_member);
	case BTF_KIND_ENUM: return vlen * 8;
	case BTF_KIND_FUNC_PROTO: return vlen * sizeof(struct btf_param);
	case BTF_KIND_VAR: return 4;
	case BTF_KIND_DATASEC: return vlen * 12;
	case BTF_KIND_DECL_TAG: return 4;
	case BTF_KIND_ENUM64: return vlen * 12;
	default: return 0;
	}
}

/* The name classes a D program looks up: "struct x" is not "x". */
static int dt_btf_class(int kind)
{
	switch (kind) {
	case BTF_KIND_STRUCT: return 1;
	case BTF_KIND_UNION: return 2;
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64: return 3;
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_INT:
	case BTF_KIND_FLOAT: return 4;
	case BTF_KIND_FUNC: return 5;	/* probe arguments (dt_args.c) */
	case BTF_KIND_VAR: return 6;	/* kernel variables (dt_sema.c) */
	default: return 0;
	}
}

static uint32_t dt_btf_hashstr(const char *s, int class)
{
	uint32_t h = 2166136261u ^ (uint32_t)class;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void dt_btf_index(dt_btf_t *btf)
{
	uint32_t id, mask = btf->bt_hashsize - 1;

	for (id = btf->bt_first; id < btf->bt_ntypes; id++) {
		const struct btf_type *t = btf->bt_types[id];
		int class = dt_btf_class(BTF_KIND(t->info));
		const char *name = dt_btf_str(btf, t->name_off);
		uint32_t h;

		if (!class || !*name)
			continue;
		h = dt_btf_hashstr(name, class) & mask;
		while (btf->bt_hash[h])
			h = (h + 1) & mask;
		btf->bt_hash[h] = id;
	}
}

/*
 * A vmlinux ELF file (extracted from a kernel image, as the tests do for
 * the Debian kernels) carries its BTF in the .BTF section: keep just that.
 */
static int dt_btf_from_elf(dt_btf_t *btf)
{
	Elf *elf;
	Elf_Scn *scn = NULL;
	size_t shstrndx;
	int ret = -1;

	if (btf->bt_size < 4 || memcmp(btf->bt_data, ELFMAG, SELFMAG) != 0)
		return 0;
	elf_version(EV_CURRENT);
	elf = elf_memory(btf->bt_data, btf->bt_size);
	if (!elf || elf_getshdrstrndx(elf, &shstrndx) != 0)
		goto out;
	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		GElf_Shdr sh;
		const char *name;

		if (!gelf_getshdr(scn, &sh))
			break;
		name = elf_strptr(elf, shstrndx, sh.sh_name);
		if (name && strcmp(name, ".BTF") == 0 &&
		    sh.sh_offset + sh.sh_size <= btf->bt_size) {
			if (btf->bt_map)
				btf->bt_data += sh.sh_offset;
			else
				memmove(btf->bt_data,
					btf->bt_data + sh.sh_offset,
					sh.sh_size);
			btf->bt_size = sh.sh_size;
			ret = 0;
			break;
		}
	}
out:
	if (elf)
		elf_end(elf);
	return ret;
}

void dt_btf_close(dt_btf_t *btf)
{
	if (!btf)
		return;
	if (btf->bt_map)
		munmap(btf->bt_map, btf->bt_mapsize);
	else
		free(btf->bt_data);
	free(btf->bt_types);
	free(btf->bt_hash);
	free(btf->bt_ctf);
	free(btf->bt_fwd);
	free(btf->bt_fwdctf);
	free(btf);
}

/*
 * Split BTF (a module's, /sys/kernel/btf/<module>) continues its base's:
 * its type ids start after the base's and its string offsets after the
 * base's strings.  Its bt_types holds the base's records too, so that
 * every id reads the same way; importing a base id is the base's import
 * (one ctf id per BTF type, whoever reaches it).
 */
static dt_btf_t *dt_btf_open_split(const char *path, dt_btf_t *base,
				   int *errp);

dt_btf_t *dt_btf_open(const char *path, int *errp)
{
	return dt_btf_open_split(path, NULL, errp);
}

dt_btf_t *dt_btf_open_module(const char *path, dt_btf_t *base, int *errp)
{
	return dt_btf_open_split(path, base, errp);
}

static dt_btf_t *dt_btf_open_split(const char *path, dt_btf_t *base,
				   int *errp)
{
	dt_btf_t *btf = calloc(1, sizeof(*btf));
	const struct btf_header *h;
	size_t cap = 0, off, end;
	ssize_t r;
	int fd;

	*errp = ENOMEM;
	if (!btf)
		return NULL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*errp = errno;
		free(btf);
		return NULL;
	}
	/*
	 * Map the file when it can be (a regular file; sysfs's vmlinux BTF
	 * since Linux 6.16), else read it to the end: sysfs hands out at
	 * most a page per read(), some 1,350 of them for vmlinux, which
	 * costs about a millisecond that the mapping does not.  The size
	 * fstat gives (sysfs gives the BTF's) sizes the buffer.
	 */
	{
		struct stat st;

		if (fstat(fd, &st) == 0 && st.st_size > 0) {
			void *m = mmap(NULL, (size_t)st.st_size, PROT_READ,
				       MAP_PRIVATE, fd, 0);

			if (m != MAP_FAILED) {
				btf->bt_map = m;
				btf->bt_mapsize = (size_t)st.st_size;
				btf->bt_data = m;
				btf->bt_size = (size_t)st.st_size;
				goto mapped;
			}
			cap = (size_t)st.st_size + 1;
			btf->bt_data = malloc(cap);
			if (!btf->bt_data)
				goto fail;
		}
	}
	for (;;) {
		if (btf->bt_size == cap) {
			char *d = realloc(btf->bt_data, cap = cap * 2 + (1 << 20));

			if (!d)
				goto fail;
			btf->bt_data = d;
		}
		r = read(fd, btf->bt_data + btf->bt_size, cap - btf->bt_size);
		if (r < 0) {
			*errp = errno;
			goto fail;
		}
		if (r == 0)
			break;
		btf->bt_size += (size_t)r;
	}
mapped:
	close(fd);
	fd = -1;

	*errp = EINVAL;
	if (dt_btf_from_elf(btf) != 0)
		goto fail;
	h = (const void *)btf->bt_data;
	if (btf->bt_size < sizeof(*h) || h->magic != BTF_MAGIC ||
	    h->hdr_len < sizeof(*h) ||
	    (uint64_t)h->hdr_len + h->type_off + h->type_len > btf->bt_size ||
	    (uint64_t)h->hdr_len + h->str_off + h->str_len > btf->bt_size ||
	    h->str_len == 0)
		goto fail;
	btf->bt_strs = btf->bt_data + h->hdr_len + h->str_off;
	btf->bt_strlen = h->str_len;
	btf->bt_base = base;
	btf->bt_first = base ? base->bt_ntypes : 1;
	btf->bt_strbase = base ? base->bt_strbase + base->bt_strlen : 0;

	/* Count, then record, the types; each must lie inside the section. */
	off = h->hdr_len + h->type_off;
	end = off + h->type_len;
	btf->bt_ntypes = btf->bt_first;
	while (off + sizeof(struct btf_type) <= end) {
		const struct btf_type *t = (const void *)(btf->bt_data + off);

		off += sizeof(*t) + dt_btf_extra(t);
		btf->bt_ntypes++;
	}
	if (off != end)
		goto fail;
	btf->bt_types = calloc(btf->bt_ntypes, sizeof(*btf->bt_types));
	btf->bt_ctf = calloc(btf->bt_ntypes, sizeof(*btf->bt_ctf));
	btf->bt_fwd = calloc(btf->bt_ntypes, 1);
	btf->bt_fwdctf = calloc(btf->bt_ntypes, sizeof(*btf->bt_fwdctf));
	for (btf->bt_hashsize = 1024; btf->bt_hashsize < btf->bt_ntypes * 2;)
		btf->bt_hashsize *= 2;
	btf->bt_hash = calloc(btf->bt_hashsize, sizeof(*btf->bt_hash));
	*errp = ENOMEM;
	if (!btf->bt_types || !btf->bt_ctf || !btf->bt_fwd || !btf->bt_hash ||
	    !btf->bt_fwdctf)
		goto fail;
	off = h->hdr_len + h->type_off;
	if (base)
		memcpy(btf->bt_types, base->bt_types,
		       base->bt_ntypes * sizeof(*btf->bt_types));
	for (uint32_t id = btf->bt_first; id < btf->bt_ntypes; id++) {
		const struct btf_type *t = (const void *)(btf->bt_data + off);

		btf->bt_types[id] = t;
		off += sizeof(*t) + dt_btf_extra(t);
	}
	dt_btf_index(btf);
	*errp = 0;
	return btf;
fail:
	if (fd >= 0)
		close(fd);
	dt_btf_close(btf);
	return NULL;
}

uint32_t dt_btf_ntypes(const dt_btf_t *btf)
{
	return btf->bt_ntypes;
}

/* The id of a struct, union, enum or typedef/integer name, or 0. */
uint32_t dt_btf_lookup(const dt_btf_t *btf, int kind, const char *name)
{
	int class = kind == CTF_K_STRUCT ? 1 : kind == CTF_K_UNION ? 2 :
		    kind == CTF_K_ENUM ? 3 : kind == DT_BTF_FUNC ? 5 :
		    kind == DT_BTF_VAR ? 6 : 4;
	uint32_t mask = btf->bt_hashsize - 1;
	uint32_t h = dt_btf_hashstr(name, class) & mask, id;

	while ((id = btf->bt_hash[h]) != 0) {
		const struct btf_type *t = btf->bt_types[id];

		if (dt_btf_class(BTF_KIND(t->info)) == class &&
		    strcmp(dt_btf_str(btf, t->name_off), name) == 0)
			return id;
		h = (h + 1) & mask;
	}
	return 0;
}

static ctf_id_t dt_btf_import_id(dt_btf_t *btf, ctf_dict_t *fp, uint32_t id,
				 int byval);

static ctf_id_t dt_btf_sou(dt_btf_t *btf, ctf_dict_t *fp, uint32_t id)
{
	const struct btf_type *t = btf->bt_types[id];
	const struct btf_member *m = (const void *)(t + 1);
	int kind = BTF_KIND(t->info) == BTF_KIND_STRUCT ? CTF_K_STRUCT :
		   CTF_K_UNION;
	const char *name = dt_btf_str(btf, t->name_off);
	ctf_id_t sid, mt;
	uint32_t i;

	sid = kind == CTF_K_STRUCT ?
	      ctf_add_struct_sized(fp, CTF_ADD_NONROOT, *name ? name : NULL,
				   t->size_type) :
	      ctf_add_union_sized(fp, CTF_ADD_NONROOT, *name ? name : NULL,
				  t->size_type);
	if (sid == CTF_ERR)
		return CTF_ERR;
	/* Pointers made earlier still name the forward: remember it. */
	if (btf->bt_fwd[id])
		btf->bt_fwdctf[id] = btf->bt_ctf[id];
	btf->bt_ctf[id] = sid;		/* members may point back here */
	btf->bt_fwd[id] = 0;

	for (i = 0; i < BTF_VLEN(t->info); i++) {
		uint32_t bitoff = BTF_KFLAG(t->info) ? m[i].offset & 0xffffff :
				  m[i].offset;
		uint32_t bits = BTF_KFLAG(t->info) ? m[i].offset >> 24 : 0;
		const char *mname = dt_btf_str(btf, m[i].name_off);

		mt = dt_btf_import_id(btf, fp, m[i].type, 1);
		if (mt == CTF_ERR)
			return CTF_ERR;
		if (bits) {
			ctf_encoding_t enc;
			uint32_t unit;

			/*
			 * The bit position lives in the slice, which may be of
			 * a typedef ("u8 :1"); the encoding is the base's.  The
			 * member starts at its storage unit (the base type's
			 * size), so that it never reaches past the struct and
			 * grows it.
			 */
			if (ctf_type_encoding(fp, ctf_type_resolve(fp, mt),
					      &enc) != 0)
				return CTF_ERR;
			unit = (uint32_t)ctf_type_size(fp, mt) * 8;
			if (unit == 0)
				unit = 8;
			/* A narrow union of wide bit-fields: a narrower unit. */
			while (unit > 8 && (bitoff - bitoff % unit + unit) / 8 >
			       t->size_type && bitoff % (unit / 2) + bits <=
			       unit / 2)
				unit /= 2;
			if (unit != (uint32_t)ctf_type_size(fp, mt) * 8) {
				ctf_encoding_t ue = { enc.cte_format, 0, unit };

				mt = ctf_add_integer(fp, CTF_ADD_NONROOT,
						     dt_btf_name(btf, m[i].type),
						     &ue);
				if (mt == CTF_ERR)
					return CTF_ERR;
			}
			enc.cte_offset = bitoff % unit;
			enc.cte_bits = bits;
			mt = ctf_add_slice(fp, CTF_ADD_NONROOT, mt, &enc);
			if (mt == CTF_ERR)
				return CTF_ERR;
			bitoff -= bitoff % unit;
		}
		if (ctf_add_member_offset(fp, sid, *mname ? mname : NULL, mt,
					  bitoff) != 0)
			return CTF_ERR;
	}
	/* libctf can lay a struct out differently than BTF says: check. */
	if (ctf_type_size(fp, sid) != (ssize_t)t->size_type) {
		snprintf(btf->bt_errmsg, sizeof(btf->bt_errmsg), "%s %s is "
			 "%zd bytes in libctf but %u in BTF", kind ==
			 CTF_K_STRUCT ? "struct" : "union", *name ? name :
			 "(anonymous)", ctf_type_size(fp, sid), t->size_type);
		return CTF_ERR;
	}
	return sid;
}

/*
 * Import one type.  byval says the importer needs the type complete (a
 * member or element by value); through a pointer a struct or union is a
 * forward until someone looks inside.
 */
static ctf_id_t dt_btf_import_id(dt_btf_t *btf, ctf_dict_t *fp, uint32_t id,
				 int byval)
{
	const struct btf_type *t;
	const char *name;
	ctf_id_t ref, r = CTF_ERR;
	int kind;

	if (id == 0)
		return dt_btf_void(fp);
	if (id >= btf->bt_ntypes)
		return CTF_ERR;
	if (id < btf->bt_first)		/* split BTF: one of the base's */
		return dt_btf_import_id(btf->bt_base, fp, id, byval);
	if (btf->bt_ctf[id] && !(byval && btf->bt_fwd[id]))
		return btf->bt_ctf[id];
	t = btf->bt_types[id];
	kind = BTF_KIND(t->info);
	name = dt_btf_str(btf, t->name_off);

	switch (kind) {
	case BTF_KIND_INT: {
		uint32_t enc = *(const uint32_t *)(t + 1);
		ctf_encoding_t e = { 0, 0, enc & 0xff };

		if ((enc >> 24) & 1)
			e.cte_format |= CTF_INT_SIGNED;
		if (((enc >> 24) & 2) || strcmp(name, "char") == 0)
			e.cte_format |= CTF_INT_CHAR;
		if ((enc >> 24) & 4)
			e.cte_format |= CTF_INT_BOOL;
		r = ctf_add_integer(fp, CTF_ADD_NONROOT, name, &e);
		break;
	}
	case BTF_KIND_FLOAT: {
		ctf_encoding_t e = { CTF_FP_SINGLE, 0, t->size_type * 8 };

		if (t->size_type == 8)
			e.cte_format = CTF_FP_DOUBLE;
		else if (t->size_type > 8)
			e.cte_format = CTF_FP_LDOUBLE;
		r = ctf_add_float(fp, CTF_ADD_NONROOT, name, &e);
		break;
	}
	case BTF_KIND_PTR:
		ref = dt_btf_import_id(btf, fp, t->size_type, 0);
		if (ref != CTF_ERR)
			r = ctf_add_pointer(fp, CTF_ADD_NONROOT, ref);
		break;
	case BTF_KIND_ARRAY: {
		const struct btf_array *a = (const void *)(t + 1);
		ctf_arinfo_t ai;

		ai.ctr_contents = dt_btf_import_id(btf, fp, a->type, 1);
		ai.ctr_index = dt_btf_import_id(btf, fp, a->index_type, 1);
		ai.ctr_nelems = a->nelems;
		if (ai.ctr_contents != CTF_ERR && ai.ctr_index != CTF_ERR)
			r = ctf_add_array(fp, CTF_ADD_NONROOT, &ai);
		break;
	}
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		if (!byval && *name) {
			r = ctf_add_forward(fp, CTF_ADD_NONROOT, name,
					    kind == BTF_KIND_STRUCT ?
					    CTF_K_STRUCT : CTF_K_UNION);
			btf->bt_fwd[id] = 1;
			break;
		}
		return dt_btf_sou(btf, fp, id);
	case BTF_KIND_FWD:
		r = ctf_add_forward(fp, CTF_ADD_NONROOT, name,
				    BTF_KFLAG(t->info) ? CTF_K_UNION :
				    CTF_K_STRUCT);
		break;
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64: {
		uint32_t i, step = kind == BTF_KIND_ENUM ? 2 : 3;
		const uint32_t *v = (const void *)(t + 1);
		ctf_encoding_t e = { CTF_INT_SIGNED, 0, t->size_type * 8 };

		/*
		 * libctf enums are int-sized: a narrower one is a slice of
		 * one, a wider one (ENUM64) an integer of its size.
		 */
		if (t->size_type > 4) {
			r = ctf_add_integer(fp, CTF_ADD_NONROOT, name, &e);
			break;
		}
		r = ctf_add_enum(fp, CTF_ADD_NONROOT, *name ? name : NULL);
		for (i = 0; r != CTF_ERR && i < BTF_VLEN(t->info); i++)
			if (ctf_add_enumerator(fp, r, dt_btf_str(btf,
					       v[i * step]),
					       (int)v[i * step + 1]) != 0)
				r = CTF_ERR;
		if (r != CTF_ERR && t->size_type < 4)
			r = ctf_add_slice(fp, CTF_ADD_NONROOT, r, &e);
		break;
	}
	case BTF_KIND_TYPEDEF:
		ref = dt_btf_import_id(btf, fp, t->size_type, byval);
		if (ref != CTF_ERR)
			r = ctf_add_typedef(fp, CTF_ADD_NONROOT, name, ref);
		break;
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
		ref = dt_btf_import_id(btf, fp, t->size_type, byval);
		if (ref == CTF_ERR)
			break;
		r = kind == BTF_KIND_CONST ? ctf_add_const(fp, CTF_ADD_NONROOT, ref) :
		    kind == BTF_KIND_VOLATILE ?
		    ctf_add_volatile(fp, CTF_ADD_NONROOT, ref) :
		    ctf_add_restrict(fp, CTF_ADD_NONROOT, ref);
		break;
	case BTF_KIND_TYPE_TAG:
		return dt_btf_import_id(btf, fp, t->size_type, byval);
	case BTF_KIND_FUNC_PROTO: {
		const struct btf_param *p = (const void *)(t + 1);
		uint32_t i, n = BTF_VLEN(t->info);
		ctf_funcinfo_t fi = { 0, 0, 0 };
		ctf_id_t args[64];

		fi.ctc_return = dt_btf_import_id(btf, fp, t->size_type, 0);
		for (i = 0; i < n && fi.ctc_argc < 64; i++) {
			if (p[i].type == 0) {	/* "..." */
				fi.ctc_flags |= CTF_FUNC_VARARG;
				continue;
			}
			args[fi.ctc_argc++] = dt_btf_import_id(btf, fp,
							       p[i].type, 0);
		}
		r = ctf_add_function(fp, CTF_ADD_NONROOT, &fi, args);
		break;
	}
	default:
		/* FUNC, VAR, DATASEC, DECL_TAG: no type of their own. */
		r = dt_btf_void(fp);
		break;
	}
	if (r != CTF_ERR)
		btf->bt_ctf[id] = r;
	return r;
}

ctf_id_t dt_btf_import(dt_btf_t *btf, ctf_dict_t *fp, uint32_t id)
{
	btf->bt_errmsg[0] = '\0';
	return dt_btf_import_id(btf, fp, id, 1);
}

const char *dt_btf_errmsg(const dt_btf_t *btf, ctf_dict_t *fp)
{
	return btf->bt_errmsg[0] ? btf->bt_errmsg : ctf_errmsg(ctf_errno(fp));
}

int dt_btf_kind_is_sou(const dt_btf_t *btf, uint32_t id, const char **namep)
{
	const struct btf_type *t;

	if (id == 0 || id >= btf->bt_ntypes)
		return 0;
	t = btf->bt_types[id];
	*namep = dt_btf_str(btf, t->name_off);
	return BTF_KIND(t->info) == BTF_KIND_STRUCT ||
	       BTF_KIND(t->info) == BTF_KIND_UNION;
}

/*
 * Complete a forward that dt_btf imported: the struct or union it stands
 * for.  Returns the complete type, or the forward itself when it is not
 * one of ours (a user's "struct foo;").
 */
ctf_id_t dt_btf_complete(dt_btf_t *btf, ctf_dict_t *fp, ctf_id_t fwd)
{
	uint32_t id;

	if (ctf_type_kind(fp, fwd) != CTF_K_FORWARD)
		return fwd;
	/* The BTF type this forward stands for (names may repeat). */
	for (id = 1; id < btf->bt_ntypes; id++) {
		if (btf->bt_fwd[id] && btf->bt_ctf[id] == fwd)
			return dt_btf_import_id(btf, fp, id, 1);
		if (btf->bt_fwdctf[id] == fwd)	/* completed before */
			return btf->bt_ctf[id];
	}
	return fwd;
}

const char *dt_btf_type_name(const dt_btf_t *btf, uint32_t id)
{
	return dt_btf_name(btf, id);
}

/*
 * The prototype behind id: a FUNC, a FUNC_PROTO, or a typedef of a
 * pointer to one (the btf_trace_<event> typedefs of tracepoints).  Fills
 * *retp and up to max parameter type ids; returns the number of
 * parameters (a trailing "..." not counted), or -1 if id is no function.
 */
int dt_btf_proto(const dt_btf_t *btf, uint32_t id, uint32_t *retp,
		 uint32_t *params, int max)
{
	const struct btf_type *t;
	const struct btf_param *p;
	int i, n, hops;

	for (hops = 0; hops < 8; hops++) {
		if (id == 0 || id >= btf->bt_ntypes)
			return -1;
		t = btf->bt_types[id];
		switch (BTF_KIND(t->info)) {
		case BTF_KIND_FUNC:
		case BTF_KIND_TYPEDEF:
		case BTF_KIND_PTR:
		case BTF_KIND_CONST:
		case BTF_KIND_VOLATILE:
		case BTF_KIND_TYPE_TAG:
			id = t->size_type;
			continue;
		case BTF_KIND_FUNC_PROTO:
			p = (const void *)(t + 1);
			n = (int)BTF_VLEN(t->info);
			if (n > 0 && p[n - 1].type == 0)
				n--;		/* "..." */
			for (i = 0; i < n && i < max; i++)
				params[i] = p[i].type;
			*retp = t->size_type;
			return n;
		default:
			return -1;
		}
	}
	return -1;
}

int dt_btf_var(const dt_btf_t *btf, const char *name, uint32_t *typep,
	       int *percpup)
{
	uint32_t id = dt_btf_lookup(btf, DT_BTF_VAR, name), d, i;

	if (!id)
		return -1;
	*typep = btf->bt_types[id]->size_type;
	*percpup = 0;
	/* Its section: a DATASEC lists (type, offset, size) of each. */
	for (d = btf->bt_first; d < btf->bt_ntypes; d++) {
		const struct btf_type *t = btf->bt_types[d];
		const uint32_t *v = (const void *)(t + 1);

		if (BTF_KIND(t->info) != BTF_KIND_DATASEC)
			continue;
		for (i = 0; i < BTF_VLEN(t->info); i++)
			if (v[i * 3] == id)
				*percpup = strcmp(dt_btf_str(btf, t->name_off),
						  ".data..percpu") == 0;
	}
	return 0;
}
