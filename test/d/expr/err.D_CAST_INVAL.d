/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a cast to a struct is invalid.
 */
struct s { int a; };

BEGIN { x = (struct s)1; }
