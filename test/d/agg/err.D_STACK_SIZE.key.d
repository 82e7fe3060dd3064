/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a stack() key's depth is checked as the action's is.
 */
BEGIN
{
	@[stack(0)] = count();
}
