/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: thread-local and clause-local variables and associative-array
 * values of struct type, declared or typed by their first assignment;
 * a member store creates a thread-local that does not exist yet; members
 * serve as keys, values and in predicates.
 */
struct io { int fd; long bytes; };

self struct io cur;
this struct io tmp;
struct io last[int];

BEGIN
{
	self->cur.fd = 3;
	self->cur.bytes += 100;
	this->tmp = self->cur;
	this->tmp.bytes *= 2;
	last[this->tmp.fd] = this->tmp;
	last[4].bytes = 7;
	self->other = last[3];		/* typed by the assignment */
	sums[last[3].fd] = last[3].bytes;
}

BEGIN
/self->cur.fd == 3 && last[3].bytes == 200/
{
	trace(self->other.bytes + sums[3]);
	exit(0);
}
