/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: data-recording actions may not follow commit().
 */
BEGIN { commit(1); trace(1); }
