/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: pid<N> names the pid provider of process N, and $1 may build it.
 * @@operands: 1234
 */
pid$1::malloc:entry { }
pid42:libc.so.6:free:entry { }
