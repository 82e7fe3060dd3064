/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: this-> variables live in one clause.
 */
BEGIN { this->x = 1; }
END { trace(this->x); }
