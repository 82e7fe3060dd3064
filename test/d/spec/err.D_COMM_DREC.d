/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: commit() may not follow a data-recording action.
 */
BEGIN { trace(1); commit(1); }
