/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: %% with flags fails at compile time.
 */
BEGIN { printf("%-%\n"); }
