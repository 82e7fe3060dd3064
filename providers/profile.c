// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * The profile provider: probes that fire at a fixed rate.
 *
 *   profile:::profile-N   fires on every CPU every interval (sampling)
 *   profile:::tick-N      fires on one CPU every interval (periodic work)
 *
 * N is a count with an optional unit: ns nsec us usec ms msec s sec m min
 * h hour d day (an interval), or hz or none (a rate).  Probes are created
 * when a description names them (the provide op), plus DTrace's standard
 * set when everything is listed; intervals under 200 us are refused, as
 * in DTrace.
 *
 * Each armed probe is a high-resolution timer: one per online CPU, pinned
 * there, for profile-N; one for tick-N.  The timer callback runs in hard
 * interrupt context and fires the probe with DTrace's arguments: arg0 the
 * kernel PC that was interrupted (0 if user code was), arg1 the user PC
 * (0 if kernel code was), arg2 how late the firing is, in nanoseconds.
 *
 * CPU hotplug: armed profile-N probes are on a list; a CPU coming online
 * arms a timer of each on itself, and a CPU going offline cancels its
 * own (the kernel would otherwise migrate the pinned timers of a dying
 * CPU to a live one, which would then fire twice per interval).  The list
 * and the timers change only under cpus_read_lock() or in the hotplug
 * callbacks, which the hotplug lock serialises against each other, and
 * profile_lock orders the two.
 */
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/ctype.h>
#include <linux/hrtimer.h>
#include <linux/percpu.h>
#include <linux/ptrace.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <asm/irq_regs.h>

#include "providers.h"
#include "kernel/dtk_stack.h"

#define PROFILE_INTERVAL_MIN	(NSEC_PER_SEC / 5000)

enum profile_kind { PROFILE_PROFILE, PROFILE_TICK };

struct profile_timer {
	struct hrtimer	pt_timer;
	struct profile_probe *pt_probe;
	ktime_t		pt_expected;
};

struct profile_probe {
	struct list_head	pp_armed;	/* on profile_armed (profile-N) */
	dtk_id_t		pp_id;
	enum profile_kind	pp_kind;
	u64			pp_interval;	/* ns */
	struct profile_timer	pp_tick;	/* tick-N */
	struct profile_timer __percpu *pp_cpus;	/* profile-N */
};

static struct dtk_provider *profile_prov;
static LIST_HEAD(profile_armed);
static DEFINE_MUTEX(profile_lock);
static enum cpuhp_state profile_cpuhp;

static const struct {
	const char *ps_name;
	u64 ps_mult;		/* ns per unit; 0: a rate in hertz */
} profile_units[] = {
	{ "ns", 1 }, { "nsec", 1 },
	{ "us", NSEC_PER_USEC }, { "usec", NSEC_PER_USEC },
	{ "ms", NSEC_PER_MSEC }, { "msec", NSEC_PER_MSEC },
	{ "s", NSEC_PER_SEC }, { "sec", NSEC_PER_SEC },
	{ "m", 60 * NSEC_PER_SEC }, { "min", 60 * NSEC_PER_SEC },
	{ "h", 3600 * NSEC_PER_SEC }, { "hour", 3600 * NSEC_PER_SEC },
	{ "d", 86400 * NSEC_PER_SEC }, { "day", 86400 * NSEC_PER_SEC },
	{ "hz", 0 }, { "", 0 },
};

/* The interval a probe name asks for, or 0 if it names no profile probe. */
static u64 profile_parse(const char *name, enum profile_kind *kind)
{
	const char *p;
	u64 val = 0;
	size_t i;

	if (strncmp(name, "profile-", 8) == 0) {
		*kind = PROFILE_PROFILE;
		p = name + 8;
	} else if (strncmp(name, "tick-", 5) == 0) {
		*kind = PROFILE_TICK;
		p = name + 5;
	} else {
		return 0;
	}
	if (!isdigit(*p))
		return 0;
	for (; isdigit(*p); p++) {
		if (val > U64_MAX / 10)
			return 0;
		val = val * 10 + (*p - '0');
	}
	for (i = 0; i < ARRAY_SIZE(profile_units); i++) {
		if (strcasecmp(profile_units[i].ps_name, p) != 0)
			continue;
		if (!profile_units[i].ps_mult)
			val = val ? NSEC_PER_SEC / val : 0;
		else if (val > U64_MAX / profile_units[i].ps_mult)
			return 0;
		else
			val *= profile_units[i].ps_mult;
		return val >= PROFILE_INTERVAL_MIN ? val : 0;
	}
	return 0;
}

static void profile_create(const char *name)
{
	struct profile_probe *pp;
	enum profile_kind kind;
	u64 interval = profile_parse(name, &kind);

	if (!interval || dtk_probe_lookup(profile_prov, "", "", name))
		return;
	pp = kzalloc(sizeof(*pp), GFP_KERNEL);
	if (!pp)
		return;
	pp->pp_kind = kind;
	pp->pp_interval = interval;
	pp->pp_id = dtk_probe_create(profile_prov, "", "", name, 0, pp);
	if (!pp->pp_id)
		kfree(pp);
}

static void profile_provide(void *priv, const struct dtrace_probedesc *desc)
{
	static const char *const standard[] = {
		"profile-97", "profile-199", "profile-499", "profile-997",
		"profile-1999", "profile-4001", "profile-4999",
		"tick-1", "tick-10", "tick-100", "tick-500", "tick-1000",
		"tick-5000", "tick-1sec", "tick-10sec",
	};
	size_t i;

	if (desc && desc->dpd_name[0] && !strpbrk(desc->dpd_name, "*?[\\")) {
		profile_create(desc->dpd_name);
		return;
	}
	for (i = 0; i < ARRAY_SIZE(standard); i++)
		profile_create(standard[i]);
}

