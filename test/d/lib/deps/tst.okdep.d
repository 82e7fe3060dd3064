/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * A library file (for tst.libdep.d) whose dependency is met: the dtrace
 * provider is always there.  Compiled alone, it is a program that
 * depends on the provider, and compiles.
 */
#pragma D depends_on provider dtrace

inline int LIBY = 2;
