// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * Every verifier rejection class, each asserted by its check and the
 * instruction it names; and every fault class the interpreter raises,
 * with the faulting value and instruction, on both dispatchers.
 */
#include <stdio.h>
#include "t_dif.h"

/* Verify a hand-made instruction sequence (no assembler in the way). */
static struct dif_error t_verify_raw(const dif_instr_t *in, unsigned int n,
				     unsigned int privs)
{
	struct dif_builder *b = dif_builder_new();
	struct dif_type ti = { DIF_TYPE_INT, DIF_TF_SIGNED, 0, 8 };
	struct dif_type tu = { DIF_TYPE_REF, DIF_TF_BYUREF, 0, 16 };
	struct dif_object obj;
	struct dif_error err;
	unsigned int i;
	size_t size;
	void *blob;
	dif_instr_t *text;

	dif_declare_var(b, "g", 1, DIF_SCOPE_GLOBAL, DIF_VKIND_SCALAR, 0, &ti);
	dif_declare_var(b, "a", 2, DIF_SCOPE_GLOBAL, DIF_VKIND_ARRAY, 0, &ti);
	dif_declare_var(b, "u", 3, DIF_SCOPE_GLOBAL, DIF_VKIND_SCALAR, 0, &tu);
	dif_intern_int(b, 5);
	dif_intern_str(b, "s");
	for (i = 0; i < n; i++)
		dif_emit(b, DIF_OP_NOP, 0, 0, 0, 0);
	if (dif_builder_finish(b, &blob, &size) != 0)
		abort();
	dif_builder_free(b);
	/* Patch the words in: the builder refuses some of them itself. */
	text = (dif_instr_t *)((char *)blob + sizeof(struct dif_hdr));
	memcpy(text, in, n * sizeof(*in));
	memset(&err, 0, sizeof(err));
	if (dif_object_parse(&obj, blob, size, &err) == 0)
		dif_verify(&obj, privs, &err);
	free(blob);
	return err;
}

#define I(op, rd, r1, r2, imm)	DIF_INSTR(DIF_OP_##op, rd, r1, r2, imm)
#define RET			I(RET, 0, 1, 0, 0)

static void t_reject(const char *what, dif_instr_t a, dif_instr_t b,
		     unsigned int privs, int check, int pc)
{
	dif_instr_t in[3] = { a, b, RET };
	struct dif_error e = t_verify_raw(in, 3, privs);

	ok(e.de_check == check && e.de_pc == pc,
	   "verifier refuses %s: %s at %d (got %s at %d)", what,
	   dif_check_name(check), pc, dif_check_name(e.de_check), e.de_pc);
}