static enum hrtimer_restart profile_fire(struct hrtimer *timer)
{
	struct profile_timer *pt = container_of(timer, struct profile_timer,
						pt_timer);
	struct profile_probe *pp = pt->pt_probe;
	struct pt_regs *regs = get_irq_regs(), *prev;
	u64 kpc = 0, upc = 0;
	s64 late = ktime_to_ns(ktime_sub(ktime_get(), pt->pt_expected));

	if (regs && user_mode(regs))
		upc = instruction_pointer(regs);
	else if (regs)
		kpc = instruction_pointer(regs);
	prev = dtk_stack_regs_push(regs);
	dtk_probe(pp->pp_id, kpc, upc, late > 0 ? late : 0, 0, 0);
	dtk_stack_regs_pop(prev);

	hrtimer_forward_now(timer, ns_to_ktime(pp->pp_interval));
	pt->pt_expected = hrtimer_get_expires(timer);
	return HRTIMER_RESTART;
}

static void profile_timer_start(struct profile_timer *pt,
				struct profile_probe *pp,
				enum hrtimer_mode mode)
{
	hrtimer_init(&pt->pt_timer, CLOCK_MONOTONIC, mode);
	pt->pt_timer.function = profile_fire;
	pt->pt_probe = pp;
	pt->pt_expected = ktime_add_ns(ktime_get(), pp->pp_interval);
	hrtimer_start(&pt->pt_timer, pt->pt_expected, mode);
}

/* Runs on each CPU: a pinned timer there. */
static void profile_start_here(void *arg)
{
	struct profile_probe *pp = arg;

	profile_timer_start(this_cpu_ptr(pp->pp_cpus), pp,
			    HRTIMER_MODE_ABS_PINNED_HARD);
}

static int profile_enable(void *priv, dtk_id_t id, void *parg)
{
	struct profile_probe *pp = parg;

	if (pp->pp_kind == PROFILE_TICK) {
		profile_timer_start(&pp->pp_tick, pp, HRTIMER_MODE_ABS_HARD);
		return 0;
	}
	pp->pp_cpus = alloc_percpu(struct profile_timer);
	if (!pp->pp_cpus)
		return -ENOMEM;
	cpus_read_lock();
	mutex_lock(&profile_lock);
	list_add(&pp->pp_armed, &profile_armed);
	on_each_cpu(profile_start_here, pp, 1);
	mutex_unlock(&profile_lock);
	cpus_read_unlock();
	return 0;
}

static void profile_timer_stop(struct profile_timer *pt)
{
	/* Only CPUs online while the probe is armed have a timer. */
	if (pt->pt_probe) {
		hrtimer_cancel(&pt->pt_timer);
		pt->pt_probe = NULL;
	}
}

/* Hotplug: runs on the CPU that comes online, in its hotplug thread. */
static int profile_cpu_online(unsigned int cpu)
{
	struct profile_probe *pp;

	mutex_lock(&profile_lock);
	list_for_each_entry(pp, &profile_armed, pp_armed)
		profile_timer_start(per_cpu_ptr(pp->pp_cpus, cpu), pp,
				    HRTIMER_MODE_ABS_PINNED_HARD);
	mutex_unlock(&profile_lock);
	return 0;
}

static int profile_cpu_offline(unsigned int cpu)
{
	struct profile_probe *pp;

	mutex_lock(&profile_lock);
	list_for_each_entry(pp, &profile_armed, pp_armed)
		profile_timer_stop(per_cpu_ptr(pp->pp_cpus, cpu));
	mutex_unlock(&profile_lock);
	return 0;
}

static void profile_disable(void *priv, dtk_id_t id, void *parg)
{
	struct profile_probe *pp = parg;
	unsigned int cpu;

	if (pp->pp_kind == PROFILE_TICK) {
		hrtimer_cancel(&pp->pp_tick.pt_timer);
		return;
	}
	cpus_read_lock();
	mutex_lock(&profile_lock);
	list_del(&pp->pp_armed);
	for_each_possible_cpu(cpu)
		profile_timer_stop(per_cpu_ptr(pp->pp_cpus, cpu));
	mutex_unlock(&profile_lock);
	cpus_read_unlock();
	free_percpu(pp->pp_cpus);
	pp->pp_cpus = NULL;
}

static void profile_destroy(void *priv, dtk_id_t id, void *parg)
{
	kfree(parg);
}

static const struct dtk_pops profile_pops = {
	.dpo_provide = profile_provide,
	.dpo_enable = profile_enable,
	.dpo_disable = profile_disable,
	.dpo_destroy = profile_destroy,
};

int profile_prov_init(void)
{
	int ret;

	ret = cpuhp_setup_state_nocalls(CPUHP_AP_ONLINE_DYN, "dtrace/profile",
					profile_cpu_online,
					profile_cpu_offline);
	if (ret < 0)
		return ret;
	profile_cpuhp = ret;
	ret = dtk_provider_register("profile", &profile_pops, NULL,
				    &profile_prov);
	if (ret)
		cpuhp_remove_state_nocalls(profile_cpuhp);
	return ret;
}

void profile_prov_exit(void)
{
	dtk_provider_unregister(profile_prov);
	cpuhp_remove_state_nocalls(profile_cpuhp);
}
