/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: casts between scalars, pointers and strings, and to void, compile.
 */
struct s { int a; } *p;
int a[3];

BEGIN { x = (struct s *)p; y = (char *)0; z = (long)a; w = (string)"a"; (void)1; }
