// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * dof_mutate: the module's DOF validation against mutants of real DOFs.
 *
 * It asserts that dtrace.ko survives at least N (default 10,000) mutated
 * DOFs submitted through DTRACE_IOC_ENABLE: each is refused with an errno
 * or, if accepted, runs safely: accepted mutants are kept in batches of
 * BATCH (default 8) enablings of one descriptor, and one batch in GO_EVERY
 * (default 2) runs (GO, a snapshot of each CPU's buffers, STOP) before the
 * descriptor is closed, the others are torn down by the close alone (the
 * run must stay short under emulation); and that a valid program still
 * enables and runs afterwards.
 *
 *   dof_mutate [-s SEED] [-n COUNT] [-b BATCH] [-g GO_EVERY] DIR
 *
 * The corpus: every DIR/<topic>/tst.*.d that the compiler accepts without
 * the module (DTRACE_O_NODEV), that is not destructive (-w: panic(),
 * raise(), stop() would do what they say), whose probe descriptions are all BEGIN,
 * END, ERROR or profile's tick-N and profile-N (so nothing fires often,
 * or on every function), and whose DOF the module accepts as it is (with
 * the providers named: see explicit_providers()).  Mutations, from a
 * deterministic PRNG with a printed seed, know the layout of the DOF they
 * mutate (include/dtrace/dof.h, dif.h): flipped bits and bytes, truncation,
 * garbage appended, header and section-table fields set to edge values,
 * sections swapped, string-table offsets past the end, statement, action,
 * record, aggregation and option fields corrupted, records made to
 * overlap, and DIF instructions, headers and variable tables corrupted
 * (the DIF object must still parse for the verifier to see it).
 *
 * A mutant whose statements, read as the module reads them, name probes
 * other than the corpus's (say "fbt:::" after a string moved) is a valid
 * program for other probes, and is not submitted: enabling every kernel
 * function is the providers' tests' business.
 *
 * Refusals are counted by validation stage, from the module's message
 * (kernel/dtk_dof.c names the section, statement, action or aggregation
 * at fault); an errno without a message after the DOF was loaded is the
 * probe-matching stage (kernel/dtk_state.c).  The counts are TAP comments.
 *
 * Last, two valid DOFs that ask for more buffer memory than the machine
 * has (bufsize, aggsize of 1 GiB) must be refused, or shrunk, at GO rather
 * than meet the OOM killer (see huge_buffers()).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <dtrace/abi.h>
#include <dtrace/dof.h>
#include <dtrace/dif.h>
#include "dtrace.h"

#define MAXCORPUS	64
#define MAXDESCS	32

/* ---- The PRNG: xorshift64*, so a seed replays the same run anywhere. */

static uint64_t rng_state;

