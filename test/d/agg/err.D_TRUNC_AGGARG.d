/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: trunc() of something that is no aggregation is D_TRUNC_AGGARG (not clear()'s tag).
 */
BEGIN { x = 1; trunc(x); }
