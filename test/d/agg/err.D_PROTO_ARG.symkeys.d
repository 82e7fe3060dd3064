/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a key made by sym() cannot share an aggregation with a plain
 * value or a key made by another of those functions (the kernel keeps
 * one layout an aggregation, and a user address keeps its pid too).
 */
BEGIN { @a[sym(0)] = count(); @a[usym(0)] = count(); }
