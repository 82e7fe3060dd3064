/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: self and this variables may be declared with types.
 */
self int ts;
this string name;

BEGIN
{
	self->ts = timestamp;
	this->name = execname;
	trace(this->name);
}
