/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a negative index is out of range too (D_ARGS_IDX).
 */
syscall::read:return
{
	trace(args[-1]);
}
