/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an array keeps its number of keys.
 */
BEGIN { a[1, 2] = 3; trace(a[1]); }
