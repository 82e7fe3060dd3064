/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: trunc() of an aggregation never assigned.
 */
BEGIN { trunc(@nope); }
