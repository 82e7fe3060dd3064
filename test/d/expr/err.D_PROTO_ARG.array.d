/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an array's keys keep their types.
 */
BEGIN { a["k"] = 1; trace(a[2]); }
