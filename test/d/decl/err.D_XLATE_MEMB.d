/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a translator member must be a member of the output type.
 */
struct out { int o_x; };
translator struct out < struct task_struct *T > { o_y = T->pid; };
