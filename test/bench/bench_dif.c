// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * make bench-dif: the cost of DIF interpretation, natively and in
 * callgrind instruction counts, for three kinds of program (ALU-heavy,
 * string-heavy, associative-array), with both dispatchers.  It prints
 * figures; it never passes or fails.
 *
 * ns per DIF instruction = wall time / instructions executed (each
 * program is straight-line, so a run executes all of its instructions).
 * Machine instructions per DIF instruction come from running this program
 * under callgrind for N and 2N iterations and dividing the difference by
 * the N runs' DIF instructions, which cancels start-up costs.  The nop
 * program measures dispatch alone; the ALU one dispatch, operand decoding
 * and one operation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "dif/dif_asm.h"
#include "dif/dif_testhost.h"

static char bench_nop[8192], bench_alu[8192], bench_str[8192], bench_aa[8192];

static void bench_build(void)
{
	size_t n = 0;
	int i;

	for (i = 0; i < 200; i++)
		n += (size_t)snprintf(bench_nop + n, sizeof(bench_nop) - n, "nop\n");
	snprintf(bench_nop + n, sizeof(bench_nop) - n, "ret %%r0\n");
	n = 0;
	n += (size_t)snprintf(bench_alu + n, sizeof(bench_alu) - n,
			      "ldb %%r1, arg0\nldb %%r2, arg1\n");
	for (i = 0; i < 50; i++)
		n += (size_t)snprintf(bench_alu + n, sizeof(bench_alu) - n,
				      "add %%r3, %%r1, %%r2\nxor %%r4, %%r3, %%r1\n"
				      "slli %%r5, %%r4, 3\nmul %%r1, %%r5, %%r2\n");
	snprintf(bench_alu + n, sizeof(bench_alu) - n, "ret %%r1\n");

	n = (size_t)snprintf(bench_str, sizeof(bench_str),
			     ".rtype string:256\nsets %%r1, \"/usr/lib/x86_64-linux-gnu\"\n"
			     "sets %%r2, \"libc.so.6\"\n");
	for (i = 0; i < 10; i++)
		n += (size_t)snprintf(bench_str + n, sizeof(bench_str) - n,
				      "pushtv %%r1\npushtv %%r2\ncall %%r3, strjoin\n"
				      "pushtv %%r3\ncall %%r4, strlen\n"
				      "scmp %%r5, %%r3, %%r1\n");
	snprintf(bench_str + n, sizeof(bench_str) - n, "ret %%r3\n");

	n = (size_t)snprintf(bench_aa, sizeof(bench_aa),
			     ".var c 1 global array int64 rw\nldb %%r1, arg0\n");
	for (i = 0; i < 20; i++)
		n += (size_t)snprintf(bench_aa + n, sizeof(bench_aa) - n,
				      "addi %%r2, %%r1, %d\npushtv %%r2\nldga %%r3, c\n"
				      "addi %%r3, %%r3, 1\npushtv %%r2\nstga c, %%r3\n", i);
	snprintf(bench_aa + n, sizeof(bench_aa) - n, "ret %%r3\n");
}

struct bench_prog {
	const char		*bp_name;
	const char		*bp_src;
	void			*bp_blob;
	struct dif_object	bp_obj;
};

static struct bench_prog bench_progs[] = {
	{ "nop", bench_nop, NULL, { 0 } },
	{ "alu", bench_alu, NULL, { 0 } },
	{ "string", bench_str, NULL, { 0 } },
	{ "assoc", bench_aa, NULL, { 0 } },
};

static struct dif_testhost *bench_th;

static void bench_load(void)
{
	struct dif_error e;
	char err[256];
	size_t size, i;

	bench_build();
	bench_th = dif_testhost_new(64 * 1024, 256, 1 << 20, 256, 1);
	bench_th->th_args[0] = 3;
	bench_th->th_args[1] = 5;
	for (i = 0; i < DIF_ARRAY_SIZE(bench_progs); i++) {
		struct bench_prog *p = &bench_progs[i];

		if (dif_asm(p->bp_src, &p->bp_blob, &size, err, sizeof(err)) != 0 ||
		    dif_object_parse(&p->bp_obj, p->bp_blob, size, &e) != 0 ||
		    dif_verify(&p->bp_obj, DIF_PRIV_ALL, &e) != 0) {
			fprintf(stderr, "bench program %s: %s %s\n", p->bp_name, err,
				dif_check_msg(e.de_check));
			exit(1);
		}
	}
}

static void bench_loop(const struct bench_prog *p, bool sw, long iters)
{
	long i;

	for (i = 0; i < iters; i++) {
		dif_testhost_clause(bench_th);
		dif_testhost_run(bench_th, &p->bp_obj, sw);
	}
}

static double bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Ir of this program run under callgrind for iters iterations, or -1. */
static double bench_ir(const char *self, int prog, bool sw, long iters)
{
	char cmd[1024], line[512];
	double ir = -1;
	FILE *fp;
	char *p;

	snprintf(cmd, sizeof(cmd), "valgrind --tool=callgrind "
		 "--callgrind-out-file=/dev/null %s --run %d %d %ld 2>&1",
		 self, prog, sw, iters);
	fp = popen(cmd, "r");
	if (fp == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp) != NULL)
		if ((p = strstr(line, "Collected : ")) != NULL)
			ir = strtod(p + 12, NULL);
	pclose(fp);
	return ir;
}

int main(int argc, char **argv)
{
	const long iters = 200000, cg = 2000;
	size_t i;
	int sw;

	bench_load();
	if (argc == 5 && strcmp(argv[1], "--run") == 0) {
		bench_loop(&bench_progs[atoi(argv[2])], atoi(argv[3]),
			   atol(argv[4]));
		return 0;
	}
	printf("%-8s %-7s %7s %12s %14s\n", "program", "dispatch", "instrs",
	       "ns/DIF instr", "Ir/DIF instr");
	for (i = 0; i < DIF_ARRAY_SIZE(bench_progs); i++) {
		const struct bench_prog *p = &bench_progs[i];

		for (sw = 0; sw < 2; sw++) {
			double t0, t1, ir1, ir2;

			bench_loop(p, sw, iters / 10);	/* warm up */
			t0 = bench_now();
			bench_loop(p, sw, iters);
			t1 = bench_now();
			ir1 = bench_ir(argv[0], (int)i, sw, cg);
			ir2 = bench_ir(argv[0], (int)i, sw, 2 * cg);
			printf("%-8s %-8s %7u %12.2f ", p->bp_name,
			       sw ? "switch" : "goto", p->bp_obj.do_ninstr,
			       (t1 - t0) / ((double)iters * p->bp_obj.do_ninstr));
			if (ir1 > 0 && ir2 > 0)
				printf("%14.1f\n", (ir2 - ir1) /
				       ((double)cg * p->bp_obj.do_ninstr));
			else
				printf("%14s\n", "(no valgrind)");
		}
	}
	return 0;
}
