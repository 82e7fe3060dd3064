/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: every action, with its argument forms.
 */
#pragma D option destructive

BEGIN
{
	trace(1);
	trace("str");
	tracemem(arg0, 16);
	tracemem(arg0, 64, arg1);
	printf("%d %s %p %x\n", 1, "a", arg0, 2);
	printf("no args\n");
	print(curthread);
	stack();
	stack(5);
	ustack();
	ustack(10);
	ustack(10, 256);
	jstack();
	func(arg0); sym(arg0); mod(arg0);
	ufunc(arg0); usym(arg0); umod(arg0); uaddr(arg0);
	setopt("quiet");
	setopt("bufsize", "4m");
	system("echo %d", pid);
	raise(9);
	chill(100);
	stop();
	panic();
	exit(0);
}
