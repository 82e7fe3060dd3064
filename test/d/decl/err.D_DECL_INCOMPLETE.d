/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a variable of a struct only declared is an error.
 */
struct foo;
struct foo x;
