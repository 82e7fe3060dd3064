/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: stringof of a struct is an error.
 */
struct s { int a; } y;

BEGIN { trace(stringof(y)); }
