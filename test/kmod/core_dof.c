// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * core_dof: drive dtrace.ko and the libtrace consumer with DOFs built by
 * hand (through the DIF emit API and the layout of <dtrace/dof.h>), so the
 * kernel core is tested apart from the D compiler.
 *
 *   core_dof hello         BEGIN { printf("hello %d\n", 42); exit(3); }
 *                          consumed like dtrace(1M); exits with 3
 *   core_dof trace         BEGIN { trace(1234); trace(execname); exit(0); }
 *   core_dof nullptr       BEGIN { trace(*(int *)0); }, then exit(0) in a
 *                          second clause: the fault is counted, tracing
 *                          goes on
 *   core_dof tick          profile:::tick-100ms { trace(arg0); }
 *                          profile:::profile-50ms { trace(cpu); }
 *                          profile:::tick-1s { exit(0); }
 *   core_dof vars          BEGIN { x = 5; trace(x); } BEGIN { self->y = 7;
 *                          trace(self->y); } BEGIN { this->z = 9;
 *                          trace(this->z); } BEGIN { a[3] = 11;
 *                          trace(a[3]); exit(0); } (by hand: each clause
 *                          stores and loads its variable in one object)
 *   core_dof bad           submit broken DOFs; each must be refused with
 *                          an errno and a message, TAP lines
 *   core_dof fuzz N        compile a small corpus of D programs, submit N
 *                          mutants of their DOFs (flipped bytes, truncated
 *                          images, fields set to huge or out-of-range
 *                          values; mutants whose probe descriptions read
 *                          differently are not submitted), run
 *                          the ones accepted, and print a TAP line with
 *                          how many were refused at each stage
 *   core_dof hold SECONDS  enable BEGIN, go, and sleep (the caller kills
 *                          us or two of us run at once)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <dtrace/dof.h>
#include "dif/dif_emit.h"
#include "dofbuild.h"
#include "dtrace.h"

/* A DIF object returning a constant, or the result of one builtin. */
static uint32_t difo_add(struct dofb *d, int op, int64_t val)
{
	struct dif_builder *b = dif_builder_new();
	void *blob;
	size_t size;
	uint32_t sec;

	if (op == DIF_OP_LDB)
		dif_emit(b, DIF_OP_LDB, 1, 0, 0, (int32_t)val);
	else if (op == DIF_OP_LDSW)
		dif_emit(b, DIF_OP_LDSW, 1, 0, 0, (int32_t)val);
	else
		dif_emit_const(b, 1, val);
	dif_emit(b, DIF_OP_RET, 0, 1, 0, 0);
	if (dif_builder_finish(b, &blob, &size) != 0) {
		fprintf(stderr, "core_dof: %s\n", dif_builder_errmsg(b));
		exit(2);
	}
	dif_builder_free(b);
	sec = dofb_sec(d, DTRACE_DOF_SECT_DIFO, 0, blob, size);
	free(blob);
	return sec;
}

static struct dtrace_dof_action act(uint32_t kind, uint32_t difo,
				    uint32_t rec, uint32_t nargs, uint64_t arg)
{
	struct dtrace_dof_action a = { kind, difo, rec, nargs, arg };

	return a;
}

static struct dtrace_dof_rec rec(uint32_t off, uint32_t size, uint16_t flags)
{
	struct dtrace_dof_rec r = { off, size, size < 8 ? size : 8, flags, 0 };

	return r;
}

/* BEGIN { printf("hello %d\n", 42); exit(3); } */
static void *dof_hello(size_t *lenp)
{
	struct dofb d = DOFB_INIT;
	struct dtrace_dof_stmt st;
	struct dtrace_dof_action acts[3];
	struct dtrace_dof_rec recs[2];

	dofb_stmt(&d, &st, "dtrace", "", "", "BEGIN");
	acts[0] = act(DTRACE_DOFACT_PRINTF, DTRACE_DOF_NONE, DTRACE_DOF_NONE, 1,
		      dofb_str(&d, "hello %d\n"));
	acts[1] = act(DTRACE_DOFACT_ARG, difo_add(&d, 0, 42), 0, 0, 0);
	acts[2] = act(DTRACE_DOFACT_EXIT, difo_add(&d, 0, 3), 1, 0, 0);
	recs[0] = rec(0, 4, DTRACE_DOFREC_F_SIGNED);
	recs[1] = rec(4, 4, DTRACE_DOFREC_F_SIGNED);
	st.dofst_act_count = 3;
	st.dofst_size = 8;
	dofb_sec(&d, DTRACE_DOF_SECT_STMTS, sizeof(st), &st, sizeof(st));
	dofb_sec(&d, DTRACE_DOF_SECT_ACTIONS, sizeof(acts[0]), acts, sizeof(acts));
	dofb_sec(&d, DTRACE_DOF_SECT_RECORDS, sizeof(recs[0]), recs, sizeof(recs));
	return dofb_finish(&d, lenp);
}

