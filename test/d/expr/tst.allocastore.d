/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: this->p[i] = v, this->p[i] += v, this->p[i]++ and *this->p = v
 * through an alloca()'d clause-local pointer store to the memory it
 * points to (stb/stw at p + i * size), and leave this->p itself alone:
 * a later this->p[0] or this->p reads the pointer (ldls p).  They were
 * compiled as stores to this->p (stls), so this->p became the last byte
 * stored.  self->p[i] of a thread-local pointer indexes it the same way,
 * and a member through a pointer (this->t->y = v) stores in place.
 */
struct pt { int x, y; };

BEGIN
{
	this->p = (char *)alloca(8);
	this->p[0] = 1;
	this->p[1] = 2;
	this->p[7] += 3;
	this->p[2]++;
	*this->p = 4;
	this->q = (int *)this->p;
	this->q[1] = 5;
	trace(this->p[0]);
	printf("%p\n", this->p);
	tracemem(this->p, 8);
	self->s = (char *)alloca(4);
	self->s[1] = 7;
	this->t = (struct pt *)alloca(sizeof (struct pt));
	this->t->y = 6;
	this->t->x += this->t->y;
	exit(0);
}
