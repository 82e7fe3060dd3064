/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * dofbuild: DOF images built by hand for the kernel suite's programs
 * (core_dof, prov_fire), in the layout of <dtrace/dof.h>, so the module
 * is tested apart from the D compiler.  Sections are appended in order
 * (each 8-byte aligned); dofb_finish() puts the header, the section table
 * and the string table (the last section) in front of them:
 *
 *   +--------+---------------------+--------+---------------------------+
 *   | header | secs[0..n-1], strtab | strtab | section data, in order   |
 *   +--------+---------------------+--------+---------------------------+
 *
 * Header only (static inline), so prov_fire still links nothing.  A test
 * bug (too many sections, a string table overflow) aborts.
 */
#ifndef TEST_KMOD_DOFBUILD_H
#define TEST_KMOD_DOFBUILD_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <dtrace/abi.h>
#include <dtrace/dof.h>

#define DOFB_MAXSECS	16
#define DOFB_STRMAX	1024

/* A DOF under construction; start one with DOFB_INIT. */
struct dofb {
	char			*db_buf;	/* section data */
	size_t			db_len;
	struct dtrace_dof_sec	db_secs[DOFB_MAXSECS];
	uint32_t		db_nsecs;
	char			db_strtab[DOFB_STRMAX];	/* [0] is "" */
	size_t			db_strlen;
};

#define DOFB_INIT	{ .db_strlen = 1 }

/* Add s to the string table; "" is offset 0. */
static inline uint32_t dofb_str(struct dofb *d, const char *s)
{
	uint32_t off = (uint32_t)d->db_strlen;
	size_t n = strlen(s) + 1;

	if (n == 1)
		return 0;
	if (d->db_strlen + n > sizeof(d->db_strtab))
		abort();
	memcpy(d->db_strtab + off, s, n);
	d->db_strlen += n;
	return off;
}

/* Append a section of size bytes; returns its index. */
static inline uint32_t dofb_sec(struct dofb *d, uint32_t kind,
				uint32_t entsize, const void *data,
				size_t size)
{
	struct dtrace_dof_sec *s;

	if (d->db_nsecs == DOFB_MAXSECS - 1)	/* room for the strtab */
		abort();
	s = &d->db_secs[d->db_nsecs];
	d->db_len = (d->db_len + 7) & ~(size_t)7;
	d->db_buf = realloc(d->db_buf, d->db_len + size);
	if (d->db_buf == NULL)
		abort();
	memcpy(d->db_buf + d->db_len, data, size);
	memset(s, 0, sizeof(*s));
	s->dofs_kind = kind;
	s->dofs_align = 8;
	s->dofs_entsize = entsize;
	s->dofs_offset = d->db_len;
	s->dofs_size = size;
	d->db_len += size;
	return d->db_nsecs++;
}

/* A statement on prov:mod:func:name, no predicate, no actions yet. */
static inline void dofb_stmt(struct dofb *d, struct dtrace_dof_stmt *st,
			     const char *prov, const char *mod,
			     const char *func, const char *name)
{
	memset(st, 0, sizeof(*st));
	st->dofst_provider = dofb_str(d, prov);
	st->dofst_module = dofb_str(d, mod);
	st->dofst_function = dofb_str(d, func);
	st->dofst_name = dofb_str(d, name);
	st->dofst_pred = DTRACE_DOF_NONE;
	st->dofst_align = 8;
}

/* The image (malloc'ed, its size in *lenp); frees what d held. */
static inline void *dofb_finish(struct dofb *d, size_t *lenp)
{
	size_t hdrlen = sizeof(struct dtrace_dof_hdr) +
			(d->db_nsecs + 1) * sizeof(struct dtrace_dof_sec);
	size_t strpos = hdrlen;
	size_t datapos = (strpos + d->db_strlen + 7) & ~(size_t)7;
	size_t total = datapos + d->db_len;
	char *out = calloc(1, total);
	struct dtrace_dof_hdr *h = (void *)out;
	struct dtrace_dof_sec *secs = (void *)(out + sizeof(*h));
	uint32_t i;

	if (out == NULL)
		abort();
	h->dofh_magic[0] = DTRACE_DOF_MAG0;
	h->dofh_magic[1] = DTRACE_DOF_MAG1;
	h->dofh_magic[2] = DTRACE_DOF_MAG2;
	h->dofh_magic[3] = DTRACE_DOF_MAG3;
	h->dofh_version = DTRACE_DOF_VERSION;
	h->dofh_abi = DTRACE_ABI_VERSION;
	h->dofh_hdrsize = sizeof(*h);
	h->dofh_secsize = sizeof(*secs);
	h->dofh_secnum = d->db_nsecs + 1;
	h->dofh_secoff = sizeof(*h);
	h->dofh_loadsz = total;
	for (i = 0; i < d->db_nsecs; i++) {
		secs[i] = d->db_secs[i];
		secs[i].dofs_offset += datapos;
	}
	secs[d->db_nsecs].dofs_kind = DTRACE_DOF_SECT_STRTAB;
	secs[d->db_nsecs].dofs_align = 1;
	secs[d->db_nsecs].dofs_offset = strpos;
	secs[d->db_nsecs].dofs_size = d->db_strlen;
	memcpy(out + strpos, d->db_strtab, d->db_strlen);
	if (d->db_len)
		memcpy(out + datapos, d->db_buf, d->db_len);
	free(d->db_buf);
	d->db_buf = NULL;
	*lenp = total;
	return out;
}

#endif /* TEST_KMOD_DOFBUILD_H */
