/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: C precedence and associativity (checked by the DIF sample when
 * code generation lands).
 */
BEGIN
{
	x = 1 + 2 * 3 << 1 == 14 & 1 | 2 ^ 3 && 1 || 0;
	y = 1 ? 2 : 3 ? 4 : 5;
	z = -1 - -1;
	trace(x + y + z);
}
