/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: -C runs cpp: macros, conditionals and -D definitions.
 * @@args: -C -DLIMIT=10
 */
#define ABOVE(x) ((x) > LIMIT)

#ifdef LIMIT
syscall::read:entry
/ABOVE(arg2)/
{
	@[execname] = count();
}
#endif
