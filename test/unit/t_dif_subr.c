// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Every DIF subroutine, with DTrace's semantics and the malformed inputs:
 * NULL and wild pointers, unterminated strings (cut at strsize), huge
 * lengths, negative indexes, strings that do not fit strsize.
 */
#include <stdio.h>
#include <arpa/inet.h>
#include "t_dif.h"

static char t_prog[8192];

/* Append "load arg into %rN; pushtv" for a string or an integer. */
static size_t t_arg(size_t n, int reg, const char *s, int64_t v)
{
	if (s != NULL)
		return n + (size_t)snprintf(t_prog + n, sizeof(t_prog) - n,
					    "sets %%r%d, \"%s\"\n", reg, s);
	return n + (size_t)snprintf(t_prog + n, sizeof(t_prog) - n,
				    "setx %%r%d, %lld\n", reg, (long long)v);
}

/* Call subr with up to three arguments: strings if s[i], else v[i]. */
static struct t_run t_call(const char *subr, int nargs, const char *s0,
			   int64_t v0, const char *s1, int64_t v1,
			   const char *s2, int64_t v2)
{
	size_t n = 0;
	int i;

	n = t_arg(n, 1, s0, v0);
	n = t_arg(n, 2, s1, v1);
	n = t_arg(n, 3, s2, v2);
	for (i = 1; i <= nargs; i++)
		n += (size_t)snprintf(t_prog + n, sizeof(t_prog) - n,
				      "pushtv %%r%d\n", i);
	snprintf(t_prog + n, sizeof(t_prog) - n, "call %%r4, %s\nret %%r4\n", subr);
	dif_testhost_clause(t_th);
	return t_run(t_prog);
}

static const char *t_s(struct t_run r)
{
	if (r.r_check != 0 || r.r_fault != 0)
		return "(fault)";
	return r.r_val ? (const char *)(uintptr_t)r.r_val : "(null)";
}

#define S1(f, a)		t_s(t_call(f, 1, a, 0, NULL, 0, NULL, 0))
#define S2(f, a, b)		t_s(t_call(f, 2, a, 0, b, 0, NULL, 0))
#define S2I(f, a, i)		t_s(t_call(f, 2, a, 0, NULL, i, NULL, 0))
#define S3I(f, a, i, j)		t_s(t_call(f, 3, a, 0, NULL, i, NULL, j))
#define V1(f, a)		t_call(f, 1, a, 0, NULL, 0, NULL, 0).r_val
#define V2(f, a, b)		t_call(f, 2, a, 0, b, 0, NULL, 0).r_val
#define V3(f, a, b, i)		t_call(f, 3, a, 0, b, 0, NULL, i).r_val
#define N1(f, x)		t_call(f, 1, NULL, x, NULL, 0, NULL, 0).r_val

