// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Aggregations, the consumer's side: snapshots merged into one table, and
 * DTrace's default output at the end of tracing.
 *
 * Theory.  The module aggregates per CPU and hands each CPU's entries
 * over at every snapshot (DTRACE_IOC_AGGSNAP, entries as abi.h's struct
 * dtrace_aggrec), keeping nothing; so the consumer's table is the truth:
 * each (aggregation, key) has one entry here, into which every snapshot's
 * partial value is merged the way its function combines (counts and sums
 * add, min and max keep the extreme, avg and stddev add their parts, the
 * quantizations add bucket by bucket).  What an entry's key and value look
 * like is the DOF's business: the aggregation's key records and value
 * record (struct dt_aggdesc).
 *
 * printa() prints one aggregation where its record is consumed, as of
 * the snapshot taken just before (so END's printa() sees everything).
 *
 * clear(), trunc() and normalize() act on this table when their record
 * is consumed: clear() zeroes the values and keeps the keys, trunc()
 * removes entries (what a later snapshot brings back starts afresh),
 * normalize() sets a divisor that only printing applies.
 *
 * Output, as dtrace(1M) prints at exit (skipping what printa() printed): the aggregations in the order
 * they were declared, each one's entries sorted by value and then by key
 * (the aggsortkey, aggsortkeypos and aggsortrev options change that as
 * in DTrace: dt_agg_cmp());
 * a line per entry: the keys (integers right-aligned by size, strings
 * left-aligned in 50 columns, stacks as dtrace prints them: a newline,
 * then a frame per line, libtrace/dt_stack.c), then the value (16
 * columns; avg and stddev computed; the quantizations as DTrace's
 * histograms of '@' bars).  The options agghist, aggpack, aggzoom,
 * aggpercpu and encoding change that as in DTrace (dt_fmt, below); with
 * aggpercpu each entry keeps every CPU's share beside the total, which
 * the per-CPU snapshots make possible.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "dt_cc.h"
#include "dt_consume.h"
#include "dt_ksym.h"
#include "dt_printf.h"
#include "dt_stack.h"
#include "dt_usym.h"
#include "dif/dif_obj.h"

#define DT_QUANTIZE_NBUCKETS	127
#define DT_QUANTIZE_ZERO	63
#define DT_JOIN_MAX		16	/* aggregations one printa() joins */

/*
 * The actions that made aggregation id's keys, from the key ARGs of its
 * first aggregating action (the compiler has checked that every one
 * agrees): sym(), usym() ... print their keys symbolized.
 */
static void dt_agg_keyacts(const struct dt_enab *en, uint32_t id,
			   struct dt_aggdesc *ad)
{
	uint32_t i, k, n = ad->dad_agg->dofag_nkeys;

	memset(ad->dad_keyact, 0, sizeof(ad->dad_keyact));
	for (i = 0; i < en->den_nacts; i++) {
		const struct dtrace_dof_action *a = &en->den_acts[i];

		if (a->dofa_kind != DTRACE_DOFACT_AGGREGATE || a->dofa_arg != id)
			continue;
		for (k = 0; k < n && i + 1 + k < en->den_nacts; k++) {
			uint64_t kind = en->den_acts[i + 1 + k].dofa_arg;

			if (kind >= DTRACE_DOFACT_SYM &&
			    kind <= DTRACE_DOFACT_UADDR)
				ad->dad_keyact[k] = (uint32_t)kind;
		}
		return;
	}
}

int dt_agg_enable(dtrace_hdl_t *dtp, struct dt_enab *en)
{
	struct dt_consumer *dc = dtp->dt_cons;
	struct dt_aggdesc *aggs;
	uint32_t i;

	en->den_aggbase = dc->dc_naggs;
	if (!en->den_naggs)
		return 0;
	aggs = realloc(dc->dc_aggs, (dc->dc_naggs + en->den_naggs) * sizeof(*aggs));
	if (!aggs)
		return dt_set_errno(dtp, ENOMEM);
	dc->dc_aggs = aggs;
	for (i = 0; i < en->den_naggs; i++) {
		const struct dtrace_dof_agg *ag = &en->den_aggs[i];
		struct dt_aggdesc *ad = &aggs[dc->dc_naggs + i];

		if (ag->dofag_rec_first > en->den_nrecs ||
		    ag->dofag_nkeys + 1 > en->den_nrecs - ag->dofag_rec_first)
			return dt_set_errmsg(dtp, EINVAL, "malformed aggregation");
		ad->dad_agg = ag;
		ad->dad_printed = false;
		ad->dad_normal = 1;
		ad->dad_keyrecs = &en->den_recs[ag->dofag_rec_first];
		ad->dad_keysize = (ag->dofag_keysize + 7) & ~7U;
		ad->dad_valsize = ad->dad_keyrecs[ag->dofag_nkeys].dofr_size;
		if (ag->dofag_nkeys > DIF_TUPLE_MAX)
			return dt_set_errmsg(dtp, EINVAL, "malformed aggregation");
		dt_agg_keyacts(en, i, ad);
	}
	dc->dc_naggs += en->den_naggs;
	return 0;
}

static void dt_agg_free(struct dt_aggent *e)
{
	free(e->dae_key);
	free(e->dae_val);
	free(e->dae_percpu);
	free(e->dae_cpuseen);
	free(e);
}

void dt_agg_fini(struct dt_consumer *dc)
{
	size_t i;

	for (i = 0; i < dc->dc_naggents; i++)
		dt_agg_free(dc->dc_aggents[i]);
	free(dc->dc_aggents);
	free(dc->dc_aggs);
	free(dc->dc_aggbuf);
	free(dc->dc_aggcpuok);
}

/* Combine a snapshot's partial value into the table's. */
static void dt_agg_merge(const struct dt_aggdesc *ad, int64_t *d,
			 const int64_t *s)
{
	uint32_t i, words = ad->dad_valsize / 8;
	uint64_t lo;

	switch (ad->dad_agg->dofag_func) {
	case DTRACE_AGG_MIN:
		if (s[0] < d[0])
			d[0] = s[0];
		return;
	case DTRACE_AGG_MAX:
		if (s[0] > d[0])
			d[0] = s[0];
		return;
	case DTRACE_AGG_STDDEV:
		d[0] += s[0];
		d[1] += s[1];
		lo = (uint64_t)d[2] + (uint64_t)s[2];
		d[3] = (int64_t)((uint64_t)d[3] + (uint64_t)s[3] +
				 (lo < (uint64_t)d[2]));
		d[2] = (int64_t)lo;
		return;
	default:
		for (i = 0; i < words; i++)
			d[i] += s[i];
		return;
	}
}

static uint32_t dt_agg_hash(uint32_t aggid, const char *key, uint32_t len)
{
	uint32_t h = 2166136261U ^ aggid, i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)key[i]) * 16777619U;
	return h;
}

/* A new key's user stacks: symbolize while their processes live. */
static void dt_agg_grab(const struct dt_aggdesc *ad, const char *key)
{
	uint32_t k;

	for (k = 0; k < ad->dad_agg->dofag_nkeys; k++)
		if (ad->dad_keyrecs[k].dofr_flags & DTRACE_DOFREC_F_USTACK)
			dt_stack_grab((const uint64_t *)(const void *)
				      (key + ad->dad_keyrecs[k].dofr_offset));
}

/*
 * A key as DTrace aggregates it: a sym() or func() key by its function's
 * first address, mod() by its module's, usym() and ufunc() by the
 * function's in the process, umod() by its mapping's start; uaddr() by
 * the address itself.  So @[func(pc)] counts per function.
 */
