// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * DIF test vectors that do not depend on where memory is (no host
 * addresses: only tables, scratch, variables, computed values and two
 * user buffers whose addresses arrive as arg2 and arg3), each with its
 * expected result.  Run plainly, it checks them on the userland
 * build (both dispatchers).  Run as
 *
 *   t_dif_vectors --kernel /sys/kernel/debug/dtrace/diftest
 *
 * inside the VM (test/kmod/t-50-dif.sh), it runs the same vectors through
 * a debug dtrace.ko (<dtrace/dif_test.h>) and checks the kernel build of
 * dif/ gives the same answers: the cross-check of the two builds.
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <dtrace/dif_test.h>
#include "t_dif.h"

enum { TV_VAL, TV_STR, TV_FAULT, TV_CHECK, TV_PID };

struct tv {
	const char	*tv_name;
	const char	*tv_src;
	int		tv_kind;
	int64_t		tv_val;		/* value, fault or check */
	const char	*tv_str;
	int		tv_pc;		/* fault's or refusal's instruction */
	unsigned int	tv_privs;
};

#define VAL(n, s, v)		{ n, s, TV_VAL, v, NULL, 0, DIF_PRIV_ALL }
#define STR(n, s, r)		{ n, ".rtype string:256\n" s, TV_STR, 0, r, 0, DIF_PRIV_ALL }
#define FLT(n, s, f, pc)	{ n, s, TV_FAULT, f, NULL, pc, DIF_PRIV_ALL }
#define CHK(n, s, c, pc, p)	{ n, s, TV_CHECK, c, NULL, pc, p }

/* Call subr on string literals a and b: "sets; sets; pushtv; pushtv". */
#define CALL1(subr, a)	"sets %r1, \"" a "\"\npushtv %r1\ncall %r2, " subr "\nret %r2\n"
#define CALL2(subr, a, b) "sets %r1, \"" a "\"\nsets %r3, \"" b "\"\npushtv %r1\n" \
	"pushtv %r3\ncall %r2, " subr "\nret %r2\n"
#define CALLSI(subr, a, i) "sets %r1, \"" a "\"\nmovi %r3, " #i "\npushtv %r1\n" \
	"pushtv %r3\ncall %r2, " subr "\nret %r2\n"
#define CALLSII(subr, a, i, j) "sets %r1, \"" a "\"\nmovi %r3, " #i "\nmovi %r4, " #j \
	"\npushtv %r1\npushtv %r3\npushtv %r4\ncall %r2, " subr "\nret %r2\n"
#define CALLN(subr, v)	"setx %r1, " #v "\npushtv %r1\ncall %r2, " subr "\nret %r2\n"
#define CALLNN(subr, v, w) "setx %r1, " #v "\nmovi %r3, " #w "\npushtv %r1\npushtv %r3\n" \
	"call %r2, " subr "\nret %r2\n"

#define VARS_TA ".var ta 7 thread array int64 rw\n"
#define VARS ".var g 1 global scalar int64 rw\n.var s 2 global scalar string:32 rw\n" \
	".var a 3 global array int64 rw\n.var t 4 thread scalar int64 rw\n" \
	".var l 5 local scalar int64 rw\n.var as 6 global array string:64 rw\n"

