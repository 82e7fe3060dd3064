// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Every DIF opcode's semantics, on both dispatchers: ALU edge cases
 * (INT64_MIN / -1, shifts of 64 and more, sign extension), compares and
 * branches signed and unsigned, loads of each width from kernel and user
 * memory, scratch stores, tables, variables of every scope and kind, the
 * tuple stack, built-ins, alloc and copys.
 */
#include <stdio.h>
#include "t_dif.h"

static char t_prog[4096];

/* rd = a OP b through registers, a and b via setx. */
static uint64_t t_alu(const char *op, int64_t a, int64_t b)
{
	snprintf(t_prog, sizeof(t_prog),
		 "setx %%r1, %lld\nsetx %%r2, %lld\n%s %%r3, %%r1, %%r2\n"
		 "ret %%r3\n", (long long)a, (long long)b, op);
	return t_val(t_prog);
}

/* rd = a OP imm. */
static uint64_t t_alui(const char *op, int64_t a, int32_t imm)
{
	snprintf(t_prog, sizeof(t_prog),
		 "setx %%r1, %lld\n%s %%r3, %%r1, %d\nret %%r3\n",
		 (long long)a, op, imm);
	return t_val(t_prog);
}

/* 1 if the branch is taken. */
static uint64_t t_br(const char *op, int64_t a, int64_t b)
{
	snprintf(t_prog, sizeof(t_prog),
		 "setx %%r1, %lld\nsetx %%r2, %lld\n%s %%r1, %%r2, yes\n"
		 "ret %%r0\nyes: movi %%r3, 1\nret %%r3\n",
		 (long long)a, (long long)b, op);
	return t_val(t_prog);
}

static void test_alu(void)
{
	is_int(t_alu("add", 5, 7), 12, "add");
	is_int(t_alu("add", INT64_MAX, 1), INT64_MIN, "add wraps");
	is_int(t_alu("sub", 5, 7), -2, "sub");
	is_int(t_alu("mul", -3, 7), -21, "mul");
	is_int(t_alu("mul", INT64_MIN, -1), INT64_MIN, "mul INT64_MIN * -1 wraps");
	is_int(t_alu("sdiv", -7, 2), -3, "sdiv truncates toward zero");
	is_int(t_alu("sdiv", INT64_MIN, -1), INT64_MIN, "INT64_MIN / -1 = INT64_MIN");
	is_int(t_alu("srem", INT64_MIN, -1), 0, "INT64_MIN %% -1 = 0");
	is_int(t_alu("srem", -7, 2), -1, "srem sign follows dividend");
	is_int(t_alu("udiv", -1, 2), 0x7fffffffffffffffLL, "udiv unsigned");
	is_int(t_alu("urem", -1, 10), 5, "urem unsigned (2^64-1 %% 10)");
	is_int(t_alu("and", 0xf0f0, 0xff00), 0xf000, "and");
	is_int(t_alu("or", 0xf0f0, 0x0f00), 0xfff0, "or");
	is_int(t_alu("xor", 0xff, 0x0f), 0xf0, "xor");
	is_int(t_alu("sll", 1, 63), INT64_MIN, "sll 63");
	is_int(t_alu("sll", 1, 64), 1, "sll 64 is sll 0 (count mod 64)");
	is_int(t_alu("sll", 3, 65), 6, "sll 65 is sll 1");
	is_int(t_alu("srl", -1, 60), 15, "srl logical");
	is_int(t_alu("srl", -1, 64), -1, "srl 64 is srl 0");
	is_int(t_alu("sra", INT64_MIN, 63), -1, "sra arithmetic");
	is_int(t_alu("sra", -16, 2), -4, "sra -16 >> 2");
	is_int(t_alu("sra", 16, 66), 4, "sra count mod 64");
	is_int(t_alui("addi", 10, -3), 7, "addi sign-extends imm");
	is_int(t_alui("subi", 10, -3), 13, "subi");
	is_int(t_alui("muli", 10, -3), -30, "muli");
	is_int(t_alui("sdivi", -9, 2), -4, "sdivi");
	is_int(t_alui("sdivi", INT64_MIN, -1), INT64_MIN, "sdivi INT64_MIN/-1");
	is_int(t_alui("udivi", 9, 2), 4, "udivi");
	is_int(t_alui("udivi", 9, -1), 0, "udivi by 2^64-1");
	is_int(t_alui("sremi", -9, 4), -1, "sremi");
	is_int(t_alui("uremi", 9, 4), 1, "uremi");
	is_int(t_alui("andi", -1, -256), -256, "andi sign-extended mask");
	is_int(t_alui("ori", 0, -1), -1, "ori");
	is_int(t_alui("xori", 5, 1), 4, "xori");
	is_int(t_alui("slli", 1, 4), 16, "slli");
	is_int(t_alui("srli", -1, 63), 1, "srli");
	is_int(t_alui("srai", -256, 4), -16, "srai");
	is_int(t_alui("slli", 1, 64), 1, "slli 64 mod 64");
	is_int(t_val("movi %r1, 5\nnot %r2, %r1\nret %r2\n"), ~5LL, "not");
	is_int(t_val("movi %r1, -5\nmov %r2, %r1\nret %r2\n"), -5, "mov, movi sign-extends");
	is_int(t_val("movi %r1, 2147483647\nret %r1\n"), 2147483647, "movi max");
	is_int(t_val("setx %r1, -9223372036854775808\nret %r1\n"), INT64_MIN, "setx INT64_MIN");
	is_int(t_val("setx %r1, 0xffffffffffffffff\nret %r1\n"), -1, "setx all ones");
	is_int(t_val("nop\nmovi %r1, 3\nret %r1\n"), 3, "nop");
	is_int(t_val("ret %r0\n"), 0, "%%r0 reads zero");
	is_int(t_alu("seq", 3, 3), 1, "seq");
	is_int(t_alu("sne", 3, 3), 0, "sne");
	is_int(t_alu("slt", -1, 0), 1, "slt signed");
	is_int(t_alu("sltu", -1, 0), 0, "sltu unsigned");
	is_int(t_alu("sle", 4, 4), 1, "sle");
	is_int(t_alu("sleu", 5, 4), 0, "sleu");
}

