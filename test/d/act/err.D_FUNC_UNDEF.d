/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: calling a function that does not exist is an error.
 */
BEGIN { nosuchfunction(1); }