static const struct tv tv_vectors[] = {
	VAL("add", "movi %r1, 5\nmovi %r2, 7\nadd %r3, %r1, %r2\nret %r3\n", 12),
	VAL("mul wraps", "setx %r1, -9223372036854775808\nmovi %r2, -1\nmul %r3, %r1, %r2\nret %r3\n",
	    INT64_MIN),
	VAL("INT64_MIN / -1", "setx %r1, -9223372036854775808\nmovi %r2, -1\nsdiv %r3, %r1, %r2\nret %r3\n",
	    INT64_MIN),
	VAL("INT64_MIN % -1", "setx %r1, -9223372036854775808\nmovi %r2, -1\nsrem %r3, %r1, %r2\nret %r3\n", 0),
	VAL("sdiv", "movi %r1, -7\nmovi %r2, 2\nsdiv %r3, %r1, %r2\nret %r3\n", -3),
	VAL("udiv", "movi %r1, -1\nmovi %r2, 2\nudiv %r3, %r1, %r2\nret %r3\n", INT64_MAX),
	VAL("urem", "movi %r1, -1\nmovi %r2, 10\nurem %r3, %r1, %r2\nret %r3\n", 5),
	VAL("sll 64", "movi %r1, 3\nmovi %r2, 64\nsll %r3, %r1, %r2\nret %r3\n", 3),
	VAL("srl 63", "movi %r1, -1\nmovi %r2, 63\nsrl %r3, %r1, %r2\nret %r3\n", 1),
	VAL("sra", "setx %r1, -9223372036854775808\nmovi %r2, 63\nsra %r3, %r1, %r2\nret %r3\n", -1),
	VAL("immediates", "movi %r1, 10\naddi %r1, %r1, -3\nmuli %r1, %r1, 6\nsremi %r1, %r1, 5\n"
	    "xori %r1, %r1, 6\nslli %r1, %r1, 4\nsrai %r1, %r1, 1\nandi %r1, %r1, -1\nori %r1, %r1, 1\n"
	    "udivi %r1, %r1, 3\nsubi %r1, %r1, 1\nsdivi %r1, %r1, 2\nuremi %r1, %r1, 7\n"
	    "srli %r1, %r1, 0\nret %r1\n", 5),
	VAL("not, mov", "movi %r1, 5\nnot %r2, %r1\nmov %r3, %r2\nret %r3\n", ~5LL),
	VAL("set-on-compare", "movi %r1, -1\nslt %r2, %r1, %r0\nsltu %r3, %r1, %r0\nsle %r4, %r1, %r1\n"
	    "sleu %r5, %r0, %r1\nseq %r6, %r1, %r1\nsne %r7, %r1, %r0\nslli %r2, %r2, 5\n"
	    "slli %r3, %r3, 4\nslli %r4, %r4, 3\nslli %r5, %r5, 2\nslli %r6, %r6, 1\nor %r2, %r2, %r3\n"
	    "or %r2, %r2, %r4\nor %r2, %r2, %r5\nor %r2, %r2, %r6\nor %r2, %r2, %r7\nret %r2\n", 0x2f),
	VAL("branches", "movi %r1, -1\nmovi %r9, 0\nblt %r1, %r0, a\nori %r9, %r9, 1\n"
	    "a: bltu %r1, %r0, b\nori %r9, %r9, 2\nb: bgeu %r1, %r0, c\nori %r9, %r9, 4\n"
	    "c: bgt %r0, %r1, d\nori %r9, %r9, 8\nd: bz %r1, e\nori %r9, %r9, 16\n"
	    "e: bnz %r0, f\nori %r9, %r9, 32\nf: beq %r1, %r1, g\nori %r9, %r9, 64\n"
	    "g: ble %r1, %r0, h\nnop\nh: bleu %r0, %r1, i\nnop\ni: bne %r1, %r0, j\nnop\n"
	    "j: bge %r0, %r1, k\nnop\nk: bgtu %r1, %r0, m\nnop\nm: ba n\nori %r9, %r9, 128\nn: ret %r9\n",
	    2 | 16 | 32),
	VAL("scratch loads sign-extend", "movi %r1, 8\nalloc %r2, %r1\nmovi %r3, -2\nstx [%r2], %r3\n"
	    "ldsb %r4, [%r2]\nldub %r5, [%r2+1]\nadd %r4, %r4, %r5\nldsh %r5, [%r2]\nadd %r4, %r4, %r5\n"
	    "lduw %r5, [%r2+4]\nadd %r4, %r4, %r5\nldsw %r5, [%r2]\nadd %r4, %r4, %r5\n"
	    "lduh %r5, [%r2+6]\nadd %r4, %r4, %r5\nret %r4\n",
	    -2 + 255 - 2 + 0xffffffffLL - 2 + 0xffff),
	VAL("stores truncate", "movi %r1, 8\nalloc %r2, %r1\nsetx %r3, 0x1234567890\nstw [%r2+4], %r3\n"
	    "sth [%r2+2], %r3\nstb [%r2+1], %r3\nldx %r4, [%r2]\nret %r4\n", 0x3456789078909000LL),
	VAL("copys from the string table", "sets %r1, \"abcdefgh\"\nmovi %r2, 8\nalloc %r3, %r2\n"
	    "copys [%r3], [%r1], 8\nldx %r4, [%r3]\nret %r4\n", 0x6867666564636261LL),
	VAL("scmp", "sets %r1, \"abc\"\nsets %r2, \"abd\"\nscmp %r3, %r1, %r2\nscmp %r4, %r2, %r1\n"
	    "scmp %r5, %r1, %r1\nslli %r3, %r3, 8\nslli %r4, %r4, 4\nadd %r3, %r3, %r4\nadd %r3, %r3, %r5\n"
	    "ret %r3\n", -256 + 16),
	VAL("global", VARS "movi %r1, 42\nstgs g, %r1\nldgs %r2, g\nret %r2\n", 42),
	STR("string global", VARS "sets %r1, \"a string longer than thirty-two bytes\"\nstgs s, %r1\n"
	    "ldgs %r2, s\nret %r2\n", "a string longer than thirty-two"),
	VAL("assoc array", VARS "movi %r1, 7\nsets %r2, \"k\"\npushtv %r1\npushts %r2\nmovi %r3, 99\n"
	    "stga a, %r3\npushtv %r1\npushts %r2\nldga %r4, a\npushtv %r1\npushts %r2\nstga a, %r0\n"
	    "pushtv %r1\npushts %r2\nldga %r5, a\nadd %r4, %r4, %r5\nret %r4\n", 99),
	STR("string-valued assoc array", VARS "movi %r1, 1\npushtv %r1\nsets %r2, \"val\"\n"
	    "stga as, %r2\npushtv %r1\nldga %r3, as\nret %r3\n", "val"),
	VAL("thread-local", VARS "movi %r1, 5\nstts t, %r1\nldts %r2, t\nret %r2\n", 5),
	VAL("clause-local", VARS "movi %r1, 3\nstls l, %r1\nldls %r2, l\nret %r2\n", 3),
	VAL("args", "ldb %r1, arg0\nmovi %r2, 1\nldba %r3, args[%r2]\nmul %r1, %r1, %r3\nret %r1\n", 15),
	{ "pid", "ldb %r1, pid\nret %r1\n", TV_PID, 0, NULL, 0, DIF_PRIV_ALL },
	VAL("strlen", CALL1("strlen", "hello"), 5),
	STR("strjoin", CALL2("strjoin", "foo", "bar"), "foobar"),
	STR("substr", CALLSII("substr", "hello", 1, 3), "ell"),
	STR("substr negative", CALLSI("substr", "hello", -2), "lo"),
	STR("substr before start", CALLSI("substr", "hello", -7), "hello"),
	VAL("index", CALL2("index", "hello", "l"), 2),
	VAL("rindex", CALL2("rindex", "hello", "l"), 3),
	VAL("index from", "sets %r1, \"hello\"\nsets %r3, \"l\"\nmovi %r4, 3\npushtv %r1\n"
	    "pushtv %r3\npushtv %r4\ncall %r2, index\nret %r2\n", 3),
	STR("strchr", "sets %r1, \"hello\"\nmovi %r3, 108\npushtv %r1\npushtv %r3\n"
	    "call %r2, strchr\nret %r2\n", "llo"),
	STR("strrchr", "sets %r1, \"hello\"\nmovi %r3, 108\npushtv %r1\npushtv %r3\n"
	    "call %r2, strrchr\nret %r2\n", "lo"),
	STR("strstr", CALL2("strstr", "hello", "ll"), "llo"),
	STR("toupper", CALL1("toupper", "Hello, World"), "HELLO, WORLD"),
	STR("tolower", CALL1("tolower", "Hello, World"), "hello, world"),
	STR("lltostr", CALLN("lltostr", -9223372036854775808), "-9223372036854775808"),
	STR("lltostr base 16", CALLNN("lltostr", 255, 16), "0xff"),
	STR("lltostr base 2", CALLNN("lltostr", 5, 2), "101"),
	VAL("strtoll", CALL1("strtoll", "  -123xyz"), -123),
	VAL("strtoll base 16", CALLSI("strtoll", "0x1F", 16), 31),
	STR("basename", CALL1("basename", "/usr/lib/"), "lib"),
	STR("dirname", CALL1("dirname", "/usr/lib/libc.so"), "/usr/lib"),
	STR("cleanpath", CALL1("cleanpath", "/a/./b/../c//d/"), "/a/c/d/"),
	STR("json", CALL2("json", "{\\\"a\\\": [1, {\\\"b\\\": \\\"c\\\"}]}", "a[1].b"), "c"),
	STR("inet_ntoa", "movi %r1, 4\nalloc %r2, %r1\nsetx %r3, 0x1401a8c0\nstw [%r2], %r3\n"
	    "pushtv %r2\ncall %r4, inet_ntoa\nret %r4\n", "192.168.1.20"),
	STR("inet_ntoa6", "movi %r1, 16\nalloc %r2, %r1\nsetx %r3, 0xb80d0120\nstx [%r2], %r3\n"
	    "setx %r3, 0x0100000000000000\nstx [%r2+8], %r3\npushtv %r2\ncall %r4, inet_ntoa6\nret %r4\n",
	    "2001:db8::1"),
	STR("inet_ntop", "movi %r1, 16\nalloc %r2, %r1\nsetx %r3, 0xffff0000\nstx [%r2], %r0\n"
	    "stx [%r2+8], %r3\nmovi %r5, 10\npushtv %r5\npushtv %r2\ncall %r4, inet_ntop\nret %r4\n",
	    "::ffff:0.0.0.0"),
	VAL("htons", CALLN("htons", 0x1234), 0x3412),
	VAL("htonl", CALLN("ntohl", 0x12345678), 0x78563412),
	VAL("htonll", CALLN("htonll", 0x0102030405060708), 0x0807060504030201LL),
	VAL("getmajor", CALLN("getmajor", 0x800003), 8),
	VAL("getminor", CALLN("getminor", 0x800003), 3),
	VAL("memref", "movi %r1, 77\nmovi %r3, 16\npushtv %r1\npushtv %r3\ncall %r2, memref\n"
	    "ldx %r4, [%r2]\nldx %r5, [%r2+8]\nadd %r4, %r4, %r5\nret %r4\n", 93),
	VAL("alloca, bcopy", "movi %r1, 8\npushtv %r1\ncall %r2, alloca\nsets %r3, \"abcdefg\"\n"
	    "pushtv %r3\npushtv %r2\npushtv %r1\ncall %r4, bcopy\nldx %r4, [%r2]\nret %r4\n",
	    0x0067666564636261LL),
	STR("strtok", "sets %r1, \",,a,b\"\nsets %r2, \",\"\npushtv %r1\npushtv %r2\ncall %r3, strtok\n"
	    "pushtv %r0\npushtv %r2\ncall %r4, strtok\npushtv %r3\npushtv %r4\ncall %r5, strjoin\n"
	    "ret %r5\n", "ab"),
	FLT("divide by zero", "movi %r1, 1\nsdiv %r2, %r1, %r0\nret %r2\n", DIF_FLT_DIVZERO, 1),
	FLT("load of NULL", "nop\nldx %r1, [%r0+0]\nret %r1\n", DIF_FLT_BADADDR, 1),
	FLT("misaligned store", "movi %r1, 16\nalloc %r2, %r1\nstw [%r2+2], %r1\nret %r1\n",
	    DIF_FLT_BADALIGN, 2),
	FLT("store outside scratch", "movi %r1, 8\nstx [%r1+0], %r1\nret %r1\n", DIF_FLT_BADADDR, 1),
	FLT("out of scratch", "setx %r1, 0x100000000\nalloc %r2, %r1\nret %r2\n", DIF_FLT_NOSCRATCH, 1),
	FLT("tuple overflow", "pushtv %r0\npushtv %r0\npushtv %r0\npushtv %r0\npushtv %r0\n"
	    "pushtv %r0\npushtv %r0\npushtv %r0\npushtv %r0\nret %r0\n", DIF_FLT_TUPOFLOW, 8),
	FLT("key too large", "movi %r1, 16\nalloc %r2, %r1\nsetx %r3, 100000\npushtr %r2, %r3\nret %r0\n",
	    DIF_FLT_KEYSIZE, 3),
	FLT("lltostr base 1", CALLNN("lltostr", 1, 1), DIF_FLT_ILLOP, 4),
	FLT("strlen(NULL)", "pushtv %r0\ncall %r1, strlen\nret %r1\n", DIF_FLT_BADADDR, 1),
	FLT("strjoin beyond strsize", "sets %r1, \"" /* 200 x */
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "\"\npushtv %r1\npushtv %r1\ncall %r2, strjoin\nret %r2\n", DIF_FLT_NOSCRATCH, 3),
	VAL("user loads", "ldb %r1, arg2\nuldsb %r2, [%r1+0]\nulduh %r3, [%r1+1]\nadd %r2, %r2, %r3\n"
	    "uldsw %r3, [%r1+4]\nadd %r2, %r2, %r3\nuldx %r3, [%r1+8]\nadd %r2, %r2, %r3\n"
	    "uldub %r3, [%r1+0]\nadd %r2, %r2, %r3\nulduw %r3, [%r1+4]\nadd %r2, %r2, %r3\n"
	    "uldsh %r3, [%r1+0]\nadd %r2, %r2, %r3\nret %r2\n",
	    /* "user string": ldsb 'u', lduh "se", ldsw " str", ldx "ing", ... */
	    0x75LL + 0x6573 + 0x72747320LL + 0x676e69 + 0x75 + 0x72747320LL + 0x7375),
	STR("copyinstr", "ldb %r1, arg2\npushtv %r1\ncall %r2, copyinstr\nret %r2\n", "user string"),
	STR("copyinstr with a length", "ldb %r1, arg2\nmovi %r3, 4\npushtv %r1\npushtv %r3\n"
	    "call %r2, copyinstr\nret %r2\n", "user"),
	VAL("copyin", "ldb %r1, arg2\nmovi %r3, 4\npushtv %r1\npushtv %r3\ncall %r2, copyin\n"
	    "lduw %r4, [%r2]\nret %r4\n", 0x72657375),
	VAL("copyinto", "movi %r5, 8\nalloc %r4, %r5\nldb %r1, arg2\nmovi %r3, 4\npushtv %r1\n"
	    "pushtv %r3\npushtv %r4\ncall %r2, copyinto\nlduw %r2, [%r4]\nret %r2\n", 0x72657375),
	VAL("copyout, then read back", "sets %r1, \"out!\"\nldb %r2, arg3\nmovi %r3, 5\npushtv %r1\n"
	    "pushtv %r2\npushtv %r3\ncall %r4, copyout\nulduw %r4, [%r2]\nret %r4\n", 0x2174756f),
	VAL("copyoutstr, then read back", "sets %r1, \"xyz\"\nldb %r2, arg3\nmovi %r3, 8\n"
	    "pushtv %r1\npushtv %r2\npushtv %r3\ncall %r4, copyoutstr\nulduw %r4, [%r2]\nret %r4\n",
	    0x007a7978),
	FLT("user load of NULL", "uldx %r1, [%r0+0]\nret %r1\n", DIF_FLT_BADADDR, 0),
	VAL("thread-local array", VARS_TA "movi %r1, 1\npushtv %r1\nmovi %r3, 11\nstta ta, %r3\n"
	    "pushtv %r1\nldta %r4, ta\nret %r4\n", 11),
	VAL("by-reference key", VARS "movi %r6, 8\nalloc %r5, %r6\nstx [%r5], %r6\npushtr %r5, %r6\n"
	    "movi %r3, 77\nstga a, %r3\npushtr %r5, %r6\nldga %r4, a\nret %r4\n", 77),
	VAL("flusht", VARS "movi %r1, 1\npushtv %r1\nflusht\nmovi %r3, 4\nstga a, %r3\n"
	    "ldga %r4, a\nret %r4\n", 4),
	STR("link_ntop", "movi %r1, 8\nalloc %r2, %r1\nsetx %r3, 0x0605040302a1\nstx [%r2], %r3\n"
	    "movi %r1, 1\npushtv %r1\npushtv %r2\ncall %r4, link_ntop\nret %r4\n",
	    "a1:02:03:04:05:06"),
	VAL("progenyof itself", "ldb %r1, pid\npushtv %r1\ncall %r2, progenyof\nret %r2\n", 1),
	VAL("no speculation free", "call %r1, speculation\nret %r1\n", 0),
	CHK("backward branch", "nop\nba 0\nret %r0\n", DIF_CHK_BACKWARD, 1, DIF_PRIV_ALL),
	CHK("write to %r0", "movi %r0, 1\nret %r0\n", DIF_CHK_R0, 0, DIF_PRIV_ALL),
	CHK("copyout without -w", "call %r1, copyout\nret %r1\n", DIF_CHK_DESTRUCTIVE, 0, DIF_PRIV_USER),
	CHK("user load without privilege", "uldx %r1, [%r0+0]\nret %r1\n", DIF_CHK_USERMEM, 0, 0),
	CHK("no ret", "nop\n", DIF_CHK_NORET, 0, DIF_PRIV_ALL),
};

