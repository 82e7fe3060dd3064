/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: normalize() without its divisor is D_NORMALIZE_PROTO (not D_PROTO_LEN).
 */
BEGIN { @a = count(); normalize(@a); }
