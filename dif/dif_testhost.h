/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * A userland host for the DIF machine: the tests, the fuzz targets, the
 * benchmark and `dtrace -S`-style tools run DIF with it.  Userland only;
 * dtrace.ko never links it.
 *
 * "Memory" is a list of mapped regions: a load succeeds only inside one
 * (kernel or user, as mapped), so a wild address is DIF_FLT_BADADDR, as a
 * nofault load in the kernel makes it.  The scratch, the object being run,
 * variable storage and the dynamic-variable pool are mapped as kernel
 * memory; tests map their own buffers.  Built-in variables are plain
 * fields the test sets.  Dynamic variables live in a dif_dvar store, so
 * the store is exercised by every test that uses arrays or self->.
 * d_path() and getf() walk structures the test builds and describes in
 * th_kernlayout (NULL: they raise an illegal operation, as on a host
 * that cannot walk them).
 */
#ifndef DIF_TESTHOST_H
#define DIF_TESTHOST_H

#include "dif_dvar.h"

#define DIF_TH_MAXREGIONS	64
#define DIF_TH_MAXVARS		256	/* static variable ids 0..255 */
#define DIF_TH_NARGS		10

struct dif_th_region {
	uintptr_t	tr_base;
	size_t		tr_size;
	bool		tr_user;
	bool		tr_writable;	/* user region copyout may write */
};

struct dif_testhost {
	struct dif_mstate	th_ms;
	char			*th_scratch;
	struct dif_th_region	th_regions[DIF_TH_MAXREGIONS];
	unsigned int		th_nregions;

	uint64_t		th_bv[DIF_BV_COUNT];	/* ldb values */
	uint64_t		th_args[DIF_TH_NARGS];	/* args[] */
	uint64_t		th_thread;		/* thread key */
	uint32_t		th_cpu;			/* current CPU */
	uint64_t		th_rand;		/* xorshift state */
	uint64_t		th_nspec;		/* free speculations */
	int64_t			th_ancestors[8];	/* progenyof() */
	const struct dif_kernlayout *th_kernlayout;	/* d_path, getf: the
						 * test's fake kernel */

	void			*th_svars[DIF_TH_MAXVARS];
	struct dif_dvar_store	th_dvars;
	void			*th_dvmem;
};

/*
 * A host with scratch bytes of scratch, the given strsize, and a
 * dynamic-variable pool of dvbytes in chunks of chunksize on ncpus CPUs.
 */
struct dif_testhost *dif_testhost_new(size_t scratch, uint32_t strsize,
				      size_t dvbytes, uint32_t chunksize,
				      uint32_t ncpus);
void dif_testhost_free(struct dif_testhost *th);

/* Make [base, base + size) loadable (and copyout-able if writable). */
void dif_testhost_map(struct dif_testhost *th, const void *base, size_t size,
		      bool user, bool writable);

/*
 * Run a verified object: maps it, resets the tuple stack and fault, and
 * keeps scratch (reset it per "clause" with dif_testhost_clause).
 */
uint64_t dif_testhost_run(struct dif_testhost *th, const struct dif_object *obj,
			  bool use_switch);
void dif_testhost_clause(struct dif_testhost *th);

#endif /* DIF_TESTHOST_H */
