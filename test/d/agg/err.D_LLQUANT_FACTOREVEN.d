/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the llquantize() factor must divide the steps per magnitude evenly.
 */
BEGIN { @ = llquantize(1, 10, 0, 6, 25); }
