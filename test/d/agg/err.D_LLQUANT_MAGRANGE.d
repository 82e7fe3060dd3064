/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: llquantize's high magnitude is not below its low one.
 */
BEGIN { @a = llquantize(1, 10, 6, 0, 20); }
