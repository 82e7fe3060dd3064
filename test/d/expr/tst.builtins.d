/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the built-in variables exist.
 */
BEGIN
{
	trace(arg0); trace(arg9);
	trace(execname); trace(pid); trace(tid); trace(ppid); trace(uid);
	trace(gid); trace(cpu); trace(timestamp); trace(vtimestamp);
	trace(walltimestamp); trace(probeprov); trace(probemod);
	trace(probefunc); trace(probename); trace(errno); trace(curthread);
	trace(caller); trace(ucaller); trace(stackdepth); trace(ustackdepth);
	trace(uregs[0]); trace(vmregs[1]); trace(epid); trace(id); trace(ipl); trace(root);
	trace(cwd);
}

syscall::read:return
{
	trace(args[0]);
}
