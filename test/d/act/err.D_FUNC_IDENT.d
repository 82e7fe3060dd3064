/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: only a name may be called.
 */
BEGIN { (1)(); }
