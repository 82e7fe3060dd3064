/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the llquantize() high magnitude must be an integer constant.
 */
BEGIN { @ = llquantize(1, 10, 0, timestamp, 20); }
