/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a probe id names a probe only the module knows; without it (or
 * without that id) it matches nothing.
 */
4294967295 { }
