// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The userland test host (see dif_testhost.h).
 */
#include <stdlib.h>
#include "dif_testhost.h"

static const struct dif_th_region *dif_th_find(const struct dif_testhost *th,
					       uint64_t addr, bool user)
{
	unsigned int i;

	for (i = 0; i < th->th_nregions; i++) {
		const struct dif_th_region *r = &th->th_regions[i];

		if (r->tr_user == user && addr >= r->tr_base &&
		    addr - r->tr_base < r->tr_size)
			return r;
	}
	return NULL;
}

static int dif_th_load(struct dif_testhost *th, void *dst, uint64_t addr,
		       size_t len, bool user)
{
	const struct dif_th_region *r = dif_th_find(th, addr, user);

	if (r == NULL || len > r->tr_size - (addr - r->tr_base))
		return DIF_FLT_BADADDR;
	memcpy(dst, (const void *)(uintptr_t)addr, len);
	return 0;
}

static int dif_th_str(struct dif_testhost *th, char *dst, uint64_t addr,
		      size_t max, size_t *len, bool user)
{
	const struct dif_th_region *r = dif_th_find(th, addr, user);
	size_t n, avail;

	if (r == NULL)
		return DIF_FLT_BADADDR;
	avail = r->tr_size - (addr - r->tr_base);
	for (n = 0; n < max; n++) {
		if (n == avail)
			return DIF_FLT_BADADDR;	/* runs off the mapping */
		dst[n] = ((const char *)(uintptr_t)addr)[n];
		if (dst[n] == '\0')
			break;
	}
	*len = n;
	return 0;
}

static int th_kload(void *host, void *dst, uint64_t addr, size_t len)
{
	return dif_th_load(host, dst, addr, len, false);
}

static int th_uload(void *host, void *dst, uint64_t addr, size_t len)
{
	return dif_th_load(host, dst, addr, len, true);
}

static int th_kstr(void *host, char *dst, uint64_t addr, size_t max,
		   size_t *len)
{
	return dif_th_str(host, dst, addr, max, len, false);
}

static int th_ustr(void *host, char *dst, uint64_t addr, size_t max,
		   size_t *len)
{
	return dif_th_str(host, dst, addr, max, len, true);
}

static int th_ustore(void *host, uint64_t addr, const void *src, size_t len)
{
	struct dif_testhost *th = host;
	const struct dif_th_region *r = dif_th_find(th, addr, true);

	if (r == NULL || !r->tr_writable ||
	    len > r->tr_size - (addr - r->tr_base))
		return DIF_FLT_BADADDR;
	memcpy((void *)(uintptr_t)addr, src, len);
	return 0;
}

static int th_builtin(void *host, struct dif_mstate *ms, unsigned int id,
		      uint64_t idx, uint64_t *val)
{
	struct dif_testhost *th = host;

	(void)ms;
	if (id == DIF_BV_ARGS) {
		if (idx >= DIF_TH_NARGS)
			return DIF_FLT_ILLOP;
		*val = th->th_args[idx];
		return 0;
	}
	if (id >= DIF_BV_ARG0 && id <= DIF_BV_ARG9) {
		*val = th->th_args[id - DIF_BV_ARG0];
		return 0;
	}
	if (dif_bvinfo[id].bi_array)
		return DIF_FLT_ILLOP;	/* no uregs/vmregs here */
	*val = th->th_bv[id];
	return 0;
}

static void *th_svar(void *host, const struct dif_var *v)
{
	struct dif_testhost *th = host;
	size_t size = v->dv_type.dt_kind == DIF_TYPE_INT ? 8 :
		      v->dv_type.dt_size;

	if (v->dv_id >= DIF_TH_MAXVARS)
		return NULL;
	/*
	 * The kernel allocates at enabling time; allocating on first use is
	 * the same as far as DIF can tell.  Sized for the largest type.
	 */
	if (th->th_svars[v->dv_id] == NULL) {
		th->th_svars[v->dv_id] = calloc(1, size < 4096 ? 4096 : size);
		if (th->th_svars[v->dv_id] == NULL)
			return NULL;
		dif_testhost_map(th, th->th_svars[v->dv_id],
				 size < 4096 ? 4096 : size, false, false);
	}
	return th->th_svars[v->dv_id];
}

static int th_dvar(void *host, const struct dif_dkey *key, uint32_t valsize,
		   int op, void **valp)
{
	struct dif_testhost *th = host;

	return dif_dvar_lookup(&th->th_dvars, th->th_cpu, key, valsize, op,
			       valp);
}

