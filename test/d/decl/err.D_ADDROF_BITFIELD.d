/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the address of a bit-field cannot be taken.
 */
struct s { int a : 3; int b : 5; } x;

BEGIN { trace(&x.a); }
