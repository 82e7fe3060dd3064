/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: a probe name with "__" is the one with "-": two spellings of one name are a duplicate.
 */
provider myapp {
	probe query__start(int);
	probe query__start(char *);
	probe query_start(int);
};
