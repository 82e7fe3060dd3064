/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: aggregations keyed by tuples, the anonymous @, and printa().
 */
syscall:::entry
{
	@[execname] = count();
	@bytes[execname, pid] = sum(arg2);
	@lat[probefunc, execname, 1] = quantize(arg0);
}

END
{
	printa(@bytes);
	printa("%-16s %8d %@d\n", @bytes);
	printa(@, @bytes);
	trunc(@bytes, 10);
	trunc(@lat);
	normalize(@bytes, 1024);
	denormalize(@bytes);
	clear(@);
}
