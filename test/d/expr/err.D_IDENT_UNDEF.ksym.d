/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a kernel symbol kallsyms does not list is D_IDENT_UNDEF.
 */
BEGIN
{
	trace(`no_such_kernel_symbol);
}
