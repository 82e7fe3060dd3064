/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a declaration has at most one storage class.
 */
static extern int x;
