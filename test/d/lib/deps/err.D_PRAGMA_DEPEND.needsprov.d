/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * A library file whose provider is not there: left out, silently, so
 * LIBX is undefined (err.D_IDENT_UNDEF.libskip.d).  Compiled alone, it
 * fails: the program requires the provider.
 */
#pragma D depends_on provider nosuchprovider

inline int LIBX = 1;
