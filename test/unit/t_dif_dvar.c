// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The dynamic-variable store: lookup, create, delete; keys by value and
 * by reference; exhaustion is a counted drop, not a failure; deleted
 * chunks come back only after clean + reclaim; CPUs steal from each
 * other's free lists; a key is never duplicated; threads hammering the
 * store, with and without a cleaner recycling chunks under them (its sync
 * waits for threads inside the store, as the kernel's does), never see a
 * value of another key and keep every chunk accounted for.  Drops are
 * told apart as DTrace does (plain, with a dirty list, with a rinsing
 * list), and the reaper frees the self-> variables of threads that are
 * gone, and only those.
 */
#include <pthread.h>
#include <stdlib.h>
#include "dif/dif_dvar.h"
#include "t_dif.h"

static struct dif_dvar_store t_ds;
static void *t_mem;

static uint32_t t_init(size_t bytes, uint32_t chunk, uint32_t ncpus)
{
	free(t_mem);
	t_mem = aligned_alloc(64, bytes);
	return dif_dvar_init(&t_ds, t_mem, bytes, chunk, ncpus);
}

static void t_key(struct dif_dkey *k, uint32_t id, uint64_t a, const char *s)
{
	memset(k, 0, sizeof(*k));
	k->dk_id = id;
	k->dk_keys[0].tu_value = a;
	k->dk_nkeys = 1;
	if (s != NULL) {
		k->dk_keys[1].tu_value = (uintptr_t)s;
		k->dk_keys[1].tu_size = (uint32_t)strlen(s) + 1;
		k->dk_nkeys = 2;
	}
}

static uint64_t *t_op(uint32_t cpu, const struct dif_dkey *k, int op)
{
	void *v = NULL;

	if (dif_dvar_lookup(&t_ds, cpu, k, 8, op, &v) != 0)
		return (uint64_t *)-1;
	return v;
}

static uint64_t t_drops(void)
{
	uint64_t n = 0;
	uint32_t i;

	for (i = 0; i < t_ds.ds_ncpus; i++)
		n += t_ds.ds_cpus[i].dc_drops;
	return n;
}

static void test_basic(void)
{
	struct dif_dkey k, k2;
	char s1[] = "key", s2[] = "key";
	uint64_t *v, *w;
	uint32_t n;

	n = t_init(64 * 1024, 128, 2);
	ok(n > 100, "a 64 KiB store holds %u chunks of 128 bytes", n);
	is_int(dif_dvar_nfree(&t_ds), n, "all chunks start free");
	is_int(dif_dvar_init(&t_ds, t_mem, 64, 128, 1), 0, "too small a store is refused");
	n = t_init(64 * 1024, 128, 2);
	t_key(&k, 1, 42, s1);
	is_int((uintptr_t)t_op(0, &k, DIF_DVAR_LOOKUP), 0, "absent key: NULL");
	v = t_op(0, &k, DIF_DVAR_ALLOC);
	ok(v != NULL && *v == 0, "alloc creates a zeroed value");
	*v = 7;
	t_key(&k2, 1, 42, s2);
	w = t_op(1, &k2, DIF_DVAR_LOOKUP);
	ok(w == v, "an equal key (other bytes, same content) finds it from any CPU");
	is_int(*t_op(0, &k2, DIF_DVAR_ALLOC), 7, "alloc of an existing key finds it");
	t_key(&k2, 2, 42, s2);
	is_int((uintptr_t)t_op(0, &k2, DIF_DVAR_LOOKUP), 0, "another variable id is another key");
	t_key(&k2, 1, 43, s2);
	is_int((uintptr_t)t_op(0, &k2, DIF_DVAR_LOOKUP), 0, "another value is another key");
	t_key(&k2, 1, 42, "kez");
	is_int((uintptr_t)t_op(0, &k2, DIF_DVAR_LOOKUP), 0, "other bytes are another key");
	is_int(dif_dvar_nfree(&t_ds), n - 1, "one chunk in use");
	t_op(0, &k, DIF_DVAR_DELETE);
	is_int((uintptr_t)t_op(0, &k, DIF_DVAR_LOOKUP), 0, "deleted");
	is_int(dif_dvar_nfree(&t_ds), n - 1, "a deleted chunk is not free before cleaning");
	dif_dvar_clean(&t_ds);
	is_int(dif_dvar_nfree(&t_ds), n - 1, "... nor after clean, before the sync");
	dif_dvar_reclaim(&t_ds);
	is_int(dif_dvar_nfree(&t_ds), n, "clean + reclaim frees it");
	{
		struct dif_dkey big;
		char huge[200];

		memset(huge, 'h', sizeof(huge) - 1);
		huge[sizeof(huge) - 1] = '\0';
		t_key(&big, 1, 1, huge);
		ok(t_op(0, &big, DIF_DVAR_ALLOC) == (uint64_t *)-1,
		   "key larger than a chunk: DIF_FLT_KEYSIZE");
	}
	is_int(dif_dvar_chunksize(1, 0, 8), sizeof(uintptr_t) * 3 + 8 + 4 * 4 + 16 + 8,
	       "chunk size: header, one tuple, value");
}

static void test_exhaustion(void)
{
	struct dif_dkey k;
	uint32_t n, i, got = 0;

	n = t_init(4096, 128, 4);
	for (i = 0; i < n + 5; i++) {
		t_key(&k, 1, i, NULL);
		if (t_op(i % 2, &k, DIF_DVAR_ALLOC) != NULL)
			got++;
	}
	is_int(got, n, "every chunk is used, CPUs stealing from each other");
	is_int(t_drops(), 5, "the rest are counted drops");
	for (i = 0; i < n; i++) {
		t_key(&k, 1, i, NULL);
		t_op(3, &k, DIF_DVAR_DELETE);
	}
	t_key(&k, 1, 999, NULL);
	ok(t_op(0, &k, DIF_DVAR_ALLOC) == NULL, "deleted but not cleaned: still a drop");
	dif_dvar_clean(&t_ds);
	dif_dvar_reclaim(&t_ds);
	ok(t_op(0, &k, DIF_DVAR_ALLOC) != NULL, "after cleaning, space again");
}

static void t_kinds(uint64_t *p, uint64_t *d, uint64_t *r)
{
	dif_dvar_drops(&t_ds, p, d, r);
}

static void test_drop_kinds(void)
{
	struct dif_dkey k;
	uint64_t p, d, r;
	uint32_t n, i;

	n = t_init(4096, 128, 2);
	for (i = 0; i < n + 3; i++) {
		t_key(&k, 1, i, NULL);
		t_op(i % 2, &k, DIF_DVAR_ALLOC);
	}
	t_kinds(&p, &d, &r);
	ok(p == 3 && d == 0 && r == 0, "a pool full of live variables: plain "
	   "drops (%llu %llu %llu)", (unsigned long long)p,
	   (unsigned long long)d, (unsigned long long)r);
	t_key(&k, 1, 0, NULL);
	t_op(1, &k, DIF_DVAR_DELETE);
	t_op(1, &k, DIF_DVAR_DELETE);	/* once only */
	for (i = 0; i < 2; i++) {
		t_key(&k, 1, 1000 + i, NULL);
		t_op(0, &k, DIF_DVAR_ALLOC);
	}
	t_kinds(&p, &d, &r);
	ok(p == 3 && d == 2 && r == 0, "a deleted variable not yet cleaned: "
	   "drops with a dirty list (%llu %llu %llu)", (unsigned long long)p,
	   (unsigned long long)d, (unsigned long long)r);
	dif_dvar_clean(&t_ds);
	t_key(&k, 1, 2000, NULL);
	t_op(1, &k, DIF_DVAR_ALLOC);
	t_kinds(&p, &d, &r);
	ok(p == 3 && d == 2 && r == 1, "cleaned, awaiting the sync: drops "
	   "with a rinsing list (%llu %llu %llu)", (unsigned long long)p,
	   (unsigned long long)d, (unsigned long long)r);
	dif_dvar_reclaim(&t_ds);
	ok(t_op(1, &k, DIF_DVAR_ALLOC) != NULL, "reclaimed: space again");
	t_key(&k, 1, 2001, NULL);
	t_op(1, &k, DIF_DVAR_ALLOC);
	t_kinds(&p, &d, &r);
	ok(p == 4 && d == 2 && r == 1, "full again of live ones: plain drops "
	   "(%llu %llu %llu)", (unsigned long long)p, (unsigned long long)d,
	   (unsigned long long)r);
}

/* Threads 100..199 are alive; the others have exited. */
static bool t_alive(void *arg, uint64_t key)
{
	(*(unsigned *)arg)++;
	return key >= 100 && key < 200;
}

static void test_reaper(void)
{
	struct dif_dkey k;
	uint32_t n, i, got = 0;
	unsigned calls = 0;

	n = t_init(8192, 128, 2);
	/* Half the pool: self-> variables of 300 dead and alive threads. */
	for (i = 0; i < n; i++) {
		t_key(&k, 7 | DIF_DKEY_THREAD, i < n / 2 ? i : 100 + i, NULL);
		if (i % 4 == 3)
			k.dk_id = 7;	/* a global array keyed the same: kept */
		t_op(i % 2, &k, DIF_DVAR_ALLOC);
	}
	is_int(dif_dvar_nfree(&t_ds), 0, "pool full");
	got = dif_dvar_reap(&t_ds, t_alive, &calls);
	ok(got > 0 && calls > 0, "the reaper deletes variables of exited "
	   "threads (%u of %u)", got, n);
	dif_dvar_clean(&t_ds);
	dif_dvar_reclaim(&t_ds);
	is_int(dif_dvar_nfree(&t_ds), got, "... and the cleaner frees them");
	for (i = 0, got = 0; i < n; i++) {
		t_key(&k, 7 | DIF_DKEY_THREAD, i < n / 2 ? i : 100 + i, NULL);
		if (i % 4 == 3)
			k.dk_id = 7;
		if (t_op(0, &k, DIF_DVAR_LOOKUP) != NULL)
			got++;
		else if (i % 4 == 3 ||
			 (i >= n / 2 ? 100 + i : i) - 100 < 100)
			break;
	}
	is_int(i, n, "live threads' variables and global arrays stay");
	calls = 0;
	is_int(dif_dvar_reap(&t_ds, t_alive, &calls), 0,
	       "a second pass finds nothing more");
}

static bool t_gone(void *arg, uint64_t key)
{
	*(uint64_t *)arg = key;
	return false;
}

/* The interpreter marks self-> keys; the reaper leaves arrays alone. */
static void test_reap_vm(void)
{
	static const char vars[] = ".var a 3 global array int64 rw\n"
		".var t 4 thread scalar int64 rw\n";
	char prog[512];
	uint64_t key = 0;

	t_host();
	t_th->th_thread = 0x1111;
	snprintf(prog, sizeof(prog), "%smovi %%r1, 5\nstts t, %%r1\n"
		 "movi %%r2, 3\npushtv %%r2\nstga a, %%r1\nret %%r1\n", vars);
	is_int(t_run(prog).r_val, 5, "self->t = 5; a[3] = 5");
	is_int(dif_dvar_reap(&t_th->th_dvars, t_gone, &key), 1,
	       "the reaper takes self->t of an exited thread, not a[3]");
	is_int(key, 0x1111, "... asking about its thread key");
	dif_dvar_clean(&t_th->th_dvars);
	dif_dvar_reclaim(&t_th->th_dvars);
	snprintf(prog, sizeof(prog), "%sldts %%r1, t\nmovi %%r2, 3\n"
		 "pushtv %%r2\nldga %%r3, a\nmuli %%r1, %%r1, 256\n"
		 "or %%r1, %%r1, %%r3\nret %%r1\n", vars);
	is_int(t_run(prog).r_val, 5, "self->t is gone, a[3] stays");
	dif_testhost_free(t_th);
	t_th = NULL;
}

static void test_twins(void)
{
	struct dif_dkey k;
	uint64_t *a, *b;

	t_init(8192, 128, 1);
	t_key(&k, 5, 5, NULL);
	a = t_op(0, &k, DIF_DVAR_ALLOC);
	*a = 1;
	b = t_op(0, &k, DIF_DVAR_ALLOC);
	ok(a == b, "an existing key is never duplicated");
	t_op(0, &k, DIF_DVAR_DELETE);
	b = t_op(0, &k, DIF_DVAR_ALLOC);
	ok(a != b && *b == 0, "re-created after delete: a fresh zeroed element");
}

#define T_THREADS	4
#define T_KEYS		64
#define T_ITERS		20000

/*
 * "Probe context" for the threads: a per-thread counter that is odd while
 * the thread is inside the store.  The cleaner's sync waits until every
 * thread that was inside has left, as the kernel's cross-call does.
 */
static uint64_t t_inside[T_THREADS];
static int t_stop;

static void t_sync(void)
{
	uint64_t snap[T_THREADS];
	int i;

	for (i = 0; i < T_THREADS; i++)
		snap[i] = __atomic_load_n(&t_inside[i], __ATOMIC_SEQ_CST);
	for (i = 0; i < T_THREADS; i++)
		while ((snap[i] & 1) &&
		       __atomic_load_n(&t_inside[i], __ATOMIC_SEQ_CST) == snap[i])
			;
}

static void *t_cleaner(void *arg)
{
	(void)arg;
	while (!__atomic_load_n(&t_stop, __ATOMIC_SEQ_CST)) {
		dif_dvar_clean(&t_ds);
		t_sync();
		dif_dvar_reclaim(&t_ds);
	}
	return NULL;
}

static void *t_worker(void *arg)
{
	uint32_t cpu = (uint32_t)(uintptr_t)arg, i;
	uint64_t seed = cpu * 7919 + 1;
	struct dif_dkey k;
	uint64_t *v;

	for (i = 0; i < T_ITERS; i++) {
		__atomic_add_fetch(&t_inside[cpu], 1, __ATOMIC_SEQ_CST);
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		t_key(&k, 1, (seed >> 33) % T_KEYS, NULL);
		if ((seed >> 20) & 1) {
			v = t_op(cpu, &k, DIF_DVAR_ALLOC);
			if (v != NULL)
				__atomic_store_n(v, k.dk_keys[0].tu_value, __ATOMIC_RELAXED);
		} else if ((seed >> 21) & 1) {
			t_op(cpu, &k, DIF_DVAR_DELETE);
		} else {
			v = t_op(cpu, &k, DIF_DVAR_LOOKUP);
			/* A found value is 0 (new) or its own key. */
			if (v != NULL) {
				uint64_t x = __atomic_load_n(v, __ATOMIC_RELAXED);

				if (x != 0 && x != k.dk_keys[0].tu_value)
					return (void *)1;
			}
		}
		__atomic_add_fetch(&t_inside[cpu], 1, __ATOMIC_SEQ_CST);
	}
	return NULL;
}

static void test_threads(bool clean)
{
	pthread_t t[T_THREADS], c;
	uint32_t n, i, live = 0, bad = 0;
	struct dif_dkey k;
	void *rv;

	/* Small when cleaning, so chunks are recycled under the threads. */
	n = t_init(clean ? 8192 : 1 << 20, 128, T_THREADS);
	t_stop = 0;
	if (clean)
		pthread_create(&c, NULL, t_cleaner, NULL);
	for (i = 0; i < T_THREADS; i++)
		pthread_create(&t[i], NULL, t_worker, (void *)(uintptr_t)i);
	for (i = 0; i < T_THREADS; i++) {
		pthread_join(t[i], &rv);
		bad += rv != NULL;
	}
	__atomic_store_n(&t_stop, 1, __ATOMIC_SEQ_CST);
	if (clean)
		pthread_join(c, NULL);
	is_int(bad, 0, "%d threads%s: every value found belongs to its key",
	       T_THREADS, clean ? " and a cleaner recycling chunks" : "");
	dif_dvar_clean(&t_ds);
	dif_dvar_reclaim(&t_ds);
	for (i = 0; i < T_KEYS; i++) {
		t_key(&k, 1, i, NULL);
		live += t_op(0, &k, DIF_DVAR_LOOKUP) != NULL;
	}
	is_int(dif_dvar_nfree(&t_ds) + live, n,
	       "after cleaning, free + live chunks = all chunks (%u live)", live);
}

int main(void)
{
	test_basic();
	test_exhaustion();
	test_drop_kinds();
	test_reaper();
	test_reap_vm();
	test_twins();
	test_threads(false);
	test_threads(true);
	free(t_mem);
	return tap_done();
}
