/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: destructive actions may not follow speculate().
 * @@args: -w
 */
BEGIN { speculate(1); raise(9); }
