#!/usr/sbin/dtrace -s
/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a #! line is skipped and comments are comments.
 */
BEGIN /* inside */ { /* and here */ }
