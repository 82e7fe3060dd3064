/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/* Asserts: an integer variable may not take a struct. */
struct pt { int x, y; };
struct pt p;

BEGIN { i = 1; i = p; }
