/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a predicate must be of scalar type.
 */
BEGIN /(void)0/ { }
