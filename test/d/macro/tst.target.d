/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: without -c or -p, $target is 0 and $$target "0", as in DTrace
 * (the -S sample shows the constants).
 */
BEGIN
{
	trace($target);
	trace($$target);
}
