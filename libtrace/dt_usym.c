// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * User symbolization from /proc/PID/maps and ELF symbol tables.
 *
 * Theory.  The module records raw user addresses with the pid they
 * belong to (ustack() records and keys start with the pid); the consumer
 * turns them into DTrace's `module`function+0xoff`, where module is the
 * basename of the mapped file, as dtrace(1M) prints it.  That needs the
 * process's address space as it was, so a process's file mappings are
 * read from /proc/PID/maps the first time one of its addresses is seen
 * (the consumer grabs the pids of aggregation keys as each snapshot
 * arrives, while the process most likely still lives) and kept; a miss
 * rereads them once (a library loaded since), and an address of a
 * process that was never seen alive is printed in hex, as DTrace does.
 *
 * Each mapped file is opened once, by path, with libelf: its PT_LOAD
 * segments (to turn a file offset into the ELF's virtual address, which
 * works alike for executables, PIEs and shared objects) and its function
 * symbols from .symtab, or .dynsym when stripped, sorted by address.
 * Where several symbols cover an address, the one chosen is the
 * innermost start, then (as illumos libproc prefers) a global or weak
 * one over a local one, fewer leading underscores, the smaller size, and
 * the lexically first name.  A file that cannot be read gives "obj`0xaddr".
 *
 *   dt_uproc (pid) --maps--> [start, end) file offset --> dt_uobj (path)
 *                                                     phdrs, sorted syms
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dt_usym.h"

struct dt_usym {
	uint64_t	dus_addr;
	uint64_t	dus_size;
	const char	*dus_name;
	int		dus_global;
};

struct dt_useg {
	uint64_t	dug_off;
	uint64_t	dug_vaddr;
	uint64_t	dug_size;
};

struct dt_uobj {
	char		*duo_path;
	const char	*duo_base;
	char		*duo_strs;	/* the names, one block */
	struct dt_usym	*duo_syms;
	size_t		duo_nsyms;
	struct dt_useg	*duo_segs;
	size_t		duo_nsegs;
	struct dt_uobj	*duo_next;
};

struct dt_umap {
	uint64_t	dum_start;
	uint64_t	dum_end;
	uint64_t	dum_off;
	struct dt_uobj	*dum_obj;
};

struct dt_uproc {
	pid_t		dup_pid;
	int		dup_reread;	/* maps reread after a miss */
	struct dt_umap	*dup_maps;
	size_t		dup_nmaps;
	struct dt_uproc	*dup_next;
};

static struct dt_uobj *dt_uobjs;
static struct dt_uproc *dt_uprocs;

static int dt_usym_cmp(const void *a, const void *b)
{
	const struct dt_usym *x = a, *y = b;
	size_t ux = strspn(x->dus_name, "_"), uy = strspn(y->dus_name, "_");

	if (x->dus_addr != y->dus_addr)
		return x->dus_addr < y->dus_addr ? -1 : 1;
	/* At one address, the preferred symbol sorts first. */
	if (x->dus_global != y->dus_global)
		return y->dus_global - x->dus_global;
	if (ux != uy)
		return ux < uy ? -1 : 1;
	if (x->dus_size != y->dus_size)
		return x->dus_size < y->dus_size ? -1 : 1;
	return strcmp(x->dus_name, y->dus_name);
}

/* The function symbols of one symbol table section, appended. */
static int dt_uobj_symtab(struct dt_uobj *o, Elf *elf, Elf_Scn *scn,
			  const GElf_Shdr *sh, size_t *cap, size_t *strlen_used,
			  size_t *strcap)
{
	Elf_Data *data = elf_getdata(scn, NULL);
	size_t i, n;

	if (!data || !sh->sh_entsize)
		return 0;
	n = sh->sh_size / sh->sh_entsize;
	for (i = 0; i < n; i++) {
		GElf_Sym sym;
		const char *name;
		size_t len;
		int type;

		if (!gelf_getsym(data, (int)i, &sym))
			break;
		type = GELF_ST_TYPE(sym.st_info);
		if ((type != STT_FUNC && type != STT_GNU_IFUNC) ||
		    sym.st_shndx == SHN_UNDEF || !sym.st_value)
			continue;
		name = elf_strptr(elf, sh->sh_link, sym.st_name);
		if (!name || !*name)
			continue;
		len = strlen(name) + 1;
		if (o->duo_nsyms == *cap) {
			struct dt_usym *s;

			*cap = *cap ? *cap * 2 : 256;
			s = realloc(o->duo_syms, *cap * sizeof(*s));
			if (!s)
				return -1;
			o->duo_syms = s;
		}
		if (*strlen_used + len > *strcap) {
			/* Names are offsets until the block stops moving. */
			char *b;

			while (*strlen_used + len > *strcap)
				*strcap = *strcap ? *strcap * 2 : 4096;
			b = realloc(o->duo_strs, *strcap);
			if (!b)
				return -1;
			o->duo_strs = b;
		}
		memcpy(o->duo_strs + *strlen_used, name, len);
		o->duo_syms[o->duo_nsyms++] = (struct dt_usym){
			sym.st_value, sym.st_size,
			(const char *)(uintptr_t)*strlen_used,
			GELF_ST_BIND(sym.st_info) != STB_LOCAL,
		};
		*strlen_used += len;
	}
	return 0;
}

