/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a missing operand is a syntax error.
 */
BEGIN { x = ; }
