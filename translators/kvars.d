/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The types of common kernel variables, for `name (DTrace's external
 * variables; libtrace/dt_sema.c has the theory).  vmlinux BTF describes
 * only the per-CPU variables, so the others get their types from extern
 * declarations, here or in a program; the address is the symbol's, from
 * /proc/kallsyms.  Each declaration is the kernel's own, the same in 6.1
 * and 6.12 (and later); a program may declare any other the same way:
 *
 *	extern unsigned long loops_per_jiffy;
 *	BEGIN { trace(`loops_per_jiffy); }
 */
#pragma D depends_on module vmlinux

extern volatile unsigned long jiffies;	/* include/linux/jiffies.h */
extern uint64_t jiffies_64;
extern unsigned int nr_cpu_ids;		/* include/linux/cpumask.h */
extern unsigned long max_pfn;		/* include/linux/memblock.h */
extern int nr_threads;			/* include/linux/sched/stat.h */
extern unsigned long total_forks;
extern struct task_struct init_task;	/* include/linux/sched/task.h */
extern struct uts_namespace init_uts_ns;	/* include/linux/utsname.h */
extern struct pid_namespace init_pid_ns;	/* include/linux/pid_namespace.h */
extern atomic_long_t _totalram_pages;	/* include/linux/mm.h */
extern enum system_states system_state;	/* include/linux/kernel.h */
