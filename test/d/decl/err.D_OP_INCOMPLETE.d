/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: -> of a pointer to a struct that is only declared is an error.
 */
struct foo;
struct foo *p;

BEGIN { trace(p->x); }
