/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: freopen("") (back to stdout) is not an empty format.
 * @@args: -w
 */
BEGIN { freopen(""); }
