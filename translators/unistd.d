/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Constants of D itself: the fault codes the ERROR probe gives in arg4
 * (include/dtrace/dif.h has the list; the numbers are DTrace's), NULL,
 * and the boolean_t values.
 *
 *	ERROR /arg4 == DTRACEFLT_BADADDR/ { printf("bad address %p\n", arg5); }
 */

inline int DTRACEFLT_UNKNOWN = 0;	/* an unknown fault */
inline int DTRACEFLT_BADADDR = 1;	/* an invalid address */
inline int DTRACEFLT_BADALIGN = 2;	/* a misaligned address */
inline int DTRACEFLT_ILLOP = 3;		/* an illegal operation */
inline int DTRACEFLT_DIVZERO = 4;	/* a division by zero */
inline int DTRACEFLT_NOSCRATCH = 5;	/* scratch space exhausted */
inline int DTRACEFLT_KPRIV = 6;		/* a kernel access not allowed */
inline int DTRACEFLT_UPRIV = 7;		/* a user access not allowed */
inline int DTRACEFLT_TUPOFLOW = 8;	/* the tuple stack overflowed */
inline int DTRACEFLT_BADSTACK = 9;	/* a bad stack */

inline void *NULL = 0;

typedef int boolean_t;
inline boolean_t B_FALSE = 0;
inline boolean_t B_TRUE = 1;