static void test_branches(void)
{
	is_int(t_br("beq", 1, 1), 1, "beq taken");
	is_int(t_br("beq", 1, 2), 0, "beq not taken");
	is_int(t_br("bne", 1, 2), 1, "bne");
	is_int(t_br("blt", -1, 0), 1, "blt signed");
	is_int(t_br("bltu", -1, 0), 0, "bltu unsigned");
	is_int(t_br("ble", 0, 0), 1, "ble equal");
	is_int(t_br("bleu", 1, 0), 0, "bleu");
	is_int(t_br("bgt", 0, -1), 1, "bgt signed");
	is_int(t_br("bgtu", 0, -1), 0, "bgtu unsigned");
	is_int(t_br("bge", -5, -5), 1, "bge equal");
	is_int(t_br("bgeu", -1, 1), 1, "bgeu unsigned");
	is_int(t_val("movi %r1, 0\nbz %r1, y\nret %r0\ny: movi %r2, 1\nret %r2\n"), 1, "bz");
	is_int(t_val("movi %r1, 0\nbnz %r1, y\nret %r0\ny: movi %r2, 1\nret %r2\n"), 0, "bnz not taken");
	is_int(t_val("ba y\nmovi %r1, 9\ny: ret %r1\n"), 0, "ba skips");
}

static int64_t t_kmem[4] = { -2, 0x1122334455667788LL, 0, 0 };
static uint8_t t_umem[16] = { 0x80, 0xff, 0x7f, 0x01, 0xfe, 0xff, 0xff, 0xff,
			      1, 2, 3, 4, 5, 6, 7, 8 };

static uint64_t t_load(const char *op, const void *base, int off)
{
	snprintf(t_prog, sizeof(t_prog),
		 "setx %%r1, %llu\n%s %%r2, [%%r1%+d]\nret %%r2\n",
		 (unsigned long long)(uintptr_t)base, op, off);
	return t_val(t_prog);
}

