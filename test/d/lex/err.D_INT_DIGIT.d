/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: 8 and 9 are not octal digits.
 */
BEGIN { x = 09; }
