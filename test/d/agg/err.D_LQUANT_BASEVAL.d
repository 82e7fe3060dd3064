/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the lquantize() base must be a 32-bit quantity.
 */
BEGIN { @ = lquantize(1, -4294967296, 10, 1); }
