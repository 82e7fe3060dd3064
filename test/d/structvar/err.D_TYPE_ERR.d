/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a variable larger than a DIF reference may hold is refused.
 */
struct big { char a[2000000]; } x;

BEGIN { x.a[0] = 1; }
