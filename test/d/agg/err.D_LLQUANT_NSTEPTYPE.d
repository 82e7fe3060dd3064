/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the llquantize() steps per magnitude must be an integer constant.
 */
BEGIN { @ = llquantize(1, 10, 0, 6, timestamp); }
