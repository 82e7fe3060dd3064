/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * PROBE CONTEXT: aggregating (kernel/dtk_agg_probe.c, where the theory
 * is).
 */
#ifndef DTK_AGG_PROBE_H
#define DTK_AGG_PROBE_H

#include "dtk_impl.h"

/*
 * Aggregate value v with weight w under key into this CPU's buffer; span
 * is room for DIF_TUPLE_MAX words of the caller's (no array of its own
 * here, which would cost a stack-protector check per firing).
 */
void dtk_aggregate(struct dtk_state *st, int cpu, const struct dtk_agg *ag,
		   const void *key, s64 v, s64 w, u32 *span);

#endif /* DTK_AGG_PROBE_H */
