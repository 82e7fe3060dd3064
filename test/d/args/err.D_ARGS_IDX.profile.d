/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: profile probes have no arguments: args[0] is D_ARGS_IDX.
 */
profile-97
{
	trace(args[0]);
}
