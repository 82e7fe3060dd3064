/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: kernel variables by their backquoted names, with and without
 * the module scope: typed by the library's extern declarations
 * (translators/kvars.d), members of a struct-typed one, and any symbol's
 * address cast to a type.
 */
BEGIN
{
	trace(`jiffies);
	trace(vmlinux`jiffies);
	trace(`jiffies > 0);
	trace(`nr_cpu_ids);
	trace(`init_task.comm);
	trace(`init_task.pid);
	trace(stringof(`init_uts_ns.name.release));
	trace(*(unsigned long *)&`max_pfn);
	trace(&`schedule);
	trace(sizeof (`init_task) > 1000);
}
