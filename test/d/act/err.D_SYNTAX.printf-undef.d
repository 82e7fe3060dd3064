/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an undefined printf() conversion fails at compile time, as DTrace reports it ("format conversion #1 is undefined: %q", tagged D_SYNTAX), not when the program is loaded.
 */
BEGIN { printf("%q\n", 1); }
