/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a clause-local variable is not an associative array.
 */
BEGIN { this->a[1] = 2; }
