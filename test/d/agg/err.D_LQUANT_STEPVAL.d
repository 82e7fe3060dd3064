/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: lquantize's step is positive.
 */
BEGIN { @a = lquantize(1, 0, 10, 0); }
