/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: referring to a missing argument is an error.
 */
BEGIN { trace($1); }
