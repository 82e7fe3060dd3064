/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a variable does not take an array (a member of array type),
 * as in DTrace: its elements may be copied one by one.
 */
struct v { int e[3]; };
struct v s;

BEGIN { x = s.e; }