/* The user memory vectors read (arg2) and write (arg3). */
static char tv_ubuf[32] = "user string";
static char tv_uout[32];

/* Run one vector in the kernel; false if the file cannot be used. */
static bool tv_kernel(int fd, const struct tv *v, struct t_run *r)
{
	struct dif_test_req req = { .dtq_magic = DIF_TEST_MAGIC,
				    .dtq_privs = v->tv_privs, .dtq_strsize = 256 };
	static struct dif_test_rsp rsp;
	size_t size;
	void *blob = t_asm(v->tv_src, &size);
	char *buf = malloc(sizeof(req) + size);
	bool done;

	memcpy(req.dtq_args, t_th->th_args, sizeof(req.dtq_args));
	memcpy(buf, &req, sizeof(req));
	memcpy(buf + sizeof(req), blob, size);
	done = write(fd, buf, sizeof(req) + size) == (ssize_t)(sizeof(req) + size) &&
	       pread(fd, &rsp, sizeof(rsp), 0) == sizeof(rsp);
	free(buf);
	free(blob);
	memset(r, 0, sizeof(*r));
	r->r_check = rsp.dts_check;
	r->r_vpc = rsp.dts_check_pc;
	r->r_fault = rsp.dts_fault;
	r->r_pc = rsp.dts_fault_pc;
	r->r_val = v->tv_kind == TV_STR && !rsp.dts_fault ?
		   (uintptr_t)rsp.dts_str : rsp.dts_value;
	return done;
}

