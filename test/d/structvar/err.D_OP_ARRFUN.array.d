/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/* Asserts: an array variable is not assigned whole, as in DTrace. */
int a[5];
int b[5];

BEGIN { a = b; }