static void dt_agg_keynorm(const struct dt_aggdesc *ad, char *key)
{
	uint32_t k;
	uint64_t pid, v;

	for (k = 0; k < ad->dad_agg->dofag_nkeys; k++) {
		char *p = key + ad->dad_keyrecs[k].dofr_offset;
		uint32_t act = ad->dad_keyact[k];

		switch (act) {
		case DTRACE_DOFACT_SYM:
		case DTRACE_DOFACT_MOD:
			memcpy(&v, p, 8);
			v = dt_ksym_keyaddr(dt_ksym_kernel(), v,
					    act == DTRACE_DOFACT_MOD);
			memcpy(p, &v, 8);
			break;
		case DTRACE_DOFACT_USYM:
		case DTRACE_DOFACT_UMOD:
			memcpy(&pid, p, 8);
			memcpy(&v, p + 8, 8);
			v = dt_usym_keyaddr((pid_t)pid, v,
					    act == DTRACE_DOFACT_UMOD);
			memcpy(p + 8, &v, 8);
			break;
		default:
			break;
		}
	}
}

/*
 * aggpercpu: CPU cpu's share kept apart as well, merged as the total is
 * (its first share copied, so a min() or max() starts from it).
 */
static void dt_agg_addcpu(const struct dt_consumer *dc,
			  const struct dt_aggdesc *ad, struct dt_aggent *e,
			  uint32_t cpu, const int64_t *val)
{
	int64_t *d;

	if (!e->dae_percpu || cpu >= dc->dc_aggncpus)
		return;
	d = e->dae_percpu + (size_t)cpu * (ad->dad_valsize / 8);
	if (e->dae_cpuseen[cpu])
		dt_agg_merge(ad, d, val);
	else
		memcpy(d, val, ad->dad_valsize);
	e->dae_cpuseen[cpu] = 1;
}

static int dt_agg_add(dtrace_hdl_t *dtp, struct dtrace_aggrec *r,
		      uint32_t cpu)
{
	struct dt_consumer *dc = dtp->dt_cons;
	const struct dt_aggdesc *ad = &dc->dc_aggs[r->dar_aggid];
	char *key = (char *)(r + 1);
	const int64_t *val = (const void *)(key + ad->dad_keysize);
	struct dt_aggent *e, **ents;
	uint32_t h;

	dt_agg_keynorm(ad, key);
	h = dt_agg_hash(r->dar_aggid, key, ad->dad_keysize);

	for (e = dc->dc_agghash[h % DT_AGG_NBUCKETS]; e; e = e->dae_next)
		if (e->dae_aggid == r->dar_aggid &&
		    memcmp(e->dae_key, key, ad->dad_keysize) == 0)
			break;
	if (!e) {
		ents = realloc(dc->dc_aggents,
			       (dc->dc_naggents + 1) * sizeof(*ents));
		e = calloc(1, sizeof(*e));
		if (ents)
			dc->dc_aggents = ents;
		if (!ents || !e || !(e->dae_key = malloc(ad->dad_keysize + 1)) ||
		    !(e->dae_val = malloc(ad->dad_valsize)) ||
		    (dc->dc_aggncpus &&
		     (!(e->dae_percpu = calloc(dc->dc_aggncpus,
					       ad->dad_valsize)) ||
		      !(e->dae_cpuseen = calloc(dc->dc_aggncpus, 1))))) {
			if (e)
				dt_agg_free(e);
			return dt_set_errno(dtp, ENOMEM);
		}
		e->dae_aggid = r->dar_aggid;
		e->dae_hash = h;
		memcpy(e->dae_key, key, ad->dad_keysize);
		memcpy(e->dae_val, val, ad->dad_valsize);
		dt_agg_addcpu(dc, ad, e, cpu, val);
		dt_agg_grab(ad, key);
		e->dae_next = dc->dc_agghash[h % DT_AGG_NBUCKETS];
		dc->dc_agghash[h % DT_AGG_NBUCKETS] = e;
		dc->dc_aggents[dc->dc_naggents++] = e;
		return 0;
	}
	dt_agg_merge(ad, e->dae_val, val);
	dt_agg_addcpu(dc, ad, e, cpu, val);
	return 0;
}

int dt_agg_snap(dtrace_hdl_t *dtp)
{
	struct dt_consumer *dc = dtp->dt_cons;
	int cpu, ncpus = (int)dtp->dt_module.dmi_ncpus;

	if (!dc || !dc->dc_started || !dc->dc_naggs)
		return 0;
	for (cpu = 0; cpu < ncpus; cpu++) {
		struct dtrace_ioc_bufsnap db;
		size_t off = 0;

		memset(&db, 0, sizeof(db));
		db.db_cpu = cpu;
		db.db_data = (uintptr_t)dc->dc_aggbuf;
		db.db_size = dc->dc_aggbufsize;
		if (ioctl(dtp->dt_fd, DTRACE_IOC_AGGSNAP, &db) != 0) {
			if (errno == EINVAL)
				continue;	/* not a possible CPU */
			return dt_set_errmsg(dtp, errno, "aggregation snapshot "
					     "of CPU %d failed: %s", cpu,
					     strerror(errno));
		}
		if ((uint32_t)cpu < dc->dc_aggncpus)
			dc->dc_aggcpuok[cpu] = 1;
		while (off + sizeof(struct dtrace_aggrec) <= db.db_size) {
			struct dtrace_aggrec *r = (void *)(dc->dc_aggbuf + off);
			const struct dt_aggdesc *ad;

			if (r->dar_aggid >= dc->dc_naggs)
				return dt_set_errmsg(dtp, EINVAL, "bad aggregation "
						     "entry on CPU %d", cpu);
			ad = &dc->dc_aggs[r->dar_aggid];
			if (r->dar_size != sizeof(*r) + ad->dad_keysize + ad->dad_valsize ||
			    r->dar_size > db.db_size - off)
				return dt_set_errmsg(dtp, EINVAL, "bad aggregation "
						     "entry on CPU %d", cpu);
			if (dt_agg_add(dtp, r, (uint32_t)cpu) != 0)
				return -1;
			off += r->dar_size;
		}
		if (db.db_drops)
			fprintf(stderr, "dtrace: %s%llu aggregation drop%s "
				"on CPU %d\n", dtp->dt_cons->dc_droptags ?
				"[DTRACEDROP_AGGREGATION] " : "",
				(unsigned long long)db.db_drops,
				db.db_drops == 1 ? "" : "s", cpu);
	}
	return 0;
}

static long double dt_fabsl(long double x)
{
	return x < 0 ? -x : x;
}

/*
 * The standard deviation as DTrace computes it, in integers: the root of
 * the mean of the squares (the 128-bit sum divided by normal twice, then
 * by the count) less the square of the mean (total / normal / count).
 */
static uint64_t dt_stddev(const int64_t *d, uint64_t normal)
{
	unsigned __int128 sq = ((unsigned __int128)(uint64_t)d[3] << 64) |
			       (uint64_t)d[2], m2, diff, x, y;
	int64_t avg;

	if (d[0] == 0 || normal == 0)
		return 0;
	sq = sq / normal / normal / (uint64_t)d[0];
	avg = d[1] / (int64_t)normal / d[0];
	if (avg < 0)
		avg = -avg;
	m2 = (unsigned __int128)(uint64_t)avg * (uint64_t)avg;
	diff = sq - m2;		/* wraps as DTrace's does when negative */
	if (diff < 2)
		return (uint64_t)diff;
	/* The integer square root, by Newton's method. */
	x = diff;
	y = (x + 1) / 2;
	while (y < x) {
		x = y;
		y = (x + diff / x) / 2;
	}
	return (uint64_t)x;
}

/*
 * Sorting, as DTrace sorts: by value (a quantization by the sum of its
 * buckets' values weighted by their counts, then by its zero bucket),
 * then by key; with aggsortkey by key first; aggsortkeypos names the key
 * compared first (then the rest, in order, wrapping around); aggsortrev
 * reverses every comparison, the aggregations' order included.
 */
struct dt_sortopts {
	struct dt_consumer *so_dc;
	bool so_key;
	bool so_rev;
	uint32_t so_keypos;
};