/* Read an object's segments and symbols; an unreadable file keeps none. */
static void dt_uobj_load(struct dt_uobj *o)
{
	size_t cap = 0, used = 0, strcap = 0, i, nph;
	int fd = open(o->duo_path, O_RDONLY | O_CLOEXEC);
	Elf_Scn *scn = NULL;
	Elf *elf;
	int pass;

	if (fd < 0)
		return;
	elf_version(EV_CURRENT);
	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF || elf_getphdrnum(elf, &nph)) {
		if (elf)
			elf_end(elf);
		close(fd);
		return;
	}
	o->duo_segs = calloc(nph ? nph : 1, sizeof(*o->duo_segs));
	for (i = 0; o->duo_segs && i < nph; i++) {
		GElf_Phdr ph;

		if (gelf_getphdr(elf, (int)i, &ph) && ph.p_type == PT_LOAD)
			o->duo_segs[o->duo_nsegs++] = (struct dt_useg){
				ph.p_offset, ph.p_vaddr, ph.p_memsz };
	}
	/* .symtab when there is one, else .dynsym. */
	for (pass = 0; pass < 2 && o->duo_nsyms == 0; pass++) {
		while ((scn = elf_nextscn(elf, scn)) != NULL) {
			GElf_Shdr sh;

			if (!gelf_getshdr(scn, &sh) || sh.sh_type !=
			    (pass ? SHT_DYNSYM : SHT_SYMTAB))
				continue;
			if (dt_uobj_symtab(o, elf, scn, &sh, &cap, &used,
					   &strcap) != 0)
				break;
		}
		scn = NULL;
	}
	for (i = 0; i < o->duo_nsyms; i++)
		o->duo_syms[i].dus_name = o->duo_strs +
			(uintptr_t)o->duo_syms[i].dus_name;
	if (o->duo_nsyms)
		qsort(o->duo_syms, o->duo_nsyms, sizeof(*o->duo_syms),
		      dt_usym_cmp);
	elf_end(elf);
	close(fd);
}

static struct dt_uobj *dt_uobj_get(const char *path)
{
	struct dt_uobj *o;
	const char *slash;

	for (o = dt_uobjs; o; o = o->duo_next)
		if (strcmp(o->duo_path, path) == 0)
			return o;
	o = calloc(1, sizeof(*o));
	if (!o || !(o->duo_path = strdup(path))) {
		free(o);
		return NULL;
	}
	slash = strrchr(o->duo_path, '/');
	o->duo_base = slash ? slash + 1 : o->duo_path;
	dt_uobj_load(o);
	o->duo_next = dt_uobjs;
	dt_uobjs = o;
	return o;
}

/* (Re)read pid's file mappings; false if the process is gone. */
static int dt_uproc_read(struct dt_uproc *p)
{
	char path[64], line[4200], file[4096];
	struct dt_umap *maps = NULL;
	size_t n = 0, cap = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/maps", (int)p->dup_pid);
	f = fopen(path, "re");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long start, end, off;
		char perms[8];
		struct dt_uobj *o;

		file[0] = '\0';
		if (sscanf(line, "%llx-%llx %7s %llx %*s %*s %4095[^\n]",
			   &start, &end, perms, &off, file) < 4 ||
		    file[0] != '/')
			continue;
		if (n == cap) {
			struct dt_umap *m;

			cap = cap ? cap * 2 : 32;
			m = realloc(maps, cap * sizeof(*m));
			if (!m)
				break;
			maps = m;
		}
		o = dt_uobj_get(file);
		if (o)
			maps[n++] = (struct dt_umap){ start, end, off, o };
	}
	fclose(f);
	free(p->dup_maps);
	p->dup_maps = maps;
	p->dup_nmaps = n;
	return 1;
}

static struct dt_uproc *dt_uproc_get(pid_t pid)
{
	struct dt_uproc *p;

	for (p = dt_uprocs; p; p = p->dup_next)
		if (p->dup_pid == pid)
			return p;
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->dup_pid = pid;
	dt_uproc_read(p);
	p->dup_next = dt_uprocs;
	dt_uprocs = p;
	return p;
}

void dt_usym_grab(pid_t pid)
{
	if (pid > 0)
		(void)dt_uproc_get(pid);
}

