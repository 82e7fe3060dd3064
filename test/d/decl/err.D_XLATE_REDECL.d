/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a translator defines each member once.
 */
struct out { int o_x; };
translator struct out < struct task_struct *T > { o_x = T->pid; o_x = 1; };
