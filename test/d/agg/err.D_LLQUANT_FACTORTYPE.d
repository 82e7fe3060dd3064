/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: llquantize's factor is an integer constant.
 */
BEGIN { @a = llquantize(1, arg0, 0, 6, 20); }
