/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: strings and integers do not compare.
 */
BEGIN { trace(execname == 1); }
