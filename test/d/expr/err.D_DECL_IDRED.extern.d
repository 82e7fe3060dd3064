/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an extern declaration may not give a kernel variable a second,
 * different type (the library declares jiffies unsigned long).
 */
extern int nr_cpu_ids;
extern long nr_cpu_ids;

BEGIN
{
	trace(`nr_cpu_ids);
}
