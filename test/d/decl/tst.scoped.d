/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: kernel type names may carry the vmlinux module scope, in each
 * of DTrace's spellings.
 */
BEGIN
{
	trace(sizeof (`vmlinux`struct task_struct));
	trace(sizeof (struct vmlinux`file));
	x = (vmlinux`u64)1;
	trace(((`vmlinux`struct task_struct *)arg0)->pid);
}
