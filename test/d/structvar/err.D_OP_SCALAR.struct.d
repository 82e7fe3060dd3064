/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/* Asserts: ++ applies to scalars, not to a struct. */
struct pt { int x, y; };
struct pt p;

BEGIN { p++; }
