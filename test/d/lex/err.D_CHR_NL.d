/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a character constant may not span a line.
 */
BEGIN { x = 'a
'; }
