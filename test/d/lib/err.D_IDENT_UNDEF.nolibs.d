/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: -xnolibs leaves the library out, EINTR with it.
 * @@args: -xnolibs
 */
BEGIN
{
	trace(EINTR);
}