static void test_loads(void)
{
	is_int(t_load("ldsb", t_kmem, 0), -2, "ldsb sign-extends");
	is_int(t_load("ldub", t_kmem, 0), 0xfe, "ldub zero-extends");
	is_int(t_load("ldsh", t_kmem, 0), -2, "ldsh");
	is_int(t_load("lduh", t_kmem, 0), 0xfffe, "lduh");
	is_int(t_load("ldsw", t_kmem, 0), -2, "ldsw");
	is_int(t_load("lduw", t_kmem, 0), 0xfffffffe, "lduw");
	is_int(t_load("ldx", t_kmem, 8), 0x1122334455667788LL, "ldx");
	is_int(t_load("ldx", &t_kmem[2], -8), 0x1122334455667788LL, "negative offset");
	is_int(t_load("lduw", t_kmem, 9), 0x44556677, "unaligned load is fine");
	is_int(t_load("uldsb", t_umem, 0), -128, "uldsb");
	is_int(t_load("uldub", t_umem, 1), 0xff, "uldub");
	is_int(t_load("uldsh", t_umem, 0), (int16_t)0xff80, "uldsh");
	is_int(t_load("ulduh", t_umem, 2), 0x017f, "ulduh");
	is_int(t_load("uldsw", t_umem, 4), -2, "uldsw");
	is_int(t_load("ulduw", t_umem, 4), 0xfffffffe, "ulduw");
	is_int(t_load("uldx", t_umem, 8), 0x0807060504030201LL, "uldx");
	/* Kernel memory is not user memory and vice versa. */
	snprintf(t_prog, sizeof(t_prog), "setx %%r1, %llu\nuldx %%r2, [%%r1]\nret %%r2\n",
		 (unsigned long long)(uintptr_t)t_kmem);
	is_int(t_run(t_prog).r_fault, DIF_FLT_BADADDR, "uldx of kernel memory faults");
}

static void test_scratch(void)
{
	dif_testhost_clause(t_th);
	is_int(t_val("movi %r1, 16\nalloc %r2, %r1\nmovi %r3, -1\n"
		     "stx [%r2+8], %r3\nstb [%r2], %r3\nldx %r4, [%r2]\n"
		     "ldx %r5, [%r2+8]\nadd %r4, %r4, %r5\nret %r4\n"),
	       0xff - 1, "alloc, stb/stx, loads back");
	is_int(t_val("movi %r1, 8\nalloc %r2, %r1\nsetx %r3, 0x1234567890\n"
		     "stw [%r2+4], %r3\nsth [%r2+2], %r3\nldx %r4, [%r2]\nret %r4\n"),
	       0x3456789078900000LL, "sth/stw truncate");
	is_int(t_val("movi %r1, 8\nalloc %r2, %r1\nldx %r3, [%r2]\nret %r3\n"), 0,
	       "alloc zeroes");
	snprintf(t_prog, sizeof(t_prog),
		 "movi %%r1, 16\nalloc %%r2, %%r1\nsetx %%r3, %llu\n"
		 "copys [%%r2], [%%r3], 16\nldx %%r4, [%%r2+8]\nret %%r4\n",
		 (unsigned long long)(uintptr_t)t_kmem);
	is_int(t_val(t_prog), 0x1122334455667788LL, "copys");
	dif_testhost_clause(t_th);
}

static void test_tables(void)
{
	is_str(t_str(".rtype string:256\nsets %r1, \"hello\"\nret %r1\n"), "hello", "sets");
	is_int(t_val("sets %r1, \"abc\"\nsets %r2, \"abd\"\nscmp %r3, %r1, %r2\nret %r3\n"),
	       -1, "scmp less");
	is_int(t_val("sets %r1, \"abc\"\nsets %r2, \"abc\"\nscmp %r3, %r1, %r2\nret %r3\n"),
	       0, "scmp equal");
	is_int(t_val("sets %r1, \"abcd\"\nsets %r2, \"abc\"\nscmp %r3, %r1, %r2\nret %r3\n"),
	       1, "scmp longer is greater");
	is_int(t_val("sets %r1, \"\"\nscmp %r3, %r1, %r0\nret %r3\n"), 0,
	       "scmp: NULL compares as the empty string");
	is_int(t_val("sets %r1, \"\\377\"\nsets %r2, \"a\"\nscmp %r3, %r1, %r2\nret %r3\n"),
	       1, "scmp compares unsigned bytes");
}

