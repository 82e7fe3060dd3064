/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/* Asserts: a built-in variable's object may not be written. */
BEGIN { curthread->pid = 1; }
