// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * libFuzzer target for the DIF verifier and interpreter.  The property:
 * any byte string is either refused by the parser or the verifier, or
 * runs to completion or to a defined fault; never undefined behaviour
 * (AddressSanitizer, UBSan), never unbounded, and the computed-goto and
 * switch interpreters agree on everything.
 *
 * An input is either a serialized DIF object (it starts with DIF_MAGIC),
 * parsed from an exactly-sized heap copy so any over-read is caught, or,
 * more often useful, raw instruction words over fixed tables: byte 0
 * picks the verifier privileges, the rest are instructions, and the
 * harness supplies integer, string and variable tables whose entries
 * point at mapped memory, so loads, strings and variables do real work.
 * When bit 2 of byte 0 is set the harness first repairs the words into
 * programs the verifier accepts (opcodes and registers in range, unused
 * fields zero, forward branches, valid table indexes and variable ids, a
 * final ret), so half the inputs test the verifier and half go deep into
 * the interpreter and the subroutines.
 *
 * Each verified input runs twice from the same host state, once per
 * dispatcher; the results, the faults and the host state afterwards
 * (scratch, variables, the dynamic-variable pool) must be identical.  Counters of refusals per check, faults per code and clean runs
 * are written to $DIF_FUZZ_STATS (if set) as the run goes, and printed as
 * TAP comments by the corpus replay (built with -DDIF_FUZZ_REPLAY, which
 * adds a main() that runs every file named on the command line).
 */
#include <stdio.h>
#include <stdlib.h>
#include "dif/dif_emit.h"
#include "dif/dif_testhost.h"

#define FZ_DVBYTES	(32 * 1024)
#define FZ_NSVARS	DIF_TH_MAXVARS	/* every static variable id */
#define FZ_SVSIZE	4096	/* the test host's static variable storage */

/* The host state a run can change. */
struct fz_snap {
	char			sn_dv[FZ_DVBYTES];
	char			sn_sv[FZ_NSVARS][FZ_SVSIZE];
	bool			sn_had[FZ_NSVARS];
	char			sn_scratch[16 * 1024];
	size_t			sn_used;
	struct dif_dvar_store	sn_ds;
	uint64_t		sn_rand, sn_nspec, sn_strtok;
};

static struct dif_testhost *fz_th;
static struct fz_snap fz_before, fz_after;
static char fz_kbuf[512];
static char fz_ubuf[512];
static uint64_t fz_refused[DIF_CHK_COUNT];
static uint64_t fz_faults[DIF_FLT_MAX];
static uint64_t fz_inputs, fz_clean;

static const char *const fz_strings[] = {
	"", "hello", "/usr/lib/../bin/./ls", "{\"a\":[1,{\"b\":\"c\"}]}",
	",;", "192.168.0.1", "0x7fff", "abcdefghijklmnopqrstuvwxyz",
};

static void fz_write_stats(void);

static void fz_init(void)
{
	int i;

	fz_th = dif_testhost_new(sizeof(fz_before.sn_scratch), 256, FZ_DVBYTES,
				 512, 2);
	if (fz_th == NULL)
		abort();
	dif_testhost_map(fz_th, fz_kbuf, sizeof(fz_kbuf), false, false);
	dif_testhost_map(fz_th, fz_ubuf, sizeof(fz_ubuf), true, true);
	fz_th->th_nspec = 1000000;
	atexit(fz_write_stats);
	for (i = 0; i < (int)sizeof(fz_kbuf) - 1; i++)
		fz_kbuf[i] = (char)('a' + i % 26);
	memcpy(fz_ubuf, "user memory", 12);
}

static void fz_stats(FILE *fp, const char *prefix)
{
	uint64_t faulted = 0;
	int i;

	for (i = 1; i < DIF_FLT_MAX; i++)
		faulted += fz_faults[i];
	fprintf(fp, "%sinputs %llu: refused %llu, ran %llu (%llu to the end, "
		"%llu to a fault)\n", prefix, (unsigned long long)fz_inputs,
		(unsigned long long)(fz_inputs - fz_clean - faulted),
		(unsigned long long)(fz_clean + faulted),
		(unsigned long long)fz_clean, (unsigned long long)faulted);
	for (i = 1; i < DIF_CHK_COUNT; i++)
		if (fz_refused[i])
			fprintf(fp, "%s  refused by %-12s %llu\n", prefix,
				dif_check_name(i), (unsigned long long)fz_refused[i]);
	for (i = 1; i < DIF_FLT_MAX; i++)
		if (fz_faults[i])
			fprintf(fp, "%s  fault %-30s %llu\n", prefix,
				dif_fault_msg(i), (unsigned long long)fz_faults[i]);
}

