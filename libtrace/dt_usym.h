/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * User-space symbolization for usym(), ufunc(), umod(), uaddr() and
 * printf's %A: a process's address to `object`symbol+0xoff`, through
 * /proc/PID/maps and the mapped object's ELF symbol tables.  See
 * libtrace/dt_usym.c.
 */
#ifndef DT_USYM_H
#define DT_USYM_H
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/*
 * The object mapped at addr in process pid (its base name) and, when a
 * symbol contains addr, the symbol's name and value.  Returns 2 with
 * both, 1 with the object only, 0 when nothing is known (the process is
 * gone, or addr is not mapped from a file).
 */
int dt_usym_lookup(pid_t pid, uint64_t addr, char *obj, size_t objlen,
		   char *sym, size_t symlen, uint64_t *symaddr);

/*
 * DTrace's spellings, NUL-terminated in buf:
 *   dt_usym_addr: "obj`sym+0xoff", "obj`sym", "obj`0xaddr" or "0xaddr"
 *                 (uaddr(), %A);
 *   dt_usym_sym:  the same for the symbol's start (usym(), ufunc());
 *   dt_usym_mod:  "obj" or "0xaddr" (umod()).
 */
void dt_usym_addr(pid_t pid, uint64_t addr, char *buf, size_t len);
void dt_usym_sym(pid_t pid, uint64_t addr, char *buf, size_t len);
void dt_usym_mod(pid_t pid, uint64_t addr, char *buf, size_t len);

#endif /* DT_USYM_H */
