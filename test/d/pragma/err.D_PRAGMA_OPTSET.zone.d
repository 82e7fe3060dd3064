/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: zone is not a DTrace option (illumos' dt_options.c has none).
 */
#pragma D option zone=global

BEGIN
{
	exit(0);
}
