/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the address of a constant cannot be taken.
 */
BEGIN { x = &1; }
