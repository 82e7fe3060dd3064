/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the lquantize() step is optional (1), and the same parameters may be given again, the default spelled out.
 */
BEGIN { @a = lquantize(1, 0, 10); }
END { @a = lquantize(2, 0, 10, 1); @b = lquantize(1, 0, 10, 3); @b = lquantize(1, 0, 9, 3); }
