/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a translator may not give a string to an integer member.
 */
struct in { int a; };
struct out { int x; };

translator struct out < struct in *p > { x = "abc"; };
