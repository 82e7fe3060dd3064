/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a string constant may not span lines.
 */
BEGIN { x = "abc
def"; }
