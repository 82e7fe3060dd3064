/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Helpers shared by the DIF unit tests: assemble a program, verify it,
 * run it on the test host with both dispatchers (computed goto and
 * switch), and check that the two agree on the result, the fault, the
 * faulting instruction and the scratch they used.  Host state a program
 * changes (scratch, strtok, rand, speculations) is rewound between the
 * two runs; variables are not, so tests of variables store idempotently.
 */
#ifndef T_DIF_H
#define T_DIF_H

#include <stdlib.h>
#include "dif/dif_asm.h"
#include "dif/dif_testhost.h"
#include "tap.h"

static struct dif_testhost *t_th;

struct t_run {
	uint64_t	r_val;
	int		r_fault;
	uint64_t	r_illval;
	uint32_t	r_pc;
	int		r_check;	/* verifier's refusal, 0 if accepted */
	int32_t		r_vpc;
};

static inline void t_host(void)
{
	dif_testhost_free(t_th);
	t_th = dif_testhost_new(64 * 1024, 256, 256 * 1024, 512, 4);
	if (t_th == NULL)
		abort();
}

/* Assemble or die: a test whose program does not assemble is a bug. */
static inline void *t_asm(const char *src, size_t *size)
{
	char err[256];
	void *blob;

	if (dif_asm(src, &blob, size, err, sizeof(err)) != 0) {
		printf("# assembly failed: %s\n# %s\n", err, src);
		abort();
	}
	return blob;
}

/*
 * Run src with privileges privs.  Each dispatcher starts from the same
 * scratch mark; the results must agree.
 */
static inline struct t_run t_run_priv(const char *src, unsigned int privs)
{
	struct dif_mstate *ms = &t_th->th_ms;
	struct t_run r[2];
	struct dif_object obj;
	struct dif_error err;
	size_t size, used = ms->ms_scratch_used, used0 = 0;
	uint64_t strtok0 = ms->ms_strtok;
	uint64_t rand0 = t_th->th_rand, nspec0 = t_th->th_nspec;
	void *blob = t_asm(src, &size);
	int i;

	memset(r, 0, sizeof(r));
	if (dif_object_parse(&obj, blob, size, &err) != 0 ||
	    dif_verify(&obj, privs, &err) != 0) {
		r[0].r_check = err.de_check;
		r[0].r_vpc = err.de_pc;
		free(blob);
		return r[0];
	}
	for (i = 0; i < 2; i++) {
		ms->ms_scratch_used = used;
		ms->ms_strtok = strtok0;
		t_th->th_rand = rand0;
		t_th->th_nspec = nspec0;
		r[i].r_val = dif_testhost_run(t_th, &obj, i == 1);
		r[i].r_fault = ms->ms_fault;
		r[i].r_illval = ms->ms_fault ? ms->ms_illval : 0;
		r[i].r_pc = ms->ms_fault ? ms->ms_fault_pc : 0;
		if (i == 0)
			used0 = ms->ms_scratch_used;
	}
	if (memcmp(&r[0], &r[1], sizeof(r[0])) != 0 ||
	    used0 != ms->ms_scratch_used)
		ok(0, "goto and switch dispatch disagree on: %s", src);
	free(blob);
	return r[0];
}

static inline struct t_run t_run(const char *src)
{
	return t_run_priv(src, DIF_PRIV_ALL);
}

/* The result of a program that must not fault. */
static inline uint64_t t_val(const char *src)
{
	struct t_run r = t_run(src);

	if (r.r_check != 0 || r.r_fault != 0)
		printf("# unexpected: check %s fault %d at %u in %s\n",
		       dif_check_name(r.r_check), r.r_fault, r.r_pc, src);
	return r.r_val;
}

/* The string a program returns. */
static inline const char *t_str(const char *src)
{
	uint64_t v = t_val(src);

	return v ? (const char *)(uintptr_t)v : "(null)";
}

#endif /* T_DIF_H */
