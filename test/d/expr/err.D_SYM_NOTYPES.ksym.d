/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a kernel symbol with no type (no BTF variable, no extern
 * declaration) is D_SYM_NOTYPES unless its address is taken.
 */
BEGIN
{
	trace(`schedule);
}
