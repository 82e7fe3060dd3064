/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a format ending inside a conversion fails at compile time.
 */
BEGIN { printf("abc %"); }
