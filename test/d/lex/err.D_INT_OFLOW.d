/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a constant beyond 64 bits overflows.
 */
BEGIN { x = 123456789012345678901234567890; }
