/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: the dtrace provider has only BEGIN, END and ERROR.
 */
dtrace:::START { }
