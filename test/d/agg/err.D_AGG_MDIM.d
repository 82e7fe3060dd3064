/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: aggregations have one key tuple, not several.
 */
BEGIN { @a[1][2] = count(); }
