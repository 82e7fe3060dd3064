/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: associative arrays may be declared with key types.
 */
int counts[string, int];
self int depth[int];

BEGIN
{
	counts["a", 1] = 2;
	trace(counts["a", 1]);
}