static const struct dt_umap *dt_uproc_map(struct dt_uproc *p, uint64_t addr)
{
	size_t i;

	for (i = 0; i < p->dup_nmaps; i++)
		if (addr >= p->dup_maps[i].dum_start &&
		    addr < p->dup_maps[i].dum_end)
			return &p->dup_maps[i];
	return NULL;
}

static int dt_usym_covers(const struct dt_usym *s, uint64_t v)
{
	return v >= s->dus_addr &&
	       v - s->dus_addr < (s->dus_size ? s->dus_size : 1);
}

/* The symbol of object o covering the ELF virtual address v, or NULL. */
static const struct dt_usym *dt_uobj_sym(const struct dt_uobj *o, uint64_t v)
{
	size_t lo = 0, hi = o->duo_nsyms, i, steps;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (o->duo_syms[mid].dus_addr <= v)
			lo = mid + 1;
		else
			hi = mid;
	}
	/*
	 * lo: the first above v.  Look back (not far: a gap between
	 * functions is covered by none) for the innermost that covers v,
	 * then for the preferred one at its address, which sorts first.
	 */
	for (i = lo, steps = 0; i-- > 0 && steps < 256; steps++) {
		const struct dt_usym *s = &o->duo_syms[i];

		if (!dt_usym_covers(s, v))
			continue;
		while (i > 0 && o->duo_syms[i - 1].dus_addr == s->dus_addr &&
		       dt_usym_covers(&o->duo_syms[i - 1], v))
			s = &o->duo_syms[--i];
		return s;
	}
	return NULL;
}

int dt_usym_lookup(pid_t pid, uint64_t addr, const char **obj,
		   const char **name, uint64_t *off)
{
	struct dt_uproc *p = pid > 0 ? dt_uproc_get(pid) : NULL;
	const struct dt_umap *m;
	const struct dt_usym *s = NULL;
	uint64_t foff;
	size_t i;

	if (!p)
		return -1;
	m = dt_uproc_map(p, addr);
	if (!m && !p->dup_reread) {
		p->dup_reread = 1;
		if (dt_uproc_read(p))
			m = dt_uproc_map(p, addr);
	}
	if (!m)
		return -1;
	*obj = m->dum_obj->duo_base;
	*name = NULL;
	*off = 0;
	foff = addr - m->dum_start + m->dum_off;
	for (i = 0; i < m->dum_obj->duo_nsegs; i++) {
		const struct dt_useg *g = &m->dum_obj->duo_segs[i];

		if (foff >= g->dug_off && foff < g->dug_off + g->dug_size) {
			uint64_t v = foff - g->dug_off + g->dug_vaddr;

			s = dt_uobj_sym(m->dum_obj, v);
			if (s) {
				*name = s->dus_name;
				*off = v - s->dus_addr;
			}
			break;
		}
	}
	return 0;
}

uint64_t dt_usym_keyaddr(pid_t pid, uint64_t addr, int mod)
{
	struct dt_uproc *p = pid > 0 ? dt_uproc_get(pid) : NULL;
	const struct dt_umap *m = p ? dt_uproc_map(p, addr) : NULL;
	const char *obj, *name;
	uint64_t off;

	if (mod)
		return m ? m->dum_start : addr;
	if (dt_usym_lookup(pid, addr, &obj, &name, &off) != 0 || !name)
		return addr;
	return addr - off;
}

int dt_usym_addr(pid_t pid, uint64_t addr, char *buf, size_t len)
{
	const char *obj, *name;
	uint64_t off;

	if (dt_usym_lookup(pid, addr, &obj, &name, &off) != 0)
		return snprintf(buf, len, "0x%" PRIx64, addr);
	if (!name)
		return snprintf(buf, len, "%s`0x%" PRIx64, obj, addr);
	if (off == 0)
		return snprintf(buf, len, "%s`%s", obj, name);
	return snprintf(buf, len, "%s`%s+0x%" PRIx64, obj, name, off);
}

int dt_usym_sym(pid_t pid, uint64_t addr, char *buf, size_t len)
{
	const char *obj, *name;
	uint64_t off;

	if (dt_usym_lookup(pid, addr, &obj, &name, &off) != 0)
		return snprintf(buf, len, "0x%" PRIx64, addr);
	if (!name)
		return snprintf(buf, len, "%s`0x%" PRIx64, obj, addr);
	return snprintf(buf, len, "%s`%s", obj, name);
}

int dt_usym_mod(pid_t pid, uint64_t addr, char *buf, size_t len)
{
	const char *obj, *name;
	uint64_t off;

	if (dt_usym_lookup(pid, addr, &obj, &name, &off) != 0)
		return snprintf(buf, len, "0x%" PRIx64, addr);
	return snprintf(buf, len, "%s", obj);
}
