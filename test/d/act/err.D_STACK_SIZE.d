/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: stack()'s depth is a positive constant.
 */
BEGIN { stack(arg0); }