static void tv_check(const struct tv *v, const struct t_run *r, const char *where)
{
	switch (v->tv_kind) {
	case TV_VAL:
		ok(r->r_check == 0 && r->r_fault == 0 && (int64_t)r->r_val == v->tv_val,
		   "%s: %s = %lld (got %lld, check %d, fault %d)", where, v->tv_name,
		   (long long)v->tv_val, (long long)r->r_val, r->r_check, r->r_fault);
		break;
	case TV_PID:
		ok(r->r_fault == 0 && (int64_t)r->r_val == getpid(), "%s: %s", where,
		   v->tv_name);
		break;
	case TV_STR:
		ok(r->r_check == 0 && r->r_fault == 0 && r->r_val != 0 &&
		   strcmp((const char *)(uintptr_t)r->r_val, v->tv_str) == 0,
		   "%s: %s = \"%s\" (got \"%s\", check %d, fault %d)", where, v->tv_name,
		   v->tv_str, r->r_val && !r->r_fault ? (const char *)(uintptr_t)r->r_val : "",
		   r->r_check, r->r_fault);
		break;
	case TV_FAULT:
		ok(r->r_check == 0 && r->r_fault == v->tv_val && (int)r->r_pc == v->tv_pc,
		   "%s: %s faults %s at %d (got fault %d at %u, check %d)", where,
		   v->tv_name, dif_fault_msg((int)v->tv_val), v->tv_pc, r->r_fault, r->r_pc,
		   r->r_check);
		break;
	case TV_CHECK:
		ok(r->r_check == v->tv_val && r->r_vpc == v->tv_pc,
		   "%s: %s refused by %s at %d (got %s at %d)", where, v->tv_name,
		   dif_check_name((int)v->tv_val), v->tv_pc, dif_check_name(r->r_check),
		   r->r_vpc);
		break;
	}
}

