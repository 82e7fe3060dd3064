/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: sizeof of a bit-field is an error.
 */
struct s { int a : 3; int b : 5; } x;

BEGIN { trace(sizeof (x.b)); }
