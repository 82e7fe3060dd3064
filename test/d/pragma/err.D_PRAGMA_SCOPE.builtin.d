/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a program cannot change a built-in variable's attributes.
 */
#pragma D attributes Stable/Stable/Common curthread

BEGIN
{
	trace(curthread);
}
