/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: if and else, with and without braces, nested.
 */
BEGIN
{
	x = 1;
	if (x == 1)
		trace("one");
	if (x > 1) {
		trace("big");
	} else if (x < 0) {
		trace("negative");
	} else {
		trace("small");
		if (x)
			y = 2;
		else
			y = 3;
	}
}
