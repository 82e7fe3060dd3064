/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an lquantize() step giving no level at all is an error.
 */
BEGIN { @a = lquantize(1, 2, 3, 4); }
