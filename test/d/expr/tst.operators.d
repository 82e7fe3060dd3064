/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: every C operator and D's ^^ parse and check.
 */
BEGIN
{
	a = 1; b = 2;
	x = a + b - a * b / 1 % 3;
	x = a << 2 >> 1;
	x = a < b; x = a > b; x = a <= b; x = a >= b; x = a == b; x = a != b;
	x = a & b | a ^ b;
	x = a && b || !a ^^ b;
	x = ~a; x = -a; x = +a;
	x = a ? b : 3;
	x += 1; x -= 1; x *= 2; x /= 2; x %= 7; x <<= 1; x >>= 1;
	x &= 3; x |= 4; x ^= 1;
	x++; x--; ++x; --x;
	y = (a, b);
	trace(x);
}
