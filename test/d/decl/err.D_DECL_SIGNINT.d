/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: signed or unsigned applies only to integer types.
 */
unsigned string x;