/* BEGIN { trace(1234); trace(execname); exit(0); } */
static void *dof_trace(size_t *lenp)
{
	struct dofb d = DOFB_INIT;
	struct dtrace_dof_stmt st;
	struct dtrace_dof_action acts[3];
	struct dtrace_dof_rec recs[3];

	dofb_stmt(&d, &st, "dtrace", "", "", "BEGIN");
	acts[0] = act(DTRACE_DOFACT_TRACE, difo_add(&d, 0, 1234), 0, 0, 0);
	acts[1] = act(DTRACE_DOFACT_TRACE, difo_add(&d, DIF_OP_LDB,
						    DIF_BV_EXECNAME), 1, 0, 0);
	acts[2] = act(DTRACE_DOFACT_EXIT, difo_add(&d, 0, 0), 2, 0, 0);
	recs[0] = rec(0, 8, DTRACE_DOFREC_F_SIGNED);
	recs[1] = rec(8, 16, DTRACE_DOFREC_F_BYREF | DTRACE_DOFREC_F_STRING);
	recs[2] = rec(24, 4, DTRACE_DOFREC_F_SIGNED);
	st.dofst_act_count = 3;
	st.dofst_size = 28;
	dofb_sec(&d, DTRACE_DOF_SECT_STMTS, sizeof(st), &st, sizeof(st));
	dofb_sec(&d, DTRACE_DOF_SECT_ACTIONS, sizeof(acts[0]), acts, sizeof(acts));
	dofb_sec(&d, DTRACE_DOF_SECT_RECORDS, sizeof(recs[0]), recs, sizeof(recs));
	return dofb_finish(&d, lenp);
}

/* BEGIN { trace(*(int *)0); }  BEGIN { exit(0); } */
static void *dof_nullptr(size_t *lenp)
{
	struct dofb d = DOFB_INIT;
	struct dtrace_dof_stmt st[2];
	struct dtrace_dof_action acts[2];
	struct dtrace_dof_rec recs[2];

	dofb_stmt(&d, &st[0], "dtrace", "", "", "BEGIN");
	dofb_stmt(&d, &st[1], "dtrace", "", "", "BEGIN");
	acts[0] = act(DTRACE_DOFACT_TRACE, difo_add(&d, DIF_OP_LDSW, 0), 0, 0, 0);
	acts[1] = act(DTRACE_DOFACT_EXIT, difo_add(&d, 0, 0), 1, 0, 0);
	recs[0] = rec(0, 4, DTRACE_DOFREC_F_SIGNED);
	recs[1] = rec(0, 4, DTRACE_DOFREC_F_SIGNED);
	st[0].dofst_act_count = 1;
	st[0].dofst_size = 4;
	st[1].dofst_act_first = 1;
	st[1].dofst_act_count = 1;
	st[1].dofst_size = 4;
	dofb_sec(&d, DTRACE_DOF_SECT_STMTS, sizeof(st[0]), st, sizeof(st));
	dofb_sec(&d, DTRACE_DOF_SECT_ACTIONS, sizeof(acts[0]), acts, sizeof(acts));
	dofb_sec(&d, DTRACE_DOF_SECT_RECORDS, sizeof(recs[0]), recs, sizeof(recs));
	return dofb_finish(&d, lenp);
}

