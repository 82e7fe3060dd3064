/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a bad option value is an error.
 */
#pragma D option bufsize=lots
BEGIN { }
