/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: substr() takes two or three arguments.
 */
BEGIN { x = substr("abc"); }
