/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a main program may not depend on a library file.
 */
#pragma D depends_on library errno.d

BEGIN
{
	exit(0);
}
