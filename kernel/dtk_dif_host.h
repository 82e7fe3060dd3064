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
	u32			mc_span[DIF_TUPLE_MAX]; /* dtk_aggregate()'s */
};

extern const struct dif_host_ops dtk_host_ops;

/* Set up the machine state of one ECB's run (inline: once per firing). */
static __always_inline void dtk_mctx_init(struct dtk_mctx *mc,
					  struct dtk_state *st,
					  struct dtk_ecb *ecb,
					  struct dtk_probe *prb,
					  const u64 *args, int cpu,
					  bool in_error)
{
	/*
	 * Field by field: the tuple stack (most of the struct) is dead
	 * while ms_ntuple is 0, and zeroing it cost more than the rest.
	 */
	mc->mc_ms.ms_ops = &dtk_host_ops;
	mc->mc_ms.ms_host = mc;
	mc->mc_ms.ms_scratch_base = (uintptr_t)st->dts_scratch[cpu];
	mc->mc_ms.ms_scratch_size = st->dts_opts.dop_scratchsize;
	mc->mc_ms.ms_strsize = st->dts_opts.dop_strsize;
	mc->mc_ms.ms_keymax = st->dts_opts.dop_strsize;
	mc->mc_ms.ms_scratch_used = 0;
	mc->mc_ms.ms_strtok = 0;
	mc->mc_ms.ms_ntuple = 0;
	mc->mc_ms.ms_fault = 0;
	mc->mc_ms.ms_illval = 0;
	mc->mc_ms.ms_fault_pc = 0;
	mc->mc_state = st;
	mc->mc_ecb = ecb;
	mc->mc_probe = prb;
	mc->mc_args = args;
	mc->mc_cpu = cpu;
	mc->mc_in_error = in_error;
}

/* Built-in variable id (DIF_BV_*; idx: the index of args[]): 0 or a fault. */
int dtk_builtin(struct dtk_mctx *mc, unsigned int id, u64 idx, u64 *val);
int dtk_host_kload(struct dtk_mctx *mc, void *dst, u64 addr, size_t len);
int dtk_host_kstr(struct dtk_mctx *mc, char *dst, u64 addr, size_t max,
		  size_t *len);
/* Process context: the reaper's test of a self-> thread key (dtk_state.c). */
bool dtk_thread_alive(void *arg, uint64_t key);

#endif /* DTK_DIF_HOST_H */
