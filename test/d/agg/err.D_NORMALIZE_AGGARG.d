/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: normalize() of something that is no aggregation.
 */
BEGIN { x = 1; normalize(x, 2); }
