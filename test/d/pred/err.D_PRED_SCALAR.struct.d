/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a predicate of struct type is an error.
 */
struct s { int a; } x;

BEGIN /x/ { }
