/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a variable must be assigned before it is read.
 */
BEGIN { trace(nosuchvariable); }
