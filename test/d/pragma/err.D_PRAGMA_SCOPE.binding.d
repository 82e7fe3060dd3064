/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a program cannot rebind a built-in variable.
 */
#pragma D binding "1.0" execname

BEGIN
{
	trace(execname);
}