static void fz_write_stats(void)
{
	const char *path = getenv("DIF_FUZZ_STATS");
	FILE *fp;

	if (path == NULL || (fp = fopen(path, "w")) == NULL)
		return;
	fz_stats(fp, "");
	fclose(fp);
}

/* Variable ids of the fixed table, by verifier class. */
static uint32_t fz_varid(unsigned int vclass, uint32_t pick)
{
	static const uint32_t gs[] = { 1, 2, 8 }, ga[] = { 3, 4 };

	switch (vclass) {
	case DIF_VC_VGS:
		return gs[pick % 3];
	case DIF_VC_VGA:
		return ga[pick % 2];
	case DIF_VC_VTS:
		return 5;
	case DIF_VC_VTA:
		return 6;
	default:
		return 7;
	}
}

static unsigned int fz_reg(unsigned int use, unsigned int r)
{
	if (use == DIF_U_NONE)
		return 0;
	r &= DIF_NREGS - 1;
	return use == DIF_U_WRITE && r == 0 ? 1 : r;
}

/* Make word i of n acceptable to the verifier, keeping its entropy. */
static dif_instr_t fz_repair(dif_instr_t in, size_t i, size_t n,
			     const int *stroffs, unsigned int nstr)
{
	unsigned int op = 1 + DIF_INSTR_OP(in) % (DIF_OP_COUNT - 1);
	const struct dif_fmtinfo *f = &dif_fmtinfo[dif_opinfo[op].oi_fmt];
	uint32_t u = (uint32_t)DIF_INSTR_IMM(in);
	int32_t imm = 0;

	if (i + 1 == n)
		return DIF_INSTR(DIF_OP_RET, 0, DIF_INSTR_RS1(in) & 15, 0, 0);
	switch (f->fi_imm) {
	case DIF_I_SIMM:
		imm = DIF_INSTR_IMM(in);
		break;
	case DIF_I_TARGET:
		imm = (int32_t)(i + 1 + u % (n - 1 - i));
		break;
	case DIF_I_INT:
		imm = (int32_t)(u % 5);
		break;
	case DIF_I_STR:
		imm = stroffs[u % nstr];
		break;
	case DIF_I_VAR:
		imm = (int32_t)fz_varid(dif_opinfo[op].oi_class, u);
		break;
	case DIF_I_BVAR:
		imm = (int32_t)(op == DIF_OP_LDBA ? DIF_BV_ARGS + u % 3 :
				DIF_BV_ARG0 + u % (DIF_BV_COUNT - DIF_BV_ARG0));
		break;
	case DIF_I_SUBR:
		imm = (int32_t)(1 + u % (DIF_SUBR_COUNT - 1));
		break;
	case DIF_I_SIZE:
		imm = (int32_t)(1 + u % 64);
		break;
	}
	return DIF_INSTR(op, fz_reg(f->fi_rd, DIF_INSTR_RD(in)),
			 fz_reg(f->fi_rs1, DIF_INSTR_RS1(in)),
			 fz_reg(f->fi_rs2, DIF_INSTR_RS2(in)), imm);
}

