/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: fbt entry arguments have their BTF types: args[1] of
 * do_filp_open is a struct filename * whose name member is read at its
 * offset, and args[0], an int, is sign-extended from 32 bits.
 */
fbt::do_filp_open:entry
{
	printf("%d %s\n", args[0], stringof(args[1]->name));
}