static void test_strings(void)
{
	struct t_run r;

	is_int(V1("strlen", "hello"), 5, "strlen");
	is_int(V1("strlen", ""), 0, "strlen empty");
	is_str(S2("strjoin", "foo", "bar"), "foobar", "strjoin");
	is_str(S2("strjoin", "", ""), "", "strjoin empty");
	is_str(S2I("substr", "hello", 1), "ello", "substr(s, 1)");
	is_str(S3I("substr", "hello", 1, 3), "ell", "substr(s, 1, 3)");
	is_str(S2I("substr", "hello", -2), "lo", "substr negative index");
	is_str(S3I("substr", "hello", -7, 3), "h", "substr index before start");
	is_str(S2I("substr", "hello", -7), "hello", "substr index before start, no length");
	is_str(S3I("substr", "hello", 1, -1), "ell", "substr negative length");
	is_str(S2I("substr", "hello", 9), "", "substr past the end");
	is_str(S3I("substr", "hello", 2, 0x7fffffff), "llo", "substr huge length");
	is_int(V2("index", "hello", "l"), 2, "index");
	is_int(V2("index", "hello", "z"), -1, "index absent");
	is_int(V3("index", "hello", "l", 3), 3, "index from 3");
	is_int(V3("index", "hello", "l", -5), 2, "index negative start");
	is_int(V3("index", "hello", "l", 10), -1, "index start past end");
	is_int(V2("index", "hello", ""), 0, "index of empty");
	is_int(V2("rindex", "hello", "l"), 3, "rindex");
	is_int(V3("rindex", "hello", "l", 2), 2, "rindex from 2");
	is_int(V3("rindex", "hello", "l", 1), -1, "rindex before any");
	is_int(V2("index", "ab", "abc"), -1, "index of a longer string");
	is_int(V3("rindex", "abc", "", -1), 0, "rindex of \"\" before the start is 0 (Perl)");
	is_int(V3("index", "abc", "", 9), 3, "index of \"\" past the end is the length (Perl)");
	is_int(V3("rindex", "", "", -5), 0, "rindex(\"\", \"\") is 0 whatever the position");
	r = t_call("strchr", 2, "hello", 0, NULL, 'l', NULL, 0);
	is_str(t_s(r), "llo", "strchr points into the argument");
	r = t_call("strrchr", 2, "hello", 0, NULL, 'l', NULL, 0);
	is_str(t_s(r), "lo", "strrchr");
	is_int(t_call("strchr", 2, "hello", 0, NULL, 'z', NULL, 0).r_val, 0, "strchr absent");
	is_str(t_s(t_call("strchr", 2, "hello", 0, NULL, 0, NULL, 0)), "",
	       "strchr of NUL: the string's end");
	is_str(S2("strstr", "hello", ""), "hello", "strstr of \"\": the string");
	is_str(S2("strstr", "hello", "ll"), "llo", "strstr");
	is_str(S2("strstr", "hello", "lx"), "(null)", "strstr absent");
	is_str(S1("toupper", "Hello, World 1"), "HELLO, WORLD 1", "toupper");
	is_str(S1("tolower", "Hello, World 1"), "hello, world 1", "tolower");
	is_int(V1("strtoll", "  -123xyz"), -123, "strtoll");
	is_int(V1("strtoll", "9223372036854775807"), INT64_MAX, "strtoll max");
	is_int(t_call("strtoll", 2, "0x1F", 0, NULL, 16, NULL, 0).r_val, 31, "strtoll base 16 with 0x");
	is_int(t_call("strtoll", 2, "z", 0, NULL, 36, NULL, 0).r_val, 35, "strtoll base 36");
	is_int(t_call("strtoll", 2, "1", 0, NULL, 37, NULL, 0).r_fault, DIF_FLT_ILLOP,
	       "strtoll base 37 is illegal");
	is_int(V1("strtoll", ""), 0, "strtoll empty");
}

static void test_lltostr(void)
{
	is_str(t_s(t_call("lltostr", 1, NULL, -42, NULL, 0, NULL, 0)), "-42", "lltostr negative");
	is_str(t_s(t_call("lltostr", 1, NULL, 0, NULL, 0, NULL, 0)), "0", "lltostr 0");
	is_str(t_s(t_call("lltostr", 1, NULL, INT64_MIN, NULL, 0, NULL, 0)),
	       "-9223372036854775808", "lltostr INT64_MIN");
	is_str(t_s(t_call("lltostr", 2, NULL, 255, NULL, 16, NULL, 0)), "0xff", "lltostr base 16");
	is_str(t_s(t_call("lltostr", 2, NULL, 0, NULL, 16, NULL, 0)), "0x0", "lltostr 0 base 16");
	is_str(t_s(t_call("lltostr", 2, NULL, 8, NULL, 8, NULL, 0)), "010", "lltostr base 8");
	is_str(t_s(t_call("lltostr", 2, NULL, 5, NULL, 2, NULL, 0)), "101", "lltostr base 2");
	is_str(t_s(t_call("lltostr", 2, NULL, -1, NULL, 2, NULL, 0)),
	       "1111111111111111111111111111111111111111111111111111111111111111",
	       "lltostr -1 base 2 is unsigned");
	is_int(t_call("lltostr", 2, NULL, 5, NULL, 0, NULL, 0).r_fault, DIF_FLT_ILLOP,
	       "lltostr base 0 is illegal");
}

