/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the library's inlines may not be assigned.
 */
BEGIN
{
	curpsinfo = 0;
}
