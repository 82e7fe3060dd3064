/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: #pragma D option needs an option.
 */
#pragma D option
BEGIN { }
