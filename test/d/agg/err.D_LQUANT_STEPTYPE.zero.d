/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a zero lquantize() step is a bad step (DTrace: STEPTYPE, not STEPVAL).
 */
BEGIN { @a = lquantize(1, 0, 10, 0); }
