/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: trunc() takes one or two arguments.
 */
BEGIN { @a = count(); trunc(@a, 1, 2); }