static void test_paths(void)
{
	static const char *const cases[][3] = {
		/* path, basename, dirname */
		{ "/usr/lib/libc.so", "libc.so", "/usr/lib" },
		{ "/usr/lib/", "lib", "/usr" },
		{ "usr", "usr", "." },
		{ "/", "/", "/" },
		{ "", ".", "." },
		{ "//a//b//", "b", "//a" },
		{ "/a", "a", "/" },
	};
	/* DTrace's lexical rules, quirks included (see dif_cleanpath). */
	static const char *const clean[][2] = {
		{ "/a/./b/../c", "/a/c" },
		{ "/a//b///c/", "/a/b/c/" },
		{ "/..", "/" },
		{ "/../a", "/a" },
		{ "/a/b/..", "/a" },
		{ "/a/.", "/a/." },
		{ "/a/..b/.c", "/a/..b/.c" },
		{ "a/../b", "/b" },
		{ ".", "." },
		{ "/foo/bar/baz/../../qux", "/foo/qux" },
	};
	size_t i;

	for (i = 0; i < DIF_ARRAY_SIZE(cases); i++) {
		is_str(S1("basename", cases[i][0]), cases[i][1], "basename(\"%s\")", cases[i][0]);
		is_str(S1("dirname", cases[i][0]), cases[i][2], "dirname(\"%s\")", cases[i][0]);
	}
	for (i = 0; i < DIF_ARRAY_SIZE(clean); i++)
		is_str(S1("cleanpath", clean[i][0]), clean[i][1], "cleanpath(\"%s\")", clean[i][0]);
}

static void test_strtok(void)
{
	t_th->th_ms.ms_strtok = 0;
	dif_testhost_clause(t_th);
	is_str(t_str(".rtype string:256\nsets %r1, \",,a,b;;c\"\nsets %r2, \",;\"\n"
		     "pushtv %r1\npushtv %r2\ncall %r3, strtok\n"
		     "pushtv %r0\npushtv %r2\ncall %r4, strtok\n"
		     "pushtv %r0\npushtv %r2\ncall %r5, strtok\n"
		     "pushtv %r0\npushtv %r2\ncall %r6, strtok\nbnz %r6, bad\n"
		     "pushtv %r3\npushtv %r4\ncall %r7, strjoin\n"
		     "pushtv %r7\npushtv %r5\ncall %r7, strjoin\nret %r7\n"
		     "bad: ret %r0\n"),
	       "abc", "strtok walks the tokens, then NULL");
	t_th->th_ms.ms_strtok = 0;
	is_int(t_run(".rtype string:256\nsets %r2, \",\"\npushtv %r0\npushtv %r2\n"
		     "call %r3, strtok\nret %r3\n").r_fault, DIF_FLT_BADADDR,
	       "strtok(NULL) with nothing saved reads address 0, as DTrace");
}

static uint8_t t_v4[4] = { 192, 168, 1, 20 };
static uint8_t t_v6[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
static uint8_t t_v6m[16] = { [10] = 0xff, [11] = 0xff, 10, 0, 0, 1 };
static uint8_t t_v6z[16];
static uint8_t t_v6one[16] = { 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0, 4 };
static uint8_t t_v6single[16] = { 0, 1, 0, 0, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7 };
static uint8_t t_v6compat[16] = { [12] = 1, 2, 3, 4 };
static uint8_t t_v6lo[16] = { [15] = 1 };
static uint8_t t_ib[20] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
			    16, 17, 18, 255 };