static uint64_t th_thread_key(void *host)
{
	return ((struct dif_testhost *)host)->th_thread;
}

static uint64_t th_speculation(void *host)
{
	struct dif_testhost *th = host;

	return th->th_nspec > 0 ? th->th_nspec-- : 0;
}

static uint64_t th_rand(void *host)
{
	struct dif_testhost *th = host;
	uint64_t x = th->th_rand;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	th->th_rand = x;
	return x;
}

static int th_progenyof(void *host, int64_t pid)
{
	struct dif_testhost *th = host;
	unsigned int i;

	for (i = 0; i < DIF_ARRAY_SIZE(th->th_ancestors); i++)
		if (th->th_ancestors[i] == pid && pid != 0)
			return 1;
	return (int64_t)th->th_bv[DIF_BV_PID] == pid;
}

static const struct dif_kernlayout *th_kernlayout(void *host)
{
	return ((struct dif_testhost *)host)->th_kernlayout;
}

static const struct dif_host_ops dif_th_ops = {
	.dho_kload = th_kload,
	.dho_uload = th_uload,
	.dho_kstr = th_kstr,
	.dho_ustr = th_ustr,
	.dho_ustore = th_ustore,
	.dho_builtin = th_builtin,
	.dho_svar = th_svar,
	.dho_dvar = th_dvar,
	.dho_thread_key = th_thread_key,
	.dho_speculation = th_speculation,
	.dho_rand = th_rand,
	.dho_progenyof = th_progenyof,
	.dho_kernlayout = th_kernlayout,
};

void dif_testhost_map(struct dif_testhost *th, const void *base, size_t size,
		      bool user, bool writable)
{
	struct dif_th_region *r;

	if (th->th_nregions == DIF_TH_MAXREGIONS)
		abort();	/* a test bug */
	r = &th->th_regions[th->th_nregions++];
	r->tr_base = (uintptr_t)base;
	r->tr_size = size;
	r->tr_user = user;
	r->tr_writable = writable;
}

struct dif_testhost *dif_testhost_new(size_t scratch, uint32_t strsize,
				      size_t dvbytes, uint32_t chunksize,
				      uint32_t ncpus)
{
	struct dif_testhost *th = calloc(1, sizeof(*th));

	if (th == NULL)
		return NULL;
	th->th_scratch = aligned_alloc(64, (scratch + 63) & ~(size_t)63);
	th->th_dvmem = aligned_alloc(64, (dvbytes + 63) & ~(size_t)63);
	if (th->th_scratch == NULL || th->th_dvmem == NULL ||
	    dif_dvar_init(&th->th_dvars, th->th_dvmem, dvbytes, chunksize,
			  ncpus) == 0) {
		dif_testhost_free(th);
		return NULL;
	}
	th->th_ms.ms_ops = &dif_th_ops;
	th->th_ms.ms_host = th;
	th->th_ms.ms_scratch_base = (uintptr_t)th->th_scratch;
	th->th_ms.ms_scratch_size = scratch;
	th->th_ms.ms_strsize = strsize;
	th->th_ms.ms_keymax = strsize > 256 ? strsize : 256;
	th->th_thread = 0x1000;
	th->th_rand = 0x2545f4914f6cdd1dULL;
	/* Scratch is mapped whole: DIF may read what it has not allocated. */
	dif_testhost_map(th, th->th_scratch, scratch, false, false);
	dif_testhost_map(th, th->th_dvmem, dvbytes, false, false);
	return th;
}

void dif_testhost_free(struct dif_testhost *th)
{
	unsigned int i;

	if (th == NULL)
		return;
	for (i = 0; i < DIF_TH_MAXVARS; i++)
		free(th->th_svars[i]);
	free(th->th_scratch);
	free(th->th_dvmem);
	free(th);
}

void dif_testhost_clause(struct dif_testhost *th)
{
	th->th_ms.ms_scratch_used = 0;
}

uint64_t dif_testhost_run(struct dif_testhost *th, const struct dif_object *obj,
			  bool use_switch)
{
	unsigned int saved = th->th_nregions;
	uint64_t rv;

	dif_testhost_map(th, obj->do_blob, obj->do_size, false, false);
	rv = use_switch ? dif_run_switch(obj, &th->th_ms) :
			  dif_run(obj, &th->th_ms);
	/* The object mapping ends with the run; variable storage stays. */
	if (th->th_nregions == saved + 1)
		th->th_nregions = saved;
	else
		th->th_regions[saved] = th->th_regions[--th->th_nregions];
	return rv;
}
