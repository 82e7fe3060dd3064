/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: every use of an lquantize() aggregation has the same limit.
 */
BEGIN { @a = lquantize(1, 0, 10, 1); }
END { @a = lquantize(1, 0, 20, 1); }
