/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: with defaultargs, missing $n are 0 and $$n are "".
 */
#pragma D option defaultargs

BEGIN
{
	trace($1);
	trace($$2);
}
