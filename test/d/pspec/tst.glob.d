/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: descriptions may use *, ? and [...] globs and empty components.
 */
syscall::read*:entry { }
syscall::?rite:entry { }
syscall::[rw]*:return { }
sys*:::entry { }
fbt:::entry { }
