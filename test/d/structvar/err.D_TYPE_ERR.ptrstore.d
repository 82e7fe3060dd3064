/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a store through a pointer (which DTrace allows into scratch
 * and variables) is refused clearly: only stores into D variables and
 * their members are compiled.
 */
struct pt { int x, y; };

BEGIN { this->p = (struct pt *)alloca(sizeof (struct pt)); this->p->x = 1; }
