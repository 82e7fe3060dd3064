/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: exit() takes one argument.
 */
BEGIN { exit(); }
