/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the speculation idiom compiles.
 */
syscall::open:entry
{
	self->spec = speculation();
	speculate(self->spec);
	printf("%s\n", execname);
}

syscall::open:return
/self->spec && arg1 < 0/
{
	commit(self->spec);
	self->spec = 0;
}

syscall::open:return
/self->spec/
{
	discard(self->spec);
	self->spec = 0;
}
