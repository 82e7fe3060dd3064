// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * A user address with a known symbol, for t-core-output's usym(),
 * ufunc(), umod(), uaddr() and %A: "out_usym" hands the address of its
 * function out_usym_target to write(2) on a closed descriptor (EBADF:
 * nothing is read), so syscall::write:entry sees it in arg1, then stays
 * alive long enough for the consumer to read its /proc/PID/maps.
 */
#include <unistd.h>

__attribute__((noinline)) void out_usym_target(void);

static volatile int out_usym_count;

/* Long enough that +4 is still inside it. */
__attribute__((noinline)) void out_usym_target(void)
{
	out_usym_count++;
	out_usym_count++;
	out_usym_count++;
}

int main(void)
{
	sleep(1);
	out_usym_target();
	if (write(-1, (const void *)out_usym_target, 0) < 0)
		sleep(3);
	return 0;
}
