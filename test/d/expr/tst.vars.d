/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: global, thread-local, clause-local and array variables (not
 * named fds: the library declares fds[] as DTrace's io.d does).
 */
syscall::read:entry
{
	self->ts = timestamp;
	this->fd = arg0;
	fdseen[pid, this->fd] = 1;
	last = execname;
}

syscall::read:return
/self->ts/
{
	trace(timestamp - self->ts);
	trace(fdseen[pid, 1]);
	trace(last);
	self->ts = 0;
}
