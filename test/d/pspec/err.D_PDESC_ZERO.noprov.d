/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a provider that does not exist matches no probes.
 */
nosuchprovider:::entry { }
