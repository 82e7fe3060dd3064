/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a typedef name is a type from the next declaration on.
 */
typedef unsigned long long myint_t;
typedef struct foo { int a; } foo_t;
myint_t v;
foo_t *fp;
myint_t*q;

BEGIN
{
	v = (myint_t)1;
	trace(sizeof (myint_t));
}
