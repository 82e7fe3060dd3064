/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: printa() with an empty format is an error.
 */
BEGIN { @a = count(); printa("", @a); }
