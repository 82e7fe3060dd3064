/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a character constant holds at most eight characters.
 */
BEGIN { x = 'abcdefghi'; }