static void test_inet(void)
{
	char a[64];

	is_str(t_s(t_call("inet_ntoa", 1, NULL, (uintptr_t)t_v4, NULL, 0, NULL, 0)),
	       "192.168.1.20", "inet_ntoa");
	is_str(t_s(t_call("inet_ntoa6", 1, NULL, (uintptr_t)t_v6, NULL, 0, NULL, 0)),
	       "2001:db8::1", "inet_ntoa6 compresses the zero run");
	is_str(t_s(t_call("inet_ntoa6", 1, NULL, (uintptr_t)t_v6m, NULL, 0, NULL, 0)),
	       "10.0.0.1", "inet_ntoa6 of IPv4-mapped: the IPv4 part (as DTrace)");
	is_str(t_s(t_call("inet_ntop", 2, NULL, AF_INET6, NULL, (uintptr_t)t_v6m, NULL, 0)),
	       "::ffff:10.0.0.1", "inet_ntop of IPv4-mapped");
	is_str(t_s(t_call("inet_ntop", 2, NULL, AF_INET6, NULL, (uintptr_t)t_v6compat, NULL, 0)),
	       "::1.2.3.4", "inet_ntop of IPv4-compatible");
	is_str(t_s(t_call("inet_ntoa6", 1, NULL, (uintptr_t)t_v6lo, NULL, 0, NULL, 0)),
	       "::1", "::1 is not IPv4-compatible");
	is_str(t_s(t_call("inet_ntoa6", 1, NULL, (uintptr_t)t_v6single, NULL, 0, NULL, 0)),
	       "1::2:3:4:5:6:7", "a single zero group is compressed too (RFC 1884, as DTrace)");
	is_str(t_s(t_call("inet_ntoa6", 1, NULL, (uintptr_t)t_v6z, NULL, 0, NULL, 0)),
	       "::", "inet_ntoa6 all zero");
	inet_ntop(AF_INET6, t_v6one, a, sizeof(a));
	is_str(t_s(t_call("inet_ntoa6", 1, NULL, (uintptr_t)t_v6one, NULL, 0, NULL, 0)),
	       a, "inet_ntoa6: the longest zero run, as glibc");
	is_str(t_s(t_call("inet_ntop", 2, NULL, AF_INET, NULL, (uintptr_t)t_v4, NULL, 0)),
	       "192.168.1.20", "inet_ntop AF_INET");
	is_str(t_s(t_call("inet_ntop", 2, NULL, AF_INET6, NULL, (uintptr_t)t_v6, NULL, 0)),
	       "2001:db8::1", "inet_ntop AF_INET6");
	is_int(t_call("inet_ntop", 2, NULL, 99, NULL, (uintptr_t)t_v4, NULL, 0).r_fault,
	       DIF_FLT_ILLOP, "inet_ntop unknown family");
	is_int(t_call("inet_ntoa", 1, NULL, 8, NULL, 0, NULL, 0).r_fault,
	       DIF_FLT_BADADDR, "inet_ntoa of a bad pointer");
	is_str(t_s(t_call("link_ntop", 2, NULL, 1, NULL, (uintptr_t)t_v6, NULL, 0)),
	       "20:01:0d:b8:00:00", "link_ntop Ethernet");
	is_str(t_s(t_call("link_ntop", 2, NULL, 32, NULL, (uintptr_t)t_ib, NULL, 0)),
	       "00:01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f:10:11:12:ff",
	       "link_ntop InfiniBand: 20 bytes");
	is_int(t_call("link_ntop", 2, NULL, 32, NULL, (uintptr_t)t_v6, NULL, 0).r_fault,
	       DIF_FLT_BADADDR, "link_ntop InfiniBand of a 16-byte mapping runs off it");
	is_int(t_call("link_ntop", 2, NULL, 7, NULL, (uintptr_t)t_v6, NULL, 0).r_fault,
	       DIF_FLT_ILLOP, "link_ntop of an unknown type");
}

static void test_bytes(void)
{
	is_int(N1("htons", 0x1234), 0x3412, "htons");
	is_int(N1("ntohs", 0xab1234), 0x3412, "ntohs uses the low 16 bits");
	is_int(N1("htonl", 0x12345678), 0x78563412, "htonl");
	is_int(N1("ntohl", 0x12345678), 0x78563412, "ntohl");
	is_int(N1("htonll", 0x0102030405060708LL), 0x0807060504030201LL, "htonll");
	is_int(N1("ntohll", 0x0102030405060708LL), 0x0807060504030201LL, "ntohll");
	is_int(N1("getmajor", (8 << 20) | 3), 8, "getmajor (kernel dev_t)");
	is_int(N1("getminor", (8 << 20) | 3), 3, "getminor");
}

