/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a translator may not give an integer to a char array member.
 */
struct in { int a; };
struct out { char s[16]; };

translator struct out < struct in *p > { s = p->a; };
