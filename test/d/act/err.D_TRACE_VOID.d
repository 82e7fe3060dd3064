/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: trace() of a void expression is an error.
 */
BEGIN { trace((void)0); }
