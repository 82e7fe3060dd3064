/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: self-> variables must be assigned before they are read.
 */
BEGIN { trace(self->nope); }