/* Three statements on profile probes, in quiet output: see the top. */
static void *dof_tick(size_t *lenp)
{
	struct dofb d = DOFB_INIT;
	struct dtrace_dof_stmt st[3];
	struct dtrace_dof_action acts[3];
	struct dtrace_dof_rec recs[3];
	int i;

	dofb_stmt(&d, &st[0], "profile", "", "", "tick-100ms");
	dofb_stmt(&d, &st[1], "profile", "", "", "profile-50ms");
	dofb_stmt(&d, &st[2], "profile", "", "", "tick-1s");
	acts[0] = act(DTRACE_DOFACT_TRACE, difo_add(&d, DIF_OP_LDB, DIF_BV_ARG0),
		      0, 0, 0);
	acts[1] = act(DTRACE_DOFACT_TRACE, difo_add(&d, DIF_OP_LDB, DIF_BV_CPU),
		      1, 0, 0);
	acts[2] = act(DTRACE_DOFACT_EXIT, difo_add(&d, 0, 0), 2, 0, 0);
	recs[0] = rec(0, 8, 0);
	recs[1] = rec(0, 8, 0);
	recs[2] = rec(0, 4, DTRACE_DOFREC_F_SIGNED);
	for (i = 0; i < 3; i++) {
		st[i].dofst_act_first = i;
		st[i].dofst_act_count = 1;
		st[i].dofst_size = 8;
	}
	dofb_sec(&d, DTRACE_DOF_SECT_STMTS, sizeof(st[0]), st, sizeof(st));
	dofb_sec(&d, DTRACE_DOF_SECT_ACTIONS, sizeof(acts[0]), acts, sizeof(acts));
	dofb_sec(&d, DTRACE_DOF_SECT_RECORDS, sizeof(recs[0]), recs, sizeof(recs));
	return dofb_finish(&d, lenp);
}

/* A DIF object that stores 'val' into variable id of a scope and kind and
 * returns what it loads back; arrays are indexed by [3]. */
static uint32_t difo_var(struct dofb *d, unsigned scope, unsigned kind,
			 int64_t val, uint32_t id)
{
	static const unsigned ops[3][2][2] = {	/* [scope][kind]: st, ld */
		[DIF_SCOPE_GLOBAL] = { { DIF_OP_STGS, DIF_OP_LDGS },
				       { DIF_OP_STGA, DIF_OP_LDGA } },
		[DIF_SCOPE_THREAD] = { { DIF_OP_STTS, DIF_OP_LDTS },
				       { DIF_OP_STTA, DIF_OP_LDTA } },
		[DIF_SCOPE_LOCAL] = { { DIF_OP_STLS, DIF_OP_LDLS } },
	};
	struct dif_type t = { DIF_TYPE_INT, DIF_TF_SIGNED, 0, 8 };
	struct dif_builder *b = dif_builder_new();
	void *blob;
	size_t size;
	uint32_t sec;

	dif_declare_var(b, "v", id, scope, kind, DIF_VF_REF | DIF_VF_MOD, &t);
	dif_emit_const(b, 1, val);
	if (kind == DIF_VKIND_ARRAY) {
		dif_emit_const(b, 2, 3);
		dif_emit(b, DIF_OP_PUSHTV, 0, 2, 0, 0);
	}
	dif_emit(b, ops[scope][kind][0], 0, 1, 0, (int32_t)id);
	if (kind == DIF_VKIND_ARRAY)
		dif_emit(b, DIF_OP_PUSHTV, 0, 2, 0, 0);
	dif_emit(b, ops[scope][kind][1], 3, 0, 0, (int32_t)id);
	dif_emit(b, DIF_OP_RET, 0, 3, 0, 0);
	if (dif_builder_finish(b, &blob, &size) != 0) {
		fprintf(stderr, "core_dof: %s\n", dif_builder_errmsg(b));
		exit(2);
	}
	dif_builder_free(b);
	sec = dofb_sec(d, DTRACE_DOF_SECT_DIFO, 0, blob, size);
	free(blob);
	return sec;
}

