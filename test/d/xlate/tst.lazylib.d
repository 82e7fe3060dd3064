/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a program that names nothing the library declares does not
 * load it, so a broken library file does not fail it.
 * @@args: -xlibdir=test/d/xlate/badlib
 */
BEGIN
{
	exit(0);
}
