/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: actions are statements, not values.
 */
BEGIN { x = trace(1); }
