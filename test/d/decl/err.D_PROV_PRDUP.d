/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a provider may not declare a probe twice.
 */
provider myapp {
	probe query__start(int);
	probe query__start(int);
};
