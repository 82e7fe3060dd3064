/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: only pointers may be dereferenced.
 */
BEGIN { x = 1; trace(*x); }
