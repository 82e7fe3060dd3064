/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a library file's "depends_on library" loads that file first
 * (LIBZ = LIBY + 1 across two files of test/d/lib/deps).
 * @@args: -xlibdir=test/d/lib/deps
 */
BEGIN
{
	trace(LIBZ);
}