static void test_json(void)
{
	const char *doc = "{\\\"a\\\": 1, \\\"b\\\": {\\\"c\\\": [10, \\\"x\\\", {\\\"d\\\": true}]},"
			  " \\\"s\\\": \\\"str\\\\\\\"q\\\", \\\"n\\\": null}";

	is_str(S2("json", doc, "a"), "1", "json top-level number");
	is_str(S2("json", doc, "b.c[0]"), "10", "json nested array element");
	is_str(S2("json", doc, "b.c[1]"), "x", "json string without quotes");
	is_str(S2("json", doc, "b.c[2].d"), "true", "json through array and object");
	is_str(S2("json", doc, "s"), "str\\\"q", "json escapes left as written");
	is_str(S2("json", doc, "n"), "null", "json null");
	is_str(S2("json", doc, "b"), "{\"c\": [10, \"x\", {\"d\": true}]}",
	       "json object value: its text, whole");
	is_str(S2("json", doc, "b.c"), "[10, \"x\", {\"d\": true}]", "json array value");
	is_str(S2("json", "[1, [2, 3]]", "1[0]"), "2", "json top-level array by index");
	is_str(S2("json", "{\\\"a\\\": tru}", "a"), "(null)", "json: only true, false, null");
	is_str(S2("json", "{\\\"a\\\": 0x1f}", "a"), "(null)", "json: no hexadecimal");
	is_str(S2("json", doc, "b.c[3]"), "(null)", "json index past the end");
	is_str(S2("json", doc, "zz"), "(null)", "json missing key");
	is_str(S2("json", "{\\\"a\\\": [1, 2", "a[1]"), "(null)",
	       "json: a number cut by the end of the input is NULL (as illumos)");
	is_str(S2("json", "{\\\"a\\\": [1, 2]", "a[1]"), "2", "json: ... but not when followed");
	is_str(S2("json", "{\\\"a\\\": \\\"unterminated", "a"), "(null)", "json unterminated string");
	is_str(S2("json", "]]]", "a"), "(null)", "json garbage");
	is_str(S2("json", "", "a"), "(null)", "json empty");
	is_str(S2("json", "{\\\"a\\\":{\\\"b\\\":1}}", "a[0]"), "(null)", "json index into object");
}

static char t_ubuf[32] = "user string";
static char t_uout[32];

