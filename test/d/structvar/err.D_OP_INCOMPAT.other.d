/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/* Asserts: a struct is assigned only from a struct of its own type. */
struct pt { int x, y; };
struct other { int x, y; long z; };
struct pt p;
struct other o;

BEGIN { p = o; }
