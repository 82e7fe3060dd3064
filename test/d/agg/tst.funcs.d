/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: every aggregating function with its argument forms.
 */
BEGIN
{
	@c = count();
	@s = sum(arg0);
	@a = avg(arg0);
	@mn = min(arg0);
	@mx = max(arg0);
	@sd = stddev(arg0);
	@q = quantize(arg0);
	@qi = quantize(arg0, 10);
	@l = lquantize(arg0, 0, 100, 10);
	@li = lquantize(arg0, -10, 10, 1, 5);
	@ll = llquantize(arg0, 10, 0, 6, 20);
	@lli = llquantize(arg0, 2, 0, 10, 4, 3);
}
