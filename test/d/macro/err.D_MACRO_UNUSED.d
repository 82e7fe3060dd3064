/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an argument never referred to is an error.
 * @@operands: 1 2
 */
BEGIN { trace($1); }
