/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a conversion DTrace does not have is refused: %hhd (DTrace's
 * size modifiers are h, l, ll, L and w).
 */
BEGIN { printf("%hhd\n", 1); }
