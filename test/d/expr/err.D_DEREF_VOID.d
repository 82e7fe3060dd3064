/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a void pointer may not be dereferenced.
 */
BEGIN { trace(*(void *)arg0); }
