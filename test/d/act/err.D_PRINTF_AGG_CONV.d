/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: %@ belongs to printa().
 */
BEGIN { printf("%@d\n", 1); }
