/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: sizeof of an incomplete type is an error.
 */
struct foo;

BEGIN { trace(sizeof (struct foo)); }
