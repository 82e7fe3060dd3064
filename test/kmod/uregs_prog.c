// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * uregs[] test target (t-core-uregs): calls getppid N times with its own
 * syscall instruction, then prints the address just after that
 * instruction (the user pc the kernel saves), a local variable's address
 * (its stack, a few bytes from the saved user sp) and the call number.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1, i;
	volatile int local = 0;
	unsigned long pc = 0;
	long ret = 0;

	sleep(argc > 2 ? atoi(argv[2]) : 0);
	for (i = 0; i < n; i++)
		__asm__ volatile("lea 1f(%%rip), %1\n\tsyscall\n1:"
				 : "=a"(ret), "=&r"(pc)
				 : "0"((long)SYS_getppid)
				 : "rcx", "r11", "memory");
	printf("P %lx %lx %x\n", pc, (unsigned long)&local, SYS_getppid);
	return ret < 0;
}
