/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: bit-fields of user and kernel structs are read with shifts.
 */
struct flags {
	unsigned int a : 3;
	unsigned int b : 5;
	int c : 4;
};

BEGIN
{
	trace(((struct flags *)arg0)->b);
	trace(((struct flags *)arg0)->c);
	trace(((struct sk_buff *)arg1)->cloned);
}
