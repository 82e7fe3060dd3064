/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: -Z lets a description match no probes.
 * @@args: -Z
 */
nosuchprovider:::nosuchprobe { }
