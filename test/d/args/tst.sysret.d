/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: args[] of a syscall return is long, whatever the call: two
 * descriptions agree, and args[0] is a 64-bit value (no narrowing in the
 * DIF).
 */
syscall::read:return,
syscall::write:return
{
	@[probefunc] = quantize(args[0]);
	trace(args[1] < 0 ? -args[1] : 0);
}
