/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: clear() takes an aggregation.
 */
BEGIN { clear(1); }
