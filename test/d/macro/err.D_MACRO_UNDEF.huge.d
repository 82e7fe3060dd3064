/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an argument number past INT_MAX is undefined, not an index.
 */
BEGIN { trace($2147483648); }
