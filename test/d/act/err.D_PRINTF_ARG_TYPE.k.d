/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: %k prints a stack (printa()'s stack keys), not an integer.
 */
BEGIN { printf("%k\n", 1); }
