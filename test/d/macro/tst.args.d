/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: $1 as an integer and an identifier, $$2 as a string, $0.
 * @@operands: 42 execname hello
 */
BEGIN
{
	trace($1 + 1);
	trace($2);
	trace($$3);
	trace($$0);
}
