/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/* Asserts: a D variable has no address (a member of one has). */
struct pt { int x, y; };
struct pt p;

BEGIN { trace(&p); }
