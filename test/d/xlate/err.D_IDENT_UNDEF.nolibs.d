/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: -xnolibs loads no library: its inlines are unknown.
 * @@args: -xnolibs
 */
BEGIN
{
	trace(SONPROC);
}
