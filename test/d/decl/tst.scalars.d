/* SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later */
/*
 * Asserts: scalar declarations of D's integer types and strings.
 */
int a;
char b;
short c;
long d;
long long e;
unsigned int f;
signed char g;
unsigned long long h;
uint64_t i;
int32_t j;
string k;
int *p, **pp;
int arr[4];
void *vp;
const char *cp;

BEGIN
{
	a = 1;
	k = "x";
	arr[1] = 2;
}