/* Raw mode: wrap instruction words in an object with fixed tables. */
static void *fz_wrap(const uint8_t *data, size_t n, bool repair,
		     size_t *size)
{
	int stroffs[DIF_ARRAY_SIZE(fz_strings)];
	dif_instr_t *text;
	static const struct dif_type ti = { DIF_TYPE_INT, DIF_TF_SIGNED, 0, 8 };
	static const struct dif_type ts = { DIF_TYPE_STRING, 0, 0, 64 };
	static const struct dif_type tr = { DIF_TYPE_REF, DIF_TF_BYUREF, 0, 16 };
	struct dif_builder *b = dif_builder_new();
	size_t nwords = n / 8, i;
	void *blob = NULL;

	if (nwords > DIF_MAX_INSTRS)
		nwords = DIF_MAX_INSTRS;
	dif_declare_var(b, "g", 1, DIF_SCOPE_GLOBAL, DIF_VKIND_SCALAR, 0, &ti);
	dif_declare_var(b, "gs", 2, DIF_SCOPE_GLOBAL, DIF_VKIND_SCALAR, 0, &ts);
	dif_declare_var(b, "a", 3, DIF_SCOPE_GLOBAL, DIF_VKIND_ARRAY, 0, &ti);
	dif_declare_var(b, "as", 4, DIF_SCOPE_GLOBAL, DIF_VKIND_ARRAY, 0, &ts);
	dif_declare_var(b, "t", 5, DIF_SCOPE_THREAD, DIF_VKIND_SCALAR, 0, &ti);
	dif_declare_var(b, "ta", 6, DIF_SCOPE_THREAD, DIF_VKIND_ARRAY, 0, &ts);
	dif_declare_var(b, "l", 7, DIF_SCOPE_LOCAL, DIF_VKIND_SCALAR, 0, &ti);
	dif_declare_var(b, "u", 8, DIF_SCOPE_GLOBAL, DIF_VKIND_SCALAR, 0, &tr);
	dif_intern_int(b, (intptr_t)fz_kbuf);
	dif_intern_int(b, (intptr_t)fz_ubuf);
	dif_intern_int(b, INT64_MIN);
	dif_intern_int(b, -1);
	dif_intern_int(b, 0x100000000LL);
	for (i = 0; i < DIF_ARRAY_SIZE(fz_strings); i++)
		stroffs[i] = dif_intern_str(b, fz_strings[i]);
	for (i = 0; i < nwords; i++)
		dif_emit(b, DIF_OP_NOP, 0, 0, 0, 0);
	if (dif_builder_finish(b, &blob, size) == 0) {
		text = (dif_instr_t *)((char *)blob + sizeof(struct dif_hdr));
		memcpy(text, data, nwords * 8);
		for (i = 0; repair && i < nwords; i++)
			text[i] = fz_repair(text[i], i, nwords, stroffs,
					    DIF_ARRAY_SIZE(fz_strings));
	}
	dif_builder_free(b);
	return blob;
}

static void fz_save(struct fz_snap *sn)
{
	struct dif_testhost *th = fz_th;
	int i;

	memcpy(sn->sn_dv, th->th_dvmem, FZ_DVBYTES);
	for (i = 0; i < FZ_NSVARS; i++) {
		sn->sn_had[i] = th->th_svars[i] != NULL;
		if (sn->sn_had[i])
			memcpy(sn->sn_sv[i], th->th_svars[i], FZ_SVSIZE);
	}
	/* All of it: DIF may read scratch it has not allocated. */
	sn->sn_used = th->th_ms.ms_scratch_used;
	memcpy(sn->sn_scratch, th->th_scratch, sizeof(sn->sn_scratch));
	sn->sn_ds = th->th_dvars;
	sn->sn_rand = th->th_rand;
	sn->sn_nspec = th->th_nspec;
	sn->sn_strtok = th->th_ms.ms_strtok;
}

static void fz_restore(const struct fz_snap *sn)
{
	struct dif_testhost *th = fz_th;
	int i;

	memcpy(th->th_dvmem, sn->sn_dv, FZ_DVBYTES);
	for (i = 0; i < FZ_NSVARS; i++) {
		if (sn->sn_had[i])
			memcpy(th->th_svars[i], sn->sn_sv[i], FZ_SVSIZE);
		else if (th->th_svars[i] != NULL)
			memset(th->th_svars[i], 0, FZ_SVSIZE);
	}
	th->th_ms.ms_scratch_used = sn->sn_used;
	memcpy(th->th_scratch, sn->sn_scratch, sizeof(sn->sn_scratch));
	th->th_dvars = sn->sn_ds;
	th->th_rand = sn->sn_rand;
	th->th_nspec = sn->sn_nspec;
	th->th_ms.ms_strtok = sn->sn_strtok;
}

