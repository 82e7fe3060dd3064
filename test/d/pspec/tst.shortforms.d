/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: short probe descriptions fill components from the name leftwards,
 * and several descriptions may share a clause.
 */
syscall::read:entry,
syscall::write:entry
{
}

read:entry { }
::read:entry { }
fbt::vfs_read:return { }
:::BEGIN { }
