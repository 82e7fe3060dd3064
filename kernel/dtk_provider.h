/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The provider API: how a probe source (providers/) plugs into dtrace.ko.
 * The framework and its rules are described at the top of
 * kernel/dtk_probes.c.
 *
 * A provider registers once with a name and an ops table, creates its
 * probes (all at once, or lazily from its provide op when a consumer's
 * description might name them), and calls dtk_probe() from its probe
 * sites.  Every op runs in process context with dtk_lock held, so an op
 * must not call back into the registration functions below except
 * dtk_probe_create() and dtk_probe_lookup() from dpo_provide.
 */
#ifndef DTK_PROVIDER_H
#define DTK_PROVIDER_H

#include <linux/percpu.h>
#include <linux/types.h>
#include <dtrace/abi.h>

typedef u32 dtk_id_t;
struct dtk_provider;

struct dtk_pops {
	/*
	 * Create the probes that desc could match (desc is NULL: all of
	 * them).  Optional; a provider that creates its probes at
	 * registration leaves it NULL.
	 */
	void (*dpo_provide)(void *priv, const struct dtrace_probedesc *desc);
	/* Arm a probe: from now on its site calls dtk_probe(). */
	int (*dpo_enable)(void *priv, dtk_id_t id, void *parg);
	/* Disarm it; after return the site no longer calls dtk_probe(). */
	void (*dpo_disable)(void *priv, dtk_id_t id, void *parg);
	/* The C type of argument argno, or -ENOENT; optional. */
	int (*dpo_getargdesc)(void *priv, dtk_id_t id, void *parg, int argno,
			      char *type, size_t typelen);
	/*
	 * PROBE CONTEXT: the value of argument argno (5 and up, which
	 * dtk_probe() does not carry); optional.  Without it they are what
	 * the firing carried: 0 from dtk_probe(), the values given to
	 * dtk_probe_argv().
	 */
	u64 (*dpo_getargval)(void *priv, dtk_id_t id, void *parg, int argno,
			     int aframes);
	/*
	 * Optional: apply, in one go, the enables and disables since the
	 * last call.  A provider whose attach cost is per batch rather than
	 * per probe (fbt: one ftrace filter update for thousands of
	 * functions) only records them in dpo_enable/dpo_disable and does the
	 * work here; the framework calls it with dtk_lock held after each
	 * batch (an enabling matched, a state's ECBs detached), and
	 * dpo_disable's promise holds once it has returned.
	 */
	int (*dpo_commit)(void *priv);
	/* The probe is being removed: free parg. */
	void (*dpo_destroy)(void *priv, dtk_id_t id, void *parg);
	/*
	 * Optional: false while the probe's site is gone (fbt: its module
	 * was unloaded).  Such a probe is not listed and new enablings do
	 * not match it; it keeps its id and comes back with its site.
	 */
	bool (*dpo_present)(void *priv, dtk_id_t id, void *parg);
};

/* Register a provider; its name must be unique.  Process context. */
int dtk_provider_register(const char *name, const struct dtk_pops *ops,
			  void *priv, struct dtk_provider **provp);
/*
 * Remove a provider and all its probes.  Fails with -EBUSY while any of
 * its probes is enabled.
 */
int dtk_provider_unregister(struct dtk_provider *prov);

/*
 * Create a probe; returns its id (> 0) or 0 when memory is short.  aframes
 * is the number of stack frames the provider's own code adds between the
 * traced site and dtk_probe() (for stack() and caller); parg is the
 * provider's own per-probe pointer, given back to its ops.
 */
dtk_id_t dtk_probe_create(struct dtk_provider *prov, const char *mod,
			  const char *func, const char *name, int aframes,
			  void *parg);
/* The id of an existing probe of this provider, or 0. */
dtk_id_t dtk_probe_lookup(struct dtk_provider *prov, const char *mod,
			  const char *func, const char *name);

/*
 * After creating probes outside the provide op (at registration, or when
 * a kernel module appears), match the enablings every consumer has
 * retained against them.
 */
void dtk_enabling_matchall(void);

/*
 * PROBE CONTEXT: fire probe id.  Callable from any context, NMI included;
 * interrupts may be on or off.  arg5..arg9 read 0, or what the provider's
 * dpo_getargval says.
 */
void dtk_probe(dtk_id_t id, u64 arg0, u64 arg1, u64 arg2, u64 arg3,
	       u64 arg4);

/* The arguments a firing can carry: arg0..arg9, as D names them. */
#define DTK_NARGS	10

/*
 * PROBE CONTEXT: fire probe id with all of its arguments (sdt: a
 * tracepoint's), the unused ones 0, for a provider without dpo_getargval.
 */
void dtk_probe_argv(dtk_id_t id, const u64 args[DTK_NARGS]);
/*
 * The same for a caller that keeps interrupts off around it, with an
 * array that stays put until it returns (fbt: a per-CPU one).
 */
void dtk_probe_args(dtk_id_t id, const u64 args[DTK_NARGS]);

/*
 * PROBE CONTEXT: is this CPU inside a firing?  A provider whose sites
 * probe context itself can reach (fbt: the functions a firing calls)
 * tests it before dtk_probe(), so that such a nested firing is dropped
 * quietly instead of being refused as an unexpected re-entry.
 */
DECLARE_PER_CPU(int, dtk_inprobe);

static __always_inline bool dtk_probe_active(void)
{
	return this_cpu_read(dtk_inprobe);
}

#endif /* DTK_PROVIDER_H */
