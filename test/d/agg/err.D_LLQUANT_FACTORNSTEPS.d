/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: llquantize needs at least factor steps.
 */
BEGIN { @a = llquantize(1, 10, 0, 6, 5); }
