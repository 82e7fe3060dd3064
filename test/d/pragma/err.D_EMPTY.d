/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a program with nothing in it is an error, as in DTrace.
 */

