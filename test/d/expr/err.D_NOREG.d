/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: an expression needing more than the 15 registers is refused.
 */
BEGIN { a = 1; trace(a + (a + (a + (a + (a + (a + (a + (a + (a + (a + (a + (a + (a + (a + (a + (a)))))))))))))))); }
