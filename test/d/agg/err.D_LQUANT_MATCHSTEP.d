/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: every use of an lquantize() aggregation has the same step.
 */
BEGIN { @a = lquantize(1, 0, 10); }
END { @a = lquantize(1, 0, 10, 2); }
