/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: -> applies to pointers to structs or unions.
 */
BEGIN { trace(((int *)arg0)->x); }
