// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * PROBE CONTEXT: the rules of DESIGN.md apply in this file, except in
 * dtk_sig_work() (hard interrupt context) and dtk_act_sync() (process).
 *
 * The destructive actions: chill(), raise(), stop(), panic().  They are
 * permitted only to a consumer that asked with -w (kernel/dtk_dof.c checks
 * the DOF's flag and option before anything is enabled); copyout() and
 * copyoutstr() are DIF subroutines, checked by the verifier and done by
 * the DIF host's user store (kernel/dtk_dif_host.c).
 *
 * chill(ns) busy-waits in probe context, interrupts off, as DTrace does,
 * and is bounded the same way: each CPU may chill at most
 * DTK_CHILL_MAX (500 ms) in every DTK_CHILL_INTERVAL (1 s); a chill that
 * would exceed the budget of the current interval is an illegal
 * operation (the ERROR probe reports it) and does not wait.  The budget
 * keeps a runaway chill from hanging a CPU past the watchdogs.
 *
 * raise(sig) and stop() (SIGSTOP to the process, which then shows state T
 * in /proc/PID/stat) cannot signal from probe context: sending takes the
 * target's siglock, which the probed code may hold.  The request goes
 * into one of DTK_SIG_SLOTS preallocated slots of this CPU (claimed by
 * compare-and-swap, so an NMI firing cannot collide with the firing it
 * interrupted), and an irq_work, which is NMI-safe to queue, sends it once
 * interrupts are enabled again: in practice before the thread returns to
 * user mode, as DTrace delivers it.  The irq_work is one for all CPUs
 * (a module cannot initialise a function pointer in per-CPU data: the
 * loader does not relocate it), so its handler visits every CPU's slots
 * and takes each ready one by compare-and-swap.  The slot names the
 * target by task pointer and pid; the irq_work looks the pid up again and
 * signals only if it still names that task, so nothing holds a reference
 * across the gap.  With every slot taken, a request is dropped, as DTrace
 * keeps only one pending raise() per thread.  The signal goes to the
 * process (thread group).  Kernel threads are never signalled.
 *
 * panic() panics the kernel with a message naming the probe, in DTrace's
 * words.
 */
#include <linux/irq_work.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/percpu.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/timekeeping.h>

#include "dtk_spec.h"
#include "dif/dif_vm.h"

#define DTK_CHILL_MAX		(500 * NSEC_PER_MSEC)
#define DTK_CHILL_INTERVAL	NSEC_PER_SEC

static DEFINE_PER_CPU(u64, dtk_chillmark);	/* start of the interval */
static DEFINE_PER_CPU(u64, dtk_chilled);	/* ns chilled in it */

void dtk_act_chill(struct dif_mstate *ms, u64 ns)
{
	u64 now = ktime_get_mono_fast_ns(), chilled;

	if (now - this_cpu_read(dtk_chillmark) > DTK_CHILL_INTERVAL) {
		this_cpu_write(dtk_chillmark, now);
		this_cpu_write(dtk_chilled, 0);
	}
	chilled = this_cpu_read(dtk_chilled);
	if (ns > DTK_CHILL_MAX || chilled + ns > DTK_CHILL_MAX) {
		dif_fault(ms, DIF_FLT_ILLOP, 0);
		return;
	}
	while (ktime_get_mono_fast_ns() - now < ns)
		cpu_relax();
	this_cpu_write(dtk_chilled, chilled + ns);
}

#define DTK_SIG_SLOTS	8

enum { DTK_SLOT_FREE, DTK_SLOT_FILLING, DTK_SLOT_READY, DTK_SLOT_SENDING };

struct dtk_sigslot {
	int			dsg_state;	/* DTK_SLOT_* */
	int			dsg_sig;
	pid_t			dsg_pid;	/* in the initial namespace */
	struct task_struct	*dsg_task;	/* compared, never followed */
};

struct dtk_sigq {
	struct dtk_sigslot	dsq_slots[DTK_SIG_SLOTS];
};

static DEFINE_PER_CPU(struct dtk_sigq, dtk_sigq);

/* Hard interrupt context: send every request that is ready. */
static void dtk_sig_work(struct irq_work *w)
{
	unsigned int cpu;
	int i;

	for_each_possible_cpu(cpu) {
		struct dtk_sigq *q = per_cpu_ptr(&dtk_sigq, cpu);

		for (i = 0; i < DTK_SIG_SLOTS; i++) {
			struct dtk_sigslot *s = &q->dsq_slots[i];
			struct task_struct *t;

			if (cmpxchg(&s->dsg_state, DTK_SLOT_READY,
				    DTK_SLOT_SENDING) != DTK_SLOT_READY)
				continue;
			rcu_read_lock();
			t = pid_task(find_pid_ns(s->dsg_pid, &init_pid_ns),
				     PIDTYPE_PID);
			if (t && t == s->dsg_task)
				send_sig(s->dsg_sig, t, 1);
			rcu_read_unlock();
			smp_store_release(&s->dsg_state, DTK_SLOT_FREE);
		}
	}
}

static struct irq_work dtk_sig_irq_work = IRQ_WORK_INIT(dtk_sig_work);

/* Queue sig for the current process, or drop it. */
static void dtk_sig_queue(int sig)
{
	struct dtk_sigq *q = this_cpu_ptr(&dtk_sigq);
	int i;

	if ((current->flags & (PF_KTHREAD | PF_EXITING)) || !current->mm ||
	    is_idle_task(current))
		return;
	for (i = 0; i < DTK_SIG_SLOTS; i++) {
		struct dtk_sigslot *s = &q->dsq_slots[i];

		if (cmpxchg(&s->dsg_state, DTK_SLOT_FREE, DTK_SLOT_FILLING) !=
		    DTK_SLOT_FREE)
			continue;
		s->dsg_sig = sig;
		s->dsg_pid = task_pid_nr(current);
		s->dsg_task = current;
		smp_store_release(&s->dsg_state, DTK_SLOT_READY);
		irq_work_queue(&dtk_sig_irq_work);
		return;
	}
}

void dtk_act_raise(struct dif_mstate *ms, u64 sig)
{
	if (sig >= _NSIG) {
		dif_fault(ms, DIF_FLT_ILLOP, 0);
		return;
	}
	if (sig)
		dtk_sig_queue((int)sig);
}

void dtk_act_stop(void)
{
	dtk_sig_queue(SIGSTOP);
}

/*
 * The first CPU to fire a panic() action panics the kernel; one that
 * comes second returns, and panic() stops it with the others.  (So the
 * function can return, which both kernels' objtool agree on: 6.1's does
 * not know a module's __noreturn functions, 6.12's wants them marked.)
 */
void dtk_act_panic(const struct dtk_probe *prb)
{
	static atomic_t panicking = ATOMIC_INIT(0);

	if (atomic_xchg(&panicking, 1))
		return;
	panic("dtrace: panic action at probe %s:%s:%s:%s",
	      prb->dpr_prov->dpv_name, prb->dpr_mod, prb->dpr_func,
	      prb->dpr_name);
}

/* Process context: wait until no signal request is being sent. */
void dtk_act_sync(void)
{
	irq_work_sync(&dtk_sig_irq_work);
}
