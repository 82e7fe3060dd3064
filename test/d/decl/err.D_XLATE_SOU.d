/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a translator's output is a struct or union.
 */
translator int < struct task_struct *T > { x = T->pid; };
