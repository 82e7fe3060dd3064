/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the llquantize() steps per magnitude must fit in 16 bits.
 */
BEGIN { @ = llquantize(1, 10, 0, 6, 65540); }
