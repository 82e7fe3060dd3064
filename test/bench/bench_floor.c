// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * bench_floor.ko: the attach floor of the probe-effect benchmark (make
 * bench-prov, test/kmod/bench-prov.sh), loaded only inside the VM test
 * bed.  Not part of dtrace: while it is loaded, one kernel function runs
 * an empty handler, so the time it adds to each call is what attaching
 * anything at all to that function costs, before any tracer does work.
 *
 *   insmod bench_floor.ko func=NAME mode=kprobe   an empty kprobe
 *                          pre_handler (kprobe on ftrace at a function's
 *                          entry, which is how bpftrace's kprobe: attaches)
 *   insmod bench_floor.ko func=NAME mode=ftrace   an empty ftrace_ops
 *                          callback filtered on the function (the mechanism
 *                          dtrace's fbt entry probes use, one ops for all)
 *
 * rmmod detaches.  Both handlers count their calls, printed at unload so a
 * run can check the handler did run.
 */
#include <linux/ftrace.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/string.h>

static char *func = "__x64_sys_getppid";
module_param(func, charp, 0444);
MODULE_PARM_DESC(func, "the kernel function to attach to");
static char *mode = "kprobe";
module_param(mode, charp, 0444);
MODULE_PARM_DESC(mode, "kprobe or ftrace");

static unsigned long floor_hits;

static int floor_kp_pre(struct kprobe *p, struct pt_regs *regs)
{
	floor_hits++;
	return 0;
}

static struct kprobe floor_kp = { .pre_handler = floor_kp_pre };

static void floor_ftrace_cb(unsigned long ip, unsigned long parent_ip,
			    struct ftrace_ops *op, struct ftrace_regs *fregs)
{
	floor_hits++;
}

static struct ftrace_ops floor_ops = { .func = floor_ftrace_cb };

static bool floor_is_ftrace;

static int __init floor_init(void)
{
	int err;

	floor_is_ftrace = strcmp(mode, "ftrace") == 0;
	if (!floor_is_ftrace) {
		floor_kp.symbol_name = func;
		return register_kprobe(&floor_kp);
	}
	err = ftrace_set_filter(&floor_ops, func, strlen(func), 1);
	if (err)
		return err;
	return register_ftrace_function(&floor_ops);
}

static void __exit floor_exit(void)
{
	if (floor_is_ftrace) {
		unregister_ftrace_function(&floor_ops);
		ftrace_free_filter(&floor_ops);
	} else {
		unregister_kprobe(&floor_kp);
	}
	pr_info("bench_floor: %s on %s ran %lu times\n", mode, func,
		floor_hits);
}

module_init(floor_init);
module_exit(floor_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Empty kprobe/ftrace handler: the benchmark's attach floor");
