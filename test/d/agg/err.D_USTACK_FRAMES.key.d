/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a ustack() key's depth must be a constant.
 */
BEGIN
{
	@[execname, ustack(arg0)] = count();
}
