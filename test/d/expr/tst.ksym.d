/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: kernel variables by their backquoted names.
 * @@skip: kernel variables need their types: vmlinux BTF describes only
 * per-CPU variables, so this waits for another source of types
 */
BEGIN
{
	trace(`jiffies);
	trace(vmlinux`jiffies);
}
