/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: errors after cpp keep the script's line numbers.
 * @@args: -C
 */
#define X 1

BEGIN { x = X + ; }
