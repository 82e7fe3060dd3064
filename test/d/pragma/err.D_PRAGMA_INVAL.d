/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an unknown D pragma is an error.
 */
#pragma D nosuchpragma
BEGIN { }
