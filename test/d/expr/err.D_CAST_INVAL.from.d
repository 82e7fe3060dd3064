/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a struct cannot be cast to an integer.
 */
struct s { int a; } y;

BEGIN { x = (int)y; }
