/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a bit-field must be of integral type.
 */
struct t { int x; };
struct s { struct t a : 3; };
