/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an unknown option is an error.
 */
#pragma D option nosuchoption
BEGIN { }
