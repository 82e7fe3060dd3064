/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a realistic script compiles: speculative tracing of failing opens.
 */
#pragma D option nspec=4
#pragma D option specsize=64k

syscall::openat:entry
{
	self->spec = speculation();
	speculate(self->spec);
	printf("%s opening %s\n", execname, copyinstr(arg1));
}

fbt:::
/self->spec/
{
	speculate(self->spec);
}

syscall::openat:return
/self->spec && (int)arg1 < 0/
{
	commit(self->spec);
	self->spec = 0;
}

syscall::openat:return
/self->spec/
{
	discard(self->spec);
	self->spec = 0;
}
