/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: globals of struct, union and scalar-array type are declared,
 * assigned whole from one of the same type, and read and written by
 * member and element (t_dt_cg runs the same shapes on the DIF test host).
 */
struct pt { int x, y; unsigned int flag : 1; };
union num { long l; char c[8]; };

struct pt p;
struct pt q;
union num n;
int arr[5];

BEGIN
{
	p.x = 1;
	p.y += 2;
	p.flag = 1;
	p.x++;
	q = p;
	n.l = 0x41;
	arr[0] = q.x;
	arr[p.y] = arr[0] + 1;
	r = q;			/* a new variable takes the struct's type */
	trace(r.x + r.y);
	trace(n.c[0]);
	trace(arr[2]);
	trace(p);		/* a struct is traced as its bytes */
	print(q);
	trace(&p.y != 0);	/* the address of a member */
}