static void test_verifier(void)
{
	dif_instr_t nop = I(NOP, 0, 0, 0, 0);
	dif_instr_t good[3] = { I(MOVI, 1, 0, 0, 3), nop, RET };

	is_int(t_verify_raw(good, 3, 0).de_check, DIF_CHK_OK, "a good program passes");
	t_reject("opcode 0", 0, nop, 0, DIF_CHK_OPCODE, 0);
	t_reject("an opcode past the table", nop, DIF_INSTR(DIF_OP_COUNT, 0, 0, 0, 0),
		 0, DIF_CHK_OPCODE, 1);
	t_reject("opcode 255", DIF_INSTR(255, 0, 0, 0, 0), nop, 0, DIF_CHK_OPCODE, 0);
	t_reject("register 16", I(ADD, 16, 1, 2, 0), nop, 0, DIF_CHK_REG, 0);
	t_reject("source register 200", nop, I(ADD, 1, 200, 2, 0), 0, DIF_CHK_REG, 1);
	t_reject("a write to %r0", I(ADD, 0, 1, 2, 0), nop, 0, DIF_CHK_R0, 0);
	t_reject("a load into %r0", I(LDX, 0, 1, 0, 0), nop, 0, DIF_CHK_R0, 0);
	t_reject("a nonzero unused register", I(MOV, 1, 2, 3, 0), nop, 0, DIF_CHK_UNUSED, 0);
	t_reject("a nonzero unused immediate", I(ADD, 1, 2, 3, 1), nop, 0, DIF_CHK_UNUSED, 0);
	t_reject("a branch to itself", nop, I(BA, 0, 0, 0, 1), 0, DIF_CHK_BACKWARD, 1);
	t_reject("a backward branch", nop, I(BEQ, 0, 1, 2, 0), 0, DIF_CHK_BACKWARD, 1);
	t_reject("a negative target", I(BZ, 0, 1, 0, -1), nop, 0, DIF_CHK_BACKWARD, 0);
	t_reject("a target past the end", I(BNZ, 0, 1, 0, 3), nop, 0, DIF_CHK_TARGET, 0);
	t_reject("a huge target", I(BA, 0, 0, 0, 0x7fffffff), nop, 0, DIF_CHK_TARGET, 0);
	t_reject("an integer index out of range", I(SETX, 1, 0, 0, 1), nop, 0, DIF_CHK_INTIDX, 0);
	t_reject("a negative integer index", I(SETX, 1, 0, 0, -1), nop, 0, DIF_CHK_INTIDX, 0);
	t_reject("a string offset out of range", nop, I(SETS, 1, 0, 0, 1000), 0, DIF_CHK_STROFF, 1);
	t_reject("an undeclared variable", I(LDGS, 1, 0, 0, 9), nop, 0, DIF_CHK_VAR, 0);
	t_reject("a scalar used as array", I(LDGA, 1, 0, 0, 1), nop, 0, DIF_CHK_VAR, 0);
	t_reject("a global used as thread-local", I(STTS, 0, 1, 0, 1), nop, 0, DIF_CHK_VAR, 0);
	t_reject("a global used as clause-local", I(LDLS, 1, 0, 0, 1), nop, 0, DIF_CHK_VAR, 0);
	t_reject("an unknown built-in", I(LDB, 1, 0, 0, DIF_BV_COUNT), nop, 0, DIF_CHK_BVAR, 0);
	t_reject("built-in 0", I(LDB, 1, 0, 0, 0), nop, 0, DIF_CHK_BVAR, 0);
	t_reject("args without an index", I(LDB, 1, 0, 0, DIF_BV_ARGS), nop, 0, DIF_CHK_BVAR, 0);
	t_reject("pid indexed", I(LDBA, 1, 2, 0, DIF_BV_PID), nop, 0, DIF_CHK_BVAR, 0);
	t_reject("an unknown subroutine", I(CALL, 1, 0, 0, DIF_SUBR_COUNT), nop, 0, DIF_CHK_SUBR, 0);
	t_reject("copyout without -w", I(CALL, 1, 0, 0, DIF_SUBR_COPYOUT), nop,
		 DIF_PRIV_USER, DIF_CHK_DESTRUCTIVE, 0);
	t_reject("copyoutstr without -w", I(CALL, 1, 0, 0, DIF_SUBR_COPYOUTSTR), nop,
		 DIF_PRIV_USER, DIF_CHK_DESTRUCTIVE, 0);
	t_reject("copyin without user privilege", I(CALL, 1, 0, 0, DIF_SUBR_COPYIN), nop,
		 DIF_PRIV_DESTRUCTIVE, DIF_CHK_USERMEM, 0);
	t_reject("a user load without user privilege", nop, I(ULDX, 1, 2, 0, 0), 0,
		 DIF_CHK_USERMEM, 1);
	t_reject("a store of a user reference without user privilege",
		 I(STGS, 0, 1, 0, 3), nop, 0, DIF_CHK_USERMEM, 0);
	t_reject("copys of 0 bytes", I(COPYS, 0, 1, 2, 0), nop, 0, DIF_CHK_COPYSIZE, 0);
	t_reject("copys of 2 MiB", I(COPYS, 0, 1, 2, 2 << 20), nop, 0, DIF_CHK_COPYSIZE, 0);
	{
		dif_instr_t noret[3] = { nop, nop, nop };

		is_int(t_verify_raw(noret, 3, 0).de_check, DIF_CHK_NORET,
		       "verifier refuses a program not ending in ret");
		is_int(t_verify_raw(noret, 3, 0).de_pc, 2, "... at its last instruction");
	}
	{
		dif_instr_t ok3[3] = { I(CALL, 1, 0, 0, DIF_SUBR_COPYOUT), nop, RET };

		is_int(t_verify_raw(ok3, 3, DIF_PRIV_ALL).de_check, DIF_CHK_OK,
		       "copyout with -w passes");
	}
	ok(strcmp(dif_check_msg(DIF_CHK_BACKWARD), "backward branch") == 0,
	   "rejections carry a reason: %s", dif_check_msg(DIF_CHK_BACKWARD));
}

