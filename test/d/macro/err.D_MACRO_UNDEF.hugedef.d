/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: defaultargs does not make a huge argument number valid.
 * @@args: -x defaultargs
 */
BEGIN { trace($$99999999999999999999); }
