/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a member must exist in the struct.
 */
BEGIN { trace(curthread->no_such_member); }
