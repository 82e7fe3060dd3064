/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a realistic script compiles: flowindent over a call tree.
 */
#pragma D option flowindent

syscall::read:entry
/execname == "cat"/
{
	self->follow = 1;
}

fbt:::entry,
fbt:::return
/self->follow/
{
}

syscall::read:return
/self->follow/
{
	self->follow = 0;
	exit(0);
}
