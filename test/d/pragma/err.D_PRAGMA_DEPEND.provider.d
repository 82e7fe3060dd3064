/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a program that depends on a provider that is not there fails.
 */
#pragma D depends_on provider nosuchprovider

BEGIN
{
	exit(0);
}
