/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: -xempty accepts an empty program.
 * @@args: -xempty
 */

