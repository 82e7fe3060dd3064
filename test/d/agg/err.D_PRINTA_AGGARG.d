/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: printa()'s arguments after the format are aggregations.
 */
BEGIN { @a = count(); printa("%d", 1); }
