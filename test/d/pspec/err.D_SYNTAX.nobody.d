/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: in a script a description needs a predicate or actions.
 */
BEGIN
