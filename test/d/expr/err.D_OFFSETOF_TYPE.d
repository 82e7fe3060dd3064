/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: offsetof applies to structs and unions.
 */
BEGIN { trace(offsetof(int, x)); }
