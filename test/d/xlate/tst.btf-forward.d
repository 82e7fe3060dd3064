/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a kernel struct first seen as a forward (signal_struct, behind
 * task_struct's pointer) stays usable after its first completion: the
 * second dereference once failed with D_OP_INCOMPLETE.
 * @@args: -xnolibs
 */
BEGIN
{
	trace(curthread->signal->nr_threads);
	trace(curthread->signal->nr_threads);
	trace(curthread->real_parent->signal->nr_threads);
}
