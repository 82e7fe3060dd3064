/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the high magnitude must be greater than the low one, not equal.
 */
BEGIN { @a = llquantize(1, 10, 3, 3, 10); }
