/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: strings are not arithmetic operands.
 */
BEGIN { x = "a" + "b"; }
