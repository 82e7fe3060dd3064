/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an aggregation keeps its number of keys.
 */
BEGIN { @a[1, 2] = count(); @a[1] = count(); }
