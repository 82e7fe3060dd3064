/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: lquantize's base is an integer constant.
 */
BEGIN { @a = lquantize(1, arg0, 10, 1); }
