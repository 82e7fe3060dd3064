/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: typed args[] take an integer constant index (D_PROTO_ARG), as
 * in DTrace; a syscall return probe has typed arguments.
 */
syscall::read:return
{
	this->i = 1;
	trace(args[this->i]);
}
