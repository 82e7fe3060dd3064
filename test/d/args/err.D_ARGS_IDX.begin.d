/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: dtrace:::BEGIN has no arguments, so args[0] is out of range
 * (D_ARGS_IDX), as in DTrace.
 */
BEGIN
{
	trace(args[0]);
}
