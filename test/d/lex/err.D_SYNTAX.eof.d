/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: input ending inside a clause is a syntax error near end of input.
 */
BEGIN { x = 1;
