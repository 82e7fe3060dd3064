/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: tracemem() takes an address, not a string.
 */
BEGIN { tracemem("abc", 4); }
