/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the llquantize() low magnitude must fit in 16 bits.
 */
BEGIN { @ = llquantize(1, 10, 65536, 65537, 20); }
