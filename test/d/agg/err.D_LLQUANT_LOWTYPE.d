/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the llquantize() low magnitude must be an integer constant.
 */
BEGIN { @ = llquantize(1, 10, timestamp, 6, 20); }
