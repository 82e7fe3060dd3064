/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an aggregation is assigned an aggregating function.
 */
BEGIN { @a = 1; }
