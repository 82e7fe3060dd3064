/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a comment must end before the input does.
 */
BEGIN { } /* no end
