/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: dividing by a constant zero is an error.
 */
BEGIN { x = 1 / 0; }