static bool fz_same(const struct fz_snap *a, const struct fz_snap *b)
{
	int i;

	if (memcmp(a->sn_dv, b->sn_dv, FZ_DVBYTES) != 0 ||
	    a->sn_used != b->sn_used ||
	    memcmp(a->sn_scratch, b->sn_scratch, sizeof(a->sn_scratch)) ||
	    a->sn_rand != b->sn_rand || a->sn_nspec != b->sn_nspec ||
	    a->sn_strtok != b->sn_strtok)
		return false;
	for (i = 0; i < FZ_NSVARS; i++)
		if (a->sn_had[i] != b->sn_had[i] ||
		    (a->sn_had[i] && memcmp(a->sn_sv[i], b->sn_sv[i], FZ_SVSIZE)))
			return false;
	return true;
}

static void fz_disagree(const char *what)
{
	fprintf(stderr, "goto and switch interpreters disagree on %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	unsigned int privs = DIF_PRIV_ALL;
	struct dif_object obj;
	struct dif_error err;
	uint64_t rv[2], ill;
	uint32_t magic = 0, pc;
	int flt;
	size_t size;
	void *blob;

	if (fz_th == NULL)
		fz_init();
	fz_inputs++;
	if (n >= 4)
		memcpy(&magic, data, 4);
	if (magic == DIF_MAGIC) {
		size = n;
		blob = malloc(n);	/* exact size: ASan sees over-reads */
		if (blob == NULL)
			return 0;
		memcpy(blob, data, n);
	} else {
		if (n > 0)
			privs = data[0] & DIF_PRIV_ALL;
		blob = fz_wrap(n > 0 ? data + 1 : data, n > 0 ? n - 1 : 0,
			       n > 0 && (data[0] & 4), &size);
		if (blob == NULL)
			return 0;
	}
	if (n > 0 && (data[0] & 4) && magic != DIF_MAGIC)
		privs = DIF_PRIV_ALL;
	if (dif_object_parse(&obj, blob, size, &err) != 0 ||
	    dif_verify(&obj, privs, &err) != 0) {
		fz_refused[err.de_check]++;
		goto out;
	}
	dif_testhost_clause(fz_th);
	fz_th->th_ms.ms_strtok = 0;
	fz_save(&fz_before);
	rv[0] = dif_testhost_run(fz_th, &obj, false);
	flt = fz_th->th_ms.ms_fault;
	ill = fz_th->th_ms.ms_illval;
	pc = fz_th->th_ms.ms_fault_pc;
	fz_save(&fz_after);
	fz_restore(&fz_before);
	rv[1] = dif_testhost_run(fz_th, &obj, true);
	fz_save(&fz_before);
	if (flt != fz_th->th_ms.ms_fault)
		fz_disagree("the fault");
	if (flt != 0 && (ill != fz_th->th_ms.ms_illval ||
			    pc != fz_th->th_ms.ms_fault_pc))
		fz_disagree("the fault's value or place");
	if (flt == 0 && rv[0] != rv[1])
		fz_disagree("the result");
	if (!fz_same(&fz_before, &fz_after))
		fz_disagree("the host state afterwards");
	if (flt != 0)
		fz_faults[flt]++;
	else
		fz_clean++;
out:
	free(blob);
	if ((fz_inputs & 0xffff) == 0)
		fz_write_stats();
	return 0;
}

#ifdef DIF_FUZZ_REPLAY
/*
 * Replay every file named.  A finding aborts (so no "ok" line is
 * printed and the make rule reports the failure); otherwise one TAP line
 * and the report as comments.
 */
int main(int argc, char **argv)
{
	static uint8_t buf[1 << 20];
	int i;

	for (i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		size_t n;

		if (fp == NULL) {
			printf("not ok 1 - dif corpus replay: cannot open %s\n",
			       argv[i]);
			return 1;
		}
		n = fread(buf, 1, sizeof(buf), fp);
		fclose(fp);
		LLVMFuzzerTestOneInput(buf, n);
	}
	printf("ok 1 - dif corpus replay: %d inputs, no finding\n", argc - 1);
	fz_stats(stdout, "# ");
	printf("1..1\n");
	return 0;
}
#endif
