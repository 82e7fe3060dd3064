/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: denormalize() takes the aggregation only.
 */
BEGIN { @a = count(); denormalize(@a, 2); }
