/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a binding's version must be major.minor[.micro] in DTrace's limits.
 */
#pragma D binding "1.4096" x
inline int x = 1;

BEGIN
{
	trace(x);
}
