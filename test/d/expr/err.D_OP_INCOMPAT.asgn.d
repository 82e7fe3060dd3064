/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a variable keeps its type: an integer may not become a string.
 */
BEGIN { x = 1; x = "s"; }
