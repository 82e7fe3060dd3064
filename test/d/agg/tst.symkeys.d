/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: sym(), func(), mod(), usym(), ufunc(), umod() and uaddr() are
 * aggregation keys, alone and mixed with other keys; each key's DIF
 * object computes the address and its argument action says which
 * function made it (the -S headings), so the consumer prints it
 * symbolized; printa()'s %a and %A take them.
 */
profile-97
{
	@f[func(arg0)] = count();
	@s[sym(arg0 + 1), execname] = count();
	@m[mod(arg0)] = count();
	@u[pid, usym(arg1)] = count();
	@uf[ufunc(arg1)] = count();
	@um[umod(arg1)] = count();
	@ua[uaddr(arg1)] = count();
}

END
{
	printa("%a %@d\n", @f);
	printa("%-20a %@d\n", @m);
	printa("%d %A %@d\n", @u);
}
