/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an integer macro argument that overflows 64 bits is an error.
 * @@operands: 99999999999999999999
 */
BEGIN { trace($1); }