static uint64_t rnd64(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

/* Uniform enough in [0, n); n > 0. */
static uint32_t rnd(uint32_t n)
{
	return (uint32_t)((rnd64() >> 32) % n);
}

/* ---- The corpus ------------------------------------------------------ */

/* A probe description, as the four strings of a statement. */
struct desc {
	char d_part[4][DTRACE_FUNCNAMELEN];
};

/* Where things are in a valid DOF: the mutators aim with this. */
struct layout {
	const struct dtrace_dof_sec *l_secs;	/* in the base image */
	uint32_t l_nsecs;
	uint64_t l_off[8], l_size[8];		/* by section kind (tables) */
	uint32_t l_difo[256];			/* DIFO section indexes */
	uint32_t l_ndifo;
};

struct base {
	char *b_name;
	void *b_dof;
	size_t b_len;
	struct layout b_lay;
};

static struct base corpus[MAXCORPUS];
static int ncorpus;
static struct desc safe_descs[MAXDESCS];
static int nsafe;

static void lay_parse(const struct base *b, struct layout *l)
{
	const struct dtrace_dof_hdr *h = b->b_dof;
	uint32_t i;

	memset(l, 0, sizeof(*l));
	l->l_secs = (const void *)((const char *)b->b_dof + h->dofh_secoff);
	l->l_nsecs = h->dofh_secnum;
	for (i = 0; i < l->l_nsecs; i++) {
		const struct dtrace_dof_sec *s = &l->l_secs[i];

		if (s->dofs_kind == DTRACE_DOF_SECT_DIFO) {
			if (l->l_ndifo < 256)
				l->l_difo[l->l_ndifo++] = i;
		} else if (s->dofs_kind < 8) {
			l->l_off[s->dofs_kind] = s->dofs_offset;
			l->l_size[s->dofs_kind] = s->dofs_size;
		}
	}
}

/*
 * The probe descriptions of a DOF as the module would read them (the
 * first STMTS and STRTAB sections; the module refuses duplicates), or -1
 * when they cannot be read, which the module refuses too.  Deliberately
 * no stricter than the module, so that nothing it could accept escapes
 * the safety check.
 */
static int dof_descs(const void *dof, size_t len, struct desc *out, int max)
{
	const struct dtrace_dof_hdr *h = dof;
	const struct dtrace_dof_sec *secs, *st = NULL, *str = NULL;
	const char *d = dof;
	uint32_t i, k;
	int n = 0;

	if (len < sizeof(*h) || h->dofh_secoff > len ||
	    (uint64_t)h->dofh_secnum * sizeof(*secs) > len - h->dofh_secoff ||
	    h->dofh_secoff % 8)
		return -1;
	secs = (const void *)(d + h->dofh_secoff);
	for (i = 0; i < h->dofh_secnum; i++) {
		if (secs[i].dofs_offset > len ||
		    secs[i].dofs_size > len - secs[i].dofs_offset)
			return -1;
		if (secs[i].dofs_kind == DTRACE_DOF_SECT_STMTS && !st)
			st = &secs[i];
		if (secs[i].dofs_kind == DTRACE_DOF_SECT_STRTAB && !str)
			str = &secs[i];
	}
	if (!st || !str || !str->dofs_size ||
	    d[str->dofs_offset + str->dofs_size - 1])
		return -1;
	for (i = 0; i + sizeof(struct dtrace_dof_stmt) <= st->dofs_size;
	     i += sizeof(struct dtrace_dof_stmt)) {
		struct dtrace_dof_stmt s;
		uint32_t off[4];

		if (n == max)
			return -2;		/* more than we can check */
		memcpy(&s, d + st->dofs_offset + i, sizeof(s));
		memset(&out[n], 0, sizeof(out[n]));	/* compared whole */
		off[0] = s.dofst_provider;
		off[1] = s.dofst_module;
		off[2] = s.dofst_function;
		off[3] = s.dofst_name;
		for (k = 0; k < 4; k++) {
			if (off[k] >= str->dofs_size)
				return -1;
			snprintf(out[n].d_part[k], sizeof(out[n].d_part[k]), "%s",
				 d + str->dofs_offset + off[k]);
		}
		n++;
	}
	return n;
}

/* dtrace:::anything, or exactly one of the corpus's descriptions. */
static bool desc_safe(const struct desc *ds)
{
	int i;

	if (strcmp(ds->d_part[0], "dtrace") == 0)
		return true;
	for (i = 0; i < nsafe; i++)
		if (memcmp(ds, &safe_descs[i], sizeof(*ds)) == 0)
			return true;
	return false;
}

/*
 * What the corpus may enable: BEGIN, END and ERROR, and profile's tick-*
 * and profile-* (the compiler leaves the provider empty, as DTrace does
 * for BEGIN), no globs.
 */
static bool desc_corpus_ok(const struct desc *ds)
{
	const char *prov = ds->d_part[0], *name = ds->d_part[3];
	int k;

	for (k = 0; k < 4; k++)
		if (strpbrk(ds->d_part[k], "*?[\\"))
			return false;
	if (ds->d_part[1][0] || ds->d_part[2][0])
		return false;
	if (!strcmp(prov, "dtrace") || !prov[0])
		if (!strcmp(name, "BEGIN") || !strcmp(name, "END") ||
		    !strcmp(name, "ERROR"))
			return true;
	return (!strcmp(prov, "profile") || !prov[0]) &&
	       (!strncmp(name, "tick-", 5) || !strncmp(name, "profile-", 8));
}

static bool dof_safe(const void *dof, size_t len)
{
	struct desc ds[MAXDESCS];
	int n = dof_descs(dof, len, ds, MAXDESCS), i;

	if (n == -1)
		return true;		/* unreadable: the module refuses it */
	if (n < 0)
		return false;
	for (i = 0; i < n; i++)
		if (!desc_safe(&ds[i]))
			return false;
	return true;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* DIR/<topic>/tst.*.d, sorted, so the corpus (and a seed) replays. */
static int find_tests(const char *dir, char ***out)
{
	DIR *top = opendir(dir), *sub;
	struct dirent *e, *f;
	char **v = NULL;
	int n = 0;

	if (!top)
		return -1;
	while ((e = readdir(top))) {
		char path[512];

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		sub = opendir(path);
		if (!sub)
			continue;
		while ((f = readdir(sub))) {
			size_t l = strlen(f->d_name);

			if (strncmp(f->d_name, "tst.", 4) || l < 6 ||
			    strcmp(f->d_name + l - 2, ".d"))
				continue;
			v = realloc(v, (n + 1) * sizeof(*v));
			if (!v || asprintf(&v[n], "%s/%s", path, f->d_name) < 0)
				exit(2);
			n++;
		}
		closedir(sub);
	}
	closedir(top);
	qsort(v, n, sizeof(*v), name_cmp);
	*out = v;
	return n;
}

/* Compile one test without the module; its DOF, or NULL. */
static void *compile(const char *path, size_t *lenp)
{
	int err;
	dtrace_hdl_t *cc = dtrace_open(DTRACE_O_NODEV, &err);
	char *argv[1] = { (char *)path };
	dtrace_prog_t *pgp;
	void *dof = NULL;
	FILE *fp;

	if (!cc)
		return NULL;
	fp = fopen(path, "r");
	if (fp) {
		pgp = dtrace_program_fcompile(cc, fp, path, DTRACE_C_ZDEFS |
					      DTRACE_C_DEFARG | DTRACE_C_ARGREF,
					      1, argv);
		if (pgp) {
			if (dtrace_program_dof(cc, pgp, &dof, lenp) != 0)
				dof = NULL;
			dtrace_program_destroy(cc, pgp);
		}
		fclose(fp);
	}
	dtrace_close(cc);
	return dof;
}

/*
 * Name the providers the compiler left empty (":::BEGIN" is
 * "dtrace:::BEGIN", ":::tick-1s" "profile:::tick-1s"), by moving the
 * string table to the end of the image with the two names added.  An
 * empty provider could name an fbt probe: the module would then list
 * every traceable function and match each enabling against them all,
 * which under emulation costs more than the whole validation; the
 * mutants are about the DOF, not about matching.  The old table's bytes
 * stay behind, unreferenced, as the module allows.
 */
static void *explicit_providers(void *dof, size_t *lenp)
{
	static const char extra[] = "dtrace\0profile";
	struct dtrace_dof_hdr *h = dof;
	struct dtrace_dof_sec *secs, *str = NULL, *st = NULL;
	size_t len = *lenp, newoff = (len + 7) & ~(size_t)7, newlen;
	uint64_t oldsz;
	uint32_t i, dt, pr, si, ti;
	char *d, *tab;

	secs = (void *)((char *)dof + h->dofh_secoff);
	for (i = 0; i < h->dofh_secnum; i++) {
		if (secs[i].dofs_kind == DTRACE_DOF_SECT_STRTAB)
			str = &secs[i];
		if (secs[i].dofs_kind == DTRACE_DOF_SECT_STMTS)
			st = &secs[i];
	}
	if (!str || !st)
		return dof;
	si = (uint32_t)(str - secs);
	ti = (uint32_t)(st - secs);
	oldsz = str->dofs_size;
	newlen = (newoff + oldsz + sizeof(extra) + 7) & ~(size_t)7;
	d = calloc(1, newlen);
	if (!d)
		exit(2);
	memcpy(d, dof, len);
	memcpy(d + newoff, d + str->dofs_offset, oldsz);
	memcpy(d + newoff + oldsz, extra, sizeof(extra));
	free(dof);
	h = (void *)d;
	secs = (void *)(d + h->dofh_secoff);
	str = &secs[si];
	st = &secs[ti];
	str->dofs_offset = newoff;
	str->dofs_size = oldsz + sizeof(extra);
	h->dofh_loadsz = newlen;
	tab = d + newoff;
	dt = (uint32_t)oldsz;
	pr = dt + 7;
	for (i = 0; i + sizeof(struct dtrace_dof_stmt) <= st->dofs_size;
	     i += sizeof(struct dtrace_dof_stmt)) {
		struct dtrace_dof_stmt *s = (void *)(d + st->dofs_offset + i);
		const char *name = tab + s->dofst_name;

		if (tab[s->dofst_provider])
			continue;
		s->dofst_provider = strncmp(name, "tick-", 5) &&
				    strncmp(name, "profile-", 8) ? dt : pr;
	}
	*lenp = newlen;
	return d;
}

/* ---- The device, spoken to directly ---------------------------------- */

static uint32_t ncpus = 1;

static int dev_open(void)
{
	struct dtrace_ioc_handshake hs;
	int fd = open(DTRACE_DEVICE, O_RDWR | O_CLOEXEC);

	if (fd < 0) {
		perror("dof_mutate: " DTRACE_DEVICE);
		exit(1);
	}
	memset(&hs, 0, sizeof(hs));
	hs.dh_user_abi = DTRACE_ABI_VERSION;
	hs.dh_user_required = DTRACE_FEAT_ALL;
	if (ioctl(fd, DTRACE_IOC_HANDSHAKE, &hs) != 0) {
		perror("dof_mutate: handshake");
		exit(1);
	}
	ncpus = hs.dh_ncpus ? hs.dh_ncpus : 1;
	return fd;
}

/* Enable a DOF: 0 and the probes matched, or the errno and message. */
static int dev_enable(int fd, const void *dof, size_t len, char *msg,
		      size_t msglen, uint32_t *nprobes)
{
	struct dtrace_ioc_enable de;

	memset(&de, 0, sizeof(de));
	msg[0] = '\0';
	de.de_dof = (uintptr_t)dof;
	de.de_dofsize = len;
	de.de_errmsg = (uintptr_t)msg;
	de.de_errmsglen = (uint32_t)msglen;
	if (ioctl(fd, DTRACE_IOC_ENABLE, &de) != 0)
		return errno;
	*nprobes = de.de_nprobes;
	return 0;
}

static char *snapbuf;
static size_t snapbufsize;

/*
 * Run what was accepted: GO (BEGIN fires), take each CPU's principal and
 * aggregation buffers, STOP (END fires).  A GO refused with an errno
 * (memory, a dynamic-variable store too small) is fine; a STOP refused
 * after a GO is not.  Returns -1 only for that.
 */
static int dev_run(int fd, int *went)
{
	struct dtrace_ioc_go dg;
	struct dtrace_ioc_stop ds;
	struct dtrace_ioc_bufsnap db;
	uint32_t cpu;

	*went = 0;
	memset(&dg, 0, sizeof(dg));
	if (ioctl(fd, DTRACE_IOC_GO, &dg) != 0)
		return 0;
	*went = 1;
	if (dg.dg_bufsize <= (64U << 20)) {
		if (snapbufsize < dg.dg_bufsize) {
			free(snapbuf);
			snapbufsize = dg.dg_bufsize;
			snapbuf = malloc(snapbufsize);
		}
		for (cpu = 0; snapbuf && cpu < ncpus; cpu++) {
			memset(&db, 0, sizeof(db));
			db.db_cpu = cpu;
			db.db_data = (uintptr_t)snapbuf;
			db.db_size = dg.dg_bufsize;
			(void)ioctl(fd, DTRACE_IOC_BUFSNAP, &db);
			memset(&db, 0, sizeof(db));
			db.db_cpu = cpu;
			db.db_data = (uintptr_t)snapbuf;
			db.db_size = dg.dg_bufsize;
			(void)ioctl(fd, DTRACE_IOC_AGGSNAP, &db);
		}
	}
	memset(&ds, 0, sizeof(ds));
	if (ioctl(fd, DTRACE_IOC_STOP, &ds) != 0) {
		fprintf(stderr, "dof_mutate: STOP after GO: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

/* ---- Stages ------------------------------------------------------------ */

enum stage {
	ST_HEADER, ST_SECTIONS, ST_STRTAB, ST_OPTIONS, ST_STMTS, ST_ACTIONS,
	ST_RECORDS, ST_AGGS, ST_DIFPARSE, ST_DIFVERIFY, ST_VARS, ST_MATCH,
	ST_OTHER, ST_ACCEPTED, ST_COUNT
};

static const char *const stage_names[ST_COUNT] = {
	"header", "section table", "strtab", "options", "statements",
	"actions", "records", "aggs", "DIF object (parse)", "DIF verifier",
	"variables", "probe matching", "other", "accepted",
};

static bool has(const char *msg, const char *s)
{
	return strstr(msg, s) != NULL;
}

/* The stage a refusal came from, by kernel/dtk_dof.c's messages. */
static enum stage classify(const char *msg)
{
	if (!msg[0])
		return ST_MATCH;	/* loaded, then refused while matching */
	if (has(msg, "refused at instruction"))
		return ST_DIFVERIFY;
	if (has(msg, "DIF object:"))
		return ST_DIFPARSE;
	if (has(msg, "string table") || has(msg, "probe description") ||
	    has(msg, "format string"))
		return ST_STRTAB;
	if (has(msg, "variable id"))
		return ST_VARS;
	if (strncmp(msg, "aggregation", 11) == 0 || has(msg, "aggregations"))
		return ST_AGGS;
	if (has(msg, "DOF section") || has(msg, "DOF has two"))
		return ST_SECTIONS;
	if (strncmp(msg, "DOF has no statements", 21) == 0)
		return ST_STMTS;
	if (strncmp(msg, "DOF", 3) == 0)
		return ST_HEADER;
	if (has(msg, "option") || has(msg, "out of range") ||
	    has(msg, "bufpolicy") || has(msg, "bufresize"))
		return strncmp(msg, "statement", 9) == 0 ? ST_STMTS : ST_OPTIONS;
	if (has(msg, "record") || has(msg, "stack()"))
		return ST_RECORDS;
	if (has(msg, "action") && strncmp(msg, "statement", 9) == 0)
		return ST_ACTIONS;
	if (strncmp(msg, "statement", 9) == 0)
		return ST_STMTS;
	return ST_OTHER;
}

/* ---- Mutators ---------------------------------------------------------- */

/* A mutant under construction: grows as needed. */
struct mut {
	char *m_d;
	size_t m_len, m_cap;
	const struct base *m_b;
};

static void put8(struct mut *m, uint64_t off, uint8_t v)
{
	if (off < m->m_len)
		m->m_d[off] = (char)v;
}

static void put16(struct mut *m, uint64_t off, uint16_t v)
{
	if (off + 2 <= m->m_len)
		memcpy(m->m_d + off, &v, 2);
}

static void put32(struct mut *m, uint64_t off, uint32_t v)
{
	if (off + 4 <= m->m_len)
		memcpy(m->m_d + off, &v, 4);
}

static void put64(struct mut *m, uint64_t off, uint64_t v)
{
	if (off + 8 <= m->m_len)
		memcpy(m->m_d + off, &v, 8);
}

static uint32_t get32(const struct mut *m, uint64_t off)
{
	uint32_t v = 0;

	if (off + 4 <= m->m_len)
		memcpy(&v, m->m_d + off, 4);
	return v;
}

/* Edge values for a 32-bit field; ctx is a count or size that matters. */
static uint32_t edge32(uint32_t ctx)
{
	static const uint32_t v[] = {
		0, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 48, 56, 64, 0x7f, 0x80,
		0xff, 0x100, 0xfff, 0x1000, 0xffff, 0x10000, 0x7fffffff,
		0x80000000, 0xfffffffe, 0xffffffff,
	};

	switch (rnd(4)) {
	case 0:
		return ctx + rnd(3) - 1;
	case 1:
		return (uint32_t)rnd64();
	default:
		return v[rnd(sizeof(v) / sizeof(v[0]))];
	}
}

static uint64_t edge64(uint64_t ctx)
{
	static const uint64_t v[] = {
		0, 1, 4, 8, 64, 0xffffffffULL, 0x100000000ULL,
		0x7fffffffffffffffULL, 0x8000000000000000ULL,
		0xfffffffffffffff8ULL, ~0ULL,
	};

	switch (rnd(4)) {
	case 0:
		return ctx + rnd(17) - 8;
	case 1:
		return rnd64();
	default:
		return v[rnd(sizeof(v) / sizeof(v[0]))];
	}
}

static const struct layout *lay(const struct mut *m)
{
	return &m->m_b->b_lay;
}

/* The byte offset of entry i of a table section of the base. */
static bool table_pick(const struct mut *m, uint32_t kind, size_t entsize,
		       uint64_t *off, uint32_t *n)
{
	const struct layout *l = lay(m);

	*n = (uint32_t)(l->l_size[kind] / entsize);
	if (!*n)
		return false;
	*off = l->l_off[kind] + (uint64_t)rnd(*n) * entsize;
	return true;
}

static uint64_t sec_off(const struct mut *m, uint32_t i)
{
	const struct dtrace_dof_hdr *h = (const void *)m->m_b->b_dof;

	return h->dofh_secoff + (uint64_t)i * sizeof(struct dtrace_dof_sec);
}

static void mut_bits(struct mut *m)
{
	uint32_t i, n = 1 + rnd(8);

	for (i = 0; i < n; i++)
		m->m_d[rnd((uint32_t)m->m_len)] ^= (char)(1 << rnd(8));
}

static void mut_bytes(struct mut *m)
{
	uint32_t i, n = 1 + rnd(4);

	for (i = 0; i < n; i++)
		m->m_d[rnd((uint32_t)m->m_len)] = (char)rnd(256);
}

static void mut_trunc(struct mut *m)
{
	if (rnd(4) == 0)
		m->m_len = rnd((uint32_t)m->m_len);
	else		/* keep the header, fix the load size: reach further */
		m->m_len = 64 + rnd((uint32_t)m->m_len - 64);
	put64(m, offsetof(struct dtrace_dof_hdr, dofh_loadsz), m->m_len);
}

static void mut_extend(struct mut *m)
{
	uint32_t i, n = 1 + rnd(512);

	if (m->m_len + n > m->m_cap) {
		m->m_cap = m->m_len + n;
		m->m_d = realloc(m->m_d, m->m_cap);
		if (!m->m_d)
			exit(2);
	}
	for (i = 0; i < n; i++)
		m->m_d[m->m_len + i] = rnd(2) ? 0 : (char)rnd(256);
	m->m_len += n;
	if (rnd(4))
		put64(m, offsetof(struct dtrace_dof_hdr, dofh_loadsz), m->m_len);
}

static void mut_header(struct mut *m)
{
	static const struct { uint32_t off, size; } f[] = {
		{ 0, 4 }, { 4, 4 }, { 8, 4 }, { 12, 4 }, { 16, 4 }, { 20, 4 },
		{ 24, 8 }, { 32, 8 }, { 40, 4 }, { 44, 4 }, { 48, 8 }, { 56, 8 },
	};
	uint32_t k = rnd(sizeof(f) / sizeof(f[0]));

	if (f[k].size == 4)
		put32(m, f[k].off, edge32(get32(m, f[k].off)));
	else
		put64(m, f[k].off, edge64(m->m_len));
}

/* A section-table field set to an edge value or to another's. */
static void mut_section(struct mut *m)
{
	uint32_t n = lay(m)->l_nsecs, i = rnd(n), j = rnd(n);
	uint64_t o = sec_off(m, i), oj = sec_off(m, j);
	uint32_t fld = rnd(6);

	switch (fld) {
	case 0:		/* kind */
		put32(m, o, rnd(3) ? rnd(9) : edge32(7));
		break;
	case 1:		/* align */
		put32(m, o + 4, rnd(2) ? rnd(17) : edge32(8));
		break;
	case 2:		/* entsize */
		put32(m, o + 8, rnd(2) ? get32(m, oj + 8) : edge32(24));
		break;
	case 3:		/* pad */
		put32(m, o + 12, 1 + rnd(255));
		break;
	case 4:		/* offset: another's, past the end, misaligned, huge */
		if (rnd(2)) {
			uint64_t v;

			memcpy(&v, m->m_d + oj + 16, 8);
			put64(m, o + 16, v + (rnd(2) ? 0 : rnd(9)));
		} else {
			put64(m, o + 16, edge64(m->m_len));
		}
		break;
	default:	/* size: bigger, smaller, huge, not a multiple */
		if (rnd(2)) {
			uint64_t v;

			memcpy(&v, m->m_d + o + 24, 8);
			put64(m, o + 24, v + rnd(65) - 32);
		} else {
			put64(m, o + 24, edge64(m->m_len));
		}
		break;
	}
}

/* Two section-table entries swapped whole, or only their kinds. */
static void mut_secswap(struct mut *m)
{
	uint32_t n = lay(m)->l_nsecs, i = rnd(n), j = rnd(n);
	struct dtrace_dof_sec a, b;
	uint64_t oi = sec_off(m, i), oj = sec_off(m, j);

	memcpy(&a, m->m_d + oi, sizeof(a));
	memcpy(&b, m->m_d + oj, sizeof(b));
	if (rnd(2)) {
		uint32_t k = a.dofs_kind;

		a.dofs_kind = b.dofs_kind;
		b.dofs_kind = k;
	} else if (rnd(2)) {
		b.dofs_kind = a.dofs_kind;	/* a second section of a kind */
	}
	memcpy(m->m_d + oi, &b, sizeof(b));
	memcpy(m->m_d + oj, &a, sizeof(a));
}

/*
 * String-table offsets past the end (or on its last NUL), or the table
 * itself broken: its last byte, its first, its size.
 */
static void mut_strtab(struct mut *m)
{
	const struct layout *l = lay(m);
	uint64_t strsz = l->l_size[DTRACE_DOF_SECT_STRTAB], off;
	uint32_t n, past = (uint32_t)strsz + (rnd(2) ? 0 : rnd(64));
	uint32_t i, val;

	val = rnd(4) == 0 ? edge32((uint32_t)strsz) : past;
	switch (rnd(5)) {
	case 0:		/* a probe description part */
		if (table_pick(m, DTRACE_DOF_SECT_STMTS,
			       sizeof(struct dtrace_dof_stmt), &off, &n))
			put32(m, off + 4 * rnd(4), val);
		break;
	case 1:		/* a printf/printa format, or any action's arg */
		if (!table_pick(m, DTRACE_DOF_SECT_ACTIONS,
				sizeof(struct dtrace_dof_action), &off, &n))
			break;
		for (i = 0; i < n; i++) {
			uint64_t o = l->l_off[DTRACE_DOF_SECT_ACTIONS] +
				     (uint64_t)i * sizeof(struct dtrace_dof_action);
			uint32_t k = get32(m, o);

			if (k == DTRACE_DOFACT_PRINTF || k == DTRACE_DOFACT_PRINTA) {
				off = o;
				break;
			}
		}
		put64(m, off + 16, val);
		break;
	case 2:		/* an aggregation's name */
		if (table_pick(m, DTRACE_DOF_SECT_AGGS,
			       sizeof(struct dtrace_dof_agg), &off, &n))
			put32(m, off + 4, val);
		break;
	case 3:		/* the table's first or last byte */
		off = l->l_off[DTRACE_DOF_SECT_STRTAB];
		put8(m, rnd(2) ? off : off + strsz - 1, 1 + rnd(255));
		break;
	default:	/* the table shrunk: later strings fall off its end */
		for (i = 0; i < l->l_nsecs; i++)
			if (l->l_secs[i].dofs_kind == DTRACE_DOF_SECT_STRTAB)
				put64(m, sec_off(m, i) + 24,
				      strsz > 1 ? 1 + rnd((uint32_t)strsz - 1) : 0);
		break;
	}
}

/* A field of a statement (not its description: see mut_strtab). */
static void mut_stmt(struct mut *m)
{
	uint64_t off;
	uint32_t n, f = 4 + rnd(7);

	if (!table_pick(m, DTRACE_DOF_SECT_STMTS, sizeof(struct dtrace_dof_stmt),
			&off, &n))
		return;
	switch (f) {
	case 4:		/* predicate: another section, none, huge */
		put32(m, off + 16, rnd(2) ? rnd(lay(m)->l_nsecs + 2) :
					     edge32(DTRACE_DOF_NONE));
		break;
	case 5:
	case 6:		/* actions: first, count */
		put32(m, off + 4 * f, rnd(2) ? get32(m, off + 4 * f) + rnd(5) - 2 :
					       edge32((uint32_t)(lay(m)->l_size[
						DTRACE_DOF_SECT_ACTIONS] / 24)));
		break;
	case 7:		/* payload size: smaller makes records stick out */
		put32(m, off + 28, rnd(2) ? get32(m, off + 28) / (1 + rnd(4)) :
					    edge32(64 << 10));
		break;
	case 8:
		put32(m, off + 32, rnd(2) ? rnd(17) : edge32(8));
		break;
	case 9:
		put32(m, off + 36, edge32(0));
		break;
	default:
		put64(m, off + 40, 1ULL << rnd(64));
		break;
	}
}

static void mut_action(struct mut *m)
{
	const struct layout *l = lay(m);
	uint64_t off;
	uint32_t n, nrecs = (uint32_t)(l->l_size[DTRACE_DOF_SECT_RECORDS] / 16);

	if (!table_pick(m, DTRACE_DOF_SECT_ACTIONS,
			sizeof(struct dtrace_dof_action), &off, &n))
		return;
	switch (rnd(6)) {
	case 0:		/* kind, mostly a known one */
		put32(m, off, rnd(4) ? 1 + rnd(DTRACE_DOFACT_MAX + 2) : edge32(0));
		break;
	case 1:		/* DIFO: any section, a non-DIFO one, none, huge */
		put32(m, off + 4, rnd(3) ? rnd(l->l_nsecs + 2) :
					    edge32(DTRACE_DOF_NONE));
		break;
	case 2:		/* record: another, none, out of range */
		put32(m, off + 8, rnd(3) ? rnd(nrecs + 2) : edge32(DTRACE_DOF_NONE));
		break;
	case 3:		/* nargs */
		put32(m, off + 12, rnd(2) ? rnd(6) : edge32(n));
		break;
	case 4:		/* arg: aggregation id, format, frames, ... */
		put64(m, off + 16, rnd(2) ? rnd(8) : edge64(0));
		break;
	default:	/* two actions swapped */
	{
		uint64_t o2 = l->l_off[DTRACE_DOF_SECT_ACTIONS] +
			      (uint64_t)rnd(n) * sizeof(struct dtrace_dof_action);
		struct dtrace_dof_action a, b;

		memcpy(&a, m->m_d + off, sizeof(a));
		memcpy(&b, m->m_d + o2, sizeof(b));
		memcpy(m->m_d + off, &b, sizeof(b));
		memcpy(m->m_d + o2, &a, sizeof(a));
		break;
	}
	}
}

static void mut_record(struct mut *m)
{
	const struct layout *l = lay(m);
	uint64_t off, o2;
	uint32_t n;

	if (!table_pick(m, DTRACE_DOF_SECT_RECORDS, sizeof(struct dtrace_dof_rec),
			&off, &n))
		return;
	o2 = l->l_off[DTRACE_DOF_SECT_RECORDS] + (uint64_t)rnd(n) * 16;
	switch (rnd(7)) {
	case 0:
	case 1:		/* overlap: another record's offset, or near it */
		put32(m, off, get32(m, o2) + (rnd(2) ? 0 : rnd(8)));
		break;
	case 2:		/* offset */
		put32(m, off, edge32(get32(m, off)));
		break;
	case 3:		/* size: bigger (overlap the next), odd, huge */
		put32(m, off + 4, rnd(2) ? get32(m, off + 4) * (2 + rnd(3)) :
					   edge32(get32(m, off + 4)));
		break;
	case 4:		/* align */
		put16(m, off + 8, rnd(2) ? (uint16_t)rnd(17) : (uint16_t)rnd64());
		break;
	case 5:		/* flags */
		put16(m, off + 10, (uint16_t)(1 << rnd(8)));
		break;
	default:
		put32(m, off + 12, edge32(1) | 1);
		break;
	}
}

static void mut_agg(struct mut *m)
{
	uint64_t off;
	uint32_t n, f = rnd(10);

	if (!table_pick(m, DTRACE_DOF_SECT_AGGS, sizeof(struct dtrace_dof_agg),
			&off, &n)) {
		mut_record(m);
		return;
	}
	if (f < 6)	/* id, name, func, nkeys, rec_first, keysize */
		put32(m, off + 4 * f, f == 2 && rnd(2) ? rnd(DTRACE_AGG_MAXFUNC + 2) :
				      edge32(get32(m, off + 4 * f)));
	else		/* the lquantize/llquantize parameters */
		put64(m, off + 24 + 8 * (f - 6), edge64(rnd(2) ? 10 : 0));
}

/*
 * An option's id or value.  Values stay in the kernel's ranges' edges and
 * below 64 MiB: a valid bufsize of 1 GiB per CPU is the memory tests'
 * business, not the validator's.
 */
static void mut_option(struct mut *m)
{
	static const uint64_t v[] = {
		0, 1, 2, 3, 4095, 4096, 8191, 8192, 16383, 16384, 65536,
		1 << 20, 4 << 20, 999999, 1000000, 60000000000ULL,
		60000000001ULL, (1ULL << 30) + 1, ~0ULL,
	};
	uint64_t off;
	uint32_t n;

	if (!table_pick(m, DTRACE_DOF_SECT_OPTIONS, sizeof(struct dtrace_dof_opt),
			&off, &n)) {
		mut_section(m);
		return;
	}
	switch (rnd(3)) {
	case 0:
		put32(m, off, rnd(2) ? rnd(DTRACE_DOFOPT_MAX + 3) : edge32(0));
		break;
	case 1:
		put32(m, off + 4, 1 + rnd(7));
		break;
	default:
		put64(m, off + 8, v[rnd(sizeof(v) / sizeof(v[0]))]);
		break;
	}
}

/* A random DIFO of the base: its offset and its header. */
static bool difo_pick(const struct mut *m, uint64_t *off, struct dif_hdr *h)
{
	const struct layout *l = lay(m);

	if (!l->l_ndifo)
		return false;
	*off = l->l_secs[l->l_difo[rnd(l->l_ndifo)]].dofs_offset;
	memcpy(h, (const char *)m->m_b->b_dof + *off, sizeof(*h));
	return true;
}

/*
 * A DIF instruction changed so the object still parses and the verifier
 * has to judge it: another opcode, registers out of range or %r0
 * written, immediates past the tables, branches backwards or off the end,
 * unknown variables, built-ins and subroutines, the final ret replaced.
 */
static void mut_difinstr(struct mut *m)
{
	struct dif_hdr h;
	uint64_t off, io;
	dif_instr_t in;
	uint32_t pc, op, rd, r1, r2;
	int32_t imm;

	if (!difo_pick(m, &off, &h) || !h.dh_ninstr) {
		mut_bits(m);
		return;
	}
	pc = rnd(4) == 0 ? h.dh_ninstr - 1 : rnd(h.dh_ninstr);
	io = off + sizeof(h) + 8ULL * pc;
	memcpy(&in, m->m_d + io, 8);
	op = DIF_INSTR_OP(in);
	rd = DIF_INSTR_RD(in);
	r1 = DIF_INSTR_RS1(in);
	r2 = DIF_INSTR_RS2(in);
	imm = DIF_INSTR_IMM(in);
	switch (rnd(8)) {
	case 0:		/* another valid opcode, same operands */
		op = 1 + rnd(DIF_OP_COUNT - 1);
		break;
	case 1:		/* any byte as the opcode */
		op = rnd(256);
		break;
	case 2:		/* a register field */
	{
		uint32_t r = rnd(3) ? rnd(DIF_NREGS + 2) : rnd(256);

		switch (rnd(3)) {
		case 0: rd = r; break;
		case 1: r1 = r; break;
		default: r2 = r; break;
		}
		break;
	}
	case 3:		/* the immediate: tables, targets, ids at the edges */
		imm = (int32_t)(rnd(2) ? edge32(h.dh_ninstr) :
				edge32(rnd(2) ? h.dh_nints : h.dh_strlen));
		break;
	case 4:		/* a branch, to anywhere */
		op = DIF_OP_BEQ + rnd(DIF_OP_BA - DIF_OP_BEQ + 1);
		imm = (int32_t)(rnd(2) ? rnd(h.dh_ninstr + 2) : edge32(pc));
		break;
	case 5:		/* a variable op on a random id */
		op = DIF_OP_LDGS + rnd(DIF_OP_STLS - DIF_OP_LDGS + 1);
		imm = (int32_t)(rnd(2) ? rnd(300) : edge32(DIF_MAX_VARID));
		break;
	case 6:		/* call / ldb / ldba of anything */
		op = rnd(2) ? DIF_OP_CALL : rnd(2) ? DIF_OP_LDB : DIF_OP_LDBA;
		imm = (int32_t)(rnd(2) ? rnd(DIF_SUBR_COUNT + 4) : edge32(0));
		break;
	default:	/* a random word */
		in = rnd64();
		memcpy(m->m_d + io, &in, 8);
		return;
	}
	in = DIF_INSTR(op, rd, r1, r2, imm);
	memcpy(m->m_d + io, &in, 8);
}

/* The DIF object's header, integer table, variable table or strings. */
static void mut_difobj(struct mut *m)
{
	struct dif_hdr h;
	uint64_t off, vo;
	uint32_t f;

	if (!difo_pick(m, &off, &h)) {
		mut_bits(m);
		return;
	}
	vo = off + sizeof(h) + 8ULL * h.dh_ninstr + 8ULL * h.dh_nints;
	if (h.dh_nvars && rnd(2)) {	/* a variable-table entry */
		vo += 24ULL * rnd(h.dh_nvars);
		switch (rnd(7)) {
		case 0: put32(m, vo, edge32(h.dh_strlen)); break;
		case 1: put32(m, vo + 4, rnd(2) ? rnd(300) : edge32(DIF_MAX_VARID)); break;
		case 2: put8(m, vo + 8, (uint8_t)rnd(4)); break;
		case 3: put8(m, vo + 9, (uint8_t)rnd(3)); break;
		case 4: put16(m, vo + 10, (uint16_t)rnd(8)); break;
		case 5: put8(m, vo + 16, (uint8_t)rnd(4)); break;
		default: put32(m, vo + 20, edge32(256)); break;
		}
		return;
	}
	f = rnd(8);
	if (f < 6)		/* magic, size, ninstr, nints, nvars, strlen */
		put32(m, off + 4 * f, edge32(get32(m, off + 4 * f)));
	else if (f == 6)	/* the return type */
		put32(m, off + 24 + 4 * rnd(2), edge32(8));
	else if (h.dh_strlen)	/* the string table's terminating NUL */
		put8(m, vo + 24ULL * h.dh_nvars + h.dh_strlen - 1, 'x');
}

struct mutator {
	const char *mu_name;
	void (*mu_fn)(struct mut *);
	int mu_weight;
};

static const struct mutator mutators[] = {
	{ "bit flips", mut_bits, 6 },
	{ "random bytes", mut_bytes, 4 },
	{ "truncation", mut_trunc, 4 },
	{ "garbage appended", mut_extend, 3 },
	{ "header field", mut_header, 5 },
	{ "section field", mut_section, 8 },
	{ "sections swapped", mut_secswap, 4 },
	{ "string-table offsets", mut_strtab, 7 },
	{ "statement field", mut_stmt, 8 },
	{ "action field", mut_action, 10 },
	{ "record field or overlap", mut_record, 9 },
	{ "aggregation field", mut_agg, 4 },
	{ "option", mut_option, 3 },
	{ "DIF instruction", mut_difinstr, 16 },
	{ "DIF object tables", mut_difobj, 6 },
};
#define NMUT (int)(sizeof(mutators) / sizeof(mutators[0]))

static int mut_pick(void)
{
	int total = 0, i, r;

	for (i = 0; i < NMUT; i++)
		total += mutators[i].mu_weight;
	r = (int)rnd((uint32_t)total);
	for (i = 0; r >= mutators[i].mu_weight; i++)
		r -= mutators[i].mu_weight;
	return i;
}

/* ---- The end: a valid program still runs ------------------------------- */

static bool still_alive(void)
{
	int err, status;
	dtrace_hdl_t *dtp = dtrace_open(0, &err);
	dtrace_prog_t *pgp;
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp;
	bool ok = false;

	if (!dtp) {
		printf("# dtrace_open: %s\n", dtrace_strerror(err));
		return false;
	}
	fp = open_memstream(&out, &outlen);
	pgp = dtrace_program_strcompile(dtp, "BEGIN { printf(\"alive %d\\n\", 6 * 7); "
					"exit(7); }", DTRACE_PROBESPEC_NAME, 0, 0, NULL);
	if (fp && pgp && dtrace_program_exec(dtp, pgp, NULL) == 0 &&
	    dtrace_go(dtp) == 0) {
		dtrace_workstatus_t w;
		int i;

		for (i = 0; i < 200; i++) {
			dtrace_sleep(dtp);
			w = dtrace_work(dtp, fp);
			if (w != DTRACE_WORKSTATUS_OKAY)
				break;
		}
		status = dtrace_exit_status(dtp);
		fflush(fp);
		ok = w == DTRACE_WORKSTATUS_DONE && status == 7 && out &&
		     strstr(out, "alive 42");
		if (!ok)
			printf("# the valid program: work %d, exit %d, output \"%s\"\n",
			       (int)w, status, out ? out : "");
	} else {
		printf("# the valid program: %s\n", dtrace_errmsg(dtp, dtrace_errno(dtp)));
	}
	if (pgp)
		dtrace_program_destroy(dtp, pgp);
	dtrace_close(dtp);
	if (fp)
		fclose(fp);
	free(out);
	return ok;
}

/*
 * A valid DOF whose buffers cannot be had: bufsize or aggsize of 1 GiB
 * (the module's own maximum) per CPU and half, more than a small machine
 * has.  GO must fail with an errno (or bufresize=auto must shrink the
 * principal buffers), not invoke the OOM killer.  The attempt runs in a
 * child that offers itself to the OOM killer first (oom_score_adj 1000),
 * so that if the kernel does kill, it kills the child and not the suite;
 * a child killed by SIGKILL is the failure.
 */
static void huge_buffers(const char *opt, const char *prog)
{
	int err, status;
	dtrace_hdl_t *cc = dtrace_open(DTRACE_O_NODEV, &err);
	dtrace_prog_t *pgp = NULL;
	void *dof = NULL;
	size_t len = 0;
	pid_t pid;

	if (cc && dtrace_setopt(cc, opt, "1g") == 0)
		pgp = dtrace_program_strcompile(cc, prog, DTRACE_PROBESPEC_NAME,
						0, 0, NULL);
	if (!pgp || dtrace_program_dof(cc, pgp, &dof, &len) != 0) {
		printf("not ok - %s=1g: the program compiles: %s\n", opt,
		       cc ? dtrace_errmsg(cc, dtrace_errno(cc)) : "no handle");
		return;
	}
	dtrace_program_destroy(cc, pgp);
	dtrace_close(cc);
	dof = explicit_providers(dof, &len);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct dtrace_ioc_go dg;
		struct dtrace_ioc_stop ds;
		char msg[256];
		uint32_t np;
		FILE *fp = fopen("/proc/self/oom_score_adj", "w");
		int fd;

		if (fp) {
			fputs("1000\n", fp);
			fclose(fp);
		}
		fd = dev_open();
		if (dev_enable(fd, dof, len, msg, sizeof(msg), &np) != 0) {
			printf("# %s=1g: refused at enable: %s\n", opt, msg);
			_exit(0);
		}
		memset(&dg, 0, sizeof(dg));
		if (ioctl(fd, DTRACE_IOC_GO, &dg) != 0) {
			printf("# %s=1g: GO refused: %s\n", opt, strerror(errno));
			_exit(0);
		}
		printf("# %s=1g: GO got %llu-byte principal buffers\n", opt,
		       (unsigned long long)dg.dg_bufsize);
		memset(&ds, 0, sizeof(ds));
		_exit(ioctl(fd, DTRACE_IOC_STOP, &ds) != 0);
	}
	free(dof);
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		printf("not ok - %s=1g: the child ran\n", opt);
		return;
	}
	if (WIFSIGNALED(status))
		printf("not ok - a DOF with %s=1g (more than this machine has) is "
		       "refused or shrunk, not met by the OOM killer (the child "
		       "died of signal %d at GO)\n", opt, WTERMSIG(status));
	else
		printf("%s - a DOF with %s=1g (more than this machine has) is "
		       "refused or shrunk, not met by the OOM killer\n",
		       WEXITSTATUS(status) ? "not ok" : "ok", opt);
}

/* ---- Main -------------------------------------------------------------- */

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Load the corpus: compile, keep the safe ones the module accepts. */
static void load_corpus(const char *dir, int fd)
{
	char **files, msg[256];
	int nfiles = find_tests(dir, &files), i, j, ncomp = 0;

	if (nfiles < 0) {
		printf("# cannot read %s\n", dir);
		nfiles = 0;
	}
	for (i = 0; i < nfiles && ncorpus < MAXCORPUS; i++) {
		struct desc ds[MAXDESCS];
		size_t len;
		void *dof = compile(files[i], &len);
		uint32_t np;
		int n, err;
		bool ok = true;

		if (!dof)
			continue;
		ncomp++;
		/* Destructive programs panic, signal or stop by design. */
		if (((const struct dtrace_dof_hdr *)dof)->dofh_flags &
		    DTRACE_DOF_F_DESTRUCTIVE) {
			free(dof);
			continue;
		}
		n = dof_descs(dof, len, ds, MAXDESCS);
		for (j = 0; j < n && ok; j++)
			ok = desc_corpus_ok(&ds[j]);
		if (n <= 0 || !ok || len < 128) {
			if (getenv("DOFMUT_DEBUG"))
				printf("# corpus: %s left out: %d descriptions, "
				       "the first %s:%s:%s:%s\n", files[i], n,
				       n > 0 ? ds[0].d_part[0] : "", n > 0 ? ds[0].d_part[1] : "",
				       n > 0 ? ds[0].d_part[2] : "", n > 0 ? ds[0].d_part[3] : "");
			free(dof);
			continue;
		}
		dof = explicit_providers(dof, &len);
		n = dof_descs(dof, len, ds, MAXDESCS);
		if (fd < 0) {		/* -l: list only */
			for (j = 0; j < n; j++)
				printf("#   %s:%s:%s:%s\n", ds[j].d_part[0],
				       ds[j].d_part[1], ds[j].d_part[2],
				       ds[j].d_part[3]);
			printf("# corpus: %s\n", files[i]);
			free(dof);
			continue;
		}
		err = dev_enable(fd, dof, len, msg, sizeof(msg), &np);
		if (err) {
			printf("# corpus: %s refused as compiled: %s (%s)\n",
			       files[i], msg, strerror(err));
			free(dof);
			continue;
		}
		/* Accepted: start afresh for the next. */
		close(fd);
		fd = dev_open();
		for (j = 0; j < n && nsafe < MAXDESCS; j++)
			safe_descs[nsafe++] = ds[j];
		corpus[ncorpus].b_name = files[i];
		corpus[ncorpus].b_dof = dof;
		corpus[ncorpus].b_len = len;
		lay_parse(&corpus[ncorpus], &corpus[ncorpus].b_lay);
		ncorpus++;
	}
	if (fd >= 0)
		close(fd);
	printf("# corpus: %d of %d tests compiled without the module, %d kept "
	       "(BEGIN/END/ERROR/profile probes only, accepted as compiled)\n",
	       ncomp, nfiles, ncorpus);
}

int main(int argc, char **argv)
{
	uint64_t seed = 20261122;
	long count = 10000, go_every = 2, batch = 8, inbatch = 0, nbatch = 0;
	double trun = 0, tclose = 0, t1, trefused = 0, taccepted = 0;
	long stages[ST_COUNT] = { 0 }, mutacc[NMUT] = { 0 }, mutn[NMUT] = { 0 };
	long submitted = 0, skipped = 0, attempts = 0, went = 0, stopfail = 0;
	long nomatch = 0, others = 0;
	int c, fd, i;
	char msg[256];
	struct mut m = { 0 };
	double t0 = now();

	while ((c = getopt(argc, argv, "ls:n:g:b:")) != -1) {
		switch (c) {
		case 'l': load_corpus(argv[argc - 1], -1); return 0;
		case 's': seed = strtoull(optarg, NULL, 0); break;
		case 'n': count = strtol(optarg, NULL, 0); break;
		case 'g': go_every = strtol(optarg, NULL, 0); break;
		case 'b': batch = strtol(optarg, NULL, 0); break;
		default: goto usage;
		}
	}
	if (optind != argc - 1 || count < 1 || go_every < 1 || batch < 1)
		goto usage;
	printf("# seed: %llu (replay with -s %llu -n %ld)\n",
	       (unsigned long long)seed, (unsigned long long)seed, count);
	rng_state = seed ? seed : 1;

	load_corpus(argv[optind], dev_open());
	if (ncorpus < 3) {
		printf("not ok - corpus: at least 3 programs of %s (got %d)\n",
		       argv[optind], ncorpus);
		return 0;
	}
	printf("ok - corpus: %d compiled programs, each accepted unmutated\n",
	       ncorpus);
	printf("# corpus compiled and checked in %.1f s\n", now() - t0);

	fd = dev_open();
	while (submitted < count && attempts < count * 4) {
		const struct base *b = &corpus[rnd((uint32_t)ncorpus)];
		int k = mut_pick(), extra = rnd(8) == 0 ? 1 + rnd(2) : 0, err;
		uint32_t np = 0;
		enum stage s;

		attempts++;
		if (m.m_cap < b->b_len) {
			m.m_cap = b->b_len;
			m.m_d = realloc(m.m_d, m.m_cap);
			if (!m.m_d)
				return 2;
		}
		memcpy(m.m_d, b->b_dof, b->b_len);
		m.m_len = b->b_len;
		m.m_b = b;
		mutators[k].mu_fn(&m);
		while (extra--)		/* sometimes two or three at once */
			mutators[mut_pick()].mu_fn(&m);
		if (!dof_safe(m.m_d, m.m_len)) {
			skipped++;
			continue;
		}
		submitted++;
		mutn[k]++;
		t1 = now();
		err = dev_enable(fd, m.m_d, m.m_len, msg, sizeof(msg), &np);
		*(err ? &trefused : &taccepted) += now() - t1;
		if (err) {
			s = classify(msg);
			stages[s]++;
			if (s == ST_OTHER && others++ < 5)
				printf("# other refusal: %s (%s)\n", msg, strerror(err));
			if (s == ST_MATCH) {
				/* The enabling stays until close. */
				close(fd);
				fd = dev_open();
				inbatch = 0;
			}
			continue;
		}
		stages[ST_ACCEPTED]++;
		mutacc[k]++;
		if (!np)
			nomatch++;
		/*
		 * Accepted enablings pile up in the descriptor's state (so
		 * later mutants are checked against earlier ones' variables
		 * and options too) until a batch is full; then one batch in
		 * go_every runs, and the descriptor is closed: teardown waits
		 * for probe context to leave, which costs the same for one
		 * enabling as for a batch.
		 */
		if (++inbatch < batch)
			continue;
		t1 = now();
		if (++nbatch % go_every == 0) {
			int w;

			if (dev_run(fd, &w) != 0)
				stopfail++;
			went += w;
			trun += now() - t1;
			t1 = now();
		}
		close(fd);
		fd = dev_open();
		inbatch = 0;
		tclose += now() - t1;
	}
	close(fd);

	printf("%s - %ld mutations submitted (%ld more not submitted: they "
	       "named other probes)\n", submitted >= count ? "ok" : "not ok",
	       submitted, skipped);
	for (i = 0; i < ST_COUNT; i++)
		printf("# %s: %ld\n", stage_names[i], stages[i]);
	printf("# accepted that matched no probe: %ld; batches of %ld accepted "
	       "enablings: %ld, of which went (GO, snapshots, STOP; one in %ld "
	       "tried, the rest closed): %ld\n", nomatch, batch, nbatch,
	       go_every, went);
	for (i = 0; i < NMUT; i++)
		printf("# mutator %s: %ld submitted, %ld accepted\n",
		       mutators[i].mu_name, mutn[i], mutacc[i]);
	printf("%s - accepted mutants that went were stopped cleanly "
	       "(%ld STOP failures)\n", stopfail ? "not ok" : "ok", stopfail);
	printf("%s - no mutation crashed the module (a valid program still "
	       "enables and runs)\n", still_alive() ? "ok" : "not ok");
	printf("%s - mutations reached the DIF verifier (%ld)\n",
	       stages[ST_DIFVERIFY] > 0 ? "ok" : "not ok", stages[ST_DIFVERIFY]);
	printf("%s - some reached the statements/actions/records stages "
	       "(%ld, %ld, %ld)\n",
	       stages[ST_STMTS] && stages[ST_ACTIONS] && stages[ST_RECORDS] ?
	       "ok" : "not ok", stages[ST_STMTS], stages[ST_ACTIONS],
	       stages[ST_RECORDS]);
	huge_buffers("bufsize", "BEGIN { exit(0); }");
	huge_buffers("aggsize", "BEGIN { @ = count(); exit(0); }");
	printf("# %.1f s in all: %.1f s refusing, %.1f s accepting, %.1f s "
	       "running, %.1f s closing\n", now() - t0, trefused, taccepted,
	       trun, tclose);
	free(m.m_d);
	return 0;
usage:
	fprintf(stderr, "usage: dof_mutate [-s SEED] [-n COUNT] [-b BATCH] "
		"[-g GO_EVERY] DIR\n");
	return 2;
}