static void test_structure(void)
{
	struct dif_object obj;
	struct dif_error err;
	struct dif_hdr h = { .dh_magic = DIF_MAGIC, .dh_size = 32,
			     .dh_rtype = { DIF_TYPE_INT, 0, 0, 8 } };
	uint64_t buf[8];

	memcpy(buf, &h, sizeof(h));
	dif_object_parse(&obj, buf, 32, &err);
	is_int(err.de_check, DIF_CHK_EMPTY, "an object without instructions is refused");
	dif_object_parse(&obj, buf, 16, &err);
	is_int(err.de_check, DIF_CHK_HEADER, "a blob shorter than the header is refused");
}

/* ---- faults ---- */

static char t_buf[64];

static void t_fault(const char *what, const char *src, int fault, uint64_t illval,
		    uint32_t pc)
{
	struct t_run r = t_run(src);

	ok(r.r_check == 0 && r.r_fault == fault && r.r_illval == illval &&
	   r.r_pc == pc, "fault %s: %s (illval %#llx at %u; got check %s fault %d "
	   "illval %#llx at %u)", what, dif_fault_msg(fault),
	   (unsigned long long)illval, pc, dif_check_name(r.r_check), r.r_fault,
	   (unsigned long long)r.r_illval, r.r_pc);
}

