/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: provider definitions, as USDT .d files have them.
 */
provider myapp {
	probe query__start(char *, int);
	probe query__done(int status);
	probe mapped(int) : (int);
	probe noargs();
};
