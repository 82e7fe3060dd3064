/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts (by its -S output): a member store copies the variable into
 * scratch (zeroes when a thread-local does not exist yet), stores the
 * member there and the copy back whole; the variable is a 16-byte
 * by-reference one.
 */
struct pt { int x; long y; };
self struct pt p;

BEGIN
{
	self->p.y = 5;
}
