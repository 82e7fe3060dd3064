/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: what later issues give a runtime (user stacks with their
 * frame and string-space arguments, jstack(), vmregs[] of the kvm
 * provider) compiles to the records and DIF they will use: the -S
 * sample is the proof until then.
 */
BEGIN
{
	ustack();
	ustack(5, 100);
	jstack();
	trace(vmregs[0]);
	@[ustack(3)] = count();
	exit(0);
}
