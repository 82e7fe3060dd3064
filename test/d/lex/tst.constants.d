/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: decimal, octal, hex, suffixed and character constants and string escapes.
 */
BEGIN
{
	a = 10;
	b = 010;
	c = 0x1fUL;
	d = 123ull;
	e = 'a';
	f = '\n';
	g = 'ab';
	h = "tab\there\\ \"quoted\" \x41 \101";
	trace(a + b + c + d + e + f + g);
	trace(h);
}