static void test_vars(void)
{
	const char *decl =
		".var g 1 global scalar int64 rw\n"
		".var s 2 global scalar string:32 rw\n"
		".var a 3 global array int64 rw\n"
		".var t 4 thread scalar int64 rw\n"
		".var ta 5 thread array int64 rw\n"
		".var l 6 local scalar int64 rw\n"
		".var as 7 global array string:32 rw\n";
	char p[2048];

	snprintf(p, sizeof(p), "%smovi %%r1, 42\nstgs g, %%r1\nldgs %%r2, g\nret %%r2\n", decl);
	is_int(t_val(p), 42, "global scalar");
	snprintf(p, sizeof(p), "%sldgs %%r2, g\nret %%r2\n", decl);
	is_int(t_val(p), 42, "global persists across runs");
	snprintf(p, sizeof(p), "%s.rtype string:32\nsets %%r1, \"a string longer than thirty-two bytes\"\n"
		 "stgs s, %%r1\nldgs %%r2, s\nret %%r2\n", decl);
	is_str(t_str(p), "a string longer than thirty-two", "by-ref global copies, cut to its size");
	snprintf(p, sizeof(p), "%smovi %%r1, 7\npushtv %%r1\nsets %%r2, \"k\"\npushts %%r2\n"
		 "movi %%r3, 99\nstga a, %%r3\npushtv %%r1\npushts %%r2\nldga %%r4, a\nret %%r4\n", decl);
	is_int(t_val(p), 99, "assoc array with a (7, \"k\") key");
	snprintf(p, sizeof(p), "%smovi %%r1, 7\npushtv %%r1\nsets %%r2, \"j\"\npushts %%r2\n"
		 "ldga %%r4, a\nret %%r4\n", decl);
	is_int(t_val(p), 0, "other key: absent reads 0");
	snprintf(p, sizeof(p), "%smovi %%r1, 7\npushtv %%r1\nsets %%r2, \"k\"\npushts %%r2\n"
		 "stga a, %%r0\npushtv %%r1\npushts %%r2\nldga %%r4, a\nret %%r4\n", decl);
	is_int(t_val(p), 0, "storing 0 deletes");
	snprintf(p, sizeof(p), "%smovi %%r1, 5\nstts t, %%r1\nldts %%r2, t\nret %%r2\n", decl);
	is_int(t_val(p), 5, "thread-local");
	t_th->th_thread = 0x2000;
	snprintf(p, sizeof(p), "%sldts %%r2, t\nret %%r2\n", decl);
	is_int(t_val(p), 0, "another thread does not see it");
	t_th->th_thread = 0x1000;
	is_int(t_val(p), 5, "the first thread still does");
	snprintf(p, sizeof(p), "%smovi %%r1, 1\npushtv %%r1\nmovi %%r3, 11\nstta ta, %%r3\n"
		 "pushtv %%r1\nldta %%r4, ta\nret %%r4\n", decl);
	is_int(t_val(p), 11, "thread-local array");
	snprintf(p, sizeof(p), "%smovi %%r1, 3\nstls l, %%r1\nldls %%r2, l\nret %%r2\n", decl);
	is_int(t_val(p), 3, "clause-local");
	snprintf(p, sizeof(p), "%s.rtype string:32\nmovi %%r1, 1\npushtv %%r1\nsets %%r2, \"val\"\n"
		 "stga as, %%r2\npushtv %%r1\nldga %%r3, as\nret %%r3\n", decl);
	is_str(t_str(p), "val", "string-valued assoc array");
	snprintf(p, sizeof(p), "%smovi %%r1, 1\npushtv %%r1\nflusht\nmovi %%r3, 4\nstga a, %%r3\n"
		 "ldga %%r4, a\nret %%r4\n", decl);
	is_int(t_val(p), 4, "flusht empties the tuple (zero-key element)");
	snprintf(p, sizeof(p), "%smovi %%r1, 1\nalloc %%r5, %%r1\nmovi %%r6, 8\nalloc %%r5, %%r6\n"
		 "stx [%%r5], %%r6\npushtr %%r5, %%r6\nmovi %%r3, 77\nstga a, %%r3\n"
		 "pushtr %%r5, %%r6\nldga %%r4, a\nret %%r4\n", decl);
	is_int(t_val(p), 77, "pushtr by-reference key");
}

static void test_builtins(void)
{
	t_th->th_bv[DIF_BV_PID] = 1234;
	t_th->th_args[3] = 33;
	is_int(t_val("ldb %r1, pid\nret %r1\n"), 1234, "ldb pid");
	is_int(t_val("ldb %r1, arg3\nret %r1\n"), 33, "ldb arg3");
	is_int(t_val("movi %r2, 3\nldba %r1, args[%r2]\nret %r1\n"), 33, "ldba args[3]");
	is_int(t_run("movi %r2, 99\nldba %r1, args[%r2]\nret %r1\n").r_fault,
	       DIF_FLT_ILLOP, "args[] out of range is the host's fault");
}

int main(void)
{
	t_host();
	dif_testhost_map(t_th, t_kmem, sizeof(t_kmem), false, false);
	dif_testhost_map(t_th, t_umem, sizeof(t_umem), true, false);
	test_alu();
	test_branches();
	test_loads();
	test_scratch();
	test_tables();
	test_vars();
	test_builtins();
	dif_testhost_free(t_th);
	return tap_done();
}
