/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a library file whose dependency is missing (a provider) is
 * left out, not an error of the program that names what it declares.
 * @@args: -xlibdir=test/d/lib/deps
 */
BEGIN
{
	trace(LIBX);
}
