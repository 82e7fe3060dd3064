/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a predicate needs an action list after it.
 */
BEGIN /1/
