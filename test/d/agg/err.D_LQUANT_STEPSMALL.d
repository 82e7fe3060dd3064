/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an lquantize() step giving more than 65535 buckets is an error.
 */
BEGIN { @ = lquantize(1, 0, 1000000, 1); }
