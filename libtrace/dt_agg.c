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
 * Output, as dtrace(1M) prints at exit (skipping what printa() printed): the aggregations in the order
 * they were declared, each one's entries sorted by value and then by key;
 * a line per entry: the keys (integers right-aligned by size, strings
 * left-aligned in 50 columns, stacks as dtrace prints them: a newline,
 * then a frame per line, libtrace/dt_stack.c), then the value (16
 * columns; avg and stddev computed; the quantizations as DTrace's
 * histograms of '@' bars).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "dt_consume.h"
#include "dt_printf.h"
#include "dt_stack.h"
#include "dif/dif_obj.h"

#define DT_QUANTIZE_NBUCKETS	127
#define DT_QUANTIZE_ZERO	63

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
		ad->dad_keyrecs = &en->den_recs[ag->dofag_rec_first];
		ad->dad_keysize = (ag->dofag_keysize + 7) & ~7U;
		ad->dad_valsize = ad->dad_keyrecs[ag->dofag_nkeys].dofr_size;
	}
	dc->dc_naggs += en->den_naggs;
	return 0;
}

void dt_agg_fini(struct dt_consumer *dc)
{
	size_t i;

	for (i = 0; i < dc->dc_naggents; i++) {
		free(dc->dc_aggents[i]->dae_key);
		free(dc->dc_aggents[i]->dae_val);
		free(dc->dc_aggents[i]);
	}
	free(dc->dc_aggents);
	free(dc->dc_aggs);
	free(dc->dc_aggbuf);
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

static int dt_agg_add(dtrace_hdl_t *dtp, const struct dtrace_aggrec *r)
{
	struct dt_consumer *dc = dtp->dt_cons;
	const struct dt_aggdesc *ad = &dc->dc_aggs[r->dar_aggid];
	const char *key = (const char *)(r + 1);
	const int64_t *val = (const void *)(key + ad->dad_keysize);
	uint32_t h = dt_agg_hash(r->dar_aggid, key, ad->dad_keysize);
	struct dt_aggent *e, **ents;

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
		    !(e->dae_val = malloc(ad->dad_valsize))) {
			if (e)
				free(e->dae_key);
			free(e);
			return dt_set_errno(dtp, ENOMEM);
		}
		e->dae_aggid = r->dar_aggid;
		e->dae_hash = h;
		memcpy(e->dae_key, key, ad->dad_keysize);
		memcpy(e->dae_val, val, ad->dad_valsize);
		dt_agg_grab(ad, key);
		e->dae_next = dc->dc_agghash[h % DT_AGG_NBUCKETS];
		dc->dc_agghash[h % DT_AGG_NBUCKETS] = e;
		dc->dc_aggents[dc->dc_naggents++] = e;
		return 0;
	}
	dt_agg_merge(ad, e->dae_val, val);
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
		while (off + sizeof(struct dtrace_aggrec) <= db.db_size) {
			const struct dtrace_aggrec *r = (const void *)(dc->dc_aggbuf + off);
			const struct dt_aggdesc *ad;

			if (r->dar_aggid >= dc->dc_naggs)
				return dt_set_errmsg(dtp, EINVAL, "bad aggregation "
						     "entry on CPU %d", cpu);
			ad = &dc->dc_aggs[r->dar_aggid];
			if (r->dar_size != sizeof(*r) + ad->dad_keysize + ad->dad_valsize ||
			    r->dar_size > db.db_size - off)
				return dt_set_errmsg(dtp, EINVAL, "bad aggregation "
						     "entry on CPU %d", cpu);
			if (dt_agg_add(dtp, r) != 0)
				return -1;
			off += r->dar_size;
		}
		if (db.db_drops)
			fprintf(stderr, "dtrace: %llu aggregation drop%s on CPU %d\n",
				(unsigned long long)db.db_drops,
				db.db_drops == 1 ? "" : "s", cpu);
	}
	return 0;
}

static long double dt_fabsl(long double x)
{
	return x < 0 ? -x : x;
}

/* The integer square root, by Newton's method. */
static uint64_t dt_isqrt(uint64_t v)
{
	uint64_t x = v, y;

	if (v < 2)
		return v;
	y = (x + 1) / 2;
	while (y < x) {
		x = y;
		y = (x + v / x) / 2;
	}
	return x;
}

/*
 * The standard deviation from count, total and the 128-bit sum of
 * squares: the root of the mean square less the squared mean.
 */
