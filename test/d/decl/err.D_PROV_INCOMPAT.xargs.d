/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a provider defined again must give its probes the same translated arguments.
 */
provider myapp { probe a(int) : (int); };
provider myapp { probe a(int) : (int, int); };
