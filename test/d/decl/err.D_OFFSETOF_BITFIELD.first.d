/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: offsetof of a bit-field is an error even at offset 0.
 */
struct s { int a : 3; int b; };

BEGIN { trace(offsetof(struct s, a)); }
