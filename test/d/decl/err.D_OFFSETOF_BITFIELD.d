/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: offsetof of a bit-field is an error.
 */
struct s { int a : 3; int b : 5; };

BEGIN { trace(offsetof(struct s, b)); }
