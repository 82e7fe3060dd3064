/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: each conversion needs an argument.
 */
BEGIN { printf("%d %d\n", 1); }
