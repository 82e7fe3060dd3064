/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a program that depends on a kernel module without BTF fails.
 */
#pragma D depends_on module nosuchmodule

BEGIN
{
	exit(0);
}
