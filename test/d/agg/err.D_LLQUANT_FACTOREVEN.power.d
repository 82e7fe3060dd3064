/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the steps per magnitude must divide a power of the factor (40 does not divide 100).
 */
BEGIN { @a = llquantize(1, 10, 0, 6, 40); }
