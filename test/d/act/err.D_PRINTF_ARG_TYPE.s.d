/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: %s takes a string, not an integer.
 */
BEGIN { printf("%s\n", 1); }
