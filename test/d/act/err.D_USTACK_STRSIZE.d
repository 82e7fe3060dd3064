/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: ustack()'s string size is a constant.
 */
BEGIN { ustack(10, arg0); }
