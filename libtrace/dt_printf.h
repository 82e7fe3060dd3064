/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * printf-style formatting of traced data (dt_printf.c, where the rules
 * are described).
 */
#ifndef DT_PRINTF_H
#define DT_PRINTF_H

#include <stddef.h>
#include <stdio.h>

#include "dtrace.h"

struct dt_pfv;

/* One traced value, as a conversion consumes it. */
#define DT_PFVAL_SIGNED	0x1
#define DT_PFVAL_KSTACK	0x2	/* a stack() record: pcs (%k) */
#define DT_PFVAL_USTACK	0x4	/* a ustack() record: pid, pcs (%k) */
#define DT_PFVAL_KMOD	0x8	/* a mod() key: its module (%a, %s ...) */
#define DT_PFVAL_UMOD	0x10	/* a umod() key: pid, address, likewise */
struct dt_pfval {
	const void *pv_addr;
	size_t pv_size;
	unsigned pv_flags;	/* DT_PFVAL_* */
	/* printa()'s %@ of a quantization: prints the histogram itself. */
	int (*pv_print)(FILE *fp, const struct dt_pfval *v);
	const void *pv_ctx;	/* for pv_print */
};

struct dt_pfv *dt_printf_parse(dtrace_hdl_t *dtp, const char *fmt);

/* What piece i of a parsed format converts, for the compiler's checks. */
struct dt_pfconvinfo {
	char pc_conv;		/* the conversion ('%' for %%), '\0': text */
	int pc_dyn;		/* '*' widths and precisions: values taken */
	int pc_agg;		/* %@: printa()'s aggregation value */
};
/* 0, or -1 past the last piece. */
int dt_printf_conv(const struct dt_pfv *pfv, int i, struct dt_pfconvinfo *ci);
void dt_printf_destroy(struct dt_pfv *pfv);
/*
 * Print; returns the number of values used, or -1 with the error set.
 * aggval is what the %@ conversions of printa() print (NULL: none): an
 * array ended by an empty entry, one value per aggregation.
 */
int dt_printf_format(dtrace_hdl_t *dtp, FILE *fp, const struct dt_pfv *pfv,
		     const struct dt_pfval *vals, int nvals,
		     const struct dt_pfval *aggval);

/*
 * The same into a string (system(), freopen()): *sp is malloc'd, NUL-
 * terminated; returns the number of values used, or -1.
 */
int dt_printf_string(dtrace_hdl_t *dtp, char **sp, const struct dt_pfv *pfv,
		     const struct dt_pfval *vals, int nvals);
#endif /* DT_PRINTF_H */
