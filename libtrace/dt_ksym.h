/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Kernel symbolization for stack(), sym(), func(), mod() and caller
 * output: addresses to `module`function+0xoff`, from /proc/kallsyms.  See
 * libtrace/dt_ksym.c.
 */
#ifndef DT_KSYM_H
#define DT_KSYM_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

typedef struct dt_ksyms dt_ksyms_t;

/*
 * Load a kallsyms-format file (NULL: /proc/kallsyms).  NULL on failure,
 * with errno set; a file without addresses (kptr_restrict, not root)
 * loads but symbolizes nothing.
 */
dt_ksyms_t *dt_ksym_open(const char *path);
void dt_ksym_close(dt_ksyms_t *ks);

/*
 * The symbol containing addr: 0 with its module ("vmlinux" for the core
 * kernel), name and the offset of addr in it; -1 when none does.
 */
int dt_ksym_lookup(const dt_ksyms_t *ks, uint64_t addr, const char **mod,
		   const char **name, uint64_t *off);

/*
 * The symbol called name (in module mod, NULL: the first of any module):
 * 0 with its address (0 when kallsyms hides addresses) and kallsyms type
 * letter, -1 when there is none.
 */
int dt_ksym_byname(const dt_ksyms_t *ks, const char *mod, const char *name,
		   uint64_t *addrp, char *typep);

/*
 * DTrace's spellings, NUL-terminated in buf (truncated to len); each
 * returns the length it wanted, like snprintf:
 *   dt_ksym_addr: "module`function+0xoff", "module`function" at offset 0,
 *                 "0xaddr" when unknown (stack(), caller with %a);
 *   dt_ksym_sym:  "module`function" (sym(), func()), "0xaddr" unknown;
 *   dt_ksym_mod:  "module" (mod()), "0xaddr" unknown.
 */
int dt_ksym_addr(const dt_ksyms_t *ks, uint64_t addr, char *buf, size_t len);
int dt_ksym_sym(const dt_ksyms_t *ks, uint64_t addr, char *buf, size_t len);
int dt_ksym_mod(const dt_ksyms_t *ks, uint64_t addr, char *buf, size_t len);

/*
 * What a sym() or func() aggregation key keeps of addr (mod: a mod()
 * key), so that every address of one function (module) is one key, as
 * in DTrace: the function's first address (the first of its module's
 * symbols); addr itself when unknown.
 */
uint64_t dt_ksym_keyaddr(const dt_ksyms_t *ks, uint64_t addr, int mod);

/*
 * The running kernel's table, loaded from /proc/kallsyms on first use
 * and kept for the life of the process (NULL if it cannot be read).
 * DTRACE_KALLSYMS names another file (tests on a build host whose kernel
 * lists no data symbols).
 */
const dt_ksyms_t *dt_ksym_kernel(void);

/*
 * Print a stack() record as DTrace does: a newline, then each frame up
 * to the first zero, indented by indent spaces, one per line.
 */
void dt_ksym_print_stack(FILE *fp, const uint64_t *pcs, size_t n,
			 int indent);

#endif /* DT_KSYM_H */
