/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: casts, pointers, member access and kernel types in expressions.
 */
fbt::vfs_read:entry
{
	f = (struct file *)arg0;
	trace(f->f_path.dentry->d_name.name);
	trace(stringof(curthread->comm));
	trace(*(int *)arg1);
	trace(&curthread->pid);
	p = (char *)arg1 + 4;
	trace(((uint64_t *)arg2)[1]);
}