static void test_memory(void)
{
	char p[512];
	struct t_run r;

	snprintf(p, sizeof(p), "setx %%r1, %llu\nmovi %%r2, 4\npushtv %%r1\npushtv %%r2\n"
		 "call %%r3, copyin\nlduw %%r4, [%%r3]\nret %%r4\n",
		 (unsigned long long)(uintptr_t)t_ubuf);
	dif_testhost_clause(t_th);
	is_int(t_val(p), 0x72657375, "copyin (\"user\")");
	snprintf(p, sizeof(p), ".rtype string:256\nsetx %%r1, %llu\npushtv %%r1\n"
		 "call %%r3, copyinstr\nret %%r3\n", (unsigned long long)(uintptr_t)t_ubuf);
	is_str(t_str(p), "user string", "copyinstr");
	snprintf(p, sizeof(p), ".rtype string:256\nsetx %%r1, %llu\nmovi %%r2, 4\npushtv %%r1\n"
		 "pushtv %%r2\ncall %%r3, copyinstr\nret %%r3\n",
		 (unsigned long long)(uintptr_t)t_ubuf);
	is_str(t_str(p), "user", "copyinstr with a length");
	is_int(t_call("copyin", 2, NULL, 64, NULL, 4, NULL, 0).r_fault, DIF_FLT_BADADDR,
	       "copyin of a bad address");
	is_int(t_call("copyin", 2, NULL, (uintptr_t)t_ubuf, NULL, -1, NULL, 0).r_fault,
	       DIF_FLT_NOSCRATCH, "copyin of a huge size: out of scratch");
	is_int(t_call("copyinstr", 1, "kernel string", 0, NULL, 0, NULL, 0).r_fault,
	       DIF_FLT_BADADDR, "copyinstr of a kernel address");
	snprintf(p, sizeof(p), "movi %%r5, 8\nalloc %%r3, %%r5\nsetx %%r1, %llu\nmovi %%r2, 4\n"
		 "pushtv %%r1\npushtv %%r2\npushtv %%r3\ncall %%r4, copyinto\nlduw %%r4, [%%r3]\nret %%r4\n",
		 (unsigned long long)(uintptr_t)t_ubuf);
	is_int(t_val(p), 0x72657375, "copyinto");
	snprintf(p, sizeof(p), "setx %%r1, %llu\nmovi %%r2, 4\npushtv %%r1\npushtv %%r2\n"
		 "pushtv %%r0\ncall %%r4, copyinto\nret %%r4\n",
		 (unsigned long long)(uintptr_t)t_ubuf);
	is_int(t_run(p).r_fault, DIF_FLT_BADADDR, "copyinto a non-scratch destination");
	snprintf(p, sizeof(p), "sets %%r1, \"out!\"\nsetx %%r2, %llu\nmovi %%r3, 5\npushtv %%r1\n"
		 "pushtv %%r2\npushtv %%r3\ncall %%r4, copyout\nret %%r4\n",
		 (unsigned long long)(uintptr_t)t_uout);
	r = t_run(p);
	is_int(r.r_fault, 0, "copyout runs");
	is_str(t_uout, "out!", "copyout wrote user memory");
	snprintf(p, sizeof(p), "sets %%r1, \"longer string\"\nsetx %%r2, %llu\nmovi %%r3, 32\n"
		 "pushtv %%r1\npushtv %%r2\npushtv %%r3\ncall %%r4, copyoutstr\nret %%r4\n",
		 (unsigned long long)(uintptr_t)t_uout);
	t_run(p);
	is_str(t_uout, "longer string", "copyoutstr");
	snprintf(p, sizeof(p), "sets %%r1, \"x\"\nsetx %%r2, %llu\nmovi %%r3, 2\npushtv %%r1\n"
		 "pushtv %%r2\npushtv %%r3\ncall %%r4, copyout\nret %%r4\n",
		 (unsigned long long)(uintptr_t)t_ubuf);
	is_int(t_run(p).r_fault, DIF_FLT_BADADDR, "copyout to read-only user memory");
	is_int(t_run_priv(p, DIF_PRIV_USER).r_check, DIF_CHK_DESTRUCTIVE,
	       "copyout needs -w");
	snprintf(p, sizeof(p), "movi %%r5, 8\nalloc %%r3, %%r5\nsets %%r1, \"abcdefg\"\n"
		 "pushtv %%r1\npushtv %%r3\npushtv %%r5\ncall %%r4, bcopy\nldx %%r4, [%%r3]\nret %%r4\n");
	is_int(t_val(p), 0x0067666564636261LL, "bcopy into scratch");
	is_int(t_call("bcopy", 3, "abc", 0, NULL, 64, NULL, 2).r_fault, DIF_FLT_BADADDR,
	       "bcopy into non-scratch memory");
	is_int(t_val("movi %r1, 24\npushtv %r1\ncall %r2, alloca\nldx %r3, [%r2+16]\nret %r3\n"),
	       0, "alloca gives zeroed scratch");
	r = t_call("memref", 2, NULL, 0x1234, NULL, 16, NULL, 0);
	ok(r.r_fault == 0 && ((uint64_t *)(uintptr_t)r.r_val)[0] == 0x1234 &&
	   ((uint64_t *)(uintptr_t)r.r_val)[1] == 16, "memref is { ptr, len }");
}

