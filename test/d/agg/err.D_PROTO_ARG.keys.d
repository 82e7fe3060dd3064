/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an aggregation's keys keep their types.
 */
BEGIN { @a[1] = count(); @a["x"] = count(); }
