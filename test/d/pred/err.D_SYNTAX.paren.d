/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a predicate must close its parentheses before its slash.
 */
BEGIN /(1 + 2/ { }
