// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * PROBE CONTEXT: the rules of DESIGN.md apply in this file.
 *
 * Aggregating: what an aggregating action (@a[k1, k2] = f(v)) does when
 * its clause runs.
 *
 * Theory.  Every CPU aggregates into its own buffer (struct dtk_aggbuf),
 * so no two CPUs ever touch the same entry and nothing needs a lock or an
 * atomic: probe context runs with interrupts off, the only other writer
 * of a half is the swap, which runs on the same CPU from an IPI.  The
 * current half is a hash table of chains of entries, found by the
 * aggregation's index, the key's hash and the key's bytes; a key seen for
 * the first time is appended with its value initialised (min() starts at
 * the largest value, max() at the smallest), or dropped and counted when
 * the half is full.  The consumer takes a half at each snapshot and
 * merges what every CPU aggregated since (libtrace/dt_agg.c), so a value
 * here only ever holds part of the story:
 *
 *   count  [n]                  sum  [total]
 *   avg    [n, total]           min, max  [value]
 *   stddev [n, total, sum of squares (128 bits: low, high)]
 *   quantize   127 buckets: -2^62 .. -1, 0, 1 .. 2^62 (powers of two)
 *   lquantize  [unused, < low, low .. high by step, >= high]
 *   llquantize [< factor^low, the log-linear steps, >= factor^(high+1)]
 */
#include <linux/bitops.h>
#include <linux/overflow.h>

#include "dtk_impl.h"
#include "dtk_agg_probe.h"

/* A key word (memcpy: records need not be 8-aligned; it is one load). */
static inline u64 dtk_agg_word(const u8 *p)
{
	u64 w;

	memcpy(&w, p, sizeof(w));
	return w;
}

/* Does this word hold a zero byte (the end of a string)? */
static inline bool dtk_agg_haszero(u64 w)
{
	return ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL) != 0;
}

static inline bool dtk_agg_isstr(const struct dtrace_dof_rec *r)
{
	return (r->dofr_flags & (DTRACE_DOFREC_F_BYREF | DTRACE_DOFREC_F_STRING)) ==
	       (DTRACE_DOFREC_F_BYREF | DTRACE_DOFREC_F_STRING);
}

/*
 * A record's last n (1..7) bytes as one word, little-endian: a load for
 * each of 4, 2 and 1 that n holds, and no copy through memory (which
 * would cost the caller a stack-protector check).
 */
static inline u64 dtk_agg_tail(const u8 *p, u32 n)
{
	u64 w = 0;
	u32 at = 0, w4;
	u16 w2;

	if (n & 4) {
		memcpy(&w4, p, 4);
		w = w4;
		at = 4;
	}
	if (n & 2) {
		memcpy(&w2, p + at, 2);
		w |= (u64)w2 << (at * 8);
		at += 2;
	}
	if (n & 1)
		w |= (u64)p[at] << (at * 8);
	return w;
}

/*
 * The key's hash, with the aggregation's index, a word at a time and a
 * string key only up to its end: a string record is strsize bytes, mostly
 * zeros, and hashing all of it byte by byte cost more than the rest of the
 * firing.  Hash and comparison stop at a string's first word holding a
 * zero byte, and read nothing beyond it: the key a firing builds is not
 * zeroed beforehand (256 bytes and more per firing), so the stores that
 * build it (kernel/dtk_probe.c) write a string's NUL and zero the rest of
 * its word, and nothing after that word is defined.  An entry's key is
 * copied clean (dtk_agg_keycopy()): zero wherever the firing's was not
 * defined, so the consumer sees whole, deterministic keys.
 *
 * The hash also says how many bytes of each record it read (span[k]):
 * the comparison reads exactly those, and needs no test for the end of
 * a string, since a stored key whose first span[k] bytes are equal to
 * the firing's ends its string in the same word.
 */
