/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: inlines are read-only.
 */
inline int N = 1;
BEGIN { N = 2; }