static void test_faults(void)
{
	char p[512];

	t_fault("load of NULL", "ldx %r1, [%r0]\nret %r1\n", DIF_FLT_BADADDR, 0, 0);
	t_fault("load past a mapping", "movi %r2, 1\nsetx %r1, 4096\nldsb %r3, [%r1+16]\nret %r3\n",
		DIF_FLT_BADADDR, 4112, 2);
	snprintf(p, sizeof(p), "setx %%r1, %llu\nldx %%r2, [%%r1+60]\nret %%r2\n",
		 (unsigned long long)(uintptr_t)t_buf);
	t_fault("load straddling the end of a mapping", p, DIF_FLT_BADADDR,
		(uintptr_t)t_buf + 60, 1);
	t_fault("user load of NULL", "uldx %r1, [%r0]\nret %r1\n", DIF_FLT_BADADDR, 0, 0);
	t_fault("store outside scratch", "movi %r1, 8\nstx [%r1], %r1\nret %r1\n",
		DIF_FLT_BADADDR, 8, 1);
	dif_testhost_clause(t_th);
	t_fault("store past the allocated scratch",
		"movi %r1, 8\nalloc %r2, %r1\nstx [%r2+8], %r1\nret %r1\n",
		DIF_FLT_BADADDR, t_th->th_ms.ms_scratch_base + 8, 2);
	dif_testhost_clause(t_th);
	t_fault("misaligned store",
		"movi %r1, 16\nalloc %r2, %r1\nstw [%r2+2], %r1\nret %r1\n",
		DIF_FLT_BADALIGN, t_th->th_ms.ms_scratch_base + 2, 2);
	dif_testhost_clause(t_th);
	t_fault("sdiv by zero", "movi %r1, 1\nsdiv %r2, %r1, %r0\nret %r2\n", DIF_FLT_DIVZERO, 0, 1);
	t_fault("udiv by zero", "movi %r1, 1\nudiv %r2, %r1, %r0\nret %r2\n", DIF_FLT_DIVZERO, 0, 1);
	t_fault("srem by zero", "movi %r1, 1\nsrem %r2, %r1, %r0\nret %r2\n", DIF_FLT_DIVZERO, 0, 1);
	t_fault("urem by zero", "movi %r1, 1\nurem %r2, %r1, %r0\nret %r2\n", DIF_FLT_DIVZERO, 0, 1);
	t_fault("sdivi by zero", "movi %r1, 1\nsdivi %r2, %r1, 0\nret %r2\n", DIF_FLT_DIVZERO, 0, 1);
	t_fault("uremi by zero", "movi %r1, 1\nuremi %r2, %r1, 0\nret %r2\n", DIF_FLT_DIVZERO, 0, 1);
	t_fault("alloc beyond scratch", "setx %r1, 0x100000000\nalloc %r2, %r1\nret %r2\n",
		DIF_FLT_NOSCRATCH, 0x100000000ULL, 1);
	dif_testhost_clause(t_th);
	t_fault("alloc of 2^64-1", "movi %r1, -1\nalloc %r2, %r1\nret %r2\n",
		DIF_FLT_NOSCRATCH, ~0ULL, 1);
	dif_testhost_clause(t_th);
	t_fault("tuple stack overflow",
		"pushtv %r0\npushtv %r0\npushtv %r0\npushtv %r0\npushtv %r0\n"
		"pushtv %r0\npushtv %r0\npushtv %r0\npushtv %r0\nret %r0\n",
		DIF_FLT_TUPOFLOW, 8, 8);
	t_fault("a key larger than the key limit",
		"movi %r1, 16\nalloc %r2, %r1\nsetx %r3, 100000\npushtr %r2, %r3\nret %r0\n",
		DIF_FLT_KEYSIZE, 100000, 3);
	t_fault("a by-reference key of 0 bytes",
		"movi %r1, 16\nalloc %r2, %r1\npushtr %r2, %r0\nret %r0\n",
		DIF_FLT_KEYSIZE, 0, 2);
	dif_testhost_clause(t_th);
	t_fault("a subroutine with too few arguments", "call %r1, strlen\nret %r1\n",
		DIF_FLT_ILLOP, 0, 0);
	t_fault("a subroutine with too many arguments",
		"pushtv %r0\npushtv %r0\ncall %r1, strlen\nret %r1\n", DIF_FLT_ILLOP, 2, 2);
	t_fault("lltostr base 1", "movi %r1, 1\npushtv %r1\npushtv %r1\ncall %r2, lltostr\nret %r2\n",
		DIF_FLT_ILLOP, 1, 3);
	t_fault("strlen(NULL)", "pushtv %r0\ncall %r1, strlen\nret %r1\n", DIF_FLT_BADADDR, 0, 1);
	t_fault("a string key from a bad address", "movi %r1, 64\npushts %r1\nret %r0\n",
		DIF_FLT_BADADDR, 64, 1);
	{
		/* Dynamic variable storage: key + value larger than a chunk. */
		struct t_run r = t_run(".var a 1 global array string:4096 rw\n"
				       "sets %r1, \"x\"\npushtv %r0\nstga a, %r1\nret %r0\n");

		is_int(r.r_fault, DIF_FLT_KEYSIZE, "a value larger than a chunk: key size fault");
	}
	ok(strcmp(dif_fault_msg(DIF_FLT_BADADDR), "invalid address") == 0 &&
	   strcmp(dif_fault_msg(DIF_FLT_DIVZERO), "divide-by-zero") == 0 &&
	   dif_fault_msg(0) == NULL, "fault messages are DTrace's");
	is_int(DIF_FLT_BADADDR, 1, "DTRACEFLT_BADADDR is 1");
	is_int(DIF_FLT_BADSTACK, 9, "DTRACEFLT_BADSTACK is 9");
}

int main(void)
{
	t_host();
	dif_testhost_map(t_th, t_buf, sizeof(t_buf), false, false);
	test_verifier();
	test_structure();
	test_faults();
	dif_testhost_free(t_th);
	return tap_done();
}
