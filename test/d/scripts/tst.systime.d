/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a realistic script compiles: thread-local timing of system
 * calls, quantized by call.
 */
#pragma D option quiet

syscall:::entry
/execname != "dtrace"/
{
	self->ts = timestamp;
}

syscall:::return
/self->ts/
{
	@time[probefunc] = quantize(timestamp - self->ts);
	@count[probefunc, execname] = count();
	self->ts = 0;
}

tick-10s
{
	exit(0);
}

END
{
	printf("%-20s %s\n", "SYSCALL", "TIME (ns)");
	printa(@time);
	trunc(@count, 20);
	printa("%-20s %-16s %@8d\n", @count);
}
