/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: count() takes no argument.
 */
BEGIN { @a = count(1); }
