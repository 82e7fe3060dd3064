/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a provider defined again may not add a probe.
 */
provider myapp { probe a(int); };
provider myapp { probe b(int); };