static uint64_t dt_stddev(const int64_t *d)
{
	long double n = (long double)d[0], mean, var;

	if (d[0] == 0)
		return 0;
	mean = (long double)d[1] / n;
	var = ((long double)(uint64_t)d[3] * 18446744073709551616.0L +
	       (long double)(uint64_t)d[2]) / n - mean * mean;
	return var > 0 ? dt_isqrt((uint64_t)var) : 0;
}

/* The value an entry sorts by. */
static long double dt_agg_sortval(const struct dt_aggdesc *ad, const int64_t *d)
{
	uint32_t i, words = ad->dad_valsize / 8;
	long double sum = 0;

	switch (ad->dad_agg->dofag_func) {
	case DTRACE_AGG_AVG:
		return d[0] ? (long double)d[1] / d[0] : 0;
	case DTRACE_AGG_STDDEV:
		return dt_stddev(d);
	case DTRACE_AGG_QUANTIZE:
	case DTRACE_AGG_LQUANTIZE:
	case DTRACE_AGG_LLQUANTIZE:
		/* The number of values aggregated (the bucket counts). */
		for (i = ad->dad_agg->dofag_func == DTRACE_AGG_LQUANTIZE;
		     i < words; i++)
			sum += d[i];
		return sum;
	default:
		return d[0];
	}
}

static struct dt_consumer *dt_sort_dc;

