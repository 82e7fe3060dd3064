/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the llquantize() high magnitude must fit in 16 bits.
 */
BEGIN { @ = llquantize(1, 10, 0, 65536, 20); }
