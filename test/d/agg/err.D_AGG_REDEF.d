/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an aggregation keeps its function.
 */
BEGIN { @a = count(); }
END { @a = sum(1); }
