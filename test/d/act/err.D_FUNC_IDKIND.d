/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a variable may not be called.
 */
BEGIN { x = 1; x(2); }
