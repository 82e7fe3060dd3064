/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * User symbolization: addresses of a process to DTrace's
 * `module`function+0xoff`, from /proc/PID/maps and the ELF symbol tables
 * of the mapped files.  The one place for it in libtrace (ustack(), and
 * usym()/umod()/uaddr()/%A where they need it).  See libtrace/dt_usym.c.
 */
#ifndef DT_USYM_H
#define DT_USYM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/*
 * Read pid's mappings now, while it lives, so that its addresses can
 * still be symbolized after it has exited (the table is kept for the
 * life of the process running libtrace).
 */
void dt_usym_grab(pid_t pid);

/*
 * The symbol containing addr in pid: 0 with the mapped object's basename
 * ("libc.so.6"), the symbol's name (NULL when the object has none there)
 * and the offset of addr in it; -1 when addr is in no file mapping known.
 */
int dt_usym_lookup(pid_t pid, uint64_t addr, const char **obj,
		   const char **name, uint64_t *off);

/*
 * DTrace's spellings, NUL-terminated in buf (truncated to len); each
 * returns the length it wanted, like snprintf:
 *   dt_usym_addr: "obj`function+0xoff", "obj`function" at offset 0,
 *                 "obj`0xaddr" without a symbol, "0xaddr" unknown
 *                 (ustack() frames, uaddr());
 *   dt_usym_sym:  "obj`function" (usym(), ufunc()), else as above;
 *   dt_usym_mod:  "obj" (umod()), "0xaddr" unknown.
 */
int dt_usym_addr(pid_t pid, uint64_t addr, char *buf, size_t len);
int dt_usym_sym(pid_t pid, uint64_t addr, char *buf, size_t len);
int dt_usym_mod(pid_t pid, uint64_t addr, char *buf, size_t len);

/*
 * What a usym() or ufunc() aggregation key keeps of addr in pid (mod: a
 * umod() key), so that every address of one function (mapping) is one
 * key, as in DTrace: the function's first address (the mapping's start);
 * addr itself when unknown.
 */
uint64_t dt_usym_keyaddr(pid_t pid, uint64_t addr, int mod);
#endif /* DT_USYM_H */
