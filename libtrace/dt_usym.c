// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * User-space symbolization: what usym(), ufunc(), umod(), uaddr() and
 * printf's %A print.
 *
 * Theory.  The module records the pid beside each user address (the
 * record is pid, address; kernel/dtk_probe.c).  When the record is
 * printed, the process's /proc/PID/maps names the file mapped at the
 * address and the file offset it maps; the file's program headers turn
 * that offset into the link-time virtual address, and its .symtab (or,
 * stripped, its .dynsym) names the function or object containing it.
 * A process that has exited by then, an anonymous mapping or an
 * unreadable file leaves less to say, and DTrace's fallbacks apply:
 * "object`0xaddr", then "0xaddr".  Nothing is cached: records are
 * printed once, and a process's mappings change under us anyway.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dt_usym.h"

/* The file mapped at addr: its path, and the file offset addr maps. */
static int dt_usym_map(pid_t pid, uint64_t addr, char *path, size_t pathlen,
		       uint64_t *foff)
{
	char name[64], line[4096];
	FILE *fp;
	int found = 0;

	snprintf(name, sizeof(name), "/proc/%d/maps", (int)pid);
	fp = fopen(name, "r");
	if (!fp)
		return 0;
	while (!found && fgets(line, sizeof(line), fp)) {
		unsigned long long lo, hi, off;
		char *p;
		int n = 0;
		size_t l;

		if (sscanf(line, "%llx-%llx %*s %llx %*s %*s %n", &lo, &hi, &off,
			   &n) < 3 || n == 0 || addr < lo || addr >= hi)
			continue;
		p = line + n;
		l = strcspn(p, "\n");
		p[l] = '\0';
		if (l > 10 && strcmp(p + l - 10, " (deleted)") == 0)
			p[l - 10] = '\0';
		if (p[0] != '/')
			break;	/* anonymous, [stack], [vdso], ... */
		snprintf(path, pathlen, "%s", p);
		*foff = addr - lo + off;
		found = 1;
	}
	fclose(fp);
	return found;
}

/* The symbol of elf containing the link-time address va. */
static int dt_usym_elfsym(Elf *elf, uint64_t va, char *sym, size_t symlen,
			  uint64_t *value)
{
	Elf_Scn *scn = NULL;
	int pass, found = 0;

	/* .symtab first: it has everything .dynsym has, and more. */
	for (pass = 0; pass < 2 && !found; pass++) {
		Elf64_Word want = pass == 0 ? SHT_SYMTAB : SHT_DYNSYM;
		GElf_Sym best;

		memset(&best, 0, sizeof(best));
		scn = NULL;
		while ((scn = elf_nextscn(elf, scn)) != NULL) {
			GElf_Shdr sh;
			Elf_Data *data;
			size_t i, n;

			if (!gelf_getshdr(scn, &sh) || sh.sh_type != want ||
			    !sh.sh_entsize)
				continue;
			data = elf_getdata(scn, NULL);
			if (!data)
				continue;
			n = sh.sh_size / sh.sh_entsize;
			for (i = 0; i < n; i++) {
				GElf_Sym s;
				const char *nm;
				int t;

				if (!gelf_getsym(data, (int)i, &s) ||
				    s.st_shndx == SHN_UNDEF || s.st_name == 0)
					continue;
				t = GELF_ST_TYPE(s.st_info);
				if (t != STT_FUNC && t != STT_OBJECT &&
				    t != STT_GNU_IFUNC)
					continue;
				if (va < s.st_value || (s.st_size ?
				    va >= s.st_value + s.st_size :
				    va != s.st_value))
					continue;
				if (found && s.st_value <= best.st_value)
					continue;
				nm = elf_strptr(elf, sh.sh_link, s.st_name);
				if (!nm)
					continue;
				snprintf(sym, symlen, "%s", nm);
				best = s;
				found = 1;
			}
		}
		if (found)
			*value = best.st_value;
	}
	return found;
}

int dt_usym_lookup(pid_t pid, uint64_t addr, char *obj, size_t objlen,
		   char *sym, size_t symlen, uint64_t *symaddr)
{
	char path[4096];
	const char *base;
	uint64_t foff, value;
	size_t i, nph;
	Elf *elf;
	int fd, ret = 1;

	if (pid <= 0 || !dt_usym_map(pid, addr, path, sizeof(path), &foff))
		return 0;
	base = strrchr(path, '/');
	snprintf(obj, objlen, "%s", base ? base + 1 : path);

	if (elf_version(EV_CURRENT) == EV_NONE)
		return 1;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 1;
	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (elf && elf_getphdrnum(elf, &nph) == 0) {
		for (i = 0; i < nph; i++) {
			GElf_Phdr ph;
			uint64_t va;

			if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_LOAD ||
			    foff < ph.p_offset || foff >= ph.p_offset + ph.p_filesz)
				continue;
			va = foff - ph.p_offset + ph.p_vaddr;
			if (dt_usym_elfsym(elf, va, sym, symlen, &value)) {
				*symaddr = addr - (va - value);
				ret = 2;
			}
			break;
		}
	}
	if (elf)
		elf_end(elf);
	close(fd);
	return ret;
}

void dt_usym_addr(pid_t pid, uint64_t addr, char *buf, size_t len)
{
	char obj[256], sym[512];
	uint64_t sa = 0;

	switch (dt_usym_lookup(pid, addr, obj, sizeof(obj), sym, sizeof(sym),
			       &sa)) {
	case 2:
		if (addr > sa)
			snprintf(buf, len, "%s`%s+0x%" PRIx64, obj, sym, addr - sa);
		else
			snprintf(buf, len, "%s`%s", obj, sym);
		break;
	case 1:
		snprintf(buf, len, "%s`0x%" PRIx64, obj, addr);
		break;
	default:
		snprintf(buf, len, "0x%" PRIx64, addr);
		break;
	}
}

void dt_usym_sym(pid_t pid, uint64_t addr, char *buf, size_t len)
{
	char obj[256], sym[512];
	uint64_t sa = 0;

	if (dt_usym_lookup(pid, addr, obj, sizeof(obj), sym, sizeof(sym),
			   &sa) == 2)
		addr = sa;
	dt_usym_addr(pid, addr, buf, len);
}

void dt_usym_mod(pid_t pid, uint64_t addr, char *buf, size_t len)
{
	char obj[256], sym[512];
	uint64_t sa;

	if (dt_usym_lookup(pid, addr, obj, sizeof(obj), sym, sizeof(sym), &sa))
		snprintf(buf, len, "%s", obj);
	else
		snprintf(buf, len, "0x%" PRIx64, addr);
}
