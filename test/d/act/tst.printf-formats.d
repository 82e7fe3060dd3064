/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the conversions, flags, widths and size modifiers DTrace takes compile.
 */
BEGIN
{
	printf("%*d %.*s %% %-10.3s %lld %x %#o %+i %'u %?p %c %5.2S\n",
	    1, 2, 3, "a", "b", 1ll, 2, 3, 4, 5, 6, 7, "c");
	printf("%a %A %Y %T\n", 1, 2, walltimestamp, walltimestamp);
	@a[1] = count();
	printa("%d %@d\n", @a);
	printa("%-8d %@10u\n", @a);
}
