/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an array inline takes as many indices as it has parameters.
 */
inline int sq[int x] = x * x;

BEGIN
{
	trace(sq[3, 4]);
}