int main(int argc, char **argv)
{
	const char *kpath = argc == 3 && strcmp(argv[1], "--kernel") == 0 ? argv[2] : NULL;
	struct t_run r;
	size_t i;
	int fd = -1;

	t_host();
	t_th->th_args[0] = 3;
	t_th->th_args[1] = 5;
	t_th->th_args[2] = (uintptr_t)tv_ubuf;
	t_th->th_args[3] = (uintptr_t)tv_uout;
	dif_testhost_map(t_th, tv_ubuf, sizeof(tv_ubuf), true, false);
	dif_testhost_map(t_th, tv_uout, sizeof(tv_uout), true, true);
	t_th->th_bv[DIF_BV_PID] = (uint64_t)getpid();
	if (kpath != NULL) {
		fd = open(kpath, O_RDWR);
		if (fd < 0) {
			printf("ok 1 - kernel cross-check # SKIP %s: %m\n1..1\n", kpath);
			return 0;
		}
	}
	for (i = 0; i < DIF_ARRAY_SIZE(tv_vectors); i++) {
		const struct tv *v = &tv_vectors[i];

		dif_testhost_clause(t_th);
		if (fd >= 0) {
			if (!tv_kernel(fd, v, &r)) {
				ok(0, "kernel: %s: write/read %s: %m", v->tv_name, kpath);
				continue;
			}
			tv_check(v, &r, "kernel");
		} else {
			r = t_run_priv(v->tv_src, v->tv_privs);
			tv_check(v, &r, "userland");
		}
	}
	if (fd >= 0)
		close(fd);
	dif_testhost_free(t_th);
	return tap_done();
}
