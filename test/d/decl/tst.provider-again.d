/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a provider may be defined again with the same probes ((void) is no argument).
 */
provider myapp { probe a(int, char *); probe b(void); probe c(int) : (long); };
provider myapp { probe a(int, char *); probe b(); probe c(int) : (long); };
