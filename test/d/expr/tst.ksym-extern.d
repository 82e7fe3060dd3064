/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a program types a kernel variable with an extern declaration
 * (as DTrace does for a symbol its type data does not describe), and a
 * per-CPU variable takes its type from BTF and is read at this CPU's copy:
 * __per_cpu_offset[cpu] + its offset.
 */
extern int mod_state;

BEGIN
{
	trace(somemod`mod_state);
	trace(`mod_state);
	trace(`runqueues.nr_running);
}
