/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the lquantize() limit must be an integer constant.
 */
BEGIN { @ = lquantize(1, 0, timestamp, 1); }
