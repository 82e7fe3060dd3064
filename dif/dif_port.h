/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * The one place where dif/ chooses between the kernel and the C library.
 * Every other dif/ file includes this header instead of system headers, so
 * the same sources build into dtrace.ko, libtrace, the tests and the fuzz
 * targets.  Only what both worlds can offer appears here: fixed-width
 * types (the kernel's <linux/types.h> has the <stdint.h> names),
 * memcpy/memset/memcmp, branch hints and the two atomics the
 * dynamic-variable store needs.
 */
#ifndef DIF_PORT_H
#define DIF_PORT_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/string.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/atomic.h>

#define DIF_UINT32_MAX		U32_MAX

#else /* userland */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <linux/types.h>

#define DIF_UINT32_MAX		UINT32_MAX
#ifndef likely
#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#endif
#ifndef READ_ONCE
#define READ_ONCE(x)		__atomic_load_n(&(x), __ATOMIC_RELAXED)
#define WRITE_ONCE(x, v)	__atomic_store_n(&(x), (v), __ATOMIC_RELAXED)
#endif
#endif

/*
 * Compare-and-swap of a pointer-sized word with full ordering: returns the
 * value found, which equals `old` when the swap happened.
 */
static inline uintptr_t dif_cas(uintptr_t *p, uintptr_t old, uintptr_t new)
{
#ifdef __KERNEL__
	return cmpxchg(p, old, new);
#else
	__atomic_compare_exchange_n(p, &old, new, false, __ATOMIC_SEQ_CST,
				    __ATOMIC_SEQ_CST);
	return old;
#endif
}

/* A full memory barrier. */
static inline void dif_mb(void)
{
#ifdef __KERNEL__
	smp_mb();
#else
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
#endif
}

#define DIF_ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#endif /* DIF_PORT_H */