static int dt_agg_keycmp(const struct dt_aggdesc *ad, const char *a,
			 const char *b)
{
	uint32_t k;

	for (k = 0; k < ad->dad_agg->dofag_nkeys; k++) {
		const struct dtrace_dof_rec *r = &ad->dad_keyrecs[k];
		const char *x = a + r->dofr_offset, *y = b + r->dofr_offset;
		int c;

		if (r->dofr_flags & DTRACE_DOFREC_F_BYREF) {
			c = strncmp(x, y, r->dofr_size);
		} else if (r->dofr_size > 8) {
			/* Stacks: pc by pc. */
			uint64_t u, v;
			uint32_t o;

			for (c = 0, o = 0; !c && o + 8 <= r->dofr_size; o += 8) {
				memcpy(&u, x + o, 8);
				memcpy(&v, y + o, 8);
				c = u < v ? -1 : u > v;
			}
		} else {
			uint64_t u = 0, v = 0;

			memcpy(&u, x, r->dofr_size);
			memcpy(&v, y, r->dofr_size);
			c = u < v ? -1 : u > v;
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
	long double x, y;

	if (a->dae_aggid != b->dae_aggid)
		return a->dae_aggid < b->dae_aggid ? -1 : 1;
	ad = &dt_sort_dc->dc_aggs[a->dae_aggid];
	x = dt_agg_sortval(ad, a->dae_val);
	y = dt_agg_sortval(ad, b->dae_val);
	if (x != y)
		return x < y ? -1 : 1;
	return dt_agg_keycmp(ad, a->dae_key, b->dae_key);
}

/* One histogram row's bar and count, as DTrace draws it. */
static void dt_quantline(FILE *fp, int64_t val, long double total,
			 int positives, int negatives)
{
	static const char ats[] = "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@";
	static const char spaces[] = "                                        ";
	unsigned len = 40, depth;
	long double f;

	if (!negatives) {
		depth = positives ? (unsigned)(dt_fabsl((long double)val) * len / total + 0.5) : 0;
		fprintf(fp, "|%s%s %-9lld\n", ats + len - depth, spaces + depth,
			(long long)val);
		return;
	}
	if (!positives) {
		depth = (unsigned)(dt_fabsl((long double)val) * len / total + 0.5);
		fprintf(fp, "%s%s| %-9lld\n", spaces + depth, ats + len - depth,
			(long long)val);
		return;
	}
	/* Both signs: half-length bars either side of a centre line. */
	len /= 2;
	f = dt_fabsl((long double)val) * len / total;
	depth = (unsigned)(f + 0.5);
	if (val <= 0)
		fprintf(fp, "%s%s|%*s %-9lld\n", spaces + 40 - len + depth,
			ats + 40 - depth, (int)len, "", (long long)val);
	else
		fprintf(fp, "%20s|%s%s %-9lld\n", "", ats + 40 - depth,
			spaces + 40 - len + depth, (long long)val);
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

static void dt_hist_totals(const int64_t *d, int first, int last,
			   long double *total, int *pos, int *neg)
{
	int i;

	*total = 0;
	*pos = *neg = 0;
	for (i = first; i <= last; i++) {
		*pos |= d[i] > 0;
		*neg |= d[i] < 0;
		*total += dt_fabsl((long double)d[i]);
	}
}

static void dt_hist_header(FILE *fp)
{
	fprintf(fp, "\n%16s %41s %-9s\n", "value",
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

static void dt_print_quantize(FILE *fp, const int64_t *d)
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
	dt_hist_header(fp);
	for (i = first; i <= last; i++) {
		fprintf(fp, "%16lld ", (long long)dt_quantize_val(i));
		dt_quantline(fp, d[i], total, pos, neg);
	}
}

static void dt_print_lquantize(FILE *fp, const int64_t *d, const __s64 *p)
{
	int levels = (int)((p[1] - p[0]) / p[2]), first, last, pos, neg, i;
	long double total;
	char c[32];

	d++;	/* the base word */
	dt_hist_range(d, levels + 2, &first, &last, 0, 2);
	dt_hist_totals(d, first, last, &total, &pos, &neg);
	dt_hist_header(fp);
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
		dt_quantline(fp, d[i], total, pos, neg);
	}
}

static void dt_print_llquantize(FILE *fp, const int64_t *d, int n,
				const __s64 *p)
{
	int64_t factor = p[0], low = p[1], high = p[2], nsteps = p[3];
	int64_t value = 1, next, step, order;
	int first, last, pos, neg, bin = 1;
	long double total;
	char c[32];

	dt_hist_range(d, n, &first, &last, 0, 1);
	dt_hist_totals(d, first, last, &total, &pos, &neg);
	dt_hist_header(fp);
	for (order = 0; order < low; order++)
		value *= factor;
	next = value * factor;
	step = next > nsteps ? next / nsteps : 1;
	if (first == 0) {
		snprintf(c, sizeof(c), "< %lld", (long long)value);
		fprintf(fp, "%16s ", c);
		dt_quantline(fp, d[0], total, pos, neg);
	}
	while (order <= high && bin < n) {
		if (bin >= first && bin <= last) {
			fprintf(fp, "%16lld ", (long long)value);
			dt_quantline(fp, d[bin], total, pos, neg);
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
	dt_quantline(fp, d[bin], total, pos, neg);
}

/* One key, in DTrace's columns. */
static void dt_print_key(FILE *fp, const struct dtrace_dof_rec *r,
			 const char *addr)
{
	if (r->dofr_flags & DTRACE_DOFREC_F_BYREF) {
		fprintf(fp, "  %-50.*s", (int)strnlen(addr, r->dofr_size), addr);
		return;
	}
	if (r->dofr_flags & (DTRACE_DOFREC_F_KSTACK | DTRACE_DOFREC_F_USTACK)) {
		dt_stack_print(fp, NULL, r->dofr_flags & DTRACE_DOFREC_F_USTACK,
			       (const uint64_t *)(const void *)addr,
			       r->dofr_size / 8, DT_STACK_INDENT);
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

static void dt_print_aggent(FILE *fp, const struct dt_aggdesc *ad,
			    const struct dt_aggent *e)
{
	const struct dtrace_dof_agg *ag = ad->dad_agg;
	const int64_t *d = e->dae_val;
	uint32_t k;

	for (k = 0; k < ag->dofag_nkeys; k++)
		dt_print_key(fp, &ad->dad_keyrecs[k],
			     e->dae_key + ad->dad_keyrecs[k].dofr_offset);
	switch (ag->dofag_func) {
	case DTRACE_AGG_AVG:
		fprintf(fp, " %16lld", d[0] ? (long long)(d[1] / d[0]) : 0LL);
		break;
	case DTRACE_AGG_STDDEV:
		fprintf(fp, " %16llu", (unsigned long long)dt_stddev(d));
		break;
	case DTRACE_AGG_QUANTIZE:
		dt_print_quantize(fp, d);
		break;
	case DTRACE_AGG_LQUANTIZE:
		dt_print_lquantize(fp, d, ag->dofag_params);
		break;
	case DTRACE_AGG_LLQUANTIZE:
		dt_print_llquantize(fp, d, (int)(ad->dad_valsize / 8),
				    ag->dofag_params);
		break;
	default:
		fprintf(fp, " %16lld", (long long)d[0]);
		break;
	}
	fputc('\n', fp);
}

static void dt_agg_sort(struct dt_consumer *dc)
{
	dt_sort_dc = dc;
	qsort(dc->dc_aggents, dc->dc_naggents, sizeof(*dc->dc_aggents),
	      dt_agg_cmp);
}

/* What printa()'s %@ prints: the value, computed for avg and stddev. */
static int dt_agg_pfval(const struct dt_aggdesc *ad, const int64_t *d,
			int64_t *tmp, struct dt_pfval *pv)
{
	switch (ad->dad_agg->dofag_func) {
	case DTRACE_AGG_AVG:
		*tmp = d[0] ? d[1] / d[0] : 0;
		break;
	case DTRACE_AGG_STDDEV:
		*tmp = (int64_t)dt_stddev(d);
		break;
	case DTRACE_AGG_QUANTIZE:
	case DTRACE_AGG_LQUANTIZE:
	case DTRACE_AGG_LLQUANTIZE:
		return -1;
	default:
		*tmp = d[0];
		break;
	}
	pv->pv_addr = tmp;
	pv->pv_size = sizeof(*tmp);
	pv->pv_flags = ad->dad_agg->dofag_func == DTRACE_AGG_COUNT ? 0 :
		       DT_PFVAL_SIGNED;
	return 0;
}

/* One entry through printa()'s format: the keys, then %@ the value. */
static int dt_agg_printa_fmt(dtrace_hdl_t *dtp, FILE *fp,
			     const struct dt_pfv *pfv,
			     const struct dt_aggdesc *ad,
			     const struct dt_aggent *e)
{
	struct dt_pfval vals[DIF_TUPLE_MAX + 1], aggval;
	uint32_t k, n = ad->dad_agg->dofag_nkeys;
	int64_t tmp;

	if (n > DIF_TUPLE_MAX ||
	    dt_agg_pfval(ad, e->dae_val, &tmp, &aggval) != 0)
		return dt_set_errmsg(dtp, ENOTSUP, "printa() with a format "
				     "of a quantization is not implemented yet");
	for (k = 0; k < n; k++) {
		const struct dtrace_dof_rec *r = &ad->dad_keyrecs[k];

		vals[k].pv_addr = e->dae_key + r->dofr_offset;
		vals[k].pv_size = r->dofr_flags & DTRACE_DOFREC_F_STRING ?
			strnlen(vals[k].pv_addr, r->dofr_size) : r->dofr_size;
		vals[k].pv_flags = r->dofr_flags & DTRACE_DOFREC_F_SIGNED ?
				   DT_PFVAL_SIGNED : 0;
		if (r->dofr_flags & DTRACE_DOFREC_F_KSTACK)
			vals[k].pv_flags = DT_PFVAL_KSTACK;
		if (r->dofr_flags & DTRACE_DOFREC_F_USTACK)
			vals[k].pv_flags = DT_PFVAL_USTACK;
	}
	return dt_printf_format(dtp, fp, pfv, vals, (int)n, &aggval) < 0 ? -1 : 0;
}

/*
 * printa(): each aggregation named, sorted, now (as of the snapshot taken
 * before these records were consumed); without a format as at exit,
 * after a newline, with one through the format per entry.  An
 * aggregation printa() printed is not printed again at exit.
 */
int dt_agg_printa(dtrace_hdl_t *dtp, FILE *fp, const struct dt_enab *en,
		  uint32_t ai)
{
	struct dt_consumer *dc = dtp->dt_cons;
	const struct dtrace_dof_action *a = &en->den_acts[ai];
	uint32_t n, id;
	size_t i;

	if (a->dofa_nargs > en->den_nacts - ai - 1)
		return dt_set_errmsg(dtp, EINVAL, "malformed printa()");
	dt_agg_sort(dc);
	for (n = 0; n < a->dofa_nargs; n++) {
		id = en->den_aggbase + (uint32_t)en->den_acts[ai + 1 + n].dofa_arg;
		if (en->den_acts[ai + 1 + n].dofa_arg >= en->den_naggs)
			return dt_set_errmsg(dtp, EINVAL, "malformed printa()");
		if (!en->den_pfv[ai])
			fputc('\n', fp);
		for (i = 0; i < dc->dc_naggents; i++) {
			const struct dt_aggent *e = dc->dc_aggents[i];

			if (e->dae_aggid != id)
				continue;
			if (!en->den_pfv[ai])
				dt_print_aggent(fp, &dc->dc_aggs[id], e);
			else if (dt_agg_printa_fmt(dtp, fp, en->den_pfv[ai],
						   &dc->dc_aggs[id], e) != 0)
				return -1;
		}
		dc->dc_aggs[id].dad_printed = true;
	}
	return 0;
}

int dtrace_aggregate_print(dtrace_hdl_t *dtp, FILE *fp)
{
	struct dt_consumer *dc = dtp->dt_cons;
	size_t i;

	if (!dc || !dc->dc_naggents)
		return 0;
	dt_agg_sort(dc);
	for (i = 0; i < dc->dc_naggents; i++) {
		const struct dt_aggdesc *ad =
			&dc->dc_aggs[dc->dc_aggents[i]->dae_aggid];

		if (!ad->dad_printed)
			dt_print_aggent(fp, ad, dc->dc_aggents[i]);
	}
	return 0;
}
