// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * A known user call chain for the ustack() tests (t-prov-stack): main ->
 * ust_outer -> ust_middle -> ust_inner, which makes the getppid system
 * call itself (inline syscall instruction, so no frameless libc wrapper
 * hides a frame), count times, then sleeps for the given seconds so the
 * consumer can still read /proc/PID/maps when it prints.  Built with
 * frame pointers and without optimization (kmod.mk), so that every
 * function of the chain, the leaf included, sets up its frame as the
 * user stack walk needs.
 *
 *   ustack_prog COUNT [SLEEP_SECONDS]
 */
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static long __attribute__((noinline)) ust_inner(long n)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "0"((long)SYS_getppid)
			 : "rcx", "r11", "memory");
	return ret + n;
}

static long __attribute__((noinline)) ust_middle(long n)
{
	long r = ust_inner(n);

	__asm__ volatile("" ::: "memory");
	return r + 1;
}

static long __attribute__((noinline)) ust_outer(long n)
{
	long r = ust_middle(n);

	__asm__ volatile("" ::: "memory");
	return r + 1;
}

int main(int argc, char **argv)
{
	long i, count = argc > 1 ? atol(argv[1]) : 1, sum = 0;

	for (i = 0; i < count; i++)
		sum += ust_outer(i);
	if (argc > 2)
		sleep((unsigned)atoi(argv[2]));
	return sum == 42;
}
