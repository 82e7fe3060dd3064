/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a variable exists from its first assignment in program order.
 */
BEGIN { trace(x); }
END { x = 1; }
