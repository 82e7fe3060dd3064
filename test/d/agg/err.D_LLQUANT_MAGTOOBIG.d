/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: factor^(high magnitude + 1) must fit in 64 bits.
 */
BEGIN { @a = llquantize(1, 10, 0, 19, 10); }
