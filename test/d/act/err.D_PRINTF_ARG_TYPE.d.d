/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: %d takes an integer, not a string.
 */
BEGIN { printf("%d\n", execname); }
