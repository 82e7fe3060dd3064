/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: stack(), ustack() and jstack(), with and without a depth, are
 * aggregation keys, alone and mixed with other keys, and printa()'s %k
 * takes them.
 */
profile-99
{
	@[stack()] = count();
	@k[execname, stack(5), pid] = count();
	@u[ustack()] = count();
	@j[execname, ustack(4), jstack(3, 100)] = sum(1);
}

END
{
	printa("%k %@d\n", @);
	printa("%s %-20k %d %@d\n", @k);
}
