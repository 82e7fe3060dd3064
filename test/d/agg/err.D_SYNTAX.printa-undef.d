/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an undefined printa() conversion fails at compile time.
 */
BEGIN { @a[1] = count(); printa("%d %@q\n", @a); }
