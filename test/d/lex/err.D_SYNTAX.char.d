/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a stray character is a syntax error.
 */
BEGIN { x = 1 # 2; }
