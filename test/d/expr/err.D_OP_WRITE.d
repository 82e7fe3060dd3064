/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: built-in variables are read-only.
 */
BEGIN { pid = 1; }
