/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the compile-environment options DTrace takes only from the command line: cpppath, cpphdrs, setenv, unsetenv, stdc, ldpath.
 * @@args: -C -xcpppath=/usr/bin/cpp -xcpphdrs -xsetenv=DLIB_T=1 -xunsetenv=HOME -xstdc=a -xldpath=/usr/bin/ld
 */
#pragma D option quiet

BEGIN
{
	exit(0);
}
