/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * PROBE CONTEXT: the rules of DESIGN.md apply to everything declared here.
 *
 * The DIF host: what dtrace.ko gives the DIF interpreter (dif/dif_vm.h)
 * during one firing: safe loads, built-in variables, scratch.  One
 * struct dtk_mctx lives on the stack of each ECB's run.
 */
#ifndef DTK_DIF_HOST_H
#define DTK_DIF_HOST_H

#include "dtk_impl.h"
#include "dif/dif_vm.h"

struct dtk_mctx {
	struct dif_mstate	mc_ms;
	struct dtk_state	*mc_state;
	struct dtk_ecb		*mc_ecb;
	struct dtk_probe	*mc_probe;
	const u64		*mc_args;	/* [DTK_NARGS] */
	int			mc_cpu;
	bool			mc_in_error;	/* running an ERROR clause */
};

void dtk_mctx_init(struct dtk_mctx *mc, struct dtk_state *st,
		   struct dtk_ecb *ecb, struct dtk_probe *prb,
		   const u64 *args, int cpu, bool in_error);
int dtk_host_kload(struct dtk_mctx *mc, void *dst, u64 addr, size_t len);
int dtk_host_kstr(struct dtk_mctx *mc, char *dst, u64 addr, size_t max,
		  size_t *len);
/* Process context: the reaper's test of a self-> thread key (dtk_state.c). */
bool dtk_thread_alive(void *arg, uint64_t key);

#endif /* DTK_DIF_HOST_H */
