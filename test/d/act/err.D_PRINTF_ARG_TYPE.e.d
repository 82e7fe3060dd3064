/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: %e takes a float, double or long double, not an integer.
 */
BEGIN { printf("%e\n", 1); }