static struct dt_sortopts dt_sort;

static int dt_lt(void)
{
	return dt_sort.so_rev ? 1 : -1;
}

static int dt_cmpld(long double a, long double b)
{
	return a < b ? dt_lt() : a > b ? -dt_lt() : 0;
}

static int dt_cmp64(int64_t a, int64_t b)
{
	return a < b ? dt_lt() : a > b ? -dt_lt() : 0;
}

static int dt_agg_valcmp(const struct dt_aggdesc *ad, const int64_t *a,
			 const int64_t *b)
{
	const __s64 *p = ad->dad_agg->dofag_params;
	long double sa = 0, sb = 0, v;
	int64_t za = 0, zb = 0;
	int i, n = (int)(ad->dad_valsize / 8), c;

	switch (ad->dad_agg->dofag_func) {
	case DTRACE_AGG_AVG:
		return dt_cmp64(a[0] ? a[1] / a[0] : 0, b[0] ? b[1] / b[0] : 0);
	case DTRACE_AGG_STDDEV:
		return dt_cmpld((long double)dt_stddev(a, 1),
				(long double)dt_stddev(b, 1));
	case DTRACE_AGG_QUANTIZE:
		for (i = 0; i < n; i++) {
			v = (long double)(i < DT_QUANTIZE_ZERO ?
				-(1LL << (DT_QUANTIZE_ZERO - 1 - i)) :
				i == DT_QUANTIZE_ZERO ? 0 :
				1LL << (i - DT_QUANTIZE_ZERO - 1));
			sa += v * a[i];
			sb += v * b[i];
		}
		za = a[DT_QUANTIZE_ZERO];
		zb = b[DT_QUANTIZE_ZERO];
		break;
	case DTRACE_AGG_LQUANTIZE: {
		int64_t base = p[0], step = p[2], levels = (p[1] - p[0]) / p[2];

		/* Word 0 is the base; then under, the levels, over. */
		sa = (long double)a[1] * (base - 1);
		sb = (long double)b[1] * (base - 1);
		if (base - 1 == 0) {
			za = a[1];
			zb = b[1];
		}
		for (i = 0; i < levels; i++, base += step) {
			sa += (long double)a[i + 2] * base;
			sb += (long double)b[i + 2] * base;
			if (base == 0) {
				za = a[i + 2];
				zb = b[i + 2];
			}
		}
		sa += (long double)a[levels + 2] * (base + 1);
		sb += (long double)b[levels + 2] * (base + 1);
		if (base + 1 == 0) {
			za = a[levels + 2];
			zb = b[levels + 2];
		}
		break;
	}
	case DTRACE_AGG_LLQUANTIZE: {
		/* Each bucket's count times its value (under: low - 1). */
		int64_t value = 1, next, step, order;

		for (order = 0; order < p[1]; order++)
			value *= p[0];
		sa = (long double)a[0] * (value - 1);
		sb = (long double)b[0] * (value - 1);
		za = a[0];
		zb = b[0];
		next = value * p[0];
		step = next > p[3] ? next / p[3] : 1;
		for (i = 1; order <= p[2] && i < n - 1; i++) {
			sa += (long double)a[i] * value;
			sb += (long double)b[i] * value;
			if ((value += step) != next)
				continue;
			next = value * p[0];
			step = next > p[3] ? next / p[3] : 1;
			order++;
		}
		sa += (long double)a[i] * value;
		sb += (long double)b[i] * value;
		break;
	}
	default:
		return dt_cmp64(a[0], b[0]);
	}
	c = dt_cmpld(sa, sb);
	return c ? c : dt_cmp64(za, zb);
}

static int dt_agg_keycmp(const struct dt_aggdesc *ad, const char *a,
			 const char *b)
{
	uint32_t i, k, nkeys = ad->dad_agg->dofag_nkeys;

	for (i = 0; i < nkeys; i++) {
		const struct dtrace_dof_rec *r;
		const char *x, *y;
		int c;

		k = (i + (dt_sort.so_keypos < nkeys ? dt_sort.so_keypos : 0)) %
		    nkeys;
		r = &ad->dad_keyrecs[k];
		x = a + r->dofr_offset;
		y = b + r->dofr_offset;
		if (r->dofr_flags & DTRACE_DOFREC_F_BYREF) {
			c = memcmp(x, y, r->dofr_size);
			c = c < 0 ? dt_lt() : c > 0 ? -dt_lt() : 0;
		} else if (r->dofr_size > 8) {
			/* Stacks: pc by pc. */
			uint64_t u, v;
			uint32_t o;

			for (c = 0, o = 0; !c && o + 8 <= r->dofr_size; o += 8) {
				memcpy(&u, x + o, 8);
				memcpy(&v, y + o, 8);
				c = u < v ? dt_lt() : u > v ? -dt_lt() : 0;
			}
		} else {
			uint64_t u = 0, v = 0;

			memcpy(&u, x, r->dofr_size);
			memcpy(&v, y, r->dofr_size);
			c = u < v ? dt_lt() : u > v ? -dt_lt() : 0;
		}
		if (c)
			return c;
	}
	return 0;
}

static int dt_agg_cmp(const void *pa, const void *pb)
{
	const struct dt_aggent *a = *(struct dt_aggent *const *)pa;
	const struct dt_aggent *b = *(struct dt_aggent *const *)pb;
	const struct dt_aggdesc *ad;
	int c;

	if (a->dae_aggid != b->dae_aggid)
		return a->dae_aggid < b->dae_aggid ? dt_lt() : -dt_lt();
	ad = &dt_sort.so_dc->dc_aggs[a->dae_aggid];
	if (dt_sort.so_key) {
		c = dt_agg_keycmp(ad, a->dae_key, b->dae_key);
		return c ? c : dt_agg_valcmp(ad, a->dae_val, b->dae_val);
	}
	c = dt_agg_valcmp(ad, a->dae_val, b->dae_val);
	return c ? c : dt_agg_keycmp(ad, a->dae_key, b->dae_key);
}

/*
 * The output options, read at every printing as dt_sort is (DTrace's):
 *
 *   aggzoom     a histogram's bars scaled so that the largest fills
 *               DT_AGGZOOM_MAX of the width, not each its share of the
 *               total;
 *   agghist     count(), sum(), avg() and stddev() drawn as a histogram
 *               over their keys, a bar a key, under a "key" header;
 *   aggpack     quantize() and lquantize() a line a key: the buckets
 *               from the aggregation's lowest to its highest (lquantize:
 *               all) as a ramp of characters between "min" and "max",
 *               then the count;
 *   aggpercpu   each CPU's value after the total, "[CPU n]" (Oracle's
 *               DTrace on Linux; illumos keeps the values for its API
 *               only and prints as without the option);
 *   encoding    utf8: bars of Unicode blocks in eighths; aggpack's ramp
 *               in blocks unless encoding=ascii, or TERM is unset (no
 *               terminal: what illumos' test suite expects), dumb, sun
 *               or sun-color.
 */
#define DT_AGGZOOM_MAX	0.95
#define DT_BLOCK_FULL	0x2588	/* U+2588 full block, 2589..258F less */
#define DT_BLOCK_LOW	0x2581	/* U+2581 lower eighth block ... 2588 */

static struct {
	bool fo_zoom;
	bool fo_hist;
	bool fo_pack;
	bool fo_utf8;		/* histogram bars in blocks */
	bool fo_packutf8;	/* aggpack's ramp in blocks */
} dt_fmt;

