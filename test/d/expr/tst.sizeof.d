/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: sizeof, offsetof and stringof forms.
 */
struct s { int a; char b; };

BEGIN
{
	trace(sizeof (int));
	trace(sizeof (struct s));
	trace(sizeof (char *));
	trace(sizeof arg0);
	trace(offsetof(struct s, b));
	trace(stringof(arg0));
	trace(stringof arg0);
}
