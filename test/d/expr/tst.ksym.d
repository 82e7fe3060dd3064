/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: kernel variables by their backquoted names.
 * @@skip: kernel symbols need /proc/kallsyms and BTF variables, not yet
 */
BEGIN
{
	trace(`jiffies);
	trace(vmlinux`jiffies);
}
