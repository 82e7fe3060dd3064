// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The dynamic-variable store (see dif_dvar.h for the interface).
 *
 * Memory, all from one preallocated area:
 *
 *   +--------------------+---------------------+-----------------------+
 *   | dif_dvar_cpu[ncpu] | uintptr_t buckets[] | chunk | chunk | ...   |
 *   +--------------------+---------------------+-----------------------+
 *
 *   chunk: +---------------------------------------------------------+
 *          | struct dif_dvar | dif_tuple keys[nkeys] | key bytes | value |
 *          +---------------------------------------------------------+
 *
 * A chunk is FREE (on a per-CPU free list, linked by dd_link), LIVE (in
 * a hash chain, linked by dd_next) or DEAD (deleted, still in its chain
 * until the cleaner unlinks it, then on the rinsing list by dd_link).
 *
 * Probe context, lock-free:
 *  - lookup walks a chain and matches LIVE chunks only;
 *  - insert pops a chunk from its CPU's free list (stealing from other
 *    CPUs when empty; none anywhere is a counted drop), fills it, and
 *    pushes it on the chain head with compare-and-swap.  Two CPUs may
 *    insert the same key at once: after its push, an inserter looks at
 *    the older part of the chain, and if it finds a LIVE twin it kills
 *    its own chunk and uses the twin, so the oldest always wins;
 *  - delete flips LIVE to DEAD with compare-and-swap (so one deleter
 *    wins), and never touches a link.
 *
 * Only the cleaner (process context, one at a time) changes a link that
 * is not a chain head, and it never changes dd_next of an unlinked
 * chunk, so a walker standing on a chunk being unlinked still finds the
 * rest of the chain.  Chunks return to the free lists only after the host
 * has waited for every CPU to leave probe context (dif_dvar_reclaim), so
 * no walker holds a pointer to a recycled chunk, and a free-list pop
 * cannot see its head reappear (no ABA).
 *
 * Drops.  An allocation that finds no free chunk on any CPU is counted
 * by kind, as DTrace reports them: "with non-empty rinsing list" when the
 * cleaner holds unlinked chunks it has not freed yet, else "with
 * non-empty dirty list" when deleted chunks wait for the cleaner (every
 * CPU counts the chunks it killed, dc_killed; the cleaner counts those it
 * unlinked, ds_unlinked; the difference is the dirty ones), else a plain
 * drop: the pool is full of live variables.
 *
 * Exited threads.  A self-> variable is keyed by its thread; a thread
 * that exits with one set would hold its chunk forever.  The reaper
 * (dif_dvar_reap, run by the host's cleaner) scans the chunks for LIVE
 * thread-scoped ones (DIF_DKEY_THREAD) whose thread the host says is
 * gone, and kills them like a delete, so the cleaner recycles them.  A
 * chunk being filled may already read LIVE before its chain publishes it:
 * killing it then only loses a store of a dead thread.
 */
#include "dif_dvar.h"

#define DIF_DVS_LIVE	1
#define DIF_DVS_DEAD	2

struct dif_dvar {
	uintptr_t	dd_next;	/* hash chain */
	uintptr_t	dd_link;	/* free or rinsing list */
	uintptr_t	dd_state;	/* DIF_DVS_* */
	uint64_t	dd_hash;
	uint32_t	dd_id;
	uint32_t	dd_nkeys;
	uint32_t	dd_valoff;	/* value offset from the chunk start */
	uint32_t	dd_pad;
	struct dif_tuple dd_keys[];	/* by-reference tu_value: address of
					 * the bytes inside this chunk */
};

static inline size_t dif_al8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

uint32_t dif_dvar_chunksize(uint32_t nkeys, uint32_t keybytes,
			    uint32_t valsize)
{
	return (uint32_t)(sizeof(struct dif_dvar) +
			  nkeys * sizeof(struct dif_tuple) +
			  dif_al8(keybytes) + dif_al8(valsize));
}

/* The bytes a key needs in a chunk beyond the header and tuple array. */
static size_t dif_dvar_keybytes(const struct dif_dkey *key)
{
	size_t n = 0;
	uint32_t i;

	for (i = 0; i < key->dk_nkeys; i++)
		n += dif_al8(key->dk_keys[i].tu_size);
	return n;
}

static inline uint64_t dif_mix(uint64_t h, uint64_t v)
{
	h ^= v;
	h *= 0x9e3779b97f4a7c15ULL;
	return h ^ (h >> 29);
}

static uint64_t dif_dvar_hash(const struct dif_dkey *key)
{
	uint64_t h = dif_mix(key->dk_id, key->dk_nkeys), w;
	const char *p;
	uint32_t i, j, n;

	for (i = 0; i < key->dk_nkeys; i++) {
		const struct dif_tuple *t = &key->dk_keys[i];

		if (t->tu_size == 0) {
			h = dif_mix(h, t->tu_value);
			continue;
		}
		p = (const char *)(uintptr_t)t->tu_value;
		for (j = 0; j < t->tu_size; j += 8) {
			n = t->tu_size - j < 8 ? t->tu_size - j : 8;
			w = 0;
			memcpy(&w, p + j, n);
			h = dif_mix(h, w);
		}
		h = dif_mix(h, t->tu_size);
	}
	return h;
}

static bool dif_dvar_match(const struct dif_dvar *dv, uint64_t hash,
			   const struct dif_dkey *key)
{
	uint32_t i;

	if (dv->dd_hash != hash || dv->dd_id != key->dk_id ||
	    dv->dd_nkeys != key->dk_nkeys ||
	    READ_ONCE(dv->dd_state) != DIF_DVS_LIVE)
		return false;
	for (i = 0; i < key->dk_nkeys; i++) {
		const struct dif_tuple *a = &dv->dd_keys[i];
		const struct dif_tuple *b = &key->dk_keys[i];

		if (a->tu_size != b->tu_size)
			return false;
		if (a->tu_size == 0 ? a->tu_value != b->tu_value :
		    memcmp((const void *)(uintptr_t)a->tu_value,
			   (const void *)(uintptr_t)b->tu_value,
			   a->tu_size) != 0)
			return false;
	}
	return true;
}

/* The first LIVE chunk of key from chain position p on, or NULL. */
static struct dif_dvar *dif_dvar_find(uintptr_t p, uint64_t hash,
				      const struct dif_dkey *key)
{
	while (p != 0) {
		struct dif_dvar *dv = (struct dif_dvar *)p;

		if (dif_dvar_match(dv, hash, key))
			return dv;
		p = READ_ONCE(dv->dd_next);
	}
	return NULL;
}

static struct dif_dvar *dif_dvar_pop(uintptr_t *head)
{
	uintptr_t h, next;

	while ((h = READ_ONCE(*head)) != 0) {
		next = ((struct dif_dvar *)h)->dd_link;
		if (dif_cas(head, h, next) == h)
			return (struct dif_dvar *)h;
	}
	return NULL;
}

static void dif_dvar_push(uintptr_t *head, struct dif_dvar *dv)
{
	uintptr_t h;

	do {
		h = READ_ONCE(*head);
		dv->dd_link = h;
	} while (dif_cas(head, h, (uintptr_t)dv) != h);
}

/* Deleted chunks the cleaner has not unlinked yet (racy, for counts). */
static int64_t dif_dvar_ndirty(const struct dif_dvar_store *ds)
{
	uint64_t killed = READ_ONCE(ds->ds_reaped);
	uint32_t i;

	for (i = 0; i < ds->ds_ncpus; i++)
		killed += READ_ONCE(ds->ds_cpus[i].dc_killed);
	return (int64_t)(killed - READ_ONCE(ds->ds_unlinked));
}

/* LIVE to DEAD, counted for CPU cpu if this call did it. */
static void dif_dvar_kill(struct dif_dvar_store *ds, uint32_t cpu,
			  struct dif_dvar *dv)
{
	if (dif_cas(&dv->dd_state, DIF_DVS_LIVE, DIF_DVS_DEAD) == DIF_DVS_LIVE)
		ds->ds_cpus[cpu].dc_killed++;
}

/* A free chunk: this CPU's first, then any other CPU's. */
static struct dif_dvar *dif_dvar_get(struct dif_dvar_store *ds, uint32_t cpu)
{
	struct dif_dvar *dv;
	uint32_t i;

	dv = dif_dvar_pop(&ds->ds_cpus[cpu].dc_free);
	for (i = 1; dv == NULL && i < ds->ds_ncpus; i++)
		dv = dif_dvar_pop(&ds->ds_cpus[(cpu + i) % ds->ds_ncpus].dc_free);
	if (dv == NULL) {
		if (READ_ONCE(ds->ds_rinsing) != 0)
			ds->ds_cpus[cpu].dc_rinsing_drops++;
		else if (dif_dvar_ndirty(ds) > 0)
			ds->ds_cpus[cpu].dc_dirty_drops++;
		else
			ds->ds_cpus[cpu].dc_drops++;
	}
	return dv;
}

/* Fill a private chunk with key and a zeroed value. */
static void dif_dvar_fill(struct dif_dvar *dv, uint64_t hash,
			  const struct dif_dkey *key, uint32_t valsize)
{
	char *p = (char *)&dv->dd_keys[key->dk_nkeys];
	uint32_t i;

	dv->dd_hash = hash;
	dv->dd_id = key->dk_id;
	dv->dd_nkeys = key->dk_nkeys;
	for (i = 0; i < key->dk_nkeys; i++) {
		const struct dif_tuple *t = &key->dk_keys[i];

		dv->dd_keys[i] = *t;
		if (t->tu_size == 0)
			continue;
		memcpy(p, (const void *)(uintptr_t)t->tu_value, t->tu_size);
		dv->dd_keys[i].tu_value = (uintptr_t)p;
		p += dif_al8(t->tu_size);
	}
	dv->dd_valoff = (uint32_t)(p - (char *)dv);
	memset(p, 0, valsize);
	dv->dd_state = DIF_DVS_LIVE;
}

static inline void *dif_dvar_val(struct dif_dvar *dv)
{
	return (char *)dv + dv->dd_valoff;
}

int dif_dvar_lookup(struct dif_dvar_store *ds, uint32_t cpu,
		    const struct dif_dkey *key, uint32_t valsize, int op,
		    void **valp)
{
	uint64_t hash = dif_dvar_hash(key);
	uintptr_t *bucket = &ds->ds_buckets[hash & (ds->ds_nbuckets - 1)];
	struct dif_dvar *dv, *twin;
	uintptr_t head;

	*valp = NULL;
	dv = dif_dvar_find(READ_ONCE(*bucket), hash, key);
	if (dv != NULL) {
		if (op == DIF_DVAR_DELETE)
			dif_dvar_kill(ds, cpu, dv);
		else
			*valp = dif_dvar_val(dv);
		return 0;
	}
	if (op != DIF_DVAR_ALLOC)
		return 0;
	if (key->dk_nkeys > DIF_TUPLE_MAX + 1 ||
	    dif_dvar_chunksize(key->dk_nkeys, 0, valsize) +
	    dif_dvar_keybytes(key) > ds->ds_chunksize)
		return DIF_FLT_KEYSIZE;
	dv = dif_dvar_get(ds, cpu);
	if (dv == NULL)
		return 0;
	dif_dvar_fill(dv, hash, key, valsize);
	do {
		head = READ_ONCE(*bucket);
		dv->dd_next = head;
	} while (dif_cas(bucket, head, (uintptr_t)dv) != head);
	/* Did another CPU insert the same key meanwhile?  Oldest wins. */
	twin = dif_dvar_find(dv->dd_next, hash, key);
	if (twin != NULL) {
		dif_dvar_kill(ds, cpu, dv);
		dv = twin;
	}
	*valp = dif_dvar_val(dv);
	return 0;
}

uint32_t dif_dvar_init(struct dif_dvar_store *ds, void *mem, size_t size,
		       uint32_t chunksize, uint32_t ncpus)
{
	size_t cpubytes = sizeof(struct dif_dvar_cpu) * ncpus;
	size_t n, nb, i;

	memset(ds, 0, sizeof(*ds));
	chunksize = (uint32_t)dif_al8(chunksize);
	if (ncpus == 0 || chunksize < sizeof(struct dif_dvar) ||
	    size < cpubytes + sizeof(uintptr_t) + chunksize)
		return 0;
	n = (size - cpubytes) / (chunksize + sizeof(uintptr_t));
	if (n > DIF_UINT32_MAX / 2)
		n = DIF_UINT32_MAX / 2;
	for (nb = 1; nb * 2 <= n; nb *= 2)
		;
	n = (size - cpubytes - nb * sizeof(uintptr_t)) / chunksize;
	memset(mem, 0, cpubytes + nb * sizeof(uintptr_t));
	ds->ds_cpus = mem;
	ds->ds_ncpus = ncpus;
	ds->ds_buckets = (uintptr_t *)((char *)mem + cpubytes);
	ds->ds_nbuckets = (uint32_t)nb;
	ds->ds_chunks = (char *)(ds->ds_buckets + nb);
	ds->ds_chunksize = chunksize;
	ds->ds_nchunks = (uint32_t)n;
	for (i = n; i-- > 0;) {
		struct dif_dvar *dv = (struct dif_dvar *)(ds->ds_chunks +
							  i * chunksize);

		dv->dd_state = 0;
		dv->dd_link = ds->ds_cpus[i % ncpus].dc_free;
		ds->ds_cpus[i % ncpus].dc_free = (uintptr_t)dv;
	}
	return (uint32_t)n;
}

/* Unlink the DEAD chunks of one chain onto the rinsing list. */
static void dif_dvar_clean_chain(struct dif_dvar_store *ds, uintptr_t *bucket)
{
	uintptr_t *prev, p, next;
	struct dif_dvar *dv;

again:
	prev = bucket;
	while ((p = READ_ONCE(*prev)) != 0) {
		dv = (struct dif_dvar *)p;
		next = READ_ONCE(dv->dd_next);
		if (READ_ONCE(dv->dd_state) != DIF_DVS_DEAD) {
			prev = &dv->dd_next;
			continue;
		}
		if (prev == bucket) {
			/* The head races with inserts: swap, or start over. */
			if (dif_cas(bucket, p, next) != p)
				goto again;
		} else {
			WRITE_ONCE(*prev, next);
		}
		/* dd_next stays: a walker on dv still reaches the chain. */
		dv->dd_link = ds->ds_rinsing;
		WRITE_ONCE(ds->ds_rinsing, p);
		WRITE_ONCE(ds->ds_unlinked, ds->ds_unlinked + 1);
	}
}

void dif_dvar_clean(struct dif_dvar_store *ds)
{
	uint32_t i;

	for (i = 0; i < ds->ds_nbuckets; i++)
		dif_dvar_clean_chain(ds, &ds->ds_buckets[i]);
	dif_mb();
}

void dif_dvar_reclaim(struct dif_dvar_store *ds)
{
	uintptr_t p = ds->ds_rinsing, next;
	uint32_t cpu = 0;

	/*
	 * Free the chunks before saying the list is empty: a drop meanwhile
	 * is still one "with non-empty rinsing list".
	 */
	while (p != 0) {
		struct dif_dvar *dv = (struct dif_dvar *)p;

		next = dv->dd_link;
		dv->dd_state = 0;
		dv->dd_next = 0;
		dif_dvar_push(&ds->ds_cpus[cpu].dc_free, dv);
		cpu = (cpu + 1) % ds->ds_ncpus;
		p = next;
	}
	WRITE_ONCE(ds->ds_rinsing, 0);
}

uint32_t dif_dvar_reap(struct dif_dvar_store *ds,
		       bool (*alive)(void *arg, uint64_t thread_key),
		       void *arg)
{
	uint32_t i, n = 0;

	for (i = 0; i < ds->ds_nchunks; i++) {
		struct dif_dvar *dv = (struct dif_dvar *)(ds->ds_chunks +
				(size_t)i * ds->ds_chunksize);

		if (READ_ONCE(dv->dd_state) != DIF_DVS_LIVE)
			continue;
		/* The fill's stores before its LIVE are seen after it. */
		dif_mb();
		if (!(dv->dd_id & DIF_DKEY_THREAD) || dv->dd_nkeys == 0 ||
		    alive(arg, dv->dd_keys[0].tu_value))
			continue;
		if (dif_cas(&dv->dd_state, DIF_DVS_LIVE, DIF_DVS_DEAD) ==
		    DIF_DVS_LIVE) {
			WRITE_ONCE(ds->ds_reaped, ds->ds_reaped + 1);
			n++;
		}
	}
	return n;
}

void dif_dvar_drops(const struct dif_dvar_store *ds, uint64_t *plain,
		    uint64_t *dirty, uint64_t *rinsing)
{
	uint32_t i;

	*plain = *dirty = *rinsing = 0;
	for (i = 0; i < ds->ds_ncpus; i++) {
		*plain += READ_ONCE(ds->ds_cpus[i].dc_drops);
		*dirty += READ_ONCE(ds->ds_cpus[i].dc_dirty_drops);
		*rinsing += READ_ONCE(ds->ds_cpus[i].dc_rinsing_drops);
	}
}

uint32_t dif_dvar_nfree(const struct dif_dvar_store *ds)
{
	uint32_t i, n = 0;
	uintptr_t p;

	for (i = 0; i < ds->ds_ncpus; i++)
		for (p = ds->ds_cpus[i].dc_free; p != 0;
		     p = ((struct dif_dvar *)p)->dd_link)
			n++;
	return n;
}
