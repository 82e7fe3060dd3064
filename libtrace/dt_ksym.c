// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Kernel symbolization from /proc/kallsyms.
 *
 * Theory.  The module records raw kernel addresses (stack() frames,
 * caller, sym() arguments); the consumer turns them into DTrace's
 * `module`function+0xoff` from the kernel's own symbol table, read once
 * per handle: every symbol of the core kernel ("vmlinux") and of the
 * loaded modules (kallsyms names them in brackets).  kallsyms gives no
 * sizes, so a symbol is taken to extend to the next one; an address
 * below the first symbol, or at or after the end of the last module's
 * last symbol region, is unknown and printed in hex.
 *
 * The table is one array sorted by address, searched by bisection.  Where
 * several names share an address, the one kept is a global text symbol
 * if there is one, else the first listed; the compiler's padding and
 * CFI markers (__pfx_*, __cfi_*) and absolute symbols are never chosen,
 * since no code runs "in" them.  Names point into the file's text, kept
 * for the life of the table.
 *
 * The compiler also looks symbols up by name (kernel variables, `jiffies):
 * a second array keeps every symbol the file lists, in the file's order,
 * absolute ones too (per-CPU variables are absolute offsets), searched
 * linearly, since a program names few of them.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dt_ksym.h"

struct dt_ksym {
	uint64_t	dks_addr;
	uint64_t	dks_run;	/* where its module's run of
					 * symbols starts: mod() keys */
	const char	*dks_name;
	const char	*dks_mod;
	char		dks_type;
};

struct dt_ksyms {
	char		*dkt_text;
	struct dt_ksym	*dkt_syms;
	size_t		dkt_n;
	struct dt_ksym	*dkt_all;	/* every symbol, in the file's order */
	size_t		dkt_nall;
};

/* The whole file: /proc files have no size, so read until EOF. */
static char *dt_ksym_slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	size_t cap = 1 << 20, len = 0, n;
	char *buf, *nbuf;

	if (!f)
		return NULL;
	buf = malloc(cap);
	while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len < 4096) {
			nbuf = realloc(buf, cap * 2);
			if (!nbuf) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nbuf;
			cap *= 2;
		}
	}
	fclose(f);
	if (buf)
		buf[len] = '\0';
	return buf;
}

static int dt_ksym_cmp(const void *a, const void *b)
{
	const struct dt_ksym *x = a, *y = b;

	if (x->dks_addr != y->dks_addr)
		return x->dks_addr < y->dks_addr ? -1 : 1;
	/* Keep the file's order among equals: stable by pointer. */
	return x->dks_name < y->dks_name ? -1 : x->dks_name > y->dks_name;
}

/* Never chosen for display: padding, CFI and absolute symbols. */
static int dt_ksym_hidden(const char *name, char type)
{
	return type == 'a' || type == 'A' || type == 'U' ||
	       strncmp(name, "__pfx_", 6) == 0 ||
	       strncmp(name, "__cfi_", 6) == 0;
}

/* Rank among symbols at one address: global text first. */
static int dt_ksym_rank(const struct dt_ksym *s)
{
	if (s->dks_type == 'T')
		return 0;
	if (s->dks_type == 't' || s->dks_type == 'W' || s->dks_type == 'w')
		return 1;
	return 2;
}

dt_ksyms_t *dt_ksym_open(const char *path)
{
	dt_ksyms_t *ks = calloc(1, sizeof(*ks));
	size_t cap = 0, i, j;
	char *p, *line;

	if (!ks)
		return NULL;
	ks->dkt_text = dt_ksym_slurp(path ? path : "/proc/kallsyms");
	if (!ks->dkt_text) {
		free(ks);
		return NULL;
	}
	for (p = ks->dkt_text; *p; p++)
		cap += *p == '\n';
	ks->dkt_syms = calloc(cap + 1, sizeof(*ks->dkt_syms));
	ks->dkt_all = calloc(cap + 1, sizeof(*ks->dkt_all));
	if (!ks->dkt_syms || !ks->dkt_all) {
		dt_ksym_close(ks);
		errno = ENOMEM;
		return NULL;
	}
	p = ks->dkt_text;
	while ((line = strsep(&p, "\n")) != NULL) {
		char *addr, *type, *name, *mod;
		struct dt_ksym *s;

		addr = strsep(&line, " ");
		type = strsep(&line, " ");
		name = strsep(&line, "\t ");
		if (!addr || !type || !name || !*name)
			continue;
		mod = line ? strchr(line, '[') : NULL;
		if (mod) {
			mod++;
			mod[strcspn(mod, "]")] = '\0';
		}
		s = &ks->dkt_syms[ks->dkt_n];
		s->dks_addr = strtoull(addr, NULL, 16);
		s->dks_type = type[0];
		s->dks_name = name;
		s->dks_mod = mod ? mod : "vmlinux";
		if (s->dks_type != 'U' && s->dks_type != 'u')
			ks->dkt_all[ks->dkt_nall++] = *s;
		if (s->dks_addr == 0 || dt_ksym_hidden(name, s->dks_type))
			continue;
		ks->dkt_n++;
	}
	qsort(ks->dkt_syms, ks->dkt_n, sizeof(*ks->dkt_syms), dt_ksym_cmp);
	/* One symbol per address: the best ranked, the first among equals. */
	for (i = 0, j = 0; i < ks->dkt_n; i++) {
		if (j && ks->dkt_syms[j - 1].dks_addr == ks->dkt_syms[i].dks_addr) {
			if (dt_ksym_rank(&ks->dkt_syms[i]) <
			    dt_ksym_rank(&ks->dkt_syms[j - 1]))
				ks->dkt_syms[j - 1] = ks->dkt_syms[i];
			continue;
		}
		ks->dkt_syms[j++] = ks->dkt_syms[i];
	}
	ks->dkt_n = j;
	for (i = 0; i < ks->dkt_n; i++)
		ks->dkt_syms[i].dks_run = i && strcmp(ks->dkt_syms[i].dks_mod,
			ks->dkt_syms[i - 1].dks_mod) == 0 ?
			ks->dkt_syms[i - 1].dks_run : ks->dkt_syms[i].dks_addr;
	return ks;
}

