/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a variable may not (yet) hold a struct by value; a pointer to
 * it is what works.
 */
BEGIN { t = *curthread; }
