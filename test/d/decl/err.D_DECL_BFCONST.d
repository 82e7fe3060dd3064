/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a bit-field width must be an integral constant.
 */
struct s { int a : "x"; };
