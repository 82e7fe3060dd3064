/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: #pragma error stops the compilation with its text.
 */
#pragma error this script is not finished
BEGIN { }
