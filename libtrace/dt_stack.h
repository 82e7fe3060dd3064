/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Printing stack records, kernel (stack()) and user (ustack()), as
 * dtrace(1M) prints them: in trace output, as aggregation keys and
 * through printa()'s %k.  See libtrace/dt_stack.c.
 */
#ifndef DT_STACK_H
#define DT_STACK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The indentation of a stack's frames unless %k says otherwise. */
#define DT_STACK_INDENT	14

/*
 * A newline, then one line per frame up to the first zero pc: indent
 * spaces and the frame's `module`function+0xoff` through fmt (NULL:
 * "%s").  A kernel stack is nwords pcs; a user stack (user != 0) is the
 * pid, then nwords - 1 pcs.
 */
void dt_stack_print(FILE *fp, const char *fmt, int user,
		    const uint64_t *words, size_t nwords, int indent);

/* The pids of the user stacks in an aggregation key, grabbed while
 * they live (libtrace/dt_usym.c). */
void dt_stack_grab(const uint64_t *words);

#endif /* DT_STACK_H */
