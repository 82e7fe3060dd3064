/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an array dimension must be a positive integral constant.
 */
int a[-1];
