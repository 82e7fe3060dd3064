/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: args[] takes one index.
 */
BEGIN { trace(args[1, 2]); }
