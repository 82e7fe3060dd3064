/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a psinfo_t member the library's translator does not fill
 * (pr_start: Linux keeps no start time from the epoch) is refused.
 */
BEGIN
{
	trace(curpsinfo->pr_start.tv_sec);
}
