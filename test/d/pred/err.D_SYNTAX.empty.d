/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an empty predicate is a syntax error.
 */
BEGIN // { }
