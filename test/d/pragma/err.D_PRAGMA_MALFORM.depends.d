/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: depends_on takes a class and a name, no more.
 */
#pragma D depends_on provider dtrace profile

BEGIN
{
	exit(0);
}
