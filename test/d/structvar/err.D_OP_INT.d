/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: %= of struct operands is an error.
 */
struct s { int a; } x, y;

BEGIN { x %= y; }
