/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: copyout and copyoutstr are destructive subroutines.
 * @@args: -w
 */
BEGIN
{
	copyout(arg0, arg1, 4);
	copyoutstr("x", arg1, 2);
}
