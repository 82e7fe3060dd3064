/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a syscall return probe has two arguments (the return value,
 * as arg0 and arg1): args[2] is D_ARGS_IDX.
 */
syscall::read:return
{
	trace(args[2]);
}
