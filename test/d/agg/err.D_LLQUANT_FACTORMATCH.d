/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: every use of an llquantize() aggregation has the same factor.
 */
BEGIN { @a = llquantize(1, 2, 0, 6, 16); }
END { @a = llquantize(1, 4, 0, 6, 16); }