static void dt_agg_fmtopts(dtrace_hdl_t *dtp)
{
	const char *term = getenv("TERM");
	int64_t v;

	dt_fmt.fo_zoom = dtrace_getopt(dtp, "aggzoom", &v) == 0 && v > 0;
	dt_fmt.fo_hist = dtrace_getopt(dtp, "agghist", &v) == 0 && v > 0;
	dt_fmt.fo_pack = dtrace_getopt(dtp, "aggpack", &v) == 0 && v > 0;
	if (dtrace_getopt(dtp, "encoding", &v) != 0)
		v = DT_OPT_UNSET;
	dt_fmt.fo_utf8 = v == DT_ENCODING_UTF8;
	if (v == DT_OPT_UNSET)
		dt_fmt.fo_packutf8 = term && strcmp(term, "dumb") != 0 &&
				     strcmp(term, "sun") != 0 &&
				     strcmp(term, "sun-color") != 0;
	else
		dt_fmt.fo_packutf8 = v == DT_ENCODING_UTF8;
}

/* A Unicode block (U+25xx), in UTF-8. */
static void dt_putblock(FILE *fp, unsigned cp)
{
	fputc(0xe0 | (cp >> 12), fp);
	fputc(0x80 | ((cp >> 6) & 0x3f), fp);
	fputc(0x80 | (cp & 0x3f), fp);
}

static const char dt_spaces[] = "                                        ";

/* encoding=utf8: the bar in whole blocks and one in eighths. */
static void dt_quantline_utf8(FILE *fp, int64_t val, long long shown,
			      long double total)
{
	long double f = dt_fabsl((long double)val) * 40 / total;
	unsigned whole = (unsigned)f, i;
	unsigned eighths = (unsigned)((f - (long double)whole) * 8);

	fputc('|', fp);
	for (i = 0; i < whole; i++)
		dt_putblock(fp, DT_BLOCK_FULL);
	if (eighths) {
		dt_putblock(fp, DT_BLOCK_FULL + 8 - eighths);
		i++;
	}
	fprintf(fp, "%s %-9lld\n", dt_spaces + (i < 40 ? i : 40), shown);
}

/* One histogram row's bar and count, as DTrace draws it. */
static void dt_quantline(FILE *fp, int64_t val, uint64_t normal,
			 long double total, int positives, int negatives)
{
	long long shown = (long long)val / (long long)normal;

	static const char ats[] = "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@";
	const char *spaces = dt_spaces;
	unsigned len = 40, depth;
	long double f;

	if (!negatives && positives && dt_fmt.fo_utf8) {
		dt_quantline_utf8(fp, val, shown, total);
		return;
	}
	if (!negatives) {
		depth = positives ? (unsigned)(dt_fabsl((long double)val) * len / total + 0.5) : 0;
		fprintf(fp, "|%s%s %-9lld\n", ats + len - depth, spaces + depth,
			shown);
		return;
	}
	if (!positives) {
		depth = (unsigned)(dt_fabsl((long double)val) * len / total + 0.5);
		fprintf(fp, "%s%s| %-9lld\n", spaces + depth, ats + len - depth,
			shown);
		return;
	}
	/* Both signs: half-length bars either side of a centre line. */
	len /= 2;
	f = dt_fabsl((long double)val) * len / total;
	depth = (unsigned)(f + 0.5);
	if (val <= 0)
		fprintf(fp, "%s%s|%*s %-9lld\n", spaces + 40 - len + depth,
			ats + 40 - depth, (int)len, "", shown);
	else
		fprintf(fp, "%20s|%s%s %-9lld\n", "", ats + 40 - depth,
			spaces + 40 - len + depth, shown);
}

/* The bucket range worth printing: one empty bucket either side of data. */
static void dt_hist_range(const int64_t *d, int n, int *first, int *last,
			  int zfirst, int zlast)
{
	*first = 0;
	*last = n - 1;
	while (*first < n && d[*first] == 0)
		(*first)++;
	if (*first == n) {
		*first = zfirst;
		*last = zlast;
		return;
	}
	if (*first > 0)
		(*first)--;
	while (*last > 0 && d[*last] == 0)
		(*last)--;
	if (*last < n - 1)
		(*last)++;
}

/*
 * A bucket into a histogram's scale: the sum of the buckets' sizes, or
 * with aggzoom the largest, made 1 / DT_AGGZOOM_MAX larger.
 */
static void dt_hist_add(long double *total, int64_t v)
{
	long double a = dt_fabsl((long double)v);

	if (!dt_fmt.fo_zoom) {
		*total += a;
		return;
	}
	a *= 1 / DT_AGGZOOM_MAX;
	if (*total < a)
		*total = a;
}

static void dt_hist_totals(const int64_t *d, int first, int last,
			   long double *total, int *pos, int *neg)
{
	int i;

	*total = 0;
	*pos = *neg = 0;
	for (i = first; i <= last; i++) {
		*pos |= d[i] > 0;
		*neg |= d[i] < 0;
		dt_hist_add(total, d[i]);
	}
}

/* The header of a histogram; agghist's has its keys' width. */
static void dt_hist_header(FILE *fp, int keywidth)
{
	fprintf(fp, "\n%*s %41s %-9s\n", keywidth ? keywidth : 16,
		keywidth ? "key" : "value",
		"------------- Distribution -------------", "count");
}

static int64_t dt_quantize_val(int i)
{
	if (i < DT_QUANTIZE_ZERO)
		return -(1LL << (DT_QUANTIZE_ZERO - 1 - i));
	if (i == DT_QUANTIZE_ZERO)
		return 0;
	return 1LL << (i - DT_QUANTIZE_ZERO - 1);
}

static void dt_print_quantize(FILE *fp, const int64_t *d, uint64_t normal)
{
	int first, last, pos, neg, i;
	long double total;

	dt_hist_range(d, DT_QUANTIZE_NBUCKETS, &first, &last,
		      DT_QUANTIZE_ZERO - 1, DT_QUANTIZE_ZERO + 1);
	if (first == DT_QUANTIZE_NBUCKETS - 1) {
		first = DT_QUANTIZE_ZERO - 1;
		last = DT_QUANTIZE_ZERO + 1;
	}
	dt_hist_totals(d, first, last, &total, &pos, &neg);
	dt_hist_header(fp, 0);
	for (i = first; i <= last; i++) {
		fprintf(fp, "%16lld ", (long long)dt_quantize_val(i));
		dt_quantline(fp, d[i], normal, total, pos, neg);
	}
}

static void dt_print_lquantize(FILE *fp, const int64_t *d, const __s64 *p,
			       uint64_t normal)
{
	int levels = (int)((p[1] - p[0]) / p[2]), first, last, pos, neg, i;
	long double total;
	char c[32];

	d++;	/* the base word */
	dt_hist_range(d, levels + 2, &first, &last, 0, 2);
	dt_hist_totals(d, first, last, &total, &pos, &neg);
	dt_hist_header(fp, 0);
	for (i = first; i <= last; i++) {
		if (i == 0) {
			snprintf(c, sizeof(c), "< %lld", (long long)p[0]);
			fprintf(fp, "%16s ", c);
		} else if (i == levels + 1) {
			snprintf(c, sizeof(c), ">= %lld",
				 (long long)(p[0] + levels * p[2]));
			fprintf(fp, "%16s ", c);
		} else {
			fprintf(fp, "%16lld ", (long long)(p[0] + (i - 1) * p[2]));
		}
		dt_quantline(fp, d[i], normal, total, pos, neg);
	}
}

static void dt_print_llquantize(FILE *fp, const int64_t *d, int n,
				const __s64 *p, uint64_t normal)
{
	int64_t factor = p[0], low = p[1], high = p[2], nsteps = p[3];
	int64_t value = 1, next, step, order;
	int first, last, pos, neg, bin = 1;
	long double total;
	char c[32];

	dt_hist_range(d, n, &first, &last, 0, 1);
	dt_hist_totals(d, first, last, &total, &pos, &neg);
	dt_hist_header(fp, 0);
	for (order = 0; order < low; order++)
		value *= factor;
	next = value * factor;
	step = next > nsteps ? next / nsteps : 1;
	if (first == 0) {
		snprintf(c, sizeof(c), "< %lld", (long long)value);
		fprintf(fp, "%16s ", c);
		dt_quantline(fp, d[0], normal, total, pos, neg);
	}
	while (order <= high && bin < n) {
		if (bin >= first && bin <= last) {
			fprintf(fp, "%16lld ", (long long)value);
			dt_quantline(fp, d[bin], normal, total, pos, neg);
		}
		bin++;
		value += step;
		if (value != next)
			continue;
		next = value * factor;
		step = next > nsteps ? next / nsteps : 1;
		order++;
	}
	if (last < bin || bin >= n)
		return;
	snprintf(c, sizeof(c), ">= %lld", (long long)value);
	fprintf(fp, "%16s ", c);
	dt_quantline(fp, d[bin], normal, total, pos, neg);
}

