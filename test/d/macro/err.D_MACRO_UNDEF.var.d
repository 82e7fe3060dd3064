/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: $nosuch is not a macro variable.
 */
BEGIN { trace($nosuch); }
