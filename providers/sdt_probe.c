// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * PROBE CONTEXT: the rules of DESIGN.md apply in this file.
 *
 * The sdt provider's tracepoint callbacks (theory at the top of
 * providers/sdt.c).  Tracepoints call them with preemption disabled.
 *
 * A tracepoint calls its probes as C calls them: the data pointer, then
 * its own arguments, the first five in registers on x86-64 and the rest
 * on the caller's stack.  So there is one callback per arity, declaring
 * exactly as many arguments as the tracepoint passes, and never reading
 * a stack slot its caller did not fill: a callback that declared more
 * would read past the caller's arguments, and off the top of the stack
 * when the tracepoint is near it (an interrupt or entry stack: an oops,
 * seen with every sdt probe enabled).  Arguments beyond the arity read 0.
 */
#include "sdt_impl.h"

#define SDT_FIRE(...)							\
	do {								\
		u64 a[DTK_NARGS] = { __VA_ARGS__ };			\
									\
		dtk_probe_argv(((struct sdt_probe *)data)->sp_id, a);	\
	} while (0)

static void sdt_cb0(void *data)
{
	SDT_FIRE(0);
}

static void sdt_cb1(void *data, u64 a0)
{
	SDT_FIRE(a0);
}

static void sdt_cb2(void *data, u64 a0, u64 a1)
{
	SDT_FIRE(a0, a1);
}

static void sdt_cb3(void *data, u64 a0, u64 a1, u64 a2)
{
	SDT_FIRE(a0, a1, a2);
}

static void sdt_cb4(void *data, u64 a0, u64 a1, u64 a2, u64 a3)
{
	SDT_FIRE(a0, a1, a2, a3);
}

static void sdt_cb5(void *data, u64 a0, u64 a1, u64 a2, u64 a3, u64 a4)
{
	SDT_FIRE(a0, a1, a2, a3, a4);
}

static void sdt_cb6(void *data, u64 a0, u64 a1, u64 a2, u64 a3, u64 a4,
		    u64 a5)
{
	SDT_FIRE(a0, a1, a2, a3, a4, a5);
}

static void sdt_cb7(void *data, u64 a0, u64 a1, u64 a2, u64 a3, u64 a4,
		    u64 a5, u64 a6)
{
	SDT_FIRE(a0, a1, a2, a3, a4, a5, a6);
}

static void sdt_cb8(void *data, u64 a0, u64 a1, u64 a2, u64 a3, u64 a4,
		    u64 a5, u64 a6, u64 a7)
{
	SDT_FIRE(a0, a1, a2, a3, a4, a5, a6, a7);
}

static void sdt_cb9(void *data, u64 a0, u64 a1, u64 a2, u64 a3, u64 a4,
		    u64 a5, u64 a6, u64 a7, u64 a8)
{
	SDT_FIRE(a0, a1, a2, a3, a4, a5, a6, a7, a8);
}

static void sdt_cb10(void *data, u64 a0, u64 a1, u64 a2, u64 a3, u64 a4,
		     u64 a5, u64 a6, u64 a7, u64 a8, u64 a9)
{
	SDT_FIRE(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9);
}

void *const sdt_cbs[DTK_NARGS + 1] = {
	sdt_cb0, sdt_cb1, sdt_cb2, sdt_cb3, sdt_cb4, sdt_cb5,
	sdt_cb6, sdt_cb7, sdt_cb8, sdt_cb9, sdt_cb10,
};
