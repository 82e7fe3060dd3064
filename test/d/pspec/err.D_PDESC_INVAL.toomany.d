/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: five components are one too many.
 */
a:b:c:d:e { }
