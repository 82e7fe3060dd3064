/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: '' is not a character constant.
 */
BEGIN { x = ''; }
