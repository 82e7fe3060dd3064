/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: xlate needs a translator from the input's type to the output.
 */
struct out { int o_x; };
BEGIN { trace(xlate <struct out *> (curthread)->o_x); }
