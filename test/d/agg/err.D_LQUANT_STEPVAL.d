/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the lquantize() step must fit in 16 bits.
 */
BEGIN { @a = lquantize(1, 0, 1000000, 65536); }
