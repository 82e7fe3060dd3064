/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: this file is broken (run as a test, and loaded as a library
 * by ../err.D_SYNTAX.libdir.d).
 */
inline int broken = ;
