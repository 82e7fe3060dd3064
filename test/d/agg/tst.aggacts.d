/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the aggregation actions with their arguments right compile.
 */
BEGIN { @a = count(); trunc(@a); trunc(@a, 5); normalize(@a, 10); denormalize(@a); clear(@a); }
