/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: pointers to declared-only structs and to void are fine.
 */
struct foo;
struct foo *x;
self void *p;
struct s { struct s *next; struct foo *f; };
