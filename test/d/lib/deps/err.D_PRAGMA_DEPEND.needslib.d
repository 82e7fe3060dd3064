/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * A library file that depends on another (tst.okdep.d, loaded first:
 * LIBZ reads its LIBY).  Compiled alone, as a main program, it fails:
 * a main program may not depend on a library.
 */
#pragma D depends_on library tst.okdep.d

inline int LIBZ = LIBY + 1;