/*
 * One key, in DTrace's columns; packed (agghist, aggpack) a string is
 * right-aligned in 16 (left-aligned if it fills its record).
 */
static void dt_print_key(FILE *fp, int indent, const struct dtrace_dof_rec *r,
			 uint32_t act, const char *addr, bool packed)
{
	int len;

	if (act) {
		dt_print_symrec(fp, act, addr, r->dofr_size);
		return;
	}
	if (r->dofr_flags & DTRACE_DOFREC_F_BYREF) {
		len = (int)strnlen(addr, r->dofr_size);
		if (!packed)
			fprintf(fp, "  %-50.*s", len, addr);
		else if ((uint32_t)len < r->dofr_size)
			fprintf(fp, " %16.*s", len, addr);
		else
			fprintf(fp, "  %-16.*s", len, addr);
		return;
	}
	if (r->dofr_flags & (DTRACE_DOFREC_F_KSTACK | DTRACE_DOFREC_F_USTACK)) {
		dt_stack_print(fp, NULL, r->dofr_flags & DTRACE_DOFREC_F_USTACK,
			       (const uint64_t *)(const void *)addr,
			       r->dofr_size / 8, indent);
		return;
	}
	switch (r->dofr_size) {
	case 8:
		fprintf(fp, " %16lld", *(const long long *)addr);
		break;
	case 4:
		fprintf(fp, " %8d", *(const int32_t *)addr);
		break;
	case 2:
		fprintf(fp, " %5d", *(const uint16_t *)addr);
		break;
	default:
		fprintf(fp, " %3d", *(const uint8_t *)addr);
		break;
	}
}

/* An aggregation's value, as the default output and %@ print it. */
static void dt_print_aggval(FILE *fp, const struct dt_aggdesc *ad,
			    const int64_t *d)
{
	const struct dtrace_dof_agg *ag = ad->dad_agg;
	uint64_t normal = ad->dad_normal ? ad->dad_normal : 1;

	switch (ag->dofag_func) {
	case DTRACE_AGG_AVG:
		fprintf(fp, " %16lld", d[0] ? (long long)(d[1] /
			(int64_t)normal / d[0]) : 0LL);
		break;
	case DTRACE_AGG_STDDEV:
		fprintf(fp, " %16llu", (unsigned long long)dt_stddev(d, normal));
		break;
	case DTRACE_AGG_QUANTIZE:
		dt_print_quantize(fp, d, normal);
		break;
	case DTRACE_AGG_LQUANTIZE:
		dt_print_lquantize(fp, d, ag->dofag_params, normal);
		break;
	case DTRACE_AGG_LLQUANTIZE:
		dt_print_llquantize(fp, d, (int)(ad->dad_valsize / 8),
				    ag->dofag_params, normal);
		break;
	default:
		fprintf(fp, " %16lld", (long long)d[0] / (long long)normal);
		break;
	}
}

/* aggpercpu: each CPU's value, after the total. */
static void dt_print_percpu(FILE *fp, const struct dt_consumer *dc,
			    const struct dt_aggdesc *ad, const int64_t *percpu)
{
	uint32_t cpu;

	for (cpu = 0; percpu && cpu < dc->dc_aggncpus; cpu++) {
		if (!dc->dc_aggcpuok[cpu])
			continue;
		fprintf(fp, "\n    [CPU %u]", cpu);
		dt_print_aggval(fp, ad,
				percpu + (size_t)cpu * (ad->dad_valsize / 8));
	}
}

/*
 * aggpack's column for a bucket's value: its digits as DTrace counts
 * them (a power of ten counts as the number below it), at least 4.
 */
static int dt_ndigits(long long v)
{
	long long cmp = 10;
	int n = 1;

	if (v < 0) {
		v = v == LLONG_MIN ? LLONG_MAX : -v;
		n++;
	}
	while (v > cmp) {
		n++;
		if (cmp > LLONG_MAX / 10)
			break;
		cmp *= 10;
	}
	return n < 4 ? 4 : n;
}

/*
 * One bucket of an aggpack line: nothing for none, then by its share of
 * the scale one of eight (_ _ x x x x X X, or the blocks U+2581 to 2588),
 * negative ones one of six (v v v v V V).
 */
static void dt_packchar(FILE *fp, int64_t val, long double total)
{
	static const char pos[] = "__xxxxXX", neg[] = "vvvvVV";
	long double datum = (long double)val;

	if (val == 0)
		fputc(' ', fp);
	else if (val < 0)
		fputc(neg[(unsigned)(dt_fabsl(datum * 5) / total + 0.5)], fp);
	else if (dt_fmt.fo_packutf8)
		dt_putblock(fp, DT_BLOCK_LOW +
			    (unsigned)(datum * 7 / total + 0.5));
	else
		fputc(pos[(unsigned)(datum * 7 / total + 0.5)], fp);
}

/* The ramp of buckets d[first..last]; returns their count. */
static long long dt_packramp(FILE *fp, const int64_t *d, int first, int last)
{
	long double total = 0, count = 0;
	int i;

	for (i = first; i <= last; i++) {
		dt_hist_add(&total, d[i]);
		count += (long double)d[i];
	}
	for (i = first; i <= last; i++)
		dt_packchar(fp, d[i], total);
	return (long long)count;
}

/*
 * What one printing (a printa(), the output at exit) keeps while it goes
 * through an aggregation's entries: agghist's scale and aggpack's range
 * are the whole aggregation's, worked out (dt_agg_scan()) when its
 * header is printed, before its first entry.
 */
struct dt_aggprint {
	FILE *ap_fp;
	struct dt_consumer *ap_dc;
	int64_t ap_hdr;			/* aggregation headed, or -1 */
	long double ap_total;		/* agghist: the scale */
	int ap_pos, ap_neg;		/* ... values of each sign */
	int ap_minbin, ap_maxbin;	/* aggpack: the buckets shown */
};

enum { DT_AGGFMT_PLAIN, DT_AGGFMT_HIST, DT_AGGFMT_PACK };

static int dt_agg_fmt(const struct dt_aggdesc *ad)
{
	switch (ad->dad_agg->dofag_func) {
	case DTRACE_AGG_COUNT:
	case DTRACE_AGG_SUM:
	case DTRACE_AGG_AVG:
	case DTRACE_AGG_STDDEV:
		return dt_fmt.fo_hist ? DT_AGGFMT_HIST : DT_AGGFMT_PLAIN;
	case DTRACE_AGG_QUANTIZE:
	case DTRACE_AGG_LQUANTIZE:
		return dt_fmt.fo_pack ? DT_AGGFMT_PACK : DT_AGGFMT_PLAIN;
	default:
		return DT_AGGFMT_PLAIN;
	}
}

/* agghist's value of an entry: avg() and stddev() computed. */
static int64_t dt_agg_scalar(const struct dt_aggdesc *ad, const int64_t *d)
{
	switch (ad->dad_agg->dofag_func) {
	case DTRACE_AGG_AVG:
		return d[0] ? d[1] / d[0] : 0;
	case DTRACE_AGG_STDDEV:
		return (int64_t)dt_stddev(d, 1);
	default:
		return d[0];
	}
}

