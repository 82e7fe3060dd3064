/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: kernel variables may only be read.
 */
BEGIN
{
	`jiffies = 0;
}
