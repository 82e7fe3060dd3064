/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The dynamic-variable store: associative-array elements and self->
 * variables, as DTrace's dynvar design.  One preallocated pool of
 * fixed-size chunks, a hash table of chains, per-CPU free lists; probe
 * context looks up, inserts and deletes without locks; a cleaner in
 * process context reclaims deleted chunks.  The design and its
 * invariants are described at the top of dif_dvar.c.
 */
#ifndef DIF_DVAR_H
#define DIF_DVAR_H

#include "dif_vm.h"

/*
 * Per CPU, written only by its CPU in probe context (dc_free by anyone,
 * with compare-and-swap).  An allocation that finds no free chunk is a
 * drop of one of three kinds, as DTrace counts them: with chunks on the
 * rinsing list (unlinked, awaiting the grace period), else with deleted
 * chunks not yet unlinked (the dirty ones), else a plain drop.
 */
struct dif_dvar_cpu {
	uintptr_t	dc_free;	/* free list (chunks linked by dv_link) */
	uint64_t	dc_drops;	/* plain drops */
	uint64_t	dc_dirty_drops;	/* drops with deleted chunks unlinked */
	uint64_t	dc_rinsing_drops; /* drops with a rinsing list */
	uint64_t	dc_killed;	/* chunks this CPU made DEAD */
	uint64_t	dc_pad[3];	/* one cache line per CPU */
};

struct dif_dvar_store {
	uintptr_t		*ds_buckets;	/* chain heads */
	uint32_t		ds_nbuckets;	/* a power of two */
	uint32_t		ds_ncpus;
	struct dif_dvar_cpu	*ds_cpus;
	char			*ds_chunks;
	uint32_t		ds_chunksize;
	uint32_t		ds_nchunks;
	uintptr_t		ds_rinsing;	/* unlinked, awaiting a sync */
	uint64_t		ds_reaped;	/* killed by the reaper */
	uint64_t		ds_unlinked;	/* DEAD chunks the cleaner
						 * unlinked: dirty ones are
						 * killed - unlinked */
};

/*
 * The chunk size that holds a key of nkeys elements with keybytes bytes
 * of by-reference data, and a value of valsize bytes.  A host takes the
 * largest over the variables of its programs (by-reference keys counted
 * at strsize or their declared size).
 */
uint32_t dif_dvar_chunksize(uint32_t nkeys, uint32_t keybytes,
			    uint32_t valsize);

/*
 * Carve a store out of size bytes at mem (64-byte aligned): per-CPU
 * state, buckets and chunks of chunksize bytes, all free.  Returns the
 * number of chunks, 0 if mem cannot hold one.  Process context.
 */
uint32_t dif_dvar_init(struct dif_dvar_store *ds, void *mem, size_t size,
		       uint32_t chunksize, uint32_t ncpus);

/*
 * PROBE CONTEXT.  Find, create or delete the variable of key (op is
 * DIF_DVAR_*) on behalf of CPU cpu.  Returns 0 with *valp the value's
 * storage (valsize bytes, zeroed when created) or NULL (absent, deleted,
 * or dropped for lack of chunks: counted in dc_drops), or
 * DIF_FLT_KEYSIZE when key and value do not fit in a chunk.  By-reference
 * key bytes must be readable kernel memory (the interpreter copies them
 * into scratch when they are pushed).
 */
int dif_dvar_lookup(struct dif_dvar_store *ds, uint32_t cpu,
		    const struct dif_dkey *key, uint32_t valsize, int op,
		    void **valp);

/*
 * The cleaner, process context, one at a time: dif_dvar_clean() unlinks
 * deleted chunks from their chains; the host must then wait until no CPU
 * can still be in probe context that began before (the kernel: a
 * cross-call or synchronize_rcu on every CPU, DTrace's dtrace_sync) and
 * call dif_dvar_reclaim() to put them back on the free lists.
 */
void dif_dvar_clean(struct dif_dvar_store *ds);
void dif_dvar_reclaim(struct dif_dvar_store *ds);

/*
 * The reaper, process context, run by the cleaner before a clean (so the
 * host's cleaner is the only writer of ds_reaped): every LIVE self->
 * variable (dk_id with DIF_DKEY_THREAD) whose thread key alive() says is
 * gone is deleted, so threads that exit with self-> variables set do not
 * exhaust the pool.  Returns how many it deleted.  A thread key must
 * never be reused by another thread while a variable of it may live (the
 * kernel's key carries the thread's start time for that).
 */
uint32_t dif_dvar_reap(struct dif_dvar_store *ds,
		       bool (*alive)(void *arg, uint64_t thread_key),
		       void *arg);

/* Drops of each kind over every CPU (DTrace's three counts). */
void dif_dvar_drops(const struct dif_dvar_store *ds, uint64_t *plain,
		    uint64_t *dirty, uint64_t *rinsing);

/* Free chunks, for statistics and tests (process context, quiescent). */
uint32_t dif_dvar_nfree(const struct dif_dvar_store *ds);

#endif /* DIF_DVAR_H */
