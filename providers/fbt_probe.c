// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * PROBE CONTEXT: the rules of DESIGN.md apply in this file.
 *
 * The fbt provider's ftrace callback (entry probes) and kretprobe handler
 * (return probes); the theory is at the top of providers/fbt.c.  The
 * ftrace callback runs on every call of every function in the filter,
 * with preemption enabled, before the function's first instruction: it
 * disables interrupts, finds the function in the RCU-published table (a
 * per-CPU hint, else a binary search), and fires.
 */
#include <linux/ftrace.h>
#include <linux/kprobes.h>
#include <linux/percpu.h>
#include <linux/ptrace.h>

#include "kernel/dtk_compat.h"
#include "kernel/dtk_stack.h"
#include "fbt_impl.h"

/*
 * The arguments of this CPU's latest entry firing: dtk_probe_args()
 * carries them from here, and fbt_getargval() reads arg5 (arg6..arg9,
 * on the stack, stay 0).  Per CPU rather than on the stack: a firing
 * cannot nest on its CPU.
 */
static DEFINE_PER_CPU(u64 [DTK_NARGS], fbt_args);

/*
 * Per CPU, the table index each ip slot was last found at: a hint only,
 * checked against the current table before it is believed (a stale,
 * torn or foreign one just falls back to the search), so it needs no
 * lock and no care when the table is replaced.  A hot function is found
 * in one step instead of a binary search over every traceable function
 * (16 steps for ~45k, a quarter of an empty clause's firing).
 */
#define FBT_HINTS	64
static DEFINE_PER_CPU(unsigned int [FBT_HINTS], fbt_hint);

static inline unsigned int fbt_hint_slot(unsigned long ip)
{
	return (ip >> 4) % FBT_HINTS;
}

/* The function whose ftrace site is ip (at most a few bytes in). */
static __always_inline struct fbt_func *fbt_find(unsigned long ip)
{
	struct fbt_tab *t = rcu_dereference_sched(fbt_tab);
	unsigned int lo = 0, hi, i;

	if (!t)
		return NULL;
	/* Exactly what the search finds: the last address <= ip, near it. */
	i = this_cpu_read(fbt_hint[fbt_hint_slot(ip)]);
	if (i < t->ftb_n && t->ftb_addrs[i] <= ip &&
	    ip - t->ftb_addrs[i] <= 16 &&
	    (i + 1 == t->ftb_n || t->ftb_addrs[i + 1] > ip))
		return t->ftb_funcs[i];
	hi = t->ftb_n;
	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (t->ftb_addrs[mid] <= ip)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return NULL;
	if (ip - t->ftb_addrs[lo - 1] > 16)
		return NULL;
	this_cpu_write(fbt_hint[fbt_hint_slot(ip)], lo - 1);
	return t->ftb_funcs[lo - 1];
}

void fbt_entry_cb(unsigned long ip, unsigned long parent_ip,
		  struct ftrace_ops *op, struct ftrace_regs *fregs)
{
	struct fbt_func *ff;
	unsigned long flags;

	/*
	 * Interrupts off first, which pins this CPU for the per-CPU hint
	 * and is the RCU-sched read side of the table and the firing's
	 * (dtk_probe_args()).  The ops asks ftrace for no recursion guard (its flags
	 * lack FTRACE_OPS_FL_RECURSION), and needs none of its own: nothing
	 * here calls a traceable function before dtk_probe() holds the
	 * firing's guard, and a function a firing calls arrives here with
	 * that guard held and is dropped at once (dtk_probe_active()), as
	 * an NMI in the middle of a firing is.  ftrace's guard cost a
	 * sixth of an empty clause's firing.
	 */
	local_irq_save(flags);
	if (dtk_probe_active())
		goto out;
	ff = fbt_find(ip);
	if (ff && READ_ONCE(ff->ff_on_entry)) {
		unsigned long prev = dtk_stack_hint_push(ff->ff_addr);
		u64 *args = this_cpu_ptr(fbt_args);

		/* Each by a constant index: a load, where a loop is a call. */
		args[0] = dtk_fregs_arg(fregs, 0);
		args[1] = dtk_fregs_arg(fregs, 1);
		args[2] = dtk_fregs_arg(fregs, 2);
		args[3] = dtk_fregs_arg(fregs, 3);
		args[4] = dtk_fregs_arg(fregs, 4);
		args[5] = dtk_fregs_arg(fregs, 5);
		dtk_probe_args(ff->ff_entry_id, args);
		dtk_stack_hint_pop(prev);
	}
out:
	local_irq_restore(flags);
}

int fbt_return_cb(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct kretprobe *rp = get_kretprobe(ri);
	struct fbt_krp *fk;

	if (!rp)
		return 0;
	if (dtk_probe_active())
		return 0;
	fk = container_of(rp, struct fbt_krp, fk_krp);
	dtk_probe(fk->fk_func->ff_return_id, 0, regs_return_value(regs), 0, 0,
		  0);
	return 0;
}

#ifdef DTK_HAVE_FPROBE
/* 6.12: a return probe's fprobe exit handler, keyed by the entry address. */
void fbt_fprobe_exit(struct fprobe *fp, unsigned long entry_ip,
		     unsigned long ret_ip, struct pt_regs *regs, void *data)
{
	struct fbt_func *ff;

	if (dtk_probe_active())
		return;
	ff = fbt_find(entry_ip);
	if (ff && READ_ONCE(ff->ff_on_return))
		dtk_probe(ff->ff_return_id, 0, regs_return_value(regs), 0, 0,
			  0);
}
#endif

u64 fbt_getargval(void *priv, dtk_id_t id, void *parg, int argno,
		  int aframes)
{
	struct fbt_func *ff = parg;

	if (argno != 5 || id != ff->ff_entry_id)
		return 0;
	return this_cpu_read(fbt_args[5]);
}
