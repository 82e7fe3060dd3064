/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: -xversion takes only versions DTrace defined (9.9 is not one).
 */
#pragma D option version=9.9

BEGIN
{
	exit(0);
}
