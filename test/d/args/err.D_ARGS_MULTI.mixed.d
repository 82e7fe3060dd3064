/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a clause whose descriptions give args[1] different types (long
 * for a syscall return, struct filename * for do_filp_open, or unknown
 * without BTF) cannot use it: D_ARGS_MULTI.
 */
syscall::read:return,
fbt::do_filp_open:entry
{
	trace(args[1]);
}
