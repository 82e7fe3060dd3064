/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: exit() may not follow speculate().
 */
BEGIN { speculate(1); exit(0); }