static void test_host_services(void)
{
	uint64_t a, b;

	a = t_val("call %r1, rand\nret %r1\n");
	b = t_val("call %r1, rand\nret %r1\n");
	ok(a != b, "rand advances");
	t_th->th_nspec = 2;
	is_int(t_val("call %r1, speculation\nret %r1\n"), 2, "speculation gives an id");
	t_th->th_nspec = 0;
	is_int(t_val("call %r1, speculation\nret %r1\n"), 0, "speculation: none free gives 0");
	t_th->th_bv[DIF_BV_PID] = 100;
	t_th->th_ancestors[0] = 1;
	is_int(N1("progenyof", 1), 1, "progenyof an ancestor");
	is_int(N1("progenyof", 100), 1, "progenyof itself");
	is_int(N1("progenyof", 7), 0, "progenyof a stranger");
}

static void test_limits(void)
{
	char big[400], p[1024];
	struct t_run r;

	/* strsize is 256: strings are cut at 255 characters. */
	memset(big, 'x', 300);
	big[300] = '\0';
	is_int(V1("strlen", big), 255, "strlen is bounded by strsize");
	r = t_call("strjoin", 2, big + 100, 0, big + 100, 0, NULL, 0);
	is_int(r.r_fault, DIF_FLT_NOSCRATCH, "strjoin beyond strsize: out of scratch");
	r = t_call("strjoin", 2, big + 200, 0, big + 100, 0, NULL, 0);
	is_int(r.r_fault, DIF_FLT_NOSCRATCH, "strjoin of 100 + 200 > 255");
	is_int(strlen(S2("strjoin", big + 150, big + 200)), 250, "strjoin of 150 + 100");
	/* An unterminated string in kernel memory: cut at strsize. */
	{
		static char unterminated[512];

		memset(unterminated, 'u', sizeof(unterminated));
		dif_testhost_map(t_th, unterminated, sizeof(unterminated), false, false);
		is_int(t_call("strlen", 1, NULL, (uintptr_t)unterminated, NULL, 0, NULL, 0).r_val,
		       255, "unterminated string: strlen stops at strsize");
		is_int(t_call("strlen", 1, NULL, (uintptr_t)unterminated + 400, NULL, 0, NULL, 0).r_fault,
		       DIF_FLT_BADADDR, "unterminated string running off its mapping faults");
	}
	/* Scratch exhaustion inside a subroutine. */
	snprintf(p, sizeof(p), "setx %%r1, %u\nalloc %%r2, %%r1\nsets %%r3, \"a\"\npushtv %%r3\n"
		 "pushtv %%r3\ncall %%r4, strjoin\nret %%r4\n",
		 (unsigned int)(t_th->th_ms.ms_scratch_size - 100));
	dif_testhost_clause(t_th);
	is_int(t_run(p).r_fault, DIF_FLT_NOSCRATCH, "strjoin with scratch nearly full");
	dif_testhost_clause(t_th);
	r = t_call("substr", 2, NULL, 0, NULL, 1, NULL, 0);
	is_int(r.r_fault, DIF_FLT_BADADDR, "substr(NULL)");
	is_int(r.r_illval, 0, "... illegal value 0");
}

int main(void)
{
	t_host();
	dif_testhost_map(t_th, t_v4, sizeof(t_v4), false, false);
	dif_testhost_map(t_th, t_v6, sizeof(t_v6), false, false);
	dif_testhost_map(t_th, t_v6m, sizeof(t_v6m), false, false);
	dif_testhost_map(t_th, t_v6z, sizeof(t_v6z), false, false);
	dif_testhost_map(t_th, t_v6one, sizeof(t_v6one), false, false);
	dif_testhost_map(t_th, t_v6single, sizeof(t_v6single), false, false);
	dif_testhost_map(t_th, t_v6compat, sizeof(t_v6compat), false, false);
	dif_testhost_map(t_th, t_v6lo, sizeof(t_v6lo), false, false);
	dif_testhost_map(t_th, t_ib, sizeof(t_ib), false, false);
	dif_testhost_map(t_th, t_ubuf, sizeof(t_ubuf), true, false);
	dif_testhost_map(t_th, t_uout, sizeof(t_uout), true, true);
	test_strings();
	test_lltostr();
	test_paths();
	test_strtok();
	test_inet();
	test_bytes();
	test_json();
	test_memory();
	test_host_services();
	test_limits();
	dif_testhost_free(t_th);
	return tap_done();
}
