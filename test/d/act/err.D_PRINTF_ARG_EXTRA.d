/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: arguments beyond the conversions are an error.
 */
BEGIN { printf("%d\n", 1, 2); }
