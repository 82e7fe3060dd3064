/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: only lvalues may be assigned.
 */
BEGIN { 1 = 2; }
