/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a positional conversion (%n$) fails at compile time.
 */
BEGIN { printf("%5$d\n", 1); }
