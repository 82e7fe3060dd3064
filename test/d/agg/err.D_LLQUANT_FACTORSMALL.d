/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: llquantize's factor is at least two.
 */
BEGIN { @a = llquantize(1, 1, 0, 6, 20); }
