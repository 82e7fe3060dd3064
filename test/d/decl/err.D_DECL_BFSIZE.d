/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a bit-field may not be wider than its type.
 */
struct s { char a : 9; };
