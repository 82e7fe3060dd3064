/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: xlate of a member the translator does not define is an error.
 */
struct out { int o_x; int o_y; };
translator struct out < struct task_struct *T > { o_x = T->pid; };
BEGIN { trace(xlate <struct out *> (curthread)->o_y); }
