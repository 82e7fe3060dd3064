/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: struct, union and enum definitions with bitfields and nested types.
 */
struct point {
	int x, y;
	unsigned int flag : 1;
	unsigned int : 3;
	struct point *next;
	union {
		int i;
		char c[4];
	} u;
};

union u2 {
	long l;
	struct point p;
};

enum color { RED, GREEN = 5, BLUE, };

struct point pt;

BEGIN
{
	trace(GREEN);
	trace(sizeof (struct point));
}
