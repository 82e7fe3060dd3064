/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the branches of ?: must have compatible types.
 */
BEGIN { x = 1 ? "a" : 1; }
