/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: dependencies that are met: the dtrace and profile providers, the kernel (vmlinux BTF).
 */
#pragma D depends_on provider dtrace
#pragma D depends_on provider profile
#pragma D depends_on module vmlinux

BEGIN
{
	exit(0);
}
