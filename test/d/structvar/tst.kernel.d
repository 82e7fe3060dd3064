/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: kernel structs (from BTF) copied by value into variables,
 * members read from the copy; D_OP_WRITE stays for the kernel's memory.
 */
BEGIN
{
	t = *curthread;
	self->task = *curthread;
	trace(t.pid);
	trace(self->task.comm);
	printf("%d %s\n", t.pid, t.comm);
	print(t.se);
}
