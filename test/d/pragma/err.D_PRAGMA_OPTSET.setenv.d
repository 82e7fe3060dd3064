/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the -c commands' environment cannot be set from a D program, as in DTrace.
 */
#pragma D option setenv=A=1

BEGIN
{
	exit(0);
}
