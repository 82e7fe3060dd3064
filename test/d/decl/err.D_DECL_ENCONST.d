/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an enumerator must be given an integral constant.
 */
enum e { A = "x" };
