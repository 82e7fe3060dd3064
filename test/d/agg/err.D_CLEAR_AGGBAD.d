/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: clear() of an aggregation never assigned is an error.
 */
BEGIN { clear(@nope); }
