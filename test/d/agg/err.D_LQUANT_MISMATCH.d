/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: lquantize's base is below its limit.
 */
BEGIN { @a = lquantize(1, 10, 0, 1); }
