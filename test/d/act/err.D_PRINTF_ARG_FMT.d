/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: printf's format must be a string constant.
 */
BEGIN { f = "%d"; printf(f, 1); }
