/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: curpsinfo and curlwpsinfo, through their translators.
 */
BEGIN
{
	trace(curpsinfo->pr_pid);
	trace(curlwpsinfo->pr_lwpid);
}
