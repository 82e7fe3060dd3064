/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the count given to trunc() must be a scalar.
 */
BEGIN { @a = count(); trunc(@a, "x"); }