static int dt_lquantize_levels(const struct dt_aggdesc *ad)
{
	const __s64 *p = ad->dad_agg->dofag_params;

	return (int)((p[1] - p[0]) / p[2]);
}

/*
 * agghist: the scale (the sum of the values' sizes, or with aggzoom the
 * largest made 1 / DT_AGGZOOM_MAX larger, in integers) and the signs
 * over the aggregation's entries; aggpack: the buckets with data over
 * them, one empty either side (the zero bucket if none has any), or
 * lquantize()'s every one.
 */
static void dt_agg_scan(struct dt_aggprint *ap, uint32_t id,
			const struct dt_aggdesc *ad, int fmt)
{
	const struct dt_consumer *dc = ap->ap_dc;
	int i, first = -1, last = -1;
	size_t j;

	ap->ap_total = 0;
	ap->ap_pos = ap->ap_neg = 0;
	for (j = 0; j < dc->dc_naggents; j++) {
		const struct dt_aggent *e = dc->dc_aggents[j];
		int64_t v;

		if (e->dae_aggid != id)
			continue;
		if (fmt == DT_AGGFMT_HIST) {
			v = dt_agg_scalar(ad, e->dae_val);
			ap->ap_pos |= v > 0;
			ap->ap_neg |= v < 0;
			v = v < 0 ? -v : v;
			if (!dt_fmt.fo_zoom)
				ap->ap_total += (long double)v;
			else if ((v = (int64_t)((long double)v *
						(1 / DT_AGGZOOM_MAX))) >
				 ap->ap_total)
				ap->ap_total = (long double)v;
			continue;
		}
		if (ad->dad_agg->dofag_func != DTRACE_AGG_QUANTIZE)
			continue;
		for (i = 0; i < DT_QUANTIZE_NBUCKETS; i++) {
			if (!e->dae_val[i])
				continue;
			if (first < 0 || i < first)
				first = i;
			if (i > last)
				last = i;
		}
	}
	if (fmt != DT_AGGFMT_PACK)
		return;
	if (ad->dad_agg->dofag_func == DTRACE_AGG_LQUANTIZE) {
		ap->ap_minbin = 0;
		ap->ap_maxbin = dt_lquantize_levels(ad) + 1;
		return;
	}
	if (first < 0)
		first = last = DT_QUANTIZE_ZERO;
	if (first != 0 && first != DT_QUANTIZE_ZERO)
		first--;
	if (last < DT_QUANTIZE_NBUCKETS - 1)
		last++;
	ap->ap_minbin = first;
	ap->ap_maxbin = last;
}

/* agghist's and aggpack's header, its keys' columns wide. */
static void dt_agg_header(struct dt_aggprint *ap, const struct dt_aggdesc *ad,
			  int fmt)
{
	uint32_t k;
	int width = 0, minw = 7, maxw = 8, i;

	for (k = 0; k < ad->dad_agg->dofag_nkeys; k++) {
		const struct dtrace_dof_rec *r = &ad->dad_keyrecs[k];

		if (r->dofr_flags & DTRACE_DOFREC_F_BYREF)
			width += 17;
		else
			width += r->dofr_size == 1 ? 4 : r->dofr_size == 2 ? 6 :
				 r->dofr_size == 4 ? 9 : 17;
	}
	if (fmt == DT_AGGFMT_HIST) {
		dt_hist_header(ap->ap_fp, width);
		return;
	}
	if (ad->dad_agg->dofag_func == DTRACE_AGG_QUANTIZE) {
		minw = dt_ndigits(dt_quantize_val(ap->ap_minbin));
		maxw = dt_ndigits(dt_quantize_val(ap->ap_maxbin));
	}
	fprintf(ap->ap_fp, "\n%*s %*s .", width, width > 0 ? "key" : "",
		minw, "min");
	for (i = ap->ap_minbin; i <= ap->ap_maxbin; i++)
		fputc('-', ap->ap_fp);
	fprintf(ap->ap_fp, ". %*s | count\n", -maxw, "max");
}

/* aggpack: a quantization's line after its keys. */
static void dt_print_packed(FILE *fp, const struct dt_aggprint *ap,
			    const struct dt_aggdesc *ad, const int64_t *d)
{
	const __s64 *p = ad->dad_agg->dofag_params;
	int levels;
	long long lo, hi, count;
	char c[32];

	if (ad->dad_agg->dofag_func == DTRACE_AGG_QUANTIZE) {
		lo = dt_quantize_val(ap->ap_minbin);
		hi = dt_quantize_val(ap->ap_maxbin);
		fprintf(fp, " %*lld :", dt_ndigits(lo), lo);
		count = dt_packramp(fp, d, ap->ap_minbin, ap->ap_maxbin);
		fprintf(fp, ": %*lld | %lld\n", -dt_ndigits(hi), hi, count);
		return;
	}
	levels = dt_lquantize_levels(ad);
	snprintf(c, sizeof(c), "< %lld", (long long)p[0]);
	fprintf(fp, "%8s :", c);
	count = dt_packramp(fp, d + 1, 0, levels + 1);	/* past the base */
	snprintf(c, sizeof(c), ">= %lld", (long long)(p[0] + levels * p[2]));
	fprintf(fp, ": %-8s | %lld\n", c, count);
}

/*
 * One entry of the default output: the keys, the value, a newline; with
 * agghist or aggpack the aggregation's header before its first entry,
 * then a bar or a ramp a key.
 */
static void dt_print_aggent(struct dt_aggprint *ap, const struct dt_aggdesc *ad,
			    const struct dt_aggent *e)
{
	FILE *fp = ap->ap_fp;
	int fmt = dt_agg_fmt(ad);
	uint32_t k;

	if (fmt != DT_AGGFMT_PLAIN && ap->ap_hdr != (int64_t)e->dae_aggid) {
		dt_agg_scan(ap, e->dae_aggid, ad, fmt);
		dt_agg_header(ap, ad, fmt);
		ap->ap_hdr = e->dae_aggid;
	}
	for (k = 0; k < ad->dad_agg->dofag_nkeys; k++)
		dt_print_key(fp, ap->ap_dc->dc_stackindent, &ad->dad_keyrecs[k],
			     ad->dad_keyact[k],
			     e->dae_key + ad->dad_keyrecs[k].dofr_offset,
			     fmt != DT_AGGFMT_PLAIN);
	switch (fmt) {
	case DT_AGGFMT_HIST:
		fputc(' ', fp);
		dt_quantline(fp, dt_agg_scalar(ad, e->dae_val),
			     ad->dad_normal ? ad->dad_normal : 1, ap->ap_total,
			     ap->ap_pos, ap->ap_neg);
		return;
	case DT_AGGFMT_PACK:
		dt_print_packed(fp, ap, ad, e->dae_val);
		return;
	default:
		dt_print_aggval(fp, ad, e->dae_val);
		dt_print_percpu(fp, ap->ap_dc, ad, e->dae_percpu);
		fputc('\n', fp);
	}
}

static void dt_aggprint_init(struct dt_aggprint *ap, struct dt_consumer *dc,
			     FILE *fp)
{
	memset(ap, 0, sizeof(*ap));
	ap->ap_fp = fp;
	ap->ap_dc = dc;
	ap->ap_hdr = -1;
}

static void dt_agg_sort(dtrace_hdl_t *dtp, struct dt_consumer *dc)
{
	int64_t v;

	dt_agg_fmtopts(dtp);
	dt_sort.so_dc = dc;
	dt_sort.so_key = dtrace_getopt(dtp, "aggsortkey", &v) == 0 && v > 0;
	dt_sort.so_rev = dtrace_getopt(dtp, "aggsortrev", &v) == 0 && v > 0;
	dt_sort.so_keypos = dtrace_getopt(dtp, "aggsortkeypos", &v) == 0 &&
			    v >= 0 && v <= UINT32_MAX ? (uint32_t)v : 0;
	qsort(dc->dc_aggents, dc->dc_naggents, sizeof(*dc->dc_aggents),
	      dt_agg_cmp);
}

