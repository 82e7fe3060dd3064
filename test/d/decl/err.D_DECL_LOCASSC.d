/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: this-> variables may not be associative arrays.
 */
this int a[int];
