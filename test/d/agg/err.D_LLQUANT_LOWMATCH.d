/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: every use of an llquantize() aggregation has the same low magnitude.
 */
BEGIN { @a = llquantize(1, 10, 0, 6, 20); }
END { @a = llquantize(1, 10, 1, 6, 20); }
