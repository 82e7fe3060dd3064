/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a struct is defined once.
 */
struct s { int a; };
struct s { int b; };
