/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the normalize() divisor must be a scalar.
 */
BEGIN { @a = count(); normalize(@a, "x"); }
