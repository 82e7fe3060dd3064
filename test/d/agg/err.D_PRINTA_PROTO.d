/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: printa() needs an aggregation after its format.
 */
BEGIN { printa("%d\n"); }