static u32 dtk_agg_hash(const struct dtk_agg *ag, const u8 *key, u32 *span)
{
	u64 h = (ag->dag_index + 1) * 0x9e3779b97f4a7c15ULL;
	u32 k, i;

	for (k = 0; k < ag->dag_nkeys; k++) {
		const struct dtrace_dof_rec *r = &ag->dag_keyrecs[k];
		const u8 *p = key + r->dofr_offset;
		u32 size = r->dofr_size;
		bool str = dtk_agg_isstr(r);

		for (i = 0; i + 8 <= size;) {
			u64 w = dtk_agg_word(p + i);

			i += 8;
			h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
			if (str && dtk_agg_haszero(w))
				goto next;
		}
		if (i < size) {
			h = (h ^ dtk_agg_tail(p + i, size - i)) *
			    0x9e3779b97f4a7c15ULL;
			i = size;
		}
next:
		span[k] = i;
		h ^= h >> 32;
	}
	return (u32)(h ^ (h >> 29));
}

/* Are two keys the same?  The bytes dtk_agg_hash() read of a, in b. */
static bool dtk_agg_keyeq(const struct dtk_agg *ag, const u8 *a, const u8 *b,
			  const u32 *span)
{
	u32 k, i;

	for (k = 0; k < ag->dag_nkeys; k++) {
		u32 off = ag->dag_keyrecs[k].dofr_offset;
		const u8 *pa = a + off, *pb = b + off;

		for (i = 0; i + 8 <= span[k]; i += 8)
			if (dtk_agg_word(pa + i) != dtk_agg_word(pb + i))
				return false;
		if (i < span[k] && dtk_agg_tail(pa + i, span[k] - i) !=
				   dtk_agg_tail(pb + i, span[k] - i))
			return false;
	}
	return true;
}

/* An entry's key from a firing's: the defined bytes, zero elsewhere. */
static void dtk_agg_keycopy(const struct dtk_agg *ag, u8 *dst, const u8 *key)
{
	u32 k, i;

	memset(dst, 0, ag->dag_keysize);
	for (k = 0; k < ag->dag_nkeys; k++) {
		const struct dtrace_dof_rec *r = &ag->dag_keyrecs[k];
		const u8 *p = key + r->dofr_offset;
		u32 n = r->dofr_size;

		if (dtk_agg_isstr(r)) {
			/* The string and its NUL; the rest is zero already. */
			for (i = 0; i < n && p[i]; i++)
				;
			n = min(n, i + 1);
		}
		memcpy(dst + r->dofr_offset, p, n);
	}
}

static u32 dtk_quantize_bucket(s64 v)
{
	u32 bits;

	if (v >= 0)
		return DTK_QUANTIZE_ZERO + fls64(v);
	bits = fls64(-(u64)v);
	return bits >= DTK_QUANTIZE_ZERO ? 0 : DTK_QUANTIZE_ZERO - bits;
}

static u32 dtk_lquantize_bucket(const s64 *p, s64 v)
{
	s64 levels = (p[1] - p[0]) / p[2];

	if (v < p[0])
		return 1;
	if (v >= p[0] + levels * p[2])
		return levels + 2;
	return 2 + (v - p[0]) / p[2];
}

/* Log-linear: factor^low .. factor^(high+1) in nsteps steps per power. */
static u32 dtk_llquantize_bucket(const s64 *p, s64 v)
{
	s64 factor = p[0], low = p[1], high = p[2], nsteps = p[3];
	s64 this = 1, last, next, order;
	u32 base = 1;

	for (order = 0; order < low; order++)
		if (check_mul_overflow(this, factor, &this))
			return 0;
	if (v < this)
		return 0;
	last = this;
	if (check_mul_overflow(this, factor, &this))
		return base;
	for (; order <= high; order++) {
		s64 nb = this > nsteps ? nsteps : this;

		if (v < this)
			return base + (v - last) / (this / nb);
		base += nb - nb / factor;
		if (check_mul_overflow(this, factor, &next))
			break;
		last = this;
		this = next;
	}
	return base;
}

static void dtk_agg_init(const struct dtk_agg *ag, s64 *d)
{
	memset(d, 0, ag->dag_valsize);
	if (ag->dag_func == DTRACE_AGG_MIN)
		d[0] = S64_MAX;
	else if (ag->dag_func == DTRACE_AGG_MAX)
		d[0] = S64_MIN;
}

