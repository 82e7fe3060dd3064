/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/* Asserts: an integer may not be assigned to a struct variable. */
struct pt { int x, y; };
struct pt p;

BEGIN { p = 1; }
