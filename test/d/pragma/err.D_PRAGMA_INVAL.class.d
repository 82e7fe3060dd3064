/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: depends_on takes provider, module or library.
 */
#pragma D depends_on planet mars

BEGIN
{
	exit(0);
}