/* A quantization's %@: its histogram, normalized. */
static int dt_agg_pfhist(FILE *fp, const struct dt_pfval *v)
{
	dt_print_aggval(fp, v->pv_ctx, v->pv_addr);
	return 0;
}

/* What printa()'s %@ prints: the value, computed for avg and stddev. */
static void dt_agg_pfval(const struct dt_aggdesc *ad, const int64_t *d,
			 int64_t *tmp, struct dt_pfval *pv)
{
	int64_t normal = ad->dad_normal ? (int64_t)ad->dad_normal : 1;

	memset(pv, 0, sizeof(*pv));
	switch (ad->dad_agg->dofag_func) {
	case DTRACE_AGG_AVG:
		*tmp = d[0] ? d[1] / normal / d[0] : 0;
		break;
	case DTRACE_AGG_STDDEV:
		*tmp = (int64_t)dt_stddev(d, (uint64_t)normal);
		break;
	case DTRACE_AGG_QUANTIZE:
	case DTRACE_AGG_LQUANTIZE:
	case DTRACE_AGG_LLQUANTIZE:
		pv->pv_addr = d;
		pv->pv_size = ad->dad_valsize;
		pv->pv_print = dt_agg_pfhist;
		pv->pv_ctx = ad;
		return;
	default:
		*tmp = d[0] / normal;
		break;
	}
	pv->pv_addr = tmp;
	pv->pv_size = sizeof(*tmp);
	pv->pv_flags = ad->dad_agg->dofag_func == DTRACE_AGG_COUNT ? 0 :
		       DT_PFVAL_SIGNED;
}

/*
 * One line through printa()'s format: the keys, then %@ the values of
 * the n aggregations ads[] (vals[] of each; NULL: none, printed as 0).
 */
static int dt_agg_printa_fmt(dtrace_hdl_t *dtp, FILE *fp,
			     const struct dt_pfv *pfv,
			     const struct dt_aggdesc *const *ads,
			     const char *key, const int64_t *const *vals,
			     uint32_t nagg)
{
	struct dt_pfval kv[DIF_TUPLE_MAX + 1], av[DT_JOIN_MAX + 1];
	const struct dt_aggdesc *ad = ads[0];
	int64_t tmp[DT_JOIN_MAX];
	uint32_t k, n = ad->dad_agg->dofag_nkeys;

	if (n > DIF_TUPLE_MAX || nagg > DT_JOIN_MAX)
		return dt_set_errmsg(dtp, EINVAL, "malformed aggregation");
	memset(av, 0, sizeof(av));
	for (k = 0; k < nagg; k++)
		dt_agg_pfval(ads[k], vals[k], &tmp[k], &av[k]);
	for (k = 0; k < n; k++) {
		const struct dtrace_dof_rec *r = &ad->dad_keyrecs[k];

		memset(&kv[k], 0, sizeof(kv[k]));
		kv[k].pv_addr = key + r->dofr_offset;
		kv[k].pv_size = r->dofr_flags & DTRACE_DOFREC_F_STRING ?
			strnlen(kv[k].pv_addr, r->dofr_size) : r->dofr_size;
		kv[k].pv_flags = r->dofr_flags & DTRACE_DOFREC_F_SIGNED ?
				 DT_PFVAL_SIGNED : 0;
		if (r->dofr_flags & DTRACE_DOFREC_F_KSTACK)
			kv[k].pv_flags = DT_PFVAL_KSTACK;
		if (r->dofr_flags & DTRACE_DOFREC_F_USTACK)
			kv[k].pv_flags = DT_PFVAL_USTACK;
		if (ad->dad_keyact[k] == DTRACE_DOFACT_MOD)
			kv[k].pv_flags = DT_PFVAL_KMOD;
		if (ad->dad_keyact[k] == DTRACE_DOFACT_UMOD)
			kv[k].pv_flags = DT_PFVAL_UMOD;
	}
	return dt_printf_format(dtp, fp, pfv, kv, (int)n, av) < 0 ? -1 : 0;
}

/*
 * printa(@a, @b, ...): DTrace joins the aggregations on their keys, one
 * line per key any of them has, each aggregation's value in turn (zero
 * where it has none), sorted by the value of the aggsortpos-th one.
 */
struct dt_joinrow {
	const char *jr_key;
	const int64_t *jr_vals[DT_JOIN_MAX];
	const int64_t *jr_percpu[DT_JOIN_MAX];	/* aggpercpu, or NULL */
};

static struct {
	const struct dt_aggdesc *const *jc_ads;
	uint32_t jc_pos;
} dt_join;

static int dt_join_cmp(const void *pa, const void *pb)
{
	const struct dt_joinrow *a = pa, *b = pb;
	const struct dt_aggdesc *ad = dt_join.jc_ads[dt_join.jc_pos];
	int c;

	if (dt_sort.so_key) {
		c = dt_agg_keycmp(ad, a->jr_key, b->jr_key);
		return c ? c : dt_agg_valcmp(ad, a->jr_vals[dt_join.jc_pos],
					     b->jr_vals[dt_join.jc_pos]);
	}
	c = dt_agg_valcmp(ad, a->jr_vals[dt_join.jc_pos],
			  b->jr_vals[dt_join.jc_pos]);
	return c ? c : dt_agg_keycmp(ad, a->jr_key, b->jr_key);
}

static int dt_agg_printa_joined(dtrace_hdl_t *dtp, FILE *fp,
				const struct dt_pfv *pfv, const uint32_t *ids,
				uint32_t nagg)
{
	struct dt_consumer *dc = dtp->dt_cons;
	const struct dt_aggdesc *ads[DT_JOIN_MAX];
	struct dt_joinrow *rows;
	int64_t *zero;
	size_t i, j, nrows = 0, maxval = 8;
	uint32_t k;
	int64_t pos;
	int ret = 0;

	for (k = 0; k < nagg; k++) {
		ads[k] = &dc->dc_aggs[ids[k]];
		if (ads[k]->dad_keysize != ads[0]->dad_keysize ||
		    ads[k]->dad_agg->dofag_nkeys != ads[0]->dad_agg->dofag_nkeys)
			return dt_set_errmsg(dtp, EINVAL, "printa(): "
					     "aggregations with different keys");
		if (ads[k]->dad_valsize > maxval)
			maxval = ads[k]->dad_valsize;
	}
	rows = calloc(dc->dc_naggents + 1, sizeof(*rows));
	zero = calloc(1, maxval);
	if (!rows || !zero) {
		free(rows);
		free(zero);
		return dt_set_errno(dtp, ENOMEM);
	}
	for (i = 0; i < dc->dc_naggents; i++) {
		const struct dt_aggent *e = dc->dc_aggents[i];

		for (k = 0; k < nagg && e->dae_aggid != ids[k]; k++)
			;
		if (k == nagg)
			continue;
		for (j = 0; j < nrows; j++)
			if (memcmp(rows[j].jr_key, e->dae_key,
				   ads[0]->dad_keysize) == 0)
				break;
		if (j == nrows)
			rows[nrows++].jr_key = e->dae_key;
		if (!rows[j].jr_vals[k]) {
			rows[j].jr_vals[k] = e->dae_val;
			rows[j].jr_percpu[k] = e->dae_percpu;
		}
	}
	for (j = 0; j < nrows; j++)
		for (k = 0; k < nagg; k++)
			if (!rows[j].jr_vals[k])
				rows[j].jr_vals[k] = zero;
	pos = 0;
	if (dtrace_getopt(dtp, "aggsortpos", &pos) != 0 || pos < 0 ||
	    pos >= nagg)
		pos = 0;
	dt_join.jc_ads = ads;
	dt_join.jc_pos = (uint32_t)pos;
	qsort(rows, nrows, sizeof(*rows), dt_join_cmp);

	if (!pfv)
		fputc('\n', fp);
	for (j = 0; j < nrows && ret == 0; j++) {
		if (pfv) {
			ret = dt_agg_printa_fmt(dtp, fp, pfv, ads, rows[j].jr_key,
						rows[j].jr_vals, nagg);
			continue;
		}
		for (k = 0; k < ads[0]->dad_agg->dofag_nkeys; k++)
			dt_print_key(fp, dtp->dt_cons->dc_stackindent,
				     &ads[0]->dad_keyrecs[k],
				     ads[0]->dad_keyact[k], rows[j].jr_key +
				     ads[0]->dad_keyrecs[k].dofr_offset, false);
		for (k = 0; k < nagg; k++) {
			dt_print_aggval(fp, ads[k], rows[j].jr_vals[k]);
			dt_print_percpu(fp, dc, ads[k], rows[j].jr_percpu[k]);
		}
		fputc('\n', fp);
	}
	for (k = 0; k < nagg && nrows; k++)
		dc->dc_aggs[ids[k]].dad_printed = true;
	free(rows);
	free(zero);
	return ret;
}

