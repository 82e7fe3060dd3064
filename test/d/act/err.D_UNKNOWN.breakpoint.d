/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: breakpoint() is refused by the compiler, even with -w: Linux
 * exports no kernel debugger entry, and an int3 in the kernel oopses.
 * @@args: -w
 */
BEGIN
{
	breakpoint();
}
