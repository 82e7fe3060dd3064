/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a program cannot change a library inline's attributes.
 */
#pragma D attributes Private EINTR

BEGIN
{
	trace(EINTR);
}