/*
 * printa(): each aggregation named, sorted, now (as of the snapshot taken
 * before these records were consumed); without a format as at exit,
 * after a newline, with one through the format per entry; several
 * aggregations joined on their keys (dt_agg_printa_joined()).  An
 * aggregation printa() printed entries of is not printed again at exit
 * (one that was still empty is, as in DTrace).
 */
int dt_agg_printa(dtrace_hdl_t *dtp, FILE *fp, const struct dt_enab *en,
		  uint32_t ai)
{
	struct dt_consumer *dc = dtp->dt_cons;
	const struct dtrace_dof_action *a = &en->den_acts[ai];
	uint32_t n, id, ids[DT_JOIN_MAX];
	struct dt_aggprint ap;
	size_t i;

	if (a->dofa_nargs > en->den_nacts - ai - 1 || a->dofa_nargs == 0)
		return dt_set_errmsg(dtp, EINVAL, "malformed printa()");
	dt_agg_sort(dtp, dc);
	for (n = 0; n < a->dofa_nargs; n++)
		if (en->den_acts[ai + 1 + n].dofa_arg >= en->den_naggs)
			return dt_set_errmsg(dtp, EINVAL, "malformed printa()");
	if (a->dofa_nargs > 1) {
		if (a->dofa_nargs > DT_JOIN_MAX)
			return dt_set_errmsg(dtp, EINVAL, "printa() of more than "
					     "%d aggregations", DT_JOIN_MAX);
		for (n = 0; n < a->dofa_nargs; n++)
			ids[n] = en->den_aggbase +
				 (uint32_t)en->den_acts[ai + 1 + n].dofa_arg;
		return dt_agg_printa_joined(dtp, fp, en->den_pfv[ai], ids,
					    a->dofa_nargs);
	}
	id = en->den_aggbase + (uint32_t)en->den_acts[ai + 1].dofa_arg;
	dt_aggprint_init(&ap, dc, fp);
	if (!en->den_pfv[ai])
		fputc('\n', fp);
	for (i = 0; i < dc->dc_naggents; i++) {
		const struct dt_aggent *e = dc->dc_aggents[i];
		const struct dt_aggdesc *ad = &dc->dc_aggs[id];
		const int64_t *v = e->dae_val;

		if (e->dae_aggid != id)
			continue;
		dc->dc_aggs[id].dad_printed = true;
		if (!en->den_pfv[ai])
			dt_print_aggent(&ap, ad, e);
		else if (dt_agg_printa_fmt(dtp, fp, en->den_pfv[ai], &ad,
					   e->dae_key, &v, 1) != 0)
			return -1;
	}
	return 0;
}

int dtrace_aggregate_print(dtrace_hdl_t *dtp, FILE *fp)
{
	struct dt_consumer *dc = dtp->dt_cons;
	struct dt_aggprint ap;
	size_t i;

	if (!dc || !dc->dc_naggents)
		return 0;
	dt_agg_sort(dtp, dc);
	dt_aggprint_init(&ap, dc, fp);
	for (i = 0; i < dc->dc_naggents; i++) {
		const struct dt_aggdesc *ad =
			&dc->dc_aggs[dc->dc_aggents[i]->dae_aggid];

		if (!ad->dad_printed)
			dt_print_aggent(&ap, ad, dc->dc_aggents[i]);
	}
	return 0;
}

static void dt_agg_zero(const struct dt_aggdesc *ad, int64_t *d)
{
	if (ad->dad_agg->dofag_func == DTRACE_AGG_LQUANTIZE)
		memset(d + 1, 0, ad->dad_valsize - 8);
	else
		memset(d, 0, ad->dad_valsize);
}

void dt_agg_clear(dtrace_hdl_t *dtp, uint32_t id)
{
	struct dt_consumer *dc = dtp->dt_cons;
	uint32_t cpu;
	size_t i;

	if (!dc || id >= dc->dc_naggs)
		return;
	for (i = 0; i < dc->dc_naggents; i++) {
		struct dt_aggent *e = dc->dc_aggents[i];

		if (e->dae_aggid != id)
			continue;
		/* Zeroes, as DTrace's (a cleared min() is 0 until a smaller
		 * value comes); lquantize's base word stays. */
		dt_agg_zero(&dc->dc_aggs[id], e->dae_val);
		for (cpu = 0; e->dae_percpu && cpu < dc->dc_aggncpus; cpu++)
			dt_agg_zero(&dc->dc_aggs[id], e->dae_percpu + (size_t)cpu *
				    (dc->dc_aggs[id].dad_valsize / 8));
	}
}

/* Unlink an entry from its hash chain and free it. */
static void dt_agg_remove(struct dt_consumer *dc, struct dt_aggent *e)
{
	struct dt_aggent **pp = &dc->dc_agghash[e->dae_hash % DT_AGG_NBUCKETS];

	while (*pp && *pp != e)
		pp = &(*pp)->dae_next;
	if (*pp)
		*pp = e->dae_next;
	dt_agg_free(e);
}

void dt_agg_trunc(dtrace_hdl_t *dtp, uint32_t id, int64_t n, bool all)
{
	struct dt_consumer *dc = dtp->dt_cons;
	size_t i, j, first = 0, count = 0, keep;

	if (!dc || id >= dc->dc_naggs)
		return;
	/* Sorted by value (the options aside), the aggregation is a run. */
	dt_sort.so_dc = dc;
	dt_sort.so_key = dt_sort.so_rev = false;
	dt_sort.so_keypos = 0;
	qsort(dc->dc_aggents, dc->dc_naggents, sizeof(*dc->dc_aggents),
	      dt_agg_cmp);
	for (i = 0; i < dc->dc_naggents; i++) {
		if (dc->dc_aggents[i]->dae_aggid != id)
			continue;
		if (!count)
			first = i;
		count++;
	}
	keep = all ? 0 : n < 0 ? (size_t)-(n + 1) + 1 : (size_t)n;
	if (keep > count)
		keep = count;
	/* n > 0 keeps the largest (the end of the run), n < 0 the smallest. */
	for (i = first, j = 0; i < first + count; i++, j++) {
		bool kept = n < 0 && !all ? j < keep : j >= count - keep;

		if (!kept) {
			dt_agg_remove(dc, dc->dc_aggents[i]);
			dc->dc_aggents[i] = NULL;
		}
	}
	for (i = j = 0; i < dc->dc_naggents; i++)
		if (dc->dc_aggents[i])
			dc->dc_aggents[j++] = dc->dc_aggents[i];
	dc->dc_naggents = j;
}

void dt_agg_normalize(dtrace_hdl_t *dtp, uint32_t id, uint64_t normal)
{
	struct dt_consumer *dc = dtp->dt_cons;

	if (dc && id < dc->dc_naggs && normal)
		dc->dc_aggs[id].dad_normal = normal;
}
