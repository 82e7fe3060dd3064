/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: ++ reads its operand, so a self-> variable it is first
 * applied to has not been assigned yet (as in DTrace).
 */
syscall::read:entry { self->n++; }
