/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a scalar may not be indexed.
 */
BEGIN { x = 1; trace(x[1]); }
