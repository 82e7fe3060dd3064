/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a binding takes a "version" string, then an identifier.
 */
#pragma D binding 1.0 x
inline int x = 1;

BEGIN
{
	trace(x);
}
