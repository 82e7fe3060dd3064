/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a declaration ends with a semicolon.
 */
int x
BEGIN { }
