/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: -> applies to pointers only.
 */
BEGIN { x = 1; trace(x->y); }
