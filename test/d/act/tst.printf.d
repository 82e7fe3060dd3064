/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: printf conversions with widths, precisions and * arguments.
 */
BEGIN
{
	printf("%d %i %u %x %X %o %c %p\n", 1, 2, 3, 4, 5, 6, 65, arg0);
	printf("%s %-10s %10.3s %*d %.*s\n", execname, "a", "b", 5, 1, 2, "xyz");
	printf("%lld %llu %hd %lx\n", 1, 2, 3, 4);
	printf("100%%\n");
}