/* The four kinds of variables, one clause each; see the top. */
static void *dof_vars(size_t *lenp)
{
	static const unsigned kinds[4][2] = {
		{ DIF_SCOPE_GLOBAL, DIF_VKIND_SCALAR },
		{ DIF_SCOPE_THREAD, DIF_VKIND_SCALAR },
		{ DIF_SCOPE_LOCAL, DIF_VKIND_SCALAR },
		{ DIF_SCOPE_GLOBAL, DIF_VKIND_ARRAY },
	};
	struct dofb d = DOFB_INIT;
	struct dtrace_dof_stmt st[4];
	struct dtrace_dof_action acts[5];
	struct dtrace_dof_rec recs[2];
	int i;

	for (i = 0; i < 4; i++) {
		dofb_stmt(&d, &st[i], "dtrace", "", "", "BEGIN");
		st[i].dofst_act_first = i;
		st[i].dofst_act_count = 1;
		st[i].dofst_size = 8;
		acts[i] = act(DTRACE_DOFACT_TRACE,
			      difo_var(&d, kinds[i][0], kinds[i][1], 5 + 2 * i,
				       i + 1), 0, 0, 0);
	}
	acts[4] = act(DTRACE_DOFACT_EXIT, difo_add(&d, 0, 0), 1, 0, 0);
	st[3].dofst_act_count = 2;
	st[3].dofst_size = 12;
	recs[0] = rec(0, 8, DTRACE_DOFREC_F_SIGNED);
	recs[1] = rec(8, 4, DTRACE_DOFREC_F_SIGNED);
	dofb_sec(&d, DTRACE_DOF_SECT_STMTS, sizeof(st[0]), st, sizeof(st));
	dofb_sec(&d, DTRACE_DOF_SECT_ACTIONS, sizeof(acts[0]), acts, sizeof(acts));
	dofb_sec(&d, DTRACE_DOF_SECT_RECORDS, sizeof(recs[0]), recs, sizeof(recs));
	return dofb_finish(&d, lenp);
}

static dtrace_hdl_t *open_or_die(void)
{
	int err;
	dtrace_hdl_t *dtp = dtrace_open(0, &err);

	if (!dtp || err) {
		fprintf(stderr, "core_dof: %s\n",
			dtp ? dtrace_errmsg(dtp, err) : dtrace_strerror(err));
		exit(1);
	}
	return dtp;
}

/* Enable, go, and consume until exit() or the end. */
static int run(void *dof, size_t len)
{
	dtrace_hdl_t *dtp = open_or_die();
	dtrace_proginfo_t pi;
	int status;

	if (dtrace_dof_enable(dtp, dof, len, &pi) != 0 || dtrace_go(dtp) != 0) {
		fprintf(stderr, "core_dof: %s\n",
			dtrace_errmsg(dtp, dtrace_errno(dtp)));
		return 1;
	}
	for (;;) {
		dtrace_workstatus_t w;

		dtrace_sleep(dtp);
		w = dtrace_work(dtp, stdout);
		if (w == DTRACE_WORKSTATUS_ERROR) {
			fprintf(stderr, "core_dof: %s\n",
				dtrace_errmsg(dtp, dtrace_errno(dtp)));
			return 1;
		}
		if (w == DTRACE_WORKSTATUS_DONE)
			break;
	}
	status = dtrace_exit_status(dtp);
	dtrace_close(dtp);
	return status;
}

/* One broken DOF: refused, with an errno and a message. */
static void bad_one(const char *what, void *dof, size_t len)
{
	dtrace_hdl_t *dtp = open_or_die();
	int ok = dtrace_dof_enable(dtp, dof, len, NULL) != 0;

	printf("%s - %s refused", ok ? "ok" : "not ok", what);
	if (ok)
		printf(" (%s)", dtrace_errmsg(dtp, dtrace_errno(dtp)));
	printf("\n");
	dtrace_close(dtp);
}

