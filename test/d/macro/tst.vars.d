/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the macro variables $pid, $ppid, $uid, $gid, $target.
 */
BEGIN
{
	trace($pid + $ppid + $uid + $gid + $target);
	trace($$pid);
}
