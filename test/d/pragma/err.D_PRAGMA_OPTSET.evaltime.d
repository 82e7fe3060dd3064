/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: evaltime is exec, preinit, postinit or main.
 */
#pragma D option evaltime=later

BEGIN
{
	exit(0);
}
