/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: aggregations may not follow speculate().
 */
BEGIN { speculate(1); @a = count(); }
