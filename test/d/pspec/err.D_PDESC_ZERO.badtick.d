/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: tick- needs a rate with a known unit.
 */
tick-1fortnight { }
