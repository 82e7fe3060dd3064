/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an enumerator past INT_MAX is an error.
 */
enum e { A = 2147483647, B };