void dt_ksym_close(dt_ksyms_t *ks)
{
	if (!ks)
		return;
	free(ks->dkt_text);
	free(ks->dkt_syms);
	free(ks->dkt_all);
	free(ks);
}

/* The symbol containing addr, or NULL. */
static const struct dt_ksym *dt_ksym_find(const dt_ksyms_t *ks, uint64_t addr)
{
	size_t lo = 0, hi = ks ? ks->dkt_n : 0;
	const struct dt_ksym *s;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ks->dkt_syms[mid].dks_addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	s = &ks->dkt_syms[lo - 1];
	/*
	 * The last symbol of a module (or of the kernel) has no end: past
	 * a page beyond it, call the address unknown rather than guess.
	 */
	if (lo == ks->dkt_n && addr - s->dks_addr >= 4096)
		return NULL;
	if (lo < ks->dkt_n && strcmp(ks->dkt_syms[lo].dks_mod, s->dks_mod) != 0 &&
	    addr - s->dks_addr >= (1u << 20))
		return NULL;
	return s;
}

int dt_ksym_lookup(const dt_ksyms_t *ks, uint64_t addr, const char **mod,
		   const char **name, uint64_t *off)
{
	const struct dt_ksym *s = dt_ksym_find(ks, addr);

	if (!s)
		return -1;
	*mod = s->dks_mod;
	*name = s->dks_name;
	*off = addr - s->dks_addr;
	return 0;
}

int dt_ksym_byname(const dt_ksyms_t *ks, const char *mod, const char *name,
		   uint64_t *addrp, char *typep)
{
	size_t i;

	for (i = 0; ks && i < ks->dkt_nall; i++) {
		const struct dt_ksym *s = &ks->dkt_all[i];

		if (strcmp(s->dks_name, name) != 0 ||
		    (mod && strcmp(s->dks_mod, mod) != 0))
			continue;
		*addrp = s->dks_addr;
		*typep = s->dks_type;
		return 0;
	}
	return -1;
}

int dt_ksym_addr(const dt_ksyms_t *ks, uint64_t addr, char *buf, size_t len)
{
	const char *mod, *name;
	uint64_t off;

	if (dt_ksym_lookup(ks, addr, &mod, &name, &off) != 0)
		return snprintf(buf, len, "0x%" PRIx64, addr);
	if (off == 0)
		return snprintf(buf, len, "%s`%s", mod, name);
	return snprintf(buf, len, "%s`%s+0x%" PRIx64, mod, name, off);
}

int dt_ksym_sym(const dt_ksyms_t *ks, uint64_t addr, char *buf, size_t len)
{
	const char *mod, *name;
	uint64_t off;

	if (dt_ksym_lookup(ks, addr, &mod, &name, &off) != 0)
		return snprintf(buf, len, "0x%" PRIx64, addr);
	return snprintf(buf, len, "%s`%s", mod, name);
}

int dt_ksym_mod(const dt_ksyms_t *ks, uint64_t addr, char *buf, size_t len)
{
	const char *mod, *name;
	uint64_t off;

	if (dt_ksym_lookup(ks, addr, &mod, &name, &off) != 0)
		return snprintf(buf, len, "0x%" PRIx64, addr);
	return snprintf(buf, len, "%s", mod);
}

uint64_t dt_ksym_keyaddr(const dt_ksyms_t *ks, uint64_t addr, int mod)
{
	const struct dt_ksym *s = dt_ksym_find(ks, addr);

	if (!s)
		return addr;
	return mod ? s->dks_run : s->dks_addr;
}

const dt_ksyms_t *dt_ksym_kernel(void)
{
	static dt_ksyms_t *kernel;
	static int tried;

	if (!tried) {
		tried = 1;
		kernel = dt_ksym_open(getenv("DTRACE_KALLSYMS"));
	}
	return kernel;
}

void dt_ksym_print_stack(FILE *fp, const uint64_t *pcs, size_t n, int indent)
{
	const dt_ksyms_t *ks = dt_ksym_kernel();
	char buf[512];
	size_t i;

	fputc('\n', fp);
	for (i = 0; i < n && pcs[i]; i++) {
		dt_ksym_addr(ks, pcs[i], buf, sizeof(buf));
		fprintf(fp, "%*s%s\n", indent, "", buf);
	}
}
