/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: D has no floating-point constants.
 */
BEGIN { x = 1.5; }