static int bad(void)
{
	size_t len, i;
	char *good = dof_hello(&len), *d = malloc(len), *g;
	struct dtrace_dof_hdr *h = (void *)d;
	struct dtrace_dof_sec *secs = (void *)(d + sizeof(*h));

#define RESET() memcpy(d, good, len)
	RESET(); h->dofh_magic[1] = 'X';
	bad_one("bad magic", d, len);
	RESET();
	bad_one("truncated image", d, len - 8);
	/* The image with bytes after dofh_loadsz: the sizes must agree. */
	g = calloc(1, len + 16);
	memcpy(g, good, len);
	memset(g + len, 0xa5, 16);
	bad_one("trailing bytes after dofh_loadsz", g, len + 16);
	free(g);
	RESET(); h->dofh_secnum = 100000;
	bad_one("huge section count", d, len);
	RESET(); secs[0].dofs_offset = 1ULL << 40;
	bad_one("section offset out of range", d, len);
	RESET(); secs[0].dofs_size = ~0ULL - 4;
	bad_one("section size wrapping", d, len);
	for (i = 0; i < h->dofh_secnum; i++) {
		if (secs[i].dofs_kind != DTRACE_DOF_SECT_STMTS)
			continue;
		RESET();
		((struct dtrace_dof_stmt *)(d + secs[i].dofs_offset))->dofst_act_count = 1000;
		bad_one("action count beyond the table", d, len);
		RESET();
		((struct dtrace_dof_stmt *)(d + secs[i].dofs_offset))->dofst_size = 2;
		bad_one("record outside the payload", d, len);
	}
	for (i = 0; i < h->dofh_secnum; i++) {
		if (secs[i].dofs_kind != DTRACE_DOF_SECT_DIFO)
			continue;
		RESET();
		/* The first instruction word after the 32-byte DIF header. */
		memset(d + secs[i].dofs_offset + 32, 0xff, 8);
		bad_one("unknown DIF opcode", d, len);
		break;
	}
	RESET(); h->dofh_reserved[0] = 1;
	bad_one("nonzero reserved header field", d, len);
	free(d);
	free(good);
	return 0;
}

static const char *const fuzz_corpus[] = {
	"BEGIN { printf(\"%d %s\\n\", 1, \"x\"); exit(0); }",
	"BEGIN { self->x = 1; a[\"k\"] = 2; this->y = 3; "
	"trace(self->x + a[\"k\"] + this->y); exit(0); }",
	"BEGIN /1/ { @q = quantize(5); @l = lquantize(3, 0, 10, 1); "
	"@c[execname] = count(); trace(execname); exit(0); }",
	"tick-1s { trace(timestamp); } END { printf(\"%s\\n\", \"end\"); }",
};

/* Where the module refused a mutant, from its message. */
static const char *fuzz_stage(const char *msg)
{
	if (strncmp(msg, "DOF", 3) == 0)
		return "header and sections";
	if (strstr(msg, "DIF object"))
		return "DIF objects";
	if (strncmp(msg, "statement", 9) == 0)
		return "statements, actions and records";
	if (strncmp(msg, "aggregation", 11) == 0)
		return "aggregations";
	if (strstr(msg, "out of range") || strstr(msg, "bufpolicy") ||
	    strstr(msg, "bufresize") || strstr(msg, "option"))
		return "options";
	if (strstr(msg, "variable"))
		return "variables";
	return "other";
}

/*
 * What mutants leave alone: the string table and each statement's probe
 * description.  A changed description is a valid program that enables
 * other probes (even every probe), which is the providers' tests'
 * business, not the validator's.
 */
#define FUZZ_MAXKEEP	64
static size_t fuzz_keep[FUZZ_MAXKEEP][2];
static int fuzz_nkeep;

static void fuzz_protect(const char *d)
{
	const struct dtrace_dof_hdr *h = (const void *)d;
	const struct dtrace_dof_sec *secs = (const void *)(d + h->dofh_secoff);
	uint32_t i;
	size_t o;

	fuzz_nkeep = 0;
	for (i = 0; i < h->dofh_secnum; i++) {
		const struct dtrace_dof_sec *sc = &secs[i];

		if (sc->dofs_kind == DTRACE_DOF_SECT_STRTAB &&
		    fuzz_nkeep < FUZZ_MAXKEEP) {
			fuzz_keep[fuzz_nkeep][0] = sc->dofs_offset;
			fuzz_keep[fuzz_nkeep++][1] = sc->dofs_offset + sc->dofs_size;
		}
		if (sc->dofs_kind != DTRACE_DOF_SECT_STMTS)
			continue;
		for (o = 0; o < sc->dofs_size && fuzz_nkeep < FUZZ_MAXKEEP;
		     o += sizeof(struct dtrace_dof_stmt)) {
			fuzz_keep[fuzz_nkeep][0] = sc->dofs_offset + o;
			fuzz_keep[fuzz_nkeep++][1] = sc->dofs_offset + o + 16;
		}
	}
}

/* A random offset of an aligned unit outside what is kept. */
static size_t fuzz_off(size_t n, size_t unit)
{
	size_t off;
	int i, hit;

	do {
		off = (size_t)(rand() % (int)(n / unit)) * unit;
		for (hit = 0, i = 0; i < fuzz_nkeep && !hit; i++)
			hit = off + unit > fuzz_keep[i][0] && off < fuzz_keep[i][1];
	} while (hit);
	return off;
}

