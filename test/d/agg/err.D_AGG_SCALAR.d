/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: aggregating functions take scalars.
 */
BEGIN { @a = sum("string"); }
