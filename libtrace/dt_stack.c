// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Stack records, printed as dtrace(1M) prints them.
 *
 * Theory.  A kernel stack record (stack(n), as an action or an
 * aggregation key) is n return addresses, innermost first, zero-padded;
 * a user stack record (ustack(n)) is the pid, then n addresses, the
 * first being the user pc (kernel/dtk_stack.c says how they are
 * walked).  Printing is DTrace's dt_print_stack()/dt_print_ustack(): a
 * newline, then per frame up to the first zero an indentation (14
 * spaces, or what printa()'s %-Nk asks) and the frame's name through
 * the conversion's format: `module`function+0xoff`, `module`function`
 * at offset 0, `module`0xaddr` in a module without a symbol there, or
 * 0xaddr.  Kernel names come from libtrace/dt_ksym.c, user names from
 * libtrace/dt_usym.c.
 */
#include <sys/types.h>

#include "dt_ksym.h"
#include "dt_stack.h"
#include "dt_usym.h"

void dt_stack_print(FILE *fp, const char *fmt, int user,
		    const uint64_t *words, size_t nwords, int indent)
{
	const dt_ksyms_t *ks = user ? NULL : dt_ksym_kernel();
	pid_t pid = 0;
	char buf[1024];
	size_t i;

	if (user) {
		if (nwords == 0)
			return;
		pid = (pid_t)words[0];
		words++;
		nwords--;
	}
	fputc('\n', fp);
	for (i = 0; i < nwords && words[i]; i++) {
		if (user)
			dt_usym_addr(pid, words[i], buf, sizeof(buf));
		else
			dt_ksym_addr(ks, words[i], buf, sizeof(buf));
		fprintf(fp, "%*s", indent, "");
		fprintf(fp, fmt ? fmt : "%s", buf);
		fputc('\n', fp);
	}
}

void dt_stack_grab(const uint64_t *words)
{
	dt_usym_grab((pid_t)words[0]);
}
