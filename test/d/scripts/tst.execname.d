/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a realistic script compiles: the one-liner of issue 4 and
 * read sizes quantized by execname.
 */
syscall::read:entry
/execname == "sshd"/
{
	self->t = timestamp;
}

syscall::read:return
/self->t/
{
	@[execname] = quantize(timestamp - self->t);
	self->t = 0;
}

syscall::read:return
/arg1 > 0/
{
	@bytes[execname] = lquantize(arg1, 0, 65536, 4096);
	@total = sum(arg1);
}
