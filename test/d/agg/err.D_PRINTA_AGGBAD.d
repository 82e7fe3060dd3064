/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: printa() needs a defined aggregation.
 */
END { printa(@nosuch); }
