/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: trace() takes one argument.
 */
BEGIN { trace(1, 2); }