/* Every function but count(), out of line: the firing's path stays lean. */
static noinline void dtk_agg_apply_slow(const struct dtk_agg *ag, s64 *d,
					s64 v, s64 w)
{
	u32 words = ag->dag_valsize / 8, b;
	u64 m, lo;

	switch (ag->dag_func) {
	case DTRACE_AGG_COUNT:
		d[0]++;
		return;
	case DTRACE_AGG_SUM:
		d[0] += v;
		return;
	case DTRACE_AGG_AVG:
		d[0]++;
		d[1] += v;
		return;
	case DTRACE_AGG_MIN:
		if (v < d[0])
			d[0] = v;
		return;
	case DTRACE_AGG_MAX:
		if (v > d[0])
			d[0] = v;
		return;
	case DTRACE_AGG_STDDEV:
		d[0]++;
		d[1] += v;
		m = v < 0 ? -(u64)v : (u64)v;
		lo = (u64)d[2] + m * m;
		d[3] += (u64)(((unsigned __int128)m * m) >> 64) +
			(lo < (u64)d[2]);
		d[2] = lo;
		return;
	case DTRACE_AGG_QUANTIZE:
		b = dtk_quantize_bucket(v);
		break;
	case DTRACE_AGG_LQUANTIZE:
		b = dtk_lquantize_bucket(ag->dag_params, v);
		break;
	default:
		b = dtk_llquantize_bucket(ag->dag_params, v);
		break;
	}
	d[min(b, words - 1)] += w;
}

static __always_inline void dtk_agg_apply(const struct dtk_agg *ag, s64 *d,
					  s64 v, s64 w)
{
	/* The commonest first: the switch is a chain of compares. */
	if (likely(ag->dag_func == DTRACE_AGG_COUNT))
		d[0]++;
	else
		dtk_agg_apply_slow(ag, d, v, w);
}

/*
 * A key seen for the first time in this half: a new entry at the end,
 * its key copied clean and its value initialised; NULL (a counted drop)
 * when the half is full.  Out of line: most firings find their entry.
 */
static noinline struct dtrace_aggrec *
dtk_agg_insert(struct dtk_state *st, struct dtk_aggbuf *ab,
	       const struct dtk_agg *ag, const void *key, u32 hash)
{
	char *base = ab->dab_data[ab->dab_cur];
	u32 *chains = (u32 *)base;
	u32 size = sizeof(struct dtrace_aggrec) + ag->dag_keysize +
		   ag->dag_valsize;
	struct dtrace_aggrec *e;
	u32 off;

	if (ab->dab_offset + size > st->dts_opts.dop_aggsize) {
		ab->dab_drops++;
		return NULL;
	}
	off = ab->dab_offset;
	e = (void *)(base + off);
	e->dar_aggid = ag->dag_index;
	e->dar_size = size;
	e->dar_hash = hash;
	dtk_agg_keycopy(ag, (u8 *)(e + 1), key);
	dtk_agg_init(ag, (s64 *)((char *)(e + 1) + ag->dag_keysize));
	e->dar_next = chains[hash % DTK_AGG_NBUCKETS];
	chains[hash % DTK_AGG_NBUCKETS] = off;
	ab->dab_offset += size;
	return e;
}

void dtk_aggregate(struct dtk_state *st, int cpu, const struct dtk_agg *ag,
		   const void *key, s64 v, s64 w, u32 *span)
{
	struct dtk_aggbuf *ab = &st->dts_aggbufs[cpu];
	char *base = ab->dab_data[ab->dab_cur];
	u32 *chains = (u32 *)base;
	u32 hash = dtk_agg_hash(ag, key, span);
	struct dtrace_aggrec *e;
	u32 off;

	for (off = chains[hash % DTK_AGG_NBUCKETS]; off; off = e->dar_next) {
		e = (void *)(base + off);
		if (e->dar_hash == hash && e->dar_aggid == ag->dag_index &&
		    dtk_agg_keyeq(ag, key, (const u8 *)(e + 1), span))
			goto found;
	}
	e = dtk_agg_insert(st, ab, ag, key, hash);
	if (!e)
		return;
found:
	dtk_agg_apply(ag, (s64 *)((char *)(e + 1) + ag->dag_keysize), v, w);
}