static void fuzz_mutate(char *d, size_t *len)
{
	size_t n = *len, off;
	int i, k = rand() % 6;

	fuzz_protect(d);
	switch (k) {
	case 0:		/* flip a few bytes anywhere */
		for (i = 0; i < 1 + rand() % 4; i++)
			d[fuzz_off(n, 1)] ^= (char)(1 + rand() % 255);
		break;
	case 1:		/* truncate */
		*len = (size_t)rand() % n;
		break;
	case 2:		/* a 32-bit field set to something huge */
		off = fuzz_off(n, 4);
		*(uint32_t *)(d + off) = rand() % 2 ? 0xffffffffU :
					 (uint32_t)rand();
		break;
	case 3:		/* a 64-bit field (offsets, sizes) out of range */
		off = fuzz_off(n, 8);
		*(uint64_t *)(d + off) = rand() % 2 ? ~0ULL :
					 (uint64_t)n + (uint64_t)(rand() % 64);
		break;
	case 4:		/* one byte of the section table */
		off = sizeof(struct dtrace_dof_hdr) +
		      (size_t)rand() % (sizeof(struct dtrace_dof_sec) * 4);
		if (off < n)
			d[off] ^= (char)(1 + rand() % 255);
		break;
	/* the string table may move under a section-table change: that is
	 * caught as a bad offset or as descriptions no probe matches */
	default:	/* a small integer in a random word: indexes, counts */
		off = fuzz_off(n, 4);
		*(uint32_t *)(d + off) = (uint32_t)(rand() % 16);
		break;
	}
}

/*
 * The probe descriptions a DOF's statements name, joined into out, as the
 * module would read them; -1 when they cannot be resolved (the module
 * refuses such a DOF itself).
 */
static int fuzz_descs(const char *d, size_t n, char *out, size_t outlen)
{
	const struct dtrace_dof_hdr *h = (const void *)d;
	const struct dtrace_dof_sec *secs, *st = NULL, *str = NULL;
	uint32_t i, k;
	size_t used = 0;

	if (n < sizeof(*h) || h->dofh_secoff > n ||
	    (uint64_t)h->dofh_secnum * sizeof(*secs) > n - h->dofh_secoff)
		return -1;
	secs = (const void *)(d + h->dofh_secoff);
	for (i = 0; i < h->dofh_secnum; i++) {
		if (secs[i].dofs_offset > n || secs[i].dofs_size > n - secs[i].dofs_offset)
			return -1;
		if (secs[i].dofs_kind == DTRACE_DOF_SECT_STMTS)
			st = &secs[i];
		if (secs[i].dofs_kind == DTRACE_DOF_SECT_STRTAB)
			str = &secs[i];
	}
	if (!st || !str || !str->dofs_size || d[str->dofs_offset + str->dofs_size - 1])
		return -1;
	for (i = 0; i + sizeof(struct dtrace_dof_stmt) <= st->dofs_size;
	     i += sizeof(struct dtrace_dof_stmt)) {
		const uint32_t *names = (const void *)(d + st->dofs_offset + i);

		for (k = 0; k < 4; k++) {
			if (names[k] >= str->dofs_size)
				return -1;
			used += (size_t)snprintf(out + used, outlen - used, "%s:",
						 d + str->dofs_offset + names[k]);
			if (used >= outlen)
				return -1;
		}
	}
	return 0;
}

