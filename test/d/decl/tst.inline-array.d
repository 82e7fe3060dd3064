/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an array inline (DTrace's "inline fileinfo_t fds[int fd]"
 * form) is its expression with the index in place of the parameter.
 */
inline int sq[int x] = x * x;
inline int sum[int a, int b] = a + b;

BEGIN
{
	trace(sq[3]);
	trace(sum[sq[2], arg0]);
}
