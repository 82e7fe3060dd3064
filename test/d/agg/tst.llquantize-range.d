/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the largest high magnitude whose buckets fit in 64 bits, and steps dividing a power of the factor.
 */
BEGIN { @a = llquantize(1, 10, 0, 17, 10); @b = llquantize(1, 2, 0, 61, 4); @c = llquantize(1, 10, 0, 6, 50); }
