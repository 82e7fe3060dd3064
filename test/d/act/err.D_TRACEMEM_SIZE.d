/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: tracemem()'s size is a positive constant.
 */
BEGIN { tracemem(arg0, arg1); }
