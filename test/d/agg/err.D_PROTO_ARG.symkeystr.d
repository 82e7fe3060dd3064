/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a sym() key takes an address, not a string.
 */
BEGIN { @a[sym("vfs_read")] = count(); }