static int fuzz(int count)
{
	static const char *const stages[] = {
		"header and sections", "statements, actions and records",
		"DIF objects", "aggregations", "options", "variables", "other",
	};
	int nstages = sizeof(stages) / sizeof(stages[0]);
	int refused[sizeof(stages) / sizeof(stages[0])] = { 0 };
	void *dofs[sizeof(fuzz_corpus) / sizeof(fuzz_corpus[0])];
	size_t lens[sizeof(fuzz_corpus) / sizeof(fuzz_corpus[0])];
	int ncorpus = sizeof(fuzz_corpus) / sizeof(fuzz_corpus[0]);
	int i, j, err, accepted = 0, ran = 0, skipped = 0;
	char want[1024], got[1024];
	dtrace_hdl_t *cc = dtrace_open(DTRACE_O_NODEV, &err), *dtp;
	FILE *devnull = fopen("/dev/null", "w");

	for (i = 0; i < ncorpus; i++) {
		dtrace_prog_t *pgp = dtrace_program_strcompile(cc,
			fuzz_corpus[i], DTRACE_PROBESPEC_NAME, 0, 0, NULL);

		if (!pgp || dtrace_program_dof(cc, pgp, &dofs[i], &lens[i])) {
			printf("not ok - fuzz: corpus program %d compiles: %s\n",
			       i, dtrace_errmsg(cc, dtrace_errno(cc)));
			return 1;
		}
		dtrace_program_destroy(cc, pgp);
	}
	srand(1);
	/* A refused DOF leaves the state as it was: one consumer serves
	 * until a mutant is accepted and run. */
	dtp = open_or_die();
	for (i = 0; i < count; i++) {
		int c = i % ncorpus;
		size_t len = lens[c];
		char *d = malloc(len);

		memcpy(d, dofs[c], len);
		fuzz_mutate(d, &len);
		fuzz_descs(dofs[c], lens[c], want, sizeof(want));
		if (fuzz_descs(d, len, got, sizeof(got)) == 0 &&
		    strcmp(got, want) != 0) {
			/* A valid program for other probes: not ours. */
			skipped++;
		} else if (dtrace_dof_enable(dtp, d, len, NULL) != 0) {
			const char *st = fuzz_stage(dtrace_errmsg(dtp,
						    dtrace_errno(dtp)));

			if (getenv("FUZZ_DEBUG") && strcmp(st, "other") == 0)
				fprintf(stderr, "other: %s\n", dtrace_errmsg(dtp,
					dtrace_errno(dtp)));

			for (j = 0; j < nstages; j++)
				if (strcmp(st, stages[j]) == 0)
					refused[j]++;
		} else {
			accepted++;
			/* Accepted: it must run safely (BEGIN, END, drain). */
			if (dtrace_go(dtp) == 0) {
				dtrace_stop(dtp);
				dtrace_work(dtp, devnull);
				ran++;
			}
			dtrace_close(dtp);
			dtp = open_or_die();
		}
		free(d);
	}
	dtrace_close(dtp);
	for (j = 0; j < nstages; j++)
		printf("# refused at %s: %d\n", stages[j], refused[j]);
	printf("# accepted: %d, of which ran: %d; not submitted (other probe "
	       "descriptions): %d\n", accepted, ran, skipped);
	printf("ok - fuzz: %d mutated DOFs each refused or run safely\n", count);
	return 0;
}

static int hold(int seconds)
{
	size_t len;
	void *dof = dof_hello(&len);
	dtrace_hdl_t *dtp = open_or_die();

	if (dtrace_dof_enable(dtp, dof, len, NULL) != 0 || dtrace_go(dtp) != 0) {
		fprintf(stderr, "core_dof: %s\n",
			dtrace_errmsg(dtp, dtrace_errno(dtp)));
		return 1;
	}
	sleep(seconds);
	return 0;
}

int main(int argc, char **argv)
{
	size_t len = 0;
	void *dof = NULL;

	if (argc >= 2 && strcmp(argv[1], "hello") == 0)
		dof = dof_hello(&len);
	else if (argc >= 2 && strcmp(argv[1], "trace") == 0)
		dof = dof_trace(&len);
	else if (argc >= 2 && strcmp(argv[1], "nullptr") == 0)
		dof = dof_nullptr(&len);
	else if (argc >= 2 && strcmp(argv[1], "tick") == 0)
		dof = dof_tick(&len);
	else if (argc >= 2 && strcmp(argv[1], "vars") == 0)
		dof = dof_vars(&len);
	if (dof)
		return run(dof, len);
	if (argc >= 2 && strcmp(argv[1], "bad") == 0)
		return bad();
	if (argc >= 3 && strcmp(argv[1], "hold") == 0)
		return hold(atoi(argv[2]));
	if (argc >= 3 && strcmp(argv[1], "fuzz") == 0)
		return fuzz(atoi(argv[2]));
	fprintf(stderr, "usage: core_dof hello|trace|nullptr|tick|vars|bad|"
		"hold SECONDS|fuzz N\n");
	return 2;
}
