/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a library directory given with -xlibdir is loaded for a
 * program that names what it declares, and an error in one of its files
 * fails the compilation (with that file's tag; t-core-xlate checks that
 * the message names the file).
 * @@args: -xlibdir=test/d/xlate/badlib
 */
BEGIN
{
	trace(broken);
	exit(0);
}
