/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: predicates: expressions between slashes, division inside them.
 */
syscall::read:entry
/pid != 0 && execname == "sshd" || arg0 / 2 > 1/
{
}

BEGIN /1/ { }
BEGIN
/ (1 + 2) * 3 /
{
}
